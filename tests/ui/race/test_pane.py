"""The race window of the real main window: its controls write the model, its views follow it."""

from __future__ import annotations

import numpy as np
from PySide6 import QtCore, QtGui, QtWidgets

from actplay.core.race import Race
from actplay.core.race_summary import spread
from actplay.model import race_presets, session
from actplay.ui.race.driver import COLLECT_MS
from actplay.ui.race.figure import MAP_RESOLUTION
from actplay.ui.race.maps import health_caption
from actplay.ui.race.table_text import row_cells

SMALL = {
    "dataset": {
        "source": "circle",
        "points": 100,
        "noise": 0.1,
        "test_fraction": 0.5,
        "seed": 0,
        "features": ["x1", "x2"],
    },
    "hidden": [4, 4],
    "contestants": [{"activation": "tanh", "params": {}}, {"activation": "relu", "params": {}}],
    "repeats": 2,
    "epochs": 40,
}
SIX = ("sigmoid", "tanh", "relu", "leaky_relu", "elu", "gelu")


def _open(window, qtbot):
    action = window.findChild(QtGui.QAction, "race_window_action")
    assert action is not None and action in window.view_menu.actions()
    action.trigger()
    race_window = window.race_window
    qtbot.waitExposed(race_window)
    window.model.race.set(**SMALL)
    window.scheduler.flush()
    return race_window.pane


def test_the_view_menu_opens_one_race_window(window, qtbot):
    pane = _open(window, qtbot)
    first = window.race_window
    window.findChild(QtGui.QAction, "race_window_action").trigger()
    assert window.race_window is first and pane.parent() is first
    assert pane.controls.seeds.value() == 2 and pane.controls.epochs.value() == 40
    assert pane.setup.hidden.text() == "4, 4"
    assert [row.objectName() for row in pane.setup.contestants.rows] == [
        "race_contestant_1",
        "race_contestant_2",
    ]


def test_a_preset_loads_its_settings_and_puts_its_question_on_screen(window, qtbot):
    pane, race = _open(window, qtbot), window.model.race
    picker = pane.controls.preset
    index = picker.findData("linear")
    picker.setCurrentIndex(index)
    picker.activated.emit(index)
    window.scheduler.flush()
    assert race.settings["preset"] == "linear"
    assert pane.controls.question.text() == race_presets.question("linear")
    assert pane.setup.source.currentData() == "xor"
    pane.setup.learning_rate.setValue(0.1)  # the experiment changes: the question goes
    window.scheduler.flush()
    assert race.settings["preset"] == "" and picker.currentData() == ""


def test_step_trains_an_epoch_and_every_view_shows_the_model(window, qtbot):
    pane, race = _open(window, qtbot), window.model.race
    qtbot.mouseClick(pane.controls.step, QtCore.Qt.MouseButton.LeftButton)
    window.scheduler.flush()
    assert race.epoch == 1 and pane.controls.epoch.text().startswith("epoch 1 / 40")
    record = race.record()
    median, _, _ = spread(record.curve("test_loss"))
    for c in range(2):
        x, y = pane.curves.lines[c].test.getData()
        np.testing.assert_array_equal(x, record.epochs)
        np.testing.assert_array_equal(y, median[c])
        assert pane.curves.lines[c].band.isVisible()  # two seeds: a band
        np.testing.assert_array_equal(pane.maps.images[c].image, race.surface(c, MAP_RESOLUTION))
        assert pane.maps.captions[c].text == health_caption(race.health(c))
        flow = pane.flow.lines[c].yData  # as given: getData() is on the log axis
        np.testing.assert_allclose(flow, race.health(c).gradient)
    assert not pane.curves.lines[2].test.isVisible()
    rows = race.table()
    assert pane.table.rowCount() == 2
    for r, row in enumerate(rows):
        cells = [pane.table.item(r, c).text() for c in range(pane.table.columnCount())]
        assert cells == list(row_cells(row))


