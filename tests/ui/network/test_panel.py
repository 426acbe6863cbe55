"""The network panel drives the model, and shows what the model (and core) compute.

The panel is tested standalone with a Playground whose ``changed`` event calls
``panel.refresh`` directly (the main window puts a scheduler in between).
References: the model's own state and results, and ``actplay.core`` evaluated
independently of the panel.
"""

import numpy as np
import pytest
from PySide6 import QtWidgets

from actplay.model import presets
from actplay.model.playground import Playground
from actplay.ui.widgets.numbers import parse_number

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


def test_size_spins_rebuild_canvas_and_traces(panel, model):
    _show_tab(panel, panel.architecture)  # built when first shown
    hidden_1 = panel.findChild(QtWidgets.QSpinBox, "network_layer_1_size")
    hidden_1.setValue(3)
    assert model.layer_sizes == (2, 3, 8, 1)
    assert [len(c) for c in panel.canvas.layout_.columns[1:]] == [3, 8, 1]
    _show_tab(panel, panel.bars)  # a hidden Layers tab builds its plots when shown
    assert [len(z) for z, _ in panel.bars.output_values()] == [3, 8, 1]

    panel.findChild(QtWidgets.QSpinBox, "network_hidden_count").setValue(3)
    panel.findChild(QtWidgets.QSpinBox, "network_input_size").setValue(3)
    panel.findChild(QtWidgets.QSpinBox, "network_output_size").setValue(4)
    assert model.layer_sizes == (3, 3, 8, 8, 4)
    assert [len(c) for c in panel.canvas.layout_.columns[1:]] == [3, 8, 8, 4]
    assert len(panel.canvas.layout_.link_layer) == sum(w.size for w in model.weights)
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
    # Three inputs that are not the data set's features: no plane, each unit shows its value.
    assert model.unit_grids(10) is None and not panel.canvas._plane_mode


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


def test_a_refused_architecture_edit_is_shown_and_undone(panel, model, monkeypatch):
    from actplay.model.errors import InvalidValue

    _show_tab(panel, panel.architecture)  # built when first shown
    status = panel.findChild(QtWidgets.QLabel, "network_architecture_status")
    hidden_count = panel.findChild(QtWidgets.QSpinBox, "network_hidden_count")

    def refuse(sizes):
        raise InvalidValue("layer sizes: not today")

    monkeypatch.setattr(model, "set_layer_sizes", refuse)
    hidden_count.setValue(3)
    assert status.text() == "layer sizes: not today"
    assert hidden_count.value() == len(model.layer_sizes) - 2 == 2  # back to the model's
    monkeypatch.undo()
    model.set_seed(model.seed + 1)  # the network changes: the refusal is forgotten
    assert status.text() == ""


def test_input_sliders_set_the_network_input_and_follow_it(qtbot, panel, model):
    panel.findChild(QtWidgets.QWidget, "network_input_1").spin.setValue(2.5)
    assert model.network_input == (1.0, 2.5)
    model.set_network_input(1, 4.0)
    assert panel.input_sliders[1].value() == pytest.approx(4.0)


def test_inputs_tab_shows_the_output_the_inputs_make(panel, model):
    label = panel.findChild(QtWidgets.QLabel, "network_inputs_output")
    for x1 in (-3.0, 2.0):
        panel.input_sliders[0].spin.setValue(x1)
        expected = model.network().forward(np.asarray(model.network_input))
        shown = label.text().split("=")[-1]
        assert parse_number(shown) == pytest.approx(float(np.ravel(expected.a[-1])[0]), abs=0.006)
    model.set_layer_sizes((2, 4, 3))
    model.set_layer_activation(2, "softmax")
    assert label.text().startswith("Class probabilities (softmax)")


def test_diagnostics_shown_equal_the_models(panel, model):
    presets.apply(model, "deep_sigmoid")
    _show_tab(panel, panel.diagnostics)
    diagnostics = model.network_diagnostics()
    rows = panel.diagnostics.shown_rows()
    assert len(rows) == len(diagnostics) == len(model.layer_sizes) - 1
    for row, d in zip(rows, diagnostics, strict=True):
        assert parse_number(row[1]) == pytest.approx(d.gradient_product, rel=5e-3)
        assert parse_number(row[2]) == pytest.approx(d.mean_abs_derivative, rel=5e-3)
        dead, saturated = (parse_number(text.rstrip(" %")) for text in row[3:5])
        assert dead == pytest.approx(100 * d.dead_fraction, abs=0.5)
        assert saturated == pytest.approx(100 * d.saturated_fraction, abs=0.5)
    _slopes, heights = panel.diagnostics.gradient_heights()
    products = np.array([d.gradient_product for d in diagnostics])
    np.testing.assert_allclose(heights, np.log10(np.maximum(products, 1e-6)))
    # Vanishing gradients: the running product falls by orders of magnitude.
    assert diagnostics[-1].gradient_product < 1e-3


