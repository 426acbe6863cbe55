"""The network panel drives the model, and shows what the model (and core) compute.

The panel is tested standalone with a Playground whose ``changed`` event calls
``panel.refresh`` directly (the main window puts a scheduler in between).
References: the model's own state and results, and ``actplay.core`` evaluated
independently of the panel.
"""

import numpy as np
import pytest
from PySide6 import QtCore, QtWidgets

from actplay.core.grid import grid_activations
from actplay.core.network import Network
from actplay.model import presets
from actplay.model.playground import Playground

SECTIONS = frozenset({"network", "view"})


@pytest.fixture
def model():
    return Playground()


@pytest.fixture
def panel(model, show_network_panel):
    return show_network_panel(model)


def _show_tab(panel, page):
    for index in range(panel.tabs.count()):
        tab_page = panel.tabs.widget(index)
        if tab_page is page or tab_page.isAncestorOf(page):
            panel.tabs.setCurrentIndex(index)
            return
    raise AssertionError("tab not found")


def _click_view_point(qtbot, panel, x, y):
    point = panel.graph.view_to_widget(x, y)
    qtbot.mouseClick(panel.graph.view.viewport(), QtCore.Qt.MouseButton.LeftButton, pos=point)


def test_size_spins_rebuild_graph_and_traces(panel, model):
    _show_tab(panel, panel.architecture)  # built when first shown
    hidden_1 = panel.findChild(QtWidgets.QSpinBox, "network_layer_1_size")
    hidden_1.setValue(3)
    assert model.layer_sizes == (2, 3, 8, 1)
    assert panel.graph.node_count() == 2 + 3 + 8 + 1
    _show_tab(panel, panel.bars)  # a hidden Layers tab builds its plots when shown
    assert [len(z) for z, _ in panel.bars.output_values()] == [3, 8, 1]

    panel.findChild(QtWidgets.QSpinBox, "network_hidden_count").setValue(3)
    panel.findChild(QtWidgets.QSpinBox, "network_input_size").setValue(3)
    panel.findChild(QtWidgets.QSpinBox, "network_output_size").setValue(4)
    assert model.layer_sizes == (3, 3, 8, 8, 4)
    assert panel.graph.node_count() == sum(model.layer_sizes)
    assert len(panel.graph.geometry_.edge_index) == sum(w.size for w in model.weights)
    assert [slider.objectName() for slider in panel.input_sliders] == [
        "network_input_0",
        "network_input_1",
        "network_input_2",
    ]
    _show_tab(panel, panel.bars)
    trace = model.network_trace()
    for (z_drawn, a_drawn), z, a in zip(panel.bars.output_values(), trace.z, trace.a, strict=True):
        np.testing.assert_allclose(z_drawn, z)
        np.testing.assert_allclose(a_drawn, a)
    # Heatmaps need two inputs: with three, the tab says so instead of drawing.
    _show_tab(panel, panel.heatmaps)
    assert panel.heatmaps.plots.isHidden() and not panel.heatmaps.message.isHidden()


def test_click_connection_then_drag_selected_weight_updates_heatmaps(qtbot, panel, model):
    geometry = panel.graph.geometry_
    edge = int(np.flatnonzero((geometry.edge_index == (2, 3, 5)).all(axis=1))[0])
    # A point 30% along the connection, away from crossings near the nodes.
    x = geometry.edge_x[edge, 0] + 0.3 * (geometry.edge_x[edge, 1] - geometry.edge_x[edge, 0])
    y = geometry.edge_y[edge, 0] + 0.3 * (geometry.edge_y[edge, 1] - geometry.edge_y[edge, 0])
    _click_view_point(qtbot, panel, x, y)
    assert model.selected_weight == (2, 3, 5)
    # layer 2's weight from h1's unit index 5 to h2's unit index 3, counted from 1 on screen
    assert panel.selected_label.text() == "Selected: weight h1[6] \u2192 h2[4] (layer 2)"
    selected = model.selected_weight

    slider = panel.selected_weight
    assert slider.isEnabled()
    assert slider.value() == pytest.approx(model.weights[selected[0] - 1][selected[1:]])
    inner = slider.slider
    inner.setValue(inner.maximum())  # drag to the right end
    layer, out, inp = selected
    assert model.weights[layer - 1][out, inp] == pytest.approx(slider.range()[1])

    lo, hi = model.plane_range
    net = Network.from_arrays(model.weights, model.biases, model.layer_activations)
    expected = grid_activations(net, lo, hi, 100)
    np.testing.assert_allclose(panel.heatmaps.large_image(), expected[-1][0][::-1], atol=1e-6)
    assert panel.heatmaps.large_plot.titleLabel.text.startswith("out unit 1 over")
    mosaic = panel.heatmaps.thumbnails.image
    first_tile = expected[0][0].reshape(50, 2, 50, 2).mean(axis=(1, 3))
    np.testing.assert_allclose(mosaic[:50, :50], first_tile, atol=1e-5)


