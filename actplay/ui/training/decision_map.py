"""The workspace's decision map: the network's output over the data's frame, the data on it.

A plain widget, cheap to repaint on every training snapshot: the surface is one
small image coloured through the diverging lookup table and scaled into the
plot square; the points are drawn once into a pixmap that is kept until the
data, the size or the Show test data choice changes; the axes are a few tick
labels. Training points have a white outline, test points a black one (as in
the TensorFlow Playground). Colours: orange class 0 / negative, blue class 1 /
positive.
"""

from __future__ import annotations

import numpy as np
from PySide6 import QtCore, QtGui, QtWidgets

from actplay.core import datasets
from actplay.ui import theme
from actplay.ui.i18n import translate
from actplay.ui.widgets.diverging import diverging_lut, lut_index, opaque_lut

POINT_RADIUS = 3.0  # px, as TF's
AXIS_PX = 18  # room for the tick labels below and left of the square
TICKS = 5  # about this many labels per axis


def _nice_ticks(lo: float, hi: float) -> list[float]:
    raw = (hi - lo) / TICKS
    step = 10 ** np.floor(np.log10(raw))
    for factor in (1, 2, 5, 10):
        if raw <= factor * step:
            step *= factor
            break
    first = np.ceil(lo / step) * step
    return [float(v) for v in np.arange(first, hi + step * 1e-9, step)]


class DecisionMap(QtWidgets.QWidget):
    """Surface, points and axes; see the module notes.

    Attributes
    ----------
    surface : ndarray or None
        The (res, res) values in [-1, 1] shown (row 0 = top), after discretising.
    frame : tuple
        ``(x1_lo, x1_hi, x2_lo, x2_hi)`` the square shows.
    """

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("workspace_decision_map")
        self.setAccessibleName(
            translate(
                "training", "Decision map: the network's output over the data, with the points"
            )
        )
        self.surface = None
        self.frame = (-6.0, 6.0, -6.0, 6.0)
        self._image: QtGui.QImage | None = None
        self._data = None
        self._show_test = True
        self._points: QtGui.QPixmap | None = None
        # It paints every pixel it owns (the margins in the window's colour), so Qt need
        # not repaint the workspace and window beneath it on every new surface.
        self.setAttribute(QtCore.Qt.WidgetAttribute.WA_OpaquePaintEvent)

    # -- data in ---------------------------------------------------------------------------
    def set_surface(self, surface, frame, discretise: bool) -> None:
        """Show a (res, res) surface in [-1, 1] (row 0 = the top edge) over ``frame``."""
        frame = tuple(float(v) for v in frame)
        if frame != self.frame:
            self.frame = frame
            self._points = None
        if surface is None:
            self.surface, self._image = None, None
        else:
            shown = np.where(surface >= 0, 1.0, -1.0) if discretise else surface
            self.surface = np.asarray(shown, dtype=np.float32)
            pixels = np.ascontiguousarray(opaque_lut()[lut_index(self.surface)])
            height, width = self.surface.shape
            self._image = QtGui.QImage(
                pixels.data, width, height, 4 * width, QtGui.QImage.Format.Format_RGB32
            ).copy()  # the image owns its pixels
        self.update()

    def set_points(self, data: datasets.Dataset, show_test: bool) -> None:
        """The points to draw (kept as a pixmap until they change)."""
        self._data, self._show_test, self._points = data, show_test, None
        self.update()

    # -- geometry --------------------------------------------------------------------------
    def plot_rect(self) -> QtCore.QRectF:
        """The square the surface fills, in widget pixels."""
        side = max(1.0, min(self.width() - AXIS_PX, self.height() - AXIS_PX) - 1.0)
        return QtCore.QRectF(AXIS_PX, 0.0, side, side)

    def to_pixels(self, points: np.ndarray) -> np.ndarray:
        """Plane coordinates (n, 2) to widget pixels (n, 2)."""
        rect = self.plot_rect()
        x1_lo, x1_hi, x2_lo, x2_hi = self.frame
        x = rect.left() + (points[:, 0] - x1_lo) / (x1_hi - x1_lo) * rect.width()
        y = rect.top() + (x2_hi - points[:, 1]) / (x2_hi - x2_lo) * rect.height()
        return np.column_stack([x, y])

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        self._points = None
        super().resizeEvent(event)

    # -- painting --------------------------------------------------------------------------
    def _points_layer(self) -> QtGui.QPixmap:
        ratio = self.devicePixelRatioF()
        pixmap = QtGui.QPixmap((QtCore.QSizeF(self.size()) * ratio).toSize())
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(QtCore.Qt.GlobalColor.transparent)
        data = self._data
        if data is None or len(data.points) == 0:
            return pixmap
        painter = QtGui.QPainter(pixmap)
        painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        painter.setClipRect(self.plot_rect())
        lut = diverging_lut()
        if data.kind == datasets.CLASSIFICATION:
            values = 2.0 * data.targets - 1.0
        else:
            values = data.targets
        colours = lut[lut_index(values)]
        pixels = self.to_pixels(data.points)
        outlines = (
            theme.plot_colour("train_point_outline"),
            theme.plot_colour("test_point_outline"),
        )
        for test in (False, True):
            if test and not self._show_test:
                continue
            painter.setPen(QtGui.QPen(outlines[test], 1.0))
            for (x, y), colour in zip(
                pixels[data.is_test == test], colours[data.is_test == test], strict=True
            ):
                painter.setBrush(QtGui.QColor(int(colour[0]), int(colour[1]), int(colour[2])))
                painter.drawEllipse(QtCore.QPointF(x, y), POINT_RADIUS, POINT_RADIUS)
        painter.end()
        return pixmap

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt's name)
        painter = QtGui.QPainter(self)
        rect = self.plot_rect()
        painter.fillRect(self.rect(), self.palette().color(QtGui.QPalette.ColorRole.Window))
        if self._image is not None:
            painter.drawImage(rect, self._image)
        else:
            painter.fillRect(rect, self.palette().color(QtGui.QPalette.ColorRole.Mid))
        if self._points is None:
            self._points = self._points_layer()
        painter.drawPixmap(0, 0, self._points)
        self._paint_axes(painter, rect)
        painter.end()

    def _paint_axes(self, painter: QtGui.QPainter, rect: QtCore.QRectF) -> None:
        painter.setPen(self.palette().color(QtGui.QPalette.ColorRole.WindowText))
        font = painter.font()
        font.setPixelSize(10)
        painter.setFont(font)
        x1_lo, x1_hi, x2_lo, x2_hi = self.frame
        for value in _nice_ticks(x1_lo, x1_hi):
            x = rect.left() + (value - x1_lo) / (x1_hi - x1_lo) * rect.width()
            painter.drawText(
                QtCore.QRectF(x - 15, rect.bottom() + 2, 30, AXIS_PX - 2),
                QtCore.Qt.AlignmentFlag.AlignHCenter | QtCore.Qt.AlignmentFlag.AlignTop,
                f"{value:g}",
            )
        for value in _nice_ticks(x2_lo, x2_hi):
            y = rect.top() + (x2_hi - value) / (x2_hi - x2_lo) * rect.height()
            painter.drawText(
                QtCore.QRectF(0, y - 7, AXIS_PX - 3, 14),
                QtCore.Qt.AlignmentFlag.AlignRight | QtCore.Qt.AlignmentFlag.AlignVCenter,
                f"{value:g}",
            )


__all__ = ["DecisionMap"]
