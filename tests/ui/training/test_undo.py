"""Training and undo in the real window: one run is one undo step, not one per tick."""

from __future__ import annotations

import numpy as np
from PySide6 import QtCore

from actplay.ui.training.undo import epochs_text

LEFT = QtCore.Qt.MouseButton.LeftButton


def _weights(model):
    return [w.copy() for w in model.network().weights] + [b.copy() for b in model.network().biases]


def _assert_same(a, b):
    assert len(a) == len(b)
    for x, y in zip(a, b, strict=True):
        np.testing.assert_array_equal(x, y)


def _play_some_ticks(qtbot, window, ticks=5):
    panel, model = window.training_panel, window.model
    window.training_dock.show()
    window.training_dock.raise_()  # the panel in sight: a hidden view is not refreshed
    changes = []
    model.changed.connect(lambda sections: changes.append(sections))
    qtbot.mouseClick(panel.play, LEFT)
    assert model.running
    qtbot.waitUntil(lambda: sum("network" in s for s in changes) >= ticks, timeout=10000)
    return changes


def test_a_play_run_is_one_step_and_undo_redo_restore_exact_weights(qtbot, window):
    model, stack = window.model, window.undo_stack
    window.model.set_network_input(0, 0.5)  # one ordinary step before training
    assert stack.count() == 1
    before, epoch_before = _weights(model), model.epoch
    changes = _play_some_ticks(qtbot, window)
    qtbot.mouseClick(window.training_panel.play, LEFT)  # Pause
    assert not model.running
    trained, epoch_trained = _weights(model), model.epoch
    assert epoch_trained > epoch_before
    assert not all(np.array_equal(a, b) for a, b in zip(before, trained, strict=True))
    assert sum("network" in s for s in changes) >= 5
    assert stack.count() == 2  # many ticks, one step
    assert stack.undoText() == epochs_text(epoch_trained - epoch_before)
    assert stack.undoText().startswith("Train ")

    window.undo_action.trigger()
    _assert_same(_weights(model), before)
    assert model.epoch == epoch_before
    assert model.network_input[0] == 0.5  # the step before training is untouched
    window.redo_action.trigger()
    _assert_same(_weights(model), trained)
    assert model.epoch == epoch_trained
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert model.network_input[0] != 0.5


def test_ticks_take_no_snapshots(qtbot, window, monkeypatch):
    """The recorder's cost stays off the training hot path: no state_dict() per tick."""
    model = window.model
    snapshots = []
    real_state_dict = model.state_dict
    monkeypatch.setattr(model, "state_dict", lambda: snapshots.append(1) or real_state_dict())
    changes = _play_some_ticks(qtbot, window, ticks=8)
    qtbot.mouseClick(window.training_panel.play, LEFT)
    ticks = sum("network" in s for s in changes)
    assert ticks >= 8
    assert len(snapshots) <= 3  # play, pause, the run's end: not one per tick


def test_undo_while_training_pauses_then_undoes_the_run(qtbot, window):
    model, stack = window.model, window.undo_stack
    before = _weights(model)
    _play_some_ticks(qtbot, window, ticks=3)
    assert stack.count() == 1 and window.undo_action.isEnabled()  # undo offered mid-run
    window.undo_action.trigger()
    assert not model.running
    _assert_same(_weights(model), before)
    qtbot.wait(30)  # the timer has stopped: no tick trains again
    _assert_same(_weights(model), before)
    window.scheduler.flush()
    assert window.training_panel.play.text() == "Play"
    assert not window.training_panel.play.isChecked()
    window.redo_action.trigger()
    assert model.epoch > 0


def test_a_step_click_is_one_step(qtbot, window):
    model, stack = window.model, window.undo_stack
    window.training_dock.show()
    before = _weights(model)
    qtbot.mouseClick(window.training_panel.step, LEFT)
    assert model.epoch == 1.0
    assert stack.count() == 1 and stack.undoText() == "Train 1 epoch"
    window.undo_action.trigger()
    _assert_same(_weights(model), before)
    assert model.epoch == 0.0


def test_play_then_pause_without_a_tick_records_nothing(qtbot, window):
    model = window.model
    window.training_dock.show()
    model.set_running(True)
    model.set_running(False)
    assert window.undo_stack.count() == 0
    model.set_neuron_bias(0.7)  # recording goes on as before
    assert window.undo_stack.count() == 1


def test_edits_after_a_run_are_steps_of_their_own(qtbot, window):
    model, stack = window.model, window.undo_stack
    _play_some_ticks(qtbot, window, ticks=2)
    qtbot.mouseClick(window.training_panel.play, LEFT)
    trained = _weights(model)
    model.set_weight(1, 0, 0, 0.25)
    assert stack.count() == 2
    window.undo_action.trigger()
    _assert_same(_weights(model), trained)


def test_epochs_text():
    assert epochs_text(37.4) == "Train 37 epochs"
    assert epochs_text(1.0) == "Train 1 epoch"
    assert epochs_text(0.256) == "Train 0.26 epochs"
    assert epochs_text(1234.0) == "Train 1,234 epochs"
