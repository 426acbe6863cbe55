"""Losses and targets: what a network's outputs are compared with, and how.

The four losses of :mod:`actplay.core.training` (``mse``, ``squared``, ``bce``,
``cross_entropy``), which of them are computed from the last layer's logits,
the class targets each loss and output function expects, and a network's
outputs for a batch of inputs. Both training and the lessons' loss readouts use
them; :mod:`actplay.core.training` re-exports every name.
"""

from __future__ import annotations

import numpy as np

from actplay.core import activations as acts
from actplay.core.network import Network, is_softmax

LOSSES = ("mse", "squared", "bce", "cross_entropy")
LOGIT_LOSSES = ("bce", "cross_entropy")  # computed from the last layer's z, not from a
LOSS_TITLES = {
    "mse": "Mean squared error",
    "squared": "Squared error \u00bd(a \u2212 t)\u00b2 (TF Playground)",
    "bce": "Binary cross-entropy (sigmoid)",
    "cross_entropy": "Cross-entropy (softmax)",
}


def check_loss_fits(loss: str, network: Network) -> None:
    """Raise ``ValueError`` unless ``loss`` can train ``network``'s output layer."""
    if loss not in LOSSES:
        raise ValueError(f"loss must be one of {', '.join(LOSSES)}, got {loss!r}")
    output, _ = network.activations[-1]
    n_out = network.layer_sizes[-1]
    if loss == "bce" and (output.name != "sigmoid" or n_out != 1):
        raise ValueError(
            "binary cross-entropy needs one sigmoid output unit "
            f"(the output layer has {n_out} {output.name} unit(s))"
        )
    if loss == "cross_entropy" and (not is_softmax(output) or n_out < 2):
        raise ValueError(
            "cross-entropy needs a softmax output layer of 2 or more units "
            f"(the output layer has {n_out} {output.name} unit(s))"
        )


def network_outputs(network: Network, inputs) -> np.ndarray:
    """``network(inputs)`` as the trainer computes it: the activations' raw functions,
    without the input checks and dtype round trips of ``Network.forward`` (half the time
    on a 100 x 100 grid; the decision map runs it on every training snapshot).

    Returns
    -------
    ndarray, shape (n, out), float64
    """
    values = np.asarray(inputs, dtype=np.float64)
    for w, b, (function, params) in zip(
        network.weights, network.biases, network.activations, strict=True
    ):
        z = values @ w.T
        z += b
        values = acts.softmax(z) if is_softmax(function) else function.value_function(z, **params)
    return np.broadcast_to(values, (len(values), network.layer_sizes[-1]))


def class_target_values(loss: str, output_activation, n_outputs: int) -> tuple[float, float]:
    """The values one output unit is trained towards for class 0 and class 1.

    0 and 1, except for a squared loss on a single output whose activation reaches
    below 0 (tanh, identity, ...): -1 and +1, the TensorFlow Playground's labels, so
    the decision threshold sits at 0, where tanh is steepest, not near its edge.
    Several outputs (one per class) always use one-hot 0/1 targets.
    """
    squared = loss not in LOGIT_LOSSES
    if squared and n_outputs == 1 and output_activation.output_range[0] < 0:
        return -1.0, 1.0
    return 0.0, 1.0


def target_matrix(targets: np.ndarray, n_outputs: int) -> np.ndarray:
    """Targets as an (n, n_outputs) matrix: given as one, one column, or one-hot class labels."""
    targets = np.asarray(targets, dtype=np.float64)
    if targets.ndim == 2 and targets.shape[1] == n_outputs:
        return targets.copy()
    targets = targets.reshape(-1)
    if n_outputs == 1:
        return targets[:, None].copy()
    labels = targets.astype(np.int64)
    if np.any(labels != targets) or np.any(labels < 0) or np.any(labels >= n_outputs):
        raise ValueError(
            f"targets must be class labels 0..{n_outputs - 1} for {n_outputs} output units"
        )
    return np.eye(n_outputs)[labels]


def data_loss(loss: str, last_layer: np.ndarray, targets: np.ndarray) -> float:
    """Mean data loss of one batch from the last layer (no L2 term).

    Parameters
    ----------
    loss : str
        One of :data:`LOSSES`.
    last_layer : (n, out) ndarray
        The outputs ``a`` for the squared losses; the logits ``z`` for the cross-entropy losses
        (they are computed from z, never from a rounded probability).
    targets : (n, out) ndarray
        As :func:`target_matrix` returns them.
    """
    if loss == "mse":
        return float(np.mean((last_layer - targets) ** 2))
    if loss == "squared":
        return 0.5 * float(np.mean((last_layer - targets) ** 2))
    z = last_layer
    if loss == "bce":
        return float(np.mean(np.logaddexp(0.0, z) - targets * z))
    top = np.max(z, axis=1, keepdims=True)
    log_norm = top[:, 0] + np.log(np.sum(np.exp(z - top), axis=1))
    return float(np.mean(log_norm - np.sum(z * targets, axis=1)))
