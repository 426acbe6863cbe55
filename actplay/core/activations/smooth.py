"""Smooth modern activations: gelu, gelu_tanh, silu, swish, mish and softplus.

All are written in overflow-free forms: x * sigmoid(2u) instead of
0.5 x (1 + tanh(u)), erfc for the left tail of the normal CDF, and polynomial
terms evaluated on inputs clipped where the multiplying exponential is already 0.
"""

from __future__ import annotations

import math

import numpy as np

from .base import SMOOTH_MODERN, Activation, ParamSpec
from .descriptions import DESCRIPTIONS
from .special import (
    normal_cdf,
    normal_pdf,
    sech_squared,
    sigmoid,
    sigmoid_curvature,
    sigmoid_slope,
    softplus,
)

GELU_TANH_SCALE = math.sqrt(2.0 / math.pi)
GELU_TANH_CUBIC = 0.044715
# Beyond this |x| the tanh-GELU's sigmoid is exactly 0 or 1 in float64, so clipping there
# changes nothing and keeps x^3 from overflowing.
_GELU_TANH_CLIP = 1.0e3
# Output minima of the dipping curves, rounded outwards (4 significant digits).
GELU_MIN = -0.1700
GELU_TANH_MIN = -0.1701
SILU_MIN = -0.2785
MISH_MIN = -0.3089


def _gelu(x):
    return x * normal_cdf(x)


def _gelu_slope(x):
    return normal_cdf(x) + np.clip(x, -40.0, 40.0) * normal_pdf(x)


def _gelu_curvature(x):
    clipped = np.clip(x, -40.0, 40.0)
    return normal_pdf(clipped) * (2.0 - clipped * clipped)


def _tanh_argument(x):
    """u(x), u'(x), u''(x) for the tanh-GELU, on clipped x; the clipped x is returned too."""
    clipped = np.clip(x, -_GELU_TANH_CLIP, _GELU_TANH_CLIP)
    square = clipped * clipped
    inner = GELU_TANH_SCALE * clipped * (1.0 + GELU_TANH_CUBIC * square)
    slope = GELU_TANH_SCALE * (1.0 + 3.0 * GELU_TANH_CUBIC * square)
    curvature = 6.0 * GELU_TANH_SCALE * GELU_TANH_CUBIC * clipped
    return clipped, inner, slope, curvature


def _gelu_tanh(x):
    # 0.5 (1 + tanh(u)) == sigmoid(2u), which keeps its accuracy for negative x.
    _, inner, _, _ = _tanh_argument(x)
    return x * sigmoid(2.0 * inner)


def _gelu_tanh_slope(x):
    clipped, inner, slope, _ = _tanh_argument(x)
    return sigmoid(2.0 * inner) + 2.0 * clipped * slope * sigmoid_slope(2.0 * inner)


def _gelu_tanh_curvature(x):
    clipped, inner, slope, curvature = _tanh_argument(x)
    s1 = sigmoid_slope(2.0 * inner)
    s2 = sigmoid_curvature(2.0 * inner)
    return 4.0 * slope * s1 + 2.0 * clipped * curvature * s1 + 4.0 * clipped * slope * slope * s2


def _swish(x, beta):
    return x * sigmoid(beta * x)


def _swish_slope(x, beta):
    scaled = beta * x
    return sigmoid(scaled) + scaled * sigmoid_slope(scaled)


def _swish_curvature(x, beta):
    scaled = beta * x
    return beta * (2.0 * sigmoid_slope(scaled) + scaled * sigmoid_curvature(scaled))


def _mish_parts(x):
    gate = np.tanh(softplus(x))
    return gate, sech_squared(softplus(x)), sigmoid(x)


def _mish(x):
    return x * np.tanh(softplus(x))


def _mish_slope(x):
    gate, gate_sech2, sig = _mish_parts(x)
    return gate + x * gate_sech2 * sig


def _mish_curvature(x):
    # With t = tanh(softplus x): t' = (1 - t^2) s and t'' = (1 - t^2)(s' - 2 t s^2).
    gate, gate_sech2, sig = _mish_parts(x)
    return gate_sech2 * (2.0 * sig + x * (sigmoid_slope(x) - 2.0 * gate * sig * sig))


