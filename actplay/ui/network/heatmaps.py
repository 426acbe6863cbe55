"""Heatmaps of every neuron over the input plane (2-input networks only).

All thumbnails are tiled into one float32 mosaic shown by a single
``ImageItem`` (gaps are NaN, drawn transparent); one neuron - the first output
unit unless a thumbnail was clicked - is drawn large in a second ``ImageItem``
with axes, the current input marked on it. Clicking the large map moves the
network input there. Both images use explicit levels and a fixed lookup table,
so a redraw is two ``setImage`` calls.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtWidgets

from actplay.ui import theme
from actplay.ui.network import geometry as geo
from actplay.ui.widgets.diverging import VALUE_LEVELS, DivergingLegend, diverging_lut
from actplay.ui.widgets.light_plot import LightPlotItem
from actplay.ui.widgets.names import layer_label, non_input_layers, unit_label

THUMB_FACTOR = 2  # 100x100 grid -> 50x50 thumbnails: sharp enough at ~40 px, 4x less to draw
TILE_GAP = 4  # px between thumbnails (in mosaic pixels)
RANGE_LIMIT = 1e3  # the range spin boxes' reach; the plane is for looking, not for extremes


class NeuronHeatmaps(QtWidgets.QWidget):
    """Thumbnails of every neuron's activation over the plane, one of them large."""

    def __init__(self, model, parent=None):
        super().__init__(parent)
        self._model = model
        self._counts: tuple = ()
        self._layer_grids: list = []
        self._shown_maps: list = []  # the model's arrays the images were made from
        self._shown_large = None  # (layer, unit) the large image shows
        self.large_target = None  # (layer, unit), layer 1-based; None = first output
        self._shown_plane = None  # (lo, hi) the large map's rect and range were set for
        self._shown_title = None

        self.lo_spin = self._range_spin("network_plane_lo", "Left/bottom edge of the input plane")
        self.hi_spin = self._range_spin("network_plane_hi", "Right/top edge of the input plane")
        self.lo_spin.valueChanged.connect(self._on_range_edited)
        self.hi_spin.valueChanged.connect(self._on_range_edited)
        controls = QtWidgets.QHBoxLayout()
        controls.addWidget(QtWidgets.QLabel("Input plane from"))
        controls.addWidget(self.lo_spin)
        controls.addWidget(QtWidgets.QLabel("to"))
        controls.addWidget(self.hi_spin)
        controls.addStretch(1)
        controls.addWidget(DivergingLegend("activation"))

        self.message = QtWidgets.QLabel(
            "Heatmaps over the input plane need a network with exactly 2 inputs."
        )
        self.message.setWordWrap(True)
        self.plots = pg.GraphicsLayoutWidget()
        self.plots.setObjectName("network_heatmaps")
        self.plots.setBackground("w")
        lut = diverging_lut()

        self.thumb_box = self.plots.addViewBox(row=0, col=0, enableMenu=False)
        self.thumb_box.setMouseEnabled(False, False)
        self.thumb_box.setAspectLocked(True)
        self.thumb_box.invertY(True)  # layer rows top to bottom, like reading order
        self.thumbnails = pg.ImageItem(axisOrder="row-major", lut=lut, levels=VALUE_LEVELS)
        self.thumb_box.addItem(self.thumbnails)
        self._row_labels = []

        self.large_plot = LightPlotItem()  # axes and a title, no plot menu to build
        self.plots.addItem(self.large_plot, row=1, col=0)
        self.large_plot.setMouseEnabled(False, False)
        self.large_plot.hideButtons()
        # No aspect lock: in a wide plot it would widen the x range far past the plane.
        # update_view sets both ranges to the plane, so the map fills its space.
        self.large_plot.setLabel("bottom", "x\u2081")  # inputs are x1, x2, as in the neuron
        self.large_plot.setLabel("left", "x\u2082")
        self.large = pg.ImageItem(axisOrder="row-major", lut=lut, levels=VALUE_LEVELS)
        self.large_plot.addItem(self.large)
        self.marker = pg.ScatterPlotItem(
            size=11, pen=pg.mkPen("k", width=2), brush=pg.mkBrush(255, 255, 255)
        )
        self.large_plot.addItem(self.marker)
        self.plots.ci.layout.setRowStretchFactor(0, 1)
        self.plots.ci.layout.setRowStretchFactor(1, 2)
        self.plots.scene().sigMouseClicked.connect(self._on_clicked)

        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(controls)
        layout.addWidget(self.message)
        layout.addWidget(self.plots, 1)

    @staticmethod
    def _range_spin(name, tooltip):
        spin = QtWidgets.QDoubleSpinBox()
        spin.setObjectName(name)
        spin.setRange(-RANGE_LIMIT, RANGE_LIMIT)
        spin.setDecimals(2)
        spin.setSingleStep(0.5)
        spin.setKeyboardTracking(False)
        spin.setToolTip(tooltip)
        return spin

    # -- model -> view ---------------------------------------------------------------------
    def update_view(self):
        """Redraw from the model (range, heatmaps, marker)."""
        model = self._model
        lo, hi = model.plane_range
        for spin, value in ((self.lo_spin, lo), (self.hi_spin, hi)):
            if spin.value() != value:  # an equal value would still repaint the spin box
                blocker = QtCore.QSignalBlocker(spin)
                spin.setValue(value)
                del blocker
        heatmaps = model.network_heatmaps()
        available = heatmaps is not None
        self.message.setVisible(not available)
        self.plots.setVisible(available)
        if not available:
            return
        sizes = tuple(model.layer_sizes)
        layer_grids = non_input_layers(heatmaps, sizes)
        counts = tuple(len(g) for g in layer_grids)
        if counts != self._counts:
            self._relabel(counts)
        self._layer_grids = layer_grids
        # The model hands out the same cached arrays until the network or the plane
        # changes; a network-input step (2 of the 3 network sliders) changes neither,
        # so the images stay as they are (block means and two setImage: ~1.5 ms).
        same_maps = len(heatmaps) == len(self._shown_maps) and all(
            a is b for a, b in zip(heatmaps, self._shown_maps, strict=True)
        )
        self._shown_maps = heatmaps
        tile = layer_grids[0].shape[-1] // THUMB_FACTOR
        if not same_maps:
            rows = [
                geo.block_mean(np.asarray(g, dtype=np.float32), THUMB_FACTOR) for g in layer_grids
            ]
            self.thumbnails.setImage(geo.tile_mosaic(rows, tile, TILE_GAP), levels=VALUE_LEVELS)
        self._tile = tile

        layer, unit = self._large_target(counts)
        if not same_maps or (layer, unit) != self._shown_large:
            self._shown_large = (layer, unit)
            # Grid row 0 is the top (y = hi); the plot's y axis points up, so flip rows.
            self.large.setImage(
                np.ascontiguousarray(layer_grids[layer - 1][unit][::-1]), levels=VALUE_LEVELS
            )
        if (lo, hi) != self._shown_plane:  # a new rect or range re-lays out the plot
            self._shown_plane = (lo, hi)
            self.large.setRect(QtCore.QRectF(lo, lo, hi - lo, hi - lo))
            self.large_plot.setRange(xRange=(lo, hi), yRange=(lo, hi), padding=0.0)
        title = f"{unit_label(layer, unit, len(sizes))} over the input plane (click to set x)"
        if title != self._shown_title:  # setTitle re-lays out the whole plot, even unchanged
            self._shown_title = title
            self.large_plot.setTitle(title)
        x = model.network_input
        self.marker.setData([x[0]], [x[1]])

    def _large_target(self, counts):
        target = self.large_target
        if target is None or target[0] > len(counts) or target[1] >= counts[target[0] - 1]:
            target = (len(counts), 0)
        return target

    def _relabel(self, counts):
        self._counts = counts
        for label in self._row_labels:
            self.thumb_box.removeItem(label)
        self._row_labels = []
        step = 100 // THUMB_FACTOR + TILE_GAP
        for row in range(len(counts)):
            label = pg.TextItem(
                layer_label(row + 1, len(counts) + 1),
                color=theme.plot_foreground(),
                anchor=(1, 0.5),
            )
            label.setPos(-2, row * step + step / 2 - TILE_GAP)
            self.thumb_box.addItem(label)
            self._row_labels.append(label)

    def large_image(self) -> np.ndarray:
        """The large heatmap as drawn (rows bottom to top) - for tests."""
        return self.large.image

    # -- view -> model ---------------------------------------------------------------------
    def _on_range_edited(self):
        lo, hi = self.lo_spin.value(), self.hi_spin.value()
        try:
            self._model.set_plane_range(lo, hi)
        except ValueError as error:
            self.message.setText(str(error))
            lo, hi = self._model.plane_range
            for spin, value in ((self.lo_spin, lo), (self.hi_spin, hi)):
                blocker = QtCore.QSignalBlocker(spin)
                spin.setValue(value)
                del blocker

    def _on_clicked(self, event):
        if event.button() != QtCore.Qt.MouseButton.LeftButton or not self._counts:
            return
        pos = event.scenePos()
        large_box = self.large_plot.getViewBox()
        if large_box.sceneBoundingRect().contains(pos):
            point = large_box.mapSceneToView(pos)
            self.set_input_at(point.x(), point.y())
        elif self.thumb_box.sceneBoundingRect().contains(pos):
            point = self.thumb_box.mapSceneToView(pos)
            hit = geo.mosaic_tile_at(point.x(), point.y(), self._tile, TILE_GAP, self._counts)
            if hit is not None:
                self.large_target = (hit[0] + 1, hit[1])
                self.update_view()

    def set_input_at(self, x: float, y: float):
        """Move the network input to a point of the plane (clamped to the plane)."""
        lo, hi = self._model.plane_range
        x, y = float(np.clip(x, lo, hi)), float(np.clip(y, lo, hi))
        with self._model.batch():
            self._model.set_network_input(0, x)
            self._model.set_network_input(1, y)
