"""How the results table words its numbers, on screen and in the terminal.

One place for both, so ``actplay race`` prints what the pane shows: medians with
the range over seeds in brackets, "not reached" for a target a seed never met,
accuracies in per cent. Numbers go through the window's one formatter.
"""

from __future__ import annotations

import math

from actplay.ui.i18n import translate
from actplay.ui.widgets.numbers import format_number

NOT_REACHED = translate("race", "not reached")
DASH = "\u2013"  # en dash between the ends of a range
COLUMNS = (
    "contestant",
    "epochs to target",
    "reached",
    "final test loss",
    "final test accuracy",
    "final train loss",
    "time per seed",
)
METRIC_TITLES = {
    "train_loss": "train loss",
    "test_loss": "test loss",
    "train_accuracy": "train accuracy",
    "test_accuracy": "test accuracy",
}


def _epochs(value: float) -> str:
    if math.isnan(value):
        return "\u2014"
    return NOT_REACHED if math.isinf(value) else str(int(value))


def _ranged(stat, one, unit: str = "") -> str:
    """``median unit (low–high)``: the median alone when the ends read the same; a dash
    for no value at all."""
    if math.isnan(stat.median):
        return "\u2014"
    text = one(stat.median) + unit
    low, high = one(stat.low), one(stat.high)
    if low != high:
        text += f" ({low}{DASH}{high})"
    return text


def _percent_number(value: float) -> str:
    return format_number(100.0 * value, 1)


def percent(value: float) -> str:
    """A share as per cent: ``0.932`` -> ``93.2 %``."""
    return f"{_percent_number(value)} %"


def seconds(value: float) -> str:
    """Seconds with the unit."""
    return f"{format_number(value)} s"


def row_cells(row) -> tuple[str, ...]:
    """The cells of one results-table row, in :data:`COLUMNS` order."""
    reached = f"{row.reached}/{row.seeds}"
    if row.diverged:
        reached += f", {row.diverged} diverged"
    return (
        row.label,
        _ranged(row.epochs_to_target, _epochs),
        reached,
        _ranged(row.final["test_loss"], format_number),
        _ranged(row.final["test_accuracy"], _percent_number, " %"),
        _ranged(row.final["train_loss"], format_number),
        _ranged(row.wall_time, format_number, " s"),
    )


def target_text(target: dict) -> str:
    """``test accuracy ≥ 90.0 %`` / ``test loss ≤ 0.20``."""
    metric, value = target["metric"], target["value"]
    if metric.endswith("accuracy"):
        return f"{METRIC_TITLES[metric]} \u2265 {percent(value)}"
    return f"{METRIC_TITLES[metric]} \u2264 {format_number(value)}"


def table_lines(rows, target: dict, epochs: int) -> list[str]:
    """The results table as aligned plain-text lines (what ``actplay race`` prints)."""
    seeds = rows[0].seeds if rows else 0
    header = f"target: {target_text(target)}; {seeds} seed(s), {epochs} epoch(s)"
    table = [COLUMNS, *(row_cells(row) for row in rows)]
    widths = [max(len(line[i]) for line in table) for i in range(len(COLUMNS))]
    lines = [header]
    for line in table:
        lines.append(
            "  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip()
        )
    return lines
