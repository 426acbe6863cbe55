"""The network panel's view of the theme's diverging colour map.

Signed values (activations, weights) are coloured orange (-1) -> grey (0) ->
blue (+1), clamped outside [-1, 1], like the TensorFlow Playground. The map
itself lives in :mod:`actplay.ui.theme`; this module turns it into the forms
the panel draws with (a lookup table, cached brushes, a legend widget).
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtGui, QtWidgets

from actplay.ui import theme

LUT_SIZE = 256  # colours in the lookup table; enough for smooth heatmaps
VALUE_LEVELS = (-1.0, 1.0)  # the map's value range; values outside are clamped


def diverging_lut() -> np.ndarray:
    """``(LUT_SIZE, 4)`` uint8 RGBA lookup table from -1 to +1, for the active theme."""
    return _lut_for(theme.active_theme())


@lru_cache(maxsize=2)
def _lut_for(effective: str) -> np.ndarray:
    table = theme.diverging_colormap(effective).getLookupTable(0.0, 1.0, LUT_SIZE, alpha=True)
    lut = np.ascontiguousarray(table, dtype=np.uint8)
    lut.setflags(write=False)
    return lut


def lut_index(values) -> np.ndarray:
    """Row of the lookup table for each value (clamped to [-1, 1])."""
    lo, hi = VALUE_LEVELS
    scaled = (np.clip(np.nan_to_num(np.asarray(values, dtype=float)), lo, hi) - lo) / (hi - lo)
    return np.rint(scaled * (LUT_SIZE - 1)).astype(int)


@lru_cache(maxsize=2)
def _brush_table(effective: str) -> tuple:
    return tuple(pg.mkBrush(*(int(c) for c in row)) for row in _lut_for(effective))


def brushes_for(values) -> list:
    """A cached ``QBrush`` per value (no new brush objects on a redraw)."""
    table = _brush_table(theme.active_theme())
    return [table[i] for i in lut_index(values)]


class DivergingLegend(QtWidgets.QWidget):
    """A small gradient bar with ticks -1, 0, +1 and a caption."""

    BAR_WIDTH = 110  # px, room for three tick labels
    BAR_HEIGHT = 9

    def __init__(self, caption: str = "", parent=None):
        super().__init__(parent)
        self._caption = caption
        self.setObjectName("network_legend")
        self.setToolTip(
            "Colour scale: orange is negative, grey zero, blue positive (clamped at ±1)."
        )
        self.follow_theme()
        font = self.font()
        font.setPointSizeF(max(6.5, font.pointSizeF() * 0.8))
        self.setFont(font)
        metrics = QtGui.QFontMetrics(font)
        self.setFixedSize(
            max(self.BAR_WIDTH, metrics.horizontalAdvance(caption)) + 12,
            self.BAR_HEIGHT + 2 * metrics.height() + 4,
        )

    def follow_theme(self) -> None:
        """The gradient in the active theme's map (its zero is dark on the dark theme)."""
        image = QtGui.QImage(LUT_SIZE, 1, QtGui.QImage.Format.Format_RGBA8888)
        for i, (r, g, b, a) in enumerate(diverging_lut()):
            image.setPixelColor(i, 0, QtGui.QColor(int(r), int(g), int(b), int(a)))
        self._bar = QtGui.QPixmap.fromImage(image)
        self.update()

    def paintEvent(self, event):
        painter = QtGui.QPainter(self)
        metrics = painter.fontMetrics()
        left = (self.width() - self.BAR_WIDTH) // 2
        top = metrics.height() + 1
        # the palette's text colour follows View > Theme
        painter.setPen(self.palette().color(QtGui.QPalette.ColorRole.WindowText))
        painter.drawText(
            QtCore.QRect(0, 0, self.width(), metrics.height()),
            QtCore.Qt.AlignmentFlag.AlignHCenter,
            self._caption,
        )
        painter.drawPixmap(QtCore.QRect(left, top, self.BAR_WIDTH, self.BAR_HEIGHT), self._bar)
        painter.drawRect(left, top, self.BAR_WIDTH - 1, self.BAR_HEIGHT - 1)
        label_top = top + self.BAR_HEIGHT + 1
        for fraction, text in ((0.0, "-1"), (0.5, "0"), (1.0, "+1")):
            x = left + int(fraction * self.BAR_WIDTH)
            width = metrics.horizontalAdvance(text)
            x = min(max(x - width // 2, 0), self.width() - width)
            painter.drawText(x, label_top + metrics.ascent(), text)
        painter.end()
