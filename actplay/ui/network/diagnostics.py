"""Per-layer diagnostics: a table, a gradient chart on a fixed log scale, z/a histograms.

The gradient chart's scale never moves (10⁰ at the top, 10⁻⁶ at the bottom,
each decade labelled), so a deep sigmoid network, whose gradient product falls
to 10⁻⁵, looks different at a glance from a deep ReLU one that keeps 10⁻¹:
an auto-scaled chart drew both as the same staircase.

The numbers come from ``model.network_diagnostics()``; the histograms need the
raw z and a over the same batch, which the core network computes here from the
model's weights. Also the note shown when every layer is linear.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtWidgets

from actplay.ui import theme
from actplay.ui.i18n import translate
from actplay.ui.widgets.light_plot import house_numbers
from actplay.ui.widgets.names import layer_label
from actplay.ui.widgets.numbers import (
    format_number,
    format_percent,
    format_range,
    superscript,
)

HIST_STRIDE = 4  # every 4th input of the batch: the same shape for a quarter of the work
HIST_BINS = 24  # enough to show a shape in a 50 px high plot
HIST_ROW_HEIGHT = 64  # px per layer of histograms
GRADIENT_CHART_HEIGHT = 180  # px: seven labelled decades, each ~20 px apart
LOWEST_DECADE = -6  # the chart's floor, 10⁻⁶: a smaller gradient is as good as none
DECADES = range(0, LOWEST_DECADE - 1, -1)  # 10⁰ .. 10⁻⁶, each a labelled tick
Y_RANGE = (LOWEST_DECADE - 0.3, 0.25)  # log10 units: the floor and a little headroom
COLUMNS = ("layer", "\u220f |f\u2032|", "|f\u2032|", "dead", "sat.")
COLUMN_TIPS = (
    "The layer",
    "Running product of the mean slopes from the input to this layer: how much of a "
    "gradient the slopes let through",
    "Mean slope |f\u2032| of the layer's units over the input plane",
    "Share of units that output 0 with zero slope for every input",
    "Share of units whose |f\u2032| is below the threshold for every input",
)
TITLE = translate("network", "|f\u2032| (grey) and \u220f |f\u2032| (dark), log scale")


def table_rows(diagnostics, n_layers):
    """Strings of the diagnostics table, one row per layer."""
    rows = []
    for layer, d in enumerate(diagnostics, start=1):
        rows.append(
            (
                layer_label(layer, n_layers),
                format_number(d.gradient_product, significant=3),
                format_number(d.mean_abs_derivative, significant=3),
                format_percent(d.dead_fraction),
                format_percent(d.saturated_fraction),
            )
        )
    return rows


def decade_heights(values) -> np.ndarray:
    """Bar heights on the chart's fixed scale: log10 of ``values``, floored at 10⁻⁶."""
    values = np.asarray(values, dtype=float)
    return np.log10(np.maximum(values, 10.0**LOWEST_DECADE))


def _bar_colours() -> tuple:
    """(mean slope, running product): grey and the plot's ink, never a sign colour."""
    return pg.mkColor(theme.PRE_ACTIVATION_FILL), theme.plot_foreground()


