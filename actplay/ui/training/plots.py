"""The training panel's plots: decision surface with points, loss curves, gradient history.

Each plot creates its items once and updates them with ``setImage``/``setData``;
none of them clears and re-plots on a change. Colours come from the theme's
diverging map (orange class 0 / negative, blue class 1 / positive), as in the
network panel's heatmaps.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore

from actplay.ui import theme
from actplay.ui.i18n import translate
from actplay.ui.widgets.diverging import VALUE_LEVELS, diverging_lut

POINT_SIZE = 6  # px: visible on a 300 px map without hiding the surface
CLASS_BRUSHES = tuple(pg.mkBrush(*theme.DIVERGING_COLOURS[end][:3]) for end in (0, -1))
LOSS_WIDTH = 1.5  # px of the loss chart's lines
GRADIENT_FLOOR = 1e-12  # log axis: a zero gradient is drawn at this floor


def _flat_plot(widget: pg.PlotWidget, x_label: str, y_label: str) -> pg.PlotItem:
    widget.setBackground(theme.plot_background())
    plot = widget.getPlotItem()
    plot.setMenuEnabled(False)
    plot.hideButtons()
    plot.setMouseEnabled(False, False)
    plot.setLabel("bottom", x_label)
    if y_label:
        plot.setLabel("left", y_label)
    for side in ("left", "bottom"):
        plot.getAxis(side).enableAutoSIPrefix(False)  # "loss (x0.001)" reads badly
    return plot


class OutputMap(pg.PlotWidget):
    """The network's output over the input plane, with the data points on top.

    Signals
    -------
    pointClicked(float, float) : a left click at plane coordinates (x1, x2).
    """

    pointClicked = QtCore.Signal(float, float)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("training_output_map")
        self.plot = _flat_plot(self, "x\u2081", "x\u2082")
        self.plot.setAspectLocked(True)
        self.image = pg.ImageItem(axisOrder="row-major", lut=diverging_lut(), levels=VALUE_LEVELS)
        self.image.setOpacity(0.85)
        self.plot.addItem(self.image)
        self.train_points = pg.ScatterPlotItem(
            size=POINT_SIZE, pen=pg.mkPen(theme.plot_colour("train_point_outline"), width=1)
        )
        self.test_points = pg.ScatterPlotItem(
            size=POINT_SIZE, pen=pg.mkPen(theme.plot_colour("test_point_outline"), width=1)
        )
        self.plot.addItem(self.train_points)
        self.plot.addItem(self.test_points)
        self._range = None
        self.scene().sigMouseClicked.connect(self._on_clicked)

    def set_surface(self, surface, frame, discretise: bool) -> None:
        """Show a (res, res) surface in [-1, 1] (row 0 = top) over ``frame``
        ``(x1_lo, x1_hi, x2_lo, x2_hi)``; the view frames it."""
        x1_lo, x1_hi, x2_lo, x2_hi = frame
        if self._range != tuple(frame):
            self._range = tuple(frame)
            self.plot.setRange(xRange=(x1_lo, x1_hi), yRange=(x2_lo, x2_hi), padding=0)
        if surface is None:
            self.image.clear()
            return
        shown = np.where(surface >= 0, 1.0, -1.0).astype(np.float32) if discretise else surface
        self.image.setImage(shown, autoLevels=False, levels=VALUE_LEVELS)
        # row 0 is the top (x2_hi): flip by mapping the rect with a negative height
        self.image.setRect(QtCore.QRectF(x1_lo, x2_hi, x1_hi - x1_lo, x2_lo - x2_hi))

    def set_points(self, data, show_test: bool) -> None:
        """Scatter the training points (white edge) and, if asked, the test points (black)."""
        for item, (points, targets), visible in (
            (self.train_points, data.train, True),
            (self.test_points, data.test, show_test),
        ):
            if not visible or len(points) == 0:
                item.setData([], [])
                continue
            if data.kind == "classification":
                brushes = [CLASS_BRUSHES[int(t > 0.5)] for t in targets]
            else:
                lut = diverging_lut()
                index = np.rint((np.clip(targets, -1, 1) + 1) / 2 * (len(lut) - 1)).astype(int)
                brushes = [pg.mkBrush(*(int(c) for c in lut[i])) for i in index]
            item.setData(points[:, 0], points[:, 1], brush=brushes)

    def _on_clicked(self, event) -> None:
        if event.button() != QtCore.Qt.MouseButton.LeftButton:
            return
        if not self.plot.sceneBoundingRect().contains(event.scenePos()):
            return
        point = self.plot.vb.mapSceneToView(event.scenePos())
        self.pointClicked.emit(float(point.x()), float(point.y()))


class LossChart(pg.PlotWidget):
    """Train and test loss against the epoch (two curves, updated with setData)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("training_loss_chart")
        self.plot = _flat_plot(self, translate("training", "epoch"), translate("training", "loss"))
        self.plot.addLegend(offset=(-5, 5), labelTextSize="8pt")
        self.train_curve = self.plot.plot([], [], name=translate("training", "train"))
        self.test_curve = self.plot.plot([], [], name=translate("training", "test"))
        for curve in (self.train_curve, self.test_curve):
            curve.curve.setSegmentedLineMode("off")  # exported curves stay one polyline
        self.follow_theme()

    def follow_theme(self) -> None:
        """The loss lines in the active theme's colours (theme.apply_theme calls it)."""
        self.train_curve.setPen(theme.pen(theme.plot_colour("train_loss"), LOSS_WIDTH))
        self.test_curve.setPen(theme.pen(theme.plot_colour("test_loss"), LOSS_WIDTH))

    def set_history(self, history: dict) -> None:
        """Show ``{"epoch", "train", "test"}`` arrays (NaN test losses are left out)."""
        epochs = history["epoch"]
        self.train_curve.setData(epochs, history["train"])
        test = history["test"]
        finite = np.isfinite(test)
        self.test_curve.setData(epochs[finite], test[finite])


class GradientChart(pg.PlotWidget):
    """Mean |dL/dW| per layer against the epoch, on a log axis (one curve per layer)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("training_gradient_chart")
        self.plot = _flat_plot(
            self, translate("training", "epoch"), translate("training", "mean |\u2202L/\u2202W|")
        )
        self.plot.setLogMode(y=True)
        self.legend = self.plot.addLegend(offset=(-5, 5), labelTextSize="8pt")
        self.curves: list = []

    def set_history(self, epochs: np.ndarray, gradients: np.ndarray) -> None:
        """``gradients`` is (records, layers); the curves are rebuilt only when layers change."""
        layers = gradients.shape[1]
        if len(self.curves) != layers:
            for curve in self.curves:
                self.plot.removeItem(curve)
                self.legend.removeItem(curve)
            self.curves = [
                self.plot.plot(
                    [],
                    [],
                    pen=theme.pen(theme.curve_colour(i), 1.5),
                    name=translate("training", "layer {n}").format(n=i + 1),
                )
                for i in range(layers)
            ]
        for i, curve in enumerate(self.curves):
            curve.setData(epochs, np.maximum(gradients[:, i], GRADIENT_FLOOR))
