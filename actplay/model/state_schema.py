"""The whole-state dictionary (what a session file holds) and its validation.

:func:`validate_state` checks every field of a state dictionary before any of
it is used, and returns a clean copy: floats as floats, lists as lists, params
resolved. ``Playground.apply_state`` and the session loader both go through it,
so a file, an undo step and a preset are held to the same limits. The format is
documented in ``docs/session-format.md``.
"""

from __future__ import annotations

from actplay.core.initialisation import INIT_SCHEMES
from actplay.model import limits as lim
from actplay.model import training_schema
from actplay.model.custom_state import validate_custom_section
from actplay.model.errors import InvalidValue
from actplay.model.race_results import validate_race_section

FORMAT = "actplay-session"
VERSION = 1
REQUIRED_SECTIONS = ("format", "version", "curve", "neuron", "network")
OPTIONAL_SECTIONS = ("custom_activations", "dataset", "training", "race")
CUSTOM_SECTION = "custom_activations"  # validated by model.custom_state

DEFAULT_POINTS = 1001
DEFAULT_VISIBLE = {"f": True, "df": True, "d2f": False}


def check_version(state) -> None:
    """Raise ``ValueError`` unless ``state`` declares this format and a version we read."""
    if not isinstance(state, dict):
        raise InvalidValue(f"a session must be a JSON object, got {type(state).__name__}")
    if state.get("format") != FORMAT:
        raise InvalidValue(f"not an actplay session ('format' must be {FORMAT!r})")
    version = state.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise InvalidValue(f"'version' must be an integer, got {version!r}")
    if version > VERSION:
        raise InvalidValue(
            f"session version {version} was written by a newer actplay; "
            f"this one reads version {VERSION}"
        )
    if version < VERSION:
        raise InvalidValue(f"unsupported session version {version}")


def validate_state(state) -> dict:
    """Validate a whole state dictionary and return a clean, JSON-ready copy.

    Parameters
    ----------
    state : dict
        The dictionary ``Playground.state_dict()`` returns or a session file holds.

    Returns
    -------
    dict
        The same structure with numbers as floats/ints and params resolved.

    Raises
    ------
    ValueError
        Naming the first field that is missing, unknown, of the wrong type or out of range.
    """
    check_version(state)
    lim.check_keys("session", state, REQUIRED_SECTIONS, OPTIONAL_SECTIONS)
    # First: the other sections may use these functions by name.
    custom_section, custom = validate_custom_section(state.get(CUSTOM_SECTION, {}))
    network = _validate_network(state["network"], custom)
    curve = _validate_curve(state["curve"], custom)
    neuron = _validate_neuron(state["neuron"], network, custom)
    if curve["linked"]:
        # A linked curve shows the neuron's activation (a targeted unit's is its layer's).
        target = neuron["target"]
        source = (
            network["activations"][target[0] - 1]
            if target
            else (neuron["activation"], neuron["params"])
        )
        curve["activation"], curve["params"] = source[0], dict(source[1])
    clean = {
        "format": FORMAT,
        "version": VERSION,
        "curve": curve,
        "neuron": neuron,
        "network": network,
    }
    if custom_section:
        clean[CUSTOM_SECTION] = custom_section
    # dataset and training (issue 13, model.training_schema); left out, they take defaults.
    clean["dataset"] = training_schema.validate_dataset(state.get("dataset"))
    clean["training"] = training_schema.validate_training(state.get("training"))
    clean["race"] = validate_race_section(state.get("race"), custom)  # settings (+ results)
    return clean


def _validate_activation(
    field: str, name, params, allow_softmax: bool = False, custom=None
) -> tuple:
    name = lim.check_activation(f"{field} activation", name, allow_softmax, custom)
    return name, lim.check_params(f"{field} params", name, params, custom)


def _validate_curve(curve, custom) -> dict:
    lim.check_keys(
        "curve",
        curve,
        ("activation", "params", "compare", "visible", "x_range"),
        ("points", "linked"),
    )
    linked = lim.check_bool("curve linked", curve.get("linked", True))
    # Linked to a unit of a softmax output layer, the curve shows softmax.
    name, params = _validate_activation(
        "curve", curve["activation"], curve["params"], allow_softmax=linked, custom=custom
    )
    compare = curve["compare"]
    if not isinstance(compare, list):
        raise InvalidValue(f"curve compare must be a list, got {type(compare).__name__}")
    if len(compare) > lim.MAX_COMPARE:
        raise InvalidValue(
            f"curve compare holds at most {lim.MAX_COMPARE} entries, got {len(compare)}"
        )
    clean_compare = []
    for i, entry in enumerate(compare):
        lim.check_keys(f"curve compare[{i}]", entry, ("activation", "params"))
        cmp_name, cmp_params = _validate_activation(
            f"curve compare[{i}]", entry["activation"], entry["params"], custom=custom
        )
        clean_compare.append({"activation": cmp_name, "params": cmp_params})
    visible = curve["visible"]
    lim.check_keys("curve visible", visible, (), lim.CURVE_KINDS)
    clean_visible = dict(DEFAULT_VISIBLE)
    for kind, on in visible.items():
        clean_visible[kind] = lim.check_bool(f"curve visible {kind!r}", on)
    x_range = _validate_pair("curve x_range", curve["x_range"])
    points = lim.check_int(
        "curve points", curve.get("points", DEFAULT_POINTS), lim.MIN_POINTS, lim.MAX_POINTS
    )
    return {
        "activation": name,
        "params": params,
        "compare": clean_compare,
        "visible": clean_visible,
        "x_range": list(x_range),
        "points": points,
        "linked": linked,
    }


