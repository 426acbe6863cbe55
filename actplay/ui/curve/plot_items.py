"""Small graphics items of the curve plot: the neuron's marker, corner text, and items
outside the auto-range."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QFont, QPainter
from PySide6.QtWidgets import QGraphicsItem, QGraphicsSimpleTextItem


def outside_auto_range(item):
    """Stop ``item`` (added with ``ignoreBounds=True``) from telling its ViewBox it moved.

    pyqtgraph reports every ``setData`` or move to the ViewBox, and a ViewBox with
    auto-range on answers by repainting itself whole - every curve, the shading and
    the legend - even for items it leaves out of the range. The marker, its tangent
    and the crosshair are such items: without the report a neuron step repaints only
    the little rectangles they cover (measured in ``benchmarks/RESULTS.md``).
    """
    item.informViewBoundsChanged = _ignore_bounds_change
    return item


def _ignore_bounds_change() -> None:
    """The item is not part of the auto-range: nothing to tell the view."""


class PointMarker(pg.GraphicsObject):
    """One round dot ``size`` px across at a data point, the same size at any zoom.

    The neuron's (z, a) moves on every neuron step and the curve's parameters move
    it too. pyqtgraph's ``ScatterPlotItem`` handles thousands of points (symbol
    atlas, fragments, per-point options): for one dot it cost ~0.2 ms a paint and
    ~0.1 ms a ``setData``; this draws one ellipse. ``opts``, ``setData`` and
    ``getData`` read as the scatter item's do.
    """

    def __init__(self, size: float) -> None:
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self._radius = size / 2.0
        self._point = (0.0, 0.0)
        self.opts = {"pen": pg.mkPen(None), "brush": pg.mkBrush(None)}

    def setPen(self, pen) -> None:  # noqa: N802 (pyqtgraph's name)
        self.prepareGeometryChange()  # the outline's width is part of the bounds
        self.opts["pen"] = pg.mkPen(pen)
        self.update()

    def setBrush(self, brush) -> None:  # noqa: N802 (pyqtgraph's name)
        self.opts["brush"] = pg.mkBrush(brush)
        self.update()

    def setData(self, x, y) -> None:  # noqa: N802 (pyqtgraph's name)
        """Put the dot at ``(x[0], y[0])`` (data units)."""
        self._point = (float(x[0]), float(y[0]))
        self.setPos(*self._point)

    def getData(self) -> tuple[np.ndarray, np.ndarray]:  # noqa: N802 (pyqtgraph's name)
        """``([x], [y])`` of the dot."""
        return np.array([self._point[0]]), np.array([self._point[1]])

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt's name)
        reach = self._radius + self.opts["pen"].widthF()
        return QRectF(-reach, -reach, 2 * reach, 2 * reach)

    def paint(self, painter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(self.opts["pen"])
        painter.setBrush(self.opts["brush"])
        painter.drawEllipse(QPointF(0.0, 0.0), self._radius, self._radius)


class BackdropText(QGraphicsSimpleTextItem):
    """Plain text that can have a fill behind it (`setBackdrop`): curves under it stay
    faintly visible but never cross the numbers."""

    _backdrop = None

    def setBackdrop(self, colour) -> None:  # noqa: N802 (Qt's naming)
        """Fill behind the text (the plot's background, mostly opaque)."""
        self._backdrop = colour
        self.update()

    def boundingRect(self):  # noqa: N802 (Qt's name)
        return super().boundingRect().adjusted(-3, -1, 3, 1)

    def paint(self, painter, option, widget=None) -> None:
        if self._backdrop is not None:
            painter.fillRect(self.boundingRect(), self._backdrop)
        super().paint(painter, option, widget)


class CornerText(BackdropText):
    """Plain text held in the lower right corner of a ViewBox, ``margin`` px inside.

    Re-texted on every neuron step: a plain text item's ``setText`` costs a small
    fraction of pyqtgraph's ``LabelItem`` (rich text, layout); see
    ``benchmarks/RESULTS.md``.
    """

    def __init__(
        self,
        view: pg.ViewBox,
        colour,
        point_size: float,
        margin: tuple[float, float] = (8.0, 6.0),
    ) -> None:
        super().__init__(view)
        font = QFont()
        font.setPointSizeF(point_size)
        self.setFont(font)
        self.setBrush(pg.mkBrush(colour))
        self._view = view
        self._margin = margin
        view.sigResized.connect(self._place)

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        """Show ``text``, right-aligned in the corner."""
        if text != self.text():
            super().setText(text)
            self._place()

    def _place(self, *_args) -> None:
        box, area = self.boundingRect(), self._view.rect()
        self.setPos(
            area.width() - box.width() - self._margin[0],
            area.height() - box.height() - self._margin[1],
        )


class EdgeCue(BackdropText):
    """A value that is out of the view, written at the view's left or right edge.

    The neuron's z can leave the plotted x range (z = 10 on a -6..6 axis): the
    marker then cannot be drawn, and this cue says where it went, at the height
    of its a (held inside the view).
    """

    def __init__(self, view: pg.ViewBox, point_size: float, margin: float = 6.0) -> None:
        super().__init__(view)
        font = QFont()
        font.setPointSizeF(point_size)
        font.setBold(True)
        self.setFont(font)
        self._view = view
        self._margin = margin
        self._anchor: tuple | None = None  # (side, data y) last shown
        view.sigResized.connect(self._place)
        view.sigYRangeChanged.connect(self._place)

    def show_at(self, side: str, y: float, text: str) -> None:
        """Show ``text`` at the ``"left"`` or ``"right"`` edge, level with data ``y``."""
        if text != self.text():
            self.setText(text)
        self._anchor = (side, y)
        self._place()
        self.setVisible(True)

    def _place(self, *_args) -> None:
        if self._anchor is None:
            return
        side, y = self._anchor
        box, area = self.boundingRect(), self._view.rect()
        y_px = (
            self._view.mapFromView(pg.Point(0.0, y)).y() if math.isfinite(y) else area.center().y()
        )
        top = min(
            max(y_px - box.height() / 2, self._margin), area.height() - box.height() - self._margin
        )
        left = self._margin if side == "left" else area.width() - box.width() - self._margin
        self.setPos(left, top)
