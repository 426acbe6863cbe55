"""The network drawn as a picture of what it computes.

Every hidden and output unit is a tile showing its activation over the input
plane (when the network's inputs are a point of the plane, or features of it:
x1², x1·x2, sin x1...), computed at the resolution the tile is drawn at; other
networks show each unit's activation for the current input, with a bar. The
input column shows the features on offer; clicking one switches it on or off.
Links are smooth curves whose width follows |w| and whose colour (orange
negative, blue positive) fades toward 0.

Hover a tile: it is shown enlarged with its axes. Hover a link: a card gives
the weight. Click a link: it becomes the selected weight (its slider appears
under the canvas). Click a unit: the neuron builder shows it.

Drawing: the links are painted once into a pixmap and reused until a weight,
the layout or the selection changes; tiles are images made once per changed
layer (the model recomputes only the layers a change reaches).
"""

from __future__ import annotations

import time

import numpy as np
from PySide6 import QtCore, QtGui, QtWidgets

from actplay.core import datasets
from actplay.core.grid import feature_planes
from actplay.core.network import SOFTMAX_NAME
from actplay.ui import theme
from actplay.ui.i18n import translate
from actplay.ui.network import canvas_layout as geo
from actplay.ui.network import canvas_paint as paint
from actplay.ui.network.canvas_headers import HEADER_HEIGHT, DepthHeader, LayerHeader
from actplay.ui.network.canvas_overlays import ZOOM_MAP_PX, HoverCard, TileZoom
from actplay.ui.widgets.diverging import (
    PROBABILITY_CAPTION,
    VALUE_CAPTION,
    diverging_lut,
    key_size,
    paint_key,
)
from actplay.ui.widgets.names import unit_label, weight_label
from actplay.ui.widgets.numbers import format_number
from actplay.ui.widgets.retire import retire

LABEL_WIDTH = 40  # px left of the input column for the feature names
# px: narrowest and widest a column's header may be; headers never overlap their
# neighbours (a deep network in a narrow dock gets compact headers instead)
HEADER_WIDTH = (28, 120)
SELECTED_RGBA = (240, 228, 66, 255)  # Okabe-Ito yellow: the selected weight's glow
DISABLED_OPACITY = 0.3  # a feature that is switched off
PROBABILITY_RANGE = (0.0, 1.0)  # an output with this range is a probability: centred on 0.5
AA_BUDGET_MS = 12.0  # links that take longer than this in full quality are hurried during bursts
QUIET_MS = 250  # ms without changes before hurried links are drawn again in full quality
LINK_INTERVAL_MS = 100  # slow link pictures are repainted at most this often during a burst
HURRIED_SCALE = 0.5  # a hurried link picture's resolution: ~4x cheaper, a little soft


