"""The colours, pens and plot defaults every view shares, so all panels agree.

The rules are written down in docs/visual-language.md. In short: a diverging
orange - light grey - blue map (as the TensorFlow Playground's) means sign or
class, and nothing else; curves, the current point's accent and shading use
other hues; widgets and plots name a colour role, and each role has a light
and a dark shade.
"""

from __future__ import annotations

from string import Template

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont

# Curves: the main function in the plot's ink, then one colour per comparison curve
# (MAX_COMPARE = 6). Orange and blue are kept for sign and class (the diverging map
# below), so no curve uses them; the greens, violet, olive and pink come from the
# colour-blind-safe Okabe-Ito and Tol sets, lighter in the dark theme.
CURVE_PALETTES = {
    "light": ("#222222", "#009E73", "#7B4FBF", "#8A8A00", "#D45FA9", "#707070", "#00897B"),
    "dark": ("#EDEDED", "#3CC99A", "#B39DDB", "#CDCD55", "#F0A6D8", "#B0B0B0", "#4DD0C8"),
}

# Curve kinds differ by more than dash: f solid and heavy, f' dashed and lighter,
# f'' dash-dotted (a dotted line vanished on the zero line), lighter still.
KIND_STYLES = {
    "f": Qt.PenStyle.SolidLine,
    "df": Qt.PenStyle.DashLine,
    "d2f": Qt.PenStyle.DashDotLine,
}
KIND_WIDTHS = {"f": 2.5, "df": 2.0, "d2f": 1.75}  # logical px
KIND_TINTS = {"f": 0.0, "df": 0.3, "d2f": 0.45}  # share of the background mixed in
KIND_LABELS = {"f": "f(x)", "df": "f\u2032(x)", "d2f": "f\u2033(x)"}

CURVE_WIDTH = 2  # px of single lines (tangent, outlines)

# Plot colours by role, per effective theme; plots name a role, never a colour.
# "accent" marks the current point (the neuron's (z, a), its tangent and numbers): a
# crimson that is neither sign colour nor a curve colour. Shading is neutral grey, so
# orange keeps meaning "negative".
PLOT_ROLES = {
    "accent": {"light": "#D0104C", "dark": "#FF5C8A"},
    "marker_outline": {"light": "#FFFFFF", "dark": "#1E1F22"},
    "crosshair": {"light": "#888888", "dark": "#8C8C8C"},
    "zero_line": {"light": "#DADADA", "dark": "#46484D"},
    "saturated_shade": {"light": "#16000000", "dark": "#14FFFFFF"},  # #AARRGGBB
    "dead_shade": {"light": "#38000000", "dark": "#34FFFFFF"},
    "legend_text": {"light": "#333333", "dark": "#DADADA"},
    # Training: the train loss a grey line (as in TF), the test loss vermillion, which
    # reads on both backgrounds; data points outlined white (train) or dark (test) on
    # the orange/blue map in either theme.
    "train_loss": {"light": "#777777", "dark": "#A8A8A8"},
    "test_loss": {"light": "#D55E00", "dark": "#F07B3F"},
    "train_point_outline": {"light": "#FFFFFF", "dark": "#FFFFFF"},
    "test_point_outline": {"light": "#99000000", "dark": "#99000000"},
    # The current input's ring on the canvas tiles: dark rim, light fill, on any tile.
    "tile_marker_rim": {"light": "#000000", "dark": "#000000"},
    "tile_marker_fill": {"light": "#FFFFFF", "dark": "#FFFFFF"},
    "thumbnail_background": {"light": "#F4F4F4", "dark": "#2A2B2F"},
    # A lesson's "use this control" ring: Okabe-Ito reddish purple, not a sign colour.
    "lesson_highlight": {"light": "#CC79A7", "dark": "#E09AC4"},
}

# A race's contestants, one colour each and never a sign colour: the colour-blind-safe
# Okabe-Ito set without its orange, blue and sky blue, plus Tol's wine and olive; the
# third is the theme's ink. Vermillion comes last, the nearest to the maps' orange.
CONTESTANT_PALETTES = {
    "light": ("#009E73", "#CC79A7", "#333333", "#882255", "#999933", "#D55E00"),
    "dark": ("#009E73", "#CC79A7", "#DADADA", "#C0507F", "#B8B84D", "#D55E00"),
}

BASELINE_COLOUR = (120, 120, 120)  # the zero line under the network's bar charts
# Pre-activations z in the network's charts: grey, so the diverging colours stay for a.
PRE_ACTIVATION_FILL = (150, 150, 150)  # the Layers tab's z bars, beside the coloured a
PLOT_BACKGROUND = "#FFFFFF"
PLOT_FOREGROUND = "#333333"

# Diverging map for signed values: negative orange, zero grey, positive blue. The zero
# is a light grey on the light theme and a dark grey on the dark one, so nothing near
# zero glares; the two ends are the same in both (the sign colours).
DIVERGING_STOPS = np.array([0.0, 0.5, 1.0])
DIVERGING_COLOURS = np.array(
    [
        [245, 147, 34, 255],  # negative
        [232, 234, 235, 255],  # zero
        [8, 119, 189, 255],  # positive
    ],
    dtype=np.ubyte,
)
DARK_DIVERGING_ZERO = (64, 66, 71, 255)


