"""Memory stays bounded: undo history within its limit, no command or widget left behind.

The soak benchmark's resident memory grew with the number of changes; these pin
the causes found there by counting live objects (never by measuring memory).
"""

from __future__ import annotations

import gc
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QSpinBox

from actplay.ui.shell import undo

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # tests/, for soak_driver
from soak_driver import run_deferred_deletes  # noqa: E402


def live_commands() -> int:
    gc.collect()
    return sum(isinstance(o, undo.SnapshotCommand) for o in gc.get_objects())


def test_changes_right_after_an_undo_leave_no_command_outside_the_stack(window):
    # Qt merged such a change into the step below the undone one and PySide kept the
    # merged-away command (and its two snapshots) alive until the window closed.
    model, recorder, stack = window.model, window.undo_recorder, window.undo_stack
    now = [100.0]
    recorder.clock = lambda: now[0]
    before = live_commands()
    for step in range(1, 41):
        now[0] += 1.0  # a new step
        model.set_neuron_bias(step / 100)
        now[0] += 0.01
        model.set_neuron_weight(1, step / 100)
        stack.undo()
        now[0] += 0.01  # within the merge window of the bias step
        model.set_neuron_bias(0.5 + step / 1000)
    assert live_commands() - before <= stack.count()
    stack.undo()  # the change after the undo is a step of its own
    assert model.neuron_bias == 40 / 100


def test_the_history_keeps_at_most_the_limit_and_frees_older_steps(window):
    model, recorder, stack = window.model, window.undo_recorder, window.undo_stack
    now = [100.0]
    recorder.clock = lambda: now[0]
    assert stack.undoLimit() == undo.UNDO_LIMIT  # set while the stack was empty, so it holds
    before = live_commands()
    for step in range(1, undo.UNDO_LIMIT + 60):
        now[0] += 1.0  # outside the merge window: every change is a step
        model.set_neuron_bias((step % 500) / 1000 + 0.001)
    assert stack.count() == undo.UNDO_LIMIT
    assert live_commands() - before <= undo.UNDO_LIMIT


def test_a_step_shares_what_it_did_not_change_with_the_step_before(window):
    # Each step held a whole copy of the state: 1000 steps of a 6x16 network were ~20 MB.
    model, recorder, stack = window.model, window.undo_recorder, window.undo_stack
    now = [100.0]
    recorder.clock = lambda: now[0]
    model.set_layer_sizes((3, 16, 16, 16, 2))
    start = model.state_dict()
    now[0] += 1.0
    model.set_neuron_bias(0.25)
    now[0] += 1.0
    model.set_weight(2, 4, 7, 0.5)  # the second weight matrix, row 4
    bias_step, weight_step = stack.command(stack.count() - 2), stack.command(stack.count() - 1)
    assert bias_step.after is weight_step.before
    assert bias_step.after["network"] is bias_step.before["network"]
    assert weight_step.after["neuron"] is weight_step.before["neuron"]
    old_layers, new_layers = (
        weight_step.before["network"]["weights"],
        weight_step.after["network"]["weights"],
    )
    assert [new is old for old, new in zip(old_layers, new_layers, strict=True)] == [
        True,
        False,
        True,
        True,
    ]
    assert [new is old for old, new in zip(old_layers[1], new_layers[1], strict=True)] == [
        row != 4 for row in range(16)
    ]
    stack.undo()
    stack.undo()
    assert model.state_dict() == start
    stack.redo()
    stack.redo()
    assert model.weights[1][4, 7] == 0.5 and model.neuron_bias == 0.25


def test_rebuilding_the_network_layers_leaves_no_widget_behind(window, qtbot):
    assert window.network_panel.architecture is not None  # the Architecture tab: built on use

    def rebuild_cycle():
        for name, values in (
            ("network_hidden_count", (5, 1, 2)),
            ("network_input_size", (7, 3, 2)),
            ("network_layer_1_size", (16, 2, 8)),
        ):
            for value in values:
                window.findChild(QSpinBox, name).setValue(value)  # rebuilt boxes: look again
                window.scheduler.flush()
        qtbot.wait(1)
        run_deferred_deletes()
        return len(QApplication.allWidgets())

    rebuild_cycle()
    settled = rebuild_cycle()
    for _ in range(8):
        last = rebuild_cycle()
    assert window.model.layer_sizes == (2, 8, 8, 1)
    assert last <= settled  # other tests' closed windows may still be going away
