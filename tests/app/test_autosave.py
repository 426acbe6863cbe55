"""Autosave: written after a pause, removed on a clean exit, restored after a simulated crash."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QStandardPaths

from actplay.app import autosave, create_window, error_report
from actplay.model import session
from actplay.model.playground import Playground

SHORT_DELAY_MS = 40  # the test waits for the real timer, so keep it short


def test_create_window_does_not_autosave(window):
    assert getattr(window, "autosaver", None) is None


def test_autosave_writes_once_after_a_burst(qtbot, window, tmp_path):
    path = tmp_path / "autosave.actplay.json"
    saver = autosave.enable_autosave(window, path, SHORT_DELAY_MS)
    for value in (0.1, 0.2, 0.3, 0.4):
        window.model.set_neuron_bias(value + 0.05)
    assert saver.pending and not path.exists()
    qtbot.waitUntil(lambda: saver.write_count == 1, timeout=3000)
    assert session.read_state(path) == window.model.state_dict()
    assert not saver.pending


def test_autosave_goes_to_the_app_data_folder():
    path = autosave.autosave_path()
    assert path.name == autosave.AUTOSAVE_NAME
    assert path.parent.is_dir()


@pytest.fixture
def real_paths(tmp_path, monkeypatch):
    """QStandardPaths out of test mode, with the XDG folders in ``tmp_path``."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    QStandardPaths.setTestModeEnabled(False)
    yield tmp_path
    QStandardPaths.setTestModeEnabled(True)


def test_autosave_and_error_log_live_in_the_xdg_state_folder_one_level_deep(real_paths):
    folder = real_paths / "state" / "actplay"
    assert autosave.autosave_path() == folder / autosave.AUTOSAVE_NAME
    assert error_report.log_path() == folder / error_report.LOG_NAME
    assert folder.is_dir()


def test_an_autosave_at_the_old_doubled_location_is_moved_and_offered(qtbot, real_paths):
    old = real_paths / "data" / "actplay" / "actplay" / autosave.AUTOSAVE_NAME
    assert autosave.legacy_autosave_path() == old
    old.parent.mkdir(parents=True)
    crashed = Playground()
    crashed.set_curve_activation("gelu")
    session.save(crashed, old)
    window = create_window()
    qtbot.addWidget(window)
    assert autosave.offer_restore(window, ask=lambda _window: True)
    assert window.model.curve_activation == "gelu"
    assert not old.exists() and autosave.autosave_path().exists()


def test_clean_exit_removes_the_autosave(qtbot, tmp_path):
    window = create_window()
    qtbot.addWidget(window)
    window.show()
    path = tmp_path / "autosave.actplay.json"
    saver = autosave.enable_autosave(window, path, SHORT_DELAY_MS)
    window.model.set_seed(5)
    assert saver.write_now() and path.exists()
    assert window.close()
    assert not path.exists()


def test_restore_after_a_simulated_crash(qtbot, tmp_path):
    path = tmp_path / "autosave.actplay.json"
    # The crashed run: a changed state autosaved, then the process dies (no discard).
    crashed = Playground()
    crashed.set_curve_activation("gelu")
    crashed.set_layer_sizes((2, 4, 1))
    crashed.set_weight(1, 2, 1, 3.5)
    crashed.set_neuron_input(1, -2.0)
    session.save(crashed, path)

    window = create_window()  # the next start
    qtbot.addWidget(window)
    asked = []
    restored = autosave.offer_restore(window, path, ask=lambda w: asked.append(w) or True)
    assert restored and asked == [window]
    assert window.model.state_dict() == crashed.state_dict()
    assert window.isWindowModified()  # the restored work was never saved by the user
    window.undo_stack.undo()
    assert window.model.state_dict() == Playground().state_dict()
    window.close()


def test_declining_the_restore_deletes_the_file(qtbot, window, tmp_path):
    path = tmp_path / "autosave.actplay.json"
    changed = Playground()
    changed.set_seed(9)
    session.save(changed, path)
    assert not autosave.offer_restore(window, path, ask=lambda w: False)
    assert not path.exists()
    assert window.model.state_dict() == Playground().state_dict()
    assert not autosave.offer_restore(window, path, ask=lambda w: 1 / 0)  # nothing left: no ask


def test_a_broken_autosave_is_reported_and_removed(window, tmp_path):
    path = tmp_path / "autosave.actplay.json"
    path.write_text('{"format": "actplay-session"')  # cut off mid-write by the crash
    assert not autosave.offer_restore(window, path, ask=lambda w: True)
    assert not path.exists()
    assert "autosave" in window.statusBar().currentMessage()
    assert window.model.state_dict() == Playground().state_dict()
