"""The curve plot speaks the window's visual language: orange and blue only for sign,
a legend that never covers the data, shading only where it tells something."""

import numpy as np
import pytest
from PySide6.QtGui import QColor

from actplay.model import presets
from actplay.ui import theme
from actplay.ui.curve.legend import MAX_ROWS, ROW_PADDING
from actplay.ui.curve.plot_content import FLAT_LABEL

SIGN_HUE_MARGIN = 25  # degrees: a colour this close to a sign hue reads as that sign


def _hue(colour: QColor) -> float:
    return colour.hsvHueF() * 360


def _sign_hues() -> list[float]:
    return [_hue(QColor(*theme.DIVERGING_COLOURS[i][:3])) for i in (0, 2)]


def _reads_as_sign(colour: QColor) -> bool:
    if colour.hsvSaturationF() < 0.25:  # a grey or near-grey has no sign
        return False
    return any(
        min(abs(_hue(colour) - hue), 360 - abs(_hue(colour) - hue)) < SIGN_HUE_MARGIN
        for hue in _sign_hues()
    )


@pytest.mark.parametrize("effective", ["light", "dark"])
def test_no_curve_accent_or_shade_uses_a_sign_colour(effective):
    colours = [QColor(c) for c in theme.CURVE_PALETTES[effective]]
    colours.append(QColor(theme.PLOT_ROLES["accent"][effective]))
    assert not [c.name() for c in colours if _reads_as_sign(c)]
    for shade in ("saturated_shade", "dead_shade"):
        assert QColor(theme.PLOT_ROLES[shade][effective]).hsvSaturationF() == 0  # grey


def test_the_operating_point_is_drawn_in_the_accent(window):
    plot = window.curve_pane.plot
    accent = theme.plot_colour("accent")
    assert plot.marker.opts["brush"].color() == accent
    assert plot.tangent.opts["pen"].color() == accent
    assert accent.name() not in {c.lower() for c in theme.CURVE_PALETTES["light"]}


def test_derivatives_differ_by_tint_and_weight_not_only_dash(window):
    window.model.set_visible("d2f", True)
    window.scheduler.flush()
    pens = {
        kind: window.curve_pane.plot.curves[f"main:{kind}"].opts["pen"]
        for kind in theme.KIND_STYLES
    }
    assert len({pen.color().name() for pen in pens.values()}) == 3
    assert pens["f"].widthF() > pens["df"].widthF() > pens["d2f"].widthF()


def test_seven_functions_keep_the_legend_to_two_rows_above_the_data(window, qtbot):
    model = window.model
    for name in ("tanh", "relu", "gelu", "softplus", "swish", "leaky_relu"):
        model.add_compare(name)
    window.resize(1024, 640)
    window.scheduler.flush()
    qtbot.wait(20)
    plot = window.curve_pane.plot
    legend = plot.legend
    assert len(legend.items) == 7 + 1  # seven functions and the saturated shading
    view = plot.getPlotItem().getViewBox()
    # Above the view box, not over it, and no taller than two rows.
    assert legend.sceneBoundingRect().bottom() <= view.sceneBoundingRect().top() + 1
    row_height = legend.items[0][1].boundingRect().height() + ROW_PADDING
    tops = {round(label.pos().y()) for sample, label in legend.items if label.isVisible()}
    assert len(tops) <= MAX_ROWS
    assert plot.getPlotItem().layout.rowMinimumHeight(0) <= MAX_ROWS * row_height + 4
    if not all(label.isVisible() for _sample, label in legend.items):
        assert legend.more.isVisible() and "more" in legend.more.text()


def test_shading_over_the_whole_range_is_a_note_not_a_wash(window):
    presets.apply(window.model, "perceptron")  # a step function: f' = 0 everywhere
    window.scheduler.flush()
    plot = window.curve_pane.plot
    assert not any(region.isVisible() for pool in plot.regions.values() for region in pool)
    assert FLAT_LABEL in plot.legend.texts()
    window.model.set_curve_activation("tanh")  # saturates only far out: shaded there
    window.scheduler.flush()
    shaded = [r.getRegion() for r in plot.regions["saturated"] if r.isVisible()]
    assert shaded and all(abs(lo) > 1 or abs(hi) > 1 for lo, hi in shaded)
    assert FLAT_LABEL not in plot.legend.texts()


def test_a_theme_switch_recolours_the_curves(window):
    window.set_theme("dark")
    try:
        pen = window.curve_pane.plot.curves["main:f"].opts["pen"]
        assert pen.color().name() == theme.CURVE_PALETTES["dark"][0].lower()
        marker = window.curve_pane.plot.marker.opts["brush"].color()
        assert marker == QColor(theme.PLOT_ROLES["accent"]["dark"])
    finally:
        window.set_theme("light")
    assert np.isclose(
        window.curve_pane.plot.curves["main:f"].opts["pen"].widthF(), theme.KIND_WIDTHS["f"]
    )
