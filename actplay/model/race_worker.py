"""A race trained in a worker process: the :class:`RaceWorker`.

A :class:`~actplay.model.training_worker.TrainingWorker` (the same process,
pipe and lifetime) that also takes a whole :class:`~actplay.core.race.Race`:
every lane travels with its whole state, trains there by the same code as a
headless race, and comes back with :meth:`RaceWorker.collect_race`. Meanwhile
the worker streams :class:`~actplay.model.race_worker_loop.RaceUpdate` records
(every epoch's curves, the first seed's weights and health at epoch ends) that
:meth:`RaceWorker.race_updates` hands over without ever waiting for training.

Commands never wait (:meth:`load_race`, :meth:`set_race_until`,
:meth:`run_race`, :meth:`drop_race`); :meth:`collect_race` does (it pauses
the race and returns it). Like ``load``, :meth:`load_race` returns a new
generation, and each update names the one it continues.
"""

from __future__ import annotations

from actplay.model.race_worker_loop import RaceUpdate
from actplay.model.training_worker import REPLY_TIMEOUT_S, TrainingWorker


class RaceWorker(TrainingWorker):
    """A training worker that holds one race beside its trainer slots.

    Parameters
    ----------
    slots, capacity : int
        As for :class:`TrainingWorker` (a worker for races alone needs one tiny slot).
    """

    def __init__(self, slots: int = 1, capacity: int = 1) -> None:
        super().__init__(slots=slots, capacity=capacity)
        self._race_generation = None  # the race's load; None when there is none

    def load_race(self, race, until_epoch: int) -> int:
        """Send ``race`` (replacing any); it trains to ``until_epoch`` once running.

        Returns the new generation; updates of older ones are dropped by
        :meth:`race_updates`.
        """
        self._generation += 1
        self._race_generation = self._generation
        self._send(("race_load", self._generation, race, int(until_epoch)))
        return self._generation

    def set_race_until(self, epoch: int) -> None:
        """Train the race to ``epoch`` (a changed race length)."""
        self._send(("race_until", int(epoch)))

    def run_race(self, on: bool) -> None:
        """Train the race (True) or pause it (False)."""
        if on or self.alive:
            self._send(("race_run", bool(on)))

    def drop_race(self) -> None:
        """Throw the race away."""
        self._race_generation = None
        if self.alive:
            self._send(("race_drop",))

    def collect_race(self, timeout: float = REPLY_TIMEOUT_S):
        """Pause and return the race with every lane's whole state (None if there is none).

        Raises
        ------
        TimeoutError, RuntimeError
            No answer in time, or the worker is gone.
        """
        if not self.alive:
            raise RuntimeError("the training worker is not running")
        race = self._ask("race_collect", timeout=timeout)
        self.race_updates()  # what it streamed before answering is in the race itself
        return race

    def race_updates(self) -> list[RaceUpdate]:
        """The updates of the current race since the last call, oldest first."""
        current = self._race_generation
        return [
            update
            for update in self.take_updates()
            if isinstance(update, RaceUpdate) and update.generation == current
        ]


__all__ = ["RaceUpdate", "RaceWorker"]
