"""The hand-drawn equation widget: its text follows the model, it wraps, it copies,
and a new number re-lays out the panel only when the equation's height changes."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6 import QtCore, QtGui

from actplay.core.neuron import Neuron
from actplay.ui.neuron.equation import Run, lines_plain
from actplay.ui.neuron.equation_label import EquationLabel
from actplay.ui.widgets.numbers import format_number


@pytest.fixture
def label(window):
    return window.neuron_panel.equation


def core_numbers(model):
    neuron = Neuron(
        model.neuron_weights, model.neuron_bias, model.neuron_activation, model.neuron_params
    )
    x = np.array(model.neuron_inputs)
    return float(neuron.z(x)), float(neuron.output(x))


def test_plain_text_shows_the_core_sum_and_output(window, label):
    window.model.set_neuron_weight(1, -0.75)
    window.scheduler.flush()
    z, a = core_numbers(window.model)
    lines = label.plain_text().splitlines()
    assert len(lines) == 4
    assert lines[1].endswith(f"= {format_number(z)}")
    assert lines[2] == f"a = sigmoid({format_number(z)}) = {format_number(a)}"
    assert "(\u22120.75)\u00b7" in lines[1]  # the negative weight in brackets


def test_copy_puts_plain_and_rich_text_on_the_clipboard(window, label, qtbot):
    clipboard = QtGui.QGuiApplication.clipboard()
    clipboard.clear()
    label.setFocus()
    qtbot.keyClick(label, QtCore.Qt.Key.Key_C, QtCore.Qt.KeyboardModifier.ControlModifier)
    assert clipboard.text() == label.plain_text()
    assert clipboard.mimeData().html() == label.text()
    assert [action.text() for action in label.actions()] == ["Copy equation"]
    # Qt deletes the clipboard's data in an exit handler, after Python has finalised; data
    # made in Python then crashes the process there (shiboken, PySide6 6.11.3): clear it now.
    clipboard.clear()


def test_a_narrow_label_wraps_onto_more_lines():
    label = EquationLabel()
    words = tuple((Run(f"word{i}"),) for i in range(12))
    label.set_lines((words,))
    one_line = label.heightForWidth(2000)
    assert label.heightForWidth(120) >= 3 * one_line * 0.9
    assert label.sizeHint().height() == label.heightForWidth(label.sizeHint().width())
    assert lines_plain(label._lines) == " ".join(f"word{i}" for i in range(12))


def test_new_numbers_relayout_the_group_only_when_the_height_changes(
    window, label, qtbot, watch_events
):
    group = label.parentWidget()
    requests = watch_events(group, QtCore.QEvent.Type.LayoutRequest)
    for bias in (0.11, 0.12, 0.13):  # same shape of equation, new numbers
        window.model.set_neuron_bias(bias)
        window.scheduler.flush()
        qtbot.wait(5)
    assert requests.count == 0
    assert f"= {format_number(core_numbers(window.model)[0])}" in label.plain_text()
    window.model.set_input_count(8)  # a longer sum wraps onto more lines
    window.scheduler.flush()
    qtbot.wait(5)
    assert requests.count >= 1
    assert label.height() == label.heightForWidth(label.width())


def test_the_height_does_not_flap_while_numbers_wrap_and_unwrap(window, label):
    model = window.model
    # A dock as wide as the two-column neuron: "(−4.00)" wraps where "0.10" does not.
    window.resizeDocks([window.neuron_dock], [450], QtCore.Qt.Orientation.Horizontal)
    window.layout().activate()
    width = label.width()
    heights = []
    for bias in (0.1, -4.0, 0.1):  # "(−4.00)" is wider than "0.10"
        model.set_neuron_bias(bias)
        window.scheduler.flush()
        heights.append(label.heightForWidth(width))
    assert heights[2] == heights[1] > heights[0]
    assert label._layout(width)[0] <= heights[2]  # the text fits the kept height
    model.set_input_count(2)  # a new shape of sum starts afresh
    window.scheduler.flush()
    assert label.heightForWidth(width) == label._layout(width)[0]


def test_a_smaller_font_lets_the_kept_height_go():
    label = EquationLabel()
    label.resize(300, 100)
    words = tuple((Run(f"word{i}"),) for i in range(12))
    label.set_lines((words,))
    tall = label.heightForWidth(300)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() / 2)
    label.setFont(font)
    assert label.heightForWidth(300) == label._layout(300)[0] < tall
