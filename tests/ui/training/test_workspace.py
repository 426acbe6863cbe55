"""The training workspace in the real window's network layout: everything in sight at
1280x800, its controls write the model, its map frames the data, Play drives the worker."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6 import QtCore, QtWidgets

from actplay.model import presets
from actplay.model import training_recipes as recipes

LEFT = QtCore.Qt.MouseButton.LeftButton


@pytest.fixture
def workspace(window, qtbot):
    window.resize(1280, 800)
    window.layouts.show_layout("network")
    qtbot.waitUntil(lambda: window.training_workspace.isVisible())
    window.resize(1280, 800)
    QtWidgets.QApplication.processEvents()
    return window.training_workspace


def _on_screen(widget, window) -> bool:
    """Shown, inside the window, and not in a scroll area (no scrolling needed)."""
    if not widget.isVisible() or widget.width() <= 0:
        return False
    top_left = widget.mapTo(window, QtCore.QPoint(0, 0))
    inside = window.rect().contains(QtCore.QRect(top_left, widget.size()).adjusted(0, 0, -1, -1))
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QtWidgets.QAbstractScrollArea) and parent is not widget:
            return False
        parent = parent.parentWidget()
    return inside


def test_every_control_is_in_sight_at_1280_by_800_in_the_network_layout(window, workspace):
    assert (window.width(), window.height()) == (1280, 800)
    bar = workspace.bar
    wanted = {
        "play": bar.play,
        "step": bar.step,
        "reset": bar.reset,
        "epoch": bar.epoch,
        "learning rate": bar.learning_rate,
        "activation": bar.activation,
        "regularisation": bar.regularisation,
        "rate": bar.rate,
        "loss": bar.loss,
        "optimiser": bar.optimizer,
        "noise": workspace.noise.slider,
        "training share": workspace.training_share.slider,
        "batch size": workspace.batch_size.slider,
        "regenerate": workspace.regenerate,
        "test loss": workspace.test_loss,
        "training loss": workspace.train_loss,
        "loss chart": workspace.loss_chart,
        "output map": workspace.output_map,
        "show test data": workspace.show_test,
        "discretise": workspace.discretise,
        **{f"data set {name}": button for name, button in workspace.picker.buttons.items()},
    }
    hidden = [name for name, widget in wanted.items() if not _on_screen(widget, window)]
    assert hidden == []
    square = workspace.output_map.plot_rect()
    assert min(square.width(), square.height()) >= 300
    assert workspace.centre_widget() is window.network_panel.canvas_view  # the canvas


def test_choosing_a_thumbnail_proposes_settings_and_the_bar_shows_them(window, workspace, qtbot):
    model = window.model
    qtbot.mouseClick(workspace.picker.buttons["spiral"], LEFT)
    window.scheduler.flush()
    spiral = recipes.PROPOSALS["spiral"]
    assert model.dataset_spec["source"] == "spiral"
    assert model.layer_sizes == (2, *spiral.hidden, 1)
    assert workspace.bar.learning_rate.currentData() == spiral.learning_rate
    assert workspace.picker.buttons["spiral"].isChecked()
    assert not workspace.picker.buttons["circle"].isChecked()
    assert "proposed" in window.statusBar().currentMessage()
    window.undo_action.trigger()  # choosing a data set is one undo step
    window.scheduler.flush()
    assert model.dataset_spec["source"] == "circle" and model.layer_sizes == (2, 8, 8, 1)
    assert workspace.picker.buttons["circle"].isChecked()


def test_the_bar_writes_the_model_and_follows_it(window, workspace):
    model, bar = window.model, workspace.bar
    bar.activation.setCurrentIndex(bar.activation.findData("relu"))
    assert [name for name, _ in model.layer_activations] == ["relu", "relu", "sigmoid"]
    bar.regularisation.setCurrentIndex(bar.regularisation.findData("l2"))
    assert model.training_settings["l2"] == 0.001
    bar.rate.setCurrentIndex(bar.rate.findData(0.03))
    assert model.training_settings["l2"] == 0.03
    bar.loss.setCurrentIndex(bar.loss.findData("squared"))
    bar.optimizer.setCurrentIndex(bar.optimizer.findData("sgd"))
    assert model.training_settings["loss"] == "squared"
    assert model.training_settings["optimizer"] == "sgd"
    model.set_layer_activation(1, "tanh")  # the layers now differ: the bar says so
    model.set_training(learning_rate=0.3)
    window.scheduler.flush()
    assert bar.activation.currentData() == "mixed"
    assert bar.learning_rate.currentData() == 0.3
    workspace.noise.setValue(0.3)
    workspace.noise.valueChanged.emit(0.3)
    assert model.dataset_spec["noise"] == 0.3
    workspace.training_share.valueChanged.emit(80.0)
    assert model.dataset_spec["test_fraction"] == pytest.approx(0.2)


def test_the_numbers_and_chart_start_at_epoch_0_and_step_is_one_undo_step(window, workspace, qtbot):
    model = window.model
    window.scheduler.flush()
    history = model.loss_history()
    assert f"{history['test'][0]:.3f}" in workspace.test_loss.text()
    assert workspace.loss_chart.epochs.tolist() == [0.0]
    qtbot.mouseClick(workspace.bar.step, LEFT)
    window.scheduler.flush()
    assert model.epoch == 1.0 and workspace.bar.epoch.text() == "000,001"
    assert workspace.loss_chart.epochs.tolist() == [0.0, 1.0]
    assert window.undo_stack.undoText() == "Train 1 epoch"


@pytest.mark.parametrize("preset", list(presets.PRESETS))
def test_the_map_frames_the_data_after_any_preset(window, workspace, preset):
    window.apply_preset(preset)  # the XOR preset's plane is -0.5..1.5
    window.scheduler.flush()
    model, decision_map = window.model, workspace.output_map
    assert decision_map.frame == model.data_frame() == (-6.0, 6.0, -6.0, 6.0)
    pixels = decision_map.to_pixels(model.dataset().points)
    square = decision_map.plot_rect()
    assert np.all(pixels[:, 0] >= square.left()) and np.all(pixels[:, 0] <= square.right())
    assert np.all(pixels[:, 1] >= square.top()) and np.all(pixels[:, 1] <= square.bottom())
    np.testing.assert_array_equal(decision_map.surface, model.output_surface())


def test_play_in_the_workspace_trains_in_the_worker(window, workspace, qtbot):
    model = window.model
    qtbot.mouseClick(workspace.bar.play, LEFT)
    assert model.running and model.training_in_background
    assert workspace.bar.play.text() == "Pause"
    qtbot.waitUntil(lambda: model.epoch >= 5, timeout=20000)
    qtbot.mouseClick(workspace.bar.play, LEFT)
    window.scheduler.flush()
    assert not model.running and workspace.bar.play.text() == "Play"
    assert (
        workspace.bar.epoch.text()
        == f"{int(model.epoch) // 1000:03d},{int(model.epoch) % 1000:03d}"
    )


def test_back_to_the_curve_layout_the_canvas_returns_to_its_panel(window, workspace):
    canvas = window.network_panel.canvas_view
    window.layouts.show_layout("curve")
    assert canvas.parentWidget() is not workspace.centre
    window.layouts.show_layout("network")
    assert workspace.centre_widget() is canvas and canvas.isVisible()


def test_a_weight_drag_draws_a_coarser_map_then_the_full_one_when_it_rests(
    window, workspace, qtbot
):
    from actplay.model.sections.training import OUTPUT_RESOLUTION
    from actplay.ui.training.workspace import HURRIED_RESOLUTION

    model, decision_map = window.model, workspace.output_map
    model.select_weight(1, 0, 0)
    window.scheduler.flush()
    slider = window.findChild(QtWidgets.QWidget, "network_selected_weight").slider
    slider.setValue(slider.value() + 5)  # one change after a rest: the full map
    window.scheduler.flush()
    assert decision_map.surface.shape == (OUTPUT_RESOLUTION, OUTPUT_RESOLUTION)
    for _ in range(5):  # a drag: changes in quick succession
        slider.setValue(slider.value() + 5)
        window.scheduler.flush()
    assert decision_map.surface.shape == (HURRIED_RESOLUTION, HURRIED_RESOLUTION)
    np.testing.assert_array_equal(
        decision_map.surface, model.output_surface(resolution=HURRIED_RESOLUTION)
    )
    qtbot.waitUntil(lambda: decision_map.surface.shape[0] == OUTPUT_RESOLUTION, timeout=3000)
    np.testing.assert_array_equal(decision_map.surface, model.output_surface())


def test_the_model_surface_at_fewer_cells_samples_the_same_function(window):
    model = window.model
    coarse, full = model.output_surface(resolution=51), model.output_surface(resolution=101)
    np.testing.assert_allclose(coarse, full[::2, ::2], rtol=1e-6, atol=1e-6)
