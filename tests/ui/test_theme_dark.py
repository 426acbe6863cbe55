"""Dark theme through View > Theme: no text stays in light-theme ink.

Each check reads the colour a view actually uses after the menu switched the
theme and measures its WCAG contrast against the background it is drawn on.
"""

from __future__ import annotations

import re

import pyqtgraph as pg
import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from actplay.ui import theme

READABLE = 4.5  # WCAG AA for normal text


def _luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast(a, b) -> float:
    """WCAG contrast ratio of two colours (1..21)."""
    la, lb = sorted((_luminance(QColor(a)), _luminance(QColor(b))), reverse=True)
    return (la + 0.05) / (lb + 0.05)


@pytest.fixture(autouse=True)
def _light_afterwards():
    """The application (palette, plot options) is shared: leave it light for other tests."""
    yield
    from actplay.ui import theme

    theme.apply_theme("light")


def _span_colours(html: str, marker: str) -> list[str]:
    return [
        m for m in re.findall(r"color:\s*(#[0-9A-Fa-f]{6})[^>]*>([^<]*)", html) if marker in m[1]
    ]


def _switch(window, mode):
    window.theme_actions[mode].trigger()  # the menu's own code path
    window.scheduler.flush()


def _window_background():
    return QApplication.instance().palette().color(QPalette.ColorRole.Window)


def _plot_background(view):
    return view.backgroundBrush().color()


def test_equation_slope_and_signed_numbers_are_readable_in_both_themes(window):
    for mode in ("dark", "light", "dark"):
        _switch(window, mode)
        html = window.neuron_panel.equation.text()
        slope = _span_colours(html, "slope")
        assert slope, html
        numbers = re.findall(r"color:\s*(#[0-9A-Fa-f]{6})", html)
        assert len(numbers) >= 3
        for colour in numbers:
            assert contrast(colour, _window_background()) >= READABLE, (mode, colour)


def test_the_network_canvas_follows_the_theme(window):
    canvas = window.network_panel.canvas
    window.scheduler.flush()
    for mode in ("dark", "light", "dark"):
        _switch(window, mode)
        image = canvas.grab().toImage()
        background = image.pixelColor(1, canvas.height() - 2)
        assert background == theme.plot_background(), mode
        assert (background.lightness() < 80) == (mode == "dark")
        assert contrast(theme.plot_foreground(), background) >= READABLE, mode


def test_every_plot_text_item_and_title_is_readable_in_dark(window):
    window.training_dock.show()
    _switch(window, "dark")
    checked = 0
    for view in window.findChildren(pg.GraphicsView):
        background = _plot_background(view)
        for item in view.scene().items():
            if isinstance(item, pg.TextItem) and item.toPlainText().strip():
                ink = item.color
            elif (
                isinstance(item, pg.LabelItem)
                and item.text.strip()
                and item.opts.get("color") is None
            ):
                ink = QColor(re.findall(r"color:\s*(#[0-9a-fA-F]{6,8})", item.item.toHtml())[-1])
            else:
                continue
            checked += 1
            assert contrast(ink, background) >= 3.0, (type(item).__name__, ink.name())
    assert checked >= 5  # the curve plot, bars and training charts (the canvas paints its own)


def test_help_box_field_names_are_readable_after_a_switch(window):
    for mode in ("light", "dark"):
        _switch(window, mode)
        html = window.curve_pane.help_box.toHtml()
        base = QApplication.instance().palette().color(QPalette.ColorRole.Base)
        field = re.search(r"color:\s*(#[0-9a-fA-F]{6})[^>]*>Formula", html)
        assert field, html[:500]
        assert contrast(field.group(1), base) >= READABLE, mode


def test_training_loss_pens_are_visible_on_both_backgrounds(window):
    chart = window.training_panel.loss_chart
    for mode in ("light", "dark"):
        _switch(window, mode)
        background = _plot_background(chart)
        for curve in (chart.train_curve, chart.test_curve):
            assert contrast(curve.opts["pen"].color(), background) >= 3.0, mode


def test_plots_built_after_a_switch_to_dark_are_dark(window):
    """Tabs and docks built on first show (after the switch) get the dark plot colours."""
    _switch(window, "dark")
    panel = window.network_panel
    for page in (panel.bars, panel.diagnostics):
        panel.tabs.setCurrentIndex(
            next(i for i in range(panel.tabs.count()) if panel.tabs.widget(i).isAncestorOf(page))
        )
    assert window.training_panel is not None  # built on first use
    window.scheduler.flush()
    views = [
        view
        for root in (panel.bars, panel.diagnostics, window.training_panel)
        for view in root.findChildren(pg.GraphicsView)
    ]
    assert len(views) >= 3
    axes = 0
    for view in views:
        background = _plot_background(view)
        assert _luminance(background) < 0.05, background.name()
        for item in view.scene().items():
            if isinstance(item, pg.AxisItem) and item.isVisible():
                axes += 1
                assert contrast(item.textPen().color(), background) >= READABLE
                assert contrast(item.pen().color(), background) >= 3.0
    assert axes >= 4


