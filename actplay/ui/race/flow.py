"""Gradient flow: mean |∂L/∂W| per layer of every contestant, on one log axis.

One line per contestant from the first hidden layer to the output layer, in the
contestant's colour, for the first seed's current weights over the whole
training set. A deep sigmoid stack shows its line falling towards the input:
the gradient that should train the first layers vanishes on the way back.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg

from actplay.core.race_limits import MAX_CONTESTANTS
from actplay.ui import theme
from actplay.ui.i18n import translate
from actplay.ui.race.colours import contestant_colour

FLOOR = 1e-12  # a zero gradient (a dead layer) is drawn at this floor of the log axis
SYMBOL_SIZE = 6
MIN_DECADES = 1.2  # the y axis spans at least this many powers of ten


class DecadeAxis(pg.AxisItem):
    """A log axis that labels the powers of ten and marks 2..9 times them unlabelled
    (pyqtgraph labels every minor tick of a range under a few decades, and they overlap)."""

    def logTickValues(self, minVal, maxVal, size, stdTicks):  # noqa: N802,N803 (pyqtgraph's)
        first, last = math.floor(minVal), math.ceil(maxVal)
        decades = [float(v) for v in range(first, last + 1) if minVal <= v <= maxVal]
        minor = [
            v + math.log10(k)
            for v in range(first, last)
            for k in range(2, 10)
            if minVal < v + math.log10(k) < maxVal
        ]
        return [(1.0, decades), (None, minor)]


class FlowPlot(pg.PlotItem):
    """Mean |∂L/∂W| per layer, one line per contestant (log y); a plot item the pane's
    widget and the exported figure both hold."""

    def __init__(self) -> None:
        super().__init__(axisItems={"left": DecadeAxis("left")})
        self.setMenuEnabled(False)
        self.hideButtons()
        self.setMouseEnabled(False, False)
        self.showGrid(x=False, y=True, alpha=0.15)
        self.setLogMode(x=False, y=True)
        self.getAxis("left").setStyle(maxTextLevel=0)  # label the powers of ten only
        self.setLabel("left", translate("race", "mean |\u2202L/\u2202W|"))
        self.setLabel("bottom", translate("race", "layer"))
        for side in ("left", "bottom"):
            self.getAxis(side).enableAutoSIPrefix(False)
        self.lines = []
        for _ in range(MAX_CONTESTANTS):
            line = pg.PlotDataItem(symbol="o", symbolSize=SYMBOL_SIZE, symbolPen=pg.mkPen(None))
            line.curve.setSegmentedLineMode("off")
            self.addItem(line)
            self.lines.append(line)
        self._ticks = None
        self.follow_theme()

    def follow_theme(self) -> None:
        """Every line in its contestant's colour of the active theme."""
        for index, line in enumerate(self.lines):
            colour = contestant_colour(index)
            line.setPen(theme.pen(colour, theme.CURVE_WIDTH))
            line.setSymbolBrush(colour)

    def set_gradients(self, gradients) -> None:
        """``gradients[c]`` is a per-layer sequence (or None for no data yet)."""
        n_layers = 0
        shown = []
        for c, line in enumerate(self.lines):
            values = gradients[c] if c < len(gradients) else None
            line.setVisible(values is not None)
            if values is None:
                continue
            values = np.maximum(np.asarray(values, dtype=float), FLOOR)
            n_layers = len(values)
            line.setData(np.arange(1, n_layers + 1), values)
            shown.append(values)
        self._set_ticks(n_layers)
        if shown:
            # At least a decade in view: a log axis labels its powers of ten, and less
            # than a decade showed a heap of overlapping minor labels instead.
            low = float(np.log10(min(v.min() for v in shown)))
            high = float(np.log10(max(v.max() for v in shown)))
            middle, half = (low + high) / 2, max((high - low) / 2, MIN_DECADES / 2)
            self.setYRange(middle - half, middle + half, padding=0.08)

    def _set_ticks(self, n_layers: int) -> None:
        if n_layers == self._ticks:
            return
        self._ticks = n_layers
        names = [(i, f"h{i}") for i in range(1, n_layers)] + [(n_layers, "out")]
        self.getAxis("bottom").setTicks([names] if n_layers else None)
        if n_layers:
            self.setXRange(0.6, n_layers + 0.4, padding=0)


class GradientFlow(pg.PlotWidget):
    """The pane's widget around a :class:`FlowPlot` (``plot``; its ``lines``)."""

    def __init__(self, parent=None) -> None:
        self.plot = FlowPlot()
        super().__init__(parent, plotItem=self.plot)
        self.setObjectName("race_gradient_flow")
        self.setBackground(theme.plot_background())
        self.lines = self.plot.lines
        self.set_gradients = self.plot.set_gradients
        self.follow_theme = self.plot.follow_theme  # theme.apply_theme calls it