def diverging_colours(effective: str | None = None) -> np.ndarray:
    """The diverging map's three stops (negative, zero, positive) as RGBA rows, per theme."""
    colours = DIVERGING_COLOURS.copy()
    if (effective or active_theme()) == "dark":
        colours[1] = DARK_DIVERGING_ZERO
    return colours


def curve_colour(index: int) -> str:
    """Colour of function ``index`` (0 = main curve, 1.. = comparison curves).

    Parameters
    ----------
    index : int
        Position of the function; wraps round past the end of the palette.

    Returns
    -------
    str
        A ``#RRGGBB`` colour of the active theme.
    """
    palette = CURVE_PALETTES[active_theme()]
    return palette[index % len(palette)]


def plot_colour(role: str) -> QColor:
    """The colour of plot role ``role`` (a key of `PLOT_ROLES`) in the active theme."""
    return QColor(PLOT_ROLES[role][active_theme()])


def kind_colour(index: int, kind: str) -> QColor:
    """Function ``index``'s colour for curve ``kind``: derivatives lighter toward the background."""
    colour, background = QColor(curve_colour(index)), plot_background()
    share = KIND_TINTS[kind]
    return QColor(
        *(
            round((1 - share) * getattr(colour, part)() + share * getattr(background, part)())
            for part in ("red", "green", "blue")
        )
    )


def curve_pen(index: int, kind: str = "f") -> pg.QtGui.QPen:
    """The pen for one curve: the function's colour, tinted, weighted and dashed by kind."""
    return pen(kind_colour(index, kind), KIND_WIDTHS[kind], KIND_STYLES[kind])


# -- high DPI --------------------------------------------------------------------------------
# pyqtgraph's pens are cosmetic (a curve keeps its width at any zoom), and Qt draws a cosmetic
# pen's width in device pixels: on a 200 % screen a 2.5 px curve would be half as heavy as at
# 100 %. Plot pens therefore multiply their logical width by the pen scale, the device pixel
# ratio of what is being painted (the window's screen, or an exported picture's scale).
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
        _follow_theme(root)
    return True


def _follow_theme(root) -> None:
    """Views whose items hold theme colours or pens (made once) take the current ones."""
    from PySide6.QtWidgets import QWidget

    for widget in (root, *root.findChildren(QWidget)):
        follow = getattr(widget, "follow_theme", None)
        if callable(follow):
            follow()


def diverging_colormap(effective: str | None = None) -> pg.ColorMap:
    """The shared orange - grey - blue map for signed values (0.5 = zero), per theme."""
    return pg.ColorMap(
        DIVERGING_STOPS, diverging_colours(effective), name=f"actplay-diverging-{effective}"
    )


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


def active_theme() -> str:
    """``"light"`` or ``"dark"``: what `apply_theme` last set on the application, else light."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    effective = app.property("actplay_theme") if app is not None else None
    return effective if effective in ("light", "dark") else "light"


def plot_background() -> QColor:
    """The opaque plot background of the active theme (exported pictures get it too)."""
    return QColor(plot_colours(active_theme())[0])


def plot_foreground() -> QColor:
    """The plot ink (axes, labels) of the active theme."""
    return QColor(plot_colours(active_theme())[1])


# Colours of widgets by role, per effective theme: text roles keep >= 4.5:1 on the window
# colour (WCAG AA); under a background role the palette's text stays readable. The dark
# shades are lighter ends of the same hues. Widgets name a role, never a colour.
WIDGET_COLOURS = {
    "muted_text": {"light": "#555555", "dark": "#A8A8A8"},  # captions, hints, field names
    "negative_text": {"light": "#9C5508", "dark": "#F5A34A"},  # the diverging map's ends
    "positive_text": {"light": "#0A5F96", "dark": "#5DB3EA"},
    "error_text": {"light": "#B00020", "dark": "#FF8A80"},  # a refused edit, a bad formula
    "ok_text": {"light": "#007700", "dark": "#7BD88F"},  # a formula that works
    "note_background": {"light": "#EEF5FB", "dark": "#1F3342"},  # a note beside the controls
    "note_border": {"light": "#9CC3E0", "dark": "#3D6A8C"},
    "attention_background": {"light": "#FFF4D6", "dark": "#4A3D1A"},  # "you are editing this"
    "current_row_background": {"light": "#FFECAA", "dark": "#5C4A12"},  # "you are here"
    "on_row_background": {"light": "#D6EAF8", "dark": "#1B3A52"},  # an output that counts as on
}
STYLE_PROPERTY = "actplay_style"  # a widget's style sheet template, kept for theme switches


def widget_colour(role: str) -> str:
    """``#RRGGBB`` of ``role`` (a key of `WIDGET_COLOURS`) in the active theme."""
    return WIDGET_COLOURS[role][active_theme()]


