"""Sessions keep a race's settings and, if asked, its results; the file is checked on load."""

from __future__ import annotations

import copy
import json

import numpy as np
import pytest

from actplay.model import session
from actplay.model.playground import Playground
from actplay.model.race_results import MAX_SAVED_RECORDS

SETTINGS = {
    "dataset": {"source": "xor", "points": 100, "noise": 0.1, "test_fraction": 0.5},
    "hidden": [5, 5],
    "contestants": [
        {"activation": "identity", "params": {}},
        {"activation": "leaky_relu", "params": {"negative_slope": 0.2}, "label": "leaky"},
    ],
    "repeats": 2,
    "epochs": 5,
}


@pytest.fixture
def raced():
    pg = Playground()
    pg.race.set(**SETTINGS)
    pg.race.run()
    return pg


def test_a_session_keeps_the_settings_and_results(raced, tmp_path):
    path = tmp_path / "race.actplay.json"
    session.save(raced, path)
    written = json.loads(path.read_text())
    assert written["race"]["hidden"] == [5, 5] and "results" in written["race"]
    assert "results" not in raced.state_dict()["race"]  # undo never snapshots results
    loaded = session.load(path)
    assert loaded.race.settings == raced.race.settings
    assert loaded.race.started and loaded.race.finished and loaded.race.epoch == 5
    ours, theirs = loaded.race.record(), raced.race.record()
    assert ours.labels == theirs.labels == ("Identity", "leaky") and ours.seeds == (0, 1)
    np.testing.assert_array_equal(ours.epochs, theirs.epochs)
    np.testing.assert_allclose(ours.curves, theirs.curves, rtol=1e-5)
    np.testing.assert_allclose(ours.wall_time, theirs.wall_time, rtol=1e-5)
    for c in range(2):  # the weights are kept in full: the maps are the same
        np.testing.assert_array_equal(loaded.race.surface(c), raced.race.surface(c))
    assert loaded.race.health(0) is None  # needs a live race
    assert [r.reached for r in loaded.race.table()] == [r.reached for r in raced.race.table()]
    loaded.race.reset()
    assert not loaded.race.started


def test_keep_results_off_saves_the_settings_only(raced, tmp_path):
    raced.race.set(keep_results=False)
    assert raced.race.started
    path = tmp_path / "settings.actplay.json"
    session.save(raced, path)
    assert "results" not in json.loads(path.read_text())["race"]
    assert not session.load(path).race.started


def test_an_old_session_without_a_race_gets_the_default(tmp_path):
    state = Playground().state_dict()
    del state["race"]
    path = tmp_path / "old.json"
    path.write_text(json.dumps(state))
    assert session.load(path).race.settings == Playground().race.settings


def test_long_races_are_thinned_in_the_file(tmp_path):
    pg = Playground()
    pg.race.set(**{**SETTINGS, "repeats": 1, "epochs": 700, "batch_size": 50})
    pg.race.run()
    results = session.to_dict(pg)["race"]["results"]
    assert len(results["epochs"]) <= MAX_SAVED_RECORDS + 1
    assert results["epochs"][0] == 0 and results["epochs"][-1] == 700
    loaded = session.from_dict(session.to_dict(pg))
    assert loaded.race.record().last_epoch == 700


def _bad(state, path, value):
    state = copy.deepcopy(state)
    target = state["race"]["results"]
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return state


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (("epochs",), [], "epochs must list"),
        (("epochs",), [1, 2, 3, 4, 5, 5], "start at 0"),
        (("epochs",), [0, 1, 2, 2, 4, 5], "start at 0 and increase"),
        (("epochs",), [0, 1, 2, 3, 4, 9], r"epochs\[5\] must be in 0..5"),
        (("curves", "train_loss"), [[1.0]], "train_loss must hold 2 lists"),
        (("curves", "test_accuracy", 0, 0, 2), "high", r"test_accuracy\[0\]\[0\]\[2\]"),
        (("weights",), [[0.0, 1.0], [0.0]], r"weights\[0\] must hold 51 numbers"),
        (("wall_time", 1, 0), -1.0, r"wall_time\[1\]\[0\]"),
        (("curves",), {"train_loss": []}, "missing"),
    ],
)
def test_bad_results_are_refused_with_the_field_named(raced, path, value, message):
    state = session.to_dict(raced)
    with pytest.raises(session.SessionError, match=message):
        session.from_dict(_bad(state, path, value))


def test_nan_becomes_null_and_back(raced):
    state = session.to_dict(raced)
    state["race"]["results"]["curves"]["test_loss"][0][0][3] = None
    loaded = session.from_dict(json.loads(json.dumps(state)))
    assert np.isnan(loaded.race.record().curve("test_loss")[0, 0, 3])
