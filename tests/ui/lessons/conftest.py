"""Perform a lesson's demo gestures on the real widgets, as a learner's mouse and keys do.

A slider is dragged the way the other UI tests drag one (press, move the
position, release), buttons are clicked with the mouse, combo boxes choose an
item the way a click in their list does, and text is typed key by key. A
gesture that opens a modal dialog (the formula editor) has its ``dialog``
gestures performed inside that dialog while it runs.
"""

from __future__ import annotations

import pytest
from PySide6 import QtCore, QtGui, QtWidgets

from actplay.ui.widgets.float_slider import SLIDER_STEPS, FloatSlider

DIALOG_POLL_MS = 20


def find(window, name, kind=QtWidgets.QWidget):
    """The widget a learner would use: a shown one first (two places may share a name)."""
    if window.objectName() == name:
        return window
    found = window.findChildren(kind, name)
    shown = [widget for widget in found if widget.isVisible()]
    assert found, f"no {kind.__name__} called {name!r}"
    return (shown or found)[0]


def drag(window, name, value):
    slider = find(window, name, FloatSlider)
    handle = find(slider, f"{name}_slider", QtWidgets.QSlider)
    lo, hi = slider.range()
    assert lo <= value <= hi, f"{name}: {value} is off the slider ({lo}..{hi})"
    handle.setSliderDown(True)
    handle.setSliderPosition(round((value - lo) / (hi - lo) * SLIDER_STEPS))
    handle.setSliderDown(False)


def click(qtbot, window, name):
    action = window.findChild(QtGui.QAction, name)
    if action is not None:  # a menu item: what clicking it in its menu does
        assert action.isEnabled(), f"{name} is disabled"
        action.trigger()
        return
    button = find(window, name, QtWidgets.QAbstractButton)
    assert button.isVisible() and button.isEnabled(), f"{name} cannot be clicked now"
    position = button.rect().center()
    if isinstance(button, QtWidgets.QCheckBox | QtWidgets.QRadioButton):
        # only the box and its text react; a stretched check box is mostly empty space
        position = QtCore.QPoint(min(8, button.width() // 2), button.height() // 2)
    qtbot.mouseClick(button, QtCore.Qt.MouseButton.LeftButton, pos=position)


def choose(window, name, item):
    combo = find(window, name, QtWidgets.QComboBox)
    index = combo.findData(item)
    if index < 0:
        index = next((i for i in range(combo.count()) if combo.itemText(i).strip() == item), -1)
    assert index >= 0, f"{name} has no item {item!r}"
    combo.setCurrentIndex(index)
    combo.activated.emit(index)  # what a click on the item in the open list sends


def type_text(qtbot, window, name, text):
    edit = find(window, name, QtWidgets.QLineEdit)
    edit.selectAll()
    qtbot.keyClick(edit, QtCore.Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, text)


def accept(qtbot, window, name):
    dialog = find(window, name, QtWidgets.QDialog)
    box = dialog.findChild(QtWidgets.QDialogButtonBox)
    ok = box.button(QtWidgets.QDialogButtonBox.StandardButton.Ok)
    assert ok.isEnabled(), (
        f"{name}: OK is disabled ({dialog.findChild(QtWidgets.QLabel, 'custom_message').text()})"
    )
    qtbot.mouseClick(ok, QtCore.Qt.MouseButton.LeftButton)


def _in_dialog(qtbot, gestures, done):
    """Wait for the modal dialog to run, then perform ``gestures`` in it."""

    def attempt():
        dialog = QtWidgets.QApplication.activeModalWidget()
        if dialog is None:
            QtCore.QTimer.singleShot(DIALOG_POLL_MS, attempt)
            return
        try:
            for gesture in gestures:
                perform(qtbot, dialog, gesture)
        finally:
            done.append(dialog.objectName())
            if dialog.isVisible():
                dialog.reject()  # never leave a modal loop running

    QtCore.QTimer.singleShot(DIALOG_POLL_MS, attempt)


def perform(qtbot, window, gesture):
    """Perform one validated demo gesture (see ``actplay.model.lessons.GESTURES``)."""
    handled = []
    if "dialog" in gesture:
        _in_dialog(qtbot, gesture["dialog"], handled)
    if "drag" in gesture:
        drag(window, gesture["drag"], gesture["to"])
    elif "click" in gesture:
        click(qtbot, window, gesture["click"])
    elif "choose" in gesture:
        choose(window, gesture["choose"], gesture["item"])
    elif "type" in gesture:
        type_text(qtbot, window, gesture["type"], gesture["text"])
    elif "accept" in gesture:
        accept(qtbot, window, gesture["accept"])
    if "dialog" in gesture:
        assert handled, "the gesture opened no dialog"


class Hands:
    """A learner's mouse and keys on one window (the ``hands`` fixture)."""

    def __init__(self, qtbot, window):
        self.qtbot, self.window = qtbot, window

    def perform(self, gesture):
        perform(self.qtbot, self.window, gesture)

    def click(self, name):
        click(self.qtbot, self.window, name)

    def choose(self, name, item):
        choose(self.window, name, item)

    def drag(self, name, value):
        drag(self.window, name, value)


@pytest.fixture
def hands(qtbot, window):
    """Perform gestures on the real widgets of the ``window`` fixture's window."""
    return Hands(qtbot, window)
