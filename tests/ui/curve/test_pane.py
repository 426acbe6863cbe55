"""The curve pane in the real window: widgets change the model and the plotted data,
the model changes the widgets without echo, bursts are coalesced.

Plotted data is checked against the activation library, an independent path
from the model's cached results.
"""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtWidgets import QLabel

from actplay.core import activations as acts
from actplay.ui.curve.plot_content import DEAD_LABEL
from actplay.ui.widgets.float_slider import SLIDER_STEPS


@pytest.fixture
def pane(window):
    return window.curve_pane


def plotted(pane, key):
    """(x, y) of a curve item as it is drawn, or None when hidden."""
    item = pane.plot.curves[key]
    if not item.isVisible():
        return None
    x, y = item.getData()
    return np.asarray(x), np.asarray(y)


def assert_curve(pane, key, name, kind="f", **params):
    x, y = plotted(pane, key)
    function = acts.get(name)
    evaluate = {"f": function, "df": function.derivative, "d2f": function.second_derivative}[kind]
    np.testing.assert_allclose(y, evaluate(x, **params), rtol=1e-12, atol=1e-12)


def count_events(model):
    events = []
    model.changed.connect(events.append)
    return events


def test_default_shows_sigmoid_and_its_derivative(pane):
    x, _ = plotted(pane, "main:f")
    sampled = pane.model.curve_data().x
    width = pane.plot.getPlotItem().getViewBox().width()
    # The model's own samples, both ends included, about one per pixel of the plot.
    assert x[0] == -6.0 and x[-1] == 6.0 and np.isin(x, sampled).all()
    assert min(len(sampled), 0.6 * width) <= len(x) <= max(1.5 * width, 2)
    assert_curve(pane, "main:f", "sigmoid")
    assert_curve(pane, "main:df", "sigmoid", "df")
    assert plotted(pane, "main:d2f") is None


def test_curve_items_are_made_per_function_when_first_shown(qtbot, window, pane):
    curves = pane.plot.curves
    plot_items = pane.plot.getPlotItem().listDataItems
    assert sorted(curves) == ["main:d2f", "main:df", "main:f"]  # one function shown
    assert [item for item in plot_items() if item in curves.values()] == [
        curves["main:f"],
        curves["main:df"],
        curves["main:d2f"],
    ]
    box = pane.compare_box
    box.picker.set_current("tanh")
    qtbot.mouseClick(box.add_button, Qt.MouseButton.LeftButton)
    window.scheduler.flush()
    assert sorted(curves) == ["cmp0:d2f", "cmp0:df", "cmp0:f", "main:d2f", "main:df", "main:f"]
    assert_curve(pane, "cmp0:f", "tanh")
    assert plotted(pane, "cmp3:f") is None  # an unused slot reads as hidden
    with pytest.raises(KeyError):
        curves["cmp6:f"]  # past MAX_COMPARE


def test_choosing_a_function_with_the_keyboard(qtbot, window, pane):
    combo = pane.picker.combo
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # the row after sigmoid in the grouped list
    window.scheduler.flush()
    chosen = combo.currentData(Qt.ItemDataRole.UserRole)
    assert chosen != "sigmoid"
    assert window.model.curve_activation == chosen
    assert_curve(pane, "main:f", chosen, **window.model.curve_params)
    assert pane.help_box.shown() == chosen


def test_search_box_picks_exact_name_on_enter(qtbot, window, pane):
    pane.picker.search.setText("elu")  # typing would open the completer popup offscreen
    qtbot.keyClick(pane.picker.search, Qt.Key.Key_Return)
    window.scheduler.flush()
    assert window.model.curve_activation == "elu"
    assert_curve(pane, "main:f", "elu", alpha=1.0)
    assert "ELU" in pane.help_box.toPlainText()
    assert acts.get("elu").derivative_formula in pane.help_box.toPlainText()


