"""The training part of the Playground: the data set, the settings and the run.

Sections: ``dataset`` (source, points, noise, split, seed, input features,
added points) and ``training`` (loss, optimiser, learning rate, batch size,
L2, seed; the epoch counter, loss and gradient history, the running flag).

The network being trained *is* the network section's network: every training
call copies the trained weights into it and touches ``network`` (so the
graph and heatmaps follow) together with ``training``, in one event. A weight
or activation the user edits meanwhile is picked up before the next step.
The Qt side only decides *when* to train (``train_for`` on a timer while
``running``); the work lives in ``training_run.py``, the state here.
"""

from __future__ import annotations

import copy
from pathlib import Path

import numpy as np

from actplay.core import datasets
from actplay.core.grid import plane_grid
from actplay.core.training import Trainer, network_outputs
from actplay.model import training_recipes as recipes
from actplay.model import training_schema as schema
from actplay.model.errors import InvalidValue
from actplay.model.training_run import TrainingRunMixin

OUTPUT_RESOLUTION = 100  # decision-surface cells per axis, as the heatmaps
OUTPUT_FOR_LOSS = {"bce": ("sigmoid", 1), "cross_entropy": ("softmax", 2)}
REGRESSION_OUTPUT = "tanh"  # the regression targets lie in [-1, 1]
SQUARED_LOSSES = ("mse", "squared")  # the losses a regression set trains with


