"""Uncaught exceptions become a report: a log file entry and a dialog, never a dead window.

Qt calls ``sys.excepthook`` for an exception that escapes a slot and then
carries on, so the window stays usable. `install_excepthook` (called by
``main()``; tests call it explicitly) replaces the hook with one that appends
a report (time, versions, traceback) to ``<state folder>/errors.log`` and
shows it in a dialog with a Copy button. While one error dialog is open,
further errors go to the log and the status bar only, so an error repeating on
every repaint cannot bury the window under dialogs.
"""

from __future__ import annotations

import datetime
import platform
import sys
import traceback
from pathlib import Path

from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

LOG_NAME = "errors.log"
MAX_LOG_BYTES = 1_000_000  # past this the log starts afresh (kept as errors.log.1)


def log_path() -> Path:
    """Where reports are written: ``$XDG_STATE_HOME/actplay/errors.log`` (see `data_folder`)."""
    from actplay.app.autosave import data_folder

    return data_folder() / LOG_NAME


def format_report(exc_type, exc_value, exc_traceback) -> str:
    """A plain-text report: when, which versions, and the traceback."""
    from actplay import __version__

    try:
        from PySide6 import __version__ as pyside_version
    except ImportError:  # pragma: no cover
        pyside_version = "?"
    lines = [
        f"actplay error report, {datetime.datetime.now().isoformat(timespec='seconds')}",
        f"actplay {__version__}, Python {platform.python_version()}, "
        f"PySide6 {pyside_version}, {platform.platform()}",
        "",
    ]
    lines += traceback.format_exception(exc_type, exc_value, exc_traceback)
    return "\n".join(line.rstrip("\n") for line in lines) + "\n"


def write_log(report: str, path=None) -> Path | None:
    """Append ``report`` to the log file; returns its path, or None when it cannot be written."""
    path = Path(path) if path is not None else log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists() and path.stat().st_size > MAX_LOG_BYTES:
            path.replace(path.with_name(path.name + ".1"))
        with path.open("a", encoding="utf-8") as handle:
            handle.write(report + "\n")
    except OSError:
        return None
    return path


class ErrorDialog(QDialog):
    """Shows a report in a read-only text box with a Copy button."""

    def __init__(self, report: str, logged_to: Path | None, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("error_dialog")
        self.setWindowTitle("actplay: something went wrong")
        self.resize(620, 420)
        where = f" It was also written to {logged_to}." if logged_to else ""
        message = QLabel(
            "An unexpected error happened. Your work is still here and the "
            f"window keeps working.{where} Please include this report if "
            "you tell us about it.",
            self,
        )
        message.setWordWrap(True)
        self.text = QPlainTextEdit(report, self)
        self.text.setObjectName("error_report_text")
        self.text.setReadOnly(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        copy = QPushButton("&Copy report", self)
        copy.setObjectName("copy_report_button")
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(self.copy_report)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(message)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)

    def copy_report(self) -> None:
        """Put the whole report on the clipboard."""
        QApplication.clipboard().setText(self.text.toPlainText())


class ExceptionHook:
    """The installed ``sys.excepthook``: log, then show (one dialog at a time).

    Attributes
    ----------
    previous : callable
        The hook that was installed before (restored by `uninstall`).
    dialog : ErrorDialog or None
        The open dialog, if any.
    reports : list of str
        Every report handled (for tests).
    """

    def __init__(self, window=None, path=None, show_dialog: bool = True) -> None:
        self.window = window
        self.path = path
        self.show_dialog = show_dialog
        self.previous = sys.excepthook
        self.dialog: ErrorDialog | None = None
        self.reports: list[str] = []

    def __call__(self, exc_type, exc_value, exc_traceback) -> None:
        if issubclass(exc_type, KeyboardInterrupt):  # Ctrl+C in the terminal still quits
            self.previous(exc_type, exc_value, exc_traceback)
            return
        report = format_report(exc_type, exc_value, exc_traceback)
        self.reports.append(report)
        print(report, file=sys.stderr)
        logged_to = write_log(report, self.path)
        if self.window is not None and hasattr(self.window, "show_status"):
            self.window.show_status(f"Error: {exc_value} (details in the error report)")
        if self.show_dialog and self.dialog is None and QApplication.instance() is not None:
            self.dialog = ErrorDialog(report, logged_to, self.window)
            self.dialog.finished.connect(self._on_dialog_finished)
            self.dialog.show()

    def _on_dialog_finished(self, _result) -> None:
        self.dialog = None

    def uninstall(self) -> None:
        """Put the previous hook back (if this one is still installed)."""
        if sys.excepthook is self:
            sys.excepthook = self.previous


def install_excepthook(window=None, path=None, show_dialog: bool = True) -> ExceptionHook:
    """Install the error-report hook as ``sys.excepthook`` and return it.

    Parameters
    ----------
    window : MainWindow, optional
        Parent of the dialog; its status bar also shows the error.
    path : path-like, optional
        The log file (default `log_path`).
    show_dialog : bool
        False to only log (e.g. for tests).
    """
    hook = ExceptionHook(window, path, show_dialog)
    sys.excepthook = hook
    return hook
