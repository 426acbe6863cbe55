"""A bar chart of the neuron's sum: one bar per term w_i·x_i, then the bias, then z.

Positive bars are blue and negative ones orange (the theme's diverging map), so
a user sees at a glance which input pushes the neuron on and which holds it
back. The plot holds one ``BarGraphItem`` created once; a redraw only calls
``setOpts``. The value labels above the bars are rebuilt only when the number
of inputs changes, and the y range changes only when the bars outgrow it or
shrink well inside it (a drag then repaints the bars, not the axis).
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import shiboken6
from PySide6 import QtCore, QtGui

from actplay.ui import theme
from actplay.ui.i18n import translate
from actplay.ui.widgets.light_plot import LightPlotWidget, house_numbers
from actplay.ui.widgets.numbers import FIXED_MIN, format_number

BAR_WIDTH = 0.7  # of one slot: clear gaps between neighbouring terms
# px: small bars readable next to big ones, and the whole neuron dock in 800 px; the
# chart asks for its lowest height and grows into what the dock has to spare
CHART_HEIGHT = (120, 260)
TERM_PEN = pg.mkPen(None)
SUM_PEN_WIDTH = 1.5  # px: an outline marks z as the total, not a term
Y_RANGE_HEADROOM = 0.15  # of the bars' span, added on a refit: a drag rarely crosses it
Y_RANGE_SLACK = 2.2  # refit once the range is this many times what the bars need


def bar_labels(n_inputs: int) -> list[str]:
    """Tick labels: ``w1·x1`` .. ``wn·xn``, ``b``, ``z``."""
    return [f"w{i + 1}\u00b7x{i + 1}" for i in range(n_inputs)] + ["b", "z"]


def short_bar_labels(n_inputs: int) -> list[str]:
    """Tick labels for a narrow chart: the term's number ``1`` .. ``n``, ``b``, ``z``."""
    return [f"{i + 1}" for i in range(n_inputs)] + ["b", "z"]


def bar_heights(result) -> np.ndarray:
    """Heights in display order: each term w_i·x_i, the bias, then z."""
    return np.array([*result.terms, result.bias, result.z], dtype=np.float64)


def label_text(value: float) -> str:
    """A bar's value label: two decimals (tiny values read 0.00, so neighbours never
    overlap); very large values in the equation's a×10ⁿ form."""
    if abs(value) < FIXED_MIN:
        return format_number(0.0)
    return format_number(value)


def sign_brushes() -> tuple[QtGui.QBrush, QtGui.QBrush, QtGui.QBrush]:
    """``(negative, zero, positive)`` brushes of the active theme's diverging map."""
    return tuple(QtGui.QBrush(QtGui.QColor(*row)) for row in theme.diverging_colours())


def _brush(value: float, brushes) -> QtGui.QBrush:
    negative, zero, positive = brushes
    if value > 0:
        return positive
    return negative if value < 0 else zero


