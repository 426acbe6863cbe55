"""The neuron builder panel: sliders write the model; equation, bars and truth table
show what the core computes (``actplay.core.neuron.Neuron`` is the reference)."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from PySide6 import QtCore, QtGui, QtWidgets

from actplay.core.neuron import Neuron
from actplay.model.playground import Playground
from actplay.ui.neuron.panel import NeuronPanel
from actplay.ui.widgets.float_slider import SLIDER_STEPS, FloatSlider
from actplay.ui.widgets.numbers import format_number


@pytest.fixture
def model():
    return Playground()


@pytest.fixture
def panel(qtbot, model):
    widget = NeuronPanel(model)
    qtbot.addWidget(widget)
    # Scheduler-free: repaint straight after every model event.
    model.changed.connect(widget.refresh)
    widget.resize(480, 900)
    widget.show()
    return widget


def find(panel, cls, name):
    widget = panel.findChild(cls, name)
    assert widget is not None, f"no {cls.__name__} named {name}"
    return widget


def drag(panel, name, fraction):
    """Drag the QSlider of FloatSlider ``name`` to ``fraction`` of its range, as a mouse does."""
    slider = find(panel, QtWidgets.QSlider, f"{name}_slider")
    slider.setSliderDown(True)
    slider.setSliderPosition(round(fraction * SLIDER_STEPS))
    slider.setSliderDown(False)
    return find(panel, FloatSlider, name).value()


def reference(model):
    """The model's neuron rebuilt in the core, evaluated on its inputs."""
    neuron = Neuron(
        model.neuron_weights, model.neuron_bias, model.neuron_activation, model.neuron_params
    )
    x = np.array(model.neuron_inputs)
    return neuron, float(neuron.z(x)), float(neuron.output(x))


def equation_text(panel):
    document = QtGui.QTextDocument()
    document.setHtml(panel.equation.text())
    return document.toPlainText()


def assert_shows_core_result(panel, model):
    neuron, z, a = reference(model)
    x = np.array(model.neuron_inputs)
    text = equation_text(panel)
    assert f"= {format_number(z)}" in text
    assert f"{model.neuron_activation}" in text and f"= {format_number(a)}" in text
    expected_bars = [*(neuron.weights * x), neuron.bias, z]
    np.testing.assert_allclose(panel.bars.heights(), expected_bars, rtol=1e-12, atol=1e-12)
    n = len(x)
    full = [f"w{i}\u00b7x{i}" for i in range(1, n + 1)] + ["b", "z"]
    short = [f"{i}" for i in range(1, n + 1)] + ["b", "z"]  # a chart too narrow for w·x
    assert panel.bars.tick_labels() in (full, short)


@pytest.mark.parametrize(
    ("name", "fraction", "read"),
    [
        ("neuron_input_1", 0.75, lambda m: m.neuron_inputs[1]),
        ("neuron_weight_2", 0.1, lambda m: m.neuron_weights[2]),
        ("neuron_bias", 0.3, lambda m: m.neuron_bias),
    ],
)
def test_dragging_a_slider_sets_the_model_and_repaints(panel, model, name, fraction, read):
    rows_before = list(panel.inputs.input_sliders)
    value = drag(panel, name, fraction)
    lo, hi = find(panel, FloatSlider, name).range()
    assert value == pytest.approx(lo + fraction * (hi - lo))
    assert read(model) == value
    assert_shows_core_result(panel, model)
    # Values change in place: no rows were rebuilt for a drag.
    assert panel.inputs.input_sliders == rows_before


def test_dragging_an_activation_parameter(panel, model):
    picker = find(panel, QtWidgets.QComboBox, "neuron_activation")
    picker.setCurrentIndex(picker.findData("leaky_relu"))
    assert model.neuron_activation == "leaky_relu"
    model.set_neuron_bias(-3.0)  # z < 0, where the slope parameter matters
    value = drag(panel, "neuron_param_negative_slope", 0.5)
    assert value > 0 and model.neuron_params["negative_slope"] == value
    _, z, a = reference(model)
    assert z < 0 and a == pytest.approx(value * z)
    assert_shows_core_result(panel, model)
    assert "negative_slope=" in equation_text(panel)


def test_keyboard_and_typed_values(panel, model, qtbot):
    slider = find(panel, QtWidgets.QSlider, "neuron_weight_0_slider")
    before = model.neuron_weights[0]
    qtbot.keyClick(slider, QtCore.Qt.Key.Key_PageUp)
    assert model.neuron_weights[0] > before
    # A typed value far outside the slider's range reaches the model exactly.
    spin = find(panel, QtWidgets.QDoubleSpinBox, "neuron_input_0_spin")
    spin.setValue(123456.5)
    assert model.neuron_inputs[0] == 123456.5
    assert_shows_core_result(panel, model)
    assert "10\u2075" in equation_text(panel)  # 1.23×10⁵, not a 30-digit number


