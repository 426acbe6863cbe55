"""The File menu's session commands: New, Open, Open Recent, Save, Save As.

The shipped example sessions are the presets' states: they are offered once,
under their preset names, in the Presets menu (and the neuron panel's Presets
button runs the same commands), not a second time here under file names.

`FileActions` knows which file the window shows (``current_path``) and keeps
the title ``"name[*] - actplay"`` in step with the undo stack: the window is
modified whenever the stack is away from its clean index, so undoing back to
the saved state clears the mark. New and Open are undo steps
like any other change, so none of them needs to ask before replacing the
state; only closing a modified window asks (`confirm_close`).

The file dialogs and the close question are methods (`ask_open_path`,
`ask_save_path`, `ask_save_changes`) so tests replace them instead of
clicking modal dialogs.
"""

from __future__ import annotations

import os
from pathlib import Path

import shiboken6
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from actplay.model.session import SUFFIX as SESSION_SUFFIX
from actplay.ui.i18n import translate
from actplay.ui.shell.menu_actions import menu_action

APP_NAME = "actplay"
UNTITLED = translate("shell", "Untitled")
MAX_RECENT = 8  # entries in File > Open Recent
RECENT_KEY = "files/recent"
SESSION_FILTER = f"actplay sessions (*{SESSION_SUFFIX} *.json);;All files (*)"


def display_name(path) -> str:
    """A session's name for people: the file name without ``.actplay.json`` / ``.json``."""
    name = Path(path).name
    for suffix in (SESSION_SUFFIX, ".json"):
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name


