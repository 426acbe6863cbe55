"""The ``training`` section: how the network trains, and what the training shows of it.

Loss, optimiser, learning rate, batch size, L2 and seed, and the epoch counter
(passes over the training points so far). The run itself (the trainer, the
loss history, Play, a worker process) is :class:`~actplay.model.training_run.TrainingRun`;
the network being trained *is* the network section's network.
"""

from __future__ import annotations

import numpy as np

from actplay.core import datasets
from actplay.core.grid import plane_grid
from actplay.core.training import LOSSES, OPTIMIZERS, class_target_values, network_outputs
from actplay.model import limits as lim
from actplay.model.errors import InvalidValue
from actplay.model.sections.base import Section

MAX_BATCH_SIZE = 500  # larger than any training set the sliders make
MAX_LEARNING_RATE = 10.0  # beyond this every network diverges at once
MAX_L2 = 10.0
MAX_EPOCH = 1e6  # the value limit of every number in a session; no one trains that long live
OUTPUT_RESOLUTION = 100  # decision-surface cells per axis, as the heatmaps
OUTPUT_FOR_LOSS = {"bce": ("sigmoid", 1), "cross_entropy": ("softmax", 2)}
REGRESSION_OUTPUT = "tanh"  # the regression targets lie in [-1, 1]
SQUARED_LOSSES = ("mse", "squared")  # the losses a regression set trains with


