"""Bindings in the real window: a refused value is shown as refused and changes nothing; a
view or a setter that fails is a fault, reported once, and never undoes or hides a change."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDoubleSpinBox, QLabel

from actplay.app import error_report
from actplay.model.errors import InvalidValue


@pytest.fixture
def report(window, tmp_path):
    """The app's error report, logging to a temporary file, without its dialog."""
    hook = error_report.install_excepthook(window, tmp_path / "errors.log", show_dialog=False)
    yield hook
    hook.uninstall()


def broken_refresh(sections):
    raise ValueError("a view failed to draw")


def bias_spin(window):
    return window.neuron_panel.findChild(QDoubleSpinBox, "neuron_bias_spin")


def test_a_view_raising_in_refresh_keeps_the_change_its_undo_step_and_the_other_views(
    qtbot, window, report, tmp_path, monkeypatch
):
    model, scheduler = window.model, window.scheduler
    # The curve pane is the first view the scheduler paints and it shows the neuron.
    monkeypatch.setattr(window.curve_pane, "refresh", broken_refresh)
    before, steps = model.neuron_bias, window.undo_stack.count()
    binding = window.neuron_panel.inputs.bias_binding
    events = []
    model.changed.connect(events.append)

    bias_spin(window).setValue(0.75)  # typed by the user: the binding calls the setter

    assert model.neuron_bias == 0.75  # the model kept the value
    assert events == [frozenset({"neuron"})]  # every subscriber heard of it
    assert binding.last_error is None  # not shown as "the model refused your value"
    assert window.neuron_panel.bars.heights()[-2] == 0.75  # the next view still painted
    assert window.undo_stack.count() == steps + 1  # the undo history saw the change
    # Reported once, through the error report, with the traceback of the view.
    assert len(report.reports) == 1
    log = (tmp_path / "errors.log").read_text()
    assert "ValueError: a view failed to draw" in log and "broken_refresh" in log
    assert window.statusBar().currentMessage().startswith("Error: a view failed to draw")

    # The frame timer's path (a change inside a frame paints later) reports the same way.
    model.set_neuron_bias(0.5)
    assert scheduler.pending
    qtbot.waitUntil(lambda: not scheduler.pending, timeout=3000)
    assert len(report.reports) == 2 and "broken_refresh" in report.reports[1]
    assert window.neuron_panel.bars.heights()[-2] == 0.5

    window.undo_stack.undo()
    window.undo_stack.undo()
    assert model.neuron_bias == before


def test_a_refused_value_changes_nothing_emits_nothing_and_is_shown_as_refused(window, report):
    model = window.model
    spin = window.curve_pane.findChild(QDoubleSpinBox, "x_lo_spin")
    state, steps = model.state_dict(), window.undo_stack.count()
    events = []
    model.changed.connect(events.append)
    with pytest.raises(InvalidValue, match="x range needs low < high"):
        model.set_x_range(10.0, model.x_range[1])  # what the binding will hear

    spin.setValue(10.0)  # above the upper end (6)

    assert model.state_dict() == state and events == []
    assert window.undo_stack.count() == steps
    note = window.findChild(QLabel, "inline_message")  # where the user acted, not the status bar
    assert note.isVisible() and note.text().startswith("x range needs low < high")
    below = spin.mapTo(window, spin.rect().bottomLeft())
    assert note.y() >= below.y() and abs(note.x() - below.x()) < 10
    assert not window.statusBar().currentMessage().startswith("x range")
    assert spin.value() == model.x_range[0] == -6.0  # the widget went back
    spin.setValue(-2.0)  # a value the model takes clears the note
    assert not note.isVisible()
    assert report.reports == []  # a refusal is not an error


def test_a_setter_failing_with_a_plain_value_error_is_a_fault_not_a_refusal(
    window, report, monkeypatch, tmp_path
):
    model = window.model

    def faulty_setter(lo, hi):
        raise ValueError("not a refusal: a bug in the setter")

    monkeypatch.setattr(model, "set_x_range", faulty_setter)
    spin = window.curve_pane.findChild(QDoubleSpinBox, "x_lo_spin")

    spin.setValue(-3.0)

    # The status bar tells of an error report, not of a refused value.
    assert window.statusBar().currentMessage().startswith("Error: not a refusal")
    assert spin.value() == model.x_range[0] == -6.0  # the widget shows the model again
    assert len(report.reports) == 1 and "faulty_setter" in report.reports[0]
    assert "a bug in the setter" in (tmp_path / "errors.log").read_text()


def test_a_refused_command_is_shown_like_a_refused_value(window, report):
    # A click that lands before the repaint disables Add: the model refuses the ninth input.
    from actplay.model import limits

    model, inputs = window.model, window.neuron_panel.inputs
    model.set_input_count(limits.MAX_INPUTS)
    state = model.state_dict()
    inputs._on_add_clicked()
    assert model.state_dict() == state
    note = window.findChild(QLabel, "inline_message")
    assert note.isVisible() and str(limits.MAX_INPUTS) in note.text()
    assert note.field is inputs.add_button
    assert report.reports == []


def test_a_command_failing_with_a_plain_error_is_a_fault(window, report, monkeypatch):
    def faulty(n):
        raise RuntimeError("set_input_count broke")

    monkeypatch.setattr(window.model, "set_input_count", faulty)
    window.neuron_panel.inputs._on_add_clicked()
    assert len(report.reports) == 1 and "set_input_count broke" in report.reports[0]
    assert window.statusBar().currentMessage().startswith("Error: set_input_count broke")
