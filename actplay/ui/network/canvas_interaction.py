"""What is where on the network canvas, and what the pointer and keys do there:
hit testing, the points tests and tools click at, the hover card and tile zoom,
and the click that selects a weight, opens a unit or switches a feature.

A mixin of `NetworkCanvas`; it acts on the model, never on the picture.
"""

from __future__ import annotations

import numpy as np
from PySide6 import QtCore

from actplay.core import datasets
from actplay.core.grid import feature_planes
from actplay.ui.i18n import translate
from actplay.ui.network import canvas_layout as geo
from actplay.ui.network.canvas_overlays import ZOOM_MAP_PX
from actplay.ui.widgets.names import unit_label, weight_label
from actplay.ui.widgets.numbers import format_number


class CanvasInteraction:
    """The pointer and key half of `NetworkCanvas`."""

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
            return translate("network", "Weight {name} is {value}.\nClick to edit it.").format(
                name=name, value=value
            )
        _kind, column, row = hit
        if column == 0:
            name, title, on = self._inputs[row]
            if not self._plane_mode:
                value = format_number(self.model.network_input[row], 3)
                return translate("network", "Input {title} = {value}").format(
                    title=title, value=value
                )
            if on:
                return translate("network", "Feature {title}, on: click to switch it off.").format(
                    title=title
                )
            return translate("network", "Feature {title}, off: click to feed it in.").format(
                title=title
            )
        bias = format_number(self._net.biases[column - 1][row], 3)
        trace = self.model.network_trace()
        z, a = trace.z[column - 1][row], trace.a[column - 1][row]
        return translate(
            "network",
            "{unit}: bias {bias}\nat the current input: z = {z}, a = {a}\n"
            "Click to open it in the neuron builder.",
        ).format(
            unit=unit_label(column, row, n_layers),
            bias=bias,
            z=format_number(z, 3),
            a=format_number(a, 3),
        )

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
