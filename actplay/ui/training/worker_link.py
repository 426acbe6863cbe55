"""The window's training worker: attached to the model once, ended with the window.

`install_training_worker(window)` gives the window's model (once, kept as the
window's part ``training_worker``) a
:class:`~actplay.model.training_worker.TrainingWorker` (its process starts on
the first Play), so Play trains beside the GUI thread and the views are fed
snapshots. When the window closes, the run is paused (its weights published,
so a save offered on close has them) and the process ends; a Play after a
cancelled close starts a new one.
"""

from __future__ import annotations

from PySide6 import QtCore, QtWidgets

from actplay.model.training_worker import TrainingWorker


class _CloseWatcher(QtCore.QObject):
    """Pauses training and ends the worker when the window is asked to close."""

    def __init__(self, window, worker: TrainingWorker) -> None:
        super().__init__(window)
        self.model = window.model
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
        """Pause (publishing the last weights) and end the worker process."""
        if self.model.running:
            self.model.set_running(False)
        self.worker.close()


def install_training_worker(window) -> TrainingWorker:
    """The window's worker (its part ``training_worker``), made and attached on first call."""

    def build() -> TrainingWorker:
        worker = TrainingWorker()
        window.model.attach_training_worker(worker)
        _CloseWatcher(window, worker)  # a child of the window: lives as long as it
        return worker

    return window.part("training_worker", build)


__all__ = ["install_training_worker"]
