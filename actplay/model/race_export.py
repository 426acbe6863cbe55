"""A race's data as files: CSV curves and a JSON session with every number.

CSV is one row per lane and recorded epoch (tidy: easy to filter and plot
elsewhere): ``seed, contestant, label, epoch, train_loss, test_loss,
train_accuracy, test_accuracy``, numbers as ``repr`` of the float (they read
back bit for bit), an empty cell where there is none (a diverged lane,
accuracy for regression). Contestants are counted from 1, as on screen.

JSON is a session (``session.to_dict``, its race keeping its results) plus a
``"data"`` key with the full curves and the results table, so the file opens
again as a session showing the finished race. No Qt here: the Python API and
the CLI write these without a window.
"""

from __future__ import annotations

import csv
import io
import math

from actplay.core.race_limits import METRICS
from actplay.model import atomic_file
from actplay.model.errors import InvalidValue
from actplay.model.session import EXPORT_DATA_KEY, NEW_FILE_MODE, format_json, to_dict

CSV_HEADER = ("seed", "contestant", "label", "epoch", *METRICS)


def _cell(value: float) -> str:
    return repr(float(value)) if math.isfinite(value) else ""


def race_csv_text(record) -> str:
    """The CSV text of a :class:`~actplay.core.race_record.RaceRecord`."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for s, seed in enumerate(record.seeds):
        for c, label in enumerate(record.labels):
            for e, epoch in enumerate(record.epochs):
                values = record.curves[s, c, :, e]
                writer.writerow([seed, c + 1, label, int(epoch), *(_cell(v) for v in values)])
    return out.getvalue()


def _number(value: float):
    return float(value) if math.isfinite(value) else None


def _stat(stat) -> dict:
    """A Stat as JSON: ``null`` for NaN and for "not reached" (infinity)."""
    return {"median": _number(stat.median), "low": _number(stat.low), "high": _number(stat.high)}


def table_json(rows) -> list[dict]:
    """The results table as JSON-ready rows."""
    return [
        {
            "label": row.label,
            "epochs_to_target": _stat(row.epochs_to_target),
            "reached": row.reached,
            "seeds": row.seeds,
            "diverged": row.diverged,
            "final": {metric: _stat(stat) for metric, stat in row.final.items()},
            "wall_time": _stat(row.wall_time),
        }
        for row in rows
    ]


def race_json_text(playground) -> str:
    """A session of ``playground`` with its race's results and the race's full data."""
    race = playground.race
    record = race.record()
    if record is None:
        raise InvalidValue("the race has not run yet: nothing to export")
    state = to_dict(playground)
    state["race"]["results"] = race.results_state(always=True)  # kept even if keep_results off
    state[EXPORT_DATA_KEY] = {
        "labels": list(record.labels),
        "seeds": list(record.seeds),
        "target": race.settings["target"],
        "table": table_json(race.table()),
        "epochs": [int(e) for e in record.epochs],
        "curves": {
            metric: [
                [[_number(v) for v in lane] for lane in seed_row]
                for seed_row in record.curve(metric)
            ]
            for metric in METRICS
        },
        "wall_time": [[_number(v) for v in row] for row in record.wall_time],
        "diverged_at": [[_number(v) for v in row] for row in record.diverged_at],
    }
    return format_json(state) + "\n"


def write_race_csv(playground, path) -> None:
    """Write the race's curves of ``playground`` to ``path`` as CSV, atomically."""
    record = playground.race.record()
    if record is None:
        raise InvalidValue("the race has not run yet: nothing to export")
    atomic_file.write_atomic(path, race_csv_text(record).encode("utf-8"), NEW_FILE_MODE)


def write_race_json(playground, path) -> None:
    """Write ``playground`` with its race's full data to ``path`` as JSON, atomically."""
    text = race_json_text(playground)
    atomic_file.write_atomic(path, text.encode("utf-8"), NEW_FILE_MODE)


__all__ = ["CSV_HEADER", "race_csv_text", "race_json_text", "write_race_csv", "write_race_json"]
