"""What a race's records say: the spread over seeds, epochs to a target, the results
table, and one lane's health (gradient flow, dead and saturated units).

Spreads are medians and ranges over the seeds, never means: one seed that
diverged or got stuck should widen the band, not drag the middle. A lane that
diverged stops recording (NaN); it is counted apart, not averaged in.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from actplay.core import datasets
from actplay.core.diagnostics import layer_diagnostics
from actplay.core.grid import plane_grid
from actplay.core.network import Network
from actplay.core.race import Race
from actplay.core.race_limits import LOSS_METRICS, METRICS, check_target
from actplay.core.race_record import RaceRecord
from actplay.core.training import Trainer

NOT_REACHED = math.inf  # epochs to a target a lane never reached: worse than any number


@dataclass(frozen=True)
class Stat:
    """Median and range of one number over the seeds (NaN when no seed has it)."""

    median: float
    low: float
    high: float

    @classmethod
    def of(cls, values) -> Stat:
        """The median, lowest and highest of the non-NaN ``values`` (inf counts)."""
        kept = np.asarray(values, dtype=np.float64).ravel()
        kept = kept[~np.isnan(kept)]
        if kept.size == 0:
            return cls(math.nan, math.nan, math.nan)
        return cls(float(np.median(kept)), float(np.min(kept)), float(np.max(kept)))


def spread(values: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Median, low and high over axis 0 (the seeds), ignoring NaN.

    A column with no value at all (every seed diverged) stays NaN, silently.
    """
    values = np.asarray(values, dtype=np.float64)
    shape = values.shape[1:]
    median, low, high = (np.full(shape, np.nan) for _ in range(3))
    some = ~np.all(np.isnan(values), axis=0)
    if np.any(some):
        kept = values[:, some]
        median[some] = np.nanmedian(kept, axis=0)
        low[some] = np.nanmin(kept, axis=0)
        high[some] = np.nanmax(kept, axis=0)
    return median, low, high


def epochs_to_target(
    curves: np.ndarray, metric: str, value: float, epochs: np.ndarray | None = None
) -> np.ndarray:
    """First epoch at which each lane reached the target; :data:`NOT_REACHED` if none did.

    Parameters
    ----------
    curves : ndarray, shape (..., n_records)
        One metric's records (``RaceRecord.curve(metric)``), oldest first.
    metric : str
        Which metric the records are: losses reach the target at or below it,
        accuracies at or above it.
    value : float
    epochs : ndarray, shape (n_records,), optional
        The epoch of each record; ``0, 1, 2, ...`` when not given.
    """
    check_target(metric, value)
    curves = np.asarray(curves, dtype=np.float64)
    if epochs is None:
        epochs = np.arange(curves.shape[-1], dtype=np.float64)
    finite = np.where(np.isnan(curves), np.inf if metric in LOSS_METRICS else -np.inf, curves)
    reached = finite <= value if metric in LOSS_METRICS else finite >= value
    first = np.asarray(epochs, dtype=np.float64)[np.argmax(reached, axis=-1)]
    first[~np.any(reached, axis=-1)] = NOT_REACHED
    return first


@dataclass(frozen=True)
class ResultRow:
    """One contestant's line of the results table, over every seed of the race.

    Attributes
    ----------
    label : str
    epochs_to_target : Stat
        Median and range of the first epoch each seed reached the target
        (``NOT_REACHED`` = inf for a seed that did not).
    reached, seeds, diverged : int
        Seeds that reached the target, seeds run, seeds whose weights diverged.
    final : dict
        Metric name -> Stat at the last recorded epoch (diverged seeds left out).
    wall_time : Stat
        Seconds one seed's lane trained.
    """

    label: str
    epochs_to_target: Stat
    reached: int
    seeds: int
    diverged: int
    final: dict
    wall_time: Stat


def results_table(record: RaceRecord, metric: str, value: float) -> tuple[ResultRow, ...]:
    """One :class:`ResultRow` per contestant of ``record``, in the race's order."""
    reached_at = epochs_to_target(record.curve(metric), metric, value, record.epochs)
    last = record.curves[..., -1]  # (seeds, contestants, metrics)
    diverged = ~np.isnan(record.diverged_at)
    rows = []
    for c, label in enumerate(record.labels):
        rows.append(
            ResultRow(
                label=label,
                epochs_to_target=Stat.of(reached_at[:, c]),
                reached=int(np.sum(np.isfinite(reached_at[:, c]))),
                seeds=len(record.seeds),
                diverged=int(np.sum(diverged[:, c])),
                final={
                    name: Stat.of(np.where(diverged[:, c], np.nan, last[:, c, m]))
                    for m, name in enumerate(METRICS)
                },
                wall_time=Stat.of(record.wall_time[:, c]),
            )
        )
    return tuple(rows)


@dataclass(frozen=True)
class LaneHealth:
    """Per layer of one lane, over the whole training set.

    Attributes
    ----------
    gradient : tuple of float
        Mean |dL/dW| of each layer's weights (the gradient flow: a deep sigmoid
        stack shows it shrinking towards the input).
    dead, saturated : tuple of float
        Fraction of each layer's units dead (output and slope 0 on every point)
        or saturated (|f'| below the saturation threshold on every point; dead
        units count as saturated), as ``core.diagnostics`` defines them.
    """

    gradient: tuple
    dead: tuple
    saturated: tuple


def lane_health(race: Race, seed_index: int, contestant_index: int) -> LaneHealth:
    """Gradient flow and dead/saturated fractions of one lane's current weights.

    Works on a copy of the lane's network with a trainer of its own, so asking
    never disturbs the race.
    """
    setup = race.setup
    network = race.network(seed_index, contestant_index)
    x, y = setup.train
    probe = Trainer(network, x, y, loss=setup.loss, batch_size=1, l2=setup.l2)
    _, weight_gradients, _ = probe.gradients(x, y)
    diagnostics = layer_diagnostics(network, x)
    return LaneHealth(
        gradient=tuple(float(np.mean(np.abs(g))) for g in weight_gradients),
        dead=tuple(d.dead_fraction for d in diagnostics),
        saturated=tuple(d.saturated_fraction for d in diagnostics),
    )


def decision_surface(
    network: Network, features, plane_range, resolution: int, regression: bool = False
) -> np.ndarray:
    """The network's answer over the plane, ``(res, res)`` float32 in [-1, 1], row 0 on top.

    Classification shows 2 p(class 1) - 1, so the shared diverging scale reads
    orange for class 0 and blue for class 1; regression shows the output itself.
    """
    grid = plane_grid(*plane_range, resolution=resolution)
    outputs = network(datasets.feature_matrix(grid, features))
    if regression:
        shown = outputs[:, 0]
    else:
        shown = 2.0 * (outputs[:, 1] if outputs.shape[1] > 1 else outputs[:, 0]) - 1.0
    return shown.reshape(resolution, resolution).astype(np.float32)


__all__ = [
    "NOT_REACHED",
    "LaneHealth",
    "ResultRow",
    "Stat",
    "decision_surface",
    "epochs_to_target",
    "lane_health",
    "results_table",
    "spread",
]
