"""The light plot: a view box, a left and a bottom axis, an optional title."""

from __future__ import annotations

import pyqtgraph as pg
import pytest

from actplay.ui.widgets.light_plot import LightPlotWidget


@pytest.fixture
def plot(qtbot):
    widget = LightPlotWidget()
    qtbot.addWidget(widget)
    widget.resize(400, 300)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget.getPlotItem()
    widget.close()  # the widget (and with it the plot) lives until here


def test_axes_follow_the_view_range(plot):
    plot.setXRange(-2.0, 3.0, padding=0)
    plot.setYRange(10.0, 20.0, padding=0)
    plot.getViewBox().updateMatrix()
    assert plot.getAxis("bottom").range == pytest.approx([-2.0, 3.0])
    assert plot.getAxis("left").range == pytest.approx([10.0, 20.0])
    with pytest.raises(KeyError):
        plot.getAxis("top")  # only the two axes a small chart shows


def test_items_and_lines_go_into_the_view(plot):
    curve = pg.PlotDataItem([0, 1, 2], [1, 0, 1])
    plot.addItem(curve)
    line = plot.addLine(y=0.5, pen=pg.mkPen("k"))
    assert line.angle == 0 and line.value() == 0.5
    assert curve in plot.getViewBox().addedItems and line in plot.getViewBox().addedItems
    assert plot.listDataItems() == [curve]
    plot.removeItem(curve)
    assert plot.listDataItems() == []
    with pytest.raises(ValueError):
        plot.addLine()


def test_title_row_appears_only_with_a_title(plot):
    view_top = plot.getViewBox().geometry().top()
    plot.setTitle("a title")
    plot.layout.activate()
    assert plot.titleLabel.isVisible() and plot.titleLabel.text == "a title"
    assert plot.getViewBox().geometry().top() > view_top  # the view made room
    plot.setTitle(None)
    plot.layout.activate()
    assert not plot.titleLabel.isVisible()
    assert plot.getViewBox().geometry().top() == pytest.approx(view_top)
