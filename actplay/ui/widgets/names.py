"""How the window names layers, units and weights.

Layers are ``in``, ``h1``, ``h2``, ..., ``out``; units and inputs are counted
from 1 on screen (the model and session files count them from 0). The neuron
builder and the network panel both speak this vocabulary.
"""

from __future__ import annotations


def layer_label(layer: int, n_layers: int) -> str:
    """Short name of a layer: ``in``, ``h1``.., ``out`` (``layer`` 0 = input)."""
    if layer == 0:
        return "in"
    return "out" if layer == n_layers - 1 else f"h{layer}"


def input_label(index: int, name: str = "") -> str:
    """Input ``index`` (from 0) as shown: ``x1``, or ``x1 weather`` when it has a name."""
    return f"x{index + 1} {name}" if name else f"x{index + 1}"


def unit_label(layer: int, unit: int, n_layers: int) -> str:
    """A unit as the window names it: ``h1 unit 4`` for ``unit`` 3 of the first hidden layer.

    Units are counted from 1 on screen, like the inputs x1, x2 and the neuron's
    weights w1, w2 (the model and session files count them from 0).
    """
    return f"{layer_label(layer, n_layers)} unit {unit + 1}"


def weight_label(layer: int, out: int, inp: int, n_layers: int) -> str:
    """A weight as the window names it: ``in[1] -> h1[4]`` (units counted from 1)."""
    source, target = layer_label(layer - 1, n_layers), layer_label(layer, n_layers)
    return f"{source}[{inp + 1}] \u2192 {target}[{out + 1}]"


def non_input_layers(per_layer, layer_sizes):
    """Drop the input entry of a per-layer list when there is one."""
    per_layer = list(per_layer)
    return per_layer[1:] if len(per_layer) == len(layer_sizes) else per_layer
