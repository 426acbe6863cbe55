"""The functions a formula may call, each as value, slope and curvature.

Every entry of :data:`UNARY` maps a name to ``g(u, need_first, need_second) ->
(g(u), g'(u), g''(u))`` (derivatives not asked for may be ``None``). Values are
NaN where the function is undefined (``log`` of x <= 0, ``sqrt`` of x < 0) and
+-inf where it overflows, computed on safe stand-in inputs so numpy never warns.
Kinks follow PyTorch's autograd: relu'(0) = 0, abs'(0) = 0, sqrt'(0) = inf.
"""

from __future__ import annotations

import math

import numpy as np

from actplay.core.activations import special

from . import jet as jets
from . import safe_math as sm

TWO_OVER_SQRT_PI = 2.0 / math.sqrt(math.pi)


def _nan_where(mask, values):
    return None if values is None else np.where(mask, np.nan, values)


def _exp(u, need_first, need_second):
    value = sm.exp(u)
    return value, value, value


def _log(u, need_first, need_second):
    inside = u > 0  # log(0) = -inf is left out too: the curve shows a gap there
    value = sm.unary(np.log, u, inside & np.isfinite(u), np.where(u == np.inf, np.inf, np.nan))
    slope = _nan_where(~inside, sm.divide(1.0, u)) if need_first else None
    curvature = _nan_where(~inside, -sm.divide(1.0, sm.square(u))) if need_second else None
    return value, slope, curvature


def _log1p(u, need_first, need_second):
    inside = u > -1
    value = sm.unary(np.log1p, u, inside & np.isfinite(u), np.where(u == np.inf, np.inf, np.nan))
    shifted = sm.add(u, 1.0)
    slope = _nan_where(~inside, sm.divide(1.0, shifted)) if need_first else None
    curvature = _nan_where(~inside, -sm.divide(1.0, sm.square(shifted))) if need_second else None
    return value, slope, curvature


def _sqrt(u, need_first, need_second):
    inside = u >= 0
    value = sm.unary(np.sqrt, u, inside & np.isfinite(u), np.where(u == np.inf, np.inf, np.nan))
    # At 0 the slope is +inf and the curvature -inf, as PyTorch returns.
    slope = _nan_where(~inside, sm.divide(0.5, value)) if need_first else None
    slope = None if slope is None else np.where(u == 0, np.inf, slope)
    curvature = None
    if need_second:
        curvature = _nan_where(~inside, -sm.divide(0.25, sm.multiply(u, value)))
        curvature = np.where(u == 0, -np.inf, curvature)
    return value, slope, curvature


def _abs(u, need_first, need_second):
    return np.abs(u), np.sign(u), np.zeros_like(u)  # sign(0) = 0: PyTorch's abs'(0)


def _relu(u, need_first, need_second):
    positive = u > 0
    value = np.where(positive, u, np.where(np.isnan(u), np.nan, 0.0))
    return value, np.where(np.isnan(u), np.nan, positive.astype(np.float64)), np.zeros_like(u)


def _periodic(function):
    """sin/cos are undefined at +-inf: NaN there instead of numpy's warning."""

    def safe(u):
        return sm.unary(function, u, np.isfinite(u), np.nan)

    return safe


_sin_safe, _cos_safe, _tan_safe = _periodic(np.sin), _periodic(np.cos), _periodic(np.tan)


def _sin(u, need_first, need_second):
    value = _sin_safe(u)
    return value, _cos_safe(u) if need_first else None, -value


def _cos(u, need_first, need_second):
    value = _cos_safe(u)
    return value, -_sin_safe(u) if need_first else None, -value


def _tan(u, need_first, need_second):
    value = _tan_safe(u)
    slope = sm.add(1.0, sm.square(value))  # sec^2
    return value, slope, sm.multiply(sm.multiply(2.0, value), slope)


def _tanh(u, need_first, need_second):
    value = np.tanh(u)
    slope = special.sech_squared(u)
    return value, slope, -2.0 * value * slope


def _sinh(u, need_first, need_second):
    value = sm.sinh(u)
    return value, sm.cosh(u) if need_first else None, value


def _cosh(u, need_first, need_second):
    value = sm.cosh(u)
    return value, sm.sinh(u) if need_first else None, value


def _arctan(u, need_first, need_second):
    # 1 / (1 + u^2), written with 1/u for |u| > 1 so u^2 never overflows.
    large = np.abs(u) > 1.0
    inverse = np.where(large, sm.divide(1.0, np.where(large, u, 1.0)), 0.0)
    slope = np.where(
        large,
        inverse * inverse / (1.0 + inverse * inverse),
        1.0 / (1.0 + np.where(large, 0.0, u) ** 2),
    )
    slope = np.where(np.isnan(u), np.nan, slope)
    curvature = sm.multiply(sm.multiply(-2.0, u), slope * slope) if need_second else None
    return np.arctan(u), slope, curvature


def _erf(u, need_first, need_second):
    slope = TWO_OVER_SQRT_PI * sm.exp(-sm.square(np.where(np.isnan(u), 0.0, u)))
    slope = np.where(np.isnan(u), np.nan, slope)
    curvature = None
    if need_second:
        curvature = sm.multiply(sm.multiply(-2.0, np.where(np.isinf(u), 0.0, u)), slope)
    return special.erf(u), slope, curvature


def _sigmoid(u, need_first, need_second):
    return special.sigmoid(u), special.sigmoid_slope(u), special.sigmoid_curvature(u)


def _softplus(u, need_first, need_second):
    return special.softplus(u), special.sigmoid(u), special.sigmoid_slope(u)


UNARY = {
    "exp": _exp,
    "log": _log,
    "log1p": _log1p,
    "sqrt": _sqrt,
    "abs": _abs,
    "sin": _sin,
    "cos": _cos,
    "tan": _tan,
    "tanh": _tanh,
    "sinh": _sinh,
    "cosh": _cosh,
    "arctan": _arctan,
    "erf": _erf,
    "sigmoid": _sigmoid,
    "softplus": _softplus,
    "relu": _relu,
}
# Functions of two or more arguments (min and max fold left over any number >= 2).
VARIADIC = ("min", "max")
WHERE = "where"
FUNCTION_NAMES = tuple(UNARY) + VARIADIC + (WHERE,)
CONSTANTS = {"pi": math.pi, "e": math.e}


def power(base: jets.Jet, exponent: jets.Jet) -> jets.Jet:
    """base ** exponent.

    A constant exponent p uses the power rule (p b^(p-1) b'), which works for a
    negative base and a whole p; an exponent that depends on x goes through
    exp(p log b), whose derivatives need b > 0 (NaN elsewhere, as PyTorch gives).
    """
    value = sm.power(base.value, exponent.value)
    if exponent.first is None and exponent.second is None:
        p = exponent.value

        def rule(u, need_first, need_second):
            slope = curvature = None
            if need_first:
                slope = _scaled(p, sm.power(u, p - 1.0))
            if need_second:
                curvature = _scaled(sm.multiply(p, p - 1.0), sm.power(u, p - 2.0))
            return value, slope, curvature

        return jets.chain(base, rule)
    logarithm = jets.chain(base, _log)
    result = jets.chain(jets.multiply(exponent, logarithm), _exp)
    return jets.Jet(value, result.first, result.second, result.order)


def _scaled(coefficient, values):
    """coefficient * values, exactly 0 where the coefficient is 0 (x**1 has x'' = 0 at 0)."""
    return np.where(coefficient == 0, 0.0, sm.multiply(coefficient, values))
