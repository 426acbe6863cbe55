"""The network canvas: tiles are the model's grids, links follow the weights, and the
mouse drives the model. References: the core network evaluated independently at the
plane's points, and the model's own state."""

import xml.etree.ElementTree as ET

import numpy as np
import pytest
from PySide6 import QtCore, QtWidgets
from PySide6.QtGui import QImage

from actplay.core import datasets
from actplay.core.grid import plane_grid
from actplay.core.network import Network
from actplay.model.playground import Playground
from actplay.ui import theme
from actplay.ui.network import canvas_layout, canvas_paint
from actplay.ui.network.canvas_overlays import ZOOM_MAP_PX
from actplay.ui.widgets.names import weight_label


@pytest.fixture
def model():
    return Playground()


@pytest.fixture
def panel(model, show_network_panel):
    return show_network_panel(model)


@pytest.fixture
def canvas(panel):
    return panel.canvas


def _independent_grids(model, resolution):
    """Every layer's activations at the plane's points, from a fresh core Network."""
    lo, hi = model.plane_range
    points = plane_grid(lo, hi, resolution).astype(np.float64)
    inputs = datasets.feature_matrix(points, model.features)
    net = Network.from_arrays(model.weights, model.biases, model.layer_activations)
    trace = net.forward(inputs)
    return [a.T.reshape(-1, resolution, resolution) for a in trace.a]


def test_tiles_are_the_models_grids_at_the_drawn_resolution(canvas, model):
    resolution = canvas.tile_resolution()
    assert resolution == round(canvas.layout_.tile * canvas.devicePixelRatioF())
    grids = model.unit_grids(resolution)
    expected = _independent_grids(model, resolution)
    for column, (grid, reference) in enumerate(zip(grids.layers, expected, strict=True), 1):
        np.testing.assert_allclose(grid, reference, rtol=1e-12, atol=1e-12)
        centred = column == len(expected)  # the sigmoid output is a probability
        np.testing.assert_array_equal(
            canvas.tile_rows(column), canvas_paint.lut_rows(reference, centred)
        )


def test_a_weight_change_recomputes_only_the_layers_it_reaches(canvas, model):
    cache = model._parts.results.unit_grid_cache
    before = model.unit_grids(canvas.tile_resolution())
    images = {column: canvas._tile_images[column][1] for column in (0, 1, 2, 3)}
    counted = cache.recomputed_layers
    model.set_weight(3, 0, 2, 2.5)  # the output layer's weights
    after = model.unit_grids(canvas.tile_resolution())
    assert cache.recomputed_layers - counted == 1
    assert after.layers[0] is before.layers[0] and after.layers[1] is before.layers[1]
    assert canvas._tile_images[1][1] is images[1]  # the first hidden layer is not redrawn
    assert canvas._tile_images[3][1] is not images[3]
    model.set_weight(1, 4, 0, -1.0)
    assert cache.recomputed_layers - counted == 1 + 3
    expected = _independent_grids(model, canvas.tile_resolution())
    np.testing.assert_allclose(model.unit_grids(canvas.tile_resolution()).layers[2], expected[2])


def test_links_follow_every_weight_continuously(canvas, model):
    layout = canvas.layout_
    flat = np.concatenate([np.ravel(w) for w in model.weights])
    assert len(layout.link_layer) == flat.size
    np.testing.assert_array_equal(canvas._flat_weights, flat)
    # continuous in |w| (no buckets), monotonic, capped
    widths = canvas_paint.link_widths(np.array([0.0, 0.5, 0.51, 4.0, 9.0]), np.full(5, 6.0))
    assert widths[1] < widths[2] < widths[3] == widths[4] == 6.0
    assert widths[0] == canvas_paint.MIN_WIDTH
    model.set_weight(2, 3, 5, -3.0)
    index = canvas.link_index(2, 3, 5)
    assert canvas._flat_weights[index] == -3.0
    assert canvas._widths[index] > np.median(canvas._widths)


def test_clicking_a_link_selects_its_weight_and_the_slider_edits_it(qtbot, canvas, panel, model):
    index = canvas.link_index(2, 3, 5)
    qtbot.mouseClick(canvas, QtCore.Qt.MouseButton.LeftButton, pos=canvas.link_point(index))
    assert model.selected_weight == (2, 3, 5)
    view = panel.canvas_view
    assert view.selected_row.isVisible()
    assert view.selected_label.text() == weight_label(2, 3, 5, 4)  # "h1[6] → h2[4]"
    slider = panel.selected_weight
    assert slider.value() == pytest.approx(model.weights[1][3, 5])
    slider.slider.setValue(slider.slider.maximum())
    assert model.weights[1][3, 5] == pytest.approx(slider.range()[1])
    expected = _independent_grids(model, canvas.tile_resolution())
    np.testing.assert_array_equal(canvas.tile_rows(2), canvas_paint.lut_rows(expected[1]))
    qtbot.keyClick(canvas, QtCore.Qt.Key.Key_Escape)
    assert model.selected_weight is None and not view.selected_row.isVisible()


