"""The four numbers a race records of every lane after every epoch, at a small cost.

After each epoch a race measures every lane's train and test loss and accuracy.
That takes one forward pass over every point, train and test together, and the
losses and shares right of both halves. On the spiral 4x8 recipe (one epoch of
training ~2 ms) the pass is ~5 % of an epoch, the largest share a race adds to
single training, so :class:`EpochMetrics` keeps what it can between epochs:
the layers' z computed into buffers, the targets of both sets in one array, the
classes they stand for. Every number is computed by the same operations on the
same values as :func:`metrics` on each set, so the records are the same, bit
for bit (tests/core/test_race_metrics.py).
"""

from __future__ import annotations

import math

import numpy as np

_sum = np.add.reduce


def metrics(loss_name: str, raw: np.ndarray, targets: np.ndarray, classification: bool):
    """``(loss, accuracy)`` of a set from the network's raw answer to it.

    ``raw`` is the output for ``"mse"`` and the last layer's z (logits) for the
    cross-entropy losses, as ``Trainer.outputs`` gives them; the loss is what
    ``Trainer.loss`` computes from it, by the same operations. Accuracy is the
    share classified right (argmax over several outputs, else output > 0.5), NaN
    for regression or an empty set.
    """
    if len(targets) == 0:
        return math.nan, math.nan
    if loss_name == "mse":
        loss = float(np.mean((raw - targets) ** 2))
    elif loss_name == "bce":
        loss = float(np.mean(np.logaddexp(0.0, raw) - targets * raw))
    else:
        top = np.max(raw, axis=1, keepdims=True)
        log_norm = top[:, 0] + np.log(np.sum(np.exp(raw - top), axis=1))
        loss = float(np.mean(log_norm - np.sum(raw * targets, axis=1)))
    if not classification:
        return loss, math.nan
    if raw.shape[1] > 1:
        right = np.argmax(raw, axis=1) == np.argmax(targets, axis=1)
    else:
        threshold = 0.0 if loss_name == "bce" else 0.5  # sigmoid(z) > 0.5 exactly when z > 0
        right = (raw[:, 0] > threshold) == (targets[:, 0] > 0.5)
    return loss, float(np.mean(right))


class EpochMetrics:
    """Train and test loss and accuracy of any lane of one race, from one forward pass.

    Parameters
    ----------
    points : ndarray, shape (n_train + n_test, in)
        The training points, then the test points (features applied).
    n_train : int
    targets : ndarray, shape (n_train + n_test, out)
        As ``target_matrix`` makes them, in the order of ``points``.
    loss_name : str
        The race's loss (``"mse"`` or a cross-entropy loss).
    classification : bool
        False: the accuracies are NaN.
    layer_sizes : tuple of int
    """

    def __init__(
        self,
        points: np.ndarray,
        n_train: int,
        targets: np.ndarray,
        loss_name: str,
        classification: bool,
        layer_sizes: tuple,
    ) -> None:
        self._points = points
        self._n_train = n_train
        self._targets = targets
        self._loss_name = loss_name
        self._classification = classification
        self._sizes = tuple(layer_sizes)
        self._logits = loss_name != "mse"
        self._classes = None  # what each point should be classified as
        if classification and len(targets):
            if targets.shape[1] > 1:
                self._classes = np.argmax(targets, axis=1)
            else:
                self._classes = targets[:, 0] > 0.5
        self._scratch = None

    # The buffers are rebuilt where the race lands (a worker), never pickled.
    def __getstate__(self) -> dict:
        return {**self.__dict__, "_scratch": None}

    def _buffers(self) -> list[np.ndarray]:
        if self._scratch is None:
            n = len(self._points)
            self._scratch = [np.empty((n, size)) for size in self._sizes[1:]]
        return self._scratch

    def measure(self, trainer) -> tuple[float, float, float, float]:
        """``(train loss, test loss, train accuracy, test accuracy)`` of ``trainer``'s network."""
        raw = trainer.outputs(self._points, logits=self._logits, scratch=self._buffers())
        per_point = self._losses(raw)
        n = self._n_train
        n_test = len(per_point) - n
        # np.mean's own sum and division, without its checks (a few us each).
        train_loss = float(_sum(per_point[:n], axis=None)) / n
        test_loss = float(_sum(per_point[n:], axis=None)) / n_test if n_test else math.nan
        if self._classes is None:
            return train_loss, test_loss, math.nan, math.nan
        if raw.shape[1] > 1:
            right = np.argmax(raw, axis=1) == self._classes
        else:
            threshold = 0.0 if self._loss_name == "bce" else 0.5
            right = (raw[:, 0] > threshold) == self._classes
        # A share of booleans: the count over the size is what np.mean gives, exactly.
        train_accuracy = np.count_nonzero(right[:n]) / n
        test_accuracy = np.count_nonzero(right[n:]) / n_test if n_test else math.nan
        return train_loss, test_loss, train_accuracy, test_accuracy

    def _losses(self, raw: np.ndarray) -> np.ndarray:
        """Every point's loss terms (one row each): ``metrics``'s mean is over these."""
        targets = self._targets
        if self._loss_name == "mse":
            return (raw - targets) ** 2
        if self._loss_name == "bce":
            return np.logaddexp(0.0, raw) - targets * raw
        top = np.max(raw, axis=1, keepdims=True)
        log_norm = top[:, 0] + np.log(np.sum(np.exp(raw - top), axis=1))
        return log_norm - np.sum(raw * targets, axis=1)


__all__ = ["EpochMetrics", "metrics"]
