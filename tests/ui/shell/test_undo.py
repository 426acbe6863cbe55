"""Undo/redo: real slider drags and presets are single steps that restore exact model values."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QSlider

from actplay.model.playground import Playground
from actplay.ui.shell import undo
from actplay.ui.widgets.float_slider import FloatSlider


def slider(window, name) -> QSlider:
    found = window.findChild(QSlider, f"{name}_slider")
    assert found is not None and found.isVisible(), name
    return found


def handle_point(inner: QSlider) -> QPoint:
    """Where the handle of a horizontal slider is drawn (the groove spans the width)."""
    fraction = (inner.value() - inner.minimum()) / (inner.maximum() - inner.minimum())
    return QPoint(int(round(8 + fraction * (inner.width() - 16))), inner.height() // 2)


def mouse_drag(qtbot, inner: QSlider, dx_steps=(10, 25, 40, 60)) -> None:
    """Press on the handle, move right in several steps, release: what a user does."""
    start = handle_point(inner)
    qtbot.mousePress(inner, Qt.MouseButton.LeftButton, pos=start)
    for dx in dx_steps:
        qtbot.mouseMove(inner, start + QPoint(dx, 0))
    qtbot.mouseRelease(inner, Qt.MouseButton.LeftButton, pos=start + QPoint(dx_steps[-1], 0))


def test_a_whole_mouse_drag_is_one_step_and_undo_restores_exact_values(qtbot, window):
    model, stack = window.model, window.undo_stack
    before = model.state_dict()
    weights_before = model.neuron_weights
    inner = slider(window, "neuron_weight_0")
    values = []
    window.findChild(FloatSlider, "neuron_weight_0").valueChanged.connect(values.append)
    mouse_drag(qtbot, inner)
    assert len(values) >= 3  # the drag really sent several changes
    after = model.state_dict()
    weights_after = model.neuron_weights
    assert weights_after[0] == values[-1] != weights_before[0]
    assert stack.count() == 1
    assert window.undo_action.text() == "&Undo Change neuron weight"

    stack.undo()
    assert model.neuron_weights == weights_before  # exact floats, not approximately
    assert model.state_dict() == before
    window.scheduler.flush()
    assert window.findChild(FloatSlider, "neuron_weight_0").value() == weights_before[0]
    stack.redo()
    assert model.neuron_weights == weights_after
    assert model.state_dict() == after


def test_drags_of_different_sliders_are_separate_steps(qtbot, window):
    model, stack = window.model, window.undo_stack
    states = [model.state_dict()]
    for name in ("neuron_bias", "network_input_0", "neuron_bias"):
        mouse_drag(qtbot, slider(window, name))
        states.append(model.state_dict())
    assert stack.count() == 3
    for expected in reversed(states[:-1]):
        stack.undo()
        assert model.state_dict() == expected
    for expected in states[1:]:
        stack.redo()
        assert model.state_dict() == expected


def test_same_field_merges_only_within_the_merge_window(window):
    model, recorder, stack = window.model, window.undo_recorder, window.undo_stack
    now = [100.0]
    recorder.clock = lambda: now[0]
    model.set_neuron_bias(0.2)
    now[0] += undo.MERGE_MS / 2000  # well inside the window: merges
    model.set_neuron_bias(0.3)
    assert stack.count() == 1
    now[0] += 2 * undo.MERGE_MS / 1000  # a pause: a new step
    model.set_neuron_bias(0.4)
    assert stack.count() == 2
    model.set_neuron_weight(1, 0.25)  # another field: never merged
    assert stack.count() == 3
    stack.undo()
    stack.undo()
    assert model.neuron_bias == 0.3
    stack.undo()
    assert model.neuron_bias == Playground().neuron_bias


@pytest.mark.parametrize("preset", ["xor", "perceptron", "deep_relu"])
def test_a_preset_is_one_step(window, preset):
    model, stack = window.model, window.undo_stack
    model.set_neuron_bias(-0.7)
    before = model.state_dict()
    window.findChild(type(window.undo_action), f"preset_{preset}_action").trigger()
    after = model.state_dict()
    assert after != before
    assert stack.count() == 2
    assert stack.undoText().startswith("Preset ")
    stack.undo()
    assert model.state_dict() == before
    stack.redo()
    assert model.state_dict() == after


def test_structural_change_undoes_weights_exactly(window):
    model, stack = window.model, window.undo_stack
    weights = [w.copy() for w in model.weights]
    model.set_layer_sizes((2, 3, 1))
    model.set_weight(1, 0, 0, 2.5)
    stack.undo()
    stack.undo()
    assert model.layer_sizes == (2, 8, 8, 1)
    for restored, original in zip(model.weights, weights, strict=True):
        assert (restored == original).all()


def test_view_only_changes_and_no_ops_record_nothing(window):
    window.model.select_weight(1, 0, 0)
    window.model.set_neuron_bias(window.model.neuron_bias)
    assert window.undo_stack.count() == 0


def test_history_is_capped_and_keyboard_shortcuts_undo_and_redo(qtbot, window):
    assert window.undo_stack.undoLimit() == undo.UNDO_LIMIT == 1000
    model = window.model
    model.set_seed(3)
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert model.seed == 0
    qtbot.keyClick(
        window,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert model.seed == 3
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert model.seed == 3


def test_changed_paths_and_descriptions():
    assert undo.changed_paths({"a": [1, 2]}, {"a": [1, 2, 3]}) == [("a",)]
    assert undo.describe([("network", "weights", 0, 1, 1)]) == "Change network weight"
    assert undo.describe([("curve", "x_range", 0), ("neuron", "bias")]) == "Change 2 settings"