def _translucent(colour):
    colour = pg.mkColor(colour)
    colour.setAlpha(90)
    return colour


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
        for column, tip in enumerate(COLUMN_TIPS):
            self.table.horizontalHeaderItem(column).setToolTip(tip)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QtWidgets.QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        # Five short columns fit the narrowest dock: never a scroll bar hiding the key one.
        self.table.setHorizontalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setVerticalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setSizeAdjustPolicy(
            QtWidgets.QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents
        )
        self.table.setToolTip(
            translate(
                "network",
                "Over a grid of inputs spanning the input plane. \u220f |f\u2032|: the running "
                "product of the mean slopes, how much gradient reaches this layer's inputs. Dead: "
                "the unit outputs 0 with zero slope for every input. Sat. (saturated): |f\u2032| "
                "below the threshold for every input.",
            )
        )

        self.charts = pg.GraphicsLayoutWidget()
        self.charts.setObjectName("network_diagnostics_charts")
        self._hist_items: list = []
        self._hist_titles: list = []
        self._gradient_plot = None
        self._gradient_bars = None
        self._product_bars = None
        self._n_layers = 0

        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addWidget(self.charts, 1)
        self.follow_theme()

    def follow_theme(self) -> None:
        """Background, bars and histograms in the active theme's colours."""
        self.charts.setBackground(theme.plot_background())
        slope, product = _bar_colours()
        if self._gradient_bars is not None:
            self._gradient_bars.setOpts(brush=slope, pen=None)
            self._product_bars.setOpts(brush=product, pen=None)
        for row in self._hist_items:
            for curve, colour in zip(row, (slope, product), strict=True):
                curve.setPen(pg.mkPen(colour))
                curve.setBrush(pg.mkBrush(_translucent(colour)))

    def _rebuild(self, n_layers):
        self._n_layers = n_layers
        self.charts.clear()
        self._hist_items, self._hist_titles = [], []
        plot = self.charts.addPlot(row=0, col=0, colspan=2, enableMenu=False)
        plot.setMouseEnabled(False, False)
        plot.hideButtons()
        plot.setTitle(TITLE, size="9pt")
        plot.getAxis("bottom").setTicks(
            [[(i, layer_label(i, n_layers)) for i in range(1, n_layers)]]
        )
        plot.getAxis("left").setTicks([[(d, f"10{superscript(d)}") for d in DECADES]])
        plot.setYRange(*Y_RANGE, padding=0)
        plot.setXRange(0.4, n_layers - 0.4, padding=0)
        plot.addLine(y=0, pen=pg.mkPen(theme.BASELINE_COLOUR))
        x = np.arange(1, n_layers, dtype=float)
        slope, product = _bar_colours()
        self._gradient_bars = pg.BarGraphItem(x=x - 0.18, height=x * 0, width=0.34, brush=slope)
        self._product_bars = pg.BarGraphItem(x=x + 0.18, height=x * 0, width=0.34, brush=product)
        plot.addItem(self._gradient_bars)
        plot.addItem(self._product_bars)
        self._gradient_plot = plot
        for layer in range(1, n_layers):
            row, titles = [], []
            for col, colour in enumerate((slope, product)):
                hist = self.charts.addPlot(row=layer, col=col, enableMenu=False)
                hist.setMouseEnabled(False, False)
                hist.hideButtons()
                hist.hideAxis("left")
                hist.getAxis("bottom").setHeight(14)
                house_numbers(hist, axes=("bottom",))
                hist.setTitle(" ", size="8pt")
                curve = hist.plot(
                    [0, 1],
                    [0],
                    stepMode="center",
                    fillLevel=0,
                    pen=pg.mkPen(colour),
                    brush=pg.mkBrush(_translucent(colour)),
                )
                row.append(curve)
                titles.append(hist)
            self._hist_items.append(row)
            self._hist_titles.append(titles)
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
        self._gradient_bars.setOpts(height=decade_heights(slopes))
        self._product_bars.setOpts(height=decade_heights(products))
        for titles, d, layer in zip(
            self._hist_titles, diagnostics, range(1, len(sizes)), strict=True
        ):
            name = layer_label(layer, len(sizes))
            titles[0].setTitle(f"{name} z {format_range(_denoised(d.z_mean), d.z_std)}", size="8pt")
            titles[1].setTitle(f"a {format_range(_denoised(d.a_mean), d.a_std)}", size="8pt")
        self._update_histograms(model)

    def _update_histograms(self, model):
        trace = model.network().forward(diagnostic_batch(model)[::HIST_STRIDE])
        for row, z, a in zip(self._hist_items, trace.z, trace.a, strict=True):
            for curve, values in zip(row, (z, a), strict=True):
                counts, edges = histogram(np.ravel(values))
                curve.setData(edges, counts)

    def gradient_heights(self) -> tuple[np.ndarray, np.ndarray]:
        """The drawn bar heights in decades, ``(mean slopes, products)`` (for tests)."""
        return (
            np.asarray(self._gradient_bars.opts["height"], dtype=float),
            np.asarray(self._product_bars.opts["height"], dtype=float),
        )

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
