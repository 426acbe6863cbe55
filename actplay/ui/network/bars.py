"""Each layer's z and a for the current input as bar rows, and the output as numbers.

One small plot per layer holds two ``BarGraphItem``s (z and a side by side for
every unit); they are created when the layer sizes change and only get
``setOpts`` on a redraw.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtWidgets

from actplay.ui import theme
from actplay.ui.i18n import translate
from actplay.ui.widgets.diverging import brushes_for
from actplay.ui.widgets.held_size import SteadyLabel
from actplay.ui.widgets.light_plot import house_numbers
from actplay.ui.widgets.names import layer_label, non_input_layers
from actplay.ui.widgets.numbers import format_number, format_percent

ROW_HEIGHT = 62  # px per layer row: readable bars, seven layers still fit a tab
BAR_WIDTH = 0.38  # of one unit slot; z left of centre, a right of it


class LayerBars(QtWidgets.QWidget):
    """Bar rows of z (grey) and a (diverging colour) per non-input layer, plus outputs."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.plots = pg.GraphicsLayoutWidget()
        self.plots.setObjectName("network_bars")
        self.plots.setBackground(theme.plot_background())
        self.plots.ci.setContentsMargins(2, 2, 2, 2)
        self.plots.ci.setSpacing(1)
        self.output_frame = SteadyLabel()  # re-texted on every step: lays out only itself
        self.output_label = self.output_frame.label
        self.output_label.setObjectName("network_outputs")
        self.output_label.setTextFormat(QtCore.Qt.TextFormat.RichText)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        caption = QtWidgets.QLabel(
            translate("network", "z (grey) and a (coloured) of every unit for the current input:")
        )
        caption.setObjectName("network_bars_caption")
        caption.setWordWrap(True)  # unwrapped it held the tab ~360 px wide: a narrow dock scrolled
        layout.addWidget(caption)
        layout.addWidget(self.plots, 1)
        layout.addWidget(self.output_frame)
        self.z_bars: list[pg.BarGraphItem] = []
        self.a_bars: list[pg.BarGraphItem] = []
        self._sizes = ()

    def rebuild(self, layer_sizes):
        """Create one plot row per non-input layer (only when sizes change)."""
        self._sizes = tuple(layer_sizes)
        self.plots.clear()
        self.z_bars, self.a_bars = [], []
        n_layers = len(self._sizes)
        for layer in range(1, n_layers):
            units = np.arange(self._sizes[layer], dtype=float)
            plot = self.plots.addPlot(row=layer - 1, col=0, enableMenu=False)
            plot.setMouseEnabled(False, False)
            plot.hideButtons()
            plot.setLabel("left", layer_label(layer, n_layers))
            plot.getAxis("left").setWidth(46)
            # Units counted from 1 on screen, as on the canvas and in the neuron builder.
            plot.getAxis("bottom").setTicks([[(u, str(int(u) + 1)) for u in units]])
            house_numbers(plot)
            plot.getAxis("bottom").setHeight(16)
            plot.setXRange(-0.6, max(len(units), 4) - 0.4, padding=0)
            plot.addLine(y=0, pen=pg.mkPen(theme.BASELINE_COLOUR))
            zeros = np.zeros_like(units)
            z_item = pg.BarGraphItem(
                x=units - BAR_WIDTH / 2,
                height=zeros,
                width=BAR_WIDTH,
                brush=theme.PRE_ACTIVATION_FILL,
                pen=None,
            )
            a_item = pg.BarGraphItem(
                x=units + BAR_WIDTH / 2,
                height=zeros,
                width=BAR_WIDTH,
                brush=theme.PRE_ACTIVATION_FILL,
                pen=None,
            )
            plot.addItem(z_item)
            plot.addItem(a_item)
            self.z_bars.append(z_item)
            self.a_bars.append(a_item)
        self.plots.setMinimumHeight(ROW_HEIGHT * max(1, n_layers - 1))

    def update_values(self, trace, output_is_softmax: bool):
        """Set bar heights from the trace and write the output numbers."""
        zs = non_input_layers(trace.z, self._sizes)
        acts = non_input_layers(trace.a, self._sizes)
        for z_item, a_item, z, a in zip(self.z_bars, self.a_bars, zs, acts, strict=True):
            z, a = np.ravel(z), np.ravel(a)
            z_item.setOpts(height=z)
            a_item.setOpts(height=a, brushes=brushes_for(a))
            limit = max(1.0, float(np.max(np.abs(np.concatenate([z, a])))))
            z_item.getViewBox().setYRange(-limit, limit, padding=0.05)
        self.output_label.setText(output_text(np.ravel(acts[-1]), output_is_softmax))

    def output_values(self) -> list:
        """Bar heights currently drawn, ``(z, a)`` per layer (for tests)."""
        return [
            (np.asarray(z.opts["height"]), np.asarray(a.opts["height"]))
            for z, a in zip(self.z_bars, self.a_bars, strict=True)
        ]


def output_text(outputs: np.ndarray, softmax: bool) -> str:
    """The output layer as rich text: values, or class probabilities for softmax."""
    if softmax:
        best = int(np.argmax(outputs))
        parts = [
            f"{'<b>' if i == best else ''}class {i + 1}: {format_number(p)} "
            f"({format_percent(p)}){'</b>' if i == best else ''}"
            for i, p in enumerate(outputs)
        ]
        return "Class probabilities (softmax): " + ", ".join(parts)
    return "Output: " + ", ".join(
        f"y<sub>{i + 1}</sub> = {format_number(v)}" for i, v in enumerate(outputs)
    )
