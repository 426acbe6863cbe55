"""The ``race`` section of the state: its settings, their defaults and validation.

A race's settings are a plain JSON object (``docs/session-format.md``): the data
set, the hidden layers, the contestants, and the training settings they all
share. :func:`validate_race` returns a clean copy with defaults filled in or
raises ``ValueError`` naming the field; ``state_schema.validate_state`` calls it,
so a session file, an undo step, the CLI and a setter meet the same limits. The
results a session may keep with them are checked in ``race_results.py``.
"""

from __future__ import annotations

import copy

from actplay.core import datasets
from actplay.core.initialisation import INIT_SCHEMES
from actplay.core.race_limits import (
    MAX_BIAS_INIT,
    MAX_CONTESTANTS,
    MAX_SEEDS,
    METRICS,
    check_target,
)
from actplay.core.training import LOSSES, OPTIMIZERS
from actplay.model import limits as lim
from actplay.model.errors import InvalidValue
from actplay.model.sections import training as training_section
from actplay.model.sections.dataset import DatasetSection

MAX_EPOCHS = 5000  # a long race on the largest set still ends within minutes
MAX_LABEL = 40  # characters of a contestant's own label: a legend entry, not a note
#: The output layer each loss trains: (activation, units); mse on classes uses a sigmoid.
OUTPUT_FOR_LOSS = {"bce": ("sigmoid", 1), "cross_entropy": ("softmax", 2), "mse": ("sigmoid", 1)}
REGRESSION_OUTPUT = ("tanh", 1)  # the regression targets lie in [-1, 1]
REGRESSION_TARGET = {"metric": "test_loss", "value": 0.02}  # a close fit of the surface
DATASET_KEYS = ("source", "points", "noise", "test_fraction", "seed", "features")

DEFAULT_RACE = {
    "preset": "",
    "dataset": {
        "source": "spiral",
        "points": 500,
        "noise": 0.0,
        "test_fraction": 0.5,
        "seed": 0,
        "features": ["x1", "x2"],
    },
    "hidden": [8, 8, 8, 8],
    "contestants": [
        {"activation": "sigmoid", "params": {}},
        {"activation": "tanh", "params": {}},
        {"activation": "relu", "params": {}},
    ],
    "loss": "bce",
    "optimizer": "adam",
    "learning_rate": 0.03,
    "batch_size": 10,
    "l2": 0.0,
    "init": "xavier",
    "bias_init": 0.0,
    "seed": 0,
    "repeats": 1,
    "epochs": 200,
    "target": {"metric": "test_accuracy", "value": 0.9},
    "keep_results": True,
}
KEYS = tuple(DEFAULT_RACE)


def default_race() -> dict:
    """A fresh copy of the default settings."""
    return copy.deepcopy(DEFAULT_RACE)


def validate_race(section, custom=None) -> dict:
    """Return a clean copy of a ``race`` section (``None`` -> the defaults).

    Parameters
    ----------
    section : dict or None
        Settings as a session holds them; keys left out take their defaults. A
        ``"results"`` key is not a setting: see ``race_results.validate_results``.
    custom : dict, optional
        Name -> ``Activation`` of the custom functions contestants may use.
    """
    if section is None:
        return default_race()
    lim.check_keys("race", section, (), KEYS)
    merged = {**DEFAULT_RACE, **section}
    preset = merged["preset"]
    if not isinstance(preset, str) or len(preset) > MAX_LABEL:
        raise InvalidValue(f"race preset must be a short name, got {preset!r}")
    dataset = _validate_dataset(merged["dataset"])
    hidden = _validate_hidden(merged["hidden"])
    regression = dataset["source"] == "regression"
    loss = _choice("race loss", merged["loss"], LOSSES)
    if regression and loss != "mse":
        raise InvalidValue("race loss must be mse for the regression data set")
    seed = lim.check_int("race seed", merged["seed"], 0, lim.MAX_SEED)
    repeats = lim.check_int("race repeats", merged["repeats"], 1, MAX_SEEDS)
    if seed + repeats - 1 > lim.MAX_SEED:
        raise InvalidValue(f"race seed + repeats - 1 must stay within {lim.MAX_SEED}")
    clean = {
        "preset": preset,
        "dataset": dataset,
        "hidden": hidden,
        "contestants": _validate_contestants(merged["contestants"], len(hidden), custom),
        "loss": loss,
        "optimizer": _choice("race optimizer", merged["optimizer"], OPTIMIZERS),
        "learning_rate": _float(
            "race learning_rate",
            merged["learning_rate"],
            0.0,
            training_section.MAX_LEARNING_RATE,
            lo_open=True,
        ),
        "batch_size": lim.check_int(
            "race batch_size", merged["batch_size"], 1, training_section.MAX_BATCH_SIZE
        ),
        "l2": _float("race l2", merged["l2"], 0.0, training_section.MAX_L2),
        "init": _choice("race init", merged["init"], INIT_SCHEMES),
        "bias_init": _float("race bias_init", merged["bias_init"], -MAX_BIAS_INIT, MAX_BIAS_INIT),
        "seed": seed,
        "repeats": repeats,
        "epochs": lim.check_int("race epochs", merged["epochs"], 1, MAX_EPOCHS),
        "target": _validate_target(merged["target"], regression),
        "keep_results": lim.check_bool("race keep_results", merged["keep_results"]),
    }
    return clean


def _float(field: str, value, lo: float, hi: float, lo_open: bool = False) -> float:
    number = lim.check_number(field, value)
    if number < lo or number > hi or (lo_open and number == lo):
        raise InvalidValue(
            f"{field} must be within {'(' if lo_open else '['}{lo:g}, {hi:g}], got {number!r}"
        )
    return number


