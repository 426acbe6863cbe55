"""The colours, pens and plot defaults every view shares, so all panels agree.

Curves use the Okabe-Ito palette, which stays distinguishable for the common
forms of colour blindness. Signed values (weights, activations in a heatmap)
use a diverging orange - light grey - blue map, as the TensorFlow Playground
does: orange for negative, blue for positive, grey for zero.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont

# Okabe & Ito (2008), "Color Universal Design". Yellow (#F0E442) is left out:
# it is unreadable as a thin line on a white background.
OKABE_ITO = {
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "bluish_green": "#009E73",
    "orange": "#E69F00",
    "reddish_purple": "#CC79A7",
    "sky_blue": "#56B4E9",
    "black": "#000000",
}

# The main curve first, then one colour per comparison curve (MAX_COMPARE = 6).
CURVE_COLOURS = tuple(OKABE_ITO.values())

# Line style per curve kind: f solid, f' dashed, f'' dotted (same colour per function).
KIND_STYLES = {
    "f": Qt.PenStyle.SolidLine,
    "df": Qt.PenStyle.DashLine,
    "d2f": Qt.PenStyle.DotLine,
}
KIND_LABELS = {"f": "f(x)", "df": "f\u2032(x)", "d2f": "f\u2033(x)"}

CURVE_WIDTH = 2  # px; wider lines are drawn as segments by pyqtgraph (slow, bad SVG)

# Shading of the x intervals where the main function saturates or is dead.
SATURATED_BRUSH = QColor(230, 159, 0, 45)  # Okabe-Ito orange, faint
DEAD_BRUSH = QColor(120, 120, 120, 60)  # grey: nothing flows through here

MARKER_COLOUR = "#D55E00"  # the neuron's (z, a) point and its tangent
PLOT_BACKGROUND = "#FFFFFF"
PLOT_FOREGROUND = "#333333"
GRID_COLOUR = "#E4E4E4"

# Diverging map for signed values: negative orange, zero light grey, positive blue.
DIVERGING_STOPS = np.array([0.0, 0.5, 1.0])
DIVERGING_COLOURS = np.array(
    [
        [245, 147, 34, 255],  # negative
        [232, 234, 235, 255],  # zero
        [8, 119, 189, 255],  # positive
    ],
    dtype=np.ubyte,
)


def curve_colour(index: int) -> str:
    """Colour of function ``index`` (0 = main curve, 1.. = comparison curves).

    Parameters
    ----------
    index : int
        Position of the function; wraps round past the end of the palette.

    Returns
    -------
    str
        A ``#RRGGBB`` colour.
    """
    return CURVE_COLOURS[index % len(CURVE_COLOURS)]


def curve_pen(index: int, kind: str = "f") -> pg.QtGui.QPen:
    """The pen for one curve: the function's colour and the kind's line style."""
    pen = pg.mkPen(curve_colour(index), width=CURVE_WIDTH, style=KIND_STYLES[kind])
    pen.setCosmetic(True)
    return pen


def diverging_colormap() -> pg.ColorMap:
    """The shared orange - grey - blue map for signed values (0.5 = zero)."""
    return pg.ColorMap(DIVERGING_STOPS, DIVERGING_COLOURS, name="actplay-diverging")


def signed_colour(value: float, limit: float) -> QColor:
    """Colour of a signed ``value`` on the diverging map scaled to ``+-limit``."""
    limit = max(float(limit), 1e-12)
    position = 0.5 + 0.5 * float(np.clip(value / limit, -1.0, 1.0))
    return diverging_colormap().map(position, mode="qcolor")


def apply_plot_defaults() -> None:
    """Set pyqtgraph's global options once, before any plot is created."""
    pg.setConfigOptions(
        antialias=True,
        background=PLOT_BACKGROUND,
        foreground=PLOT_FOREGROUND,
    )


def axis_font() -> QFont:
    """Font for axis tick labels: readable at 100 % and in exported images."""
    font = QFont()
    font.setPointSize(9)
    return font


def style_plot(plot_item: pg.PlotItem, x_label: str, y_label: str) -> None:
    """Give a plot the house look: labelled axes, readable ticks, no context menu.

    No grid: pyqtgraph's translucent ``showGrid`` repaints slowly during drags;
    views draw their own opaque zero lines where they help.
    """
    for name, label in (("bottom", x_label), ("left", y_label)):
        axis = plot_item.getAxis(name)
        axis.setLabel(label, color=PLOT_FOREGROUND)
        axis.setTickFont(axis_font())
        axis.setPen(pg.mkPen(PLOT_FOREGROUND))
        axis.setTextPen(pg.mkPen(PLOT_FOREGROUND))
    plot_item.setMenuEnabled(False)
    plot_item.hideButtons()
