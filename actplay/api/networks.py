"""Networks, data sets and training for scripts: the same core code the window runs."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from actplay.core import datasets
from actplay.core.network import Network
from actplay.core.training import Trainer


def _layer(activation):
    if hasattr(activation, "function") and hasattr(activation, "params"):  # BoundActivation
        return (activation.function, dict(activation.params))
    return activation


def network(layer_sizes, activations, init: str = "xavier", seed: int = 0) -> Network:
    """A fully connected network with weights drawn by ``init`` from ``seed``.

    Parameters
    ----------
    layer_sizes : sequence of int
        ``(inputs, hidden..., outputs)``.
    activations : sequence
        One per layer after the input: a name, a ``(name, params)`` pair or an
        `activation(...)`; ``"softmax"`` on the last layer only.
    init : str
        ``"zeros"``, ``"normal"``, ``"xavier"`` or ``"he"``.
    """
    return Network.from_init(tuple(layer_sizes), [_layer(a) for a in activations], init, seed)


def dataset(
    source: str, n_points: int = 500, noise: float = 0.0, test_fraction: float = 0.5, seed: int = 0
) -> datasets.Dataset:
    """One of the built-in 2-D data sets: ``"gaussian"``, ``"circle"``, ``"xor"``,
    ``"spiral"`` or ``"regression"`` (``points``, ``targets``, ``is_test``, ``train``, ``test``)."""
    return datasets.generate(source, n_points, noise, test_fraction, seed)


@dataclass(frozen=True)
class TrainingResult:
    """What `train` returns.

    Attributes
    ----------
    network : Network
        The trained network (a new one; the one passed in is unchanged).
    train_loss, test_loss : ndarray
        The loss after each epoch (``test_loss`` is NaN without test points).
    """

    network: Network
    train_loss: np.ndarray
    test_loss: np.ndarray


def train(
    net: Network,
    data: datasets.Dataset,
    epochs: int = 100,
    *,
    loss: str | None = None,
    optimizer: str = "adam",
    learning_rate: float = 0.03,
    batch_size: int = 10,
    l2: float = 0.0,
    features=datasets.DEFAULT_FEATURES,
    seed: int = 0,
) -> TrainingResult:
    """Train a copy of ``net`` on the training points of ``data`` for ``epochs`` epochs.

    ``loss`` defaults to what the output layer suits: ``"cross_entropy"`` for softmax,
    ``"mse"`` for a regression set, else ``"bce"``. ``features`` are the derived
    inputs (``"x1"``, ``"x2"``, ``"x1^2"``, ...): the network needs one input each.
    """
    if loss is None:
        if net.activations[-1][0].name == "softmax":
            loss = "cross_entropy"
        elif data.kind == datasets.REGRESSION:
            loss = "mse"
        else:
            loss = "bce"
    features = datasets.check_features(features)
    train_points, train_targets = data.train
    test_points, test_targets = data.test
    trainer = Trainer(
        net,
        datasets.feature_matrix(train_points, features),
        train_targets,
        loss=loss,
        optimizer=optimizer,
        learning_rate=learning_rate,
        batch_size=batch_size,
        l2=l2,
        seed=seed,
    )
    test_inputs = datasets.feature_matrix(test_points, features)
    train_loss, test_loss = [], []
    for _epoch in range(int(epochs)):
        trainer.epoch()
        train_loss.append(trainer.loss(trainer.inputs, train_targets))
        test_loss.append(trainer.loss(test_inputs, test_targets) if len(test_inputs) else np.nan)
    return TrainingResult(trainer.network(), np.array(train_loss), np.array(test_loss))
