"""Other activations users ask a playground for: logsigmoid, gaussian, sine, arctan and
the bent identity."""

from __future__ import annotations

import math

import numpy as np

from .base import OTHER, Activation
from .descriptions import DESCRIPTIONS
from .special import sigmoid, sigmoid_slope, softplus

# Past this |x|, 1 + x^2 == x^2 in float64, so 1/x is used instead of squaring x (which
# would overflow for |x| > 1e154).
_ARCTAN_FAR = 1.0e8
# exp(-x^2) is exactly 0 beyond |x| ~ 27.3; clipping at 40 keeps x^2 finite.
_GAUSSIAN_CLIP = 40.0


def _logsigmoid(x):
    return -softplus(-x)


def _logsigmoid_slope(x):
    return sigmoid(-x)


def _logsigmoid_curvature(x):
    return -sigmoid_slope(x)


def _gaussian_parts(x):
    clipped = np.clip(x, -_GAUSSIAN_CLIP, _GAUSSIAN_CLIP)
    return clipped, np.exp(-clipped * clipped)


def _gaussian(x):
    return _gaussian_parts(x)[1]


def _gaussian_slope(x):
    clipped, bell = _gaussian_parts(x)
    return -2.0 * clipped * bell


def _gaussian_curvature(x):
    clipped, bell = _gaussian_parts(x)
    return (4.0 * clipped * clipped - 2.0) * bell


def _negative_sine(x):
    return -np.sin(x)


def _arctan_parts(x):
    """Return 1 / (1 + x^2) and x / (1 + x^2) without overflow."""
    far = np.abs(x) > _ARCTAN_FAR
    near_x = np.clip(x, -_ARCTAN_FAR, _ARCTAN_FAR)
    near_slope = 1.0 / (1.0 + near_x * near_x)
    inverse = 1.0 / np.where(far, x, _ARCTAN_FAR)
    slope = np.where(far, inverse * inverse, near_slope)
    ratio = np.where(far, inverse, near_x * near_slope)
    return slope, ratio


def _arctan_slope(x):
    return _arctan_parts(x)[0]


def _arctan_curvature(x):
    slope, ratio = _arctan_parts(x)
    return -2.0 * ratio * slope


def _bent_identity(x):
    # (sqrt(x^2 + 1) - 1) / 2 written as x * (x / (h + 1)) / 2: no cancellation near 0
    # and no overflow for huge x (hypot never squares).
    hypotenuse = np.hypot(x, 1.0)
    return 0.5 * x * (x / (hypotenuse + 1.0)) + x


def _bent_identity_slope(x):
    return 0.5 * x / np.hypot(x, 1.0) + 1.0


def _bent_identity_curvature(x):
    inverse = 1.0 / np.hypot(x, 1.0)
    return 0.5 * inverse * inverse * inverse


ACTIVATIONS = (
    Activation(
        "logsigmoid",
        _logsigmoid,
        _logsigmoid_slope,
        _logsigmoid_curvature,
        title="Log-sigmoid",
        group=OTHER,
        formula="f(x) = ln(sigmoid(x)) = -ln(1 + e^-x)",
        derivative_formula="f'(x) = 1 - sigmoid(x) = sigmoid(-x)",
        description=DESCRIPTIONS["logsigmoid"],
        output_range=(-np.inf, 0.0),
        monotonic=True,
        smooth=True,
    ),
    Activation(
        "gaussian",
        _gaussian,
        _gaussian_slope,
        _gaussian_curvature,
        title="Gaussian",
        group=OTHER,
        formula="f(x) = e^(-x^2)",
        derivative_formula="f'(x) = -2x e^(-x^2)",
        description=DESCRIPTIONS["gaussian"],
        output_range=(0.0, 1.0),
        smooth=True,
    ),
    Activation(
        "sine",
        np.sin,
        np.cos,
        _negative_sine,
        title="Sine",
        group=OTHER,
        formula="f(x) = sin(x)",
        derivative_formula="f'(x) = cos(x)",
        description=DESCRIPTIONS["sine"],
        output_range=(-1.0, 1.0),
        smooth=True,
        zero_centred=True,
    ),
    Activation(
        "arctan",
        np.arctan,
        _arctan_slope,
        _arctan_curvature,
        title="Arctan",
        group=OTHER,
        formula="f(x) = arctan(x)",
        derivative_formula="f'(x) = 1 / (1 + x^2)",
        description=DESCRIPTIONS["arctan"],
        output_range=(-math.pi / 2, math.pi / 2),
        monotonic=True,
        smooth=True,
        zero_centred=True,
    ),
    Activation(
        "bent_identity",
        _bent_identity,
        _bent_identity_slope,
        _bent_identity_curvature,
        title="Bent identity",
        group=OTHER,
        formula="f(x) = (sqrt(x^2 + 1) - 1) / 2 + x",
        derivative_formula="f'(x) = x / (2 sqrt(x^2 + 1)) + 1",
        description=DESCRIPTIONS["bent_identity"],
        monotonic=True,
        smooth=True,
        zero_centred=True,
    ),
)
