"""Named quantities of the Playground that lessons read and set.

A lesson never reaches into the model by attribute: it names a quantity
("neuron.z", "layer2.dead_fraction", "curve.df(0)") and this table says how to
read it (and, for some, how to set it). Names may carry a unit or layer number
counted from 1 (``neuron.w2``, ``layer3.gradient_product``) and, for the curve,
one number in parentheses, the point to evaluate at (``curve.f(-2.5)``).

A quantity that does not exist in the current state (``neuron.x4`` on a
three-input neuron, a layer the network does not have, the loss before any
training) reads as ``None``: predicates on it are false, text shows a dash.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import NamedTuple

import numpy as np

from actplay.model import lesson_gradient, lesson_loss, lesson_network, lesson_nudge

YES = 0.5  # a truth-table row answers "yes" when the neuron's output reaches this


class Quantity(NamedTuple):
    """How to read one kind of quantity: ``read(playground, number, point)``."""

    kind: str  # "number", "text", "flag", "matrix" or "sum"
    read: Callable
    description: str


class Reference(NamedTuple):
    """A parsed quantity name: the table key, its unit/layer number and point."""

    name: str
    key: str
    number: int | None
    point: float | None


def _item(values, number):
    return values[number - 1] if 1 <= number <= len(values) else None


def _layer(playground, number):
    """The diagnostics of non-input layer ``number`` (1-based), or None."""
    return _item(playground.network_diagnostics(), number)


def _layer_name(playground, number):
    entry = _item(playground.layer_activations, number)
    return None if entry is None else entry[0]


def _curve_value(playground, point, which, entry=None):
    """f, f' or f'' at ``point`` of the curve's function, or of comparison ``entry`` (1-based)."""
    if entry is None:
        name, params = playground.curve_activation, playground.curve_params
    else:
        compared = _item(playground.compare, entry)
        if compared is None:
            return None
        name, params = compared
    activation = playground.activation(name)
    x = np.array([point], dtype=np.float64)
    if which == "f":
        y = activation(x, **params)
    elif which == "df":
        y = activation.derivative(x, **params)
    else:
        y = activation.second_derivative(x, **params)
    return float(y[0])


def _diagnostic(field):
    def read(playground, number, _point):
        layer = _layer(playground, number)
        return None if layer is None else float(getattr(layer, field))

    return read


QUANTITIES: dict[str, Quantity] = {
    # the neuron
    "neuron.z": Quantity(
        "number", lambda playground, n, p: playground.neuron_result().z, "weighted sum + bias"
    ),
    "neuron.a": Quantity(
        "number", lambda playground, n, p: playground.neuron_result().a, "output a = f(z)"
    ),
    "neuron.slope": Quantity(
        "number",
        lambda playground, n, p: playground.neuron_result().slope,
        "slope f'(z) at the neuron's z",
    ),
    "neuron.bias": Quantity("number", lambda playground, n, p: playground.neuron_bias, "bias b"),
    "neuron.threshold": Quantity(
        "number",
        lambda playground, n, p: -playground.neuron_bias,
        "-b: the weighted sum that makes z = 0",
    ),
    "neuron.x{n}": Quantity(
        "number", lambda playground, n, p: _item(playground.neuron_inputs, n), "input n"
    ),
    "neuron.w{n}": Quantity(
        "number", lambda playground, n, p: _item(playground.neuron_weights, n), "weight n"
    ),
    "neuron.z_change_w{n}(x)": Quantity(
        "number",
        lambda playground, n, p: lesson_nudge.z_change(playground, n, p),
        "how much z changes when weight n rises by x (x times input n)",
    ),
    "neuron.a_change_estimate_w{n}(x)": Quantity(
        "number",
        lambda playground, n, p: lesson_nudge.a_change_estimate(playground, n, p),
        "the slope's estimate of a's change when weight n rises by x: f'(z) times z's change",
    ),
    "neuron.a_change_w{n}(x)": Quantity(
        "number",
        lambda playground, n, p: lesson_nudge.a_change(playground, n, p),
        "how much a really changes when weight n rises by x",
    ),
    "neuron.error(x)": Quantity(
        "number",
        lambda playground, n, p: lesson_loss.neuron_error(playground, p),
        "the error of a sigmoid neuron's output for one example whose right answer is x",
    ),
    "neuron.inputs": Quantity(
        "number", lambda playground, n, p: len(playground.neuron_inputs), "number of inputs"
    ),
    "neuron.function": Quantity(
        "text",
        lambda playground, n, p: playground.neuron_activation,
        "the neuron's activation (name)",
    ),
    "neuron.title": Quantity(
        "text",
        lambda playground, n, p: playground.activation(playground.neuron_activation).title,
        "its title",
    ),
    "neuron.binary": Quantity(
        "flag", lambda playground, n, p: playground.binary_mode, "inputs are 0/1"
    ),
    "neuron.rows": Quantity(
        "number",
        lambda playground, n, p: 2 ** len(playground.neuron_inputs),
        "truth-table rows (2^inputs)",
    ),
    "neuron.yes_rows": Quantity(
        "number",
        lambda playground, n, p: sum(row.a >= YES for row in playground.truth_table()),
        f"truth-table rows whose output is at least {YES}",
    ),
    # the curve
    "curve.function": Quantity(
        "text", lambda playground, n, p: playground.curve_activation, "the curve's function (name)"
    ),
    "curve.title": Quantity(
        "text",
        lambda playground, n, p: playground.activation(playground.curve_activation).title,
        "its title",
    ),
    "curve.formula": Quantity(
        "text",
        lambda playground, n, p: playground.activation(playground.curve_activation).formula,
        "its formula as text",
    ),
    "curve.custom": Quantity(
        "flag",
        lambda playground, n, p: playground.curve_activation in playground.custom_activations,
        "the curve shows a function typed as a formula",
    ),
    "curve.f(x)": Quantity(
        "number", lambda playground, n, p: _curve_value(playground, p, "f"), "f at x"
    ),
    "curve.df(x)": Quantity(
        "number", lambda playground, n, p: _curve_value(playground, p, "df"), "f' at x"
    ),
    "curve.d2f(x)": Quantity(
        "number", lambda playground, n, p: _curve_value(playground, p, "d2f"), "f'' at x"
    ),
    "curve.df_power{n}(x)": Quantity(
        "number",
        lambda playground, n, p: _curve_value(playground, p, "df") ** n,
        "f' at x multiplied together n times: what n layers of that slope leave",
    ),
    "compare{n}.function": Quantity(
        "text",
        lambda playground, n, p: (_item(playground.compare, n) or (None,))[0],
        "the n-th compared function (name)",
    ),
    "compare{n}.f(x)": Quantity(
        "number", lambda playground, n, p: _curve_value(playground, p, "f", n), "f at x"
    ),
    "compare{n}.df(x)": Quantity(
        "number", lambda playground, n, p: _curve_value(playground, p, "df", n), "f' at x"
    ),
    "compare{n}.neuron_slope": Quantity(
        "number",
        lambda playground, n, p: _curve_value(playground, playground.neuron_result().z, "df", n),
        "the n-th compared function's slope at the neuron's z",
    ),
    # the network
    "network.hidden_layers": Quantity(
        "number",
        lambda playground, n, p: len(playground.layer_sizes) - 2,
        "number of hidden layers",
    ),
    "network.input{n}": Quantity(
        "number",
        lambda playground, n, p: _item(playground.network_input, n),
        "the network's input n",
    ),
    "network.inputs": Quantity(
        "number", lambda playground, n, p: playground.layer_sizes[0], "number of network inputs"
    ),
    "network.outputs": Quantity(
        "number", lambda playground, n, p: playground.layer_sizes[-1], "number of output units"
    ),
    "network.output{n}": Quantity(
        "number", lambda playground, n, p: lesson_network.output(playground, n), "output unit n"
    ),
    "network.output_z{n}": Quantity(
        "number",
        lambda playground, n, p: lesson_network.output_z(playground, n),
        "output unit n's z (its weighted sum plus bias)",
    ),
    "network.output_sum": Quantity(
        "number",
        lambda playground, n, p: float(np.sum(playground.network_trace().a[-1])),
        "sum of the outputs",
    ),
    "network.output_function": Quantity(
        "text",
        lambda playground, n, p: playground.layer_activations[-1][0],
        "the output layer's activation",
    ),
    "network.linear": Quantity(
        "flag",
        lambda playground, n, p: playground.linear_equivalent() is not None,
        "every layer is linear (identity)",
    ),
    "network.nonlinearity": Quantity(
        "number",
        lambda playground, n, p: lesson_network.nonlinearity(playground),
        "how far output 1 bends away from a flat plane (0 = flat)",
    ),
    "network.collapsed_w": Quantity(
        "matrix",
        lambda playground, n, p: lesson_network.collapsed(playground, 0),
        "the one W of a linear network",
    ),
    "network.collapsed_b": Quantity(
        "matrix",
        lambda playground, n, p: lesson_network.collapsed(playground, 1),
        "the one b of a linear network",
    ),
    "network.collapsed_output{n}": Quantity(
        "sum",
        lambda playground, n, p: lesson_network.collapsed_output(playground, n),
        "output n of a linear network written out: w1·x1 + w2·x2 + … + b",
    ),
    "layer{n}.function": Quantity(
        "text", lambda playground, n, p: _layer_name(playground, n), "layer n's activation (name)"
    ),
    "layer{n}.units": Quantity(
        "number",
        lambda playground, n, p: _item(playground.layer_sizes[1:], n),
        "number of units in layer n",
    ),
    "layer{n}.dead_fraction": Quantity(
        "number", _diagnostic("dead_fraction"), "share of layer n's units that are dead"
    ),
    "layer{n}.saturated_fraction": Quantity(
        "number", _diagnostic("saturated_fraction"), "share of layer n's units saturated"
    ),
    "layer{n}.mean_slope": Quantity(
        "number", _diagnostic("mean_abs_derivative"), "mean |f'| of layer n"
    ),
    "layer{n}.gradient_product": Quantity(
        "number", _diagnostic("gradient_product"), "product of mean |f'| up to layer n"
    ),
    # training
    "training.epoch": Quantity(
        "number", lambda playground, n, p: playground.epoch, "epochs trained"
    ),
    "training.loss": Quantity(
        "number", lambda playground, n, p: lesson_loss.last_loss(playground), "latest training loss"
    ),
    "training.first_loss": Quantity(
        "number",
        lambda playground, n, p: lesson_loss.first_loss(playground),
        "training loss first recorded",
    ),
    "training.optimizer": Quantity(
        "text",
        lambda playground, n, p: playground.training_settings["optimizer"],
        "the optimiser (name: sgd, adam)",
    ),
    "training.learning_rate": Quantity(
        "number",
        lambda playground, n, p: playground.training_settings["learning_rate"],
        "the learning rate",
    ),
    "training.undecided_loss": Quantity(
        "number",
        lambda playground, n, p: lesson_loss.undecided_loss(playground),
        "the loss of a network that answers one half everywhere",
    ),
    "training.accuracy": Quantity(
        "number",
        lambda playground, n, p: playground.accuracy(test=False),
        "share of training points right",
    ),
    "training.test_accuracy": Quantity(
        "number",
        lambda playground, n, p: playground.accuracy(test=True),
        "share of test points right (the points kept out of training)",
    ),
}
QUANTITIES.update(
    (key, Quantity("number", read, description))
    for key, (read, description) in lesson_gradient.READERS.items()
)

_NAME = re.compile(
    r"^(?P<head>[a-z_]+)(?P<n1>\d+)?\.(?P<tail>[a-z_0-9]*?)(?P<n2>\d+)?"
    r"(?:\((?P<point>[^()]*)\))?$"
)


def split(name) -> Reference | None:
    """A name's table key, number and point, without looking the key up; None if malformed.

    ``"layer3.dead_fraction"`` -> key ``"layer{n}.dead_fraction"``, number 3;
    ``"curve.df(0.5)"`` -> key ``"curve.df(x)"``, point 0.5 (None if not a finite number).
    """
    match = _NAME.match(name) if isinstance(name, str) else None
    if match is None or (match["n1"] and match["n2"]):
        return None
    key = match["head"] + ("{n}" if match["n1"] else "") + "." + match["tail"]
    key += "{n}" if match["n2"] else ""
    point = None
    if match["point"] is not None:
        key += "(x)"
        try:
            point = float(match["point"])
        except ValueError:
            point = math.nan
    number_text = match["n1"] or match["n2"]
    return Reference(name, key, int(number_text) if number_text else None, point)


def parse(name: str) -> Reference:
    """Split a quantity name into its table key, number and point.

    Raises
    ------
    ValueError
        For a name that is not in the table, a number below 1 or a point that is
        not a finite number; the message lists the known names.
    """
    reference = split(name)
    if reference is None or reference.key not in QUANTITIES:
        raise ValueError(f"unknown quantity {name!r}; known: {known_names()}")
    check_reference(reference)
    return reference


def check_reference(reference: Reference) -> None:
    """Raise ValueError for a number below 1 or a point that is not a finite number."""
    if reference.number is not None and reference.number < 1:
        raise ValueError(f"{reference.name!r}: units and layers count from 1")
    if reference.point is not None and not math.isfinite(reference.point):
        raise ValueError(f"{reference.name!r}: the point in parentheses must be a finite number")


def kind_of(reference: Reference) -> str:
    """``"number"``, ``"text"``, ``"flag"``, ``"matrix"`` or ``"sum"`` (terms to write out)."""
    return QUANTITIES[reference.key].kind


def read(playground, reference: Reference):
    """The quantity's value in ``playground`` now, or None where it does not exist."""
    quantity = QUANTITIES[reference.key]
    value = quantity.read(playground, reference.number, reference.point)
    if quantity.kind == "number" and value is not None:
        value = float(value)
    return value


def known_names() -> str:
    """The table's keys, comma-separated, for error messages."""
    return ", ".join(QUANTITIES)
