"""How plots are drawn: pens at the screen's pixel ratio, each curve kind's line, the
axes' look, and pyqtgraph's defaults for the active theme.

High DPI: pyqtgraph's pens are cosmetic (a curve keeps its width at any zoom), and Qt
draws a cosmetic pen's width in device pixels: on a 200 % screen a 2.5 px curve would
be half as heavy as at 100 %. Plot pens therefore multiply their logical width by the
pen scale, the device pixel ratio of what is being painted (the window's screen, or an
exported picture's scale).
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont

from actplay.ui.theme.colours import active_theme, kind_colour, plot_colours

# Curve kinds differ by more than dash: f solid and heavy, f' dashed and lighter,
# f'' dash-dotted (a dotted line vanished on the zero line), lighter still.
KIND_STYLES = {
    "f": Qt.PenStyle.SolidLine,
    "df": Qt.PenStyle.DashLine,
    "d2f": Qt.PenStyle.DashDotLine,
}
KIND_WIDTHS = {"f": 2.5, "df": 2.0, "d2f": 1.75}  # logical px
KIND_LABELS = {"f": "f(x)", "df": "f\u2032(x)", "d2f": "f\u2033(x)"}

CURVE_WIDTH = 2  # px of single lines (tangent, outlines)
#: The application property holding the pen scale `set_pen_scale` set.
PEN_SCALE_PROPERTY = "actplay_pen_scale"


def pen_scale() -> float:
    """The device pixel ratio plot pens are made for (1 until `set_pen_scale` says otherwise)."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    scale = app.property(PEN_SCALE_PROPERTY) if app is not None else None
    return float(scale) if scale else 1.0


def pen(colour, width: float = 1.0, style=Qt.PenStyle.SolidLine) -> pg.QtGui.QPen:
    """A cosmetic plot pen ``width`` logical px wide at the current `pen_scale`."""
    made = pg.mkPen(colour, width=width * pen_scale(), style=style)
    made.setCosmetic(True)
    return made


def curve_pen(index: int, kind: str = "f") -> pg.QtGui.QPen:
    """The pen for one curve: the function's colour, tinted, weighted and dashed by kind."""
    return pen(kind_colour(index, kind), KIND_WIDTHS[kind], KIND_STYLES[kind])


def set_pen_scale(scale: float, root=None) -> bool:
    """Make plot pens for device pixel ratio ``scale``; views under ``root`` remake theirs.

    Returns
    -------
    bool
        Whether the scale changed.
    """
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None or not scale > 0 or float(scale) == pen_scale():
        return False
    app.setProperty(PEN_SCALE_PROPERTY, float(scale))
    if root is not None:
        follow_theme_under(root)
    return True


def follow_theme_under(root) -> None:
    """Views under ``root`` whose items hold theme colours or pens (made once) take the
    current ones, through their ``follow_theme`` method."""
    from PySide6.QtWidgets import QWidget

    for widget in (root, *root.findChildren(QWidget)):
        follow = getattr(widget, "follow_theme", None)
        if callable(follow):
            follow()


def apply_plot_defaults() -> str:
    """Set pyqtgraph's global options for the active theme, before any plot is created.

    The window and every export (headless too) call this one function, so a
    picture has the window's colours: light unless `apply_theme` chose dark.
    A new process without it would draw pyqtgraph's own black plots.

    Returns
    -------
    str
        The effective theme, ``"light"`` or ``"dark"``.
    """
    effective = active_theme()
    background, foreground = plot_colours(effective)
    pg.setConfigOptions(antialias=True, background=background, foreground=foreground)
    return effective


def axis_font() -> QFont:
    """Font for axis tick labels: readable at 100 % and in exported images."""
    font = QFont()
    font.setPointSize(9)
    return font


def style_plot(plot_item: pg.PlotItem, x_label: str, y_label: str) -> None:
    """Give a plot the house look: labelled axes, readable ticks, no context menu.

    No grid: pyqtgraph's translucent ``showGrid`` repaints slowly during drags;
    views draw their own opaque zero lines where they help. The axes' room for
    tick labels grows but does not shrink back: otherwise a drag that changes
    "-2" into "-10" and back re-lays out the plot and repaints it a second time.

    The axes take the active theme's ink (a plot built after a switch to the dark
    theme is dark too). Each pen or label change re-lays out the axis label's
    rich text, so only what differs from pyqtgraph's defaults is set: the axes
    already use the foreground that `apply_plot_defaults` configured.
    """
    foreground = QColor(plot_colours(active_theme())[1])
    for name, label in (("bottom", x_label), ("left", y_label)):
        axis = plot_item.getAxis(name)
        if axis.pen().color() != foreground or axis.textPen().color() != foreground:
            axis.setPen(pg.mkPen(foreground))
            axis.setTextPen(pg.mkPen(foreground))
        axis.setLabel(label)  # in the text pen's colour
        axis.setStyle(tickFont=axis_font(), autoReduceTextSpace=False)
    plot_item.setMenuEnabled(False)
    plot_item.hideButtons()
