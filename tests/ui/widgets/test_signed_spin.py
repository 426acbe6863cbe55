"""Number boxes write a real minus sign, as the labels beside them do, and read both."""

from PySide6.QtCore import Qt

from actplay.ui.widgets.numbers import MINUS, format_number
from actplay.ui.widgets.signed_spin import SignedSpinBox


def test_a_negative_value_shows_the_real_minus(qtbot):
    spin = SignedSpinBox()
    qtbot.addWidget(spin)
    spin.setRange(-10.0, 10.0)
    spin.setDecimals(2)
    spin.setValue(-0.4)
    assert spin.text() == format_number(-0.4) == f"{MINUS}0.40"
    assert "-" not in spin.text()


def test_typing_a_hyphen_or_the_real_minus_both_work(qtbot):
    spin = SignedSpinBox()
    qtbot.addWidget(spin)
    spin.setRange(-10.0, 10.0)
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin.lineEdit(), "-1.5")
    qtbot.keyClick(spin.lineEdit(), Qt.Key.Key_Return)
    assert spin.value() == -1.5 and spin.text() == f"{MINUS}1.50"
    spin.lineEdit().setText(f"{MINUS}2.25")  # pasted
    spin.interpretText()
    assert spin.value() == -2.25
    spin.stepDown()
    assert spin.value() == -3.25 and spin.text().startswith(MINUS)


def test_the_window_number_boxes_use_it(window):
    neuron_spin = window.neuron_panel.findChild(SignedSpinBox)
    curve_range = window.curve_pane.findChildren(SignedSpinBox)
    assert neuron_spin is not None and len(curve_range) >= 2
    lows = [spin for spin in curve_range if spin.value() < 0]
    assert lows and all(spin.text().startswith(MINUS) for spin in lows)
