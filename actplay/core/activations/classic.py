"""Classic activations: identity, binary step, sigmoid, tanh and softsign."""

from __future__ import annotations

import numpy as np

from .base import CLASSIC, Activation
from .descriptions import DESCRIPTIONS
from .special import sech_squared, sigmoid, sigmoid_curvature, sigmoid_slope


def _identity(x):
    return x


def _one(x):
    return np.ones_like(x)


def _zero(x):
    return np.zeros_like(x)


def _binary_step(x):
    return np.where(x > 0, 1.0, 0.0)


def _tanh_curvature(x):
    # tanh'' = -2 tanh * sech^2, with sech^2 kept accurate where tanh rounds to +-1.
    return -2.0 * np.tanh(x) * sech_squared(x)


def _softsign(x):
    return x / (1.0 + np.abs(x))


def _softsign_slope(x):
    # (1 / (1 + |x|))^2 rather than 1 / (1 + |x|)^2: the square of a huge |x| would overflow.
    reciprocal = 1.0 / (1.0 + np.abs(x))
    return reciprocal * reciprocal


def _softsign_curvature(x):
    reciprocal = 1.0 / (1.0 + np.abs(x))
    return -2.0 * np.sign(x) * reciprocal * reciprocal * reciprocal


ACTIVATIONS = (
    Activation(
        "identity",
        _identity,
        _one,
        _zero,
        title="Identity (linear)",
        group=CLASSIC,
        formula="f(x) = x",
        derivative_formula="f'(x) = 1",
        description=DESCRIPTIONS["identity"],
        monotonic=True,
        smooth=True,
        zero_centred=True,
    ),
    Activation(
        "binary_step",
        _binary_step,
        _zero,
        _zero,
        title="Binary step (perceptron)",
        group=CLASSIC,
        formula="f(x) = 1 if x > 0 else 0",
        derivative_formula="f'(x) = 0 (undefined at 0; taken as 0)",
        description=DESCRIPTIONS["binary_step"],
        output_range=(0.0, 1.0),
        monotonic=True,
    ),
    Activation(
        "sigmoid",
        sigmoid,
        sigmoid_slope,
        sigmoid_curvature,
        title="Sigmoid (logistic)",
        group=CLASSIC,
        formula="f(x) = 1 / (1 + e^-x)",
        derivative_formula="f'(x) = f(x) (1 - f(x))",
        description=DESCRIPTIONS["sigmoid"],
        output_range=(0.0, 1.0),
        monotonic=True,
        smooth=True,
    ),
    Activation(
        "tanh",
        np.tanh,
        sech_squared,
        _tanh_curvature,
        title="Tanh",
        group=CLASSIC,
        formula="f(x) = tanh(x) = (e^x - e^-x) / (e^x + e^-x)",
        derivative_formula="f'(x) = 1 - tanh(x)^2",
        description=DESCRIPTIONS["tanh"],
        output_range=(-1.0, 1.0),
        monotonic=True,
        smooth=True,
        zero_centred=True,
    ),
    Activation(
        "softsign",
        _softsign,
        _softsign_slope,
        _softsign_curvature,
        title="Softsign",
        group=CLASSIC,
        formula="f(x) = x / (1 + |x|)",
        derivative_formula="f'(x) = 1 / (1 + |x|)^2",
        description=DESCRIPTIONS["softsign"],
        output_range=(-1.0, 1.0),
        monotonic=True,
        zero_centred=True,
    ),
)
