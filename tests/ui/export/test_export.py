"""Export from the window (ui.export: dialog, pane_export, actions) and the format writers.

Each test writes a file and opens it: CSV against the activation library,
JSON through the session reader, PNG through QImage, SVG through an XML parse
and ``rsvg-convert``.
"""

import csv
import json
import shutil
import subprocess
import xml.etree.ElementTree as ET

import numpy as np
import pytest
from PySide6 import QtWidgets
from PySide6.QtGui import QImage

from actplay.core import activations as acts
from actplay.model import session
from actplay.model.playground import Playground
from actplay.ui import theme
from actplay.ui.export import dialog as export_dialog
from actplay.ui.export import formats as export_formats
from actplay.ui.export import pane_export

SVG = "{http://www.w3.org/2000/svg}"


def _build_window(model):
    """The real window when it exists; else the same panes in a plain QMainWindow."""
    try:
        from actplay.ui.shell.main_window import MainWindow
    except ImportError:
        MainWindow = None  # noqa: N806
    if MainWindow is not None:
        return MainWindow(model)
    from actplay.ui.curve.pane import CurvePane
    from actplay.ui.network.panel import NetworkPanel
    from actplay.ui.neuron.panel import NeuronPanel

    window = QtWidgets.QMainWindow()
    window.model = model
    window.curve_pane = CurvePane(model)
    window.neuron_panel = NeuronPanel(model)
    window.network_panel = NetworkPanel(model)
    for panel in (window.curve_pane, window.neuron_panel, window.network_panel):
        panel.refresh(frozenset(panel.SECTIONS))
    splitter = QtWidgets.QSplitter()
    for panel in (window.curve_pane, window.neuron_panel, window.network_panel):
        splitter.addWidget(panel)
    window.setCentralWidget(splitter)
    return window


@pytest.fixture
def window(qtbot):
    model = Playground()
    model.set_curve_activation("elu")
    model.set_curve_param("alpha", 0.7)
    model.add_compare("tanh")
    model.set_visible("d2f", True)
    win = _build_window(model)
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    scheduler = getattr(win, "scheduler", None)
    if scheduler is not None:
        scheduler.flush()
    return win


def _colours(image, step=5):
    return len(
        {
            image.pixel(x, y)
            for y in range(0, image.height(), step)
            for x in range(0, image.width(), step)
        }
    )


def test_csv_from_window_equals_library(window, tmp_path):
    out = tmp_path / "curves.csv"
    pane_export.export_pane(window, "curve", out)
    with open(out, newline="", encoding="utf-8") as stream:
        rows = list(csv.reader(stream))
    header = rows[0]
    columns = np.array([[float(cell) for cell in row] for row in rows[1:]]).T
    x = columns[0]
    assert len(x) == window.model.points
    assert header == [
        "x",
        "elu(alpha=0.7)",
        "d/dx elu(alpha=0.7)",
        "d2/dx2 elu(alpha=0.7)",
        "tanh",
        "d/dx tanh",
        "d2/dx2 tanh",
    ]
    elu, tanh = acts.get("elu"), acts.get("tanh")
    expected = [
        elu(x, alpha=0.7),
        elu.derivative(x, alpha=0.7),
        elu.second_derivative(x, alpha=0.7),
        tanh(x),
        tanh.derivative(x),
        tanh.second_derivative(x),
    ]
    for column, reference in zip(columns[1:], expected, strict=True):
        np.testing.assert_array_equal(column, reference)


def test_json_from_window_reads_back_the_same_state(window, tmp_path):
    out = tmp_path / "state.json"
    pane_export.export_pane(window, "window", out)
    assert session.read_state(out) == window.model.state_dict()
    assert session.load(out).state_dict() == window.model.state_dict()
    data = json.loads(out.read_text(encoding="utf-8"))["data"]
    assert len(data["series"]) == 6 and len(data["x"]) == window.model.points


@pytest.mark.parametrize("pane", ["curve", "neuron", "network", "window"])
def test_png_of_each_pane_is_crisp_and_not_blank(window, tmp_path, pane):
    widget = pane_export.pane_widgets(window)[pane]
    out = tmp_path / f"{pane}.png"
    pane_export.export_pane(window, pane, out, scale=2.0)
    image = QImage(str(out))
    assert (image.width(), image.height()) == (2 * widget.width(), 2 * widget.height())
    assert _colours(image) >= 3


