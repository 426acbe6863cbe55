"""How the network canvas paints itself: the links picture, the tiles with their
borders, bias marks and input labels, the selected and hovered link, and the
colour key of an exported picture.

A mixin of `NetworkCanvas`: it reads what the canvas's sync made (``layout_``,
``_tile_images``, ``_flat_weights``, ``_widths``...) and changes nothing the
sync reads.
"""

from __future__ import annotations

import time

import numpy as np
from PySide6 import QtCore, QtGui

from actplay.ui import theme
from actplay.ui.network import canvas_paint as paint
from actplay.ui.widgets.diverging import (
    PROBABILITY_CAPTION,
    VALUE_CAPTION,
    diverging_lut,
    key_size,
    paint_key,
)

LABEL_WIDTH = 40  # px left of the input column for the feature names
SELECTED_RGBA = (240, 228, 66, 255)  # Okabe-Ito yellow: the selected weight's glow
DISABLED_OPACITY = 0.3  # a feature that is switched off
AA_BUDGET_MS = 12.0  # links that take longer than this in full quality are hurried during bursts
QUIET_MS = 250  # ms without changes before hurried links are drawn again in full quality
LINK_INTERVAL_MS = 100  # slow link pictures are repainted at most this often during a burst
HURRIED_SCALE = 0.5  # a hurried link picture's resolution: ~4x cheaper, a little soft