def _validate_pair(field: str, pair) -> tuple[float, float]:
    if not isinstance(pair, (list, tuple)) or len(pair) != 2:
        raise InvalidValue(f"{field} must be a pair [low, high], got {pair!r}")
    return lim.check_range(field, pair[0], pair[1])


def _validate_neuron(neuron, network: dict, custom) -> dict:
    lim.check_keys(
        "neuron",
        neuron,
        ("inputs", "weights", "bias", "activation", "params", "binary_mode"),
        ("target",),
    )
    inputs = lim.check_numbers("neuron inputs", neuron["inputs"], lim.MIN_INPUTS, lim.MAX_INPUTS)
    weights = lim.check_numbers("neuron weights", neuron["weights"], len(inputs), len(inputs))
    bias = lim.check_number("neuron bias", neuron["bias"])
    name, params = _validate_activation(
        "neuron", neuron["activation"], neuron["params"], custom=custom
    )
    binary_mode = lim.check_bool("neuron binary_mode", neuron["binary_mode"])
    if binary_mode:
        inputs = tuple(snap_binary(v) for v in inputs)
    target = neuron.get("target")
    if target is not None:
        target = list(check_target("neuron target", target, network["layer_sizes"]))
    return {
        "inputs": list(inputs),
        "weights": list(weights),
        "bias": bias,
        "activation": name,
        "params": params,
        "binary_mode": binary_mode,
        "target": target,
    }


def snap_binary(value: float) -> float:
    """Snap an input to 0 or 1 for binary mode (0.5 and above count as 1)."""
    return 1.0 if value >= 0.5 else 0.0


def check_target(field: str, target, layer_sizes) -> tuple[int, int]:
    """Return ``(layer, unit)`` if it names a unit of the network (layer 1-based)."""
    if not isinstance(target, (list, tuple)) or len(target) != 2:
        raise InvalidValue(f"{field} must be a pair [layer, unit], got {target!r}")
    layer = lim.check_int(f"{field} layer", target[0], 1, len(layer_sizes) - 1)
    unit = lim.check_int(f"{field} unit", target[1], 0, layer_sizes[layer] - 1)
    return layer, unit


def _validate_network(network, custom) -> dict:
    lim.check_keys(
        "network",
        network,
        ("layer_sizes", "activations", "weights", "biases", "init", "seed", "input", "plane_range"),
    )
    sizes = lim.check_layer_sizes("network layer_sizes", network["layer_sizes"])
    n_layers = len(sizes) - 1
    activations = _shaped_list("network activations", network["activations"], n_layers)
    clean_activations = []
    for i, pair in enumerate(activations):
        field = f"network layer {i + 1}"
        if not isinstance(pair, (list, tuple)) or len(pair) != 2:
            raise InvalidValue(f"{field} activation must be [name, params], got {pair!r}")
        name, params = _validate_activation(
            field, pair[0], pair[1], allow_softmax=(i == n_layers - 1), custom=custom
        )
        clean_activations.append([name, params])
    weights = _shaped_list("network weights", network["weights"], n_layers)
    biases = _shaped_list("network biases", network["biases"], n_layers)
    clean_weights, clean_biases = [], []
    for i in range(n_layers):
        rows = _shaped_list(f"network weights[{i}]", weights[i], sizes[i + 1])
        clean_weights.append(
            [
                list(lim.check_numbers(f"network weights[{i}][{r}]", row, sizes[i], sizes[i]))
                for r, row in enumerate(rows)
            ]
        )
        clean_biases.append(
            list(lim.check_numbers(f"network biases[{i}]", biases[i], sizes[i + 1], sizes[i + 1]))
        )
    init = network["init"]
    if init not in INIT_SCHEMES:
        raise InvalidValue(f"network init must be one of {', '.join(INIT_SCHEMES)}, got {init!r}")
    seed = lim.check_int("network seed", network["seed"], 0, lim.MAX_SEED)
    net_input = lim.check_numbers("network input", network["input"], sizes[0], sizes[0])
    plane_range = _validate_pair("network plane_range", network["plane_range"])
    return {
        "layer_sizes": list(sizes),
        "activations": clean_activations,
        "weights": clean_weights,
        "biases": clean_biases,
        "init": init,
        "seed": seed,
        "input": list(net_input),
        "plane_range": list(plane_range),
    }


def _shaped_list(field: str, value, length: int) -> list:
    if not isinstance(value, (list, tuple)):
        raise InvalidValue(f"{field} must be a list, got {type(value).__name__}")
    if len(value) != length:
        raise InvalidValue(
            f"{field} must hold {length} entries to match the layer sizes, got {len(value)}"
        )
    return list(value)
