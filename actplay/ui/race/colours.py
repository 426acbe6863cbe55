"""The race's contestant colours: one per contestant, never the sign colours.

Orange and blue mean a sign or a class everywhere (the decision maps use them),
so a contestant is never drawn in either; the palette is the theme's
``CONTESTANT_PALETTES`` (why these colours: see there).
"""

from __future__ import annotations

from actplay.ui import theme


def contestant_colour(index: int) -> str:
    """``#rrggbb`` of contestant ``index`` (0-based) in the active theme."""
    palette = theme.CONTESTANT_PALETTES[theme.active_theme()]
    return palette[index % len(palette)].lower()