def test_play_trains_in_the_worker_and_the_main_window_stays_responsive(window, qtbot):
    pane, race = _open(window, qtbot), window.model.race
    qtbot.mouseClick(pane.controls.play, QtCore.Qt.MouseButton.LeftButton)
    assert race.running and pane.driver.active and pane.controls.play.text() == "Pause"
    assert race.in_background and race.worker is window.race_worker
    assert pane.driver.timer.interval() == COLLECT_MS
    slider = window.network_panel.input_sliders[0]
    slider.slider.setValue(slider.slider.maximum())  # the GUI thread only receives and draws
    qtbot.waitUntil(lambda: race.epoch >= 3, timeout=20000)

    def shown_epoch() -> int:
        window.scheduler.flush()
        text = pane.controls.epoch.text()  # "epoch 12 / 40"
        assert text.startswith("epoch ") and " / 40" in text, text
        return int(text.split()[1])

    # Right after a slider move the race publishes nothing for a moment (the user's
    # change paints first), so the label catches up a little later, never ahead.
    qtbot.waitUntil(lambda: shown_epoch() >= 3, timeout=5000)
    assert shown_epoch() <= race.epoch
    assert window.model.network_input[0] == window.model.plane_range[1]
    qtbot.mouseClick(pane.controls.play, QtCore.Qt.MouseButton.LeftButton)
    assert not race.running and not pane.driver.active and not race.in_background
    stopped = race.epoch
    qtbot.wait(30)
    assert race.epoch == stopped


def test_a_race_played_in_the_window_equals_the_headless_race(window, qtbot):
    pane, race = _open(window, qtbot), window.model.race
    race.set(contestants=[{"activation": name, "params": {}} for name in SIX])
    qtbot.mouseClick(pane.controls.play, QtCore.Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not race.running, timeout=60000)
    window.scheduler.flush()
    assert race.finished and race.epoch == 40 and "finished" in pane.controls.epoch.text()
    headless = Race(race.setup())
    headless.run_for(600.0, until_epoch=40)
    for s in range(2):
        for c in range(6):
            assert np.array_equal(race._race.parameters(s, c), headless.parameters(s, c))
    np.testing.assert_allclose(race.record().curves, headless.curves(), rtol=1e-12, atol=1e-12)
    median, _, _ = spread(headless.curves("test_loss"))
    x, y = pane.curves.lines[5].test.getData()
    np.testing.assert_array_equal(y, median[5])


def test_without_a_worker_play_trains_here_in_slices(window, qtbot):
    pane, race = _open(window, qtbot), window.model.race
    race.attach_worker(None)  # e.g. no process could be started
    qtbot.mouseClick(pane.controls.play, QtCore.Qt.MouseButton.LeftButton)
    assert pane.driver.timer.interval() == 0 and not race.in_background
    qtbot.waitUntil(lambda: race.epoch >= 3, timeout=20000)
    qtbot.mouseClick(pane.controls.play, QtCore.Qt.MouseButton.LeftButton)
    assert not race.running and not pane.driver.active


def test_closing_the_main_window_brings_the_race_home_and_ends_its_worker(window, qtbot):
    pane, race = _open(window, qtbot), window.model.race
    race.set(epochs=5000)
    qtbot.mouseClick(pane.controls.play, QtCore.Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: race.epoch >= 2, timeout=20000)
    process = window.race_worker._process
    assert process.is_alive()
    window.close()
    assert not race.running and not race.in_background and race.epoch >= 2
    assert not process.is_alive()


def test_the_end_of_the_race_stops_play(window, qtbot):
    pane, race = _open(window, qtbot), window.model.race
    race.set(epochs=2)
    qtbot.mouseClick(pane.controls.play, QtCore.Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not race.running, timeout=20000)
    window.scheduler.flush()
    assert race.finished and race.epoch == 2
    assert not pane.controls.play.isEnabled() and not pane.controls.step.isEnabled()
    assert "finished" in pane.controls.epoch.text()
    qtbot.mouseClick(pane.controls.reset, QtCore.Qt.MouseButton.LeftButton)
    window.scheduler.flush()
    assert not race.started and pane.controls.play.isEnabled() and pane.table.rowCount() == 0


