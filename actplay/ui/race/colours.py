"""The race's contestant colours: one per contestant, never the sign colours.

Orange and blue mean a sign or a class everywhere (the decision maps use them),
so a contestant is never drawn in either: the palette is the colour-blind-safe
Okabe-Ito set without its orange, blue and sky blue, plus Tol's wine and olive,
with the black following the theme's ink in dark mode.
"""

from __future__ import annotations

from actplay.ui import theme

CONTESTANT_COLOURS = (
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    None,  # the theme's ink: black on light, light grey on dark
    "#882255",  # wine
    "#999933",  # olive
    "#D55E00",  # vermillion: last, the nearest to the orange of the maps
)


def contestant_colour(index: int) -> str:
    """``#RRGGBB`` of contestant ``index`` (0-based) in the active theme."""
    colour = CONTESTANT_COLOURS[index % len(CONTESTANT_COLOURS)]
    return colour if colour is not None else theme.plot_foreground().name()
