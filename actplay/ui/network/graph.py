"""The network drawn as a graph in one pyqtgraph view.

Nodes are one ``ScatterPlotItem`` filled by their activation through the
diverging map; connections are eight ``PlotCurveItem``s (sign x four width
buckets) drawn with ``connect="pairs"``, so a 2-8-8-1 net repaints with a
dozen items however many weights it has. Clicks and hovers are resolved with
the vectorised hit tests of :mod:`actplay.ui.network.geometry`.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtWidgets

from actplay.ui import theme
from actplay.ui.network import geometry as geo
from actplay.ui.widgets.diverging import DivergingLegend, brushes_for, diverging_rgba
from actplay.ui.widgets.names import layer_label, non_input_layers, unit_label, weight_label

NODE_HIT_PX = 9  # click/hover radius around a node centre
EDGE_HIT_PX = 4  # click/hover distance to a connection line
SELECTED_WEIGHT_RGBA = (240, 228, 66, 255)  # Okabe-Ito yellow glow under the chosen weight
LABEL_ROOM_PX = 20  # above the top node row: the layer names ("in", "h1", ...) fit whole


class NetworkGraph(QtWidgets.QWidget):
    """Nodes and weighted connections of the model's network.

    Clicking a connection calls ``model.select_weight``; clicking a hidden or
    output neuron calls ``model.select_network_neuron``. Hovering shows the
    value under the cursor in ``hover_label``.
    """

    def __init__(self, model, parent=None):
        super().__init__(parent)
        self._model = model
        self.geometry_ = geo.graph_geometry(model.layer_sizes)
        self._flat_weights = np.zeros(0)
        self._node_values = np.zeros(0)
        self._node_z = np.zeros(0)
        self._shown_buckets = None  # bucket of each edge as drawn
        self._framed = None  # the x and y ranges last set

        # A bare ViewBox, no PlotItem: the graph has no axes, title or plot menu, and a
        # PlotItem (four axes, its context menu's forms) costs ~3 ms to make at start-up.
        self.view = pg.GraphicsView(background=theme.plot_background())
        self.view.setObjectName("network_graph")
        self.view.setMinimumHeight(160)
        self._vb = plot = pg.ViewBox(enableMenu=False)
        plot.setMouseEnabled(False, False)
        self.view.setCentralItem(plot)

        # Bare curve items: a PlotDataItem (a curve plus a scatter, downsampling and
        # clipping options none of these use) costs ~0.6 ms to make, a curve ~0.1 ms.
        self._highlight = pg.PlotCurveItem(
            pen=pg.mkPen(SELECTED_WEIGHT_RGBA, width=9), connect="pairs", antialias=False
        )
        self._highlight.setZValue(-1)
        plot.addItem(self._highlight)
        self._edge_items = []
        n_widths = len(geo.BUCKET_WIDTHS)
        for bucket in range(2 * n_widths):
            sign = -1.0 if bucket < n_widths else 1.0
            level = geo.BUCKET_LEVELS[bucket % n_widths]
            pen = pg.mkPen(diverging_rgba(sign * level), width=geo.BUCKET_WIDTHS[bucket % n_widths])
            item = pg.PlotCurveItem(pen=pen, connect="pairs", antialias=False)
            item.setZValue(0)
            plot.addItem(item)
            self._edge_items.append(item)
        self._nodes = pg.ScatterPlotItem(pen=pg.mkPen(60, 60, 60, width=1), pxMode=True)
        self._nodes.setZValue(2)
        plot.addItem(self._nodes)
        self._ring = pg.ScatterPlotItem(
            pen=pg.mkPen(0, 0, 0, width=3), brush=None, pxMode=True, symbol="o"
        )
        self._ring.setZValue(3)
        plot.addItem(self._ring)
        self._layer_labels = []

        self.hover_label = QtWidgets.QLabel("Hover a neuron or a connection; click to select it.")
        self.hover_label.setObjectName("network_hover")
        self.hover_label.setWordWrap(True)
        self.legend = DivergingLegend("activation / weight")
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.view, 1)
        bottom = QtWidgets.QHBoxLayout()
        bottom.addWidget(self.hover_label, 1)
        bottom.addWidget(self.legend)
        layout.addLayout(bottom)

        scene = self.view.scene()
        scene.sigMouseClicked.connect(self._on_scene_clicked)
        scene.sigMouseMoved.connect(self._on_scene_hovered)
        self._vb.sigResized.connect(self._fit_range)
        self.rebuild(model.layer_sizes)

    # -- structure -------------------------------------------------------------------------
    def rebuild(self, layer_sizes):
        """Recompute node/edge positions for new layer sizes (items are reused)."""
        self.geometry_ = geo.graph_geometry(layer_sizes)
        self._shown_buckets = None  # new edges: every bucket is drawn again
        plot = self._vb
        for label in self._layer_labels:
            plot.removeItem(label)
        sizes = self.geometry_.layer_sizes
        top = max(sizes) / 2.0
        self._layer_labels = []
        for layer in range(len(sizes)):
            label = pg.TextItem(
                layer_label(layer, len(sizes)), color=theme.plot_foreground(), anchor=(0.5, 1)
            )
            label.setPos(layer, top)
            plot.addItem(label)
            self._layer_labels.append(label)
        node_px = float(np.clip(170.0 / max(sizes), 7.0, 16.0))
        self._nodes.setData(self.geometry_.node_x, self.geometry_.node_y, size=node_px)
        self._ring.setSize(node_px + 6)
        self._fit_range()

    def _fit_range(self, *_args) -> None:
        """Frame the graph with ``LABEL_ROOM_PX`` above it for the layer names, whatever
        the view's height (a fixed margin in data units clipped them in a short view)."""
        sizes = self.geometry_.layer_sizes
        top = max(sizes) / 2.0
        share = LABEL_ROOM_PX / max(self._vb.height(), 2.0 * LABEL_ROOM_PX)
        upper = max(top + 0.6, top * (1.0 + share) / (1.0 - share))
        wanted = ((-0.35, len(sizes) - 0.65), (-top, upper))
        if wanted == self._framed:
            return
        self._framed = wanted
        self._vb.setRange(xRange=wanted[0], yRange=wanted[1], padding=0.02)

    def node_count(self) -> int:
        """Number of nodes drawn (for tests and the status line)."""
        return len(self._nodes.data)

    # -- values ----------------------------------------------------------------------------
    def update_values(self, network_input, trace, weights):
        """Fill nodes by activation and re-bucket the connections by weight."""
        sizes = self.geometry_.layer_sizes
        acts = non_input_layers(trace.a, sizes)
        zs = non_input_layers(trace.z, sizes)
        inputs = np.asarray(network_input, dtype=float)
        self._node_values = np.concatenate([inputs] + [np.ravel(a) for a in acts])
        self._node_z = np.concatenate([inputs] + [np.ravel(z) for z in zs])
        self._nodes.setBrush(brushes_for(self._node_values))

        flat = np.concatenate([np.ravel(w) for w in weights]) if weights else np.zeros(0)
        self._flat_weights = flat
        buckets = geo.weight_buckets(flat)
        shown = self._shown_buckets
        same_edges = shown is not None and shown.shape == buckets.shape
        ex, ey = self.geometry_.edge_x, self.geometry_.edge_y
        for bucket, item in enumerate(self._edge_items):
            mask = buckets == bucket
            # An input step moves no weight, and a weight step moves one edge at most
            # into another bucket: re-set only the buckets that gained or lost an edge
            # (each setData costs ~0.08 ms and repaints the item).
            if same_edges and np.array_equal(mask, shown == bucket):
                continue
            if mask.any():
                item.setData(ex[mask].ravel(), ey[mask].ravel())
            else:
                item.setData([], [])
        self._shown_buckets = buckets

    def update_selection(self, selected_weight, neuron_target):
        """Glow under the selected weight and a ring round the selected neuron."""
        g = self.geometry_
        if selected_weight is None:
            self._highlight.setData([], [])
        else:
            hit = np.flatnonzero((g.edge_index == np.asarray(selected_weight)).all(axis=1))
            if hit.size:
                self._highlight.setData(g.edge_x[hit[0]], g.edge_y[hit[0]])
            else:
                self._highlight.setData([], [])
        if neuron_target is None:
            self._ring.setData([], [])
        else:
            layer, unit = neuron_target
            hit = np.flatnonzero((g.node_layer == layer) & (g.node_unit == unit))
            self._ring.setData(g.node_x[hit], g.node_y[hit])

    # -- mouse -----------------------------------------------------------------------------
    def _hit(self, scene_pos):
        """``("node", i)``, ``("edge", i)`` or None for a scene position."""
        if not self._vb.sceneBoundingRect().contains(scene_pos):
            return None
        point = self._vb.mapSceneToView(scene_pos)
        px_w, px_h = self._vb.viewPixelSize()
        x, y = point.x(), point.y()
        node = geo.nearest_node(self.geometry_, x, y, px_w, px_h, NODE_HIT_PX)
        if node is not None:
            return "node", node
        edge = geo.nearest_edge(self.geometry_, x, y, px_w, px_h, EDGE_HIT_PX)
        return None if edge is None else ("edge", edge)

    def describe(self, hit) -> str:
        """Text for the hover line."""
        g = self.geometry_
        kind, index = hit
        n_layers = len(g.layer_sizes)
        if kind == "node":
            layer, unit = int(g.node_layer[index]), int(g.node_unit[index])
            name = unit_label(layer, unit, n_layers)
            if layer == 0:
                return f"{name}: x = {self._node_values[index]:.4g}"
            return f"{name}: z = {self._node_z[index]:.4g}, a = {self._node_values[index]:.4g}"
        layer, out, inp = (int(v) for v in g.edge_index[index])
        return f"weight {weight_label(layer, out, inp, n_layers)} = {self._flat_weights[index]:.4g}"

    def _on_scene_hovered(self, scene_pos):
        hit = self._hit(scene_pos)
        if hit is not None and self._node_values.size:
            text = self.describe(hit)
            self.hover_label.setText(text)
            self.view.setToolTip(text)

    def _on_scene_clicked(self, event):
        if event.button() != QtCore.Qt.MouseButton.LeftButton:
            return
        hit = self._hit(event.scenePos())
        if hit is not None:
            self.select(hit)

    def select(self, hit):
        """Act on a click: select a weight or open a neuron in the builder."""
        kind, index = hit
        g = self.geometry_
        try:
            if kind == "edge":
                self._model.select_weight(*(int(v) for v in g.edge_index[index]))
            elif g.node_layer[index] > 0:
                target = (int(g.node_layer[index]), int(g.node_unit[index]))
                self._model.select_network_neuron(*target)
                self.update_selection(self._model.selected_weight, target)
        except ValueError as error:
            self.hover_label.setText(str(error))

    def view_to_widget(self, x: float, y: float) -> QtCore.QPoint:
        """Widget pixel of the graph viewport for a view coordinate (for tests)."""
        scene = self._vb.mapViewToScene(QtCore.QPointF(x, y))
        return self.view.mapFromScene(scene)