class CanvasPainting:
    """The paint half of `NetworkCanvas`: ``paintEvent`` and what it draws with."""

    def paintEvent(self, _event) -> None:
        if self._stale or self._layout is None:
            self._sync()
        painter = QtGui.QPainter(self)
        painter.fillRect(self.rect(), theme.plot_background())
        if self.vector_output:
            painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
            self._paint_links(painter)
        else:
            painter.setRenderHint(QtGui.QPainter.RenderHint.SmoothPixmapTransform)
            links = self._links_layer()
            # explicit rectangles: a hurried picture has fewer pixels than the canvas
            painter.drawPixmap(
                QtCore.QRectF(0, 0, self.width(), self.height()), links, QtCore.QRectF(links.rect())
            )
        painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        self._paint_selection(painter)
        # Tiles are computed at the size they are drawn at: filtering them buys nothing
        # and costs ~10x the plain copy (4 ms a frame at 2-8-8-1: RESULTS, "Costs the
        # code relies on").
        painter.setRenderHint(QtGui.QPainter.RenderHint.SmoothPixmapTransform, False)
        self._paint_tiles(painter)
        if self.key_in_picture:
            self._paint_key(painter)
        painter.end()

    def _paint_key(self, painter: QtGui.QPainter) -> None:
        """The colour key in the lower right corner: an exported picture explains itself."""
        font = painter.font()
        font.setPointSizeF(max(6.5, font.pointSizeF() * 0.8))
        painter.setFont(font)
        caption = PROBABILITY_CAPTION if self.output_centred() else VALUE_CAPTION
        size = key_size(painter.fontMetrics(), caption)
        # Under the output column, where the picture is emptiest (few output units); at the
        # bottom when they reach down that far.
        outputs = self.layout_.columns[-1] if self.layout_ is not None else ()
        below = float(max((y for _x, y in outputs), default=0.0)) + self.layout_.tile + 12
        top = min(int(below), self.height() - size.height() - 4)
        rect = QtCore.QRect(self.width() - size.width() - 4, top, *size.toTuple())
        backdrop = theme.plot_background()
        backdrop.setAlpha(220)
        painter.fillRect(rect.adjusted(-2, -2, 2, 2), backdrop)
        paint_key(painter, rect, caption, theme.plot_foreground())

    def _links_layer(self) -> QtGui.QPixmap:
        """Every link but the selected one, painted once and reused.

        The selected link is drawn live on top, so dragging its weight only blits
        this picture. When a full-quality picture is slow (over ``AA_BUDGET_MS``: a
        large network, or thick links) and the weights keep changing (training, an
        undo burst), the picture is repainted at most every ``LINK_INTERVAL_MS`` and
        at half resolution, until changes pause for ``QUIET_MS``; then it is painted
        once more in full quality. The tiles follow every change.
        """
        ratio = self.devicePixelRatioF()
        excluded = self.selected_link()
        content = self._flat_weights.copy()
        if excluded is not None:
            content[excluded] = np.nan
        key = (self._layout_key, ratio, theme.active_theme(), excluded)
        held = self._links_pixmap
        same_key = held is not None and held[0] == key
        current = same_key and np.array_equal(held[1], content, equal_nan=True)
        since = (time.perf_counter() - self._last_render_at) * 1000
        expensive = self._last_render_ms > AA_BUDGET_MS
        if current and (held[3] or since < QUIET_MS):
            return held[2]
        if same_key and not current and expensive and since < LINK_INTERVAL_MS:
            self._link_timer.start(int(LINK_INTERVAL_MS - since) + 1)
            return held[2]  # at most LINK_INTERVAL_MS behind the tiles
        hurried = expensive and since < QUIET_MS
        started = time.perf_counter()
        # a hurried picture has half the pixels: a quarter of the stroking, drawn scaled up
        scale = ratio * (HURRIED_SCALE if hurried else 1.0)
        pixmap = QtGui.QPixmap(QtCore.QSize(int(self.width() * scale), int(self.height() * scale)))
        pixmap.setDevicePixelRatio(scale)
        pixmap.fill(QtCore.Qt.GlobalColor.transparent)
        painter = QtGui.QPainter(pixmap)
        painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        self._paint_links(painter, skip=excluded)
        painter.end()
        if not hurried:
            self._last_render_ms = (time.perf_counter() - started) * 1000
        else:
            self._link_timer.start(QUIET_MS)  # then once more in full quality
        self._last_render_at = started
        self._links_pixmap = (key, content, pixmap, not hurried)
        return pixmap

    def _paint_links(self, painter: QtGui.QPainter, skip: int | None = None) -> None:
        """Every link (but ``skip``), thin ones first so strong links lie on top.

        One path per link: the raster engine fills one small path far faster than a
        path of many overlapping curves.
        """
        painter.setBrush(QtCore.Qt.BrushStyle.NoBrush)
        points = self.layout_.link_points
        for sign, width, alpha, members in paint.link_batches(self._flat_weights, self._widths):
            pen = QtGui.QPen(paint.sign_colour(sign, alpha), width)
            pen.setCapStyle(QtCore.Qt.PenCapStyle.FlatCap)
            painter.setPen(pen)
            for index in members:
                if index == skip:
                    continue
                path = QtGui.QPainterPath()
                paint.cubic_path(path, points[index, 0], points[index, -1])
                painter.drawPath(path)

    def _link_path(self, index: int) -> QtGui.QPainterPath:
        path = QtGui.QPainterPath()
        points = self.layout_.link_points
        paint.cubic_path(path, points[index, 0], points[index, -1])
        return path

    def _paint_selection(self, painter: QtGui.QPainter) -> None:
        selected = self.selected_link()
        hovered = self._hover[1] if self._hover and self._hover[0] == "link" else None
        for index, glow in ((selected, QtGui.QColor(*SELECTED_RGBA)), (hovered, None)):
            if index is None:
                continue
            width = float(self._widths[index])
            path = self._link_path(index)
            if glow is not None:
                painter.setPen(QtGui.QPen(glow, width + 6))
                painter.drawPath(path)
            sign = -1 if self._flat_weights[index] < 0 else 1
            painter.setPen(QtGui.QPen(paint.sign_colour(sign, 1.0), max(width, 1.5)))
            painter.drawPath(path)

    def _paint_tiles(self, painter: QtGui.QPainter) -> None:
        """Tiles, their borders and bias marks, and the input labels.

        Colours come from arrays made once per change (``_colour_rows``); borders are
        one ``drawRects`` per column, without antialiasing (whole pixels).
        """
        layout = self.layout_
        ink = theme.plot_foreground()
        size = layout.tile
        target = self.model.neuron_target
        font = painter.font()
        font.setPointSizeF(max(6.5, min(font.pointSizeF(), size * 0.32)))
        painter.setFont(font)
        last = len(layout.columns) - 1
        bias_side = max(4.0, size * 0.16)
        for column, corners in enumerate(layout.columns):
            held = self._tile_images.get(column)
            rects = [QtCore.QRectF(x, y, size, size) for x, y in corners]
            values = None if held is not None else self._column_colours(column, column == last)
            for row, rect in enumerate(rects):
                on = self._inputs[row][2] if column == 0 else True
                if not on:
                    painter.setOpacity(DISABLED_OPACITY)
                if held is not None:
                    painter.drawImage(rect, held[1].images[row])
                else:
                    self._paint_value_tile(painter, rect, values[row], ink)
                if not on:
                    painter.setOpacity(1.0)
            painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, False)
            painter.setPen(QtGui.QPen(ink, 1))
            painter.setBrush(QtCore.Qt.BrushStyle.NoBrush)
            painter.drawRects(rects)
            if column > 0 and size >= 16:
                for rect, colour in zip(rects, self._bias_colours(column), strict=True):
                    painter.fillRect(
                        QtCore.QRectF(
                            rect.left() - bias_side - 1,
                            rect.bottom() - bias_side,
                            bias_side,
                            bias_side,
                        ),
                        colour,
                    )
            painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
            if column == 0:
                for row, rect in enumerate(rects):
                    on = self._inputs[row][2]
                    painter.setPen(ink)
                    painter.setOpacity(1.0 if on else 0.55)
                    painter.drawText(
                        QtCore.QRectF(rect.left() - LABEL_WIDTH, rect.top(), LABEL_WIDTH - 6, size),
                        QtCore.Qt.AlignmentFlag.AlignRight | QtCore.Qt.AlignmentFlag.AlignVCenter,
                        self._inputs[row][1],
                    )
                painter.setOpacity(1.0)
        for (column, row), width in ((target or (None, None), 3), (self._hovered_tile(), 2)):
            if (
                column is not None
                and column < len(layout.columns)
                and row < len(layout.columns[column])
            ):
                x, y = layout.columns[column][row]
                painter.setPen(QtGui.QPen(ink, width))
                painter.drawRect(QtCore.QRectF(x - 2, y - 2, size + 4, size + 4))

    def _hovered_tile(self):
        if self._hover and self._hover[0] == "tile":
            return self._hover[1], self._hover[2]
        return None, None

    def _colour_rows(self, values, centred: bool = False) -> list[QtGui.QColor]:
        rows = paint.lut_rows(np.asarray(values, dtype=float), centred)
        lut = diverging_lut()
        return [QtGui.QColor(*(int(c) for c in lut[r])) for r in rows]

    def _bias_colours(self, column: int) -> list[QtGui.QColor]:
        """The bias marks' colours of a layer, made again only when its biases change."""
        biases = np.asarray(self._net.biases[column - 1], dtype=float)
        held = self._bias_cache.get(column)
        # Keyed by the values: a weight drag makes a new network with the same biases.
        if held is None or not np.array_equal(held[0], biases):
            held = (biases.copy(), self._colour_rows(biases))
            self._bias_cache[column] = held
        return held[1]

    def _column_colours(self, column: int, last: bool) -> list[tuple[float, QtGui.QColor]]:
        """Value mode: each tile's shown value (centred for a probability output) and colour."""
        values = np.asarray(self._values[column], dtype=float) if self._values else np.zeros(0)
        shown = 2 * values - 1 if (last and self._centred_output) else values
        return list(zip(shown.tolist(), self._colour_rows(shown), strict=True))

    def _paint_value_tile(self, painter, rect, value_colour, ink) -> None:
        shown, colour = value_colour
        painter.fillRect(rect, colour)
        bar = float(np.clip(shown, -1.0, 1.0)) * rect.width() / 2
        centre = rect.center().x()
        bar_rect = QtCore.QRectF(min(centre, centre + bar), rect.bottom() - 5, abs(bar), 4)
        painter.fillRect(bar_rect, ink)
        painter.setPen(QtGui.QPen(ink, 1))
        painter.drawLine(
            QtCore.QPointF(centre, rect.bottom() - 6), QtCore.QPointF(centre, rect.bottom())
        )
