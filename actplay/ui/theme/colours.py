"""Every colour of the house, by role, with a light and a dark shade, and what each role
is in the active theme.

The rules are written down in docs/visual-language.md. In short: a diverging
orange - light grey - blue map (as the TensorFlow Playground's) means sign or
class, and nothing else; curves, the current point's accent and shading use
other hues; widgets and plots name a colour role, never a colour. This is the
one module of ``ui`` that writes colours out (a test walks the others).
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QColor

#: The application property holding the effective theme that `apply_theme` set.
THEME_PROPERTY = "actplay_theme"

# Curves: the main function in the plot's ink, then one colour per comparison curve
# (MAX_COMPARE = 6). Orange and blue are kept for sign and class (the diverging map
# below), so no curve uses them; the greens, violet, olive and pink come from the
# colour-blind-safe Okabe-Ito and Tol sets, lighter in the dark theme.
CURVE_PALETTES = {
    "light": ("#222222", "#009E73", "#7B4FBF", "#8A8A00", "#D45FA9", "#707070", "#00897B"),
    "dark": ("#EDEDED", "#3CC99A", "#B39DDB", "#CDCD55", "#F0A6D8", "#B0B0B0", "#4DD0C8"),
}
KIND_TINTS = {"f": 0.0, "df": 0.3, "d2f": 0.45}  # share of the background mixed in

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
DARK_PLOT_BACKGROUND = "#1E1F22"
DARK_PLOT_FOREGROUND = "#DADADA"  # axes and labels: ~12:1 contrast on the dark background

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

# The dark theme's widget palette, by QPalette colour role name (the light theme is the
# style's own); disabled text of every kind is one grey.
DARK_PALETTE = {
    "Window": "#2B2D30",
    "WindowText": "#E6E6E6",
    "Base": "#1E1F22",
    "AlternateBase": "#2B2D30",
    "ToolTipBase": "#3C3F41",
    "ToolTipText": "#E6E6E6",
    "Text": "#E6E6E6",
    "Button": "#3C3F41",
    "ButtonText": "#E6E6E6",
    "BrightText": "#FF6B6B",
    "Link": "#56B4E9",
    "Highlight": "#0072B2",
    "HighlightedText": "#FFFFFF",
    "PlaceholderText": "#8C8C8C",
}
DARK_DISABLED_TEXT = "#7A7A7A"


def active_theme() -> str:
    """``"light"`` or ``"dark"``: what `apply_theme` last set on the application, else light."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    effective = app.property(THEME_PROPERTY) if app is not None else None
    return effective if effective in ("light", "dark") else "light"


def plot_colours(effective: str) -> tuple[str, str]:
    """``(background, foreground)`` of the plots for an effective theme."""
    if effective == "dark":
        return DARK_PLOT_BACKGROUND, DARK_PLOT_FOREGROUND
    return PLOT_BACKGROUND, PLOT_FOREGROUND


def plot_background() -> QColor:
    """The opaque plot background of the active theme (exported pictures get it too)."""
    return QColor(plot_colours(active_theme())[0])


def plot_foreground() -> QColor:
    """The plot ink (axes, labels) of the active theme."""
    return QColor(plot_colours(active_theme())[1])


def plot_colour(role: str) -> QColor:
    """The colour of plot role ``role`` (a key of `PLOT_ROLES`) in the active theme."""
    return QColor(PLOT_ROLES[role][active_theme()])


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


def diverging_colours(effective: str | None = None) -> np.ndarray:
    """The diverging map's three stops (negative, zero, positive) as RGBA rows, per theme."""
    colours = DIVERGING_COLOURS.copy()
    if (effective or active_theme()) == "dark":
        colours[1] = DARK_DIVERGING_ZERO
    return colours


def diverging_colormap(effective: str | None = None) -> pg.ColorMap:
    """The shared orange - grey - blue map for signed values (0.5 = zero), per theme."""
    return pg.ColorMap(
        DIVERGING_STOPS, diverging_colours(effective), name=f"actplay-diverging-{effective}"
    )


def widget_colour(role: str) -> str:
    """``#RRGGBB`` of ``role`` (a key of `WIDGET_COLOURS`) in the active theme."""
    return WIDGET_COLOURS[role][active_theme()]


def muted_text_colour() -> str:
    """``#RRGGBB`` of secondary text (captions, field names) in the active theme."""
    return widget_colour("muted_text")


def signed_text_colours() -> tuple[str, str]:
    """``(negative, positive)`` text colours of the diverging map's ends, for the active theme."""
    return widget_colour("negative_text"), widget_colour("positive_text")