def test_click_neuron_opens_it_in_the_neuron_builder(qtbot, panel, model):
    geometry = panel.graph.geometry_
    node = int(np.flatnonzero((geometry.node_layer == 1) & (geometry.node_unit == 3))[0])
    _click_view_point(qtbot, panel, geometry.node_x[node], geometry.node_y[node])
    assert model.neuron_target == (1, 3)
    assert model.neuron_weights == pytest.approx(tuple(model.weights[0][3]))
    # An input node is not a neuron: clicking it keeps the selection.
    _click_view_point(qtbot, panel, geometry.node_x[0], geometry.node_y[0])
    assert model.neuron_target == (1, 3)


def test_layer_activation_combos_reach_the_model(panel, model):
    _show_tab(panel, panel.architecture)  # built when first shown
    hidden = panel.findChild(QtWidgets.QComboBox, "network_layer_1_activation")
    output = panel.findChild(QtWidgets.QComboBox, "network_layer_3_activation")
    assert hidden.findData("softmax") == -1
    hidden.setCurrentIndex(hidden.findData("relu"))
    output.setCurrentIndex(output.findData("softmax"))
    assert [name for name, _ in model.layer_activations] == ["relu", "tanh", "softmax"]
    model.set_layer_activation(2, "elu")
    second = panel.findChild(QtWidgets.QComboBox, "network_layer_2_activation")
    assert second.currentData() == "elu"


def test_init_seed_and_randomise_reach_the_model(panel, model):
    _show_tab(panel, panel.architecture)  # built when first shown
    panel.findChild(QtWidgets.QComboBox, "network_init").setCurrentText("he")
    panel.findChild(QtWidgets.QSpinBox, "network_seed").setValue(7)
    assert (model.init_scheme, model.seed) == ("he", 7)
    before = model.weights
    panel.findChild(QtWidgets.QPushButton, "network_randomise").click()
    assert panel.findChild(QtWidgets.QSpinBox, "network_seed").value() == model.seed
    assert not all(np.array_equal(a, b) for a, b in zip(before, model.weights, strict=True))


def test_input_sliders_and_heatmap_click_set_the_network_input(qtbot, panel, model):
    panel.findChild(QtWidgets.QWidget, "network_input_1").spin.setValue(2.5)
    assert model.network_input == (1.0, 2.5)
    panel.heatmaps.set_input_at(-3.0, 4.0)
    assert model.network_input == (-3.0, 4.0)
    np.testing.assert_allclose(panel.heatmaps.marker.getData()[0], [-3.0])
    assert panel.input_sliders[1].value() == pytest.approx(4.0)


def test_diagnostics_shown_equal_the_models(panel, model):
    presets.apply(model, "deep_sigmoid")
    _show_tab(panel, panel.diagnostics)
    diagnostics = model.network_diagnostics()
    rows = panel.diagnostics.shown_rows()
    assert len(rows) == len(diagnostics) == len(model.layer_sizes) - 1
    for row, d in zip(rows, diagnostics, strict=True):
        assert float(row[5]) == pytest.approx(d.mean_abs_derivative, rel=5e-3)
        assert float(row[6]) == pytest.approx(d.gradient_product, rel=5e-3)
        assert float(row[3].rstrip("%")) == pytest.approx(100 * d.dead_fraction, abs=0.5)
        assert float(row[4].rstrip("%")) == pytest.approx(100 * d.saturated_fraction, abs=0.5)
    heights = panel.diagnostics._product_bars.opts["height"]
    np.testing.assert_allclose(heights, np.log10([d.gradient_product for d in diagnostics]))
    # Vanishing gradients: the running product falls by orders of magnitude.
    assert diagnostics[-1].gradient_product < 1e-3


