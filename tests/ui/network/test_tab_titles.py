"""The network panel's tabs in a narrow dock: every tab in view, none behind scroll arrows."""

import pytest
from PySide6 import QtCore, QtWidgets

from actplay.ui.network.panel import SHORT_TAB_TITLES
from actplay.ui.widgets.fitting_tabs import TabTitleFitter

FULL_TITLES = ["Inputs", "Layers", "Diagnostics", "Architecture"]


@pytest.mark.parametrize("size", [(1024, 640), (1280, 800), (1920, 1080)])
def test_every_tab_is_inside_the_visible_tab_bar(window_at, size):
    bar = window_at(size).network_panel.tabs.tabBar()
    assert bar.isVisible()
    assert bar.count() == 4
    # Scroll arrows appear when the bar wants more width than it got.
    assert bar.sizeHint().width() <= bar.width()
    for index in range(bar.count()):
        assert bar.rect().contains(bar.tabRect(index)), bar.tabText(index)
    for button in bar.findChildren(QtWidgets.QToolButton):  # the scroll arrows
        assert not button.isVisible()


def test_a_narrow_dock_shows_short_titles_with_the_full_ones_as_names(window_at):
    window = window_at((1024, 640))
    bar = window.network_panel.tabs.tabBar()
    assert window.network_panel.tabs.width() < 320  # narrower than the full titles need
    assert [bar.tabText(i) for i in range(4)] == ["Inputs", "Layers", "Diag.", "Arch."]
    assert [bar.tabToolTip(i) for i in range(4)] == FULL_TITLES
    assert [bar.accessibleTabName(i) for i in range(4)] == FULL_TITLES


def test_widening_the_window_brings_the_full_titles_back(window_at, qapp):
    window = window_at((1024, 640))
    window.resizeDocks([window.network_dock], [500], QtCore.Qt.Orientation.Horizontal)
    qapp.processEvents()
    bar = window.network_panel.tabs.tabBar()
    assert [bar.tabText(i) for i in range(4)] == FULL_TITLES


def test_a_dock_too_narrow_for_short_titles_puts_the_tabs_down_its_side(qtbot, qapp):
    """The panel's tab titles in a ~115 px dock (the network dock beside the network
    layout's centre was that narrow, before its tabs moved to the left dock; the window's
    docks no longer get that narrow, a floating or future one might): tabs down the side."""
    dock = QtWidgets.QDockWidget()
    qtbot.addWidget(dock)
    tabs = QtWidgets.QTabWidget()
    for title in FULL_TITLES:
        tabs.addTab(QtWidgets.QLabel(title), title)
    fitter = TabTitleFitter(tabs, SHORT_TAB_TITLES)
    dock.setWidget(tabs)
    dock.resize(115, 600)
    dock.show()
    qtbot.waitExposed(dock)
    qapp.processEvents()
    bar = tabs.tabBar()
    assert tabs.width() < 200
    assert tabs.tabPosition() == QtWidgets.QTabWidget.TabPosition.West
    assert bar.sizeHint().height() <= bar.height()
    for index in range(bar.count()):
        assert bar.rect().contains(bar.tabRect(index)), bar.tabText(index)
    assert [bar.accessibleTabName(i) for i in range(4)] == FULL_TITLES
    dock.resize(600, 600)
    qapp.processEvents()
    assert tabs.tabPosition() == QtWidgets.QTabWidget.TabPosition.North
    assert [bar.tabText(i) for i in range(4)] == FULL_TITLES
    assert fitter.full_titles == FULL_TITLES


def test_in_the_network_layout_the_tabs_stay_on_top_in_the_left_dock(window_at, qapp):
    """View -> Network there brings the panel forward as a left tab (~290 px at 1024x640),
    not as the ~115 px strip of a dock beside the centre that needed the side tabs."""
    window = window_at((1024, 640))
    window.layouts.show_layout("network")
    window.layouts.network_toggle.trigger()
    qapp.processEvents()
    tabs = window.network_panel.tabs
    bar = tabs.tabBar()
    assert tabs.isVisible() and tabs.width() > 250
    assert tabs.tabPosition() == QtWidgets.QTabWidget.TabPosition.North
    assert [bar.tabText(i) for i in range(4)] == ["Inputs", "Layers", "Diag.", "Arch."]
    assert bar.sizeHint().width() <= bar.width()
    for index in range(bar.count()):
        assert bar.rect().contains(bar.tabRect(index)), bar.tabText(index)
