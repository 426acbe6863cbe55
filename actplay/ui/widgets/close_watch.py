"""Run a clean-up when a window is asked to close, or the application quits.

The training and race workers end their processes this way: the run is paused
first (so a save offered on close has its weights), then the process ends. A
close that the user cancels afterwards costs nothing: the next Play starts a
new process.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6 import QtCore, QtWidgets


class CloseWatch(QtCore.QObject):
    """Calls ``on_close()`` on ``window``'s Close event and on the application's quit.

    A child of ``window``: it lives as long as the window does.
    """

    def __init__(self, window: QtWidgets.QWidget, on_close: Callable[[], None]) -> None:
        super().__init__(window)
        self._on_close = on_close
        window.installEventFilter(self)
        app = QtWidgets.QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self._on_close)

    def eventFilter(self, _watched, event) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QtCore.QEvent.Type.Close:
            self._on_close()
        return False


__all__ = ["CloseWatch"]
