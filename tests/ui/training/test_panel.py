"""The training dock in the real main window: controls, play/step/pause, live views, exports."""

from __future__ import annotations

import csv

import numpy as np
import pytest
from PySide6 import QtCore, QtGui

from actplay.core.training import Trainer
from actplay.model import presets
from actplay.ui.training.dock import write_loss_csv, write_surface_png


def _panel(window):
    window.training_dock.show()
    window.training_dock.raise_()
    return window.training_panel


def test_dock_is_tabbed_behind_the_network_dock(window):
    assert window.training_dock in window.tabifiedDockWidgets(window.network_dock)
    assert not window.network_dock.visibleRegion().isEmpty()
    assert window.findChild(QtGui.QAction, "training_dock_toggle") is not None


def test_step_trains_one_epoch_and_the_views_follow(window, qtbot):
    panel, model = _panel(window), window.model
    window.scheduler.flush()
    assert panel.loss_chart.train_curve.getData()[0].tolist() == [0.0]  # before any step
    qtbot.mouseClick(panel.step, QtCore.Qt.MouseButton.LeftButton)
    window.scheduler.flush()
    assert model.epoch == 1.0
    assert panel.epoch_label.text() == "Epoch 1"
    x, y = panel.loss_chart.train_curve.getData()
    assert x.tolist() == [0.0, 1.0]  # the chart starts at the loss before the first step
    np.testing.assert_array_equal(y, model.loss_history()["train"])
    assert panel.loss_chart.test_curve.getData()[0].tolist() == [0.0, 1.0]
    surface = model.output_surface()
    np.testing.assert_array_equal(panel.output_map.image.image, surface)
    assert "test accuracy" in panel.stats.text()


def test_play_keeps_the_window_responsive_and_lowers_the_loss(window, qtbot):
    panel, model = _panel(window), window.model
    x, y = model.dataset().train  # features x1, x2: the points themselves
    initial_loss = Trainer(model.network(), x, y, loss="bce").loss(x, y)
    qtbot.mouseClick(panel.play, QtCore.Qt.MouseButton.LeftButton)
    assert model.running and panel.driver.timer.isActive() and panel.play.text() == "Pause"
    fired = []
    QtCore.QTimer.singleShot(0, lambda: fired.append(model.epoch))
    # a slider moved while training reaches the model between ticks
    slider = window.network_panel.input_sliders[0]
    slider.slider.setValue(slider.slider.maximum())
    qtbot.waitUntil(lambda: bool(fired) and model.epoch >= 15, timeout=10000)
    assert model.network_input[0] == model.plane_range[1]
    qtbot.mouseClick(panel.play, QtCore.Qt.MouseButton.LeftButton)
    assert not model.running and not panel.driver.timer.isActive()
    stopped = model.epoch
    qtbot.wait(30)
    assert model.epoch == stopped
    history = model.loss_history()
    assert history["train"][-1] < 0.5 * initial_loss
    assert np.all(np.diff(history["epoch"]) > 0)
    window.scheduler.flush()
    assert panel.play.text() == "Play" and panel.epoch_label.text() == f"Epoch {int(stopped):,}"


def test_controls_write_the_model_and_follow_it(window, qtbot):
    panel, model = _panel(window), window.model
    controls = panel.controls
    controls.source.setCurrentIndex(controls.source.findData("spiral"))
    assert model.dataset_spec["source"] == "spiral"
    qtbot.mouseClick(controls.feature_boxes["x1^2"], QtCore.Qt.MouseButton.LeftButton)
    assert "x1^2" in model.features and model.layer_sizes[0] == 3
    model.set_training(loss="cross_entropy", learning_rate=0.1)
    window.scheduler.flush()
    assert controls.loss.currentData() == "cross_entropy"
    assert controls.learning_rate.currentData() == 0.1
    controls.optimizer.setCurrentIndex(controls.optimizer.findData("sgd"))
    assert model.training_settings["optimizer"] == "sgd"


