"""The ReLU family: relu, relu6, leaky_relu, prelu, rrelu, elu, celu and selu.

Kinks follow PyTorch's autograd: the derivative at 0 is the left-hand value
(0 for relu, the negative-side slope for the leaky variants, alpha for elu,
scale * alpha for selu) except celu, whose slope is 1 there; the second
derivative at 0 is 0.
"""

from __future__ import annotations

import numpy as np

from .base import RELU_FAMILY, Activation, ParamSpec
from .descriptions import DESCRIPTIONS
from .special import EXP_UNDERFLOW

# Self-normalising constants from Klambauer et al. (2017), as PyTorch uses them.
SELU_ALPHA = 1.6732632423543772848170429916717
SELU_SCALE = 1.0507009873554804934193349852946


def _zero(x, **_params):
    return np.zeros_like(x)


def _relu(x):
    return np.where(x > 0, x, 0.0)


def _relu_slope(x):
    return np.where(x > 0, 1.0, 0.0)


def _relu6(x):
    return np.clip(x, 0.0, 6.0)


def _relu6_slope(x):
    return np.where((x > 0) & (x < 6), 1.0, 0.0)


def _leaky(x, slope):
    return np.where(x > 0, x, slope * x)


def _leaky_slope(x, slope):
    return np.where(x > 0, 1.0, slope)


def _exp_linear(x, alpha):
    # expm1 keeps accuracy near 0; min() keeps the unused branch from overflowing.
    return np.where(x > 0, x, alpha * np.expm1(np.minimum(x, 0.0)))


def _exp_linear_slope(x, alpha):
    return np.where(x > 0, 1.0, alpha * np.exp(np.minimum(x, 0.0)))


def _exp_linear_curvature(x, alpha):
    return np.where(x < 0, alpha * np.exp(np.minimum(x, 0.0)), 0.0)


def _celu_argument(x, alpha):
    # x / alpha, clipped where exp() is already 0 so tiny alphas cannot overflow it.
    return np.maximum(np.minimum(x, 0.0), -EXP_UNDERFLOW * alpha) / alpha


def _celu(x, alpha):
    return np.where(x > 0, x, alpha * np.expm1(_celu_argument(x, alpha)))


def _celu_slope(x, alpha):
    return np.where(x > 0, 1.0, np.exp(_celu_argument(x, alpha)))


def _celu_curvature(x, alpha):
    return np.where(x < 0, np.exp(_celu_argument(x, alpha)) / alpha, 0.0)


ACTIVATIONS = (
    Activation(
        "relu",
        _relu,
        _relu_slope,
        _zero,
        title="ReLU",
        group=RELU_FAMILY,
        formula="f(x) = max(0, x)",
        derivative_formula="f'(x) = 1 if x > 0 else 0",
        description=DESCRIPTIONS["relu"],
        output_range=(0.0, np.inf),
        monotonic=True,
    ),
    Activation(
        "relu6",
        _relu6,
        _relu6_slope,
        _zero,
        title="ReLU6",
        group=RELU_FAMILY,
        formula="f(x) = min(max(0, x), 6)",
        derivative_formula="f'(x) = 1 if 0 < x < 6 else 0",
        description=DESCRIPTIONS["relu6"],
        output_range=(0.0, 6.0),
        monotonic=True,
    ),
    Activation(
        "leaky_relu",
        lambda x, negative_slope: _leaky(x, negative_slope),
        lambda x, negative_slope: _leaky_slope(x, negative_slope),
        _zero,
        title="Leaky ReLU",
        group=RELU_FAMILY,
        formula="f(x) = x if x > 0 else negative_slope * x",
        derivative_formula="f'(x) = 1 if x > 0 else negative_slope",
        description=DESCRIPTIONS["leaky_relu"],
        params=(
            ParamSpec("negative_slope", 0.01, 0.0, 1.0, 0.0, 0.3, "slope for negative inputs"),
        ),
        monotonic=True,
    ),
    Activation(
        "prelu",
        lambda x, weight: _leaky(x, weight),
        lambda x, weight: _leaky_slope(x, weight),
        _zero,
        title="PReLU",
        group=RELU_FAMILY,
        formula="f(x) = x if x > 0 else weight * x",
        derivative_formula="f'(x) = 1 if x > 0 else weight",
        description=DESCRIPTIONS["prelu"],
        params=(
            ParamSpec("weight", 0.25, 0.0, 1.0, 0.0, 1.0, "learned slope for negative inputs"),
        ),
        monotonic=True,
    ),
    Activation(
        "rrelu",
        lambda x, lower, upper: _leaky(x, 0.5 * (lower + upper)),
        lambda x, lower, upper: _leaky_slope(x, 0.5 * (lower + upper)),
        _zero,
        title="RReLU (evaluation mode)",
        group=RELU_FAMILY,
        formula="f(x) = x if x > 0 else (lower + upper) / 2 * x",
        derivative_formula="f'(x) = 1 if x > 0 else (lower + upper) / 2",
        description=DESCRIPTIONS["rrelu"],
        params=(
            ParamSpec(
                "lower",
                1.0 / 8.0,
                0.0,
                1.0,
                0.0,
                1.0,
                "smallest random negative slope while training",
            ),
            ParamSpec(
                "upper",
                1.0 / 3.0,
                0.0,
                1.0,
                0.0,
                1.0,
                "largest random negative slope while training",
            ),
        ),
        monotonic=True,
    ),
    Activation(
        "elu",
        _exp_linear,
        _exp_linear_slope,
        _exp_linear_curvature,
        title="ELU",
        group=RELU_FAMILY,
        formula="f(x) = x if x > 0 else alpha (e^x - 1)",
        derivative_formula="f'(x) = 1 if x > 0 else alpha e^x",
        description=DESCRIPTIONS["elu"],
        params=(
            ParamSpec(
                "alpha",
                1.0,
                0.0,
                10.0,
                0.0,
                3.0,
                "the value -alpha is approached for very negative inputs",
            ),
        ),
        output_range=(-1.0, np.inf),
        monotonic=True,
        zero_centred=True,
    ),
    Activation(
        "celu",
        _celu,
        _celu_slope,
        _celu_curvature,
        title="CELU",
        group=RELU_FAMILY,
        formula="f(x) = x if x > 0 else alpha (e^(x/alpha) - 1)",
        derivative_formula="f'(x) = 1 if x > 0 else e^(x/alpha)",
        description=DESCRIPTIONS["celu"],
        params=(
            ParamSpec(
                "alpha",
                1.0,
                0.01,
                10.0,
                0.1,
                3.0,
                "the value -alpha is approached for very negative inputs",
            ),
        ),
        output_range=(-1.0, np.inf),
        monotonic=True,
        zero_centred=True,
    ),
    Activation(
        "selu",
        lambda x: SELU_SCALE * _exp_linear(x, SELU_ALPHA),
        lambda x: SELU_SCALE * _exp_linear_slope(x, SELU_ALPHA),
        lambda x: SELU_SCALE * _exp_linear_curvature(x, SELU_ALPHA),
        title="SELU",
        group=RELU_FAMILY,
        formula="f(x) = scale * (x if x > 0 else alpha (e^x - 1)), "
        "scale = 1.0507..., alpha = 1.6733...",
        derivative_formula="f'(x) = scale if x > 0 else scale * alpha * e^x",
        description=DESCRIPTIONS["selu"],
        output_range=(-SELU_SCALE * SELU_ALPHA, np.inf),
        monotonic=True,
        zero_centred=True,
    ),
)