def test_svg_of_curve_pane_has_one_path_per_curve_and_renders(window, tmp_path):
    out = tmp_path / "curve.svg"
    pane_export.export_pane(window, "curve", out)
    root = ET.parse(out).getroot()
    points = window.model.points
    lengths = sorted(len(shape.get("d", "").split()) for shape in root.iter(SVG + "path"))
    assert lengths.count(points) == 6  # f, f', f'' of elu and of tanh: every sample
    drawn, _ = window.curve_pane.plot.curves["main:f"].getData()
    assert len(drawn) < points  # ... while on screen the curves are thinned to the pixels
    # A curve cut into two-point segments would add `points - 1` polylines (ticks are few).
    assert len(list(root.iter(SVG + "polyline"))) < points - 1
    rsvg = shutil.which("rsvg-convert")
    if rsvg is None:
        pytest.skip("rsvg-convert not installed")
    png = tmp_path / "curve-rsvg.png"
    subprocess.run([rsvg, str(out), "-o", str(png)], check=True, timeout=60)
    image = QImage(str(png))
    assert image.width() > 100 and _colours(image) >= 4


def test_svg_of_whole_window_is_refused_and_writes_nothing(window, tmp_path):
    out = tmp_path / "window.svg"
    with pytest.raises(ValueError, match="PNG"):
        pane_export.export_pane(window, "window", out)
    assert list(tmp_path.iterdir()) == []


def test_failed_write_keeps_the_old_file(window, tmp_path, monkeypatch):
    out = tmp_path / "keep.csv"
    out.write_bytes(b"old bytes")

    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(export_formats.os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        pane_export.export_pane(window, "curve", out)
    assert out.read_bytes() == b"old bytes"
    assert [p.name for p in tmp_path.iterdir()] == ["keep.csv"]


def test_dialog_exports_chosen_pane_and_format(window, tmp_path, qtbot):
    dialog = export_dialog.ExportDialog(window, "neuron")
    qtbot.addWidget(dialog)
    assert dialog.pane() == "neuron"
    dialog.set_format("png")
    dialog.scale_spin.setValue(1.5)
    widget = pane_export.pane_widgets(window)["neuron"]
    out = tmp_path / "neuron.png"
    assert dialog.export_to(str(out))
    image = QImage(str(out))
    assert image.width() == round(1.5 * widget.width())
    # A bad folder shows a message, raises nothing, writes nothing.
    assert not dialog.export_to(str(tmp_path / "missing" / "x.png"))
    assert "folder" in dialog.message.text()


def test_file_menu_export_action_has_ctrl_e(window):
    action = window.export_actions["export"]
    assert action.shortcut().toString() == "Ctrl+E"
    menus = [a.menu() for a in window.menuBar().actions() if a.menu() is not None]
    assert [a for menu in menus for a in menu.actions() if a.text() == action.text()] == [action]
    assert menus[0].objectName() == "file_menu" and action in menus[0].actions()


def test_each_pane_has_right_click_export(window):
    for pane in ("curve", "neuron", "network"):
        widget = pane_export.pane_widgets(window)[pane]
        assert window.export_actions[f"export_{pane}"] in widget.actions()


def test_copy_image_puts_the_pane_on_the_clipboard(window):
    image = pane_export.copy_pane_image(window, "curve")
    copied = QtWidgets.QApplication.clipboard().image()
    assert not copied.isNull()
    assert (copied.width(), copied.height()) == (image.width(), image.height())


@pytest.mark.parametrize(
    "pane, panel, plot",
    [
        ("curve", "curve_pane", "plot"),
        ("neuron", "neuron_panel", "bars"),
        ("network", "network_panel", "canvas"),
    ],
)
def test_pane_export_is_its_plot_without_the_controls(window, tmp_path, pane, panel, plot):
    widget = getattr(window, panel)
    for name in plot.split("."):
        widget = getattr(widget, name)
    out = tmp_path / f"{pane}.png"
    pane_export.export_pane(window, pane, out)
    image = QImage(str(out))
    assert (image.width(), image.height()) == (widget.width(), widget.height())
    # No picker, sliders or help text around it: every corner is the plot's own background.
    if hasattr(widget, "backgroundBrush"):
        background = widget.backgroundBrush().color().rgb()
    else:  # a painted widget: the theme's plot background
        background = theme.plot_background().rgb()
    corners = {image.pixel(x, y) for x in (1, image.width() - 2) for y in (1, image.height() - 2)}
    assert corners == {background}
