"""Play in a worker process: the run is lent to a :class:`TrainingWorker` and comes back.

The other half of :class:`~actplay.model.training_run.TrainingRun` (one object,
two files: the run in-process there, lent to a worker here). Without a worker
(the default: scripts, tests, the command line) nothing here acts and the
caller trains with ``train_for``/``train_epoch`` as before. With one attached
(``attach_training_worker``; the window does it), ``set_running(True)``
*dispatches* the run: the in-process trainer, with its whole state, is sent to
the worker, which trains on while the caller calls :meth:`collect_training` at
its own rate (the window: ~30 times a second) to publish the latest snapshot
(weights, epoch, a history point) as one ``network`` + ``training`` event.

The model stays the one truth:

- a weight or bias the user edits is sent to the worker at the next collect
  and wins over what it trained meanwhile (snapshots of older weights are told
  apart by their generation and never published);
- learning rate and L2 follow a run in progress; any other change of the set-up
  (loss, optimiser, batch, seed, layers, activations, points, features) starts a
  new run from the weights the model shows, as the in-process trainer would;
- pausing, Step, train_* calls and detaching *recall* the run: the worker's
  trainer comes back with its optimiser moments and shuffling, and is published,
  so pausing then stepping continues exactly where the worker was;
- reset, a new session or undo drop the run (the worker's trainer is discarded).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from actplay.core.training import split_parameters
from actplay.model.errors import InvalidValue

WORKER_SLOT = 0  # the Playground's run uses one slot of its worker
LOST_WORKER = "training stopped: the training process ended ({})"
DIVERGED_MESSAGE = (
    "training diverged (weights became infinite): lower the learning rate and press Reset"
)


@dataclass
class _Dispatch:
    """What the model knows about the run it lent to the worker."""

    generation: int
    trainer_key: tuple
    data: object
    network_version: int  # the model's network version the worker's weights match
    epoch_base: float  # model epoch = epoch_base + the trainer's epoch_progress
    rates: tuple[float, float]
    published_steps: int


class TrainingBackgroundMixin:
    """Attach a worker, dispatch, collect and recall the run (see the module notes)."""

    _worker = None
    _dispatch: _Dispatch | None = None

    @property
    def training_worker(self):
        """The attached :class:`~actplay.model.training_worker.TrainingWorker`, or None."""
        return self._worker

    @property
    def training_in_background(self) -> bool:
        """True while the run is lent to the worker."""
        return self._dispatch is not None

    def attach_training_worker(self, worker) -> None:
        """Run Play in ``worker`` from now on (None: in the caller's thread again).

        A run under way in the old worker comes back first (nothing is lost); the
        old worker is not closed (its owner closes it).
        """
        if worker is self._worker:
            return
        self._recall(publish=True)
        self._worker = worker
        if self._running and worker is not None:
            self._send_run()

    def collect_training(self, publish: bool = True) -> bool:
        """Bring the model and the worker's run together; call it at a steady rate.

        Sends the user's edits and the rates to the worker, starts a new run when
        the set-up changed, and (with ``publish``) publishes the latest snapshot
        as one ``network`` + ``training`` event. Returns True when it published.
        Does nothing without a worker or while paused.
        """
        if not self._running or self._worker is None:
            return False
        dispatch = self._dispatch
        if dispatch is None or self._setup_changed(dispatch):
            self._send_run()
            return False
        worker = self._worker
        try:
            if (
                self._parts.network.versions["network"] != dispatch.network_version
            ):  # the user edited it
                dispatch.generation = worker.set_parameters(WORKER_SLOT, self._flat_parameters())
                dispatch.network_version = self._parts.network.versions["network"]
                return False
            settings = self._parts.training.settings
            rates = (settings["learning_rate"], settings["l2"])
            if rates != dispatch.rates:
                worker.set_rates(WORKER_SLOT, *rates)
                dispatch.rates = rates
            if not publish:
                return False
            if not worker.alive:
                raise RuntimeError("it is not running")
            snapshot = worker.snapshot(WORKER_SLOT)
        except (OSError, RuntimeError) as error:
            self._lose_worker(str(error))
            return False
        if (
            snapshot is None
            or snapshot.generation != dispatch.generation
            or snapshot.steps == dispatch.published_steps
        ):
            return False
        dispatch.published_steps = snapshot.steps
        self._publish_values(
            split_parameters(snapshot.parameters, self._parts.network.layer_sizes),
            dispatch.epoch_base + snapshot.epoch_progress,
            (snapshot.train_loss, snapshot.test_loss, snapshot.gradients),
        )
        dispatch.network_version = self._parts.network.versions["network"]
        if snapshot.diverged or snapshot.failed:
            self._trainer_network_version = -1  # the worker's trainer stays there
            self._dispatch = None
            worker.drop(WORKER_SLOT)
            self._stop_with(
                worker.errors[-1] if snapshot.failed and worker.errors else DIVERGED_MESSAGE
            )
        return True

    # -- internals -------------------------------------------------------------------
    def _setup_changed(self, dispatch: _Dispatch) -> bool:
        return (
            dispatch.trainer_key != self._trainer_setup()
            or dispatch.data is not self._parts.dataset.dataset()
        )

    def _flat_parameters(self) -> np.ndarray:
        return np.concatenate(
            [
                part
                for weights, biases in zip(*self._parts.network.arrays, strict=True)
                for part in (weights.reshape(-1), biases)
            ]
        )

    def _send_run(self) -> None:
        """Lend the run to the worker (a new one if the set-up changed) and let it train."""
        try:
            trainer = self._ready_trainer()
        except InvalidValue as error:
            self._stop_with(str(error))
            return
        if not self._history:
            self._history.append(self._initial_record(trainer))
        _, _, test_x, test_y = self._training_arrays()
        try:
            generation = self._worker.load(WORKER_SLOT, trainer, test_x, test_y)
            self._worker.run(True)
        except (OSError, RuntimeError) as error:
            self._lose_worker(str(error))
            return
        settings = self._parts.training.settings
        self._dispatch = _Dispatch(
            generation=generation,
            trainer_key=self._trainer_key,
            data=self._trainer_data,
            network_version=self._parts.network.versions["network"],
            epoch_base=settings["epoch"] - trainer.epoch_progress,
            rates=(settings["learning_rate"], settings["l2"]),
            published_steps=trainer.steps,
        )

    def _recall(self, publish: bool) -> None:
        """Take the run back from the worker (it pauses); publish it unless edits win."""
        dispatch = self._dispatch
        if dispatch is None:
            return
        self._dispatch = None
        try:
            trainer = self._worker.collect().get(WORKER_SLOT)
        except (OSError, RuntimeError, TimeoutError) as error:
            self._lose_worker(str(error))
            return
        if trainer is None or self._setup_changed(dispatch):
            return  # a new set-up trains a new trainer anyway
        self._trainer = trainer
        epoch = dispatch.epoch_base + trainer.epoch_progress
        if self._parts.network.versions["network"] != dispatch.network_version:
            trainer.load_parameters(*self._parts.network.arrays)  # the edit wins
            self._trainer_network_version = self._parts.network.versions["network"]
            self._parts.training.set_epoch(epoch)
            self._parts.touch({"training"})
        elif publish and trainer.steps != dispatch.published_steps:
            self._publish_values(
                trainer.weights + trainer.biases, epoch, self._record_values(trainer)
            )
        else:
            self._trainer_network_version = self._parts.network.versions["network"]

    def _forget_dispatch(self) -> None:
        """Drop the worker's run (reset, a new session): its trainer is not wanted."""
        if self._dispatch is None:
            return
        self._dispatch = None
        try:
            self._worker.drop(WORKER_SLOT)
            self._worker.run(False)
        except (OSError, RuntimeError):
            pass

    def _lose_worker(self, reason: str) -> None:
        """The worker failed: keep what was published and carry on without it."""
        worker, self._worker, self._dispatch = self._worker, None, None
        self._trainer_network_version = -1  # the in-process trainer reloads the model's weights
        if worker is not None:
            worker.close(timeout=0.5)
        self._stop_with(LOST_WORKER.format(reason))