def test_clicking_the_map_adds_a_point_of_the_chosen_class(window, qtbot):
    panel, model = _panel(window), window.model
    window.scheduler.flush()
    panel.click_class.setCurrentIndex(1)
    n_train = len(model.dataset().train[1])
    view = panel.output_map
    scene_point = view.plot.vb.mapViewToScene(QtCore.QPointF(2.0, -3.0))
    qtbot.mouseClick(
        view.viewport(), QtCore.Qt.MouseButton.LeftButton, pos=view.mapFromScene(scene_point)
    )
    points, targets = model.dataset().train
    assert len(targets) == n_train + 1 and targets[-1] == 1.0
    np.testing.assert_allclose(points[-1], [2.0, -3.0], atol=0.1)


def test_bad_csv_is_reported_and_changes_nothing(window, tmp_path):
    panel, model = _panel(window), window.model
    bad = tmp_path / "bad.csv"
    bad.write_text("1,2,1\n1,2\n")
    before = model.state_dict()
    assert not panel.load_csv(str(bad))
    assert "bad.csv: line 2" in window.statusBar().currentMessage()
    assert model.state_dict() == before


def test_exports_write_the_history_and_the_surface(window, tmp_path):
    panel, model = _panel(window), window.model
    model.train_steps(50)
    model.train_steps(50)
    window.scheduler.flush()
    path = tmp_path / "loss.csv"
    write_loss_csv(model, path)
    rows = list(csv.reader(path.read_text().splitlines()))
    assert rows[0][:3] == ["epoch", "train_loss", "test_loss"] and len(rows[0]) == 6
    history = model.loss_history()
    assert [float(r[1]) for r in rows[1:]] == history["train"].tolist()
    image_path = tmp_path / "surface.png"
    write_surface_png(panel, image_path, size=(300, 300))
    image = QtGui.QImage(str(image_path))
    assert (image.width(), image.height()) == (300, 300)
    colours = {image.pixelColor(x, y).name() for x in range(0, 300, 10) for y in range(0, 300, 10)}
    assert len(colours) > 10  # a surface and points, not a blank picture


def test_surface_svg_export_holds_the_surface_image_and_every_point(window, tmp_path):
    import base64
    import xml.etree.ElementTree as ET

    from actplay.ui.training.dock import write_surface_svg

    panel, model = _panel(window), window.model
    model.train_steps(20)
    window.scheduler.flush()
    actions = {a.objectName() for a in panel.output_map.actions()}
    assert "training_export_svg_action" in actions
    path = tmp_path / "surface.svg"
    write_surface_svg(panel, path)
    root = ET.parse(path).getroot()  # well-formed XML
    assert root.tag.endswith("svg")
    images = [e for e in root.iter() if e.tag.endswith("image")]
    assert images, "the decision surface is embedded as an image"
    href = next(v for k, v in images[0].attrib.items() if k.endswith("href"))
    png = QtGui.QImage.fromData(base64.b64decode(href.split(",", 1)[1]))
    assert (png.height(), png.width()) == model.output_surface().shape  # the surface itself
    colours = {
        png.pixelColor(x, y).name()
        for x in range(0, png.width(), 3)
        for y in range(0, png.height(), 3)
    }
    assert len(colours) > 10  # a coloured surface, not a blank image
    text = path.read_text()
    n_train = int(np.sum(~model.dataset().is_test))
    markers = text.count("<path") + text.count("<ellipse") + text.count("<circle")
    assert markers >= n_train  # one marker per training point (plus axes)
    assert not text.count("<path") > 50 * n_train  # no per-segment explosion


