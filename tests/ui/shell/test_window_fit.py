"""The window fits a 1024x640 screen: its minimum size, whatever is shown, and the
screenshot size, which is exactly the size asked for."""

import pytest
from PySide6.QtCore import QSize, Qt

from actplay.ui.export.render import render_widget
from actplay.ui.shell.layouts import NETWORK
from actplay.ui.widgets.pair_grid import PairGrid

SMALLEST = QSize(1024, 640)


def _fits(window) -> None:
    window.scheduler.flush()
    window.layout().activate()
    hint = window.minimumSizeHint()
    assert hint.width() <= SMALLEST.width(), hint
    assert hint.height() <= SMALLEST.height(), hint


def test_the_default_window_fits_1024x640(window):
    _fits(window)


def test_the_network_layout_fits_1024x640(window):
    window.layouts.show_layout(NETWORK)
    _fits(window)


def test_eight_yes_no_inputs_and_every_network_tab_fit_1024x640(window):
    window.model.set_input_count(8)
    window.model.set_binary_mode(True)
    window.neuron_panel.truth_table  # noqa: B018 (builds it)
    tabs = window.network_panel.tabs
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        window.scheduler.flush()
    _fits(window)


def test_the_training_dock_fits_1024x640(window):
    window.training_panel  # noqa: B018 (builds it)
    window.training_dock.raise_()
    _fits(window)


@pytest.mark.parametrize("size", [(1024, 640), (1280, 800), (1920, 1080)])
def test_a_screenshot_has_exactly_the_size_asked_for(window, size):
    image = render_widget(window, size)
    assert (image.width(), image.height()) == size


def test_neuron_rows_stack_when_the_dock_is_narrow(window):
    rows = window.neuron_panel.inputs.rows
    window.resize(SMALLEST)
    window.resizeDocks([window.neuron_dock], [240], Qt.Orientation.Horizontal)
    window.scheduler.flush()
    window.layout().activate()
    assert rows.width() < rows.two_column_width()
    assert rows.columns == 1
    x1, w1 = (
        window.neuron_panel.inputs.input_sliders[0],
        window.neuron_panel.inputs.weight_sliders[0],
    )
    assert w1.geometry().top() > x1.geometry().bottom()  # w1 under x1
    window.resize(1920, 1080)
    window.resizeDocks([window.neuron_dock], [500], Qt.Orientation.Horizontal)
    window.layout().activate()
    assert rows.columns == 2
    assert w1.geometry().left() > x1.geometry().right()  # w1 beside x1


def test_pair_grid_switches_at_its_two_column_width(qtbot):
    from PySide6.QtWidgets import QLabel, QWidget

    holder = QWidget()  # a grid inside a window, as in the docks (a window has its own minimum)
    qtbot.addWidget(holder)
    grid = PairGrid(holder)
    left, right = QLabel("a long left label"), QLabel("a long right label")
    grid.add_row(left, right)
    holder.resize(600, 200)
    holder.show()
    needed = grid.two_column_width()
    assert grid.minimumSizeHint().width() == grid.one_column_width() < needed
    grid.resize(needed, 40)
    qtbot.waitUntil(lambda: grid.columns == 2)
    grid.resize(needed - 1, 80)
    qtbot.waitUntil(lambda: grid.columns == 1)
    assert grid.row_count() == 1