class TrainingStateMixin(TrainingRunMixin):
    """Data set and training settings, their derived results (mixed into ``Playground``).

    The run itself (trainer, steps, history) is :class:`TrainingRunMixin`.
    """

    def _init_training(self) -> None:
        self._dataset_spec = schema.validate_dataset(None)
        self._training = schema.validate_training(None)
        self._running = False
        self._training_error = ""
        self._clear_run()

    def _clear_run(self) -> None:
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
        self._data_cache = None

    # -- properties ---------------------------------------------------------------
    @property
    def dataset_spec(self) -> dict:
        """The ``dataset`` section (a copy)."""
        return copy.deepcopy(self._dataset_spec)

    @property
    def features(self) -> tuple[str, ...]:
        """The input features that feed the network, in ``datasets.FEATURES`` order."""
        return tuple(self._dataset_spec["features"])

    @property
    def training_settings(self) -> dict:
        """The ``training`` section (a copy)."""
        return dict(self._training)

    @property
    def epoch(self) -> float:
        """Passes over the training points so far (fractional within a pass)."""
        return self._training["epoch"]

    @property
    def running(self) -> bool:
        """True while the window should keep training (Play)."""
        return self._running

    @property
    def training_error(self) -> str:
        """Why training cannot run or stopped ("" when it can)."""
        return self._training_error

    def dataset(self) -> datasets.Dataset:
        """The current points (generated or custom, plus added ones), cached."""
        spec = self._dataset_spec
        # The spec dict is replaced on every change, never edited in place, so its
        # identity is the cache key (a repr of 20,000 custom rows took ~25 ms a call).
        if self._data_cache is not None and self._data_cache[0] is spec:
            return self._data_cache[1]
        custom = np.array(spec["custom_points"], dtype=np.float64).reshape(-1, 3)
        if spec["source"] == schema.CUSTOM_SOURCE:
            targets, kind = datasets.label_kind(custom[:, 2])
            rng = np.random.Generator(np.random.PCG64(spec["seed"]))
            is_test = datasets.split_mask(len(custom), spec["test_fraction"], rng)
            data = datasets.Dataset(custom[:, :2], targets, is_test, kind)
        else:
            data = datasets.generate(
                spec["source"], spec["points"], spec["noise"], spec["test_fraction"], spec["seed"]
            )
            if len(custom):  # points the user added: always training points
                data = datasets.Dataset(
                    np.vstack([data.points, custom[:, :2]]),
                    np.concatenate([data.targets, custom[:, 2]]),
                    np.concatenate([data.is_test, np.zeros(len(custom), bool)]),
                    data.kind,
                )
        for array in (data.points, data.targets, data.is_test):
            array.setflags(write=False)
        self._data_cache = (spec, data)
        return data

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
            return np.zeros(0), np.zeros((0, len(self._layer_sizes) - 1))
        return np.array([r[0] for r in rows]), np.array([r[3] for r in rows])

    # -- setters ------------------------------------------------------------------
    def set_dataset(self, **changes) -> None:
        """Change ``dataset`` fields (source, points, noise, test_fraction, seed).

        Choosing another built-in source also applies the settings proposed for it
        (``training_recipes.PROPOSALS``: features, layers, activations, loss, optimiser,
        learning rate, batch, L2), in the same event; change any of them afterwards.

        A new set of points resets the run (weights re-drawn from the init scheme
        and seed, as the TensorFlow Playground does). Touches ``dataset``,
        ``training`` and ``network``; the loss follows a switch to regression.
        """
        if "features" in changes or "custom_points" in changes:
            raise InvalidValue("use set_feature / add_point / load_dataset_csv for those")
        spec = schema.validate_dataset({**self._dataset_spec, **changes})
        if spec == self._dataset_spec:
            return
        new_source = spec["source"] != self._dataset_spec["source"]
        with self.batch():
            self._dataset_spec = spec
            self._touch({"dataset"})
            if new_source and recipes.proposal(spec["source"]) is not None:
                recipes.apply_recipe(self, recipes.proposal(spec["source"]))
            self._fit_loss_to_data()
            self.reset_training()

    def regenerate_dataset(self) -> None:
        """Draw new points with the next seed (added points are dropped)."""
        spec = self._dataset_spec
        with self.batch():
            self._dataset_spec = {
                **spec,
                "custom_points": []
                if spec["source"] != schema.CUSTOM_SOURCE
                else spec["custom_points"],
            }
            self.set_dataset(seed=(spec["seed"] + 1) % (2**32))

    def set_feature(self, name: str, on: bool) -> None:
        """Switch an input feature on or off; the network's input layer follows (new weights)."""
        chosen = set(self._dataset_spec["features"])
        chosen = chosen | {name} if on else chosen - {name}
        try:
            features = list(datasets.check_features(chosen))
        except ValueError as error:
            raise InvalidValue(f"features: {error}") from None
        if features == self._dataset_spec["features"]:
            return
        with self.batch():
            self._dataset_spec = {**self._dataset_spec, "features": features}
            self._touch({"dataset"})
            if self._layer_sizes[0] != len(features):
                self.set_layer_sizes((len(features), *self._layer_sizes[1:]))
            self.reset_training()

    def add_point(self, x1: float, x2: float, target: float) -> None:
        """Add a training point (class 0/1, or a value for regression). Touches ``dataset``."""
        row = list(schema.lim.check_numbers("point", (x1, x2, target), 3, 3))
        spec = schema.validate_dataset(
            {**self._dataset_spec, "custom_points": [*self._dataset_spec["custom_points"], row]}
        )
        self._dataset_spec = spec
        self._touch({"dataset", "training"})

    def load_dataset_csv(self, path) -> None:
        """Replace the points with a CSV file's (``x1, x2, label`` or ``x1, label`` rows).

        Raises
        ------
        ValueError
            ``"<file name>: <problem>"`` (line and column for a bad value); nothing changes.
        """
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8-sig")
            points, targets, _ = datasets.parse_csv(text)
        except (OSError, UnicodeDecodeError, ValueError) as error:
            raise InvalidValue(f"{path.name}: {error}") from None
        rows = np.column_stack([points, targets]).tolist()
        spec = schema.validate_dataset(
            {**self._dataset_spec, "source": schema.CUSTOM_SOURCE, "custom_points": rows}
        )
        with self.batch():
            self._dataset_spec = spec
            self._touch({"dataset"})
            self._fit_loss_to_data()
            self.reset_training()

    def set_training(self, **changes) -> None:
        """Change ``training`` settings (loss, optimizer, learning_rate, batch_size, l2, seed).

        A loss that needs a particular output layer (BCE: one sigmoid unit,
        cross-entropy: two softmax units) sets it. Learning rate and L2 apply to a
        run in progress; the others restart the optimiser. Touches ``training``.
        """
        if "epoch" in changes:
            raise InvalidValue("the epoch counter is not a setting")
        settings = schema.validate_training({**self._training, **changes})
        if settings == self._training:
            return
        if settings["loss"] not in SQUARED_LOSSES and self.dataset().kind == datasets.REGRESSION:
            raise InvalidValue(
                "a regression data set trains with mean squared error or squared error only"
            )
        with self.batch():
            self._training = settings
            self._touch({"training"})
            if settings["loss"] in OUTPUT_FOR_LOSS:
                self._set_output_layer(*OUTPUT_FOR_LOSS[settings["loss"]])

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
        with self.batch():
            if not on and self._dispatch is not None:
                self._recall(publish=True)  # the worker's trainer comes back, published
            elif not on:
                self.publish_training()  # pausing shows the last trained weights
            self._running = on
            self._touch({"training"})
        if on and self._worker is not None:
            self._send_run()

    def reset_training(self) -> None:
        """New weights from the init scheme and seed; epoch 0 and an empty history."""
        with self.batch():
            self._clear_run()
            self._training = {**self._training, "epoch": 0.0}
            self._training_error = ""
            weights, biases = self._initial_parameters()
            self._weights, self._biases = weights, biases
            self._network_changed()
            self._touch({"training"})

    def _fit_loss_to_data(self) -> None:
        if (
            self.dataset().kind == datasets.REGRESSION
            and self._training["loss"] not in SQUARED_LOSSES
        ):
            self._training = {**self._training, "loss": "mse"}
            self._touch({"training"})
            self._set_output_layer(REGRESSION_OUTPUT, 1)

    def _set_output_layer(self, activation: str, units: int) -> None:
        if self._layer_sizes[-1] != units:
            self.set_layer_sizes((*self._layer_sizes[:-1], units))
        self.set_layer_activation(len(self._layer_sizes) - 1, activation)

    # -- derived ------------------------------------------------------------------
    def data_frame(self) -> tuple[float, float, float, float]:
        """``(x1_lo, x1_hi, x2_lo, x2_hi)``: the square the output map shows, framing
        every data point (``datasets.frame``; [-6, 6]^2 for the built-in sets),
        whatever input plane the network panel shows."""
        data = self.dataset()
        return datasets.frame(data.points, self._dataset_spec["source"] != schema.CUSTOM_SOURCE)

    def output_surface(self) -> np.ndarray | None:
        """Network output over :meth:`data_frame` as a (res, res) float32 in [-1, 1]
        (row 0 = the top edge, x2 = x2_hi; column 0 = x1_lo).

        Classification shows the output scaled so class 0's target is -1 (orange) and
        class 1's is +1 (blue): 2 p(class 1) - 1 for 0/1 targets, the output itself for
        -1/+1; regression the output itself. ``None`` when the input layer does not match
        the features.
        """
        features = self._dataset_spec["features"]
        if self._layer_sizes[0] != len(features):
            return None
        key = (
            "surface",
            self._versions["network"],
            self.data_frame(),
            tuple(features),
            self.dataset().kind,
            self._class_values(),
        )
        return self._cached("output_surface", key, self._compute_surface)

    def _compute_surface(self) -> np.ndarray:
        x1_lo, x1_hi, x2_lo, x2_hi = self.data_frame()
        half = (x1_hi - x1_lo) / 2.0
        grid = plane_grid(-half, half, resolution=OUTPUT_RESOLUTION) + (
            (x1_lo + x1_hi) / 2.0,
            (x2_lo + x2_hi) / 2.0,
        )
        features = datasets.feature_matrix(grid, self._dataset_spec["features"])
        outputs = np.nan_to_num(network_outputs(self.network(), features))
        if self.dataset().kind == datasets.REGRESSION:
            shown = outputs[:, 0]
        else:
            low, high = self._class_values()  # class 0 -> -1 (orange), class 1 -> +1 (blue)
            shown = (2.0 * self._class_one_probability(outputs) - low - high) / (high - low)
            shown = np.clip(shown, -1.0, 1.0)
        return shown.reshape(OUTPUT_RESOLUTION, OUTPUT_RESOLUTION).astype(np.float32)

    @staticmethod
    def _class_one_probability(outputs: np.ndarray) -> np.ndarray:
        return outputs[:, 1] if outputs.shape[1] > 1 else outputs[:, 0]

    def accuracy(self, test: bool = True) -> float | None:
        """Share of test (or training) points classified right; ``None`` for regression."""
        data = self.dataset()
        if data.kind == datasets.REGRESSION or self._layer_sizes[0] != len(self.features):
            return None
        points, targets = data.test if test else data.train
        if len(targets) == 0:
            return None
        outputs = network_outputs(self.network(), datasets.feature_matrix(points, self.features))
        if outputs.shape[1] > 1:
            predicted = np.argmax(outputs, axis=1)
        else:
            predicted = outputs[:, 0] > 0.5 * sum(self._class_values())  # halfway between
        return float(np.mean(predicted == (targets > 0.5)))

    def dead_unit_counts(self) -> list[int]:
        """Per hidden layer, units whose output and slope are 0 on every training point."""
        if self._layer_sizes[0] != len(self.features):
            return []
        points = self.dataset().train[0]
        net = self.network()
        trace = net.forward(datasets.feature_matrix(points, self.features))
        counts = []
        for (function, params), z, a in list(zip(net.activations, trace.z, trace.a, strict=True))[
            :-1
        ]:
            dead = np.all((a == 0) & (function.derivative(z, **params) == 0), axis=0)
            counts.append(int(np.sum(dead)))
        return counts

    # -- sessions -----------------------------------------------------------------
    def _training_sections(self) -> dict:
        return {"dataset": copy.deepcopy(self._dataset_spec), "training": dict(self._training)}

    def _load_training(self, clean: dict) -> None:
        self._dataset_spec = copy.deepcopy(clean["dataset"])
        self._training = dict(clean["training"])
        self._running = False
        self._training_error = ""
        self._clear_run()
