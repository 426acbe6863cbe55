"""The neuron dock at small window sizes: the neuron itself in view without scrolling."""

from PySide6 import QtCore, QtWidgets

from actplay.ui.neuron.bars import CHART_HEIGHT

ESSENTIAL = ("neuron_inputs_group", "neuron_activation_group", "neuron_equation_group")


def _span(panel, name):
    """Top and bottom of the child ``name`` in the scroll viewport's coordinates."""
    widget = panel.findChild(QtWidgets.QWidget, name)
    viewport = panel._scroll.viewport()
    top = widget.mapTo(viewport, QtCore.QPoint(0, 0)).y()
    return top, top + widget.height()


def test_at_1280x800_the_whole_neuron_fits_without_scrolling(window_at):
    panel = window_at((1280, 800)).neuron_panel
    viewport = panel._scroll.viewport()
    assert panel._scroll.verticalScrollBar().maximum() == 0
    for name in (*ESSENTIAL, "neuron_bars_group", "neuron_bars_key"):
        top, bottom = _span(panel, name)
        assert 0 <= top and bottom <= viewport.height(), name
    assert CHART_HEIGHT[0] <= panel.bars.height() <= CHART_HEIGHT[1]


def test_at_1024x640_the_equation_is_in_view_and_the_chart_folds_away(window_at, qtbot, qapp):
    panel = window_at((1024, 640)).neuron_panel
    viewport = panel._scroll.viewport()
    for name in ESSENTIAL:  # sliders, f and the equation, down to a = f(z)
        top, bottom = _span(panel, name)
        assert 0 <= top and bottom <= viewport.height(), name
    section = panel.findChild(QtWidgets.QWidget, "neuron_bars_group")
    qtbot.mouseClick(section.toggle, QtCore.Qt.MouseButton.LeftButton)
    qapp.processEvents()
    assert not section.is_expanded() and not panel.bars.isVisible()
    assert panel._scroll.verticalScrollBar().maximum() == 0  # nothing left below the fold
    assert section.toggle.accessibleName() == "What moves z"
    qtbot.mouseClick(section.toggle, QtCore.Qt.MouseButton.LeftButton)
    qapp.processEvents()
    assert section.is_expanded() and panel.bars.isVisible()


def test_a_tall_dock_gives_the_chart_its_tallest_height(window_at):
    panel = window_at((1920, 1080)).neuron_panel
    assert panel.bars.height() == CHART_HEIGHT[1]
    assert panel._scroll.verticalScrollBar().maximum() == 0


def test_in_the_network_layout_the_neuron_tab_fits_at_1280x800(window_at, qapp):
    window = window_at((1280, 800))
    window.layouts.show_layout("network")
    window.resize(1280, 800)
    qapp.processEvents()
    panel = window.neuron_panel
    assert panel.isVisible()
    assert panel._scroll.verticalScrollBar().maximum() == 0
