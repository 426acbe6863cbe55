"""Play in a worker process: the race is lent to a :class:`RaceWorker` and comes back.

A mixin of :class:`~actplay.model.race_state.RaceState` (one object, three
files: the answers while lent are in ``race_answers.py``). Without a worker
(scripts, tests, the command line) nothing here acts and the caller trains the
race with ``train_for``. With one attached
(``attach_worker``; the race window does it), ``set_running(True)`` *lends*
the race: the core ``Race``, every lane with its whole state, goes to the
worker, which trains it exactly as a headless race and streams what it records.
The caller calls :meth:`~RaceBackgroundMixin.collect` at its own rate (the
window: every 100 ms) to take in the updates and publish them as one ``race``
event. Meanwhile the model answers from a :class:`RaceMirror`: every epoch's
curves as the race recorded them, its epoch, wall times and divergence, and
the first seed's weights and health at the latest epoch end the worker sent.

Pausing, Step, ``train_for``, ``run`` and detaching *recall* the race (it comes
back whole: continuing it gives what an undisturbed race would); reset and any
change of the set-up drop it. A lost worker is detached and the race is back at
the epoch it was lent at (nothing else changed it meanwhile).
"""

from __future__ import annotations

import pickle
from dataclasses import dataclass

import numpy as np

from actplay.model.errors import InvalidValue

LOST_WORKER = "the race stopped: the training process ended ({}); it is back at epoch {}"
FAILED = "the race stopped: {}"


class RaceMirror:
    """What the model knows of a race lent to the worker: its records, as the race made them.

    Parameters
    ----------
    race : Race
        The race as it was lent (its records so far start the mirror).
    """

    def __init__(self, race) -> None:
        recorded = race.curves()
        self.epochs = race.epochs
        self._curves = np.full((*recorded.shape[:-1], max(64, 2 * recorded.shape[-1])), np.nan)
        self._curves[..., : recorded.shape[-1]] = recorded
        self.epoch_progress = race.epoch_progress
        self.wall_time = race.wall_times()
        self.diverged_at = race.diverged_at()
        self.parameters = None  # the first seed's weights per contestant at an epoch end,
        self.parameters_epoch = -1  # ... this one
        self.health = None  # the first seed's LaneHealth per contestant at an epoch end,
        self.health_epoch = -1  # ... this one
        self.finished = False  # the worker stopped the race (its end, or every lane diverged)
        self.error = ""
        self.version = 0  # counts the updates taken in

    def add(self, update) -> None:
        """Take in one :class:`~actplay.model.race_worker_loop.RaceUpdate`."""
        count = update.curves.shape[-1]
        if count:
            end = update.first_epoch + count
            if end > self._curves.shape[-1]:
                grown = np.full((*self._curves.shape[:-1], 2 * end), np.nan)
                grown[..., : self._curves.shape[-1]] = self._curves
                self._curves = grown
            self._curves[..., update.first_epoch : end] = update.curves
            self.epochs = end - 1
        self.epoch_progress = update.epoch_progress
        self.wall_time = update.wall_time
        self.diverged_at = update.diverged_at
        if update.parameters is not None:
            self.parameters, self.parameters_epoch = update.parameters, update.parameters_epoch
        if update.health is not None:
            self.health, self.health_epoch = update.health, update.health_epoch
        self.finished = update.finished
        self.error = update.error
        self.version += 1

    def curves(self) -> np.ndarray:
        """Records of epochs 0..``epochs`` (a copy), as ``Race.curves()``."""
        return self._curves[..., : self.epochs + 1].copy()

    @property
    def all_diverged(self) -> bool:
        """True once every lane has diverged (``Race.finished``)."""
        return bool(np.all(~np.isnan(self.diverged_at)))


@dataclass
class _Lent:
    """The race lent to the worker: its generation, how far it may run, its mirror."""

    generation: int
    until: int
    mirror: RaceMirror
    published: int = -1  # mirror version of the last publish


class RaceBackgroundMixin:
    """Attach a worker, lend, collect and recall the race (see the module notes)."""

    _worker = None
    _lent: _Lent | None = None

    @property
    def worker(self):
        """The attached :class:`~actplay.model.race_worker.RaceWorker`, or None."""
        return self._worker

    @property
    def in_background(self) -> bool:
        """True while the race is lent to the worker."""
        return self._lent is not None

    def attach_worker(self, worker) -> None:
        """Run Play in ``worker`` from now on (None: in the caller's thread again).

        A race lent to the old worker comes back first; the old worker is not
        closed (its owner closes it).
        """
        if worker is self._worker:
            return
        self._recall()
        self._worker = worker
        if self._running and worker is not None:
            self._lend()

    def collect(self, publish: bool = True) -> bool:
        """Take in what the worker recorded; with ``publish``, show it (one ``race`` event).

        Call it at a steady rate while the race runs. Lends the race first if it
        is not lent; follows a changed race length; at the race's end brings it
        back and stops. Returns True when it published. Does nothing without a
        worker or while paused.

        Raises
        ------
        InvalidValue
            The worker failed or ended (the race stopped; the reason says where it is).
        """
        if not self._running or self._worker is None:
            return False
        lent = self._lent
        if lent is None:
            self._lend()
            return False
        worker = self._worker
        try:
            until = self._settings["epochs"]
            if until != lent.until:
                worker.set_race_until(until)
                lent.until = until
            if not worker.alive:
                raise RuntimeError("it is not running")
            updates = worker.race_updates()
        except (OSError, RuntimeError) as error:
            self._lose_worker(str(error))
        mirror = lent.mirror
        for update in updates:
            mirror.add(update)
        if mirror.error:
            self._recall()
            self._stop()
            raise InvalidValue(FAILED.format(mirror.error))
        if mirror.finished and not self.finished:  # it ended at a length since raised
            mirror.finished = False
            worker.run_race(True)
        elif mirror.finished:
            self._recall()
            self._stop()
            return True
        if publish and mirror.version != lent.published:
            lent.published = mirror.version
            self._publish()
            return True
        return False

    # -- internals -------------------------------------------------------------------
    def _lend(self) -> None:
        """Send the race to the worker and let it train."""
        race = self._ready()
        until = self._settings["epochs"]
        try:
            generation = self._worker.load_race(race, until)
            self._worker.run_race(True)
        except (OSError, RuntimeError, pickle.PicklingError) as error:
            self._lose_worker(str(error))
        self._lent = _Lent(generation, until, RaceMirror(race))
        self._record_cache = None

    def _recall(self) -> None:
        """Take the race back from the worker (it pauses there)."""
        lent = self._lent
        if lent is None:
            return
        self._lent = None
        self._record_cache = None
        try:
            race = self._worker.collect_race()
        except (OSError, RuntimeError, TimeoutError) as error:
            self._lose_worker(str(error))
        if race is not None:
            self._race = race

    def _forget_lent(self) -> None:
        """Drop the worker's race (reset, a new set-up): it is not wanted."""
        if self._lent is None:
            return
        self._lent = None
        try:
            self._worker.drop_race()
        except (OSError, RuntimeError):
            pass

    def _lose_worker(self, reason: str):
        """The worker failed: detach it, stop, and say where the race is."""
        worker, self._worker, self._lent = self._worker, None, None
        self._record_cache = None
        if worker is not None:
            worker.close(timeout=0.5)
        epoch = self._race.epochs if self._race is not None else 0
        self._stop()
        raise InvalidValue(LOST_WORKER.format(reason, epoch))


__all__ = ["RaceBackgroundMixin", "RaceMirror"]