class NeuronBars(LightPlotWidget):
    """The signed bar chart of a neuron's terms, bias and pre-activation z."""

    def __init__(self, parent=None):
        super().__init__(parent, background=theme.plot_background())
        self.setObjectName("neuron_bars")
        self.setMinimumHeight(CHART_HEIGHT[0])
        self.setMaximumHeight(CHART_HEIGHT[1])
        self.setToolTip(
            translate(
                "neuron",
                "Each input's contribution w\u00b7x, the bias b and their sum z. Blue bars push "
                "the neuron on (positive), orange bars hold it back (negative).",
            )
        )
        plot = self.getPlotItem()
        theme.style_plot(plot, "", translate("neuron", "contribution to z"))
        house_numbers(plot)
        plot.setMouseEnabled(False, False)
        plot.getAxis("left").enableAutoSIPrefix(False)  # "x0.001" axis scales confuse
        self.zero_line = plot.addLine(y=0)
        self._brushes = sign_brushes()
        self._sum_pen = theme.pen(theme.plot_foreground(), SUM_PEN_WIDTH)
        self.bars = pg.BarGraphItem(x=[0.0], height=[0.0], width=BAR_WIDTH, brush=self._brushes[1])
        plot.addItem(self.bars)
        self._value_labels: list[pg.TextItem] = []
        self._n_inputs = -1
        self._y_range = (0.0, 0.0)  # forces a fit on the first result
        self._shown_heights = None
        self._shown_heights_by_label: list = []
        self._short_ticks = False  # numbers instead of w·x under narrow slots
        self._label_metrics = QtGui.QFontMetrics(theme.axis_font())  # the labels' font
        self._full_ticks_px = 0  # widest w·x tick of the current terms, measured once
        self.term_values_shown = True  # the terms' and b's value labels (z's always)
        self.zero_line.setPen(theme.pen(theme.plot_foreground(), 1))

    def sizeHint(self) -> QtCore.QSize:  # noqa: N802 (Qt's name)
        return QtCore.QSize(super().sizeHint().width(), CHART_HEIGHT[0])

    def follow_theme(self) -> None:
        """Bars, outline, zero line and labels in the active theme's colours."""
        self._brushes = sign_brushes()
        ink = theme.plot_foreground()
        self._sum_pen = theme.pen(ink, SUM_PEN_WIDTH)
        self.zero_line.setPen(theme.pen(ink, 1))
        for label in self._value_labels:
            label.setColor(ink)
        if self._shown_heights is not None:
            heights, self._shown_heights = self._shown_heights, None
            self._draw(heights)

    def _rebuild(self, n_inputs: int) -> None:
        """Set the ticks and the value labels for ``n_inputs`` terms."""
        plot = self.getPlotItem()
        for label in self._value_labels:
            plot.removeItem(label)
        labels = bar_labels(n_inputs)
        self._short_ticks = None  # set by _fit_labels
        self._full_ticks_px = max(self._label_metrics.horizontalAdvance(t) for t in labels)
        self.term_values_shown = True  # the new labels are visible
        plot.setXRange(-0.6, len(labels) - 0.4, padding=0)
        self._value_labels = []
        self._shown_heights_by_label = []  # the height each value label shows
        for _ in labels:
            text = pg.TextItem(color=theme.plot_foreground(), anchor=(0.5, 1.0))
            text.setFont(theme.axis_font())
            plot.addItem(text)
            self._value_labels.append(text)
        self._n_inputs = n_inputs

    # -- labels that fit their slots ------------------------------------------------------
    def _slot_px(self) -> float:
        """Width of one bar's slot on screen (px)."""
        slots = self._n_inputs + 2
        width = self.getPlotItem().getViewBox().width()
        return width / slots if width > 0 else 1e9

    def _fit_labels(self) -> bool:
        """Short ticks, and z's value alone, where the full ones would run together.

        Returns True when the value labels shown changed.
        """
        if getattr(self, "_n_inputs", -1) < 0:  # not built yet (a resize during __init__)
            return False
        metrics = self._label_metrics
        room = self._slot_px() - 4
        short = self._full_ticks_px > room
        if short != self._short_ticks:
            self._short_ticks = short
            labels = short_bar_labels(self._n_inputs) if short else bar_labels(self._n_inputs)
            self.getPlotItem().getAxis("bottom").setTicks([list(enumerate(labels))])
        # the glyphs, and a few px between neighbours (a text item's own margins may overlap)
        widest = max(
            (metrics.horizontalAdvance(label.toPlainText()) + 2 for label in self._value_labels),
            default=0,
        )
        # When the values do not fit side by side, only z keeps its label: the equation
        # above shows every term and the bias as numbers.
        shown = widest <= room
        if shown == self.term_values_shown:
            return False
        self.term_values_shown = shown
        for label in self._value_labels[:-1]:
            label.setVisible(shown)
        self._shown_heights_by_label = []  # every label is placed again
        return True

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        # The plot's view box gets its new width when the scene's layout runs: measure
        # the slots once the events at hand are through.
        QtCore.QTimer.singleShot(0, self, self._refit_labels)

    def _refit_labels(self) -> None:
        if not shiboken6.isValid(self.getPlotItem().getViewBox()):
            return  # an offscreen picture's chart, taken apart before the timer fired
        if self._fit_labels() and self._shown_heights is not None:
            heights, self._shown_heights = self._shown_heights, None
            self._draw(heights)

    def show_result(self, result) -> None:
        """Draw the bars of ``result`` (a ``NeuronResult``)."""
        heights = bar_heights(result)
        n_inputs = len(heights) - 2
        if n_inputs != self._n_inputs:
            self._rebuild(n_inputs)
        elif self._shown_heights is not None and np.array_equal(heights, self._shown_heights):
            return  # e.g. only the activation changed: the sum's terms are the same
        self._draw(heights)

    def _draw(self, heights: np.ndarray) -> None:
        self._shown_heights = heights
        positions = np.arange(len(heights), dtype=np.float64)
        brushes = [_brush(h, self._brushes) for h in heights]
        pens = [TERM_PEN] * (len(heights) - 1) + [self._sum_pen]
        self.bars.setOpts(x=positions, height=heights, brushes=brushes, pens=pens)
        # Labels sit just outside the bar's end: above positive bars, below negative ones.
        # Only the bars that changed move: a text item's setText lays its text out again.
        shown = self._shown_heights_by_label
        for index, (position, height, label) in enumerate(
            zip(positions, heights, self._value_labels, strict=True)
        ):
            if index < len(shown) and shown[index] == height:
                continue
            label.setText(label_text(height))
            label.setAnchor((0.5, 1.0) if height >= 0 else (0.5, 0.0))
            label.setPos(position, height)
        self._shown_heights_by_label = heights.tolist()
        if self._fit_labels():
            self._draw(heights)
            return
        self._fit_y_range(heights)

    def _fit_y_range(self, heights: np.ndarray) -> None:
        """Keep the y range while it still frames the bars well; refit only when it does not.

        A new range on every change repaints the axis and the whole view and moves every
        value label twice (pyqtgraph re-places text items in a second pass): about half
        of the chart's cost per slider step. A refit leaves some headroom so a drag
        crosses it rarely.
        """
        low, high = min(0.0, heights.min()), max(0.0, heights.max())
        # Room for a line of value labels, as a share of the plot's height in px (a short
        # chart needs a bigger share); a label is its text and ~4 px of margin each side.
        height = self.getPlotItem().getViewBox().height()
        text = self._label_metrics.height() + 8
        share = min(0.6, (text + 2) / height) if height > 0 else 0.2
        margin = max(0.22, share / (1.0 - share)) * max(high - low, 1e-9)
        wanted = (low - margin * (low < 0), high + margin)
        shown_low, shown_high = self._y_range
        contains = shown_low <= wanted[0] and wanted[1] <= shown_high
        # Too loose when the bars would fill less than about half of the height.
        loose = (shown_high - shown_low) > Y_RANGE_SLACK * (wanted[1] - wanted[0])
        # The zero line stays where it was unless the sign of the extremes changed.
        if contains and not loose and (wanted[0] < 0) == (shown_low < -1e-12):
            return
        span = wanted[1] - wanted[0]
        headroom = Y_RANGE_HEADROOM * span
        self._y_range = (wanted[0] - headroom * (low < 0), wanted[1] + headroom)
        plot = self.getPlotItem()
        plot.setYRange(*self._y_range, padding=0.02)
        # Apply the new view transform now. Left to the paint, it would move the value
        # labels after they were placed and cost a second paint pass of the chart.
        plot.getViewBox().updateMatrix()

    def heights(self) -> np.ndarray:
        """The drawn bar heights (for tests and exports)."""
        return np.asarray(self.bars.opts["height"], dtype=np.float64)

    def tick_labels(self) -> list[str]:
        """The x tick labels currently shown."""
        ticks = self.getPlotItem().getAxis("bottom")._tickLevels
        return [label for _, label in ticks[0]] if ticks else []