class NetworkCanvas(QtWidgets.QWidget):
    """The model's network as tiles and links.

    Parameters
    ----------
    model : Playground
    parent : QWidget, optional

    Signals
    -------
    message(str)
        A refused click or header change, for the hint line under the canvas.
    """

    SECTIONS = frozenset({"network", "view", "dataset"})
    PAINTS_VECTORS = True  # an SVG export runs paintEvent into Qt's SVG generator
    message = QtCore.Signal(str)

    def __init__(self, model, parent=None) -> None:
        super().__init__(parent)
        self.model = model
        self.setObjectName("network_canvas")
        self.setAccessibleName(translate("network", "Network canvas"))
        self.setAccessibleDescription(
            translate(
                "network", "Each unit drawn as its output over the input plane; links by weight"
            )
        )
        self.setMouseTracking(True)
        self.setMinimumSize(240, 200)
        self.setSizePolicy(
            QtWidgets.QSizePolicy.Policy.Expanding, QtWidgets.QSizePolicy.Policy.Expanding
        )
        self.setFocusPolicy(QtCore.Qt.FocusPolicy.ClickFocus)
        # paintEvent fills every pixel: the dock and panels behind need not paint first
        self.setAttribute(QtCore.Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._layout: geo.CanvasLayout | None = None
        self._sync_pending = False  # a zero-time sync is queued
        self._layout_key = None
        self._inputs: list[tuple[str, str, bool]] = []  # (name, title, on) per input tile
        self._plane_mode = False
        self._grids = None  # model.unit_grids the tiles were made from
        self._tile_images: dict[int, tuple[object, paint.TileImages]] = {}
        self._bias_cache: dict[int, tuple[np.ndarray, list]] = {}  # column -> (biases, colours)
        self._values: list[np.ndarray] = []  # value mode: each column's values
        self._centred_output = False
        self._net = None
        self._flat_weights = np.zeros(0)
        self._widths = np.zeros(0)
        self._links_pixmap = None  # (key, weights drawn, QPixmap, full quality)
        self._last_render_ms = 0.0  # a full-quality link picture took this long
        self._last_render_at = 0.0
        self._link_timer = QtCore.QTimer(self)  # a paced or hurried link picture catches up
        self._link_timer.setSingleShot(True)
        self._link_timer.timeout.connect(self.update)
        self._hover = None  # ("tile", column, row) or ("link", index)
        self._stale = True
        self.vector_output = False  # set by an SVG export: links as paths, no cached pixmap
        self.key_in_picture = False  # set while exported: the colour key drawn in a corner
        self.depth_header = DepthHeader(model, self, self.message.emit)
        self.layer_headers: list[LayerHeader] = []
        self._headers_shown = None  # the header state they were last filled from
        self.zoom = TileZoom(self)
        self.card = HoverCard(self)

    # -- model -> view ---------------------------------------------------------------------
    def refresh(self, sections=frozenset({"network", "view", "dataset"})) -> None:
        """Follow the model; the work waits while the canvas is hidden."""
        if not self.isVisible():
            self._stale = True
            return
        headers = self._header_state()
        self._sync()
        if headers == self._header_state():
            # the headers (child widgets) did not change: repaint below them only
            below = self._header_top() + HEADER_HEIGHT
            self.update(0, below, self.width(), self.height() - below)
        else:
            self.update()

    def follow_theme(self) -> None:
        """Tiles and bias marks again in the active theme's map (its zero differs)."""
        self._tile_images = {}
        self._bias_cache = {}
        self._stale = True
        if self.isVisible():
            self._sync()
        self.update()

    def output_centred(self) -> bool:
        """Whether the output is a probability (softmax, or a function onto [0, 1]): drawn
        as 2p - 1, so p = 0.5 is the map's grey."""
        name = self.model.layer_activations[-1][0]
        return name == SOFTMAX_NAME or (
            tuple(self.model.activation(name).output_range) == PROBABILITY_RANGE
        )

    def _header_state(self):
        """What the header widgets show: the layout and the layers' activations."""
        return self._layout_key, tuple(name for name, _ in self.model.layer_activations)

    @property
    def layout_(self) -> geo.CanvasLayout | None:
        """Where everything is drawn; read after a resize, it is laid out first."""
        if self._stale and self.isVisible():
            self._sync()
        return self._layout

    @layout_.setter
    def layout_(self, layout: geo.CanvasLayout | None) -> None:
        self._layout = layout

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self._sync_soon()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.isVisible():
            self._sync()

    def _sync_soon(self) -> None:
        """Lay out once the events at hand are through: a window being shown resizes
        the canvas right after showing it, and laying out at both made the headers and
        the tiles twice (~5 ms of the first frame). Whatever comes first (the resize, a
        read of `layout_`, a paint, this zero-time timer) lays it out."""
        if not self._sync_pending:
            self._sync_pending = True
            QtCore.QTimer.singleShot(0, self, self._sync_if_stale)

    def _sync_if_stale(self) -> None:
        self._sync_pending = False
        if self._stale and self.isVisible():
            self._sync()
            self.update()

    def _sync(self) -> None:
        """Read the model: layout, tiles, links."""
        self._stale = False
        model = self.model
        sizes = tuple(model.layer_sizes)
        features = tuple(model.features)
        if sizes[0] == len(features):
            shown = datasets.FEATURES
            self._inputs = [
                (name, datasets.FEATURE_TITLES[name], name in features) for name in shown
            ]
            rows = [shown.index(name) for name in features]
            self._plane_mode = True
        else:
            self._inputs = [(f"x{i + 1}", f"x{i + 1}", True) for i in range(sizes[0])]
            rows = list(range(sizes[0]))
            self._plane_mode = sizes[0] == 2
        key = (sizes, tuple(self._inputs), self.width(), self.height())
        if key != self._layout_key:
            self._layout_key = key
            self.layout_ = self._place(sizes, rows)
            self._tile_images = {}
            self._place_headers(sizes)
        self._centred_output = self.output_centred()
        if self._header_state() != self._headers_shown:  # a weight drag leaves them be
            self._headers_shown = self._header_state()
            self._update_headers(sizes)
        self._update_tiles()
        self._update_links()

    def _place(self, sizes, rows) -> geo.CanvasLayout:
        """Lay the network out, leaving the last column room for half its header."""
        args = (sizes, len(self._inputs), rows, self.width(), self.height(), HEADER_HEIGHT + 6)
        layout = geo.place(*args, LABEL_WIDTH)
        right = self._header_width(layout) / 2 - layout.tile / 2 + 2
        return geo.place(*args, LABEL_WIDTH, max(right, 6.0))

    @staticmethod
    def _header_width(layout) -> int:
        step = (layout.column_x[1] - layout.column_x[0]) if len(layout.column_x) > 1 else 200
        return int(np.clip(step - 4, *HEADER_WIDTH))

    def tile_resolution(self) -> int:
        """Grid points per axis of a tile: one per device pixel it is drawn at."""
        ratio = self.devicePixelRatioF()
        return max(4, int(round(self.layout_.tile * ratio)))

    def _update_tiles(self) -> None:
        model = self.model
        self._grids = model.unit_grids(self.tile_resolution()) if self._plane_mode else None
        if self._grids is None:
            trace = model.network_trace()
            self._values = [np.asarray(model.network_input, dtype=float)] + [
                np.asarray(a, dtype=float) for a in trace.a
            ]
            return
        # The input column shows every feature on offer, on or off, over the same plane.
        names = tuple(name for name, _title, _on in self._inputs)
        res, plane = self._grids.resolution, self._grids.plane
        key = (names, plane, res)
        held = self._tile_images.get(0)
        if held is None or held[0] != key:
            planes = feature_planes(names, *plane, res).reshape(len(names), res, res)
            self._tile_images[0] = (key, paint.TileImages(planes), False)
        last = len(self._grids.layers)
        for column, grids in enumerate(self._grids.layers, start=1):
            held = self._tile_images.get(column)
            centred = column == last and self._centred_output
            if held is None or held[0] is not grids or held[2] != centred:
                self._tile_images[column] = (grids, paint.TileImages(grids, centred), centred)

    def _update_links(self) -> None:
        net = self.model.network()
        if net is self._net and self._widths.size == len(self.layout_.link_layer):
            return
        self._net = net
        layout = self.layout_
        self._flat_weights = (
            np.concatenate([np.ravel(w) for w in net.weights]) if net.weights else np.zeros(0)
        )
        sizes = net.layer_sizes
        per_layer = np.array(
            [0.0]
            + [
                paint.max_link_width(layout.tile, sizes[layer - 1], sizes[layer])
                for layer in range(1, len(sizes))
            ]
        )
        self._widths = paint.link_widths(self._flat_weights, per_layer[layout.link_layer])

    # -- headers ---------------------------------------------------------------------------
    def _place_headers(self, sizes) -> None:
        n_layers = len(sizes)
        if len(self.layer_headers) != n_layers - 1 or any(
            header.combo.count() != self._combo_count(header.layer, n_layers)
            for header in self.layer_headers
        ):
            for header in self.layer_headers:
                retire(header)
            self.layer_headers = [
                LayerHeader(self.model, layer, n_layers, self, self.message.emit)
                for layer in range(1, n_layers)
            ]
        layout = self.layout_
        width = self._header_width(layout)
        top = self._header_top()
        for column, header in enumerate(self.layer_headers, start=1):
            centre = layout.column_x[column] + layout.tile / 2
            left = int(np.clip(centre - width / 2, 2, self.width() - width - 2))
            header.setGeometry(left, top, width, HEADER_HEIGHT)
            header.show()
        # The depth control takes the room left of the first layer's header (labels included).
        first = self.layer_headers[0].x() if self.layer_headers else self.width()
        depth_left = int(max(2, layout.column_x[0] - LABEL_WIDTH))
        self.depth_header.setGeometry(
            depth_left, top, max(first - depth_left - 4, 40), HEADER_HEIGHT
        )
        self.depth_header.show()

    def _header_top(self) -> int:
        """The headers sit just above the first row of tiles."""
        first_y = min(float(c[0, 1]) for c in self.layout_.columns if len(c))
        return int(max(2.0, first_y - HEADER_HEIGHT - 6))

    def _combo_count(self, layer: int, n_layers: int) -> int:
        names = [n for n in self.model.activation_names() if n != SOFTMAX_NAME]
        return len(names) + (1 if layer == n_layers - 1 else 0)

    def _update_headers(self, sizes) -> None:
        self.depth_header.update_view(
            sizes,
            translate("network", "Features")
            if self._plane_mode
            else translate("network", "Inputs"),
        )
        for header, size, (name, _params) in zip(
            self.layer_headers, sizes[1:], self.model.layer_activations, strict=True
        ):
            header.update_view(size, name)

    # -- painting ----------------------------------------------------------------------------
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

    # -- what is where -----------------------------------------------------------------------
    def selected_link(self) -> int | None:
        """Index of the model's selected weight among the links, or None."""
        selected = self.model.selected_weight
        if selected is None or self.layout_ is None:
            return None
        layer, out, inp = selected
        layout = self.layout_
        hits = np.flatnonzero(
            (layout.link_layer == layer) & (layout.link_out == out) & (layout.link_in == inp)
        )
        return int(hits[0]) if hits.size else None

    def hit(self, point: QtCore.QPointF):
        """``("tile", column, row)``, ``("link", index)`` or None under a canvas point."""
        if self.layout_ is None:
            return None
        tile = geo.tile_at(self.layout_, point.x(), point.y())
        if tile is not None:
            return ("tile", *tile)
        link = geo.link_at(self.layout_, point.x(), point.y(), self._widths)
        return None if link is None else ("link", link)

    def tile_centre(self, column: int, row: int) -> QtCore.QPoint:
        """Canvas pixel at the centre of a tile (for tests and tools)."""
        x, y, w, h = self.layout_.tile_rect(column, row)
        return QtCore.QPoint(int(x + w / 2), int(y + h / 2))

    def link_point(self, index: int) -> QtCore.QPoint:
        """Canvas pixel on a link's curve where no other link passes closer (for tests and
        tools: a click there selects that link)."""
        points = self.layout_.link_points
        best, best_gap = points[index, geo.CURVE_SAMPLES // 2], -1.0
        others = np.delete(points, index, axis=0).reshape(-1, 2)
        for x, y in points[index, 2:-2]:
            gap = (
                float(np.min(np.hypot(others[:, 0] - x, others[:, 1] - y))) if len(others) else 1e9
            )
            if gap > best_gap:
                best, best_gap = (x, y), gap
        return QtCore.QPoint(int(round(best[0])), int(round(best[1])))

    def link_index(self, layer: int, out: int, inp: int) -> int:
        """Index of the link of weight ``(layer, out, inp)``."""
        layout = self.layout_
        hits = np.flatnonzero(
            (layout.link_layer == layer) & (layout.link_out == out) & (layout.link_in == inp)
        )
        return int(hits[0])

    def tile_rows(self, column: int) -> np.ndarray:
        """The lookup-table rows drawn for a column's tiles, ``(n, res, res)`` (plane mode)."""
        return self._tile_images[column][1].rows

    # -- mouse ------------------------------------------------------------------------------
    def describe(self, hit) -> str:
        """The words a hover card shows for a hit."""
        n_layers = len(self.model.layer_sizes)
        if hit[0] == "link":
            index = hit[1]
            layout = self.layout_
            layer, out, inp = (
                int(layout.link_layer[index]),
                int(layout.link_out[index]),
                int(layout.link_in[index]),
            )
            name = weight_label(layer, out, inp, n_layers)
            value = format_number(self._flat_weights[index], 3)
            return f"Weight {name} is {value}.\nClick to edit it."
        _kind, column, row = hit
        if column == 0:
            name, title, on = self._inputs[row]
            if not self._plane_mode:
                value = format_number(self.model.network_input[row], 3)
                return f"Input {title} = {value}"
            state = "on: click to switch it off" if on else "off: click to feed it in"
            return f"Feature {title}, {state}."
        bias = format_number(self._net.biases[column - 1][row], 3)
        text = f"{unit_label(column, row, n_layers)}: bias {bias}"
        trace = self.model.network_trace()
        z, a = trace.z[column - 1][row], trace.a[column - 1][row]
        text += f"\nat the current input: z = {format_number(z, 3)}, a = {format_number(a, 3)}"
        return text + "\nClick to open it in the neuron builder."

    def mouseMoveEvent(self, event) -> None:
        self._set_hover(self.hit(event.position()), event.position())

    def leaveEvent(self, event) -> None:
        self._set_hover(None, None)
        super().leaveEvent(event)

    def _set_hover(self, hit, position) -> None:
        if hit != self._hover:
            self._hover = hit
            self.update()
        if hit is None:
            self.card.hide()
            self.zoom.hide()
            return
        if hit[0] == "tile" and self._plane_mode:
            self._show_zoom(hit[1], hit[2])
            self.card.hide()
        else:
            self.zoom.hide()
            self.card.show_text(self.describe(hit), position)

    def _show_zoom(self, column: int, row: int) -> None:
        grids = self.model.unit_grids(ZOOM_MAP_PX)
        if grids is None:
            return
        n_layers = len(self.model.layer_sizes)
        if column == 0:
            name, title, _on = self._inputs[row]
            grid = feature_planes((name,), *grids.plane, ZOOM_MAP_PX).reshape(
                ZOOM_MAP_PX, ZOOM_MAP_PX
            )
            title = f"feature {title}"
            centred = False
        else:
            grid = grids.layers[column - 1][row]
            function = self.model.layer_activations[column - 1][0]
            title = f"{unit_label(column, row, n_layers)} \u00b7 {function}"
            centred = column == n_layers - 1 and self._centred_output
        point = None
        if grids.features[:2] == ("x1", "x2"):
            point = tuple(self.model.network_input[:2])
        self.zoom.show_map(grid, centred, title, grids.plane, point)
        x, y, size, _ = self.layout_.tile_rect(column, row)
        left = (
            x + size + 12
            if x + size + 12 + self.zoom.width() <= self.width()
            else (x - self.zoom.width() - 12)
        )
        top = min(max(y - self.zoom.height() / 2, 0), self.height() - self.zoom.height())
        self.zoom.move(int(max(left, 0)), int(max(top, 0)))
        self.zoom.show()
        self.zoom.raise_()

    def mousePressEvent(self, event) -> None:
        if event.button() != QtCore.Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        hit = self.hit(event.position())
        if hit is not None:
            self.activate(hit)

    def activate(self, hit) -> None:
        """Act on a click: select a weight, open a unit, or switch a feature."""
        model = self.model
        try:
            if hit[0] == "link":
                layout = self.layout_
                index = hit[1]
                model.select_weight(
                    int(layout.link_layer[index]),
                    int(layout.link_out[index]),
                    int(layout.link_in[index]),
                )
            elif hit[1] > 0:
                model.select_network_neuron(hit[1], hit[2])
            elif self._plane_mode and len(self._inputs) == len(datasets.FEATURES):
                name, _title, on = self._inputs[hit[2]]
                model.set_feature(name, not on)
        except ValueError as error:
            self.message.emit(str(error))

    def keyPressEvent(self, event) -> None:
        if event.key() == QtCore.Qt.Key.Key_Escape and self.model.selected_weight is not None:
            self.model.clear_selected_weight()
            return
        super().keyPressEvent(event)
