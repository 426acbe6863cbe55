"""The worker's side of :mod:`actplay.model.training_worker`: its loop and the snapshot table.

Runs in the worker process. It waits for a command while nothing trains and,
while something does, looks at the pipe between slices of training (a
``poll`` costs microseconds). Snapshots go into a shared table of float64,
one row per slot: the header fields below, then the parameters. A race lent
to the worker (``race_*`` commands) trains beside the slots in a ``RaceJob``.
"""

from __future__ import annotations

import time
import traceback

import numpy as np

from actplay.core.training_group import TrainerGroup

PUBLISH_S = 0.025  # snapshots at most 40 times a second (the window reads ~30): ~1 % on losses
MAX_LAYERS = 16  # gradient fields per slot (the app allows 7 layers)
# Header fields of a slot's row; the parameters follow from HEADER on.
GENERATION, PROGRESS, STEPS, TRAIN_LOSS, TEST_LOSS, STATE, N_PARAMETERS, N_LAYERS = range(8)
GRADIENTS = 8
HEADER = GRADIENTS + MAX_LAYERS
EMPTY, TRAINING, DIVERGED, FAILED = 0.0, 1.0, 2.0, 3.0  # values of the STATE field
UPDATE = "update"  # the kind of message a job streams to the parent unasked


class _Worker:
    """The state of the serving loop (one per worker process)."""

    def __init__(self, conn, shared, lock, slots: int) -> None:
        self.conn = conn
        self.lock = lock
        self.table = np.frombuffer(shared, dtype=np.float64).reshape(slots, -1)
        self.group = TrainerGroup()
        self.tests: dict[int, tuple | None] = {}
        self.generations: dict[int, int] = {}
        self.failed: set[int] = set()
        self.running = False
        self.rounds_left = 0
        self.advance_request = None
        self.last_write = 0.0
        self.race_job = None  # a race lent to this worker (model/race_worker_loop.py)

    @property
    def busy(self) -> bool:
        """True while something trains (the loop then only peeks at the pipe)."""
        group = self.running or self.rounds_left > 0
        return group or (self.race_job is not None and self.race_job.busy)

    # -- commands ----------------------------------------------------------------------
    def handle(self, message) -> bool:
        """Act on one command; False for "close"."""
        kind = message[0]
        if kind == "close":
            return False
        if kind.startswith("race_"):
            if self.race_job is None:
                from actplay.model.race_worker_loop import RaceJob

                self.race_job = RaceJob(self.conn, PUBLISH_S)
            self.race_job.handle(message)
        elif kind == "load":
            _, slot, generation, trainer, test = message
            self.group.put(slot, trainer)
            self.tests[slot] = test
            self.generations[slot] = generation
            self.failed.discard(slot)
            self.write(slot)
        elif kind == "parameters":
            _, slot, generation, flat = message
            trainer = self.group.trainers.get(slot)
            if trainer is not None and flat.size == trainer.parameters.size:
                trainer.parameters[...] = flat
                self.group.put(slot, trainer)  # a diverged slot trains again from these
                self.generations[slot] = generation
                self.write(slot)
        elif kind == "rates":
            _, slot, learning_rate, l2 = message
            trainer = self.group.trainers.get(slot)
            if trainer is not None:
                trainer.learning_rate, trainer.l2 = learning_rate, l2
        elif kind == "drop":
            self.group.remove(message[1])
            self.failed.discard(message[1])
            self.clear(message[1])
        elif kind == "run":
            self.running = message[1]
        elif kind == "collect":
            self.running, self.rounds_left = False, 0
            self.write_all()
            self.conn.send(("trainers", message[1], dict(self.group.trainers)))
        elif kind == "advance":
            self.advance_request, self.rounds_left = message[1], message[2]
            if self.rounds_left <= 0 or not self.group.active:
                self.finish_advance()
        return True

    def finish_advance(self) -> None:
        self.rounds_left = 0
        self.write_all()
        self.conn.send(("advanced", self.advance_request, None))
        self.advance_request = None

    # -- training --------------------------------------------------------------------
    def train_slice(self) -> None:
        if self.running or self.rounds_left > 0:
            self.train_group_slice()
        if self.race_job is not None and self.race_job.busy:
            self.race_job.train_slice()

    def train_group_slice(self) -> None:
        before = set(self.group.diverged)
        try:
            round_ended = self.group.step_slice()
        except Exception:  # noqa: BLE001 (a custom formula may raise anything)
            self.fail_all(traceback.format_exc(limit=3))
            return
        for slot in self.group.diverged - before:
            self.write(slot)
        if self.rounds_left and round_ended:
            self.rounds_left -= 1
            if self.rounds_left == 0:
                self.finish_advance()
                return
        if not self.group.active:
            self.running = False
        now = time.perf_counter()
        if now - self.last_write >= PUBLISH_S:
            self.write_all()
            self.last_write = now

    def fail_all(self, message: str) -> None:
        self.running = False
        for slot in list(self.group.active):
            self.failed.add(slot)
            self.group.diverged.add(slot)  # out of the rounds
            self.write(slot)
        self.conn.send(("error", message.strip().splitlines()[-1]))
        if self.advance_request is not None:
            self.finish_advance()

    # -- snapshots ---------------------------------------------------------------------
    def write_all(self) -> None:
        for slot in self.group.trainers:
            self.write(slot)

    def write(self, slot: int) -> None:
        trainer = self.group.trainers[slot]
        train_loss = trainer.loss(trainer.inputs, trainer.targets)
        test = self.tests.get(slot)
        test_loss = trainer.loss(*test) if test is not None else float("nan")
        gradients = trainer.mean_abs_weight_gradients()
        if slot in self.failed:
            state = FAILED
        elif slot in self.group.diverged:
            state = DIVERGED
        else:
            state = TRAINING
        row = self.table[slot]
        with self.lock:
            row[GENERATION] = self.generations[slot]
            row[PROGRESS] = trainer.epoch_progress
            row[STEPS] = trainer.steps
            row[TRAIN_LOSS] = train_loss
            row[TEST_LOSS] = test_loss
            row[STATE] = state
            row[N_PARAMETERS] = trainer.parameters.size
            row[N_LAYERS] = len(gradients)
            row[GRADIENTS : GRADIENTS + len(gradients)] = gradients
            row[HEADER : HEADER + trainer.parameters.size] = trainer.parameters

    def clear(self, slot: int) -> None:
        with self.lock:
            self.table[slot, STATE] = EMPTY


def serve(conn, shared, lock, slots: int, capacity: int) -> None:
    """The worker process's main function: serve commands until "close" or end-of-file."""
    del capacity  # the table was sized by the parent
    worker = _Worker(conn, shared, lock, slots)
    try:
        while True:
            if not worker.busy or conn.poll():
                try:
                    message = conn.recv()  # waits while nothing trains
                except EOFError:  # the parent has gone: so does the worker
                    return
                try:
                    if not worker.handle(message):
                        return
                except (BrokenPipeError, EOFError):
                    return
                except Exception:  # noqa: BLE001 (report, keep serving)
                    conn.send(("error", traceback.format_exc(limit=3).strip().splitlines()[-1]))
                continue
            worker.train_slice()
    except (KeyboardInterrupt, BrokenPipeError):
        return
