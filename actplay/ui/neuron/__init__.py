"""The neuron builder: inputs, weights and bias, the live equation, bars and truth table."""

from actplay.ui.neuron.panel import NeuronPanel

__all__ = ["NeuronPanel"]
