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

This module keeps the model -> view sync (layout, tiles, links, headers);
painting is in `canvas_painting`, the pointer and keys in `canvas_interaction`.
"""

from __future__ import annotations

import numpy as np
from PySide6 import QtCore, QtWidgets

from actplay.core import datasets
from actplay.core.grid import feature_planes
from actplay.core.network import SOFTMAX_NAME
from actplay.ui.i18n import translate
from actplay.ui.network import canvas_layout as geo
from actplay.ui.network import canvas_paint as paint
from actplay.ui.network.canvas_headers import HEADER_HEIGHT, DepthHeader, LayerHeader
from actplay.ui.network.canvas_interaction import CanvasInteraction
from actplay.ui.network.canvas_overlays import HoverCard, TileZoom
from actplay.ui.network.canvas_painting import LABEL_WIDTH, CanvasPainting
from actplay.ui.widgets.retire import retire

# px: narrowest and widest a column's header may be; headers never overlap their
# neighbours (a deep network in a narrow dock gets compact headers instead)
HEADER_WIDTH = (28, 120)
PROBABILITY_RANGE = (0.0, 1.0)  # an output with this range is a probability: centred on 0.5


class NetworkCanvas(CanvasPainting, CanvasInteraction, QtWidgets.QWidget):
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
