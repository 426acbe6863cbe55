"""The race window's worker: attached to the race once, ended with the main window.

`install_race_worker(main_window)` gives the race of the main window's model a
:class:`~actplay.model.race_worker.RaceWorker` (its process starts on the
first Play), so Play trains every lane beside the GUI thread and the race
window only receives and draws. When the main window closes, a running race is
paused (it comes back whole, so a save offered on close has it) and the process
ends; a Play after a cancelled close starts a new one.
"""

from __future__ import annotations

from PySide6 import QtCore, QtWidgets

from actplay.model.errors import InvalidValue
from actplay.model.race_worker import RaceWorker


class _CloseWatcher(QtCore.QObject):
    """Pauses the race and ends its worker when the main window is asked to close."""

    def __init__(self, window, worker: RaceWorker) -> None:
        super().__init__(window)
        self.race = window.model.race
        self.worker = worker
        window.installEventFilter(self)
        app = QtWidgets.QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.end)

    def eventFilter(self, _watched, event) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QtCore.QEvent.Type.Close:
            self.end()
        return False

    def end(self) -> None:
        """Pause (the race comes back from the worker) and end the worker process."""
        try:
            self.race.set_running(False)
        except InvalidValue:
            pass  # the worker was already gone: the race stopped where it was lent
        self.worker.close()


def install_race_worker(window) -> RaceWorker:
    """The race's worker (the window's part ``race_worker``), made and attached on first call."""

    def build() -> RaceWorker:
        worker = RaceWorker()
        window.model.race.attach_worker(worker)
        _CloseWatcher(window, worker)  # a child of the window: lives as long as it
        return worker

    return window.part("race_worker", build)


__all__ = ["install_race_worker"]