def test_search_box_offers_its_clear_button_once_there_is_text(pane):
    search = pane.picker.search
    assert not search.isClearButtonEnabled()  # nothing to clear yet
    search.setText("t")  # typing would open the completer popup offscreen
    assert search.isClearButtonEnabled()
    search.clear()
    assert search.isClearButtonEnabled() and search.text() == ""


def test_picker_lists_every_function_under_group_headers(pane):
    combo = pane.picker.combo
    names = [combo.itemData(i, Qt.ItemDataRole.UserRole) for i in range(combo.count())]
    headers = [combo.itemText(i) for i, name in enumerate(names) if name is None]
    assert names[-1] == "<custom>"  # the "Custom..." row ends the list
    names = names[:-1]
    assert [n for n in names if n is not None] == sorted(acts.names(), key=acts.names().index)
    assert headers == list(acts.groups())
    pane.picker.set_filter("tanh")
    view = combo.view()
    shown = {names[i] for i in range(combo.count()) if not view.isRowHidden(i)}
    assert {"tanh", "hardtanh", "tanhshrink"} <= shown
    assert "relu" not in shown


def test_dragging_a_parameter_slider(qtbot, window, pane):
    window.model.set_curve_activation("elu")
    window.scheduler.flush()
    slider = pane.params.sliders["alpha"]
    spec = acts.get("elu").params[0]
    slider.slider.setValue(SLIDER_STEPS // 2)  # the real QSlider, as a drag moves it
    qtbot.keyClick(slider.slider, Qt.Key.Key_Right)
    window.scheduler.flush()
    expected = (
        spec.slider_lo + (spec.slider_hi - spec.slider_lo) * (SLIDER_STEPS // 2 + 1) / SLIDER_STEPS
    )
    assert window.model.curve_params["alpha"] == pytest.approx(expected, abs=1e-3)
    assert_curve(pane, "main:f", "elu", alpha=window.model.curve_params["alpha"])
    qtbot.mouseClick(pane.params.reset_buttons["alpha"], Qt.MouseButton.LeftButton)
    window.scheduler.flush()
    assert window.model.curve_params["alpha"] == spec.default
    assert slider.value() == spec.default


def test_toggling_derivatives(qtbot, window, pane):
    qtbot.mouseClick(pane.kind_checks["df"], Qt.MouseButton.LeftButton)
    window.scheduler.flush()
    assert window.model.visible["df"] is False
    assert plotted(pane, "main:df") is None
    qtbot.mouseClick(pane.kind_checks["d2f"], Qt.MouseButton.LeftButton)
    window.scheduler.flush()
    assert window.model.visible["d2f"] is True
    assert_curve(pane, "main:d2f", "sigmoid", "d2f")
    # One legend entry per function, whichever kinds are on; the kinds' style key is
    # beside the switches, and the y axis says "value" once derivatives show.
    assert pane.plot.legend.texts()[0] == acts.get("sigmoid").title
    assert not any(text.endswith(("\u2032", "\u2033")) for text in pane.plot.legend.texts())
    assert pane.plot.getPlotItem().getAxis("left").labelText == "value"
    qtbot.mouseClick(pane.kind_checks["d2f"], Qt.MouseButton.LeftButton)
    window.scheduler.flush()
    assert window.model.visible == {"f": True, "df": False, "d2f": False}
    assert pane.plot.getPlotItem().getAxis("left").labelText == "f(x)"


def test_compare_add_edit_and_remove(qtbot, window, pane):
    box = pane.compare_box
    box.picker.set_current("tanh")
    qtbot.mouseClick(box.add_button, Qt.MouseButton.LeftButton)
    box.picker.set_current("leaky_relu")
    qtbot.mouseClick(box.add_button, Qt.MouseButton.LeftButton)
    window.scheduler.flush()
    assert [name for name, _ in window.model.compare] == ["tanh", "leaky_relu"]
    assert_curve(pane, "cmp0:f", "tanh")
    assert_curve(pane, "cmp1:df", "leaky_relu", "df", negative_slope=0.01)
    colours = {
        pane.plot.curves[k].opts["pen"].color().name() for k in ("main:f", "cmp0:f", "cmp1:f")
    }
    assert len(colours) == 3
    # The last added is selected: its own sliders edit only that comparison.
    box.params.sliders["negative_slope"].spin.setValue(0.2)
    window.scheduler.flush()
    assert window.model.compare[1][1] == {"negative_slope": 0.2}
    assert_curve(pane, "cmp1:f", "leaky_relu", negative_slope=0.2)
    # Remove tanh by clicking its legend entry.
    sample = next(s for s, label in pane.plot.legend.items if label.text() == "Tanh")
    position = pane.plot.mapFromScene(sample.sceneBoundingRect().center())
    qtbot.mouseClick(pane.plot.viewport(), Qt.MouseButton.LeftButton, pos=position)
    window.scheduler.flush()
    assert [name for name, _ in window.model.compare] == ["leaky_relu"]
    assert_curve(pane, "cmp0:f", "leaky_relu", negative_slope=0.2)
    assert plotted(pane, "cmp1:f") is None
    # And the last one with the Remove button.
    box.entries.setCurrentRow(0)
    qtbot.mouseClick(box.remove_button, Qt.MouseButton.LeftButton)
    window.scheduler.flush()
    assert window.model.compare == ()
    assert plotted(pane, "cmp0:f") is None


def test_compare_tab_is_built_when_first_shown_and_lists_the_models_comparisons(window, pane):
    from PySide6.QtWidgets import QListWidget

    assert pane.findChild(QListWidget, "compare_list") is None
    window.model.add_compare("tanh")
    window.model.add_compare("elu")
    window.scheduler.flush()
    pane.tabs.setCurrentIndex(pane.tabs.count() - 1)  # the Compare tab
    entries = pane.findChild(QListWidget, "compare_list")
    assert entries is not None and entries.isVisibleTo(pane)
    assert [entries.item(i).text() for i in range(entries.count())] == ["Tanh", "ELU (alpha=1)"]


def test_a_legend_click_removes_a_comparison_without_building_the_compare_tab(qtbot, window, pane):
    from PySide6.QtWidgets import QListWidget

    window.model.add_compare("tanh")
    window.model.add_compare("elu")
    window.scheduler.flush()
    qtbot.wait(10)  # the legend places its entries
    sample = next(s for s, label in pane.plot.legend.items if label.text() == "Tanh")
    position = pane.plot.mapFromScene(sample.sceneBoundingRect().center())
    qtbot.mouseClick(pane.plot.viewport(), Qt.MouseButton.LeftButton, pos=position)
    window.scheduler.flush()
    assert [name for name, _ in window.model.compare] == ["elu"]
    assert pane.findChild(QListWidget, "compare_list") is None  # the tab was never opened


def test_compare_stops_at_six(qtbot, window, pane):
    box = pane.compare_box
    for _ in range(6):
        qtbot.mouseClick(box.add_button, Qt.MouseButton.LeftButton)
    window.scheduler.flush()
    assert len(window.model.compare) == 6
    assert not box.add_button.isEnabled()
    assert all(plotted(pane, f"cmp{i}:f") is not None for i in range(6))


def test_model_changes_update_widgets_without_echo(window, pane):
    model = window.model
    events = count_events(model)
    model.set_curve_activation("elu")
    model.set_curve_param("alpha", 1.5)
    model.set_visible("d2f", True)
    model.set_x_range(-3.0, 4.0)
    window.scheduler.flush()
    assert len(events) == 4  # the four setters; no widget wrote back
    assert pane.picker.current() == "elu"
    assert pane.params.sliders["alpha"].value() == 1.5
    assert pane.kind_checks["d2f"].isChecked()
    assert pane.range_spins["lo"].value() == -3.0 and pane.range_spins["hi"].value() == 4.0
    assert_curve(pane, "main:f", "elu", alpha=1.5)
    x, _ = plotted(pane, "main:f")
    assert (x[0], x[-1]) == (-3.0, 4.0)
    assert pane.plot.getPlotItem().getViewBox().viewRange()[0] == pytest.approx([-3.0, 4.0])


def test_burst_of_changes_is_one_redraw_per_frame_ending_on_final_value(qtbot, window, pane):
    model = window.model
    model.set_curve_activation("elu")
    qtbot.waitUntil(lambda: not window.scheduler.pending, timeout=2000)
    qtbot.wait(40)  # a quiet period
    before = window.scheduler.redraw_count
    for step in range(1, 41):
        model.set_curve_param("alpha", step / 20)
    assert window.scheduler.redraw_count == before + 1
    qtbot.waitUntil(lambda: not window.scheduler.pending, timeout=2000)
    assert window.scheduler.redraw_count == before + 2
    assert pane.params.sliders["alpha"].value() == 2.0
    assert_curve(pane, "main:f", "elu", alpha=2.0)


def test_x_range_controls_zoom_and_reset(qtbot, window, pane):
    pane.range_spins["hi"].setValue(2.0)
    window.scheduler.flush()
    assert window.model.x_range == (-6.0, 2.0)
    pane.range_spins["lo"].setValue(5.0)  # above hi: refused, reverted
    assert window.model.x_range == (-6.0, 2.0)
    assert pane.range_spins["lo"].value() == -6.0
    # the model's reason, shown under the box
    assert "x range" in window.findChild(QLabel, "inline_message").text()
    pane.plot.getPlotItem().getViewBox().setXRange(-1.0, 1.0, padding=0)  # a zoom
    window.scheduler.flush()
    assert window.model.x_range == pytest.approx((-1.0, 1.0))
    qtbot.mouseClick(pane.range_reset, Qt.MouseButton.LeftButton)
    window.scheduler.flush()
    assert window.model.x_range == (-6.0, 6.0)


def test_crosshair_reads_every_visible_curve(qtbot, window, pane):
    window.model.add_compare("tanh")
    window.scheduler.flush()
    qtbot.wait(5)  # the legend's new row re-lays out the plot in the event loop
    view = pane.plot.getPlotItem().getViewBox()
    position = pane.plot.mapFromScene(view.mapViewToScene(QPointF(1.5, 0.5)))
    qtbot.mouseMove(pane.plot.viewport(), position)
    qtbot.waitUntil(lambda: pane._crosshair_x is not None, timeout=2000)
    x = pane._crosshair_x
    assert x == pytest.approx(1.5, abs=0.15)  # whole pixels
    values = {label: numbers for label, _colour, numbers in pane.readout_values(x)}
    sigmoid, tanh = acts.get("sigmoid"), acts.get("tanh")
    assert values[sigmoid.title]["f"] == pytest.approx(float(sigmoid(x)))
    assert values[sigmoid.title]["df"] == pytest.approx(float(sigmoid.derivative(x)))
    assert values[tanh.title]["df"] == pytest.approx(float(tanh.derivative(x)))
    assert f"{float(sigmoid(x)):.4g}" in pane.readout.text()


def test_dead_and_saturated_regions_are_shaded(window, pane):
    window.model.set_curve_activation("relu")
    window.scheduler.flush()
    data = window.model.curve_data()
    dead = [r for r in pane.plot.regions["dead"] if r.isVisible()]
    assert len(dead) == len(data.dead) == 1
    lo, hi = dead[0].getRegion()
    assert lo == -6.0 and hi == pytest.approx(0.0, abs=0.02)
    assert DEAD_LABEL in pane.plot.legend.texts()
    window.model.set_curve_activation("sigmoid")
    window.scheduler.flush()
    assert not any(r.isVisible() for r in pane.plot.regions["dead"])
    saturated = [r.getRegion() for r in pane.plot.regions["saturated"] if r.isVisible()]
    slope = acts.get("sigmoid").derivative
    for lo, hi in saturated:  # every shaded x really has |f'| below the threshold
        inside = np.linspace(lo, hi, 50)
        assert np.all(np.abs(slope(inside)) < acts.SATURATION_THRESHOLD)
    assert len(saturated) == 2


def test_neuron_marker_and_tangent_follow_the_neuron(window, pane):
    model = window.model
    model.set_neuron_bias(-1.2)
    window.scheduler.flush()
    z = float(np.dot(model.neuron_weights, model.neuron_inputs) + model.neuron_bias)
    sigmoid = acts.get("sigmoid")
    points = pane.plot.marker.getData()
    assert points[0][0] == pytest.approx(z) and points[1][0] == pytest.approx(float(sigmoid(z)))
    tx, ty = pane.plot.tangent.getData()
    assert (ty[1] - ty[0]) / (tx[1] - tx[0]) == pytest.approx(float(sigmoid.derivative(z)))
    assert pane.plot.marker.isVisible()
    model.set_linked(False)
    model.set_curve_activation("relu")
    window.scheduler.flush()
    assert not pane.plot.marker.isVisible()  # the curve is no longer the neuron's function


def painted_area(regions) -> int:
    return sum(rect.width() * rect.height() for region in regions for rect in region)


def test_a_neuron_step_repaints_only_around_the_marker(qtbot, window, pane, watch_events):
    # The curves stay still: only the marker, its tangent and the readout are repainted,
    # not the whole plot (pyqtgraph's auto-range would repaint every curve and the shading).
    window.model.set_neuron_bias(-0.35)  # the window's first paints after showing are whole
    window.scheduler.flush()
    qtbot.wait(30)
    viewport = pane.plot.viewport()
    recorder = watch_events(viewport, QEvent.Type.Paint)
    for bias in (-0.3, -0.25, -0.2):
        window.model.set_neuron_bias(bias)
        window.scheduler.flush()
        qtbot.wait(30)
    view_area = viewport.width() * viewport.height()
    assert recorder.regions  # the marker moved: something was repainted
    assert max(painted_area([region]) for region in recorder.regions) < 0.35 * view_area
    # Still drawn where the neuron is.
    assert pane.plot.marker.getData()[0][0] == pytest.approx(
        float(np.dot(window.model.neuron_weights, window.model.neuron_inputs)) - 0.2
    )


def test_linked_checkbox_drives_the_model(qtbot, window, pane):
    qtbot.mouseClick(pane.linked_check, Qt.MouseButton.LeftButton)
    assert window.model.linked is False
    pane.picker.set_current("tanh")
    pane.picker.activationChosen.emit("tanh")
    window.scheduler.flush()
    assert window.model.curve_activation == "tanh"
    assert window.model.neuron_activation == "sigmoid"


def test_legend_names_non_default_parameters_of_main_and_compare_alike(window, pane):
    model = window.model
    model.set_curve_activation("elu")
    model.add_compare("leaky_relu", {"negative_slope": 0.1})
    model.add_compare("elu")
    window.scheduler.flush()

    def legend():
        return pane.plot.legend.texts()

    elu, leaky = acts.get("elu").title, acts.get("leaky_relu").title
    assert legend()[:3] == [elu, f"{leaky} (negative_slope=0.1)", elu]  # one entry a function
    samples = [sample for sample, _label in pane.plot.legend.items]
    model.set_curve_param("alpha", 0.5)
    window.scheduler.flush()
    assert legend()[:2] == [f"{elu} (alpha=0.5)", f"{leaky} (negative_slope=0.1)"]
    # Renamed in place, not rebuilt (a slider drag renames on every step).
    assert [sample for sample, _label in pane.plot.legend.items] == samples
    model.set_curve_param("alpha", acts.get("elu").defaults["alpha"])
    window.scheduler.flush()
    assert legend()[0] == elu


def test_a_wider_plot_draws_every_sample(window, pane, qtbot):
    window.resize(1024, 640)
    window.scheduler.flush()
    qtbot.waitUntil(lambda: len(plotted(pane, "main:f")[0]) < pane.model.points, timeout=2000)
    window.resize(2600, 1400)  # wider than the 1001 samples: all of them, no stride
    qtbot.waitUntil(lambda: len(plotted(pane, "main:f")[0]) == pane.model.points, timeout=2000)
    assert_curve(pane, "main:f", "sigmoid")
