"""A plot with a left and a bottom axis and nothing else: lighter than pyqtgraph's PlotItem.

pyqtgraph's ``PlotItem`` builds, for every plot, four axes, the auto-range
button, a context menu and the hidden form behind it (about 60 Qt objects),
at a cost per plot at start-up (``benchmarks/RESULTS.md``) for things our small
charts never show. The
neuron's bar chart and the large heatmap only need a view box, two axes and
sometimes a title, so `LightPlotItem` lays out just those and offers the part
of the ``PlotItem`` interface they use (and `theme.style_plot` relies on).
`LightPlotWidget` is the matching ``PlotWidget``: a GraphicsView whose central
item is one `LightPlotItem`.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6 import QtWidgets

from actplay.ui.widgets.numbers import tick_strings

TITLE_HEIGHT = 30  # px of the title row when a title is shown (as pyqtgraph's)
AXIS_ROWS = {"left": (1, 0), "bottom": (2, 1)}  # grid (row, column); the view is at (1, 1)


class LightPlotItem(pg.GraphicsWidget):
    """A view box with a left and a bottom axis, and an optional title above.

    Parameters
    ----------
    parent : QGraphicsItem, optional
    enableMenu : bool
        Whether the view box has its right-click menu (default False).
    """

    def __init__(self, parent=None, enableMenu: bool = False):  # noqa: N803 (pyqtgraph's name)
        super().__init__(parent)
        layout = QtWidgets.QGraphicsGridLayout()
        layout.setContentsMargins(1, 1, 1, 1)
        layout.setHorizontalSpacing(0)
        layout.setVerticalSpacing(0)
        self.setLayout(layout)
        self.layout = layout
        self.vb = pg.ViewBox(parent=self, enableMenu=enableMenu)
        layout.addItem(self.vb, 1, 1)
        self.axes = {}
        for name, (row, column) in AXIS_ROWS.items():
            axis = pg.AxisItem(orientation=name, parent=self)
            axis.linkToView(self.vb)
            axis.setZValue(0.5)  # above images, below items that draw over the axes
            axis.setFlag(QtWidgets.QGraphicsItem.GraphicsItemFlag.ItemNegativeZStacksBehindParent)
            layout.addItem(axis, row, column)
            self.axes[name] = {"item": axis, "pos": (row, column)}
        self.titleLabel = pg.LabelItem("", size="11pt", parent=self)
        layout.addItem(self.titleLabel, 0, 1)
        self.setTitle(None)
        layout.setRowStretchFactor(1, 100)
        layout.setColumnStretchFactor(1, 100)

    # -- the PlotItem interface our charts use ---------------------------------------------
    def getViewBox(self) -> pg.ViewBox:  # noqa: N802 (pyqtgraph's name)
        return self.vb

    def getAxis(self, name: str) -> pg.AxisItem:  # noqa: N802 (pyqtgraph's name)
        """The ``"left"`` or ``"bottom"`` axis (KeyError for the others: there are none)."""
        return self.axes[name]["item"]

    def addItem(self, item, *args, **kwargs) -> None:  # noqa: N802 (pyqtgraph's name)
        self.vb.addItem(item, *args, **kwargs)

    def removeItem(self, item) -> None:  # noqa: N802 (pyqtgraph's name)
        self.vb.removeItem(item)

    def addLine(self, x=None, y=None, **kwargs) -> pg.InfiniteLine:  # noqa: N802
        """A vertical (``x``) or horizontal (``y``) infinite line, as ``PlotItem.addLine``."""
        if (x is None) == (y is None):
            raise ValueError("give exactly one of x and y")
        line = pg.InfiniteLine(
            pos=x if x is not None else y, angle=90 if x is not None else 0, **kwargs
        )
        self.addItem(line)
        return line

    def setXRange(self, *args, **kwargs) -> None:  # noqa: N802 (pyqtgraph's name)
        self.vb.setXRange(*args, **kwargs)

    def setYRange(self, *args, **kwargs) -> None:  # noqa: N802 (pyqtgraph's name)
        self.vb.setYRange(*args, **kwargs)

    def setRange(self, *args, **kwargs) -> None:  # noqa: N802 (pyqtgraph's name)
        self.vb.setRange(*args, **kwargs)

    def setMouseEnabled(self, x=None, y=None) -> None:  # noqa: N802 (pyqtgraph's name)
        self.vb.setMouseEnabled(x=x, y=y)

    def setLabel(self, axis: str, text=None, units=None, **kwargs) -> None:  # noqa: N802
        self.getAxis(axis).setLabel(text=text, units=units, **kwargs)

    def setTitle(self, title=None, **kwargs) -> None:  # noqa: N802 (pyqtgraph's name)
        """Show ``title`` above the view, or no title row at all for None."""
        if title is None:
            self.titleLabel.setVisible(False)
            self.layout.setRowFixedHeight(0, 0)
            self.titleLabel.setMaximumHeight(0)
        else:
            self.titleLabel.setMaximumHeight(TITLE_HEIGHT)
            self.layout.setRowFixedHeight(0, TITLE_HEIGHT)
            self.titleLabel.setVisible(True)
            self.titleLabel.setText(title, **kwargs)

    def setMenuEnabled(self, enableMenu=True, enableViewBoxMenu="same") -> None:  # noqa: N802,N803
        """There is no plot menu; only the view box's can be switched."""
        if enableViewBoxMenu is not None:
            self.vb.setMenuEnabled(enableMenu if enableViewBoxMenu == "same" else enableViewBoxMenu)

    def hideButtons(self) -> None:  # noqa: N802 (pyqtgraph's name)
        """Nothing to hide: there is no auto-range button."""

    def listDataItems(self) -> list:  # noqa: N802 (pyqtgraph's name)
        return [item for item in self.vb.addedItems if isinstance(item, pg.PlotDataItem)]


class LightPlotWidget(pg.GraphicsView):
    """A GraphicsView showing one `LightPlotItem` (the counterpart of ``pg.PlotWidget``)."""

    def __init__(self, parent=None, background="default"):
        super().__init__(parent, background=background)
        self.plotItem = LightPlotItem()
        self.setCentralItem(self.plotItem)

    def getPlotItem(self) -> LightPlotItem:  # noqa: N802 (pyqtgraph's name)
        return self.plotItem


def house_numbers(plot_item, axes=("left", "bottom")) -> None:
    """Tick labels of ``plot_item``'s axes through the one number formatter.

    pyqtgraph writes ``-5e-06`` and a hyphen for minus; every other number in
    the window reads ``−5×10⁻⁶``. Call it once per plot, after the axes exist.
    """
    for name in axes:
        axis = plot_item.getAxis(name)
        axis.enableAutoSIPrefix(False)  # a "(x0.001)" in the label would scale the ticks
        axis.tickStrings = _house_tick_strings  # instance attribute: this axis only


def _house_tick_strings(values, scale, spacing):
    return tick_strings([value * scale for value in values], spacing * scale)
