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
from actplay.ui.i18n import translate

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


def opaque_lut() -> np.ndarray:
    """The lookup table as ``0xFFRRGGBB`` words (uint32), for the active theme.

    Indexed with `lut_index`, it gives the pixels of a ``QImage`` in ``Format_RGB32``,
    which Qt draws without converting (an RGBA8888 image is converted on every draw).
    """
    return _opaque_for(theme.active_theme())


@lru_cache(maxsize=2)
def _opaque_for(effective: str) -> np.ndarray:
    lut = _lut_for(effective).astype(np.uint32)
    words = (0xFF000000 | (lut[:, 0] << 16) | (lut[:, 1] << 8) | lut[:, 2]).astype(np.uint32)
    words.setflags(write=False)
    return words


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


VALUE_CAPTION = "value"
# A probability output p is drawn as 2p - 1: p = 0 at the orange end, 0.5 grey, 1 blue.
PROBABILITY_CAPTION = translate("widgets", "value\noutput p: 0 \u2026 \u00bd \u2026 1")
KEY_TOOLTIP = translate(
    "widgets",
    "Colour scale: orange is negative, grey zero, blue positive (clamped at \u00b11). An "
    "output that is a probability p (sigmoid, softmax) is drawn as 2p \u2212 1: p = 0 orange, "
    "0.5 grey, 1 blue.",
)
BAR_WIDTH = 110  # px of the key's gradient: room for three tick labels
BAR_HEIGHT = 9


def key_size(metrics: QtGui.QFontMetrics, caption: str) -> QtCore.QSize:
    """The size `paint_key` needs for ``caption`` (lines split at newlines) in a font of
    ``metrics``."""
    lines = caption.split("\n")
    return QtCore.QSize(
        max(BAR_WIDTH, *(metrics.horizontalAdvance(line) for line in lines)) + 12,
        BAR_HEIGHT + (len(lines) + 1) * metrics.height() + 4,
    )


def paint_key(painter: QtGui.QPainter, rect: QtCore.QRect, caption: str, ink) -> None:
    """The diverging key in ``rect``: ``caption``, the gradient, ticks -1, 0, +1.

    One drawing for the key under the network canvas and the key an exported
    canvas picture carries in its corner.
    """
    metrics = painter.fontMetrics()
    colours = np.ascontiguousarray(diverging_lut(), dtype=np.uint8)  # (LUT_SIZE, 4) RGBA
    bar = QtGui.QImage(colours.data, LUT_SIZE, 1, QtGui.QImage.Format.Format_RGBA8888).copy()
    lines = caption.split("\n")
    left = rect.left() + (rect.width() - BAR_WIDTH) // 2
    top = rect.top() + len(lines) * metrics.height() + 1
    painter.setPen(ink)
    for row, line in enumerate(lines):
        painter.drawText(
            QtCore.QRect(
                rect.left(), rect.top() + row * metrics.height(), rect.width(), metrics.height()
            ),
            QtCore.Qt.AlignmentFlag.AlignHCenter,
            line,
        )
    painter.save()
    # Nearest pixels: every point of the bar is exactly a colour of the map.
    painter.setRenderHint(QtGui.QPainter.RenderHint.SmoothPixmapTransform, False)
    painter.drawImage(QtCore.QRect(left, top, BAR_WIDTH, BAR_HEIGHT), bar)
    painter.restore()
    painter.drawRect(left, top, BAR_WIDTH - 1, BAR_HEIGHT - 1)
    label_top = top + BAR_HEIGHT + 1
    for fraction, text in ((0.0, "\u22121"), (0.5, "0"), (1.0, "+1")):
        x = left + int(fraction * BAR_WIDTH)
        width = metrics.horizontalAdvance(text)
        x = min(max(x - width // 2, rect.left()), rect.right() - width)
        painter.drawText(x, label_top + metrics.ascent(), text)


class DivergingLegend(QtWidgets.QWidget):
    """A small gradient bar with ticks -1, 0, +1 and a caption (`set_caption`)."""

    def __init__(self, caption: str = VALUE_CAPTION, parent=None):
        super().__init__(parent)
        self.setObjectName("network_legend")
        self.setToolTip(KEY_TOOLTIP)
        font = self.font()
        font.setPointSizeF(max(6.5, font.pointSizeF() * 0.8))
        self.setFont(font)
        self.caption = ""
        self.set_caption(caption)

    def set_caption(self, caption: str) -> None:
        """Show ``caption`` above the bar (`PROBABILITY_CAPTION` when outputs are centred)."""
        if caption == self.caption:
            return
        self.caption = caption
        self.setFixedSize(key_size(QtGui.QFontMetrics(self.font()), caption))
        self.update()

    def follow_theme(self) -> None:
        """Repaint in the active theme's map (its zero is dark on the dark theme)."""
        self.update()

    def paintEvent(self, event):
        painter = QtGui.QPainter(self)
        # the palette's text colour follows View > Theme
        ink = self.palette().color(QtGui.QPalette.ColorRole.WindowText)
        paint_key(painter, self.rect(), self.caption, ink)
        painter.end()