def test_hidden_tabs_wait_until_shown(panel, model):
    _show_tab(panel, panel.diagnostics)
    before = panel.heatmaps.large_image().copy()
    model.set_weight(3, 0, 0, 4.0)
    np.testing.assert_array_equal(panel.heatmaps.large_image(), before)
    _show_tab(panel, panel.heatmaps)
    assert not np.array_equal(panel.heatmaps.large_image(), before)


def test_linear_note_shows_the_equivalent_layer(panel, model):
    assert panel.linear_note.isHidden()
    presets.apply(model, "linear_collapse")
    assert not panel.linear_note.isHidden()
    # Independent reference: multiply the identity layers out by hand.
    weights, biases = model.weights, model.biases
    w_total, b_total = np.eye(model.layer_sizes[0]), np.zeros(model.layer_sizes[0])
    for w, b in zip(weights, biases, strict=True):
        w_total, b_total = w @ w_total, w @ b_total + b
    text = panel.linear_note.text()
    for value in np.ravel(w_total):
        assert f"{value:.4g}" in text
    x = np.asarray(model.network_input)
    np.testing.assert_allclose(w_total @ x + b_total, model.network_trace().a[-1])
    model.set_layer_activation(1, "tanh")
    assert panel.linear_note.isHidden()


def test_hover_shows_the_value_under_the_cursor(qtbot, panel, model):
    geometry = panel.graph.geometry_
    node = int(np.flatnonzero((geometry.node_layer == 2) & (geometry.node_unit == 4))[0])
    point = panel.graph.view_to_widget(geometry.node_x[node], geometry.node_y[node])
    qtbot.mouseMove(panel.graph.view.viewport(), pos=point)
    a = model.network_trace().a[1][4]
    assert panel.graph.hover_label.text().endswith(f"a = {a:.4g}")
    assert "h2 unit 5" in panel.graph.hover_label.text()  # index 4: the fifth unit


def test_large_heatmap_fills_its_plot_with_the_plane(panel, model):
    model.set_plane_range(-4.0, 2.0)
    panel.refresh(frozenset({"network"}))
    (x_lo, x_hi), (y_lo, y_hi) = panel.heatmaps.large_plot.getViewBox().viewRange()
    # The view is the plane, not the plane inside a wide margin of empty axis.
    np.testing.assert_allclose([x_lo, x_hi, y_lo, y_hi], [-4.0, 2.0, -4.0, 2.0], atol=1e-9)


def test_network_inputs_are_labelled_from_one_like_the_neuron(panel):
    labels = [slider.label.text() for slider in panel.input_sliders]
    assert labels == [f"x{i}" for i in range(1, len(panel.input_sliders) + 1)]
    assert [slider.objectName() for slider in panel.input_sliders] == [
        f"network_input_{i}" for i in range(len(panel.input_sliders))
    ]
    large = panel.heatmaps.large_plot
    assert (large.getAxis("bottom").labelText, large.getAxis("left").labelText) == (
        "x\u2081",
        "x\u2082",
    )


@pytest.mark.parametrize(
    "values",
    [
        np.full(40, 1e20),
        1e6 + np.linspace(0, 1e-9, 40),
        np.full(40, -3e300),
        np.linspace(-1, 2, 40),
    ],
)
def test_histogram_bins_values_closer_than_numpy_can_split(values):
    # A saturated layer made np.histogram raise "Too many bins" (found by the soak).
    from actplay.ui.network.diagnostics import HIST_BINS, histogram

    counts, edges = histogram(values)
    assert counts.sum() == len(values) and len(edges) == HIST_BINS + 1
    assert np.all(np.isfinite(edges)) and np.all(np.diff(edges) > 0)
    assert edges[0] <= values.min() and values.max() <= edges[-1]