def test_adding_and_removing_inputs_keeps_weights(panel, model, qtbot):
    weights = model.neuron_weights
    add = find(panel, QtWidgets.QPushButton, "neuron_add_input")
    remove = find(panel, QtWidgets.QPushButton, "neuron_remove_input")
    qtbot.mouseClick(add, QtCore.Qt.MouseButton.LeftButton)
    assert model.neuron_weights == (*weights, 0.0)
    assert find(panel, FloatSlider, "neuron_weight_3").value() == 0.0
    assert [s.value() for s in panel.inputs.weight_sliders] == list(model.neuron_weights)
    assert_shows_core_result(panel, model)
    for _ in range(2):
        qtbot.mouseClick(remove, QtCore.Qt.MouseButton.LeftButton)
    assert model.neuron_weights == weights[:2]
    assert len(panel.inputs.weight_sliders) == 2
    assert [s.value() for s in panel.inputs.weight_sliders] == list(weights[:2])
    assert_shows_core_result(panel, model)
    qtbot.mouseClick(remove, QtCore.Qt.MouseButton.LeftButton)
    assert len(model.neuron_weights) == 1 and not remove.isEnabled()
    model.set_input_count(8)
    assert not add.isEnabled() and len(panel.inputs.input_sliders) == 8


def test_perceptron_truth_table_matches_the_core(panel, model):
    assert panel.findChild(QtWidgets.QGroupBox, "neuron_truth_group") is None  # built on need
    panel.preset_actions["perceptron"].trigger()
    assert panel.findChild(QtWidgets.QGroupBox, "neuron_truth_group") is panel.truth_group
    assert model.binary_mode and panel.truth_group.isVisible()
    assert find(panel, QtWidgets.QCheckBox, "neuron_input_0_check").isVisible()
    assert not find(panel, FloatSlider, "neuron_input_0").isVisible()
    table = panel.truth_table
    neuron, _, _ = reference(model)
    combos = list(itertools.product((0, 1), repeat=3))
    assert table.rowCount() == len(combos)
    for row, combo in enumerate(combos):
        z = float(neuron.z(np.array(combo, dtype=float)))
        a = float(neuron.output(np.array(combo, dtype=float)))
        assert table.row_texts(row) == [*map(str, combo), format_number(z), format_number(a)]
        x1, x2, x3 = combo
        assert (a == 1.0) == bool(x1 or (x2 and x3))
    current = tuple(int(v) for v in model.neuron_inputs)
    assert table.current_row() == combos.index(current)
    # Ticking a box sets the input and moves the highlight.
    check = find(panel, QtWidgets.QCheckBox, "neuron_input_1_check")
    check.click()
    assert model.neuron_inputs[1] == float(check.isChecked())
    current = tuple(int(v) for v in model.neuron_inputs)
    assert table.current_row() == combos.index(current)
    assert_shows_core_result(panel, model)


def test_model_changes_update_the_widgets_without_echo(panel, model):
    events = []
    model.changed.connect(events.append)
    with model.batch():
        model.set_neuron_weight(0, 1.25)
        model.set_neuron_input(2, -2.0)
        model.set_neuron_activation("elu")
        model.set_neuron_param("alpha", 0.5)
    assert len(events) == 1
    assert find(panel, FloatSlider, "neuron_weight_0").value() == 1.25
    assert find(panel, FloatSlider, "neuron_input_2").value() == -2.0
    assert find(panel, QtWidgets.QComboBox, "neuron_activation").currentData() == "elu"
    assert find(panel, FloatSlider, "neuron_param_alpha").value() == 0.5
    assert_shows_core_result(panel, model)
    panel.refresh(frozenset({"neuron"}))  # a repaint writes nothing back
    assert len(events) == 1


def test_bar_value_labels_follow_every_change(panel, model):
    # Labels of unchanged bars are skipped on a step; each must still show its bar.
    for weight, value in ((0, 2.0), (1, -1.5), (0, -0.25), (2, 0.0)):
        model.set_neuron_weight(weight, value)
        neuron, z, _a = reference(model)
        expected = [*(neuron.weights * np.array(model.neuron_inputs)), neuron.bias, z]
        shown = [label.textItem.toPlainText() for label in panel.bars._value_labels]
        assert shown == [format_number(v if abs(v) >= 1e-2 else 0.0) for v in expected]


