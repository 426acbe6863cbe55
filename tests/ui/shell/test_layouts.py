"""The curve and network layouts: one click between them, parts moved not rebuilt,
each layout's docks and the last layout remembered in settings."""

import pytest
from PySide6 import QtCore, QtGui, QtWidgets

from actplay.app import create_window
from actplay.ui.shell.layouts import CURVE, NETWORK


def _click_corner(qtbot, window, name):
    button = window.layouts.corner.findChild(QtWidgets.QToolButton, f"layout_{name}_button")
    qtbot.mouseClick(button, QtCore.Qt.MouseButton.LeftButton)


def test_one_click_puts_the_canvas_in_the_centre_and_back(qtbot, window):
    canvas_view = window.network_panel.canvas_view
    _click_corner(qtbot, window, NETWORK)
    assert window.layouts.current == NETWORK
    assert window.central_stack.currentWidget() is window.layouts.centre
    assert window.layouts.centre.isAncestorOf(canvas_view)
    tabs = window.layouts.left_tabs
    assert window.neuron_dock.widget() is tabs
    assert [tabs.tabText(i) for i in range(tabs.count())] == ["Neuron", "Curves", "Network"]
    assert tabs.widget(1) is window.curve_pane and tabs.widget(0) is window.neuron_panel
    assert tabs.widget(2) is window.network_panel  # its tabs; the canvas is in the centre
    assert not window.network_panel.isAncestorOf(canvas_view)
    assert not window.network_dock.isVisible()
    # the same views, still refreshed by the scheduler where they now are
    window.model.set_weight(1, 0, 0, 2.0)
    window.scheduler.flush()
    assert window.network_panel.canvas._flat_weights[0] == 2.0
    _click_corner(qtbot, window, CURVE)
    assert window.layouts.current == CURVE
    assert window.central_stack.currentWidget() is window.curve_pane
    assert window.network_panel.isAncestorOf(canvas_view)
    assert window.neuron_dock.widget() is window.neuron_panel
    assert window.network_dock.widget() is window.network_panel
    assert window.network_dock.isVisible() and window.network_panel.tabs.isVisible()
    assert not window.layouts.left_tabs.isVisible()


def test_shortcuts_and_the_view_menu_offer_both_layouts(window):
    actions = window.layouts.actions
    assert actions[NETWORK].shortcut().toString() == "Ctrl+2"
    assert actions[CURVE].shortcut().toString() == "Ctrl+1"
    assert all(action in window.view_menu.actions() for action in actions.values())
    actions[NETWORK].trigger()
    assert actions[NETWORK].isChecked() and not actions[CURVE].isChecked()
    with pytest.raises(ValueError, match="unknown layout"):
        window.layouts.show_layout("mosaic")


def test_each_layout_keeps_its_docks_and_the_last_one_is_remembered(qtbot, tmp_path):
    settings = QtCore.QSettings(str(tmp_path / "a.ini"), QtCore.QSettings.Format.IniFormat)
    first = create_window()
    qtbot.addWidget(first)
    first.use_settings(settings)
    first.show()
    first.layouts.show_layout(NETWORK)
    first.neuron_dock.hide()  # the user closes a dock in the network layout
    first.layouts.show_layout(CURVE)
    assert first.neuron_dock.isVisible()  # the curve layout has its own arrangement
    first.layouts.show_layout(NETWORK)
    assert not first.neuron_dock.isVisible()
    first.save_settings()
    first.file_actions.ask_before_closing = False
    first.close()

    second = create_window()
    qtbot.addWidget(second)
    second.use_settings(settings)
    second.show()
    assert second.layouts.current == NETWORK
    assert second.central_stack.currentWidget() is second.layouts.centre
    assert not second.neuron_dock.isVisible()
    second.file_actions.ask_before_closing = False
    second.close()


def test_the_network_layout_shows_one_colour_key(qtbot, window):
    view = window.network_panel.canvas_view
    window.layouts.show_layout(NETWORK)
    assert window.layouts.host is not None  # the training workspace hosts the canvas
    assert not view.legend.isVisibleTo(window)
    window.layouts.show_layout(CURVE)
    assert view.legend.isVisibleTo(window)


@pytest.mark.parametrize("sizes", [(2, 8, 8, 1), (2, 16, 16, 16, 16, 16, 16, 1)])
def test_tiles_are_at_least_28_px_in_the_network_layout_at_1280x800(qtbot, window, sizes):
    window.resize(1280, 800)
    window.model.set_layer_sizes(sizes)
    window.layouts.show_layout(NETWORK)
    qtbot.wait(20)  # the docks and the workspace settle
    window.scheduler.flush()
    canvas = window.network_panel.canvas
    assert canvas.isVisible()
    assert canvas.layout_.tile >= 28, canvas.size()