def _choice(field: str, value, choices) -> str:
    if value not in choices:
        raise InvalidValue(f"{field} must be one of {', '.join(choices)}, got {value!r}")
    return value


def _validate_dataset(section) -> dict:
    lim.check_keys("race dataset", section, (), DATASET_KEYS)
    source = section.get("source", DEFAULT_RACE["dataset"]["source"])
    if source not in datasets.SOURCES:
        raise InvalidValue(
            f"race dataset source must be one of {', '.join(datasets.SOURCES)}, got {source!r}"
        )
    try:
        clean = DatasetSection.validate({**DEFAULT_RACE["dataset"], **section})
    except ValueError as error:
        raise InvalidValue(f"race {error}") from None
    return {key: clean[key] for key in DATASET_KEYS}


def _validate_hidden(hidden) -> list[int]:
    if not isinstance(hidden, list) or not 1 <= len(hidden) <= lim.MAX_HIDDEN_LAYERS:
        raise InvalidValue(
            f"race hidden must list 1..{lim.MAX_HIDDEN_LAYERS} hidden layer sizes, got {hidden!r}"
        )
    return [
        lim.check_int(
            f"race hidden layer {i + 1} size", size, lim.MIN_HIDDEN_UNITS, lim.MAX_HIDDEN_UNITS
        )
        for i, size in enumerate(hidden)
    ]


def _validate_contestants(entries, n_hidden: int, custom) -> list[dict]:
    if not isinstance(entries, list) or not 1 <= len(entries) <= MAX_CONTESTANTS:
        raise InvalidValue(f"race contestants must be a list of 1..{MAX_CONTESTANTS} entries")
    clean = []
    for i, entry in enumerate(entries):
        field = f"race contestant {i + 1}"
        if not isinstance(entry, dict):
            raise InvalidValue(f"{field} must be an object, got {entry!r}")
        if "layers" in entry:
            lim.check_keys(field, entry, ("layers",), ("label",))
            layers = entry["layers"]
            if not isinstance(layers, list) or len(layers) != n_hidden:
                raise InvalidValue(
                    f"{field} layers must list one [name, params] per hidden layer ({n_hidden})"
                )
            item = {
                "layers": [_pair(f"{field} layer {k + 1}", p, custom) for k, p in enumerate(layers)]
            }
        else:
            lim.check_keys(field, entry, ("activation",), ("params", "label"))
            name, params = _pair(field, [entry["activation"], entry.get("params")], custom)
            item = {"activation": name, "params": params}
        if "label" in entry:
            label = entry["label"]
            if not isinstance(label, str) or not label.strip() or len(label) > MAX_LABEL:
                raise InvalidValue(
                    f"{field} label must be 1..{MAX_LABEL} characters, got {label!r}"
                )
            item["label"] = label.strip()
        clean.append(item)
    return clean


def _pair(field: str, pair, custom) -> list:
    if not isinstance(pair, (list, tuple)) or len(pair) != 2:
        raise InvalidValue(f"{field} must be [name, params], got {pair!r}")
    name = lim.check_activation(f"{field} activation", pair[0], custom=custom)
    return [name, lim.check_params(f"{field} params", name, pair[1], custom)]


def _validate_target(target, regression: bool) -> dict:
    lim.check_keys("race target", target, ("metric", "value"))
    metric = _choice("race target metric", target["metric"], METRICS)
    if regression and metric.endswith("accuracy"):
        raise InvalidValue("race target must be a loss for the regression data set")
    value = lim.check_number("race target value", target["value"])
    try:
        check_target(metric, value)
    except ValueError as error:
        raise InvalidValue(f"race {error}") from None
    return {"metric": metric, "value": value}


def contestant_layers(entry: dict, n_hidden: int) -> list[tuple[str, dict]]:
    """``(name, params)`` per hidden layer of a clean contestant entry."""
    if "layers" in entry:
        return [(name, dict(params)) for name, params in entry["layers"]]
    return [(entry["activation"], dict(entry["params"]))] * n_hidden


def output_layer(settings: dict) -> tuple[str, int]:
    """The output layer's ``(activation, units)`` for clean settings."""
    if settings["dataset"]["source"] == "regression":
        return REGRESSION_OUTPUT
    return OUTPUT_FOR_LOSS[settings["loss"]]


def activations_used(settings: dict) -> set[str]:
    """Every activation name the contestants use (to refuse removing one)."""
    names = set()
    for entry in settings["contestants"]:
        names.update(name for name, _ in contestant_layers(entry, len(settings["hidden"])))
    return names


def fit_layers(contestants, hidden) -> list:
    """Per-layer contestants follow a new layer count: the last layer's function repeats
    into new layers, removed layers take theirs with them."""
    if not isinstance(hidden, list) or not hidden:
        return contestants
    fitted = []
    for entry in contestants:
        if isinstance(entry, dict) and isinstance(entry.get("layers"), list) and entry["layers"]:
            layers = entry["layers"][: len(hidden)]
            layers += [layers[-1]] * (len(hidden) - len(layers))
            entry = {**entry, "layers": copy.deepcopy(layers)}
        fitted.append(entry)
    return fitted


def refit_params(activation, params: dict) -> dict:
    """``params`` for a changed ``activation``: the values it still accepts, defaults else."""
    limits = activation.limits
    kept = {k: v for k, v in params.items() if k in limits and limits[k][0] <= v <= limits[k][1]}
    return activation.resolve_params(kept)
