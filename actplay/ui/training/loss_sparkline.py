"""A small loss chart in the TensorFlow Playground's manner: two lines, no axes.

Test loss in the text colour, train loss in grey, x covering every epoch so
far from 0, y from the lowest to the highest loss shown. It paints itself with
one ``QPainter`` polyline per curve, thinned to at most one point per pixel
column, so a snapshot costs well under a millisecond to draw, whatever the
length of the history.
"""

from __future__ import annotations

import numpy as np
from PySide6 import QtCore, QtGui, QtWidgets

from actplay.ui import theme
from actplay.ui.i18n import translate

LINE_WIDTH = 1.5
MARGIN = 3  # px inside the frame


class LossSparkline(QtWidgets.QWidget):
    """Train and test loss against the epoch.

    Attributes
    ----------
    epochs, train, test : ndarray
        What it shows (the last :meth:`set_history`).
    """

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("training_loss_sparkline")
        self.setMinimumSize(120, 48)
        self.setSizePolicy(
            QtWidgets.QSizePolicy.Policy.Expanding, QtWidgets.QSizePolicy.Policy.Fixed
        )
        self.setAccessibleName(
            translate("training", "Loss chart: test loss (dark) and train loss (grey) by epoch")
        )
        self.epochs = self.train = self.test = np.zeros(0)

    def sizeHint(self) -> QtCore.QSize:  # noqa: N802 (Qt's name)
        return QtCore.QSize(260, 64)

    def set_history(self, history: dict) -> None:
        """Show ``{"epoch", "train", "test"}`` arrays (NaN losses are left out)."""
        self.epochs = np.asarray(history["epoch"], dtype=float)
        self.train = np.asarray(history["train"], dtype=float)
        self.test = np.asarray(history["test"], dtype=float)
        self.update()

    def _polyline(self, values: np.ndarray, x_span, y_span, area) -> QtGui.QPolygonF:
        keep = np.isfinite(values)
        epochs, values = self.epochs[keep], values[keep]
        if len(values) > area.width():  # one point per pixel column is all that shows
            index = np.linspace(0, len(values) - 1, int(area.width())).astype(int)
            epochs, values = epochs[index], values[index]
        x = area.left() + (epochs - x_span[0]) / max(x_span[1] - x_span[0], 1e-12) * area.width()
        y = area.bottom() - (values - y_span[0]) / max(y_span[1] - y_span[0], 1e-12) * (
            area.height()
        )
        return QtGui.QPolygonF([QtCore.QPointF(a, b) for a, b in zip(x, y, strict=True)])

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt's name)
        painter = QtGui.QPainter(self)
        painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        area = QtCore.QRectF(self.rect()).adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
        painter.setPen(QtGui.QPen(self.palette().color(QtGui.QPalette.ColorRole.Mid), 1))
        painter.drawLine(area.bottomLeft(), area.bottomRight())
        finite = np.concatenate(
            [self.train[np.isfinite(self.train)], self.test[np.isfinite(self.test)]]
        )
        if len(self.epochs) == 0 or len(finite) == 0:
            return
        x_span = (0.0, max(float(self.epochs[-1]), 1.0))
        y_span = (float(finite.min()), float(finite.max()))
        if y_span[1] - y_span[0] < 1e-9:
            y_span = (y_span[0] - 0.5, y_span[1] + 0.5)  # one point or a flat line: centred
        for values, colour in (
            (self.train, theme.plot_colour("train_loss")),
            (self.test, self.palette().color(QtGui.QPalette.ColorRole.WindowText)),
        ):
            line = self._polyline(values, x_span, y_span, area)
            painter.setPen(QtGui.QPen(colour, LINE_WIDTH))
            if line.size() == 1:
                painter.drawEllipse(line[0], 1.5, 1.5)
            else:
                painter.drawPolyline(line)
        painter.end()


__all__ = ["LossSparkline"]