def _tab_bars_on_screen(window):
    """(tab texts, place) of every dock tab bar the user can see."""
    return sorted(
        (tuple(bar.tabText(i) for i in range(bar.count())), bar.geometry().topLeft().toTuple())
        for bar in window.findChildren(QtWidgets.QTabBar)
        if bar.parent() is window and bar.isVisible() and not bar.visibleRegion().isEmpty()
    )


def test_switching_back_and_forth_leaves_no_stray_tab_bars_or_width(qtbot, window):
    window.resize(1280, 800)
    qtbot.wait(10)
    curve_bars, curve_minimum = _tab_bars_on_screen(window), window.minimumSizeHint()
    window.layouts.show_layout(NETWORK)
    qtbot.wait(10)
    network_bars = _tab_bars_on_screen(window)
    assert network_bars == []  # one dock (the neuron and the curves are tabs inside it)
    for _ in range(2):
        window.layouts.show_layout(CURVE)
        qtbot.wait(10)
        assert _tab_bars_on_screen(window) == curve_bars
        # the workspace set aside behind the curve pane does not widen the window
        assert window.minimumSizeHint() == curve_minimum
        window.layouts.show_layout(NETWORK)
        qtbot.wait(10)
        assert _tab_bars_on_screen(window) == network_bars
        assert window.layouts.host.centre_widget() is window.network_panel.canvas_view
        assert window.network_panel.canvas.isVisible()  # back in the workspace's centre
    hint = window.minimumSizeHint()
    assert hint.width() <= 1024 and hint.height() <= 640


def _network_toggle(window):
    """View > Network, as the menu holds it."""
    return next(a for a in window.view_menu.actions() if a.text() == "Network")


def _output_fits(window):
    """The Inputs page's output line, whole, inside the part of its scroll area on screen."""
    label = window.network_panel.output_label
    document = QtGui.QTextDocument()
    document.setDefaultFont(label.font())
    document.setDocumentMargin(0)
    document.setHtml(label.text())
    viewport = next(
        area.viewport()
        for area in window.network_panel.findChildren(QtWidgets.QScrollArea)
        if area.widget() is window.network_panel.inputs_page
    )
    right = label.mapTo(viewport, label.rect().topRight()).x()
    return document.idealWidth() <= label.contentsRect().width() and right < viewport.width()


def test_view_network_in_the_network_layout_brings_its_tab_forward_at_1024x640(window_at, qapp):
    window = window_at((1024, 640))
    curve_docks = {d.objectName() for d in (window.neuron_dock, window.network_dock)}
    window.layouts.show_layout(NETWORK)
    qapp.processEvents()
    assert window.size().toTuple() == (1024, 640)  # the switch did not widen the window
    window.neuron_dock.close()  # the user closed the left dock: the action opens it again
    toggle = _network_toggle(window)
    assert not toggle.isChecked()
    toggle.trigger()
    qapp.processEvents()
    panel, tabs = window.network_panel, window.layouts.left_tabs
    assert toggle.isChecked()
    assert window.neuron_dock.isVisible() and tabs.currentWidget() is panel
    assert not window.network_dock.isVisible()  # no strip beside the centre
    assert panel.inputs_page.isVisible()
    scroll = next(
        a for a in panel.findChildren(QtWidgets.QScrollArea) if a.widget() is panel.inputs_page
    )
    assert not scroll.horizontalScrollBar().isVisible()
    assert panel.inputs_page.width() <= scroll.viewport().width()
    assert all(slider.isVisible() for slider in panel.input_sliders)
    assert panel.output_label.text().startswith("Output: y")
    assert _output_fits(window)
    assert window.size().toTuple() == (1024, 640)
    toggle.trigger()  # unchecked: back to the tab in front before
    assert tabs.currentWidget() is window.neuron_panel and not toggle.isChecked()
    tabs.setCurrentWidget(panel)  # choosing the tab checks the action too
    assert toggle.isChecked()
    window.layouts.show_layout(CURVE)
    qapp.processEvents()
    assert {d.objectName() for d in (window.neuron_dock, window.network_dock) if d.isVisible()} == (
        curve_docks
    )
    assert (
        window.network_dock.widget() is panel and window.neuron_dock.widget() is window.neuron_panel
    )
    area = window.dockWidgetArea(window.network_dock)
    assert area == QtCore.Qt.DockWidgetArea.RightDockWidgetArea
    assert toggle.isChecked()  # the curve layout's network dock is shown
    toggle.trigger()
    assert not window.network_dock.isVisible()
    toggle.trigger()
    assert window.network_dock.isVisible() and panel.isVisible()
    window.layouts.show_layout(NETWORK)  # the Network tab is in front again
    assert tabs.currentWidget() is panel and toggle.isChecked()


