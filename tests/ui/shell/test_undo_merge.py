"""Merged undo steps: a long drag keeps one command alive, and merging keeps Qt's terms."""

from __future__ import annotations

import gc

from actplay.ui.shell import undo


def live_commands() -> int:
    return sum(isinstance(o, undo.SnapshotCommand) for o in gc.get_objects())


def test_a_long_merged_drag_keeps_one_command_and_undoes_to_the_start(window):
    model, recorder, stack = window.model, window.undo_recorder, window.undo_stack
    now = [100.0]
    recorder.clock = lambda: now[0]
    start_bias = model.neuron_bias
    before = live_commands()
    for step in range(1, 201):
        now[0] += 0.01
        model.set_neuron_bias(step / 400)
    gc.collect()
    assert stack.count() == 1
    # PySide kept every command QUndoStack merged away alive (snapshots and all).
    assert live_commands() - before <= 1
    stack.undo()
    assert model.neuron_bias == start_bias
    stack.redo()
    assert model.neuron_bias == 200 / 400


def test_a_change_after_save_is_a_new_step_and_undo_returns_to_the_saved_state(window):
    model, recorder, stack = window.model, window.undo_recorder, window.undo_stack
    now = [100.0]
    recorder.clock = lambda: now[0]
    model.set_neuron_bias(0.2)
    stack.setClean()  # e.g. the session was saved here
    now[0] += 0.01  # well inside the merge window
    model.set_neuron_bias(0.3)
    assert stack.count() == 2
    stack.undo()
    assert stack.isClean() and model.neuron_bias == 0.2


def test_a_change_after_undo_drops_the_redo_step(window):
    model, recorder, stack = window.model, window.undo_recorder, window.undo_stack
    now = [100.0]
    recorder.clock = lambda: now[0]
    model.set_neuron_bias(0.2)
    now[0] += 1.0
    model.set_neuron_weight(1, 0.5)
    stack.undo()
    now[0] += 0.01
    model.set_neuron_bias(0.25)
    assert not stack.canRedo()
    assert model.neuron_weights[1] != 0.5
    stack.undo()
    assert model.neuron_bias != 0.25