def test_clicking_a_unit_opens_it_and_a_feature_switches_it(qtbot, canvas, model):
    qtbot.mouseClick(canvas, QtCore.Qt.MouseButton.LeftButton, pos=canvas.tile_centre(1, 3))
    assert model.neuron_target == (1, 3)
    assert model.neuron_weights == pytest.approx(tuple(model.weights[0][3]))
    square = datasets.FEATURES.index("x1^2")
    qtbot.mouseClick(canvas, QtCore.Qt.MouseButton.LeftButton, pos=canvas.tile_centre(0, square))
    assert model.features == ("x1", "x2", "x1^2") and model.layer_sizes[0] == 3
    assert canvas._plane_mode  # the inputs are features of the plane
    grids = model.unit_grids(canvas.tile_resolution())
    np.testing.assert_allclose(
        grids.layers[0], _independent_grids(model, canvas.tile_resolution())[0]
    )
    qtbot.mouseClick(canvas, QtCore.Qt.MouseButton.LeftButton, pos=canvas.tile_centre(0, square))
    assert model.features == ("x1", "x2")


def _hover(canvas, point):
    """A mouse move over the canvas, delivered to it (QTest's moves depend on where the
    previous test left the cursor, and on which window the platform thinks is under it)."""
    from PySide6.QtGui import QMouseEvent

    event = QMouseEvent(
        QtCore.QEvent.Type.MouseMove,
        QtCore.QPointF(point),
        canvas.mapToGlobal(QtCore.QPointF(point)),
        QtCore.Qt.MouseButton.NoButton,
        QtCore.Qt.MouseButton.NoButton,
        QtCore.Qt.KeyboardModifier.NoModifier,
    )
    QtWidgets.QApplication.sendEvent(canvas, event)


def test_hovering_shows_a_tile_enlarged_and_a_links_weight(qtbot, canvas, model):
    _hover(canvas, canvas.tile_centre(2, 4))
    assert canvas.zoom.isVisible()
    grid = _independent_grids(model, ZOOM_MAP_PX)[1][4]
    np.testing.assert_array_equal(canvas.zoom.map_rows(), canvas_paint.lut_rows(grid))
    index = canvas.link_index(1, 2, 0)
    _hover(canvas, canvas.link_point(index))
    assert not canvas.zoom.isVisible() and canvas.card.isVisible()
    weight = model.weights[0][2, 0]
    assert canvas.card.text().startswith(f"Weight {weight_label(1, 2, 0, 4)} is ")
    assert f"{abs(weight):.3f}"[:4] in canvas.card.text()


def test_headers_change_sizes_and_activations_in_place(canvas, model):
    header = canvas.layer_headers[0]
    header.plus.click()
    assert model.layer_sizes == (2, 9, 8, 1)
    header.minus.click()
    assert model.layer_sizes == (2, 8, 8, 1)
    header = canvas.layer_headers[1]
    header.combo.setCurrentIndex(header.combo.findData("relu"))
    header.combo.activated.emit(header.combo.currentIndex())
    assert model.layer_activations[1][0] == "relu"
    canvas.depth_header.plus.click()
    assert model.layer_sizes == (2, 8, 8, 8, 1)
    assert len(canvas.layer_headers) == 4
    canvas.depth_header.minus.click()
    assert model.layer_sizes == (2, 8, 8, 1)
    assert canvas.layer_headers[2].combo.findData("softmax") >= 0  # only the output offers it


def test_other_networks_show_each_units_value_for_the_input(canvas, model):
    model.set_layer_sizes((3, 4, 2))
    canvas.refresh()
    assert not canvas._plane_mode and model.unit_grids(8) is None
    trace = model.network_trace()
    np.testing.assert_array_equal(canvas._values[1], trace.a[0])
    np.testing.assert_array_equal(canvas._values[0], model.network_input)
    assert canvas.grab().width() > 0  # value tiles paint


@pytest.mark.parametrize(
    "sizes", [(2, 8, 8, 1), (2, 16, 16, 16, 16, 16, 16, 1), (8, 16, 16, 16, 16, 16, 16, 8)]
)
def test_layouts_keep_tiles_apart_and_headers_inside(sizes):
    # The canvas's share of a 1280x800 window in the network layout (about 560 x 620 px).
    input_count = 7 if sizes[0] == 2 else sizes[0]
    rows = list(range(sizes[0]))
    layout = canvas_layout.place(sizes, input_count, rows, 560, 620, 60, 46, 30)
    assert layout.tile >= 28 or max(sizes) > 8
    assert layout.tile >= 20
    boxes = [
        (float(x), float(y)) for corners in layout.columns for x, y in corners
    ]  # every tile's corner
    for i, (x1, y1) in enumerate(boxes):
        for x2, y2 in boxes[i + 1 :]:
            apart = abs(x1 - x2) >= layout.tile or abs(y1 - y2) >= layout.tile
            assert apart
    assert all(corners[:, 1].max() + layout.tile <= 620 for corners in layout.columns)
    gaps = np.diff(layout.column_x)
    assert np.all(gaps >= layout.tile * (1 + canvas_layout.LINK_ROOM) - 1e-9)