def _drawn_edges_by_width(panel):
    """{(sign, pen width): sorted edge end points} as the graph draws them."""
    drawn = {}
    for item in panel.graph._edge_items:
        x, y = item.getData()
        if x is None or len(x) == 0:
            continue
        sign = "-" if item.opts["pen"].color().name() in _negative_colours(panel) else "+"
        key = (sign, item.opts["pen"].widthF())
        pairs = sorted(zip(np.round(x, 9), np.round(y, 9), strict=True))
        drawn.setdefault(key, []).extend(pairs)
    return {key: sorted(value) for key, value in drawn.items()}


def _negative_colours(panel):
    n = len(panel.graph._edge_items) // 2
    return {item.opts["pen"].color().name() for item in panel.graph._edge_items[:n]}


def test_edges_follow_the_weights_through_input_and_weight_steps(panel, model):
    from actplay.ui.network import geometry as geo

    def expected():
        # Every edge from the model's weights, put in its width bucket independently.
        g = panel.graph.geometry_
        flat = np.concatenate([np.ravel(w) for w in model.weights])
        edges = {}
        for index, weight in enumerate(flat):
            width = geo.BUCKET_WIDTHS[
                int(np.searchsorted(geo.WEIGHT_BUCKET_EDGES, abs(weight), side="right"))
            ]
            key = ("-" if weight < 0 else "+", width)
            edges.setdefault(key, []).extend(
                zip(np.round(g.edge_x[index], 9), np.round(g.edge_y[index], 9), strict=True)
            )
        return {key: sorted(value) for key, value in edges.items()}

    assert _drawn_edges_by_width(panel) == expected()
    model.set_network_input(0, 0.7)  # no weight moves
    assert _drawn_edges_by_width(panel) == expected()
    for value in (3.0, -0.01, -2.5, 0.2):  # one weight through several buckets
        model.set_weight(1, 0, 0, value)
        assert _drawn_edges_by_width(panel) == expected()
    model.set_layer_sizes([2, 3, 1])  # new edges
    assert _drawn_edges_by_width(panel) == expected()


@pytest.mark.parametrize("sizes", [[2, 8, 8, 1], [2, 16, 16, 16, 2]])
def test_layer_names_stay_inside_a_short_graph(qtbot, panel, model, sizes):
    model.set_layer_sizes(sizes)
    panel.graph.view.setFixedHeight(160)  # the graph's smallest height
    qtbot.wait(20)
    box = panel.graph._vb.sceneBoundingRect()
    labels = panel.graph._layer_labels
    assert [label.toPlainText() for label in labels][0] == "in"
    for label in labels:
        assert box.contains(label.sceneBoundingRect()), label.toPlainText()


def test_detail_tabs_are_built_when_first_shown(panel, model):
    assert panel.findChild(QtWidgets.QSpinBox, "network_seed") is None
    assert panel.findChild(QtWidgets.QTableWidget) is None
    # Changes made while the tabs are unbuilt: a new hidden layer size and a deep sigmoid net.
    presets.apply(model, "deep_sigmoid")
    sizes = list(model.layer_sizes)
    sizes[1] = 3
    model.set_layer_sizes(sizes)
    panel.refresh(frozenset({"network"}))
    assert panel.findChild(QtWidgets.QSpinBox, "network_seed") is None  # still unbuilt
    panel.tabs.setCurrentIndex(3)  # the user opens Architecture: built now, for these sizes
    assert panel.findChild(QtWidgets.QSpinBox, "network_layer_1_size").value() == 3
    assert panel.findChild(QtWidgets.QSpinBox, "network_seed").value() == model.seed
    panel.tabs.setCurrentIndex(0)  # built, then hidden: it must still follow the model
    sizes[1] = 4
    model.set_layer_sizes(sizes)
    panel.refresh(frozenset({"network"}))
    assert panel.findChild(QtWidgets.QSpinBox, "network_layer_1_size").value() == 4
    panel.tabs.setCurrentIndex(2)  # Diagnostics: built now and drawn for the current network
    diagnostics = model.network_diagnostics()
    rows = panel.diagnostics.shown_rows()
    assert len(rows) == len(diagnostics) == len(model.layer_sizes) - 1
    for row, d in zip(rows, diagnostics, strict=True):
        assert float(row[6]) == pytest.approx(d.gradient_product, rel=5e-3)
