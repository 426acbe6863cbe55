"""The race window's worker: attached to the race once, ended with the main window.

`install_race_worker(main_window)` gives the race of the main window's model a
:class:`~actplay.model.race_worker.RaceWorker` (its process starts on the
first Play), so Play trains every lane beside the GUI thread and the race
window only receives and draws. When the main window closes, a running race is
paused (it comes back whole, so a save offered on close has it) and the process
ends; a Play after a cancelled close starts a new one.
"""

from __future__ import annotations

from actplay.model.errors import InvalidValue
from actplay.model.race_worker import RaceWorker
from actplay.ui.widgets.close_watch import CloseWatch


def _end(race, worker: RaceWorker) -> None:
    """Pause (the race comes back from the worker) and end the worker process."""
    try:
        race.set_running(False)
    except InvalidValue:
        pass  # the worker was already gone: the race stopped where it was lent
    worker.close()


def install_race_worker(window) -> RaceWorker:
    """The race's worker (the window's part ``race_worker``), made and attached on first call."""

    def build() -> RaceWorker:
        worker = RaceWorker()
        window.model.race.attach_worker(worker)
        CloseWatch(window, lambda: _end(window.model.race, worker))
        return worker

    return window.part("race_worker", build)


__all__ = ["install_race_worker"]