def test_colour_roles_follow_a_switch_and_stay_readable(window):
    """Hints, refusals, notes and highlights: each takes its role's shade in the theme shown."""
    from PySide6.QtWidgets import QLabel

    from actplay.model import presets

    model = window.model
    presets.apply(model, "linear_collapse")  # the network panel's linear note shows
    model.select_network_neuron(1, 0)  # the neuron panel's "editing a network unit" bar
    architecture = window.network_panel.architecture  # built now
    architecture.status.setText("refused")
    hint = window.curve_pane.params.findChild(QLabel, "curve_no_params")  # identity: none
    window.scheduler.flush()
    for mode in ("dark", "light", "dark"):
        _switch(window, mode)
        text = QApplication.instance().palette().color(QPalette.ColorRole.WindowText)
        for label in (hint, architecture.status):
            label.ensurePolished()
            ink = label.palette().color(QPalette.ColorRole.WindowText)
            assert contrast(ink, _window_background()) >= READABLE, (mode, label.objectName())
        for widget in (window.neuron_panel.target_bar, window.network_panel.linear_note):
            widget.ensurePolished()
            fill = widget.grab().toImage().pixelColor(widget.width() // 2, 2)
            assert contrast(text, fill) >= READABLE, (mode, widget.objectName(), fill.name())
        readout = _span_colours(window.curve_pane.readout.text(), "Move the mouse")
        assert readout and contrast(readout[0][0], _window_background()) >= READABLE, mode


def test_truth_table_tints_follow_a_switch(window):
    model = window.model
    model.set_binary_mode(True)
    window.scheduler.flush()
    table = window.neuron_panel.truth_table
    row = table.current_row()
    assert row >= 0
    for mode in ("dark", "light", "dark"):
        _switch(window, mode)
        text = QApplication.instance().palette().color(QPalette.ColorRole.Text)
        tint = table.item(row, 0).background().color()
        assert tint == QColor(theme.widget_colour("current_row_background")), mode
        assert contrast(text, tint) >= READABLE, (mode, tint.name())


def test_nothing_near_zero_glares_on_the_dark_theme(window):
    """The diverging map's zero is dark on the dark theme: canvas tiles, the neuron's
    bars and the colour key under the canvas all take it; the sign ends stay."""
    from actplay.ui.widgets.diverging import LUT_SIZE, diverging_lut

    _switch(window, "dark")
    zero = QColor(*(int(c) for c in diverging_lut()[LUT_SIZE // 2][:3]))
    background = theme.plot_background()
    assert contrast(zero, background) < 2  # no bright patch on the dark plot (light: ~1.2)
    assert tuple(diverging_lut()[0][:3]) == tuple(theme.DIVERGING_COLOURS[0][:3])  # orange
    bars = window.neuron_panel.bars
    assert bars.backgroundBrush().color() == background
    window.model.set_neuron_weight(0, 0.0)  # a zero term: the zero brush
    window.scheduler.flush()
    assert bars.bars.opts["brushes"][0].color() == QColor(*theme.DARK_DIVERGING_ZERO[:3])
    import numpy as np

    from actplay.ui.network.canvas_paint import TileImages
    from actplay.ui.widgets.diverging import opaque_lut

    assert TileImages(np.zeros((1, 2, 2))).images[0].pixelColor(0, 0) == zero
    canvas = window.network_panel.canvas
    canvas.repaint()
    held = canvas._tile_images[1][1]  # the first hidden layer's tiles, made again in dark
    assert held._pixels[0, 0, 0] == opaque_lut()[held.rows[0, 0, 0]]  # the dark table
    assert QColor.fromRgb(int(opaque_lut()[LUT_SIZE // 2])) == zero
    _switch(window, "light")
    assert contrast(QColor(*(int(c) for c in diverging_lut()[LUT_SIZE // 2][:3])), "#FFFFFF") < 1.3


def test_follow_system_follows_a_switch_made_while_the_window_is_open(window, monkeypatch):
    from PySide6.QtCore import Qt

    scheme = {"now": "light"}
    real = theme.resolve_theme
    monkeypatch.setattr(  # where apply_theme looks it up
        theme.switch,
        "resolve_theme",
        lambda mode: scheme["now"] if mode == "system" else real(mode),
    )
    _switch(window, "system")
    assert theme.active_theme() == "light"
    scheme["now"] = "dark"  # the desktop goes dark
    QApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert theme.active_theme() == "dark"
    assert window.curve_pane.plot.backgroundBrush().color() == QColor(theme.DARK_PLOT_BACKGROUND)
    _switch(window, "light")  # a chosen theme stays put when the desktop changes
    scheme["now"] = "dark"
    QApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert theme.active_theme() == "light"