def test_play_publishes_only_when_the_user_is_not_changing_things(window, qtbot):
    panel, model = _panel(window), window.model
    qtbot.mouseClick(panel.play, QtCore.Qt.MouseButton.LeftButton)
    panel.driver.timer.stop()  # drive the ticks by hand
    worker = window.training_worker
    qtbot.waitUntil(lambda: _worker_epochs(worker) >= 2, timeout=20000)
    model.set_network_input(0, 0.5)  # a user change: the next ticks do not publish
    for _ in range(3):
        panel.driver.tick()
    assert model.epoch == 0.0 and model.training_in_background
    qtbot.mouseClick(panel.play, QtCore.Qt.MouseButton.LeftButton)  # pause publishes
    assert model.epoch >= 2 and not model.training_in_background


def _worker_epochs(worker) -> float:
    snapshot = worker.snapshot(0)
    return -1.0 if snapshot is None else snapshot.epoch_progress


def test_without_a_worker_play_trains_in_ticks_and_publishes_when_quiet(window, qtbot):
    panel, model = _panel(window), window.model
    model.attach_training_worker(None)  # e.g. no process could be started
    qtbot.mouseClick(panel.play, QtCore.Qt.MouseButton.LeftButton)
    assert panel.driver.timer.interval() == 0
    panel.driver.timer.stop()  # drive the ticks by hand
    model.set_network_input(0, 0.5)  # a user change: the next ticks keep training to themselves
    for _ in range(3):
        panel.driver.tick()
    assert model.epoch == 0.0
    trained = model._parts.run._trainer.weights[0].copy()
    assert not np.array_equal(model.weights[0], trained)
    qtbot.mouseClick(panel.play, QtCore.Qt.MouseButton.LeftButton)  # pause publishes
    np.testing.assert_array_equal(model.weights[0], trained)
    assert model.epoch > 0.0


def test_play_trains_in_the_worker_and_closing_the_window_ends_it(window, qtbot):
    panel, model = _panel(window), window.model
    qtbot.mouseClick(panel.play, QtCore.Qt.MouseButton.LeftButton)
    assert model.training_in_background and panel.driver.timer.interval() > 0
    qtbot.waitUntil(lambda: model.epoch >= 10, timeout=20000)  # snapshots reach the model
    window.scheduler.flush()
    assert panel.epoch_label.text() == f"Epoch {int(model.epoch):,}"
    process = window.training_worker._process
    assert process.is_alive()
    window.close()  # pauses (publishing the last weights) and ends the process
    assert not model.running and not model.training_in_background
    assert not process.is_alive()


@pytest.mark.parametrize("preset", list(presets.PRESETS))
def test_the_output_map_frames_the_data_after_any_preset(window, preset):
    panel, model = _panel(window), window.model
    window.apply_preset(preset)  # the XOR preset shows the plane -0.5..1.5
    window.scheduler.flush()
    points = model.dataset().points
    x1_lo, x1_hi, x2_lo, x2_hi = model.data_frame()
    assert (x1_lo, x1_hi, x2_lo, x2_hi) == (-6.0, 6.0, -6.0, 6.0)  # the data's, not the plane's
    (shown_x1, shown_x2) = panel.output_map.plot.vb.viewRange()
    assert shown_x1[0] <= points[:, 0].min() and shown_x1[1] >= points[:, 0].max()
    assert shown_x2[0] <= points[:, 1].min() and shown_x2[1] >= points[:, 1].max()
    rect = panel.output_map.image.mapRectToParent(panel.output_map.image.boundingRect())
    assert (rect.left(), rect.right()) == pytest.approx((x1_lo, x1_hi))
    assert sorted((rect.top(), rect.bottom())) == pytest.approx([x2_lo, x2_hi])


def test_the_output_key_says_when_the_map_is_a_probability(window):
    from actplay.ui.widgets.diverging import PROBABILITY_CAPTION

    panel, model = _panel(window), window.model
    last = len(model.layer_sizes) - 1  # the output layer (layer 0 is the inputs)
    expected = {"sigmoid": True, "tanh": False}
    for name, probability in expected.items():
        model.set_layer_activation(last, name)
        window.scheduler.flush()
        assert model.layer_activations[-1][0] == name
        assert panel.output_is_probability() is probability
        assert (panel.output_key.caption == PROBABILITY_CAPTION) is probability
