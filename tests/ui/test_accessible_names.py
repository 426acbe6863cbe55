"""Every control a user can operate has a name that assistive technology reads out.

A screen reader names a control from its accessible name or its buddy label
(`QLabel.setBuddy`); both reach it through `QAccessible`. The walk covers
every slider, spin box, combo box, check box and button in the window, shown or
hidden (a hidden one is shown in another mode), with every part built on first
show built first: the curve pane's Compare
tab, the network panel's tabs, the neuron's truth table, the training panel,
the lessons dock and the network layout's dock.
"""

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QScrollBar,
    QTabBar,
    QWidget,
)

from actplay.ui.shell.layouts import NETWORK

CONTROLS = (QAbstractSlider, QAbstractSpinBox, QComboBox, QAbstractButton, QLineEdit)
# Parts Qt builds inside other controls: they are named through their owner.
QT_INTERNALS = (
    "qt_spinbox_lineedit",
    "qt_tabwidget_tabbar",
    "qt_toolbar_ext_button",
    "qt_menubar_ext_button",
    "qt_tableview_cornerbutton",
)


def accessible_name(widget: QWidget) -> str:
    """The name a screen reader reads for ``widget``.

    Qt on Linux gives a combo box its current item as its name; that names the
    choice, not the control, so a combo box needs a name or a buddy label of its own.
    """
    if isinstance(widget, QComboBox):
        if widget.accessibleName().strip():
            return widget.accessibleName().strip()
        labels = widget.window().findChildren(QLabel)
        return next((label.text() for label in labels if label.buddy() is widget), "")
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name).strip() if interface is not None else ""


def _build_everything(window) -> None:
    """Build what is built on first show, and show what is hidden until used."""
    window.curve_pane.compare_box  # noqa: B018 (builds it)
    tabs = window.network_panel.tabs
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
    window.model.set_binary_mode(True)
    window.neuron_panel.truth_table  # noqa: B018
    window.training_panel  # noqa: B018
    from actplay.ui.lessons.dock import open_lessons

    open_lessons(window)
    window.model.select_weight(1, 0, 0)  # the selected weight's slider
    window.model.add_compare("elu")  # a comparison row with its parameter
    window.model.set_curve_activation("elu")  # a function with parameters
    window.scheduler.flush()


def _controls(root: QWidget):
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or widget.objectName() in QT_INTERNALS:
            continue
        if isinstance(widget.parentWidget(), (QAbstractSpinBox, QComboBox, QTabBar)):
            continue  # a spin box's line edit, a combo's editor, a tab bar's scroll buttons
        if isinstance(widget, QScrollBar):
            continue  # read by role and position, as in every scroll area
        yield widget


def _unnamed(window) -> list[str]:
    return sorted(
        f"{type(widget).__name__} {widget.objectName() or '(no object name)'}"
        for widget in _controls(window)
        if not accessible_name(widget)
    )


def test_every_control_of_the_curve_layout_has_an_accessible_name(window):
    _build_everything(window)
    assert _unnamed(window) == []


def test_every_control_of_the_network_layout_has_an_accessible_name(window):
    _build_everything(window)
    window.layouts.show_layout(NETWORK)
    window.scheduler.flush()
    assert _unnamed(window) == []


def test_the_walk_finds_the_sliders_of_lazily_built_tabs(window):
    _build_everything(window)
    names = {widget.objectName() for widget in _controls(window)}
    assert "network_selected_weight_slider" in names
    assert "compare_function_combo" in names  # the Compare tab, built on first show
    assert "network_seed" in names  # the Architecture tab
    assert "training_play" in names
    assert "neuron_input_0_check" in names
