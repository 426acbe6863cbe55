"""A race: one network trained with several activations side by side, in lockstep.

Every contestant of a seed starts from the same weights and sees the same batches
in the same order (see :mod:`actplay.core.race_setup`), and repeats run the same
race for several seeds, all in lockstep, so every curve reaches an epoch together.

A *lane* is one (seed, contestant) pair: a plain ``Trainer`` (so a lane trains
exactly as single training does, bit for bit), its curves (recorded after every
whole epoch, epoch 0 included), its wall time and the epoch it diverged at.
Stepping the lanes one after the other in one process costs no more per step
than single training: the race adds a loop iteration per lane and sweep, a
finiteness check every ``CHUNK_STEPS`` steps, and the record after each epoch
(one forward pass over every point: :mod:`actplay.core.race_metrics`).
"""

from __future__ import annotations

import math
import time

import numpy as np

from actplay.core.network import Network
from actplay.core.race_metrics import EpochMetrics, metrics
from actplay.core.race_record import METRICS, RaceRecord
from actplay.core.race_setup import Contestant, RaceSetup, contestant_network
from actplay.core.training import Trainer, target_matrix

CHUNK_STEPS = 5  # run_for checks a lane's weights for divergence every this many steps
_MAX_PARTS = 1000  # of CHUNK_STEPS in one sweep of run_for (an epoch ends it anyway)
_INITIAL_CAPACITY = 64  # recorded epochs before the curve buffer first grows
# Weights that overflow are a lane's result, reported as its diverged_at; numpy's
# overflow warnings would only say it again, once per lane. Set once per call of
# step or run_for, not per lane and chunk (it costs as much as the finite check).
QUIET = {"over": "ignore", "invalid": "ignore"}
_sum = np.add.reduce


class Lane:
    """One contestant trained from one seed: a ``Trainer`` and what the race records of it."""

    __slots__ = ("trainer", "diverged_at", "wall_time", "_snapshot")

    def __init__(self, trainer: Trainer) -> None:
        self.trainer = trainer
        self.diverged_at: float | None = None  # epoch at which the weights stopped being finite
        self.wall_time = 0.0  # seconds spent in this lane's steps
        self._snapshot = np.empty_like(trainer.parameters)

    def advance(self, n_steps: int, epochs: int, position: int, steps_per_epoch: int, part: int):
        """Train ``n_steps`` from ``position`` steps into epoch ``epochs``, ``part`` at a time.

        After every part the weights must be finite; if they are not, the lane
        goes back to the weights before that part, notes the epoch progress it
        began at as ``diverged_at``, stops and returns True. Runs under the
        race's :data:`QUIET` errstate.
        """
        start = time.perf_counter()
        trainer = self.trainer
        parameters, snapshot = trainer.parameters, self._snapshot
        done, diverged = 0, False
        while done < n_steps:
            steps = min(part, n_steps - done)
            np.copyto(snapshot, parameters)
            trainer.step(steps)
            # The sum is finite only when every weight is (and costs a third of the
            # exact look), so only a sum that is not needs the look.
            if not math.isfinite(_sum(parameters)) and not trainer.finite:
                np.copyto(parameters, snapshot)
                self.diverged_at = epochs + (position + done) / steps_per_epoch
                diverged = True
                break
            done += steps
        self.wall_time += time.perf_counter() - start
        return diverged