class TrainingSection(Section):
    """The training settings (session key ``training``), their checks and setters, and the
    results the training views show (decision surface, accuracy, dead units)."""

    KEY = "training"
    DEFAULTS = {
        "loss": "bce",
        "optimizer": "adam",
        "learning_rate": 0.03,
        "batch_size": 10,
        "l2": 0.0,
        "seed": 0,  # the order the points are visited in
        "epoch": 0.0,
    }
    OPTIONAL = tuple(DEFAULTS)  # a file may leave out any key, or the whole section

    # -- properties -------------------------------------------------------------
    @property
    def settings(self) -> dict:
        """The held section object (read it, do not change it)."""
        return self._values

    @property
    def training_settings(self) -> dict:
        """The ``training`` section (a copy)."""
        return dict(self._values)

    @property
    def epoch(self) -> float:
        """Passes over the training points so far (fractional within a pass)."""
        return self._values["epoch"]

    # -- setters ----------------------------------------------------------------
    def set_training(self, **changes) -> None:
        """Change ``training`` settings (loss, optimizer, learning_rate, batch_size, l2, seed).

        A loss that needs a particular output layer (BCE: one sigmoid unit,
        cross-entropy: two softmax units) sets it. Learning rate and L2 apply to a
        run in progress; the others restart the optimiser. Touches ``training``.
        """
        if "epoch" in changes:
            raise InvalidValue("the epoch counter is not a setting")
        settings = self.validate({**self._values, **changes})
        if settings == self._values:
            return
        regression = self._parts.dataset.dataset().kind == datasets.REGRESSION
        if settings["loss"] not in SQUARED_LOSSES and regression:
            raise InvalidValue(
                "a regression data set trains with mean squared error or squared error only"
            )
        with self._parts.batch():
            self._values = settings
            self._parts.touch({"training"})
            if settings["loss"] in OUTPUT_FOR_LOSS:
                self._set_output_layer(*OUTPUT_FOR_LOSS[settings["loss"]])

    def reset_training(self) -> None:
        """New weights from the init scheme and seed; epoch 0 and an empty history."""
        parts = self._parts
        with parts.batch():
            parts.run.clear()
            self._values = {**self._values, "epoch": 0.0}
            parts.network.set_arrays(*parts.network.initial_parameters())
            parts.network.changed()
            parts.touch({"training"})

    # -- for the data set and the run ----------------------------------------------
    def set_epoch(self, epoch: float) -> None:
        """Set the epoch counter (no event: the caller's publishing emits)."""
        self._values = {**self._values, "epoch": min(MAX_EPOCH, epoch)}

    def fit_loss_to_data(self) -> None:
        """A regression set trains with squared error on one tanh unit: switch to it."""
        if (
            self._parts.dataset.dataset().kind == datasets.REGRESSION
            and self._values["loss"] not in SQUARED_LOSSES
        ):
            self._values = {**self._values, "loss": "mse"}
            self._parts.touch({"training"})
            self._set_output_layer(REGRESSION_OUTPUT, 1)

    def _set_output_layer(self, activation: str, units: int) -> None:
        network = self._parts.network
        if network.layer_sizes[-1] != units:
            network.set_layer_sizes((*network.layer_sizes[:-1], units))
        network.set_layer_activation(len(network.layer_sizes) - 1, activation)

    def class_values(self) -> tuple[float, float]:
        """What the output is trained towards for class 0 and class 1 (0/1, or -1/+1 for a
        squared loss on one tanh-like output)."""
        network = self._parts.network
        name, _ = network.layer_function(len(network.layer_sizes) - 1)
        return class_target_values(
            self._values["loss"], self._parts.custom.activation(name), network.layer_sizes[-1]
        )

    # -- what the training views show ---------------------------------------------------
    def _inputs_fit(self) -> bool:
        return self._parts.network.layer_sizes[0] == len(self._parts.dataset.spec["features"])

    def output_surface(self, resolution: int = OUTPUT_RESOLUTION) -> np.ndarray | None:
        """Network output over ``data_frame()`` as a (res, res) float32 in [-1, 1]
        (row 0 = the top edge, x2 = x2_hi; column 0 = x1_lo), ``resolution`` cells a side
        (a view in a hurry asks for fewer).

        Classification shows the output scaled so class 0's target is -1 (orange) and
        class 1's is +1 (blue): 2 p(class 1) - 1 for 0/1 targets, the output itself for
        -1/+1; regression the output itself. ``None`` when the input layer does not match
        the features.
        """
        if not self._inputs_fit():
            return None
        parts = self._parts
        key = (
            "surface",
            parts.network.versions["network"],
            parts.dataset.data_frame(),
            parts.dataset.features,
            parts.dataset.dataset().kind,
            self.class_values(),
            int(resolution),
        )
        return parts.results.cached(
            "output_surface", key, lambda: self._compute_surface(int(resolution))
        )

    def _compute_surface(self, resolution: int) -> np.ndarray:
        parts = self._parts
        x1_lo, x1_hi, x2_lo, x2_hi = parts.dataset.data_frame()
        half = (x1_hi - x1_lo) / 2.0
        grid = plane_grid(-half, half, resolution=resolution) + (
            (x1_lo + x1_hi) / 2.0,
            (x2_lo + x2_hi) / 2.0,
        )
        features = datasets.feature_matrix(grid, parts.dataset.spec["features"])
        outputs = np.nan_to_num(network_outputs(parts.results.network(), features))
        if parts.dataset.dataset().kind == datasets.REGRESSION:
            shown = outputs[:, 0]
        else:
            low, high = self.class_values()  # class 0 -> -1 (orange), class 1 -> +1 (blue)
            shown = (2.0 * _class_one_probability(outputs) - low - high) / (high - low)
            shown = np.clip(shown, -1.0, 1.0)
        return shown.reshape(resolution, resolution).astype(np.float32)

    def accuracy(self, test: bool = True) -> float | None:
        """Share of test (or training) points classified right; ``None`` for regression."""
        data = self._parts.dataset.dataset()
        if data.kind == datasets.REGRESSION or not self._inputs_fit():
            return None
        points, targets = data.test if test else data.train
        if len(targets) == 0:
            return None
        features = self._parts.dataset.features
        outputs = network_outputs(
            self._parts.results.network(), datasets.feature_matrix(points, features)
        )
        if outputs.shape[1] > 1:
            predicted = np.argmax(outputs, axis=1)
        else:
            predicted = outputs[:, 0] > 0.5 * sum(self.class_values())  # halfway between
        return float(np.mean(predicted == (targets > 0.5)))

    def dead_unit_counts(self) -> list[int]:
        """Per hidden layer, units whose output and slope are 0 on every training point."""
        if not self._inputs_fit():
            return []
        points = self._parts.dataset.dataset().train[0]
        net = self._parts.results.network()
        trace = net.forward(datasets.feature_matrix(points, self._parts.dataset.features))
        counts = []
        layers = list(zip(net.activations, trace.z, trace.a, strict=True))[:-1]
        for (function, params), z, a in layers:
            dead = np.all((a == 0) & (function.derivative(z, **params) == 0), axis=0)
            counts.append(int(np.sum(dead)))
        return counts

    # -- session form ---------------------------------------------------------------
    @classmethod
    def validate(cls, section) -> dict:
        """A clean copy of a ``training`` object (``None``: the defaults)."""
        if section is None:
            return dict(cls.DEFAULTS)
        merged = cls.checked_keys(section)
        return {
            "loss": lim.check_choice("training loss", merged["loss"], LOSSES),
            "optimizer": lim.check_choice("training optimizer", merged["optimizer"], OPTIMIZERS),
            "learning_rate": lim.check_interval(
                "training learning_rate",
                merged["learning_rate"],
                0.0,
                MAX_LEARNING_RATE,
                lo_open=True,
            ),
            "batch_size": lim.check_int(
                "training batch_size", merged["batch_size"], 1, MAX_BATCH_SIZE
            ),
            "l2": lim.check_interval("training l2", merged["l2"], 0.0, MAX_L2),
            "seed": lim.check_int("training seed", merged["seed"], 0, lim.MAX_SEED),
            "epoch": lim.check_interval("training epoch", merged["epoch"], 0.0, MAX_EPOCH),
        }


def _class_one_probability(outputs: np.ndarray) -> np.ndarray:
    return outputs[:, 1] if outputs.shape[1] > 1 else outputs[:, 0]
