"""The state-setting actions a lesson step runs when it opens.

Each action is a one-verb table::

    {preset = "perceptron"}                 a ready-made example (model/presets.py)
    {set = "neuron.bias", to = -2.0}        one settable quantity
    {show = "network_diagnostics_page"}     a window place (dock or tab) to bring forward
    {layout = "network"}                    the window's layout: "curve" or "network"

``preset`` and ``set`` change the Playground; ``show`` and ``layout`` are left to
the window (the model does not know its widgets). :func:`apply_actions` runs a step's
model actions on a scratch copy first and then loads the result in one
``apply_state``: one event, and nothing changes when an action is refused.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import NamedTuple

from actplay.model import lesson_quantities as quantities
from actplay.model import presets
from actplay.model.sections.training import TrainingSection

VERBS = ("preset", "set", "show", "layout")
# The window's two arrangements (ui/shell/layouts.py; a test keeps the two lists equal):
# the curve pane in the centre, or the network canvas.
LAYOUTS = ("curve", "network")
WINDOW_VERBS = ("show", "layout")  # carried out by the window, not on the model
FORMULA_NAME = "my_function"  # the custom function a lesson's curve.formula defines


def _count(value) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value != int(value):
        raise ValueError(f"must be a whole number, got {value!r}")
    return int(value)


def _float(value) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise ValueError(f"must be a finite number, got {value!r}")
    return float(value)


def _text(value) -> str:
    if not isinstance(value, str):
        raise ValueError(f"must be a string, got {value!r}")
    return value


def _flag(value) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"must be true or false, got {value!r}")
    return value


def _sizes(value) -> tuple[int, ...]:
    if not isinstance(value, list) or len(value) < 2:
        raise ValueError(f"must be a list of at least two layer sizes, got {value!r}")
    return tuple(_count(item) for item in value)


def _names(value) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise ValueError(f"must be a list of function names, got {value!r}")
    return tuple(_text(item) for item in value)


def _set_compare(playground, names) -> None:
    while playground.compare:
        playground.remove_compare(len(playground.compare) - 1)
    for name in names:
        playground.add_compare(name)


def _training_defaults(playground) -> None:
    """The app's first-start training settings: a lesson's run then does not depend on
    what the learner set before (a lesson trains for a few epochs and states results)."""
    defaults = dict(TrainingSection.DEFAULTS)
    del defaults["epoch"]
    playground.set_training(**defaults)


def _show_formula(playground, formula) -> None:
    playground.add_custom_activation({"name": FORMULA_NAME, "formula": formula})
    playground.set_curve_activation(FORMULA_NAME)


class Setter(NamedTuple):
    """How to set one quantity: ``convert(value)`` checks the type, ``write(playground, n, v)``."""

    convert: Callable
    write: Callable


SETTERS: dict[str, Setter] = {
    "neuron.inputs": Setter(_count, lambda playground, n, v: playground.set_input_count(v)),
    "neuron.x{n}": Setter(_float, lambda playground, n, v: playground.set_neuron_input(n - 1, v)),
    "neuron.w{n}": Setter(_float, lambda playground, n, v: playground.set_neuron_weight(n - 1, v)),
    "neuron.bias": Setter(_float, lambda playground, n, v: playground.set_neuron_bias(v)),
    "neuron.function": Setter(_text, lambda playground, n, v: playground.set_neuron_activation(v)),
    "neuron.binary": Setter(_flag, lambda playground, n, v: playground.set_binary_mode(v)),
    "curve.function": Setter(_text, lambda playground, n, v: playground.set_curve_activation(v)),
    "curve.linked": Setter(_flag, lambda playground, n, v: playground.set_linked(v)),
    "curve.show_slope": Setter(_flag, lambda playground, n, v: playground.set_visible("df", v)),
    "curve.show_curvature": Setter(
        _flag, lambda playground, n, v: playground.set_visible("d2f", v)
    ),
    "curve.formula": Setter(_text, lambda playground, n, v: _show_formula(playground, v)),
    "curve.compare": Setter(_names, lambda playground, n, v: _set_compare(playground, v)),
    "network.sizes": Setter(_sizes, lambda playground, n, v: playground.set_layer_sizes(v)),
    "network.input{n}": Setter(
        _float, lambda playground, n, v: playground.set_network_input(n - 1, v)
    ),
    "network.seed": Setter(_count, lambda playground, n, v: playground.set_seed(v)),
    "network.init": Setter(_text, lambda playground, n, v: playground.set_init(v)),
    "layer{n}.function": Setter(
        _text, lambda playground, n, v: playground.set_layer_activation(n, v)
    ),
    "dataset.source": Setter(_text, lambda playground, n, v: playground.set_dataset(source=v)),
    "training.reset": Setter(
        _flag, lambda playground, n, v: playground.reset_training() if v else None
    ),
    "training.optimizer": Setter(
        _text, lambda playground, n, v: playground.set_training(optimizer=v)
    ),
    "training.learning_rate": Setter(
        _float, lambda playground, n, v: playground.set_training(learning_rate=v)
    ),
    "training.defaults": Setter(
        _flag, lambda playground, n, v: _training_defaults(playground) if v else None
    ),
}


class Action(NamedTuple):
    """One parsed action: ``verb`` in :data:`VERBS`; ``target`` the preset, quantity
    reference or window place; ``value`` what a ``set`` writes."""

    verb: str
    target: object
    value: object = None


def _settable(name) -> quantities.Reference:
    """The reference for a settable quantity name (``neuron.w2``), or raise ValueError."""
    reference = quantities.split(name)
    if reference is None or reference.key not in SETTERS:
        raise ValueError(f"cannot set {name!r}; settable: {', '.join(SETTERS)}")
    quantities.check_reference(reference)
    return reference


def parse_action(data, where: str) -> Action:
    """Check one action table; ``ValueError("<where>: <problem>")`` for a bad one."""
    if not isinstance(data, dict):
        raise ValueError(f'{where}: must be a table such as {{preset = "perceptron"}}')
    verbs = [verb for verb in VERBS if verb in data]
    if len(verbs) != 1:
        raise ValueError(f"{where}: needs exactly one of {', '.join(VERBS)}")
    verb = verbs[0]
    allowed = {verb, "to"} if verb == "set" else {verb}
    extra = set(data) - allowed
    if extra:
        raise ValueError(f"{where}: unknown field {sorted(extra)[0]!r}")
    target = data[verb]
    if verb == "preset":
        if target not in presets.PRESETS:
            raise ValueError(
                f"{where}.preset: unknown preset {target!r}; known: {', '.join(presets.PRESETS)}"
            )
        return Action("preset", target)
    if verb == "show":
        if not isinstance(target, str) or not target:
            raise ValueError(f"{where}.show: must name a window place (a dock or tab page)")
        return Action("show", target)
    if verb == "layout":
        if target not in LAYOUTS:
            raise ValueError(f"{where}.layout: must be one of {', '.join(LAYOUTS)}, got {target!r}")
        return Action("layout", target)
    if not isinstance(target, str):
        raise ValueError(f"{where}.set: must be a quantity name")
    try:
        reference = _settable(target)
    except ValueError as error:
        raise ValueError(f"{where}.set: {error}") from None
    if "to" not in data:
        raise ValueError(f"{where}: 'set' needs 'to'")
    try:
        value = SETTERS[reference.key].convert(data["to"])
    except ValueError as error:
        raise ValueError(f"{where}.to: {error}") from None
    return Action("set", reference, value)


def _run(playground, action: Action) -> None:
    if action.verb == "preset":
        presets.apply(playground, action.target)
    elif action.verb == "set":
        reference = action.target
        SETTERS[reference.key].write(playground, reference.number, action.value)


def apply_actions(playground, actions) -> None:
    """Run the model actions (``preset``, ``set``) of one step on ``playground`` as one change.

    Raises
    ------
    ValueError
        When the model refuses an action (``playground`` is then unchanged).
    """
    model_actions = [action for action in actions if action.verb not in WINDOW_VERBS]
    if not model_actions:
        return
    from actplay.model.playground import Playground

    scratch = Playground()
    scratch.apply_state(playground.state_dict())
    for action in model_actions:
        _run(scratch, action)
    playground.apply_state(scratch.state_dict())


def places(actions) -> tuple[str, ...]:
    """The window places a step's ``show`` actions name, in order."""
    return tuple(action.target for action in actions if action.verb == "show")


def layout(actions) -> str | None:
    """The layout a step's ``layout`` action asks for (the last one), or None."""
    chosen = [action.target for action in actions if action.verb == "layout"]
    return chosen[-1] if chosen else None
