"""The loss as lessons speak of it: one example's error, and what an undecided network gets.

A learner meets the loss as a number on screen (0.72 before training, 0.39 after).
Two reference points make it readable: the error of one neuron's answer for one
example, which falls as the answer nears the right one, and the loss of a network
that answers one half for every point, which is where an untrained network starts.
Both are computed with the training's own loss functions (``core.training``).
"""

from __future__ import annotations

import numpy as np

from actplay.core import datasets
from actplay.core.training import LOGIT_LOSSES, class_target_values, data_loss, target_matrix

SIGMOID = "sigmoid"  # the neuron's error is the cross-entropy of a sigmoid's answer


def last_loss(playground):
    """The latest training loss recorded (before any training: the loss at epoch 0)."""
    values = playground.loss_history()["train"]
    return float(values[-1]) if len(values) and np.isfinite(values[-1]) else None


def first_loss(playground):
    """The training loss first recorded: the one before training."""
    values = playground.loss_history()["train"]
    return float(values[0]) if len(values) else None


def neuron_error(playground, right_answer):
    """The error of the neuron's output for one example whose right answer is
    ``right_answer`` (0 to 1): binary cross-entropy, as training a sigmoid output uses.

    None unless the neuron is a sigmoid (the loss reads its output as a probability)
    and the right answer lies between 0 and 1.
    """
    if playground.neuron_activation != SIGMOID or not 0.0 <= right_answer <= 1.0:
        return None
    z = np.array([[playground.neuron_result().z]])
    return data_loss("bce", z, np.array([[right_answer]]))


def undecided_loss(playground):
    """The training loss of a network that answers one half everywhere: every output's z
    is 0 for the cross-entropy losses (equal shares for softmax), the middle of the two
    class values for the squared ones. None for a regression set or no training points.
    """
    data = playground.dataset()
    labels = data.train[1]
    if data.kind != datasets.CLASSIFICATION or len(labels) == 0:
        return None
    loss = playground.training_settings["loss"]
    outputs = playground.layer_sizes[-1]
    targets = target_matrix(labels, outputs)
    if loss in LOGIT_LOSSES:
        return data_loss(loss, np.zeros_like(targets), targets)
    name, _params = playground.layer_activations[-1]
    low, high = class_target_values(loss, playground.activation(name), outputs)
    targets = low + (high - low) * targets
    return data_loss(loss, np.full_like(targets, (low + high) / 2), targets)
