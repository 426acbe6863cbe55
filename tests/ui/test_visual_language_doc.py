"""docs/visual-language.md names the theme's real colours and line styles: every colour
it writes exists in ``actplay/ui/theme/colours.py`` with that value, in the row's role."""

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from actplay.ui import theme

DOC = Path(__file__).resolve().parents[2] / "docs" / "visual-language.md"
ROW = re.compile(r"^\|\s*`([^`]+)`\s*\|(.+)\|\s*$")
HEX = re.compile(r"#[0-9A-Fa-f]{6}(?:[0-9A-Fa-f]{2})?\b")
DASHES = {
    "solid": Qt.PenStyle.SolidLine,
    "dashed": Qt.PenStyle.DashLine,
    "dash-dotted": Qt.PenStyle.DashDotLine,
}


def _hex(rgba) -> str:
    return "#" + "".join(f"{int(c):02X}" for c in rgba[:3])


def theme_colours() -> dict[str, tuple[str, str]]:
    """Every documented role -> (light, dark), read from the theme."""
    light_stops, dark_stops = theme.diverging_colours("light"), theme.diverging_colours("dark")
    colours = {
        stop: (_hex(light_stops[i]), _hex(dark_stops[i]))
        for i, stop in enumerate(("negative", "zero", "positive"))
    }
    light, dark = theme.CURVE_PALETTES["light"], theme.CURVE_PALETTES["dark"]
    colours.update({str(i): pair for i, pair in enumerate(zip(light, dark, strict=True))})
    colours.update({role: (s["light"], s["dark"]) for role, s in theme.PLOT_ROLES.items()})
    colours.update({role: (s["light"], s["dark"]) for role, s in theme.WIDGET_COLOURS.items()})
    for i, part in enumerate(("background", "foreground")):
        colours[part] = (theme.plot_colours("light")[i], theme.plot_colours("dark")[i])
    return colours


def doc_rows() -> dict[str, list[str]]:
    rows = {}
    for line in DOC.read_text(encoding="utf-8").splitlines():
        match = ROW.match(line)
        if match:
            rows[match.group(1)] = [cell.strip().strip("`") for cell in match.group(2).split("|")]
    return rows


def test_every_colour_row_matches_the_theme():
    colours, rows = theme_colours(), doc_rows()
    colour_rows = {key: cells for key, cells in rows.items() if HEX.fullmatch(cells[0])}
    assert set(colour_rows) == set(colours)  # every role, no more
    for key, cells in colour_rows.items():
        assert key in colours, f"the doc names {key!r}, which the theme does not have"
        documented = tuple(cell.upper() for cell in cells[:2])
        assert documented == tuple(c.upper() for c in colours[key]), key


def test_every_theme_colour_is_documented():
    rows = doc_rows()
    assert set(theme_colours()) <= set(rows)


def test_no_colour_in_the_text_is_made_up():
    known = {c.upper() for pair in theme_colours().values() for c in pair}
    written = {c.upper() for c in HEX.findall(DOC.read_text(encoding="utf-8"))}
    assert written and written <= known


@pytest.mark.parametrize("kind", sorted(theme.KIND_STYLES))
def test_line_rows_match_the_curve_styles(kind):
    dash, width, tint = doc_rows()[kind][:3]
    assert DASHES[dash] == theme.KIND_STYLES[kind]
    assert float(width) == theme.KIND_WIDTHS[kind]
    assert float(tint.rstrip(" %")) == pytest.approx(100 * theme.KIND_TINTS[kind])
