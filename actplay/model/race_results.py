"""A race's results as a session keeps them: curves, times, divergence and final weights.

What is saved is what the race pane shows of a finished race, compact enough to
sit in a session file: every lane's curves thinned to at most
:data:`MAX_SAVED_RECORDS` epochs and written with :data:`SIGNIFICANT_DIGITS`
significant digits (a plot cannot show more), and the final weights of the first
seed's lanes in full (the decision maps are drawn from them). JSON has no NaN,
so a missing value (a lane that diverged, accuracy for regression) is ``null``.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np

from actplay.core.race_limits import METRICS
from actplay.model import limits as lim
from actplay.model import race_schema as schema
from actplay.model.errors import InvalidValue

if TYPE_CHECKING:
    from actplay.core.race_record import RaceRecord

MAX_SAVED_RECORDS = 301  # epochs kept per curve: a smooth line at any plot width
SIGNIFICANT_DIGITS = 6
KEYS = ("epochs", "curves", "wall_time", "diverged_at", "weights")


def parameter_count(layer_sizes) -> int:
    """Weights and biases of a network with ``layer_sizes`` (the Trainer's flat layout)."""
    return sum(o * i + o for i, o in zip(layer_sizes[:-1], layer_sizes[1:], strict=True))


def _short(value: float) -> float | None:
    if not math.isfinite(value):
        return None
    return float(f"{value:.{SIGNIFICANT_DIGITS}g}")


def results_to_json(record: RaceRecord, weights) -> dict:
    """The JSON-ready ``results`` of a race section.

    Parameters
    ----------
    record : RaceRecord
    weights : sequence of array_like
        Per contestant, the first seed's flat parameter vector.
    """
    thin = record.thinned(MAX_SAVED_RECORDS)
    return {
        "epochs": [int(e) for e in thin.epochs],
        "curves": {
            metric: [
                [[_short(v) for v in lane] for lane in seed_row] for seed_row in thin.curve(metric)
            ]
            for metric in METRICS
        },
        "wall_time": [[_short(v) for v in row] for row in record.wall_time],
        "diverged_at": [[_short(v) for v in row] for row in record.diverged_at],
        "weights": [[float(v) for v in np.ravel(w)] for w in weights],
    }


def _grid(field: str, value, shape: tuple, lo=-lim.VALUE_LIMIT, hi=lim.VALUE_LIMIT) -> np.ndarray:
    """A nested list of numbers or nulls of exactly ``shape``, as a float array (NaN for null)."""
    if len(shape) > 1:
        if not isinstance(value, list) or len(value) != shape[0]:
            raise InvalidValue(f"{field} must hold {shape[0]} lists, got {value!r:.60}")
        return np.array([_grid(f"{field}[{i}]", v, shape[1:], lo, hi) for i, v in enumerate(value)])
    if not isinstance(value, list) or len(value) != shape[0]:
        raise InvalidValue(f"{field} must hold {shape[0]} numbers, got {value!r:.60}")
    out = np.empty(shape[0])
    for i, item in enumerate(value):
        if item is None:
            out[i] = np.nan
            continue
        number = lim.check_number(f"{field}[{i}]", item)
        if not lo <= number <= hi:
            raise InvalidValue(f"{field}[{i}] must be within {lo:g}..{hi:g}, got {number!r}")
        out[i] = number
    return out


def validate_results(results, settings: dict, n_inputs: int, n_outputs: int) -> dict:
    """A clean copy of a ``results`` object that fits the clean race ``settings``.

    Raises
    ------
    ValueError
        Naming the first field that is missing, of the wrong shape or out of range.
    """
    lim.check_keys("race results", results, KEYS)
    epochs = results["epochs"]
    if not isinstance(epochs, list) or not 1 <= len(epochs) <= MAX_SAVED_RECORDS:
        raise InvalidValue(f"race results epochs must list 1..{MAX_SAVED_RECORDS} epochs")
    clean_epochs = [
        lim.check_int(f"race results epochs[{i}]", e, 0, settings["epochs"])
        for i, e in enumerate(epochs)
    ]
    if clean_epochs[0] != 0 or any(
        b <= a for a, b in zip(clean_epochs, clean_epochs[1:], strict=False)
    ):
        raise InvalidValue("race results epochs must start at 0 and increase")
    lanes = (settings["repeats"], len(settings["contestants"]))
    curves = results["curves"]
    lim.check_keys("race results curves", curves, METRICS)
    clean_curves = {
        metric: _grid(f"race results {metric}", curves[metric], (*lanes, len(epochs))).tolist()
        for metric in METRICS
    }
    sizes = (n_inputs, *settings["hidden"], n_outputs)
    weights = _grid("race results weights", results["weights"], (lanes[1], parameter_count(sizes)))
    if not np.all(np.isfinite(weights)):
        raise InvalidValue("race results weights must all be numbers")
    return {
        "epochs": clean_epochs,
        "curves": {m: _nulls(v) for m, v in clean_curves.items()},
        "wall_time": _nulls(
            _grid("race results wall_time", results["wall_time"], lanes, 0.0).tolist()
        ),
        "diverged_at": _nulls(
            _grid("race results diverged_at", results["diverged_at"], lanes, 0.0).tolist()
        ),
        "weights": weights.tolist(),
    }


def _nulls(nested):
    """NaN -> None throughout a nested list (JSON's null)."""
    if isinstance(nested, list):
        return [_nulls(item) for item in nested]
    return None if math.isnan(nested) else nested


def _array(nested) -> np.ndarray:
    return np.array(
        [np.nan if v is None else v for v in np.ravel(np.array(nested, dtype=object))],
        dtype=np.float64,
    ).reshape(np.shape(np.array(nested, dtype=object)))


def record_from_json(results: dict, labels, seeds) -> RaceRecord:
    """The :class:`RaceRecord` of clean ``results``."""
    from actplay.core.race_record import RaceRecord

    curves = np.stack([_array(results["curves"][metric]) for metric in METRICS], axis=2)
    return RaceRecord(
        labels=tuple(labels),
        seeds=tuple(seeds),
        epochs=np.array(results["epochs"], dtype=np.float64),
        curves=curves,
        wall_time=_array(results["wall_time"]),
        diverged_at=_array(results["diverged_at"]),
    )


def validate_race_section(section, custom=None) -> dict:
    """Clean race settings, plus clean ``results`` when the section holds them.

    ``None`` gives the default settings. Raises ``ValueError`` naming the field.
    """
    if section is None:
        return schema.default_race()
    if not isinstance(section, dict):
        raise InvalidValue(f"race must be an object, got {type(section).__name__}")
    settings = schema.validate_race(
        {key: value for key, value in section.items() if key != "results"}, custom
    )
    if "results" not in section:
        return settings
    _, units = schema.output_layer(settings)
    results = validate_results(
        section["results"], settings, len(settings["dataset"]["features"]), units
    )
    return {**settings, "results": results}
