"""Training in a process of its own, beside the GUI: the :class:`TrainingWorker`.

On two cores the window's thread and the training cannot share one: each
snapshot the views draw costs tens of milliseconds, and every one of them was
time the network did not learn. The worker is a separate process (started
with ``spawn``: a fresh interpreter, no copy of Qt's threads and locks, which
``fork`` would make) holding a :class:`~actplay.core.training_group.TrainerGroup`
of one or more trainers in numbered slots, stepped in lockstep.

Talking to it:

- **commands** go down a pipe (:meth:`~TrainingWorker.load`,
  :meth:`~TrainingWorker.set_parameters`, :meth:`~TrainingWorker.set_rates`,
  :meth:`~TrainingWorker.drop`, :meth:`~TrainingWorker.run`) and never wait;
- **snapshots** come back through shared memory: after a slice of training,
  at most every :data:`PUBLISH_S`, the worker writes each slot's parameters,
  epoch, step count, train and test loss and mean |dL/dW| per layer under a
  lock; :meth:`~TrainingWorker.snapshot` copies one out (microseconds), so the
  GUI reads at its own steady rate and never waits for the trainer;
- :meth:`~TrainingWorker.collect` and :meth:`~TrainingWorker.advance` wait for
  an answer: the first pauses and returns every trainer with its whole state
  (parameters, optimiser moments, shuffling), the second trains a number of
  whole rounds and pauses (Step, tests).

Every :meth:`load` or :meth:`set_parameters` returns a new *generation*
number, and each snapshot names the generation it was trained from, so a
caller can tell a snapshot of weights it has since replaced from a fresh one.

The worker process ends when :meth:`close` is called, when the object is
collected, when the parent exits, and when the parent dies (its end of the
pipe closes, the worker reads end-of-file and returns): it never outlives
the window.
"""

from __future__ import annotations

import multiprocessing
import os
import time
import weakref
from contextlib import contextmanager
from dataclasses import dataclass

import numpy as np

from actplay.model.training_worker_loop import (
    DIVERGED,
    EMPTY,
    FAILED,
    GENERATION,
    GRADIENTS,
    HEADER,
    N_LAYERS,
    N_PARAMETERS,
    PROGRESS,
    PUBLISH_S,
    STATE,
    STEPS,
    TEST_LOSS,
    TRAIN_LOSS,
    UPDATE,
    serve,
)

START_METHOD = "spawn"  # a fresh interpreter: Qt's threads and locks are not copied
REPLY_TIMEOUT_S = 20.0  # collect/advance: covers a cold start on a loaded machine
LOCK_TIMEOUT_S = 1.0  # a worker killed while writing must not freeze the reader
DEFAULT_CAPACITY = 4096  # parameters per slot: 8 inputs x 6 x 16 x 8 outputs needs 1,768
THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


@dataclass(frozen=True)
class Snapshot:
    """One slot's trainer as the worker last wrote it.

    Attributes
    ----------
    slot, generation : int
    epoch_progress : float
        The trainer's ``epoch_progress`` (passes since its schedule started).
    steps : int
        The trainer's step count.
    train_loss, test_loss : float
        Data loss on the training and test points (NaN without test points).
    gradients : ndarray
        Mean |dL/dW| per layer of the last step.
    parameters : ndarray
        A copy of the flat parameter vector (``Trainer.parameters`` layout).
    diverged : bool
        A step made the parameters non-finite; these are the ones from before
        it and the slot has stopped.
    failed : bool
        Training raised an error in the worker (see :attr:`TrainingWorker.errors`).
    """

    slot: int
    generation: int
    epoch_progress: float
    steps: int
    train_loss: float
    test_loss: float
    gradients: np.ndarray
    parameters: np.ndarray
    diverged: bool
    failed: bool