def test_setup_fields_write_the_model_and_follow_it(window, qtbot):
    pane, race = _open(window, qtbot), window.model.race
    setup = pane.setup
    setup.batch.setValue(25)
    assert race.settings["batch_size"] == 25
    race.set(learning_rate=0.25, bias_init=-1.5)
    window.scheduler.flush()
    assert setup.learning_rate.value() == 0.25 and setup.bias_init.value() == -1.5
    setup.hidden.setText("3x5")
    setup.hidden.editingFinished.emit()
    assert race.settings["hidden"] == [5, 5, 5]
    setup.hidden.setText("many")
    setup.hidden.editingFinished.emit()
    assert race.settings["hidden"] == [5, 5, 5] and setup.hidden.text() == "5, 5, 5"
    assert (
        "hidden layers" in window.race_window.findChild(QtWidgets.QLabel, "inline_message").text()
    )
    setup.source.setCurrentIndex(setup.source.findData("regression"))
    assert race.settings["dataset"]["source"] == "regression" and race.settings["loss"] == "mse"


def test_the_contestants_editor(window, qtbot):
    pane, race = _open(window, qtbot), window.model.race
    editor = pane.setup.contestants
    qtbot.mouseClick(editor.add_button, QtCore.Qt.MouseButton.LeftButton)
    assert [e["activation"] for e in race.settings["contestants"]] == ["tanh", "relu", "sigmoid"]
    picker = editor.rows[1].findChild(QtWidgets.QComboBox, "race_contestant_2_function")
    picker.setCurrentIndex(picker.findData("elu"))
    assert race.settings["contestants"][1] == {"activation": "elu", "params": {"alpha": 1.0}}
    spin = editor.rows[1].spins["alpha"]
    spin.setValue(0.5)
    assert race.settings["contestants"][1]["params"] == {"alpha": 0.5}
    remove = editor.rows[0].findChild(QtWidgets.QToolButton, "race_contestant_1_remove")
    qtbot.mouseClick(remove, QtCore.Qt.MouseButton.LeftButton)
    assert [e["activation"] for e in race.settings["contestants"]] == ["elu", "sigmoid"]
    race.set(contestants=[{"layers": [["tanh", {}], ["relu", {}]]}])
    window.scheduler.flush()
    (row,) = editor.rows
    assert row.findChild(QtWidgets.QComboBox).currentData() == "__per_layer__"
    assert row.findChild(QtWidgets.QPushButton, "race_contestant_1_layers") is not None
    assert not row.findChild(QtWidgets.QToolButton).isEnabled()  # the last one stays
    while len(race.settings["contestants"]) < 6:
        qtbot.mouseClick(editor.add_button, QtCore.Qt.MouseButton.LeftButton)
    assert not editor.add_button.isEnabled()


def test_a_session_with_results_shows_the_finished_race(window, qtbot, tmp_path):
    pane, race = _open(window, qtbot), window.model.race
    race.run()
    path = tmp_path / "race.actplay.json"
    session.save(window.model, path)
    race.reset()
    window.file_actions.open_path(path)
    window.scheduler.flush()
    assert race.finished and not race.running
    assert pane.table.rowCount() == 2 and pane.maps.images[0].image is not None
    x, _ = pane.curves.lines[0].test.getData()
    assert x[-1] == 40


def test_every_control_of_the_race_window_has_an_accessible_name(window, qtbot):
    from PySide6.QtGui import QAccessible

    _open(window, qtbot)
    race = window.model.race
    race.set(contestants=[{"activation": "elu", "params": {}}, {"layers": [["tanh", {}]] * 2}])
    window.scheduler.flush()
    controls = (
        QtWidgets.QAbstractSpinBox,
        QtWidgets.QComboBox,
        QtWidgets.QAbstractButton,
        QtWidgets.QLineEdit,
    )
    unnamed = []
    for widget in window.race_window.findChildren(QtWidgets.QWidget):
        parent = widget.parentWidget()
        if not isinstance(widget, controls) or isinstance(
            parent, (QtWidgets.QAbstractSpinBox, QtWidgets.QComboBox)
        ):
            continue
        if widget.objectName().startswith("qt_"):
            continue  # parts Qt builds inside a table or a spin box
        if isinstance(widget, QtWidgets.QComboBox):
            labels = window.race_window.findChildren(QtWidgets.QLabel)
            named = widget.accessibleName() or any(lab.buddy() is widget for lab in labels)
        else:
            interface = QAccessible.queryAccessibleInterface(widget)
            named = interface is not None and interface.text(QAccessible.Text.Name).strip()
        if not named:
            unnamed.append(f"{type(widget).__name__} {widget.objectName()}")
    assert unnamed == []