def test_svg_of_the_canvas_is_vector_paths(canvas, tmp_path):
    from actplay.ui.export.vector import svg_bytes

    data = svg_bytes(canvas)
    root = ET.fromstring(data)
    assert root.get("viewBox").split()[2:] == [str(canvas.width()), str(canvas.height())]
    paths = root.findall(".//{http://www.w3.org/2000/svg}path")
    assert len(paths) >= len(canvas_paint.link_batches(canvas._flat_weights, canvas._widths))


def test_the_canvas_is_drawn_in_the_themes_colours(qtbot, canvas):
    app = QtWidgets.QApplication.instance()
    try:
        app.setProperty("actplay_theme", "dark")
        canvas.update()
        image: QImage = canvas.grab().toImage()
        assert QImage(image).pixelColor(1, canvas.height() - 2) == theme.plot_background()
        assert theme.plot_background().lightness() < 60
    finally:
        app.setProperty("actplay_theme", "light")
    image = canvas.grab().toImage()
    assert image.pixelColor(1, canvas.height() - 2) == theme.plot_background()


def test_link_batches_hold_every_link_once_with_its_pen():
    weights = np.array([0.3, -0.3, 2.0, -4.5, 0.0, 0.31, -2.0])
    widths = canvas_paint.link_widths(weights, np.full(weights.size, 6.0))
    batches = canvas_paint.link_batches(weights, widths)
    seen = np.sort(np.concatenate([members for *_pen, members in batches]))
    np.testing.assert_array_equal(seen, np.arange(weights.size))
    for sign, width, _alpha, members in batches:
        assert all((weights[members] >= 0) == (sign > 0))
        assert np.all(np.abs(widths[members] - width) <= canvas_paint.WIDTH_STEP / 2 + 1e-12)
    assert [width for _s, width, _a, _m in batches] == sorted(w for _s, w, _a, _m in batches)


def test_the_canvas_does_not_import_numpy_ma_at_start():
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from actplay.app import create_window\n"
        "w = create_window(); w.resize(1280, 800); w.show(); app.processEvents()\n"
        "print('numpy.ma' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split()[-1] == "False"


def test_a_hurried_link_picture_covers_the_whole_canvas(window):
    # Training repaints slow link pictures at half resolution: drawn scaled up to the
    # canvas, also when the canvas is painted as part of the window (screenshots, exports).
    from actplay.ui.export.render import render_widget

    canvas = window.network_panel.canvas
    window.scheduler.flush()
    layout = canvas.layout_
    band = QtCore.QRect(  # between the input column and the first layer: links only
        int(layout.column_x[0] + layout.tile + 3),
        int(layout.columns[0][0, 1]),
        int(layout.column_x[1] - layout.column_x[0] - layout.tile - 6),
        int(layout.columns[1][-1, 1] - layout.columns[0][0, 1]),
    )

    def ink():
        image = render_widget(window).convertToFormat(QImage.Format.Format_RGB32)
        corner = canvas.mapTo(window, band.topLeft())
        part = image.copy(QtCore.QRect(corner, band.size()))
        bits = np.frombuffer(part.constBits(), dtype=np.uint8)
        pixels = bits.reshape(part.height(), part.bytesPerLine())[:, : 4 * part.width()]
        background = theme.plot_background()
        rgb = pixels.reshape(part.height(), part.width(), 4)[..., [2, 1, 0]].astype(int)
        reference = np.array([background.red(), background.green(), background.blue()])
        return np.abs(rgb - reference).max(axis=-1) > 24

    full = ink()
    canvas._links_pixmap = None
    canvas._last_render_ms, canvas._last_render_at = 1e3, __import__("time").perf_counter()
    hurried = ink()
    assert not canvas._links_pixmap[3]  # this one was hurried
    assert full.sum() > 100
    assert (full & hurried).sum() > 0.6 * full.sum()  # the same links, a little softer


def test_every_hover_card_text_goes_through_translate(canvas, model, monkeypatch):
    from actplay.ui.network import canvas_interaction

    # a stand-in translation that marks every text it is asked for
    monkeypatch.setattr(
        canvas_interaction, "translate", lambda context, text: f"[{context}] {text}"
    )
    link = canvas.describe(("link", canvas.link_index(1, 2, 0)))
    feature = canvas.describe(("tile", 0, 0))
    unit = canvas.describe(("tile", 1, 3))
    assert link.startswith(f"[network] Weight {weight_label(1, 2, 0, 4)} is ")
    assert feature.startswith("[network] Feature ") and "click to switch it off" in feature
    assert unit.startswith("[network] h1 unit 4: bias ") and "z = " in unit
    model.set_layer_sizes((3, 4, 2))  # not over the plane: the inputs are values
    canvas.refresh()
    assert canvas.describe(("tile", 0, 1)).startswith("[network] Input x2 = ")
