"""The training run of the Playground: the trainer, its steps, the history, Play.

The data set and the settings are sections (``sections/dataset.py``,
``sections/training.py``); the run is what is never saved: the trainer, the
loss history, whether Play is on and why training stopped. Every training call
copies the trained weights into the network section and touches ``network``
and ``training`` in one event; weights the user edited meanwhile are loaded
into the trainer before the next step. Play can train in a worker process
(``training_background.py``, the other half of :class:`TrainingRun`).
"""

from __future__ import annotations

import time

import numpy as np

from actplay.core import datasets
from actplay.core.training import Trainer, check_loss_fits
from actplay.model.errors import InvalidValue
from actplay.model.training_background import DIVERGED_MESSAGE, TrainingBackgroundMixin

MAX_HISTORY = 2000  # history points kept; beyond this every other one is dropped
CHUNK_STEPS = 5  # steps between clock checks in train_for: about a millisecond of work


class TrainingRun(TrainingBackgroundMixin):
    """Training calls, the trainer behind them, the history and Play.

    A run lent to a training worker (``training_background.py``) comes back
    before any of these calls trains, and goes back afterwards while running.

    Parameters
    ----------
    parts : Parts
        The Playground's sections: the network trained, the data set, the settings.
    """

    def __init__(self, parts) -> None:
        self._parts = parts
        self._running = False
        self.clear()

    def clear(self) -> None:
        """Forget the trainer, the history and a run lent to the worker; no error."""
        self._forget_dispatch()
        self._trainer: Trainer | None = None
        self._trainer_key = None
        self._trainer_data = None
        self._trainer_network_version = -1
        self._unpublished_epochs = 0.0  # trained by train_for(publish=False), not yet shown
        self._unpublished_training = False
        self._history: list[tuple] = []  # (epoch, train loss, test loss, grads per layer)
        self._initial_cache = None  # (key, record) of the point before the first step
        self._history_stride = 1  # record every n-th training call once the history is long
        self._calls_since_record = 0
        self._training_error = ""

    def stop(self) -> None:
        """Pause without publishing and forget the run (a loaded session)."""
        self._running = False
        self.clear()

    def drop_trainer(self) -> None:
        """Build a new trainer before the next step (a function of the network changed)."""
        self._trainer = None

    # -- properties -------------------------------------------------------------
    @property
    def running(self) -> bool:
        """True while the window should keep training (Play)."""
        return self._running

    @property
    def training_error(self) -> str:
        """Why training cannot run or stopped ("" when it can)."""
        return self._training_error

    def loss_history(self) -> dict:
        """``{"epoch", "train", "test"}`` float arrays, one entry per recorded chunk.

        The first entry is the loss before the first step (at epoch 0 after a reset);
        before any training it is the only one, and follows edits of the weights.
        """
        rows = self._history_rows()
        return {
            "epoch": np.array([r[0] for r in rows]),
            "train": np.array([r[1] for r in rows]),
            "test": np.array([r[2] for r in rows]),
        }

    def gradient_history(self) -> tuple[np.ndarray, np.ndarray]:
        """``(epochs, (n_records, n_layers) mean |dL/dW| per layer)``, the rows of
        :meth:`loss_history` (the first over the whole training set, the others per step)."""
        rows = self._history_rows()
        if not rows:
            n_layers = len(self._parts.network.layer_sizes) - 1
            return np.zeros(0), np.zeros((0, n_layers))
        return np.array([r[0] for r in rows]), np.array([r[3] for r in rows])

    # -- Play and training calls ------------------------------------------------------
    def set_running(self, on: bool) -> None:
        """Start or stop continuous training.

        With a training worker attached the run trains there from now on (publish
        it with ``collect_training``); without one the caller's timer trains with
        ``train_for``. Pausing publishes what was trained.
        """
        on = bool(on)
        if on:
            self._check_trainable()
        if on == self._running:
            return
        with self._parts.batch():
            if not on and self._dispatch is not None:
                self._recall(publish=True)  # the worker's trainer comes back, published
            elif not on:
                self.publish_training()  # pausing shows the last trained weights
            self._running = on
            self._parts.touch({"training"})
        if on and self._worker is not None:
            self._send_run()

    def train_steps(self, n_steps: int) -> None:
        """Run ``n_steps`` mini-batch steps. Touches ``network`` and ``training`` once."""
        self._train(lambda trainer: trainer.step(n_steps))

    def train_epoch(self) -> None:
        """Finish the current pass over the training points (Step)."""
        self._train(lambda trainer: trainer.epoch())

    def train_for(self, seconds: float, publish: bool = True) -> None:
        """Train in small chunks until ``seconds`` have passed (one tick of Play).

        With ``publish=False`` the trainer keeps the new weights and epochs to
        itself (no model event, so no repaint); the next publishing call, Step,
        pause or ``publish_training`` hands them all over at once.
        """
        deadline = time.perf_counter() + seconds

        def run(trainer: Trainer) -> None:
            trainer.step(CHUNK_STEPS)
            while time.perf_counter() < deadline:
                trainer.step(CHUNK_STEPS)

        self._train(run, publish)

    def publish_training(self) -> None:
        """Copy weights and epochs trained without publishing into the model (if any).

        With a run in a worker, publishes its latest snapshot.
        """
        if self._dispatch is not None:
            self.collect_training()
            return
        if not self._unpublished_training or self._trainer is None:
            return
        if self._trainer_network_version != self._parts.network.versions["network"]:
            self._unpublished_training = False  # the network was edited since: the edit wins
            return
        self._publish(self._trainer, 0.0)

    def _train(self, run, publish: bool = True) -> None:
        if self._dispatch is None:
            self._train_here(run, publish)
            return
        with self._parts.batch():  # one event: the run comes back, trains here, goes back
            self._recall(publish=True)
            try:
                self._train_here(run, publish)
            finally:
                if self._running and self._worker is not None:
                    self._send_run()

    def _train_here(self, run, publish: bool) -> None:
        try:
            trainer = self._ready_trainer()
        except InvalidValue as error:
            self._stop_with(str(error))
            raise
        if not self._history:  # the loss before the first step is the first point
            self._history.append(self._initial_record(trainer))
        before = trainer.epoch_progress
        snapshot = trainer.parameters.copy()
        run(trainer)
        if not trainer.finite:
            trainer.parameters[...] = snapshot
            self.publish_training()
            self._stop_with(DIVERGED_MESSAGE)
            return
        progress = trainer.epoch_progress - before
        if publish:
            self._publish(trainer, progress)
        else:
            self._unpublished_epochs += progress
            self._unpublished_training = True

    def _publish(self, trainer: Trainer, progress: float) -> None:
        """Weights, epoch counter and history from ``trainer``: one model event."""
        progress += self._unpublished_epochs
        self._unpublished_epochs = 0.0
        self._unpublished_training = False
        self._publish_values(
            trainer.weights + trainer.biases,
            self._parts.training.epoch + progress,
            self._record_values(trainer),
        )

    def _publish_values(self, parameters, epoch: float, record: tuple) -> None:
        """Weights then biases per layer, the epoch and a history point: one model event.

        ``record`` is ``(train loss, test loss, mean |dL/dW| per layer)``.
        """
        parts = self._parts
        with parts.batch():
            parts.training.set_epoch(epoch)
            weights, biases = parts.network.arrays
            for target, source in zip(weights + biases, parameters, strict=True):
                target[...] = source
            parts.network.changed()
            self._trainer_network_version = parts.network.versions["network"]
            self._record(record)
            parts.touch({"training"})

    def _stop_with(self, message: str) -> None:
        self._forget_dispatch()
        self._training_error = message
        self._running = False
        self._parts.touch({"training"})

    def _record_values(self, trainer: Trainer) -> tuple:
        """``(train loss, test loss, gradients)`` of ``trainer`` as it is now."""
        train_x, train_y, test_x, test_y = self._training_arrays()
        return (
            trainer.loss(train_x, train_y),
            trainer.loss(test_x, test_y) if len(test_y) else np.nan,
            trainer.mean_abs_weight_gradients(),
        )

    def _record(self, record: tuple) -> None:
        """Append a history point at the current epoch (thinned once the history is long)."""
        if len(self._history) >= MAX_HISTORY:
            self._history = self._history[::2]
            self._history_stride *= 2
        self._calls_since_record += 1
        if self._calls_since_record < self._history_stride and self._history:
            return
        self._calls_since_record = 0
        self._history.append((self._parts.training.epoch, *record))

    def _initial_record(self, trainer: Trainer) -> tuple:
        """The history point of the weights as they are, before any step: losses and
        full-batch gradients at the current epoch (cached while nothing changes)."""
        epoch = self._parts.training.epoch
        key = (trainer, self._parts.network.versions["network"], epoch, trainer.l2)
        if self._initial_cache is not None and self._initial_cache[0] == key:
            return self._initial_cache[1]
        train_x, train_y, test_x, test_y = self._training_arrays()
        trainer.gradients(train_x, train_y)
        record = (
            epoch,
            trainer.loss(train_x, train_y),
            trainer.loss(test_x, test_y) if len(test_y) else np.nan,
            trainer.mean_abs_weight_gradients(),
        )
        self._initial_cache = (key, record)
        return record

    def _history_rows(self) -> list[tuple]:
        """The recorded history; before any training, the one point of the current weights."""
        if self._history:
            return self._history
        try:
            return [self._initial_record(self._ready_trainer())]
        except InvalidValue:  # nothing to train yet (no points, inputs that do not fit)
            return []

    def _training_arrays(self):
        """Train inputs, train targets, test inputs, test targets as the trainer sees them
        (classes as the output's target values, :meth:`_class_values`)."""
        data = self._parts.dataset.dataset()
        features = self._parts.dataset.spec["features"]
        (train_x, train_y), (test_x, test_y) = data.train, data.test
        if data.kind == datasets.CLASSIFICATION:
            low, high = self._parts.training.class_values()
            if (low, high) != (0.0, 1.0):
                train_y, test_y = low + (high - low) * train_y, low + (high - low) * test_y
        return (
            datasets.feature_matrix(train_x, features),
            train_y,
            datasets.feature_matrix(test_x, features),
            test_y,
        )

    def _check_trainable(self) -> None:
        parts = self._parts
        n_features = len(parts.dataset.spec["features"])
        n_inputs = parts.network.layer_sizes[0]
        if n_inputs != n_features:
            raise InvalidValue(
                f"the network has {n_inputs} inputs but {n_features} input features are on"
            )
        try:
            check_loss_fits(parts.training.settings["loss"], parts.results.network())
        except ValueError as error:
            raise InvalidValue(str(error)) from None
        if len(parts.dataset.dataset().train[1]) == 0:
            raise InvalidValue("the data set has no training points")

    def _ready_trainer(self) -> Trainer:
        """The trainer for the current state: rebuilt if the setup changed, synced if edited."""
        self._check_trainable()
        parts = self._parts
        settings = parts.training.settings
        data = parts.dataset.dataset()  # a new object whenever the points or features change
        key = self._trainer_setup()
        if self._trainer is None or key != self._trainer_key or data is not self._trainer_data:
            train_x, train_y, _, _ = self._training_arrays()
            self._trainer = Trainer(
                parts.results.network(),
                train_x,
                train_y,
                loss=settings["loss"],
                optimizer=settings["optimizer"],
                learning_rate=settings["learning_rate"],
                batch_size=settings["batch_size"],
                l2=settings["l2"],
                seed=settings["seed"],
            )
            self._trainer_key = key
            self._trainer_data = data
            self._unpublished_epochs, self._unpublished_training = 0.0, False
        elif self._trainer_network_version != parts.network.versions["network"]:
            self._trainer.load_parameters(*parts.network.arrays)  # the user edited one
            self._unpublished_training = False  # the edit wins; the epochs run still count
        self._trainer.learning_rate = settings["learning_rate"]
        self._trainer.l2 = settings["l2"]
        self._trainer_network_version = parts.network.versions["network"]
        return self._trainer

    def _trainer_setup(self) -> tuple:
        """What a trainer is built from, apart from the points and the weights."""
        settings = self._parts.training.settings
        network = self._parts.network
        return (
            settings["loss"],
            settings["optimizer"],
            settings["batch_size"],
            settings["seed"],
            network.layer_sizes,
            repr(network.layer_activations),
        )
