"""The numbers and names a race is held to, apart from the race itself.

Kept in a module of plain constants so the model can validate race settings at
start-up without building the race's classes (every ``dataclass`` costs a
little import time, and most sessions never race).
"""

from __future__ import annotations

import math

METRICS = ("train_loss", "test_loss", "train_accuracy", "test_accuracy")
LOSS_METRICS = ("train_loss", "test_loss")  # lower is better; the others are accuracies
MAX_CONTESTANTS = 6  # one colour each from the compare palette
MAX_SEEDS = 20  # repeats; enough to see a spread, few enough to run live
MAX_BIAS_INIT = 100.0  # far beyond where every unit of any activation is saturated or dead


def check_target(metric: str, value: float) -> None:
    """Raise ``ValueError`` unless ``metric`` is a metric and ``value`` a sensible target."""
    if metric not in METRICS:
        raise ValueError(f"target metric must be one of {', '.join(METRICS)}, got {metric!r}")
    if not math.isfinite(value) or value < 0 or (metric not in LOSS_METRICS and value > 1):
        bound = "a number >= 0" if metric in LOSS_METRICS else "a share within 0..1"
        raise ValueError(f"a {metric} target must be {bound}, got {value!r}")
