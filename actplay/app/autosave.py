"""Autosave: the state goes to the user's state folder a few seconds after it changed.

`Autosaver` restarts a single-shot timer on every model event and writes the
session (atomically, through ``session.save``) when the user paused for
`AUTOSAVE_DELAY_MS`. A clean exit deletes the file, so a file found at the
next start means actplay crashed or was killed: ``main()`` (never
``create_window()``) then calls `offer_restore`.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import shiboken6
from PySide6.QtCore import QStandardPaths, QTimer
from PySide6.QtWidgets import QMessageBox

from actplay.model.session import SUFFIX as SESSION_SUFFIX

AUTOSAVE_DELAY_MS = 3000  # long enough that a drag writes once, short enough to lose little
AUTOSAVE_NAME = "autosave" + SESSION_SUFFIX
APP_FOLDER = "actplay"  # one level under the state folder, not organisation/application


def data_folder() -> Path:
    """actplay's folder for its own files (autosave, error log), created when missing.

    The XDG state folder, one level deep: ``$XDG_STATE_HOME/actplay`` (by default
    ``~/.local/state/actplay``) on Linux; Qt's equivalent elsewhere.
    """
    location = QStandardPaths.StandardLocation.GenericStateLocation
    base = QStandardPaths.writableLocation(location)
    folder = Path(base) / APP_FOLDER if base else Path.home() / f".{APP_FOLDER}"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def legacy_autosave_path() -> Path:
    """Where releases before the state folder kept the autosave (``<AppDataLocation>/...``,
    ``~/.local/share/actplay/actplay/`` on Linux: the folder name twice)."""
    # AppDataLocation with main()'s organisation and application names, both "actplay".
    location = QStandardPaths.StandardLocation.GenericDataLocation
    return Path(QStandardPaths.writableLocation(location), APP_FOLDER, APP_FOLDER, AUTOSAVE_NAME)


def autosave_path() -> Path:
    """Where the autosave file lives: ``<state folder>/autosave.actplay.json``.

    An autosave left at the old location by an earlier release is moved here
    first, so a crash just before an upgrade is still offered for restoring.
    """
    path = data_folder() / AUTOSAVE_NAME
    legacy = legacy_autosave_path()
    if not path.exists() and legacy.is_file():
        try:
            shutil.move(legacy, path)
        except OSError:  # an unreadable old folder: there is nothing to restore then
            pass
    return path


class Autosaver:
    """Writes the model to ``path`` a while after each change.

    Parameters
    ----------
    model : Playground
    path : path-like
    delay_ms : int
    parent : QObject, optional
        Owner of the timer.

    Attributes
    ----------
    write_count : int
        How many times the file was written (for tests and benchmarks).
    last_error : OSError or None
        Why the latest write failed; autosave never interrupts the user.
    """

    def __init__(self, model, path, delay_ms: int = AUTOSAVE_DELAY_MS, parent=None) -> None:
        self.model = model
        self.path = Path(path)
        self.write_count = 0
        self.last_error: OSError | None = None
        self.timer = QTimer(parent)
        self.timer.setObjectName("autosave_timer")
        self.timer.setSingleShot(True)
        self.timer.setInterval(int(delay_ms))
        self.timer.timeout.connect(self.write_now)
        model.changed.connect(self._on_model_changed)

    def _on_model_changed(self, _sections) -> None:
        if not shiboken6.isValid(self.timer):  # its window is gone; the model outlived it
            self.model.changed.disconnect(self._on_model_changed)
            return
        self.timer.start()  # restarts: one write after the burst, not one per event

    @property
    def pending(self) -> bool:
        """True while a change waits to be written."""
        return self.timer.isActive()

    def write_now(self) -> bool:
        """Write the state now; True on success (a failure is kept in `last_error`)."""
        self.timer.stop()
        from actplay.model import session

        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            session.save(self.model, self.path)
        except OSError as error:
            self.last_error = error
            return False
        self.last_error = None
        self.write_count += 1
        return True

    def discard(self) -> None:
        """Stop listening and delete the file: the clean-exit path."""
        if shiboken6.isValid(self.timer):
            self.timer.stop()
        try:
            self.model.changed.disconnect(self._on_model_changed)
        except ValueError:
            pass
        try:
            os.unlink(self.path)
        except FileNotFoundError:
            pass


def leftover_autosave(path=None) -> Path | None:
    """The autosave file left by a run that did not exit cleanly, or None."""
    path = Path(path) if path is not None else autosave_path()
    return path if path.is_file() else None


def ask_restore(window) -> bool:
    """Ask whether to restore the unsaved work from the last run."""
    buttons = QMessageBox.StandardButton
    answer = QMessageBox.question(
        window,
        "Restore unsaved work?",
        "actplay did not close normally last time. Restore the state it had "
        "(autosaved a few seconds before it stopped)?",
        buttons.Yes | buttons.No,
        buttons.Yes,
    )
    return answer == buttons.Yes


def restore_autosave(window, path) -> bool:
    """Load the autosave file at ``path`` into ``window`` as one undo step.

    The state counts as modified (it was never saved by the user). A broken
    file is reported in the status bar and removed.

    Returns
    -------
    bool
        True when the state was restored.
    """
    from actplay.model import session

    try:
        state = session.read_state(path)
    except session.SessionError as error:
        window.show_status(f"Could not restore the autosave: {error}")
        Path(path).unlink(missing_ok=True)
        return False
    with window.undo_recorder.step("Restore autosave"):
        window.model.apply_state(state)
    window.show_status("Restored the unsaved state from the last run")
    return True


def offer_restore(window, path=None, ask=ask_restore) -> bool:
    """At start (``main()`` only): if an autosave is left over, ask and maybe restore it.

    Parameters
    ----------
    window : MainWindow
    path : path-like, optional
        The autosave file (default `autosave_path`).
    ask : callable(window) -> bool
        The question; tests pass a function instead of the dialog.

    Returns
    -------
    bool
        True when a state was restored. A declined file is deleted.
    """
    leftover = leftover_autosave(path)
    if leftover is None:
        return False
    if not ask(window):
        leftover.unlink(missing_ok=True)
        return False
    return restore_autosave(window, leftover)


def enable_autosave(window, path=None, delay_ms: int = AUTOSAVE_DELAY_MS) -> Autosaver:
    """Start autosaving ``window.model``; the window keeps the autosaver (``main()`` calls it)."""
    autosaver = Autosaver(window.model, path or autosave_path(), delay_ms, window)
    window.set_autosaver(autosaver)
    return autosaver