def _softplus(x, beta, threshold):
    # PyTorch's cut-off: the line x strictly above the threshold, the smooth curve elsewhere.
    scaled = beta * x
    return np.where(scaled > threshold, x, softplus(scaled) / beta)


def _softplus_slope(x, beta, threshold):
    scaled = beta * x
    return np.where(scaled > threshold, 1.0, sigmoid(scaled))


def _softplus_curvature(x, beta, threshold):
    # Autograd's double backward is already 0 at the threshold itself.
    scaled = beta * x
    return np.where(scaled < threshold, beta * sigmoid_slope(scaled), 0.0)


ACTIVATIONS = (
    Activation(
        "gelu",
        _gelu,
        _gelu_slope,
        _gelu_curvature,
        title="GELU",
        group=SMOOTH_MODERN,
        formula="f(x) = x * Phi(x) = x/2 * (1 + erf(x / sqrt 2))",
        derivative_formula="f'(x) = Phi(x) + x * phi(x), phi the standard normal density",
        description=DESCRIPTIONS["gelu"],
        output_range=(GELU_MIN, np.inf),
        smooth=True,
    ),
    Activation(
        "gelu_tanh",
        _gelu_tanh,
        _gelu_tanh_slope,
        _gelu_tanh_curvature,
        title="GELU (tanh approximation)",
        group=SMOOTH_MODERN,
        formula="f(x) = x/2 * (1 + tanh(u)), u = sqrt(2/pi) (x + 0.044715 x^3)",
        derivative_formula="f'(x) = (1 + tanh u)/2 + x/2 * (1 - tanh(u)^2) u'",
        description=DESCRIPTIONS["gelu_tanh"],
        output_range=(GELU_TANH_MIN, np.inf),
        smooth=True,
    ),
    Activation(
        "silu",
        lambda x: _swish(x, 1.0),
        lambda x: _swish_slope(x, 1.0),
        lambda x: _swish_curvature(x, 1.0),
        title="SiLU",
        group=SMOOTH_MODERN,
        formula="f(x) = x * sigmoid(x)",
        derivative_formula="f'(x) = sigmoid(x) (1 + x (1 - sigmoid(x)))",
        description=DESCRIPTIONS["silu"],
        output_range=(SILU_MIN, np.inf),
        smooth=True,
    ),
    Activation(
        "swish",
        _swish,
        _swish_slope,
        _swish_curvature,
        title="Swish",
        group=SMOOTH_MODERN,
        formula="f(x) = x * sigmoid(beta x)",
        derivative_formula="f'(x) = sigmoid(beta x) + beta x sigmoid(beta x) (1 - sigmoid(beta x))",
        description=DESCRIPTIONS["swish"],
        params=(
            ParamSpec(
                "beta",
                1.0,
                0.0,
                10.0,
                0.0,
                5.0,
                "sharpness: 0 gives x/2, large values approach ReLU",
            ),
        ),
        output_range=(SILU_MIN, np.inf),
        smooth=True,
    ),
    Activation(
        "mish",
        _mish,
        _mish_slope,
        _mish_curvature,
        title="Mish",
        group=SMOOTH_MODERN,
        formula="f(x) = x * tanh(softplus(x)) = x * tanh(ln(1 + e^x))",
        derivative_formula="f'(x) = tanh(sp) + x * sigmoid(x) * (1 - tanh(sp)^2), sp = softplus(x)",
        description=DESCRIPTIONS["mish"],
        output_range=(MISH_MIN, np.inf),
        smooth=True,
    ),
    Activation(
        "softplus",
        _softplus,
        _softplus_slope,
        _softplus_curvature,
        title="Softplus",
        group=SMOOTH_MODERN,
        formula="f(x) = ln(1 + e^(beta x)) / beta, or x where beta x > threshold",
        derivative_formula="f'(x) = sigmoid(beta x), or 1 where beta x > threshold",
        description=DESCRIPTIONS["softplus"],
        params=(
            ParamSpec("beta", 1.0, 0.01, 100.0, 0.1, 5.0, "sharpness of the bend"),
            ParamSpec(
                "threshold",
                20.0,
                0.0,
                100.0,
                1.0,
                30.0,
                "above beta x > threshold the output is just x",
            ),
        ),
        output_range=(0.0, np.inf),
        monotonic=True,
        smooth=True,
    ),
)
