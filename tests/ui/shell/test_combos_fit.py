"""No combo box in the window shows its text cut at the edge of its field."""

import pytest
from PySide6 import QtGui, QtWidgets

from actplay.ui.widgets.elided_combo import ELLIPSIS, ElidedComboBox


def _field_width(combo) -> int:
    option = QtWidgets.QStyleOptionComboBox()
    combo.initStyleOption(option)
    return (
        combo.style()
        .subControlRect(
            QtWidgets.QStyle.ComplexControl.CC_ComboBox,
            option,
            QtWidgets.QStyle.SubControl.SC_ComboBoxEditField,
            combo,
        )
        .width()
    )


@pytest.mark.parametrize("preset", ["perceptron", "deep_relu"])
@pytest.mark.parametrize("size", [(1024, 640), (1280, 800)])
def test_every_shown_combo_text_is_whole_or_elided(window, preset, size):
    window.resize(*size)
    window.apply_preset(preset)
    window.scheduler.flush()
    window.layout().activate()
    checked = 0
    for combo in window.findChildren(QtWidgets.QComboBox):
        if not combo.isVisible() or combo.isEditable() or not combo.currentText():
            continue
        metrics = combo.fontMetrics()
        if isinstance(combo, ElidedComboBox):
            shown = combo.shown_text()
            whole = (combo.currentText(), combo.short_text())
            assert shown in whole or shown.endswith(ELLIPSIS), combo.objectName()
            shown_metrics = QtGui.QFontMetrics(combo.shown_font())
            assert shown_metrics.horizontalAdvance(shown) <= combo.text_field_width()
        else:
            width = metrics.horizontalAdvance(combo.currentText())
            assert width <= _field_width(combo), (combo.objectName(), combo.currentText())
        checked += 1
    assert checked >= 5
