"""The race's curves: test and train loss (or accuracy) of every contestant, overlaid.

One colour per contestant; the test curve is solid, the train curve dashed, and
with several seeds each line is the median over the seeds with a faint band
from the lowest to the highest seed (test only, so the picture stays
readable). Every item is created once and updated with ``setData``; curves are
drawn as one path each (``segmentedLineMode='off'``), so an SVG export holds a
handful of paths, not thousands of segments.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtGui

from actplay.core.race_limits import MAX_CONTESTANTS
from actplay.core.race_summary import spread
from actplay.ui import theme
from actplay.ui.i18n import translate
from actplay.ui.race.colours import contestant_colour

BAND_ALPHA = 45  # of 255: the spread band is a tint, the median line the statement
# Points drawn per curve: a long race is thinned to every k-th epoch for the screen;
# twelve noisy 1000-point curves made one repaint of the pane far longer than a frame
# (benchmarks/RESULTS.md, Activation race).
MAX_DRAWN = 300
LEGEND_ALPHA = 215  # of 255: the legend's backdrop
KINDS = ("loss", "accuracy")
# While the race runs the axes move in steps, not with every update: a range that
# changed re-laid out both axes and their grid and painted the plot twice, several
# times the cost of a paint with the range left alone (benchmarks/RESULTS.md, "Costs
# the code relies on").
STEADY_ROOM = 0.25  # a y range that must change takes this share of the data's span more
STEADY_FILL = 0.5  # ... and shrinks once the data fills less than this share of it


def _pen(colour: str, dashed: bool = False, width: float = theme.CURVE_WIDTH) -> QtGui.QPen:
    style = QtCore.Qt.PenStyle.DashLine if dashed else QtCore.Qt.PenStyle.SolidLine
    return theme.pen(colour, width, style)


def nice_ceiling(value: float) -> float:
    """The smallest 1, 2 or 5 times a power of ten at or above ``value`` (> 0)."""
    power = 10.0 ** math.floor(math.log10(value))
    return next(m * power for m in (1, 2, 5, 10) if m * power >= value)


def steady_span(current, low: float, high: float, floor: float | None = None):
    """``current`` (lo, hi) while the data ``low..high`` fits it and fills at least
    ``STEADY_FILL`` of it; else a new span with ``STEADY_ROOM`` to spare (never below
    ``floor``)."""
    if current is not None:
        lo, hi = current
        if lo <= low and high <= hi and high - low >= STEADY_FILL * (hi - lo):
            return current
    room = STEADY_ROOM * ((high - low) or max(abs(high), 1e-3))
    lo = low - room
    return (lo if floor is None else max(lo, floor), high + room)


def _finite_end(values: np.ndarray) -> int:
    """Length of ``values`` up to its last finite entry (a band must not run into NaN)."""
    finite = np.flatnonzero(np.isfinite(values))
    return int(finite[-1]) + 1 if finite.size else 0


class _Contestant:
    """The items of one contestant: test and train medians, the test band."""

    def __init__(self, plot, index: int) -> None:
        self.index = index
        self.test = pg.PlotDataItem(connect="finite")
        self.train = pg.PlotDataItem(connect="finite")
        self.low = pg.PlotCurveItem(pen=pg.mkPen(None))
        self.high = pg.PlotCurveItem(pen=pg.mkPen(None))
        self.band = pg.FillBetweenItem(self.low, self.high)
        for item in (self.test, self.train):
            item.curve.setSegmentedLineMode("off")
        for item in (self.band, self.low, self.high, self.train, self.test):
            plot.addItem(item)
        self.items = (self.test, self.train, self.low, self.high, self.band)
        self.follow_theme()

    def follow_theme(self) -> None:
        """Pens and band in the contestant's colour of the active theme."""
        colour = contestant_colour(self.index)
        self.test.setPen(_pen(colour))
        self.train.setPen(_pen(colour, dashed=True, width=1))
        tint = QtGui.QColor(colour)
        tint.setAlpha(BAND_ALPHA)
        self.band.setBrush(pg.mkBrush(tint))

    def show(self, on: bool) -> None:
        for item in self.items:
            item.setVisible(on)

    def set_antialias(self, on: bool) -> None:
        for item in (self.test, self.train):
            if item.opts["antialias"] != on:
                item.opts["antialias"] = on
                item.curve.opts["antialias"] = on
                item.curve.update()


