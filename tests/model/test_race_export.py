"""Race exports: CSV cells and JSON values where a lane has no number."""

from __future__ import annotations

import csv
import io
import json

import pytest

from actplay.model.errors import InvalidValue
from actplay.model.playground import Playground
from actplay.model.race_export import race_csv_text, race_json_text, write_race_csv


def test_a_diverged_lane_leaves_empty_cells_and_nulls():
    playground = Playground()
    playground.race.set(
        dataset={
            "source": "circle",
            "points": 100,
            "noise": 0.1,
            "test_fraction": 0.5,
            "seed": 0,
            "features": ["x1", "x2"],
        },
        hidden=[8, 8],
        contestants=[
            {"activation": "identity", "params": {}},
            {"activation": "tanh", "params": {}},
        ],
        optimizer="sgd",
        learning_rate=10.0,
        epochs=8,
    )
    playground.race.run()
    record = playground.race.record()
    rows = list(csv.reader(io.StringIO(race_csv_text(record))))[1:]
    identity = [row for row in rows if row[1] == "1"]
    tanh = [row for row in rows if row[1] == "2"]
    assert identity[0][4] != "" and identity[-1][4:] == ["", "", "", ""]
    assert all(cell != "" for row in tanh for cell in row)
    data = json.loads(race_json_text(playground))["data"]
    assert data["curves"]["train_loss"][0][0][-1] is None
    assert data["diverged_at"][0][0] is not None and data["diverged_at"][0][1] is None
    assert data["table"][0]["diverged"] == 1


def test_regression_has_empty_accuracy_cells(tmp_path):
    playground = Playground()
    playground.race.set(
        dataset={
            "source": "regression",
            "points": 60,
            "noise": 0.0,
            "test_fraction": 0.5,
            "seed": 0,
            "features": ["x1", "x2"],
        },
        hidden=[3],
        contestants=[{"activation": "tanh", "params": {}}],
        epochs=2,
    )
    assert playground.race.settings["loss"] == "mse"  # followed the data set
    playground.race.run()
    path = tmp_path / "regression.csv"
    write_race_csv(playground, path)
    rows = list(csv.reader(io.StringIO(path.read_text())))
    assert all(row[6:] == ["", ""] and row[4] != "" for row in rows[1:])


def test_nothing_to_export_before_the_race_runs(tmp_path):
    with pytest.raises(InvalidValue, match="has not run yet"):
        write_race_csv(Playground(), tmp_path / "empty.csv")
    assert not (tmp_path / "empty.csv").exists()
