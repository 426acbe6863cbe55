"""The worker's side of a race lent to it: :class:`RaceJob` trains it and streams its records.

Runs in the training worker's process, beside its trainer group. The race is
the core :class:`~actplay.core.race.Race` itself, sent with every lane's whole
state, so it trains there by the very code a headless race runs: the same
chunks, the same records, the same divergence, bit for bit. The job drives
it to each epoch end in turn (``run_for`` stops there, in slices of
:data:`RACE_SLICE_S` so the pipe is read between them), which changes none of
that (the chunks restart at every epoch's start either way) and lets the job
look at the lanes where the race records them:

- every epoch end: a copy of the first seed's weights (the decision maps);
- at an epoch end at most every :data:`HEALTH_S`: the first seed's gradient flow
  and dead/saturated fractions (``lane_health``, costly per lane: benchmarks/RESULTS.md,
  "Costs the code relies on");
- at most every ``PUBLISH_S``, and when the race ends: a :class:`RaceUpdate`
  down the pipe with the epochs recorded since the last one, so the other side
  holds exactly what the race recorded, epoch for epoch.
"""

from __future__ import annotations

import math
import time
import traceback
from dataclasses import dataclass

import numpy as np

from actplay.model.training_worker_loop import UPDATE

RACE_SLICE_S = 0.004  # training between two looks at the pipe
HEALTH_S = 1.0  # the first seed's health at most once a second: ~1 % of the training time


@dataclass(frozen=True)
class RaceUpdate:
    """What a race lent to the worker recorded since the previous update.

    Attributes
    ----------
    generation : int
        The ``load_race`` it continues (older ones are stale).
    epoch_progress : float
        Whole epochs plus the share of the current one.
    first_epoch : int
        The epoch of ``curves[..., 0]``.
    curves : ndarray, shape (n_seeds, n_contestants, len(METRICS), n)
        The records of epochs ``first_epoch .. first_epoch + n - 1`` (n may be 0).
    wall_time, diverged_at : ndarray, shape (n_seeds, n_contestants)
        As ``Race.wall_times()`` and ``Race.diverged_at()`` now.
    finished : bool
        The race reached the epoch it was asked to run to, or every lane diverged;
        the worker has stopped it.
    parameters : tuple of ndarray or None
        The first seed's flat parameters per contestant at the end of epoch
        ``parameters_epoch`` (None: no epoch ended since the last update).
    health : tuple of LaneHealth or None
        The first seed's health per contestant at the end of epoch ``health_epoch``.
    error : str
        Why training failed in the worker ("" when it did not); the race stopped.
    """

    generation: int
    epoch_progress: float
    first_epoch: int
    curves: np.ndarray
    wall_time: np.ndarray
    diverged_at: np.ndarray
    finished: bool
    parameters: tuple | None = None
    parameters_epoch: int = -1
    health: tuple | None = None
    health_epoch: int = -1
    error: str = ""


class RaceJob:
    """The race the worker holds (at most one) and how far it may run."""

    def __init__(self, conn, publish_s: float) -> None:
        self.conn = conn
        self.publish_s = publish_s
        self.race = None
        self.generation = 0
        self.until = 0
        self.running = False
        self._sent = 0  # the last epoch whose record went out
        self._looked = 0  # the last epoch end looked at
        self._last_send = 0.0
        self._last_health = -math.inf
        self._parameters = None  # (epoch, tuple) at the latest epoch end, until sent
        self._health = None  # (epoch, tuple) until sent

    @property
    def busy(self) -> bool:
        """True while there is a race to train."""
        return self.running and self.race is not None

    def handle(self, message) -> None:
        """Act on one ``race_*`` command."""
        kind = message[0]
        if kind == "race_load":
            _, self.generation, self.race, self.until = message
            self._sent = self._looked = self.race.epochs
            self._parameters = self._health = None
            self._last_health = -math.inf
            self.running = False
        elif kind == "race_until":
            self.until = message[1]
        elif kind == "race_run":
            self.running = bool(message[1]) and self.race is not None
        elif kind == "race_drop":
            self.race, self.running = None, False
        elif kind == "race_collect":
            self.running = False
            self.conn.send(("race", message[1], self.race))

    def train_slice(self) -> None:
        """Train a slice (never past an epoch end); update the other side when due."""
        race = self.race
        try:
            race.run_for(RACE_SLICE_S, until_epoch=min(self.until, race.epochs + 1))
            if race.at_epoch_end and race.epochs != self._looked:
                self._look_at_epoch_end(race)
        except Exception:  # noqa: BLE001 (a custom formula may raise anything)
            self.running = False
            self._send(True, traceback.format_exc(limit=3).strip().splitlines()[-1])
            return
        done = race.finished or race.epochs >= self.until
        if done:
            self.running = False
        if done or time.perf_counter() - self._last_send >= self.publish_s:
            self._send(done)

    def _look_at_epoch_end(self, race) -> None:
        self._looked = race.epochs
        contestants = range(len(race.setup.contestants))
        self._parameters = (race.epochs, tuple(race.parameters(0, c) for c in contestants))
        now = time.perf_counter()
        if now - self._last_health >= HEALTH_S:
            from actplay.core.race_summary import lane_health

            self._last_health = now
            self._health = (race.epochs, tuple(lane_health(race, 0, c) for c in contestants))

    def _send(self, finished: bool, error: str = "") -> None:
        race = self.race
        parameters, self._parameters = self._parameters, None
        health, self._health = self._health, None
        update = RaceUpdate(
            generation=self.generation,
            epoch_progress=race.epoch_progress,
            first_epoch=self._sent + 1,
            curves=race.curves(first=self._sent + 1),
            wall_time=race.wall_times(),
            diverged_at=race.diverged_at(),
            finished=finished,
            parameters=None if parameters is None else parameters[1],
            parameters_epoch=-1 if parameters is None else parameters[0],
            health=None if health is None else health[1],
            health_epoch=-1 if health is None else health[0],
            error=error,
        )
        self._sent = race.epochs
        self._last_send = time.perf_counter()
        self.conn.send((UPDATE, update))


__all__ = ["HEALTH_S", "RACE_SLICE_S", "UPDATE", "RaceJob", "RaceUpdate"]