class CurvesPlot(pg.PlotItem):
    """Overlaid curves of every contestant of a race record (a plot item: the pane's
    widget and the exported figure both hold one).

    ``kind`` is ``"loss"`` or ``"accuracy"``; ``log_y`` puts losses on a log axis.
    """

    def __init__(self) -> None:
        super().__init__()
        self.setMenuEnabled(False)
        self.hideButtons()
        self.setMouseEnabled(False, False)
        self.showGrid(x=True, y=True, alpha=0.15)
        self.setLabel("bottom", translate("race", "epoch"))
        for side in ("left", "bottom"):
            self.getAxis(side).enableAutoSIPrefix(False)
        self.legend = self.addLegend(offset=(-8, 8), labelTextSize="8pt")
        self.lines = [_Contestant(self, i) for i in range(MAX_CONTESTANTS)]
        self.kind = "loss"
        self.log_y = False
        self._labels: tuple = ()
        self._record = None
        self.steady = False  # axes in steps (running) or fitted to the data
        self._steady = None  # (x end, (y lo, y hi)) last set while steady
        self._set_axis_label()
        self._legend_colours()

    def follow_theme(self) -> None:
        """Lines, bands and legend in the active theme's colours (axes follow by themselves)."""
        for line in self.lines:
            line.follow_theme()
        self._legend_colours()

    def _legend_colours(self) -> None:
        self.legend.setLabelTextColor(theme.plot_foreground())
        for _sample, label in self.legend.items:
            label.setText(label.text)  # a label takes its colour when its text is set
        backdrop = QtGui.QColor(theme.plot_background())
        backdrop.setAlpha(LEGEND_ALPHA)  # curves stay visible behind it, the words readable
        self.legend.setBrush(pg.mkBrush(backdrop))

    def set_kind(self, kind: str) -> None:
        """Show ``"loss"`` or ``"accuracy"``."""
        if kind not in KINDS:
            raise ValueError(f"kind must be one of {', '.join(KINDS)}, got {kind!r}")
        if kind != self.kind:
            self.kind = kind
            self._set_axis_label()
            self._redraw()

    def set_log_y(self, on: bool) -> None:
        """Log scale for losses (accuracy stays linear)."""
        if bool(on) != self.log_y:
            self.log_y = bool(on)
            self._redraw()

    def _set_axis_label(self) -> None:
        self.setLabel(
            "left",
            translate("race", "loss") if self.kind == "loss" else translate("race", "accuracy"),
        )

    def set_record(self, record) -> None:
        """Draw a :class:`~actplay.core.race_record.RaceRecord` (or nothing for None),
        thinned to at most :data:`MAX_DRAWN` epochs."""
        self._record = record.thinned(MAX_DRAWN) if record is not None else None
        self._redraw()

    def set_antialias(self, on: bool) -> None:
        """Smooth lines (paused, finished, exported) or fast ones (while the race runs:
        a third of the drawing time)."""
        for line in self.lines:
            line.set_antialias(bool(on))

    def set_steady(self, on: bool) -> None:
        """Axes that move in steps (while the race runs) or fit the data (the next draw)."""
        self.steady = bool(on)

    def _redraw(self) -> None:
        record = self._record
        log = self.log_y and self.kind == "loss"
        self.setLogMode(x=False, y=log)
        if record is None:
            for line in self.lines:
                line.show(False)
            self._set_legend(())
            return
        test_name, train_name = (
            ("test_loss", "train_loss")
            if self.kind == "loss"
            else ("test_accuracy", "train_accuracy")
        )
        epochs = record.epochs
        test_median, test_low, test_high = spread(record.curve(test_name))
        train_median, _, _ = spread(record.curve(train_name))
        several = len(record.seeds) > 1
        drawn = []
        for c, line in enumerate(self.lines):
            shown = c < len(record.labels)
            line.show(shown)
            if not shown:
                continue
            line.test.setData(epochs, test_median[c])
            line.train.setData(epochs, train_median[c])
            drawn += [test_median[c], train_median[c]]
            end = _finite_end(test_low[c]) if several else 0
            line.band.setVisible(end > 1)
            if end > 1:
                low, high = test_low[c, :end], test_high[c, :end]
                if log:
                    low, high = np.log10(np.maximum(low, 1e-12)), np.log10(np.maximum(high, 1e-12))
                line.low.setData(epochs[:end], low)
                line.high.setData(epochs[:end], high)
                drawn += [test_low[c, :end], test_high[c, :end]]
        self._set_legend(record.labels)
        if self.steady:
            self._steady_range(epochs, drawn, log)
        else:
            self._steady = None
            self.enableAutoRange()

    def _steady_range(self, epochs, drawn, log: bool) -> None:
        values = np.concatenate(drawn) if drawn else np.zeros(0)
        values = values[np.isfinite(values)]
        if log:
            values = np.log10(np.maximum(values[values > 0], 1e-12))
        x_end = nice_ceiling(max(float(epochs[-1]), 1.0))
        before = self._steady if self._steady is not None else (None, None)
        y_span = before[1]
        if values.size:
            floor = 0.0 if not log and values.min() >= 0 else None
            y_span = steady_span(y_span, float(values.min()), float(values.max()), floor)
        if (x_end, y_span) == before:
            return
        self.disableAutoRange()
        if x_end != before[0]:
            self.setXRange(0, x_end, padding=0.02)
        if y_span is not None and y_span != before[1]:
            self.setYRange(*y_span, padding=0)
        self._steady = (x_end, y_span)

    def _set_legend(self, labels) -> None:
        if tuple(labels) == self._labels:
            return
        self._labels = tuple(labels)
        self.legend.clear()
        for line, label in zip(self.lines, labels, strict=False):
            self.legend.addItem(line.test, label)
        if labels:
            self.legend.addItem(_KeySample(), "dashed: train \u00b7 solid: test")


class RaceCurves(pg.PlotWidget):
    """The pane's widget around a :class:`CurvesPlot` (``plot``; its ``lines``)."""

    def __init__(self, parent=None) -> None:
        self.plot = CurvesPlot()
        super().__init__(parent, plotItem=self.plot)
        self.setObjectName("race_curves")
        self.setBackground(theme.plot_background())
        self.lines = self.plot.lines
        self.set_kind = self.plot.set_kind
        self.set_log_y = self.plot.set_log_y
        self.set_record = self.plot.set_record
        self.set_antialias = self.plot.set_antialias
        self.set_steady = self.plot.set_steady
        self.follow_theme = self.plot.follow_theme  # theme.apply_theme calls it


class _KeySample(pg.PlotDataItem):
    """An empty legend sample: the line-style key is text only."""

    def __init__(self) -> None:
        super().__init__(pen=pg.mkPen(None))
