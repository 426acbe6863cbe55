"""The closepath fix for pyqtgraph 0.14.0's SVG exporter (actplay.ui.export.svg_patch)."""

import importlib
import shutil
import subprocess
import xml.dom.minidom as minidom
import xml.etree.ElementTree as ET

import numpy as np
import pyqtgraph as pg
import pytest

from actplay.ui.export import svg_patch

SVG_MODULE = importlib.import_module("pyqtgraph.exporters.SVGExporter")
SVG_NS = "{http://www.w3.org/2000/svg}"


def _unpatched_correct_coordinates():
    current = SVG_MODULE.correctCoordinates
    return getattr(current, "__wrapped__", current)


def _group_with_closed_path():
    # What Qt >= 6.11 writes for a view box frame inside a translated, scaled group.
    doc = minidom.parseString(
        '<g><g transform="matrix(2,0,0,3,10,20)">'
        '<path d="M0,0 L5,0 L5,4 L0,4 L0,0 Z M1,1 L2,2 Z "/></g></g>'
    )
    return doc.documentElement


@pytest.mark.parametrize(
    ("pyqtgraph_version", "qt_version", "needed"),
    [
        ("0.14.0", "6.11.3", True),
        ("0.14.0", "6.11.0", True),
        ("0.13.7", "6.12.0", True),
        ("0.14.0", "6.10.2", False),
        ("0.14.1", "6.11.3", False),
        ("0.15.0.dev0", "6.11.3", False),
    ],
)
def test_patch_needed_follows_the_versions(pyqtgraph_version, qt_version, needed):
    assert svg_patch.patch_needed(pyqtgraph_version, qt_version) is needed


def test_original_parser_fails_on_closepath_and_wrapper_does_not():
    original = _unpatched_correct_coordinates()
    with pytest.raises(ValueError, match="not enough values to unpack"):
        original(_group_with_closed_path(), [], None, {})

    node = _group_with_closed_path()
    svg_patch.tolerant_correct_coordinates(original)(node, [], None, {})
    tokens = node.getElementsByTagName("path")[0].getAttribute("d").split()
    # x' = 2x + 10, y' = 3y + 20, closepaths kept in place.
    assert tokens == [
        "M10.0,20.0",
        "L20.0,20.0",
        "L20.0,32.0",
        "L10.0,32.0",
        "L10.0,20.0",
        "Z",
        "M12.0,23.0",
        "L14.0,26.0",
        "Z",
    ]


def test_apply_is_idempotent_and_installs_the_wrapper():
    assert svg_patch.apply_svg_patch(force=True)
    first = SVG_MODULE.correctCoordinates
    assert svg_patch.apply_svg_patch(force=True)
    assert SVG_MODULE.correctCoordinates is first
    assert hasattr(first, "__wrapped__")
    assert not hasattr(first.__wrapped__, "__wrapped__")


def test_plot_exports_to_svg_with_one_path_per_curve(qtbot, tmp_path):
    svg_patch.apply_svg_patch(force=True)
    widget = pg.PlotWidget()
    qtbot.addWidget(widget)
    widget.resize(500, 320)
    x = np.linspace(-6.0, 6.0, 301)
    # A wide pen, drawn as one path because segmented lines are off.
    item = widget.plot(x, np.tanh(x), pen=pg.mkPen("#d55e00", width=3))
    item.curve.setSegmentedLineMode("off")  # PlotDataItem does not pass this option on
    widget.show()
    qtbot.waitExposed(widget)

    out = tmp_path / "plot.svg"
    pg.exporters.SVGExporter(widget.plotItem).export(str(out))

    root = ET.parse(out).getroot()
    # Qt puts the pen on the enclosing group, the shapes inside inherit it.
    curves = [
        shape
        for group in root.iter(SVG_NS + "g")
        if group.get("stroke", "").lower() == "#d55e00"
        for shape in group
        if shape.tag in (SVG_NS + "path", SVG_NS + "polyline")
    ]
    assert len(curves) == 1
    assert curves[0].tag == SVG_NS + "path"
    assert len(curves[0].get("d").split()) == len(x)

    rsvg = shutil.which("rsvg-convert")
    if rsvg is None:
        pytest.skip("rsvg-convert not installed")
    png = tmp_path / "plot.png"
    subprocess.run([rsvg, str(out), "-o", str(png)], check=True, timeout=60)
    image = pg.QtGui.QImage(str(png))
    assert image.width() >= 400
    assert not image.isNull()


def test_no_plot_of_the_window_opens_pyqtgraphs_own_export_dialog(window):
    # Our SVG export patches the exporter itself; pyqtgraph's Export... dialog (reached only
    # through a plot's context menu) is not reachable, so it needs no patch of its own.
    panel = window.network_panel
    built = (panel.bars, panel.diagnostics, window.curve_pane.compare_box)
    assert all(built) and window.training_panel is not None
    window.neuron_panel.truth_table  # noqa: B018 (built on first use)
    checked = 0
    for view in window.findChildren(pg.GraphicsView):
        for item in view.scene().items():
            if isinstance(item, pg.ViewBox):
                assert not item.menuEnabled(), view.objectName()
                checked += 1
            elif isinstance(item, pg.ImageItem):
                assert item.getMenu() is None, view.objectName()
    assert checked >= 5  # curve, neuron bars, layer bars, diagnostics, training charts
