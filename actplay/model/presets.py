"""Ready-made examples, each applied in one batch (one event, one repaint).

Neuron presets change the standalone neuron (and show it, linked, in the curve
pane; the perceptron names its inputs). Network presets change the network and
open its first hidden unit in the neuron builder, so the curve pane shows the
hidden layers' activation. Everything else the user set stays as it was.
"""

from __future__ import annotations

from collections.abc import Callable

from actplay.model.errors import InvalidValue
from actplay.model.playground import Playground

# name -> title shown in the menu, in menu order
PRESETS = {
    "perceptron": "Perceptron: should I see the film?",
    "sigmoid_neuron": "A single sigmoid neuron",
    "dead_relu": "A dead ReLU neuron",
    "xor": "XOR with a 2-2-1 network",
    "deep_sigmoid": "Deep sigmoid network (vanishing gradients)",
    "deep_relu": "Deep ReLU network",
    "linear_collapse": "Stacked linear layers collapse to one",
}

PERCEPTRON_INPUTS = ("weather", "friend", "cinema")  # good weather, a friend comes, it is near
DEEP_SIZES = (2, 8, 8, 8, 8, 8, 8, 1)  # six hidden layers: the deepest the app allows
XOR_STEEPNESS = 20.0  # large weights make the sigmoids nearly steps: outputs within 1e-4 of 0/1


def _show_neuron(
    playground: Playground, inputs, weights, bias, activation, binary_mode, names=None
) -> None:
    playground.release_neuron()
    playground.set_linked(True)
    playground.set_binary_mode(False)  # so the inputs below are set exactly, then snapped if asked
    playground.set_input_count(len(inputs))
    playground.set_neuron_activation(activation)
    for i, (x, w) in enumerate(zip(inputs, weights, strict=True)):
        playground.set_neuron_input(i, x)
        playground.set_neuron_weight(i, w)
    playground.set_neuron_bias(bias)
    playground.set_binary_mode(binary_mode)
    playground.set_input_names(names)


def _perceptron(playground: Playground) -> None:
    # Inputs: is the weather good, does a friend come, is the cinema near. The
    # weather alone (4) beats the threshold 3; otherwise both others (2 + 2) must.
    _show_neuron(
        playground,
        (1.0, 0.0, 1.0),
        (4.0, 2.0, 2.0),
        -3.0,
        "binary_step",
        binary_mode=True,
        names=PERCEPTRON_INPUTS,
    )


def _sigmoid_neuron(playground: Playground) -> None:
    _show_neuron(playground, (1.0, 0.5, -0.5), (0.8, -0.4, 0.3), 0.1, "sigmoid", binary_mode=False)


def _dead_relu(playground: Playground) -> None:
    # Negative weights and bias: z < 0 for every non-negative input, so a = 0 and
    # f'(z) = 0: no gradient can ever move these weights.
    _show_neuron(playground, (1.0, 0.5, 2.0), (-0.8, -0.5, -0.3), -0.5, "relu", binary_mode=False)


def _set_network(
    playground: Playground,
    sizes,
    activations,
    weights=None,
    biases=None,
    network_input=None,
    plane_range=(-6.0, 6.0),
) -> None:
    playground.set_init("xavier")
    playground.set_seed(0)
    playground.set_layer_sizes(sizes)
    playground.reinitialise()
    for layer, name in enumerate(activations, start=1):
        playground.set_layer_activation(layer, name)
    if weights is not None:
        for layer, (matrix, vector) in enumerate(zip(weights, biases, strict=True), start=1):
            for out, row in enumerate(matrix):
                for in_, value in enumerate(row):
                    playground.set_weight(layer, out, in_, value)
                playground.set_bias(layer, out, vector[out])
    for i, value in enumerate(network_input or (1.0,) * sizes[0]):
        playground.set_network_input(i, value)
    playground.set_plane_range(*plane_range)
    # The neuron builder opens the first hidden unit, so the curve pane (linked to it)
    # shows the hidden layers' activation with that unit's operating point.
    playground.set_linked(True)
    playground.select_network_neuron(1, 0)


def _xor(playground: Playground) -> None:
    # Hidden unit 1 is OR, hidden unit 2 is NAND, the output is their AND.
    k = XOR_STEEPNESS
    weights = ([[k, k], [-k, -k]], [[k, k]])
    biases = ([-0.5 * k, 1.5 * k], [-1.5 * k])
    _set_network(
        playground,
        (2, 2, 1),
        ("sigmoid", "sigmoid"),
        weights,
        biases,
        network_input=(1.0, 0.0),
        plane_range=(-0.5, 1.5),
    )


def _deep_sigmoid(playground: Playground) -> None:
    _set_network(playground, DEEP_SIZES, ("sigmoid",) * 7, network_input=(1.0, -0.5))


def _deep_relu(playground: Playground) -> None:
    _set_network(playground, DEEP_SIZES, ("relu",) * 6 + ("sigmoid",), network_input=(1.0, -0.5))


def _linear_collapse(playground: Playground) -> None:
    _set_network(playground, (2, 4, 4, 2), ("identity",) * 3, network_input=(1.0, -0.5))


_APPLY: dict[str, Callable[[Playground], None]] = {
    "perceptron": _perceptron,
    "sigmoid_neuron": _sigmoid_neuron,
    "dead_relu": _dead_relu,
    "xor": _xor,
    "deep_sigmoid": _deep_sigmoid,
    "deep_relu": _deep_relu,
    "linear_collapse": _linear_collapse,
}


def apply(playground: Playground, name: str) -> None:
    """Apply preset ``name`` (a key of :data:`PRESETS`) to ``playground`` as one event.

    The event names the sections the preset changed; none if it changed nothing.

    Raises
    ------
    ValueError
        For an unknown preset name (nothing changes).
    """
    if name not in _APPLY:
        raise InvalidValue(f"unknown preset {name!r}; known: {', '.join(PRESETS)}")
    # Build the result on a scratch copy, then apply it in one step: steps that
    # cancel out (binary mode off then on again) must not cause an event.
    scratch = Playground()
    scratch.apply_state(playground.state_dict())
    _APPLY[name](scratch)
    with playground.batch():
        playground.apply_state(scratch.state_dict())