def test_network_unit_mode(panel, model, qtbot):
    model.select_network_neuron(2, 3)
    assert panel.target_bar.isVisible()
    assert "h2 unit 4" in panel.target_label.text()  # units are counted from 1 on screen
    assert not panel.inputs.add_button.isVisible()
    assert not find(panel, FloatSlider, "neuron_input_0").isEnabled()  # previous layer's outputs
    value = drag(panel, "neuron_weight_5", 0.9)
    assert model.weights[1][3][5] == value
    assert_shows_core_result(panel, model)
    qtbot.mouseClick(
        find(panel, QtWidgets.QPushButton, "neuron_release"), QtCore.Qt.MouseButton.LeftButton
    )
    assert model.neuron_target is None and not panel.target_bar.isVisible()
    assert len(panel.inputs.input_sliders) == 3 and panel.inputs.add_button.isEnabled()


def test_slider_range_box(panel):
    box = find(panel, QtWidgets.QComboBox, "neuron_range")
    box.setCurrentIndex(box.findData(100.0))
    assert find(panel, FloatSlider, "neuron_weight_1").range() == (-100.0, 100.0)
    assert find(panel, FloatSlider, "neuron_bias").range() == (-200.0, 200.0)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (0.5, "0.50"),
        (-1.2, "−1.20"),
        (1e6, "1.00×10⁶"),
        (-0.0, "0.00"),
        (-2.5e-7, "−2.50×10⁻⁷"),
        (-0.004, "−4.00×10⁻³"),
    ],
)
def test_number_format(value, text):
    assert format_number(value) == text


def test_neuron_sliders_move_the_curve_marker(qtbot, model):
    """Issue item 5 through the scheduler: the curve pane's marker and tangent follow."""
    from actplay.ui.curve.pane import CurvePane
    from actplay.ui.scheduler import RedrawScheduler

    scheduler = RedrawScheduler(model)
    panel, curve = NeuronPanel(model), CurvePane(model)
    for view in (panel, curve):
        qtbot.addWidget(view)
        scheduler.register(view, view.SECTIONS)
    for name, fraction in (
        ("neuron_weight_0", 0.8),
        ("neuron_bias", 0.2),
        ("neuron_input_2", 0.65),
    ):
        drag(panel, name, fraction)
        scheduler.flush()
        neuron, z, a = reference(model)
        slope = float(neuron.derivative(np.array(model.neuron_inputs)))
        marker_x, marker_y = curve.plot.marker.getData()
        assert (marker_x[0], marker_y[0]) == pytest.approx((z, a), rel=1e-12)
        tangent_x, tangent_y = curve.plot.tangent.getData()
        assert tangent_y == pytest.approx(a + slope * (tangent_x - z), rel=1e-9)
        assert_shows_core_result(panel, model)
    scheduler.stop()


def test_in_the_main_window(qtbot):
    """Through create_window(): the scheduler repaints the panel and the curve marker."""
    from actplay.app import create_window

    window = create_window()
    qtbot.addWidget(window)
    window.show()
    panel, model = window.neuron_panel, window.model
    assert isinstance(panel, NeuronPanel) and window.neuron_dock.widget() is panel
    drag(panel, "neuron_weight_1", 0.95)
    window.scheduler.flush()
    assert model.neuron_weights[1] == find(panel, FloatSlider, "neuron_weight_1").value()
    assert_shows_core_result(panel, model)
    _, z, a = reference(model)
    marker_x, marker_y = window.curve_pane.plot.marker.getData()
    assert (marker_x[0], marker_y[0]) == pytest.approx((z, a), rel=1e-12)
    # The panel's content fits its dock: nothing is cut off at the right.
    scroll = panel.findChild(QtWidgets.QScrollArea)
    qtbot.waitUntil(lambda: scroll.viewport().width() >= scroll.widget().minimumSizeHint().width())
    window.close()


def test_a_new_y_range_paints_the_chart_once(window, qtbot, watch_events):
    # The value labels follow the view's new scale in the same pass as the bars.
    bars = window.neuron_panel.bars
    counter = watch_events(bars.viewport(), QtCore.QEvent.Type.Paint)
    for bias in (4.0, 0.5, 2.5):  # each needs a new y range
        before = bars.getPlotItem().getViewBox().viewRange()[1]
        counter.reset()
        window.model.set_neuron_bias(bias)
        window.scheduler.flush()
        qtbot.wait(40)
        assert bars.getPlotItem().getViewBox().viewRange()[1] != before
        assert counter.count == 1
    top = bars._value_labels[-1]  # z's label sits at the end of its bar
    assert top.pos().y() == pytest.approx(bars.heights()[-1])


def test_a_function_without_parameters_leaves_no_gap_under_its_formula(panel, model):
    # The formula line is followed directly by the next group: the empty parameter rows
    # take no room (they once added a layout gap under sigmoid's formula).
    picker = panel.activation
    model.set_neuron_activation("elu")
    panel.refresh(frozenset({"neuron"}))
    assert picker.params.isVisibleTo(panel) and picker.param_sliders
    model.set_neuron_activation("sigmoid")
    panel.refresh(frozenset({"neuron"}))
    assert not picker.params.isVisibleTo(panel)
