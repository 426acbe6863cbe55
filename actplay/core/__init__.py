"""Pure numpy maths: activations, neuron, network, initialisation, diagnostics, grid.

No Qt, no I/O, no state: every function here takes arrays and returns arrays.
"""