class TrainingWorker:
    """Trainers stepped in lockstep in a worker process; see the module notes.

    Parameters
    ----------
    slots : int
        How many trainers it can hold (numbered ``0..slots-1``).
    capacity : int
        The largest parameter count of one trainer.

    Attributes
    ----------
    errors : list of str
        Messages of errors raised in the worker, oldest first.

    Notes
    -----
    The process starts on the first command (or :meth:`start`), so making a
    worker costs nothing until it is used; after :meth:`close` the next
    command starts a fresh one (the slots are then empty).
    """

    def __init__(self, slots: int = 1, capacity: int = DEFAULT_CAPACITY) -> None:
        if not 1 <= int(slots) <= 64:
            raise ValueError(f"slots must be within 1..64, got {slots!r}")
        if not 1 <= int(capacity) <= 10**7:
            raise ValueError(f"capacity must be within 1..10^7, got {capacity!r}")
        self.slots = int(slots)
        self.capacity = int(capacity)
        self.errors: list[str] = []
        self._process = None
        self._conn = None
        self._table = None
        self._lock = None
        self._generation = 0
        self._request = 0
        self._finalizer = None
        self._updates: list = []  # streamed by a job in the worker, oldest first

    # -- the process -------------------------------------------------------------------
    @property
    def started(self) -> bool:
        """True once a process was started and not closed since."""
        return self._process is not None

    @property
    def alive(self) -> bool:
        """True while the worker process runs."""
        return self._process is not None and self._process.is_alive()

    def start(self) -> None:
        """Start the process (nothing happens if it runs). Raises ``OSError`` if it cannot."""
        if self.alive:
            return
        if self._process is not None:
            self.close()
        context = multiprocessing.get_context(START_METHOD)
        shared = context.RawArray("d", self.slots * (HEADER + self.capacity))
        lock = context.Lock()
        parent_end, child_end = context.Pipe(duplex=True)
        process = context.Process(
            target=serve,
            args=(child_end, shared, lock, self.slots, self.capacity),
            name="actplay-training",
            daemon=True,  # ended by multiprocessing at the parent's exit, if still running
        )
        with _single_threaded_maths():
            process.start()
        child_end.close()  # the worker's end lives in the worker: a dead worker reads as EOF here
        self._process, self._conn, self._lock = process, parent_end, lock
        self._table = np.frombuffer(shared, dtype=np.float64).reshape(self.slots, -1)
        self._finalizer = weakref.finalize(self, _shut_down, process, parent_end)

    def close(self, timeout: float = 2.0) -> None:
        """End the process (asked first, terminated after ``timeout``); safe to call twice."""
        if self._finalizer is not None:
            self._finalizer.detach()
            self._finalizer = None
        if self._process is not None:
            _shut_down(self._process, self._conn, timeout)
        self._process = self._conn = self._table = self._lock = None
        self._updates = []

    # -- commands (never wait) ---------------------------------------------------------
    def load(self, slot: int, trainer, test_inputs=None, test_targets=None) -> int:
        """Put ``trainer`` (a ``Trainer``, sent with its whole state) in ``slot``.

        ``test_inputs``/``test_targets`` are the points its test loss is measured
        on. Returns the new generation; the slot trains when the worker runs.
        """
        self._check_slot(slot)
        if trainer.parameters.size > self.capacity:
            raise ValueError(
                f"the network has {trainer.parameters.size} parameters; this worker "
                f"holds at most {self.capacity}"
            )
        if test_inputs is None or len(test_inputs) == 0:
            test = None
        else:
            test = (np.asarray(test_inputs, dtype=np.float64), np.asarray(test_targets))
        self._generation += 1
        self._send(("load", slot, self._generation, trainer, test))
        return self._generation

    def set_parameters(self, slot: int, parameters) -> int:
        """Replace ``slot``'s parameters (flat, ``Trainer.parameters`` layout); the
        optimiser and the shuffling carry on. Returns the new generation."""
        self._check_slot(slot)
        self._generation += 1
        flat = np.array(parameters, dtype=np.float64).reshape(-1)
        self._send(("parameters", slot, self._generation, flat))
        return self._generation

    def set_rates(self, slot: int, learning_rate: float, l2: float) -> None:
        """Change ``slot``'s learning rate and L2 strength from its next step."""
        self._check_slot(slot)
        self._send(("rates", slot, float(learning_rate), float(l2)))

    def drop(self, slot: int) -> None:
        """Empty ``slot`` (its trainer is thrown away)."""
        self._check_slot(slot)
        if self.alive:
            self._send(("drop", slot))

    def run(self, on: bool) -> None:
        """Train every loaded slot continuously (True) or pause (False)."""
        if on or self.alive:
            self._send(("run", bool(on)))

    # -- requests (wait for the answer) --------------------------------------------------
    def collect(self, timeout: float = REPLY_TIMEOUT_S) -> dict:
        """Pause and return ``{slot: Trainer}`` with every trainer's whole state.

        Raises
        ------
        TimeoutError, RuntimeError
            No answer in time, or the worker is gone; the caller keeps what it has.
        """
        if not self.alive:
            return {}
        return self._ask("collect", timeout=timeout)

    def advance(self, rounds: int = 1, timeout: float = REPLY_TIMEOUT_S) -> None:
        """Train ``rounds`` whole rounds (every slot one pass per round), then pause."""
        self._ask("advance", int(rounds), timeout=timeout)

    # -- snapshots (shared memory) -----------------------------------------------------
    def snapshot(self, slot: int) -> Snapshot | None:
        """The slot's latest snapshot, or None (empty slot, no worker, lock not free)."""
        self._check_slot(slot)
        self._read_messages()
        if self._table is None or not self._lock.acquire(timeout=LOCK_TIMEOUT_S):
            return None
        try:
            row = self._table[slot].copy()
        finally:
            self._lock.release()
        if row[STATE] == EMPTY:
            return None
        layers, count = int(row[N_LAYERS]), int(row[N_PARAMETERS])
        return Snapshot(
            slot=slot,
            generation=int(row[GENERATION]),
            epoch_progress=float(row[PROGRESS]),
            steps=int(row[STEPS]),
            train_loss=float(row[TRAIN_LOSS]),
            test_loss=float(row[TEST_LOSS]),
            gradients=row[GRADIENTS : GRADIENTS + layers],
            parameters=row[HEADER : HEADER + count],
            diverged=bool(row[STATE] == DIVERGED),
            failed=bool(row[STATE] == FAILED),
        )

    # -- internals -------------------------------------------------------------------
    def _check_slot(self, slot: int) -> None:
        if not (isinstance(slot, int) and 0 <= slot < self.slots):
            raise ValueError(f"slot must be within 0..{self.slots - 1}, got {slot!r}")

    def _send(self, message) -> None:
        self.start()
        try:
            self._conn.send(message)
        except (BrokenPipeError, ConnectionError, EOFError) as error:
            raise RuntimeError(f"the training worker has ended ({error})") from None

    def _ask(self, kind: str, *arguments, timeout: float):
        self._request += 1
        request = self._request
        self._send((kind, request, *arguments))
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            try:
                ready = self._conn.poll(max(0.0, left))
                message = self._conn.recv() if ready else None
            except (EOFError, OSError) as error:
                raise RuntimeError(f"the training worker has ended ({error})") from None
            if message is None:
                raise TimeoutError(f"the training worker did not answer within {timeout:g} s")
            if not self._keep(message) and message[1] == request:
                return message[2]

    def _read_messages(self) -> None:
        """Keep the errors and updates the worker sent since the last look (answers are
        late: dropped)."""
        try:
            while self._conn is not None and self._conn.poll():
                self._keep(self._conn.recv())
        except (EOFError, OSError):
            pass

    def _keep(self, message) -> bool:
        """Keep an error or a streamed update; False for anything else (an answer)."""
        if message[0] == "error":
            self.errors.append(message[1])
        elif message[0] == UPDATE:
            self._updates.append(message[1])
        else:
            return False
        return True

    def take_updates(self) -> list:
        """The updates a job in the worker streamed since the last call, oldest first."""
        self._read_messages()
        updates, self._updates = self._updates, []
        return updates


@contextmanager
def _single_threaded_maths():
    """The worker's numpy uses one thread: its matrices are tiny, and it has one core."""
    saved = {name: os.environ.get(name) for name in THREAD_VARIABLES}
    for name in THREAD_VARIABLES:
        os.environ[name] = "1"
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _shut_down(process, conn, timeout: float = 2.0) -> None:
    try:
        conn.send(("close",))
    except (OSError, ValueError, EOFError):
        pass
    process.join(timeout)
    if process.is_alive():
        process.terminate()
        process.join(1.0)
    if process.is_alive():
        process.kill()
        process.join(1.0)
    try:
        conn.close()
    except OSError:
        pass


__all__ = ["DEFAULT_CAPACITY", "PUBLISH_S", "Snapshot", "TrainingWorker", "serve"]