class Race:
    """Every (seed, contestant) lane of a :class:`RaceSetup`, trained in lockstep.

    Attributes
    ----------
    setup : RaceSetup
    lanes : list of list of Lane
        ``lanes[seed_index][contestant_index]``.
    epochs : int
        Whole epochs every lane has completed.
    steps_per_epoch : int
    """

    def __init__(self, setup: RaceSetup) -> None:
        setup.check()
        self.setup = setup
        train_x, train_y = setup.train
        test_x, test_y = setup.test
        n_out = setup.layer_sizes[-1]
        # Train and test points in one array: one forward pass per lane and record.
        train_x = np.asarray(train_x, dtype=np.float64).reshape(-1, setup.layer_sizes[0])
        test_x = np.asarray(test_x, dtype=np.float64).reshape(-1, setup.layer_sizes[0])
        self._metrics = EpochMetrics(
            np.vstack([train_x, test_x]),
            len(train_x),
            np.vstack([target_matrix(train_y, n_out), target_matrix(test_y, n_out)]),
            setup.loss,
            setup.classification,
            setup.layer_sizes,
        )
        self.lanes = [
            [Lane(self._trainer(contestant, seed)) for contestant in setup.contestants]
            for seed in setup.seeds
        ]
        self._flat = [lane for row in self.lanes for lane in row]
        self._running = list(self._flat)
        self.steps_per_epoch = self._flat[0].trainer.steps_per_epoch
        self.epochs = 0
        self._position = 0  # steps into the current epoch
        self._sweep: list | None = None  # [chunk, lanes done, part] of a sweep left open
        self._diverged = False  # a lane diverged in the sweep under way
        self._lane_step_s = math.inf  # seconds a lane's step took in the last whole sweep
        self._curves = np.full(
            (len(setup.seeds), len(setup.contestants), len(METRICS), _INITIAL_CAPACITY), np.nan
        )
        self._record()

    def _trainer(self, contestant: Contestant, seed: int) -> Trainer:
        setup = self.setup
        x, y = setup.train
        return Trainer(
            contestant_network(setup, contestant, seed),
            x,
            y,
            loss=setup.loss,
            optimizer=setup.optimizer,
            learning_rate=setup.learning_rate,
            batch_size=setup.batch_size,
            l2=setup.l2,
            seed=seed,
        )

    # -- stepping --------------------------------------------------------------------
    @property
    def epoch_progress(self) -> float:
        """Whole epochs plus the fraction of the current one."""
        return self.epochs + self._position / self.steps_per_epoch

    @property
    def at_epoch_end(self) -> bool:
        """True between epochs: every lane has finished the same whole number of them."""
        return self._position == 0 and self._sweep is None

    @property
    def finished(self) -> bool:
        """True once every lane has diverged (nothing left to train)."""
        return not self._running

    def step(self, n_steps: int = 1) -> None:
        """Advance every lane still running by ``n_steps`` mini-batch steps, together.

        A sweep that :meth:`run_for` left half done is finished first.
        """
        with np.errstate(**QUIET):
            self._finish_sweep()
            left = int(n_steps)
            while left > 0 and self._running:
                chunk = min(left, self.steps_per_epoch - self._position)
                self._sweep_lanes(chunk, chunk)
                left -= chunk

    def _finish_sweep(self) -> None:
        if self._sweep is not None:
            chunk, _, part = self._sweep
            self._sweep_lanes(chunk, part)

    def _sweep_lanes(self, chunk: int, part: int, deadline: float | None = None) -> bool:
        """Advance every running lane by ``chunk`` steps (``part`` at a time), lane by lane.

        With a ``deadline`` the sweep may stop between two lanes (a tick ends in
        time however many lanes race) and go on at the next call; the race's
        epoch and records move only when every lane has done the chunk. Returns
        True when the sweep is complete.
        """
        if self._sweep is None:
            self._sweep = [chunk, 0, part]
            start = time.perf_counter()
        else:
            start = None  # a sweep resumed: no measure of the time a step takes
        chunk, done, part = self._sweep
        lanes, epochs, position = self._running, self.epochs, self._position
        n_lanes, per_epoch = len(lanes), self.steps_per_epoch
        while done < n_lanes:
            if lanes[done].advance(chunk, epochs, position, per_epoch, part):
                self._diverged = True
            done += 1
            if deadline is not None and done < n_lanes and time.perf_counter() >= deadline:
                self._sweep[1] = done
                return False
        self._sweep = None
        if start is not None:
            self._lane_step_s = (time.perf_counter() - start) / (n_lanes * chunk)
        if self._diverged:
            self._diverged = False
            self._running = [lane for lane in lanes if lane.diverged_at is None]
        self._position += chunk
        if self._position == self.steps_per_epoch:
            self._position = 0
            self.epochs += 1
            self._record()
        return True

    def steps_to(self, epoch: int) -> int:
        """Steps left until every lane has completed ``epoch`` epochs (0 if already)."""
        return max(0, (epoch - self.epochs) * self.steps_per_epoch - self._position)

    def run_to(self, epoch: int) -> None:
        """Train until ``epoch`` whole epochs are done (Step: the end of the current one)."""
        self._finish_sweep()
        self.step(self.steps_to(epoch))

    def run_for(self, seconds: float, until_epoch: int | None = None) -> None:
        """Train for about ``seconds``, or until ``until_epoch`` epochs are done; may stop
        between two lanes of a sweep.

        Each lane's weights are checked every ``CHUNK_STEPS`` steps (counted from
        the epoch's start, or from where :meth:`step` left it) and at the epoch's
        end, however many of those parts a sweep holds, so the weights, records and
        divergence are the same whatever the seconds. A sweep holds as many parts
        as the time left has room for at the last sweep's pace (one when it has
        not): the race's own few microseconds per sweep then count once an epoch.
        """
        deadline = time.perf_counter() + seconds
        with np.errstate(**QUIET):
            while self._running:
                if self._sweep is not None:
                    chunk = self._sweep[0]
                else:
                    room = (deadline - time.perf_counter()) / (
                        max(self._lane_step_s, 1e-9) * CHUNK_STEPS * len(self._running)
                    )
                    left = CHUNK_STEPS * max(1, min(int(room), _MAX_PARTS))
                    if until_epoch is not None:
                        left = min(left, self.steps_to(until_epoch))
                    if left <= 0:
                        return
                    chunk = min(left, self.steps_per_epoch - self._position)
                if (
                    not self._sweep_lanes(chunk, CHUNK_STEPS, deadline)
                    or time.perf_counter() >= deadline
                ):
                    return

    # -- records ---------------------------------------------------------------------
    def _record(self) -> None:
        epoch = self.epochs
        if epoch >= self._curves.shape[-1]:
            grown = np.full((*self._curves.shape[:-1], 2 * self._curves.shape[-1]), np.nan)
            grown[..., : self._curves.shape[-1]] = self._curves
            self._curves = grown
        measure = self._metrics.measure
        for s, row in enumerate(self.lanes):
            for c, lane in enumerate(row):
                if lane.diverged_at is None:
                    self._curves[s, c, :, epoch] = measure(lane.trainer)

    def curves(self, metric: str | None = None, first: int = 0) -> np.ndarray:
        """Recorded values, epochs ``first``..``epochs`` (a copy; NaN after a lane diverged).

        Returns ``(n_seeds, n_contestants, n)`` for one of :data:`METRICS`, or
        ``(n_seeds, n_contestants, len(METRICS), n)`` for ``None``, where
        ``n = epochs + 1 - first`` (0 when ``first`` is past the last record).
        """
        recorded = self._curves[..., max(0, first) : self.epochs + 1]
        if metric is None:
            return recorded.copy()
        if metric not in METRICS:
            raise ValueError(f"metric must be one of {', '.join(METRICS)}, got {metric!r}")
        return recorded[:, :, METRICS.index(metric)].copy()

    def record(self) -> RaceRecord:
        """A copy of everything recorded so far."""
        return RaceRecord(
            labels=tuple(contestant.label for contestant in self.setup.contestants),
            seeds=tuple(self.setup.seeds),
            epochs=np.arange(self.epochs + 1, dtype=np.float64),
            curves=self.curves(),
            wall_time=self.wall_times(),
            diverged_at=self.diverged_at(),
        )

    def wall_times(self) -> np.ndarray:
        """Seconds each lane spent training, ``(n_seeds, n_contestants)``."""
        return np.array([[lane.wall_time for lane in row] for row in self.lanes])

    def diverged_at(self) -> np.ndarray:
        """Epoch at which each lane diverged, NaN for lanes that did not."""
        return np.array(
            [
                [math.nan if lane.diverged_at is None else lane.diverged_at for lane in row]
                for row in self.lanes
            ]
        )

    def network(self, seed_index: int, contestant_index: int) -> Network:
        """The current network of one lane (its last finite weights if it diverged)."""
        return self.lanes[seed_index][contestant_index].trainer.network()

    def parameters(self, seed_index: int, contestant_index: int) -> np.ndarray:
        """A copy of one lane's flat parameter vector (``Trainer.parameters`` layout)."""
        return self.lanes[seed_index][contestant_index].trainer.parameters.copy()


__all__ = ["CHUNK_STEPS", "QUIET", "Lane", "Race", "metrics"]