def test_hidden_tabs_wait_until_shown(panel, model):
    _show_tab(panel, panel.bars)
    before = [z.copy() for z, _a in panel.bars.output_values()]
    _show_tab(panel, panel.diagnostics)
    model.set_weight(1, 0, 0, 4.0)
    assert all(
        np.array_equal(a, b)
        for a, b in zip(before, [z for z, _ in panel.bars.output_values()], strict=True)
    )
    _show_tab(panel, panel.bars)
    np.testing.assert_allclose(panel.bars.output_values()[0][0], model.network_trace().z[0])


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
    shown_w = text.split("W = [", 1)[1].split("]", 1)[0].replace(";", ",").split(",")
    np.testing.assert_allclose([parse_number(v) for v in shown_w], np.ravel(w_total), rtol=1e-3)
    assert "-" not in text.replace("<br>", "")  # a real minus sign, not numpy's hyphen
    x = np.asarray(model.network_input)
    np.testing.assert_allclose(w_total @ x + b_total, model.network_trace().a[-1])
    model.set_layer_activation(1, "tanh")
    assert panel.linear_note.isHidden()


def test_network_inputs_are_labelled_from_one_like_the_neuron(panel):
    labels = [slider.label.text() for slider in panel.input_sliders]
    assert labels == [f"x{i}" for i in range(1, len(panel.input_sliders) + 1)]
    assert [slider.objectName() for slider in panel.input_sliders] == [
        f"network_input_{i}" for i in range(len(panel.input_sliders))
    ]


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
        assert parse_number(row[1]) == pytest.approx(d.gradient_product, rel=5e-3)


def test_plane_range_spins_are_bound_to_the_model(panel, model):
    view = panel.canvas_view
    view.lo_spin.setValue(-4.0)
    assert model.plane_range == (-4.0, 6.0)
    model.set_plane_range(-2.0, 3.0)
    assert (view.lo_spin.value(), view.hi_spin.value()) == (-2.0, 3.0)
    view.hi_spin.setValue(-5.0)  # below the low end: refused, shown, and the spin goes back
    assert model.plane_range == (-2.0, 3.0)
    assert view.hi_spin.value() == 3.0
    assert "range" in view.hint.text()


def test_architecture_rows_outliving_their_layer_refuse_and_the_output_row_follows(panel, model):
    # Between a change of depth and the repaint that rebuilds the rows, an old row can be
    # edited (the soak did): a removed hidden layer's row is refused; the output row edits
    # the output layer, wherever it is now.
    from actplay.model.errors import InvalidValue

    editor = panel.architecture
    model.set_layer_sizes((2, 4, 1))  # one hidden layer: rows "2" and the old output are stale
    with pytest.raises(InvalidValue, match="hidden layer 2"):
        editor._set_size(2, 5)
    with pytest.raises(InvalidValue, match="hidden layer 2"):
        editor._set_activation(2, "relu")
    editor._set_size("output", 3)
    editor._set_activation("output", "softmax")
    assert model.layer_sizes == (2, 4, 3)
    assert model.layer_activations[-1][0] == "softmax"


def test_the_gradient_chart_keeps_one_scale_so_deep_nets_differ_at_a_glance(panel, model):
    """Deep sigmoid and deep ReLU drawn on the same fixed decades: the sigmoid's product
    sinks near the floor, the ReLU's stays near the top (an auto-scaled chart drew both
    as the same staircase)."""
    shown = {}
    for name in ("deep_sigmoid", "deep_relu"):
        presets.apply(model, name)
        _show_tab(panel, panel.diagnostics)
        plot = panel.diagnostics._gradient_plot
        assert plot.getViewBox().viewRange()[1] == pytest.approx([-6.3, 0.25])
        ticks = [label for _value, label in plot.getAxis("left")._tickLevels[0]]
        assert ticks[0] == "10\u2070" and ticks[-1] == "10\u207b\u2076" and len(ticks) == 7
        shown[name] = panel.diagnostics.gradient_heights()[1][-1]
        _show_tab(panel, panel.bars)
    assert shown["deep_sigmoid"] < -4 and shown["deep_relu"] > -3  # 10⁻⁴·⁷ against 10⁻²·⁴
    table = panel.diagnostics.table
    assert table.horizontalScrollBar().maximum() == 0  # the key column is never scrolled off
