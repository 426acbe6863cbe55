"""The curve pane shares its height: the plot first in a short window, the tabs at
their full height from a 1280x800 one."""

from actplay.ui.curve import pane as curve_pane


def _laid_out(window, size):
    window.resize(*size)
    window.scheduler.flush()
    window.layout().activate()
    pane = window.findChild(curve_pane.CurvePane)
    pane.layout().activate()
    return pane


def test_a_640_px_window_gives_the_plot_the_height_the_tabs_can_spare(window):
    pane = _laid_out(window, (1024, 640))
    assert pane.tabs.height() <= curve_pane.TABS_HEIGHT[0] + 10
    assert pane.plot.height() >= 2.5 * pane.tabs.height()  # was 260 px over 190


def test_an_800_px_window_keeps_the_tabs_at_full_height(window):
    pane = _laid_out(window, (1280, 800))
    assert pane.tabs.height() == curve_pane.TABS_HEIGHT[1]


def test_the_tabs_height_falls_half_a_px_per_px_below_full_height():
    full, low = curve_pane.TABS_HEIGHT[1], curve_pane.TABS_HEIGHT[0]
    assert curve_pane.tabs_height(2000) == full
    assert curve_pane.tabs_height(curve_pane.TABS_FULL_FROM) == full
    assert curve_pane.tabs_height(curve_pane.TABS_FULL_FROM - 40) == full - 20
    assert curve_pane.tabs_height(100) == low