@pytest.mark.parametrize("size", [(1024, 640), (1280, 800), (1920, 1080)])
def test_the_network_tab_shows_the_inputs_and_layers_without_side_scrolling(window_at, qapp, size):
    window = window_at(size)
    window.layouts.show_layout(NETWORK)
    _network_toggle(window).trigger()
    qapp.processEvents()
    panel = window.network_panel
    scroll = next(
        a for a in panel.findChildren(QtWidgets.QScrollArea) if a.widget() is panel.inputs_page
    )
    assert panel.inputs_page.isVisible() and not scroll.horizontalScrollBar().isVisible()
    assert _output_fits(window)
    panel.tabs.setCurrentIndex(1)  # Layers: its caption wraps instead of widening the page
    qapp.processEvents()
    layers = panel.tabs.currentWidget().findChild(QtWidgets.QScrollArea)
    assert panel.bars.isVisible() and not layers.horizontalScrollBar().isVisible()


def _outside_the_view(page):
    """The controls of ``page`` shown to the user that reach beyond its scroll area's
    visible width (empty when all fit), with the horizontal scroll bar's visibility."""
    area = next(a for a in page.window().findChildren(QtWidgets.QScrollArea) if a.widget() is page)
    viewport = area.viewport()
    kinds = (QtWidgets.QLabel, QtWidgets.QAbstractSpinBox, QtWidgets.QComboBox)
    outside = [
        control.objectName() or control.text()
        for control in page.findChildren(QtWidgets.QWidget)
        if isinstance(control, (*kinds, QtWidgets.QAbstractButton)) and control.isVisible()
        if control.mapTo(viewport, control.rect().topLeft()).x() < 0
        or control.mapTo(viewport, control.rect().topRight()).x() >= viewport.width()
    ]
    return outside, area.horizontalScrollBar().isVisible()


def _top(widget, ancestor):
    return widget.mapTo(ancestor, widget.rect().topLeft()).y()


@pytest.mark.parametrize("size", [(1024, 640), (1280, 800), (1920, 1080)])
@pytest.mark.parametrize("sizes", [(2, 8, 8, 1), (2, 8, 8, 8, 8, 8, 8, 3)])
def test_the_network_tab_shows_the_architecture_editor_whole(window_at, qapp, size, sizes):
    window = window_at(size)
    window.model.set_layer_sizes(sizes)
    window.layouts.show_layout(NETWORK)
    _network_toggle(window).trigger()
    panel = window.network_panel
    panel.tabs.setCurrentIndex(3)  # Architecture, as a click on its tab
    window.scheduler.flush()
    qapp.processEvents()
    editor = panel.architecture
    assert editor.isVisible() and editor.randomise_button.isVisible()
    assert len(editor.activation_combos) == len(sizes) - 1
    assert _outside_the_view(editor) == ([], False)
    # Narrow: Seed and Randomise go under Init; each combo still names its function whole.
    assert editor.init_row.columns == 1
    assert _top(editor.seed_spin, editor) >= _top(editor.init_combo, editor) + (
        editor.init_combo.height()
    )
    output = editor.activation_combos[-1]
    assert output.toolTip() == f"Activation of layer {len(sizes) - 1}: {output.currentText()}"
    assert output.accessibleName() == f"Activation of layer {len(sizes) - 1}"
    panel.tabs.setCurrentIndex(2)  # Diagnostics fits as well
    qapp.processEvents()
    assert _outside_the_view(panel.diagnostics)[1] is False


def test_the_architecture_editor_keeps_one_init_line_in_a_wide_dock(window_at, qapp):
    window = window_at((1920, 1080))  # the curve layout: the network dock on the right
    panel = window.network_panel
    panel.tabs.setCurrentIndex(3)
    qapp.processEvents()
    editor = panel.architecture
    assert editor.init_row.columns == 2
    assert abs(_top(editor.seed_spin, editor) - _top(editor.init_combo, editor)) < 4
    assert _outside_the_view(editor) == ([], False)
    combo = editor.activation_combos[0]
    assert combo.width() >= combo.view().sizeHintForColumn(0)  # wide enough for any title
    window.model.set_layer_activation(1, "relu")
    window.scheduler.flush()
    title = window.model.activation("relu").title
    assert combo.currentText() == title and combo.toolTip() == f"Activation of layer 1: {title}"


def test_whatever_shows_the_network_dock_there_gets_the_tab(qtbot, window):
    """A lesson's ``show = "network_dock"`` (or old settings) in the network layout."""
    from actplay.ui.lessons.highlight import show_place

    window.layouts.show_layout(NETWORK)
    window.layouts.left_tabs.setCurrentIndex(1)
    assert show_place(window, "network_dock")
    qtbot.waitUntil(lambda: window.layouts.left_tabs.currentWidget() is window.network_panel)
    assert not window.network_dock.isVisible()
    window.layouts.left_tabs.setCurrentIndex(1)
    assert show_place(window, "network_inputs_page")  # a page of it: its tab comes forward
    assert window.layouts.left_tabs.currentWidget() is window.network_panel
    assert window.network_panel.inputs_page.isVisible() and not window.network_dock.isVisible()
