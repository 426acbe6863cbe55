"""The curve pane's plot: every graphics item created once, updated with ``setData``.

Items: one curve per (function, kind) slot - the main function and up to
``MAX_COMPARE`` comparisons, each with f, f' and f'', made when the function is
first shown (`CurveSlots`) - a pool of shaded
regions for saturated and dead intervals, the neuron's (z, a) marker with its
tangent, a crosshair and zero lines. A change moves or hides these items;
nothing is cleared and re-plotted. The legend is rebuilt only when the set of
shown entries changes (a function added or removed, a kind toggled), never
during a slider drag. The slots, y range and legend entries are worked out in
`plot_content`.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QGraphicsItem, QWidget

from actplay.ui import theme
from actplay.ui.curve.legend import FunctionLegend
from actplay.ui.curve.plot_content import (
    LABEL_BAND,
    CurveSlots,
    colour_index,
    legend_entries,
    shade_colour,
    steady_y_range,
)
from actplay.ui.curve.plot_items import CornerText, EdgeCue, PointMarker, outside_auto_range
from actplay.ui.i18n import translate
from actplay.ui.widgets.light_plot import house_numbers
from actplay.ui.widgets.numbers import format_number

PLOT_MIN_SIZE = (260, 180)  # px: still a readable curve in a 1024x640 window
MAX_REGIONS = 12  # shaded intervals per kind; more than a handful never happens
CURVES_STILL_MS = 300  # ms without a curve change before curves are drawn from a cache
LABEL_BACKDROP_ALPHA = 215  # of 255: the corner numbers stay readable over curves
TANGENT_HALF_WIDTH = 0.12  # of the x range: a tangent long enough to read its slope
# Shading that covers nearly the whole range is noise (a step function is "dead"
# everywhere): it is left off and the legend says so in one line instead.
SHADING_NOISE_SHARE = 0.9
Y_LABELS = {
    False: "f(x)",
    True: translate("curve", "value"),
}  # y axis: f alone, or with its derivatives


class CurvePlot(pg.PlotWidget):
    """The plot of the curve pane.

    Signals
    -------
    compareRemoveRequested(int)
        The user clicked comparison curve ``index`` in the legend.
    xRangeDragged(float, float)
        The user zoomed or panned the x axis to ``(lo, hi)``.
    crosshairMoved(float)
        The mouse is over the plot at data ``x``.
    crosshairLeft()
        The mouse left the plot's data area.
    """

    compareRemoveRequested = Signal(int)
    xRangeDragged = Signal(float, float)
    crosshairMoved = Signal(float)
    crosshairLeft = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, enableMenu=False)
        self.setObjectName("curve_plot")
        self.setMinimumSize(*PLOT_MIN_SIZE)
        plot = self.getPlotItem()
        theme.style_plot(plot, "x", "f(x)")
        house_numbers(plot)
        # A curve step repaints the view's area, and the axes' text overlaps its edges:
        # replaying their tick pictures cost ~0.2 ms a step, a cached pixmap is a copy.
        # A range, label or pen change invalidates the cache (pyqtgraph calls update()).
        for name in ("left", "bottom"):
            plot.getAxis(name).setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        plot.setClipToView(False)
        view = plot.getViewBox()
        view.setMouseMode(pg.ViewBox.PanMode)
        # The y range is set by show_curves (steady_y_range), not by pyqtgraph's auto-range:
        # a range that moves on every drag step redraws both axes and re-lays out the plot.
        view.disableAutoRange(pg.ViewBox.YAxis)

        self.zero_lines = [pg.InfiniteLine(0.0, angle=angle) for angle in (0, 90)]
        for line in self.zero_lines:
            plot.addItem(line, ignoreBounds=True)
        self._y_label = Y_LABELS[False]

        # Shading pools grow to the most intervals shown so far (up to MAX_REGIONS each):
        # region items are slow to build (benchmarks/RESULTS.md), most functions need one
        # or two.
        self.regions = {"saturated": [], "dead": []}

        self.curves = CurveSlots(plot)
        # Curves that keep changing are stroked directly; CURVES_STILL_MS after the last
        # change they are cached again (CurveSlots.set_cached says why).
        self._still_timer = QTimer(self)
        self._still_timer.setSingleShot(True)
        self._still_timer.setInterval(CURVES_STILL_MS)
        self._still_timer.timeout.connect(lambda: self.curves.set_cached(True))
        self.labels: dict[str, str] = {}
        self._shown = None  # the last CurveData shown, for a new stride on a resize or zoom
        self._stride = 1
        self._every_sample = False  # a picture being drawn: no thinning
        view.sigResized.connect(self._on_view_changed)

        # A bare curve item: PlotDataItem's setData (downsampling, clipping, log
        # options) costs twice as much per neuron step for two points.
        self.tangent = pg.PlotCurveItem()
        self.tangent.setSegmentedLineMode("off")
        self.tangent.setZValue(20)
        self.marker = PointMarker(size=11)
        self.marker.setZValue(21)
        for item in (self.tangent, self.marker):
            plot.addItem(outside_auto_range(item), ignoreBounds=True)
            item.setVisible(False)
        # The numbers sit in the plot's lower right corner, where they never leave the view;
        # kept short so they fit a narrow pane.
        self.marker_label = CornerText(plot.getViewBox(), theme.plot_colour("accent"), 9.0)
        self.marker_label.setZValue(22)
        self.marker_label.setVisible(False)
        self.edge_cue = EdgeCue(plot.getViewBox(), 9.0)
        self.edge_cue.setZValue(23)
        self.edge_cue.setVisible(False)

        self.crosshair = pg.InfiniteLine(angle=90, movable=False)
        self.crosshair.setVisible(False)
        plot.addItem(outside_auto_range(self.crosshair), ignoreBounds=True)

        self.legend = FunctionLegend(plot)
        self.legend.removeRequested.connect(self.compareRemoveRequested)
        self.follow_theme()

        self._applying_range = False
        view.sigXRangeChanged.connect(self._on_view_x_range)
        self.scene().sigMouseMoved.connect(self._on_mouse_moved)

    def follow_theme(self) -> None:
        """Every item in the active theme's colours (curves, marker, shading, legend)."""
        for key, item in self.curves.items():
            item.setPen(theme.curve_pen(colour_index(key), key.split(":")[1]))
        accent = theme.plot_colour("accent")
        self.tangent.setPen(theme.pen(accent, theme.CURVE_WIDTH, Qt.PenStyle.DashLine))
        self.marker.setPen(theme.pen(theme.plot_colour("marker_outline"), 1.5))
        self.marker.setBrush(pg.mkBrush(accent))
        self.marker_label.setBrush(pg.mkBrush(accent))
        backdrop = theme.plot_background()
        backdrop.setAlpha(LABEL_BACKDROP_ALPHA)
        self.marker_label.setBackdrop(backdrop)
        self.edge_cue.setBrush(pg.mkBrush(accent))
        self.edge_cue.setBackdrop(backdrop)
        self.crosshair.setPen(theme.pen(theme.plot_colour("crosshair"), 1, Qt.PenStyle.DotLine))
        for line in self.zero_lines:
            line.setPen(theme.pen(theme.plot_colour("zero_line"), 1))
        for kind, pool in self.regions.items():
            for region in pool:
                region.setBrush(pg.mkBrush(shade_colour(kind)))
        self.legend.follow_theme()

    def _region(self, kind: str) -> pg.LinearRegionItem:
        brush = pg.mkBrush(shade_colour(kind))
        region = pg.LinearRegionItem(movable=False, brush=brush, pen=pg.mkPen(None))
        region.setZValue(-10)
        region.setVisible(False)
        self.getPlotItem().addItem(region, ignoreBounds=True)
        return region

    # -- updates ----------------------------------------------------------------
    def _draw_stride(self, x: np.ndarray) -> int:
        """Every how many samples a curve is drawn: about one point per pixel of the view.

        The model samples its x range (the view's: a zoom sets it) at 1001 points; a
        560 px plot draws every second one (exact values of the function, half the path
        to stroke on every drag step).
        """
        width = self.getPlotItem().getViewBox().width()
        if self._every_sample or width <= 0:
            return 1
        return max(1, round(len(x) / width))

    def draw_every_sample(self, on: bool) -> None:
        """Draw all the model's samples (while an exported picture is drawn) or thin
        them to the plot's pixels again."""
        self._every_sample = bool(on)
        if self._shown is not None and self._draw_stride(self._shown.x) != self._stride:
            self.show_curves(self._shown)

    def _on_view_changed(self, *_args) -> None:
        if self._shown is not None and self._draw_stride(self._shown.x) != self._stride:
            self.show_curves(self._shown)

    def show_curves(self, data) -> None:
        """Put a model `CurveData` on screen: curves, shading and legend."""
        self._shown = data
        self.curves.set_cached(False)
        self._still_timer.start()
        self._stride = stride = self._draw_stride(data.x)
        picked = np.arange(0, len(data.x), stride)
        if picked[-1] != len(data.x) - 1:
            picked = np.append(picked, len(data.x) - 1)  # the curve reaches the range's end
        x = data.x[picked] if stride > 1 else data.x
        shown = {series.key: series for series in data.series}
        for key, series in shown.items():
            item = self.curves[key]
            # NaN/inf (a custom function's undefined regions) are gaps, not lines.
            values = series.y[picked] if stride > 1 else series.y
            finite = np.isfinite(values)
            y = values if finite.all() else np.where(finite, values, np.nan)
            item.setData(x, y, connect="finite")
            item.setVisible(True)
        for key, item in self.curves.items():
            if key not in shown:
                item.setVisible(False)
        self.labels = {key: series.label for key, series in shown.items()}
        span = float(data.x[-1] - data.x[0])
        covered = sum(hi - lo for lo, hi in (*data.saturated, *data.dead))
        noise = span > 0 and covered >= SHADING_NOISE_SHARE * span
        shading = {"saturated": data.saturated, "dead": data.dead}
        if noise:
            shading = {"saturated": (), "dead": ()}
        for kind, intervals in shading.items():
            pool = self.regions[kind]
            while len(pool) < min(len(intervals), MAX_REGIONS):
                pool.append(self._region(kind))
            for region, interval in zip(pool, intervals, strict=False):
                region.setRegion(interval)
                region.setVisible(True)
            for region in pool[len(intervals) :]:
                region.setVisible(False)
        self.legend.show_entries(legend_entries(data.series, shading, noise))
        y_label = Y_LABELS[any(series.kind != "f" for series in data.series)]
        if y_label != self._y_label:  # a label change re-lays out the axis: only on a change
            self._y_label = y_label
            self.getPlotItem().getAxis("left").setLabel(y_label)
        self.set_x_range(float(data.x[0]), float(data.x[-1]))
        view = self.getPlotItem().getViewBox()
        current = tuple(view.viewRange()[1])
        wanted = steady_y_range([series.y for series in shown.values()], current, LABEL_BAND)
        if wanted != current:
            view.setYRange(*wanted, padding=0.0)
        # Apply the new view transform now; left to pyqtgraph it runs when the paint starts
        # and re-queues a second full pass of the plot.
        view.updateMatrix()

    def set_x_range(self, lo: float, hi: float) -> None:
        """Show exactly ``lo..hi`` on the x axis (no feedback to `xRangeDragged`)."""
        view = self.getPlotItem().getViewBox()
        current = view.viewRange()[0]
        # Plain floats: np.allclose costs ~60 us, on every drag step.
        if all(
            abs(shown - wanted) <= 1e-12 + 1e-9 * abs(wanted)
            for shown, wanted in zip(current, (lo, hi), strict=True)
        ):
            return
        self._applying_range = True
        try:
            view.setXRange(lo, hi, padding=0.0)
        finally:
            self._applying_range = False

    def show_marker(self, z: float, a: float, slope: float, visible: bool = True) -> None:
        """Mark the neuron's ``(z, a)`` and draw the tangent of slope ``f'(z)``.

        A ``z`` outside the plotted x range gets an arrow with its value at that edge
        instead of a marker nobody can see.
        """
        finite = all(np.isfinite((z, a, slope)))
        lo, hi = self.getPlotItem().getViewBox().viewRange()[0]
        outside = finite and not lo <= z <= hi
        for item in (self.marker, self.tangent):
            item.setVisible(visible and finite and not outside)
        self.marker_label.setVisible(visible and finite)
        if visible and outside:
            side, arrow = ("left", "\u25c0 z = {}") if z < lo else ("right", "z = {} \u25b6")
            self.edge_cue.show_at(side, a, arrow.format(format_number(z)))
        else:
            self.edge_cue.setVisible(False)
        if not (visible and finite):
            return
        half = TANGENT_HALF_WIDTH * (hi - lo)
        tangent_x = np.array([z - half, z + half])
        self.tangent.setData(tangent_x, a + slope * (tangent_x - z))
        self.marker.setData([z], [a])
        # The equation's form: the neuron's a reads "0.63" here and there.
        self.marker_label.setText(
            f"z = {format_number(z)}  a = {format_number(a)}  f\u2032(z) = {format_number(slope)}"
        )

    def show_crosshair(self, x: float | None) -> None:
        """Put the vertical crosshair at ``x`` (None hides it)."""
        self.crosshair.setVisible(x is not None)
        if x is not None:
            self.crosshair.setValue(x)

    def leaveEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        self._leave_crosshair()
        super().leaveEvent(event)

    def _leave_crosshair(self) -> None:
        """The mouse left the data: the crosshair goes and the readout is told."""
        if self.crosshair.isVisible():
            self.show_crosshair(None)
            self.crosshairLeft.emit()

    # -- handlers ---------------------------------------------------------------
    def _on_view_x_range(self, _view, x_range) -> None:
        if not self._applying_range:
            self.xRangeDragged.emit(float(x_range[0]), float(x_range[1]))

    def _on_mouse_moved(self, scene_pos) -> None:
        view = self.getPlotItem().getViewBox()
        if not view.sceneBoundingRect().contains(scene_pos):
            self._leave_crosshair()  # over an axis or the legend: no x to read
            return
        x = float(view.mapSceneToView(scene_pos).x())
        self.show_crosshair(x)
        self.crosshairMoved.emit(x)
