"""actplay.race: the window's race from a script, checked against the model run directly."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

import actplay
from actplay.model import session
from actplay.model.errors import InvalidValue
from actplay.model.playground import Playground


def test_race_equals_the_models_race():
    result = actplay.race(
        ["sigmoid", ("elu", {"alpha": 0.5})],
        data="circle",
        points=120,
        hidden=[5],
        epochs=4,
        seeds=2,
        seed=7,
    )
    playground = Playground()
    playground.race.set(
        dataset={**playground.race.settings["dataset"], "source": "circle", "points": 120},
        hidden=[5],
        contestants=[
            {"activation": "sigmoid", "params": {}},
            {"activation": "elu", "params": {"alpha": 0.5}},
        ],
        epochs=4,
        repeats=2,
        seed=7,
    )
    playground.race.run()
    expected = playground.race.record()
    assert result.labels == ("Sigmoid", "ELU (alpha=0.5)") and result.seeds == (7, 8)
    np.testing.assert_array_equal(result.curves("train_loss"), expected.curve("train_loss"))


def test_a_custom_function_races_and_the_session_keeps_it(tmp_path):
    soft = actplay.custom_activation("soft", "x / (1 + abs(x))**p", {"p": (1.5, 0.5, 3.0)})
    result = actplay.race([soft, "tanh"], hidden=[4], epochs=2)
    assert result.labels[0] == "soft"
    path = tmp_path / "race.json"
    result.save(path)
    loaded = session.load(path)
    assert "soft" in loaded.custom_activations and loaded.race.finished
    assert loaded.race.record().labels == result.labels


def test_bad_settings_are_refused_before_training():
    with pytest.raises(InvalidValue, match="unknown setting 'colour'"):
        actplay.race(["tanh"], colour="red")
    with pytest.raises(InvalidValue, match="a contestant is a name"):
        actplay.race([3.5])
    with pytest.raises(InvalidValue, match="race contestants"):
        actplay.race(["tanh"] * 7)


def test_a_race_loads_no_qt():
    code = """
import sys
import actplay
result = actplay.race(["tanh", "relu"], hidden=[3], epochs=1)
result.table, result.text(), result.curves()
print(sorted(m for m in sys.modules if m.startswith(("PySide6", "shiboken6", "pyqtgraph"))))
"""
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "[]"
