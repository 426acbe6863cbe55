"""Hard (piecewise-linear) and shrink activations.

hardsigmoid, hardtanh, hardswish and threshold are cheap piecewise stand-ins for
smooth curves; softshrink, hardshrink and tanhshrink pull small inputs to zero.
At every kink the derivative is PyTorch autograd's value (0 at hardtanh's ends,
at hardsigmoid's +-3 and at the shrink thresholds; 0 and 1 at hardswish's -3
and 3) and the second derivative is 0. hardsigmoid's slope is exactly 1/6
(PyTorch's is 1/6 rounded through float32).
"""

from __future__ import annotations

import numpy as np

from .base import PIECEWISE, SHRINK, Activation, ParamSpec
from .descriptions import DESCRIPTIONS
from .special import sech_squared

HARDSWISH_MIN = -0.375  # at x = -1.5


def _zero(x, **_params):
    return np.zeros_like(x)


def _hardsigmoid(x):
    return np.clip(x + 3.0, 0.0, 6.0) / 6.0


def _hardsigmoid_slope(x):
    return np.where((x > -3.0) & (x < 3.0), 1.0 / 6.0, 0.0)


def _hardtanh(x, min_val, max_val):
    return np.clip(x, min_val, max_val)


def _hardtanh_slope(x, min_val, max_val):
    return np.where((x > min_val) & (x < max_val), 1.0, 0.0)


def _hardswish(x):
    # x * (gate / 6) rather than (x * gate) / 6: no overflow for x near the float maximum.
    return x * (np.clip(x + 3.0, 0.0, 6.0) / 6.0)


def _hardswish_slope(x):
    return np.where(x <= -3.0, 0.0, np.where(x < 3.0, x / 3.0 + 0.5, 1.0))


def _hardswish_curvature(x):
    return np.where((x > -3.0) & (x < 3.0), 1.0 / 3.0, 0.0)


def _threshold(x, threshold, value):
    return np.where(x > threshold, x, value)


def _threshold_slope(x, threshold, value):
    return np.where(x > threshold, 1.0, 0.0)


def _softshrink(x, lambd):
    return np.where(x > lambd, x - lambd, np.where(x < -lambd, x + lambd, 0.0))


def _hardshrink(x, lambd):
    return np.where(np.abs(x) > lambd, x, 0.0)


def _shrink_slope(x, lambd):
    return np.where(np.abs(x) > lambd, 1.0, 0.0)


def _tanhshrink(x):
    return x - np.tanh(x)


def _tanhshrink_slope(x):
    return np.square(np.tanh(x))


def _tanhshrink_curvature(x):
    return 2.0 * np.tanh(x) * sech_squared(x)


def _lambd_spec() -> ParamSpec:
    return ParamSpec("lambd", 0.5, 0.0, 100.0, 0.0, 3.0, "half-width of the zeroed band")


ACTIVATIONS = (
    Activation(
        "hardsigmoid",
        _hardsigmoid,
        _hardsigmoid_slope,
        _zero,
        title="Hard sigmoid",
        group=PIECEWISE,
        formula="f(x) = 0 if x <= -3, 1 if x >= 3, else x/6 + 1/2",
        derivative_formula="f'(x) = 1/6 if -3 < x < 3 else 0",
        description=DESCRIPTIONS["hardsigmoid"],
        output_range=(0.0, 1.0),
        monotonic=True,
    ),
    Activation(
        "hardtanh",
        _hardtanh,
        _hardtanh_slope,
        _zero,
        title="Hard tanh",
        group=PIECEWISE,
        formula="f(x) = min(max(x, min_val), max_val)",
        derivative_formula="f'(x) = 1 if min_val < x < max_val else 0",
        description=DESCRIPTIONS["hardtanh"],
        params=(
            ParamSpec("min_val", -1.0, -100.0, 0.0, -5.0, 0.0, "lower clipping value"),
            ParamSpec("max_val", 1.0, 0.0, 100.0, 0.0, 5.0, "upper clipping value"),
        ),
        output_range=(-1.0, 1.0),
        monotonic=True,
        zero_centred=True,
    ),
    Activation(
        "hardswish",
        _hardswish,
        _hardswish_slope,
        _hardswish_curvature,
        title="Hard swish",
        group=PIECEWISE,
        formula="f(x) = x * min(max(x + 3, 0), 6) / 6",
        derivative_formula="f'(x) = 0 if x <= -3, 1 if x >= 3, else x/3 + 1/2",
        description=DESCRIPTIONS["hardswish"],
        output_range=(HARDSWISH_MIN, np.inf),
    ),
    Activation(
        "threshold",
        _threshold,
        _threshold_slope,
        _zero,
        title="Threshold",
        group=PIECEWISE,
        formula="f(x) = x if x > threshold else value",
        derivative_formula="f'(x) = 1 if x > threshold else 0",
        description=DESCRIPTIONS["threshold"],
        params=(
            ParamSpec(
                "threshold", 0.0, -100.0, 100.0, -5.0, 5.0, "inputs at or below this are replaced"
            ),
            ParamSpec("value", 0.0, -100.0, 100.0, -5.0, 5.0, "the replacement output"),
        ),
        output_range=(0.0, np.inf),
    ),
    Activation(
        "softshrink",
        _softshrink,
        _shrink_slope,
        _zero,
        title="Soft shrink",
        group=SHRINK,
        formula="f(x) = x - lambd if x > lambd, x + lambd if x < -lambd, else 0",
        derivative_formula="f'(x) = 1 if |x| > lambd else 0",
        description=DESCRIPTIONS["softshrink"],
        params=(_lambd_spec(),),
        monotonic=True,
        zero_centred=True,
    ),
    Activation(
        "hardshrink",
        _hardshrink,
        _shrink_slope,
        _zero,
        title="Hard shrink",
        group=SHRINK,
        formula="f(x) = x if |x| > lambd else 0",
        derivative_formula="f'(x) = 1 if |x| > lambd else 0",
        description=DESCRIPTIONS["hardshrink"],
        params=(_lambd_spec(),),
        monotonic=True,
        zero_centred=True,
    ),
    Activation(
        "tanhshrink",
        _tanhshrink,
        _tanhshrink_slope,
        _tanhshrink_curvature,
        title="Tanh shrink",
        group=SHRINK,
        formula="f(x) = x - tanh(x)",
        derivative_formula="f'(x) = tanh(x)^2",
        description=DESCRIPTIONS["tanhshrink"],
        monotonic=True,
        smooth=True,
        zero_centred=True,
    ),
)
