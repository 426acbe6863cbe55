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

from actplay.model.training_worker import TrainingWorker
from actplay.ui.widgets.close_watch import CloseWatch


def _end(model, worker: TrainingWorker) -> None:
    """Pause (publishing the last weights) and end the worker process."""
    if model.running:
        model.set_running(False)
    worker.close()


def install_training_worker(window) -> TrainingWorker:
    """The window's worker (its part ``training_worker``), made and attached on first call."""

    def build() -> TrainingWorker:
        worker = TrainingWorker()
        window.model.attach_training_worker(worker)
        CloseWatch(window, lambda: _end(window.model, worker))
        return worker

    return window.part("training_worker", build)


__all__ = ["install_training_worker"]
