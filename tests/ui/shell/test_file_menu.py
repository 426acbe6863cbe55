"""File menu: new, open, save, save as, recent files, examples, title and the close question."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from actplay import resources
from actplay.model import presets, session
from actplay.model.playground import Playground
from actplay.ui.shell import file_actions


def action(window, name) -> QAction:
    found = window.findChild(QAction, name)
    assert found is not None, name
    return found


@pytest.fixture
def files(window, tmp_path, monkeypatch):
    """The window's FileActions with the file dialogs answered by the test."""
    actions = window.file_actions
    answers = {"save": str(tmp_path / "mine.actplay.json"), "open": ""}
    monkeypatch.setattr(actions, "ask_save_path", lambda: answers["save"])
    monkeypatch.setattr(actions, "ask_open_path", lambda: answers["open"])
    actions.told = []  # file errors the window showed in a dialog
    monkeypatch.setattr(actions, "tell_file_error", lambda *words: actions.told.append(words))
    actions.answers = answers
    return actions


def test_title_and_modified_mark_follow_the_undo_stack(window):
    assert window.windowTitle() == "Untitled[*] - actplay"
    assert not window.isWindowModified()
    window.model.set_neuron_bias(0.7)
    assert window.isWindowModified()
    window.undo_stack.undo()
    assert not window.isWindowModified()


def test_save_new_open_round_trip_gives_an_equal_state(qtbot, window, files, tmp_path):
    model = window.model
    model.set_curve_activation("elu")
    model.set_curve_param("alpha", 0.5)
    model.set_layer_sizes((2, 5, 3, 1))
    model.set_weight(2, 1, 4, -1.25)
    model.set_neuron_bias(-0.3)
    saved_state = model.state_dict()

    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # Save As
    path = tmp_path / "mine.actplay.json"
    assert json.loads(path.read_text()) == saved_state  # the written file, read independently
    assert window.windowTitle() == "mine[*] - actplay" and not window.isWindowModified()

    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert model.state_dict() == Playground().state_dict()
    assert window.windowTitle() == "Untitled[*] - actplay"

    files.answers["open"] = str(path)
    action(window, "open_session_action").trigger()
    assert model.state_dict() == saved_state
    assert files.current_path == path
    assert not window.isWindowModified()
    window.undo_stack.undo()  # opening is an undo step like any other
    assert model.state_dict() == Playground().state_dict()


def test_save_writes_to_the_current_file_without_asking(window, files, tmp_path, monkeypatch):
    path = tmp_path / "current.actplay.json"
    files.save_to(path)
    monkeypatch.setattr(files, "ask_save_path", lambda: pytest.fail("Save must not ask"))
    window.model.set_seed(7)
    assert window.isWindowModified()
    action(window, "save_session_action").trigger()
    assert session.read_state(path)["network"]["seed"] == 7
    assert not window.isWindowModified()


def test_opening_a_bad_file_leaves_the_state_and_says_why(window, files, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    before = window.model.state_dict()
    files.answers["open"] = str(bad)
    action(window, "open_session_action").trigger()
    assert window.model.state_dict() == before
    # A dialog says which file and why (not a status line that is gone in 5 s).
    assert len(files.told) == 1 and "bad.json" in files.told[0][1]
    assert "bad.json" not in window.statusBar().currentMessage()
    assert window.undo_stack.count() == 0


def test_recent_files_are_kept_in_settings_capped_and_clearable(window, tmp_path):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window.use_settings(settings)
    paths = []
    for index in range(file_actions.MAX_RECENT + 2):
        path = tmp_path / f"s{index}.actplay.json"
        window.file_actions.save_to(path)
        paths.append(str(path))
    window.file_actions.save_to(paths[3])  # again: moves to the top, no duplicate
    others = [p for p in reversed(paths) if p != paths[3]]
    expected = [paths[3]] + others[: file_actions.MAX_RECENT - 1]
    assert window.file_actions.recent == expected
    assert settings.value(file_actions.RECENT_KEY) == expected
    recent_actions = [
        a for a in window.file_actions.recent_menu.actions() if a.objectName().startswith("recent_")
    ]
    assert len(recent_actions) == file_actions.MAX_RECENT

    window.model.set_neuron_bias(0.9)
    window.file_actions.recent_menu.actions()[1].trigger()  # the second most recent file
    assert window.model.state_dict() == session.read_state(expected[1])

    action(window, "clear_recent_action").trigger()
    assert window.file_actions.recent == []
    assert not settings.value(file_actions.RECENT_KEY)


def test_each_preset_has_one_place_and_one_name(window):
    """The example sessions are the presets' states: the Presets menu offers them by the
    preset's title, the neuron panel's button runs the same commands, and the File menu
    does not list them again under file names."""
    titles = [a.text() for a in window.findChild(QMenu, "presets_menu").actions()]
    assert titles == list(presets.PRESETS.values())
    assert window.findChild(QMenu, "examples_menu") is None
    assert {p.name.split(".")[0] for p in resources.example_sessions()} == set(presets.PRESETS)
    panel = window.neuron_panel
    window.model.set_neuron_bias(0.9)
    panel.preset_actions["dead_relu"].trigger()  # the panel's button
    assert window.undo_stack.undoText() == f"Preset {presets.PRESETS['dead_relu']}"
    window.undo_stack.undo()
    assert window.model.neuron_bias == 0.9


@pytest.mark.parametrize("answer, closes", [("cancel", False), ("discard", True), ("save", True)])
def test_closing_with_unsaved_changes_asks(
    qtbot, window, files, tmp_path, monkeypatch, answer, closes
):
    asked = []
    monkeypatch.setattr(files, "ask_save_changes", lambda: asked.append(1) or answer)
    files.ask_before_closing = True
    assert window.close()  # unmodified: closes without asking
    assert not asked
    window.show()
    window.model.set_neuron_bias(0.55)
    assert window.close() is closes
    assert asked == [1]
    assert window.isVisible() is not closes
    if answer == "save":
        assert session.read_state(tmp_path / "mine.actplay.json")["neuron"]["bias"] == 0.55
    files.ask_before_closing = False


def test_create_window_never_asks_on_close(window, monkeypatch):
    monkeypatch.setattr(
        window.file_actions,
        "ask_save_changes",
        lambda: pytest.fail("create_window's window must not ask"),
    )
    window.model.set_neuron_bias(0.55)
    assert window.close()
