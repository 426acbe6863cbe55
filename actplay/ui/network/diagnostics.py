"""Per-layer diagnostics: a table, a log-scale gradient chart, z/a histograms.

The numbers come from ``model.network_diagnostics()``; the histograms need the
raw z and a over the same batch, which the core network computes here from the
model's weights. Also the note shown when every layer is linear.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtWidgets

from actplay.ui import theme
from actplay.ui.widgets.names import layer_label
from actplay.ui.widgets.numbers import format_number, format_percent, format_range

HIST_STRIDE = 4  # every 4th input of the batch: the same shape for a quarter of the work
HIST_BINS = 24  # enough to show a shape in a 50 px high plot
HIST_ROW_HEIGHT = 64  # px per layer of histograms
GRADIENT_CHART_HEIGHT = 130  # px: tall enough that a 1e-5 product reads as a deep bar
GRADIENT_FLOOR = 1e-12  # log10 of a zero product would be -inf; clip for drawing
COLUMNS = ("layer", "z mean±sd", "a mean±sd", "dead", "sat.", "|f′|", "∏ |f′|")
# grey for z, the diverging map's positive blue for a
Z_PEN, A_PEN = theme.PRE_ACTIVATION_LINE, tuple(int(c) for c in theme.DIVERGING_COLOURS[2][:3])


def table_rows(diagnostics, n_layers):
    """Strings of the diagnostics table, one row per layer."""
    rows = []
    for layer, d in enumerate(diagnostics, start=1):
        rows.append(
            (
                layer_label(layer, n_layers),
                format_range(_denoised(d.z_mean), d.z_std),
                format_range(_denoised(d.a_mean), d.a_std),
                format_percent(d.dead_fraction),
                format_percent(d.saturated_fraction),
                format_number(d.mean_abs_derivative, significant=3),
                format_number(d.gradient_product, significant=3),
            )
        )
    return rows


def _denoised(value: float) -> float:
    """Round-off noise near zero (a mean of 1e-17) as the 0 it is."""
    return 0.0 if abs(value) < 5e-10 else value


def _vector(values) -> str:
    """A vector or matrix as ``[a, b; c, d]`` in the house number form."""
    rows = np.atleast_2d(np.asarray(values, dtype=float))
    return (
        "["
        + "; ".join(", ".join(format_number(v, significant=4) for v in row) for row in rows)
        + "]"
    )


def linear_note_text(equivalent, network_input, network_output) -> str:
    """Rich text explaining that an all-identity network is one linear layer."""
    weights, bias = (np.atleast_2d(equivalent[0]), np.ravel(equivalent[1]))
    x = np.asarray(network_input, dtype=float)
    collapsed = weights @ x + bias
    return (
        "<b>Every layer is linear (identity)</b>, so the whole stack is one linear layer "
        f"y = W x + b with<br>W = {_vector(weights)}<br>"
        f"b = {_vector(bias)}<br>"
        f"For the current input W x + b = {_vector(collapsed)}, "
        f"the network gives {_vector(np.ravel(network_output))}."
    )


class LayerDiagnosticsView(QtWidgets.QWidget):
    """Table, gradient chart and histograms of the model's per-layer diagnostics."""

    def __init__(self, model, parent=None):
        super().__init__(parent)
        self._model = model
        self.table = QtWidgets.QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("network_diagnostics_table")
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(
            QtWidgets.QHeaderView.ResizeMode.ResizeToContents
        )
        self.table.setToolTip(
            "Over a grid of inputs spanning the input plane. Dead: the unit outputs 0 with zero "
            "slope for every input. Sat. (saturated): |f′| below the threshold for every input. "
            "|f′|: mean slope; ∏ |f′|: its running product, how much gradient the slopes "
            "let through down to this layer."
        )

        self.charts = pg.GraphicsLayoutWidget()
        self.charts.setObjectName("network_diagnostics_charts")
        self.charts.setBackground(theme.plot_background())
        self._hist_items: list = []
        self._gradient_bars = None
        self._product_bars = None
        self._n_layers = 0

        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addWidget(self.charts, 1)

    def _rebuild(self, n_layers):
        self._n_layers = n_layers
        self.charts.clear()
        self._hist_items = []
        plot = self.charts.addPlot(row=0, col=0, colspan=2, enableMenu=False)
        plot.setMouseEnabled(False, False)
        plot.hideButtons()
        plot.setTitle("log\u2081\u2080 mean |f\u2032| (grey) and its running product (blue)")
        plot.getAxis("bottom").setTicks(
            [[(i, layer_label(i, n_layers)) for i in range(1, n_layers)]]
        )
        plot.addLine(y=0, pen=pg.mkPen(theme.BASELINE_COLOUR))
        x = np.arange(1, n_layers, dtype=float)
        self._gradient_bars = pg.BarGraphItem(x=x - 0.18, height=x * 0, width=0.34, brush=Z_PEN)
        self._product_bars = pg.BarGraphItem(x=x + 0.18, height=x * 0, width=0.34, brush=A_PEN)
        plot.addItem(self._gradient_bars)
        plot.addItem(self._product_bars)
        for layer in range(1, n_layers):
            row = []
            for col, (name, pen) in enumerate((("z", Z_PEN), ("a", A_PEN))):
                hist = self.charts.addPlot(row=layer, col=col, enableMenu=False)
                hist.setMouseEnabled(False, False)
                hist.hideButtons()
                hist.hideAxis("left")
                hist.getAxis("bottom").setHeight(14)
                if col == 0:
                    hist.setTitle(f"{layer_label(layer, n_layers)}: {name}", size="8pt")
                else:
                    hist.setTitle(name, size="8pt")
                curve = hist.plot(
                    [0, 1],
                    [0],
                    stepMode="center",
                    fillLevel=0,
                    pen=pg.mkPen(pen),
                    brush=pg.mkBrush(*pen, 90),
                )
                row.append(curve)
            self._hist_items.append(row)
        grid = self.charts.ci.layout
        grid.setRowFixedHeight(0, GRADIENT_CHART_HEIGHT)
        for layer in range(1, n_layers):
            grid.setRowFixedHeight(layer, HIST_ROW_HEIGHT)
        self.charts.setMinimumHeight(GRADIENT_CHART_HEIGHT + 10 + HIST_ROW_HEIGHT * (n_layers - 1))

    def update_view(self):
        """Redraw table, gradient chart and histograms from the model."""
        model = self._model
        sizes = tuple(model.layer_sizes)
        diagnostics = model.network_diagnostics()
        if len(sizes) != self._n_layers:
            self._rebuild(len(sizes))
        rows = table_rows(diagnostics, len(sizes))
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                item = self.table.item(r, c)
                if item is None:
                    item = QtWidgets.QTableWidgetItem()
                    item.setTextAlignment(QtCore.Qt.AlignmentFlag.AlignCenter)
                    self.table.setItem(r, c, item)
                item.setText(text)
        self.table.setFixedHeight(
            self.table.horizontalHeader().height()
            + 4
            + sum(self.table.rowHeight(r) for r in range(len(rows)))
        )
        slopes = np.array([d.mean_abs_derivative for d in diagnostics])
        products = np.array([d.gradient_product for d in diagnostics])
        self._gradient_bars.setOpts(height=np.log10(np.maximum(slopes, GRADIENT_FLOOR)))
        self._product_bars.setOpts(height=np.log10(np.maximum(products, GRADIENT_FLOOR)))
        self._update_histograms(model)

    def _update_histograms(self, model):
        trace = model.network().forward(diagnostic_batch(model)[::HIST_STRIDE])
        for row, z, a in zip(self._hist_items, trace.z, trace.a, strict=True):
            for curve, values in zip(row, (z, a), strict=True):
                counts, edges = histogram(np.ravel(values))
                curve.setData(edges, counts)

    def shown_rows(self):
        """The table's text, row by row (for tests)."""
        return [
            tuple(self.table.item(r, c).text() for c in range(self.table.columnCount()))
            for r in range(self.table.rowCount())
        ]


def histogram(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Counts and edges of ``values`` in `HIST_BINS` bins, even when they barely differ.

    numpy refuses a range whose bins would be narrower than the float spacing
    at its magnitude (a saturated layer: every value ~1e20, or 1e6 plus noise);
    then the bins span a range just wide enough around the values' centre.
    """
    try:
        return np.histogram(values, bins=HIST_BINS)
    except ValueError:
        centre = values.min() / 2 + values.max() / 2  # halves first: no overflow near 1e308
        half_width = max(abs(centre), 1.0) * 1e-9 * HIST_BINS
        return np.histogram(
            values, bins=HIST_BINS, range=(centre - half_width, centre + half_width)
        )


def diagnostic_batch(model) -> np.ndarray:
    """The inputs the model's diagnostics run over, so the histograms match the table."""
    # The model keeps this batch private; asking it (not rebuilding the batch here) keeps
    # one definition of "the diagnostic inputs".
    return model._diagnostic_batch()
