"""What the canvas shows over itself on hover: a unit enlarged, and a card for a link.

``TileZoom`` draws one unit's map at full resolution with its axes, the
current input marked, as the TensorFlow Playground's output plot does for a
hovered neuron. ``HoverCard`` is a small rounded note ("Weight in[1] → h1[4]
is 0.56 - click to edit it").
"""

from __future__ import annotations

import numpy as np
from PySide6 import QtCore, QtGui, QtWidgets

from actplay.ui import theme
from actplay.ui.network.canvas_paint import TileImages
from actplay.ui.widgets.numbers import format_number

ZOOM_MAP_PX = 180  # the enlarged map's side (logical px); computed at this many points
AXIS_ROOM = 26  # px left of and under the map for tick labels
TITLE_ROOM = 20  # px above the map for its title


class TileZoom(QtWidgets.QWidget):
    """One unit's map, enlarged, with axes from ``lo`` to ``hi``."""

    def __init__(self, parent: QtWidgets.QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("network_canvas_zoom")
        self.setAttribute(QtCore.Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._image: TileImages | None = None
        self._title = ""
        self._plane = (-6.0, 6.0)
        self._point = None
        self.setFixedSize(AXIS_ROOM + ZOOM_MAP_PX + 10, TITLE_ROOM + ZOOM_MAP_PX + AXIS_ROOM)
        self.hide()

    def show_map(self, grid: np.ndarray, centred: bool, title: str, plane, point) -> None:
        """Show ``grid`` (a ``(res, res)`` map, row 0 at the top) and mark ``point``."""
        self._image = TileImages(grid[np.newaxis], centred)
        self._title, self._plane, self._point = title, tuple(plane), point
        self.update()

    def map_rows(self) -> np.ndarray:
        """The lookup-table rows drawn (for tests)."""
        return self._image.rows[0]

    def paintEvent(self, _event) -> None:
        painter = QtGui.QPainter(self)
        background = theme.plot_background()
        ink = theme.plot_foreground()
        painter.fillRect(self.rect(), background)
        painter.setPen(QtGui.QPen(ink, 1))
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        area = QtCore.QRectF(AXIS_ROOM, TITLE_ROOM, ZOOM_MAP_PX, ZOOM_MAP_PX)
        painter.drawText(
            QtCore.QRectF(4, 2, self.width() - 8, TITLE_ROOM - 2),
            QtCore.Qt.AlignmentFlag.AlignCenter,
            self._title,
        )
        if self._image is not None:
            painter.drawImage(area, self._image.images[0])
        painter.drawRect(area)
        lo, hi = self._plane
        font = painter.font()
        font.setPointSizeF(max(6.5, font.pointSizeF() * 0.8))
        painter.setFont(font)
        for fraction, value in ((0.0, lo), (0.5, (lo + hi) / 2), (1.0, hi)):
            text = format_number(value, 1 if abs(value) < 100 else 0)
            x = area.left() + fraction * area.width()
            painter.drawLine(QtCore.QPointF(x, area.bottom()), QtCore.QPointF(x, area.bottom() + 3))
            painter.drawText(
                QtCore.QRectF(x - 20, area.bottom() + 3, 40, 14),
                QtCore.Qt.AlignmentFlag.AlignHCenter,
                text,
            )
            y = area.bottom() - fraction * area.height()
            painter.drawLine(QtCore.QPointF(area.left() - 3, y), QtCore.QPointF(area.left(), y))
            painter.drawText(
                QtCore.QRectF(0, y - 7, AXIS_ROOM - 4, 14),
                QtCore.Qt.AlignmentFlag.AlignRight | QtCore.Qt.AlignmentFlag.AlignVCenter,
                text,
            )
        if self._point is not None:
            px = area.left() + (self._point[0] - lo) / (hi - lo) * area.width()
            py = area.bottom() - (self._point[1] - lo) / (hi - lo) * area.height()
            if area.adjusted(-1, -1, 1, 1).contains(QtCore.QPointF(px, py)):
                painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
                painter.setPen(QtGui.QPen(theme.plot_colour("tile_marker_rim"), 2))
                painter.setBrush(theme.plot_colour("tile_marker_fill"))
                painter.drawEllipse(QtCore.QPointF(px, py), 4.5, 4.5)
        painter.end()


class HoverCard(QtWidgets.QLabel):
    """A small note next to the cursor."""

    def __init__(self, parent: QtWidgets.QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("network_canvas_card")
        self.setAttribute(QtCore.Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        self.setMargin(5)
        self.setAutoFillBackground(True)
        self.setFrameShape(QtWidgets.QFrame.Shape.Box)
        self.hide()

    def show_text(self, text: str, anchor: QtCore.QPointF) -> None:
        """Show ``text`` near ``anchor`` (canvas px), kept inside the canvas."""
        self.setText(text)
        self.adjustSize()
        parent = self.parentWidget()
        x = anchor.x() + 14
        y = anchor.y() + 14
        if x + self.width() > parent.width():
            x = anchor.x() - self.width() - 8
        if y + self.height() > parent.height():
            y = anchor.y() - self.height() - 8
        self.move(int(max(x, 0)), int(max(y, 0)))
        self.show()
        self.raise_()