def muted_text_colour() -> str:
    """``#RRGGBB`` of secondary text (captions, field names) in the active theme."""
    return widget_colour("muted_text")


def signed_text_colours() -> tuple[str, str]:
    """``(negative, positive)`` text colours of the diverging map's ends, for the active theme."""
    return widget_colour("negative_text"), widget_colour("positive_text")


def style_widget(widget, template: str) -> None:
    """Give ``widget`` a style sheet whose colours are roles: ``"color: $error_text"``.

    The template is kept on the widget; `apply_theme` fills it in again with the
    new theme's colours, so a styled widget follows a theme switch.
    """
    widget.setProperty(STYLE_PROPERTY, template)
    _apply_style(widget, template, active_theme())


def _apply_style(widget, template: str, effective: str) -> None:
    colours = {role: shades[effective] for role, shades in WIDGET_COLOURS.items()}
    widget.setStyleSheet(Template(template).substitute(colours))


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


# -- light / dark / follow-the-system theme -------------------------------------------------
THEMES = ("light", "dark", "system")  # what View > Theme offers; "system" follows the desktop
DARK_PLOT_BACKGROUND = "#1E1F22"
DARK_PLOT_FOREGROUND = "#DADADA"  # axes and labels: ~12:1 contrast on the dark background


def resolve_theme(mode: str) -> str:
    """``"light"`` or ``"dark"``: what ``mode`` means now (``"system"`` asks Qt)."""
    if mode not in THEMES:
        raise ValueError(f"unknown theme {mode!r}; known: {', '.join(THEMES)}")
    if mode != "system":
        return mode
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    scheme = app.styleHints().colorScheme() if app is not None else Qt.ColorScheme.Unknown
    return "dark" if scheme == Qt.ColorScheme.Dark else "light"


def plot_colours(effective: str) -> tuple[str, str]:
    """``(background, foreground)`` of the plots for an effective theme."""
    if effective == "dark":
        return DARK_PLOT_BACKGROUND, DARK_PLOT_FOREGROUND
    return PLOT_BACKGROUND, PLOT_FOREGROUND


def dark_palette():
    """A dark widget palette (window, text, buttons, highlight, disabled text)."""
    from PySide6.QtGui import QPalette

    roles = QPalette.ColorRole
    palette = QPalette()
    for role, colour in (
        (roles.Window, "#2B2D30"),
        (roles.WindowText, "#E6E6E6"),
        (roles.Base, "#1E1F22"),
        (roles.AlternateBase, "#2B2D30"),
        (roles.ToolTipBase, "#3C3F41"),
        (roles.ToolTipText, "#E6E6E6"),
        (roles.Text, "#E6E6E6"),
        (roles.Button, "#3C3F41"),
        (roles.ButtonText, "#E6E6E6"),
        (roles.BrightText, "#FF6B6B"),
        (roles.Link, "#56B4E9"),
        (roles.Highlight, "#0072B2"),
        (roles.HighlightedText, "#FFFFFF"),
        (roles.PlaceholderText, "#8C8C8C"),
    ):
        palette.setColor(role, QColor(colour))
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7A7A7A"))
    return palette


def apply_theme(mode: str, root=None) -> str:
    """Switch the application palette and every plot under ``root`` to ``mode``.

    Plots made later pick the colours up from pyqtgraph's global options.

    Returns
    -------
    str
        The effective theme, ``"light"`` or ``"dark"``.
    """
    from PySide6.QtWidgets import QApplication

    effective = resolve_theme(mode)
    app = QApplication.instance()
    if app is not None:
        app.setPalette(dark_palette() if effective == "dark" else app.style().standardPalette())
        app.setProperty("actplay_theme", effective)
    if root is not None:
        from PySide6.QtWidgets import QWidget

        for widget in (root, *root.findChildren(QWidget)):
            template = widget.property(STYLE_PROPERTY)
            if template:
                _apply_style(widget, template, effective)
    background, foreground = plot_colours(effective)
    other_foreground = QColor(plot_colours("light" if effective == "dark" else "dark")[1])
    pg.setConfigOptions(background=background, foreground=foreground)
    if root is not None:
        _follow_theme(root)
    if root is not None:
        for view in root.findChildren(pg.GraphicsView):
            view.setBackground(background)
            for item in view.scene().items():
                # Labels in the other theme's ink (not deliberately coloured ones) follow.
                if isinstance(item, pg.TextItem) and item.color == other_foreground:
                    item.setColor(foreground)
                # Titles and legend labels without a colour of their own took the ink
                # pyqtgraph had when their text was set: set it again in the new ink.
                if isinstance(item, pg.LabelItem) and item.opts.get("color") is None:
                    item.setText(item.text)
                if isinstance(item, pg.AxisItem):
                    item.setPen(pg.mkPen(foreground))
                    item.setTextPen(pg.mkPen(foreground))
                    if item.label.toPlainText():
                        item.label.setDefaultTextColor(QColor(foreground))
    return effective