class FileActions:
    """Session file commands of one main window.

    Parameters
    ----------
    window : MainWindow
        Needs ``model``, ``undo_stack``, ``undo_recorder``, ``settings`` and
        ``show_status``. The window puts `menu_entries` into its File menu.

    Attributes
    ----------
    current_path : pathlib.Path or None
        The file Save writes to; None for a new session or an example.
    name : str
        What the title shows.
    recent : list of str
        Most recent first, at most `MAX_RECENT`; kept in the window's QSettings
        when it has them (``window.settings``), else for this run only.
    ask_before_closing : bool
        False for windows from ``create_window()`` (no dialogs); ``main()`` sets True.
    """

    def __init__(self, window) -> None:
        self.window = window
        self.current_path: Path | None = None
        self.name = UNTITLED
        self.recent: list[str] = []
        self.ask_before_closing = False

        self.new_action = self._action(
            translate("shell", "&New session"),
            self.new_session,
            QKeySequence.StandardKey.New,
            "new_session_action",
        )
        self.open_action = self._action(
            translate("shell", "&Open session\u2026"),
            self.open_dialog,
            QKeySequence.StandardKey.Open,
            "open_session_action",
        )
        self.recent_menu = QMenu(translate("shell", "Open &recent"), window)
        self.recent_menu.setObjectName("recent_menu")
        self.save_action = self._action(
            translate("shell", "&Save session"),
            self.save,
            QKeySequence.StandardKey.Save,
            "save_session_action",
        )
        self.save_as_action = self._action(
            translate("shell", "Save session &as\u2026"),
            self.save_as,
            QKeySequence("Ctrl+Shift+S"),
            "save_session_as_action",
        )
        window.undo_stack.cleanChanged.connect(self._on_clean_changed)
        self._rebuild_recent_menu()
        self._update_title()

    def menu_entries(self) -> list:
        """The File menu's session part, in order: actions and the two submenus."""
        return [
            self.new_action,
            self.open_action,
            self.recent_menu,
            self.save_action,
            self.save_as_action,
        ]

    def _action(self, text, slot, shortcut, name) -> QAction:
        return menu_action(self.window, text, slot, shortcut, name)

    # -- title and modified mark --------------------------------------------------------
    def _on_clean_changed(self, clean: bool) -> None:
        # The stack clears itself (emitting this) while the window is being destroyed.
        if shiboken6.isValid(self.window):
            self.window.setWindowModified(not clean)

    def _update_title(self) -> None:
        self.window.setWindowTitle(
            translate("shell", "{name}[*] - {app}").format(name=self.name, app=APP_NAME)
        )
        self.window.setWindowModified(not self.window.undo_stack.isClean())

    def _set_document(self, path: Path | None, name: str) -> None:
        self.current_path = path
        self.name = name
        self.window.undo_stack.setClean()
        self._update_title()

    # -- commands -------------------------------------------------------------------------
    def new_session(self) -> None:
        """Replace the state with the default one (one undo step)."""
        from actplay.model.playground import Playground

        with self.window.undo_recorder.step(translate("shell", "New session")):
            self.window.model.apply_state(Playground().state_dict())
        self._set_document(None, UNTITLED)
        self.window.show_status(translate("shell", "New session"))

    def open_path(self, path) -> None:
        """Load a session file (one undo step) and make it the current file.

        Raises
        ------
        SessionError
            For a missing or invalid file; the state is unchanged.
        """
        from actplay.model import session

        path = Path(path)
        state = session.read_state(path)
        with self.window.undo_recorder.step(
            translate("shell", "Open {file}").format(file=display_name(path))
        ):
            self.window.model.apply_state(state)
        self._set_document(path, display_name(path))
        self.add_recent(path)
        self.window.show_status(translate("shell", "Opened {path}").format(path=path))

    def save_to(self, path) -> None:
        """Write the state to ``path`` and make it the current, unmodified file (raises OSError)."""
        from actplay.model import session

        path = Path(path)
        session.save(self.window.model, path)
        self._set_document(path, display_name(path))
        self.add_recent(path)
        self.window.show_status(translate("shell", "Saved {path}").format(path=path))

    def save(self) -> bool:
        """Save to the current file, or ask for one; True when the state was written."""
        if self.current_path is None:
            return self.save_as()
        return self._save_reporting(self.current_path)

    def save_as(self) -> bool:
        """Ask for a file name and save there; True when the state was written."""
        path = self.ask_save_path()
        return bool(path) and self._save_reporting(path)

    def _save_reporting(self, path) -> bool:
        try:
            self.save_to(path)
        except OSError as error:
            self.tell_file_error(translate("shell", "Cannot save the session"), str(error))
            return False
        return True

    def open_dialog(self) -> None:
        """File > Open: ask for a file and open it (a file that cannot be read: a dialog)."""
        path = self.ask_open_path()
        if path:
            self._open_reporting(path)

    def _open_reporting(self, path) -> None:
        try:
            self.open_path(path)
        except ValueError as error:  # SessionError: names the file and the problem
            self.tell_file_error(translate("shell", "Cannot open the session"), str(error))

    # -- recent files ---------------------------------------------------------------------
    def _settings(self):
        return self.window.settings

    def load_recent(self) -> None:
        """Read the recent-file list from the window's settings (``main()`` calls it)."""
        settings = self._settings()
        if settings is not None:
            value = settings.value(RECENT_KEY) or []
            self.recent = [str(item) for item in ([value] if isinstance(value, str) else value)]
            self.recent = self.recent[:MAX_RECENT]
        self._rebuild_recent_menu()

    def add_recent(self, path) -> None:
        """Put ``path`` first in the recent list (no duplicates, at most `MAX_RECENT`)."""
        text = os.path.abspath(path)
        self.recent = [text] + [item for item in self.recent if item != text]
        del self.recent[MAX_RECENT:]
        self._store_recent()

    def clear_recent(self) -> None:
        """Empty the recent list."""
        self.recent = []
        self._store_recent()

    def _store_recent(self) -> None:
        settings = self._settings()
        if settings is not None:
            settings.setValue(RECENT_KEY, list(self.recent))
        self._rebuild_recent_menu()

    def _rebuild_recent_menu(self) -> None:
        menu = self.recent_menu
        menu.clear()
        for index, path in enumerate(self.recent, start=1):
            action = menu.addAction(f"&{index} {display_name(path)}  ({path})")
            action.setObjectName(f"recent_{index}_action")
            action.triggered.connect(lambda _=False, path=path: self._open_reporting(path))
        if self.recent:
            menu.addSeparator()
        clear = menu.addAction(translate("shell", "&Clear list"))
        clear.setObjectName("clear_recent_action")
        clear.setEnabled(bool(self.recent))
        clear.triggered.connect(self.clear_recent)

    # -- questions (tests replace these) -------------------------------------------------
    def ask_open_path(self) -> str:
        path, _ = QFileDialog.getOpenFileName(
            self.window, translate("shell", "Open session"), self._folder(), SESSION_FILTER
        )
        return path

    def ask_save_path(self) -> str:
        start = (
            str(self.current_path)
            if self.current_path
            else os.path.join(self._folder(), self.name + SESSION_SUFFIX)
        )
        path, _ = QFileDialog.getSaveFileName(
            self.window, translate("shell", "Save session"), start, SESSION_FILTER
        )
        return path

    def _folder(self) -> str:
        if self.current_path is not None:
            return str(self.current_path.parent)
        return os.path.dirname(self.recent[0]) if self.recent else ""

    def tell_file_error(self, title: str, message: str) -> None:
        """Say why a file could not be read or written, in a dialog the user closes.

        Not the status bar: it would vanish after a few seconds, while the user may
        not have been looking there.
        """
        QMessageBox.warning(self.window, title, message)

    def ask_save_changes(self) -> str:
        """Ask what to do with unsaved changes: ``"save"``, ``"discard"`` or ``"cancel"``."""
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self.window,
            translate("shell", "Unsaved changes"),
            translate("shell", "Save the changes to “{name}” before closing?").format(
                name=self.name
            ),
            buttons.Save | buttons.Discard | buttons.Cancel,
            buttons.Save,
        )
        return {buttons.Save: "save", buttons.Discard: "discard"}.get(answer, "cancel")

    def confirm_close(self) -> bool:
        """Whether the window may close now (asks first when modified and asking is on)."""
        if not self.ask_before_closing or self.window.undo_stack.isClean():
            return True
        answer = self.ask_save_changes()
        if answer == "save":
            return self.save()
        return answer == "discard"
