"""The ``dataset`` and ``training`` sections of the state: defaults and validation.

Both sections are plain JSON objects (see ``docs/session-format.md``). The
validators return a clean copy with defaults filled in, or raise
``ValueError`` naming the field; ``state_schema.validate_state`` calls them, so
a session file, an undo step and a setter are held to the same limits.
"""

from __future__ import annotations

import copy

from actplay.core import datasets
from actplay.core.training import LOSSES, OPTIMIZERS
from actplay.model import limits as lim
from actplay.model.errors import InvalidValue

CUSTOM_SOURCE = "custom"  # points loaded from a CSV file (all in custom_points)
SOURCES = (*datasets.SOURCES, CUSTOM_SOURCE)
MAX_CUSTOM_POINTS = datasets.MAX_CSV_POINTS
MAX_BATCH_SIZE = 500  # larger than any training set the sliders make
MAX_LEARNING_RATE = 10.0  # beyond this every network diverges at once
MAX_L2 = 10.0
MAX_EPOCH = 1e6  # the value limit of every number in a session; no one trains that long live

DEFAULT_DATASET = {
    "source": "circle",
    "points": 500,
    "noise": 0.1,
    "test_fraction": 0.5,
    "seed": 0,
    "features": list(datasets.DEFAULT_FEATURES),
    "custom_points": [],
}
DEFAULT_TRAINING = {
    "loss": "bce",
    "optimizer": "adam",
    "learning_rate": 0.03,
    "batch_size": 10,
    "l2": 0.0,
    "seed": 0,
    "epoch": 0.0,
}


def _check_choice(field: str, value, choices) -> str:
    if value not in choices:
        raise InvalidValue(f"{field} must be one of {', '.join(choices)}, got {value!r}")
    return value


def _check_float(field: str, value, lo: float, hi: float, lo_open: bool = False) -> float:
    number = lim.check_number(field, value)
    if number < lo or number > hi or (lo_open and number == lo):
        low = f"({lo:g}" if lo_open else f"[{lo:g}"
        raise InvalidValue(f"{field} must be within {low}, {hi:g}], got {number!r}")
    return number


def validate_dataset(section) -> dict:
    """Return a clean copy of a ``dataset`` section (``None`` -> the defaults)."""
    if section is None:
        return copy.deepcopy(DEFAULT_DATASET)
    lim.check_keys("dataset", section, (), tuple(DEFAULT_DATASET))
    merged = {**DEFAULT_DATASET, **section}
    source = _check_choice("dataset source", merged["source"], SOURCES)
    points = lim.check_int(
        "dataset points", merged["points"], datasets.MIN_POINTS, datasets.MAX_POINTS
    )
    noise = _check_float("dataset noise", merged["noise"], 0.0, 1.0)
    test_fraction = _check_float("dataset test_fraction", merged["test_fraction"], 0.0, 0.9)
    seed = lim.check_int("dataset seed", merged["seed"], 0, lim.MAX_SEED)
    features = merged["features"]
    if not isinstance(features, list) or not all(isinstance(f, str) for f in features):
        raise InvalidValue(f"dataset features must be a list of names, got {features!r}")
    try:
        features = list(datasets.check_features(features))
    except ValueError as error:
        raise InvalidValue(f"dataset features: {error}") from None
    custom = merged["custom_points"]
    if not isinstance(custom, list) or len(custom) > MAX_CUSTOM_POINTS:
        raise InvalidValue(
            f"dataset custom_points must be a list of at most "
            f"{MAX_CUSTOM_POINTS} [x1, x2, target] rows"
        )
    clean_custom = [
        list(lim.check_numbers(f"dataset custom_points[{i}]", row, 3, 3))
        for i, row in enumerate(custom)
    ]
    if source == CUSTOM_SOURCE and not clean_custom:
        raise InvalidValue("dataset source 'custom' needs at least one row in custom_points")
    return {
        "source": source,
        "points": points,
        "noise": noise,
        "test_fraction": test_fraction,
        "seed": seed,
        "features": features,
        "custom_points": clean_custom,
    }


def validate_training(section) -> dict:
    """Return a clean copy of a ``training`` section (``None`` -> the defaults)."""
    if section is None:
        return dict(DEFAULT_TRAINING)
    lim.check_keys("training", section, (), tuple(DEFAULT_TRAINING))
    merged = {**DEFAULT_TRAINING, **section}
    return {
        "loss": _check_choice("training loss", merged["loss"], LOSSES),
        "optimizer": _check_choice("training optimizer", merged["optimizer"], OPTIMIZERS),
        "learning_rate": _check_float(
            "training learning_rate", merged["learning_rate"], 0.0, MAX_LEARNING_RATE, lo_open=True
        ),
        "batch_size": lim.check_int("training batch_size", merged["batch_size"], 1, MAX_BATCH_SIZE),
        "l2": _check_float("training l2", merged["l2"], 0.0, MAX_L2),
        "seed": lim.check_int("training seed", merged["seed"], 0, lim.MAX_SEED),
        "epoch": _check_float("training epoch", merged["epoch"], 0.0, MAX_EPOCH),
    }
