"""Warning-free float64 arithmetic for user formulas.

A user's formula can combine anything: ``exp(x) * exp(x)`` overflows, ``inf - inf``
is undefined, ``log(x)`` has no value for x <= 0. numpy would warn in each case;
the playground must not (pytest runs with ``filterwarnings = error`` and a warning
in the GUI is noise). Every helper here decides which elements are safe *before*
computing (by comparing binary exponents from ``np.frexp``), computes only those
with the ufunc's ``where=`` argument, and fills the others with the IEEE result
(``inf`` with the right sign, or NaN). Nothing is muted with ``np.errstate``.
"""

from __future__ import annotations

import numpy as np

# Binary exponents as np.frexp reports them: |v| = m * 2**e with 0.5 <= m < 1.
# A product m_a*m_b*2**(e_a+e_b) is below 2**1024 (so finite) whenever e_a + e_b <= 1024.
_MAX_EXPONENT = 1024
_EXP_OVERFLOW = 709.0  # exp(709) ~ 8e307 is finite; above ~709.78 it is not
_HYPERBOLIC_OVERFLOW = 709.0  # sinh/cosh(u) ~ exp(|u|)/2


def as_array(value) -> np.ndarray:
    """``value`` as a float64 array (0-d for a scalar)."""
    return np.asarray(value, dtype=np.float64)


def _exponent(value: np.ndarray) -> np.ndarray:
    return np.frexp(value)[1].astype(np.int64)


def _masked(ufunc, a: np.ndarray, b: np.ndarray, ok: np.ndarray, fill: np.ndarray) -> np.ndarray:
    """``ufunc(a, b)`` where ``ok``, ``fill`` elsewhere, computing only the ok elements."""
    out = np.array(np.broadcast_to(fill, ok.shape), dtype=np.float64)
    ufunc(a, b, out=out, where=ok)
    return out


def add(a, b) -> np.ndarray:
    """a + b; overflow gives +-inf, inf - inf gives NaN, without warnings."""
    a, b = as_array(a), as_array(b)
    finite = np.isfinite(a) & np.isfinite(b)
    ok = finite & (np.maximum(_exponent(a), _exponent(b)) < _MAX_EXPONENT)
    # Non-finite operands: an inf wins over a finite number, opposite infs cancel to NaN.
    opposite = np.isinf(a) & np.isinf(b) & (np.sign(a) != np.sign(b))
    fill = np.where(np.isfinite(a), b, a)
    fill = np.where(opposite | np.isnan(a) | np.isnan(b), np.nan, fill)
    # Two large finite numbers: halve first (exact), then see whether the sum fits.
    large = finite & ~ok
    if np.any(large):
        half = _masked(np.add, a * 0.5, b * 0.5, large, np.zeros(()))
        # 2 * half is exact, so the sum is finite exactly when |half| <= max / 2.
        fits = np.abs(half) <= np.finfo(np.float64).max / 2
        fill = np.where(
            large, np.where(fits, half * np.where(fits, 2.0, 0.0), np.copysign(np.inf, half)), fill
        )
    return _masked(np.add, a, b, ok, fill)


def subtract(a, b) -> np.ndarray:
    """a - b (see :func:`add`)."""
    return add(a, -as_array(b))


def multiply(a, b) -> np.ndarray:
    """a * b; overflow gives +-inf, 0 * inf gives NaN, without warnings."""
    a, b = as_array(a), as_array(b)
    finite = np.isfinite(a) & np.isfinite(b)
    exponents = _exponent(a) + _exponent(b)
    ok = finite & (exponents <= _MAX_EXPONENT)
    sign = np.sign(a) * np.sign(b)  # NaN where either is NaN
    zero_times_inf = ((a == 0) & np.isinf(b)) | ((b == 0) & np.isinf(a))
    fill = np.where(zero_times_inf, np.nan, np.copysign(np.inf, sign))
    fill = np.where(np.isnan(sign), np.nan, fill)
    # One exponent past the bound the mantissas decide (1 * max is max): halve a first
    # (exact, a is far from subnormal here), then the product is finite exactly when
    # |half| <= max / 2. Two or more past it, m_a * m_b >= 1/4 makes it overflow.
    border = finite & (exponents == _MAX_EXPONENT + 1)
    if np.any(border):
        half = _masked(np.multiply, a * 0.5, b, border, np.zeros(()))
        fits = border & (np.abs(half) <= np.finfo(np.float64).max / 2)
        fill = np.where(fits, half * np.where(fits, 2.0, 0.0), fill)
    return _masked(np.multiply, a, b, ok, fill)


def divide(a, b) -> np.ndarray:
    """a / b; division by zero and inf / inf give NaN, overflow gives +-inf, no warnings."""
    a, b = as_array(a), as_array(b)
    finite = np.isfinite(a) & np.isfinite(b) & (b != 0)
    mant_a, exp_a = np.frexp(np.abs(a))
    mant_b, exp_b = np.frexp(np.abs(b))
    gap = exp_a.astype(np.int64) - exp_b.astype(np.int64)
    # |a/b| = (m_a/m_b) * 2**gap with 0.5 < m_a/m_b < 2: finite below gap 1024, or at
    # gap 1024 when m_a < m_b.
    ok = finite & ((gap < _MAX_EXPONENT) | ((gap == _MAX_EXPONENT) & (mant_a < mant_b)))
    sign = np.sign(a) * np.sign(b)
    fill = np.where(np.isfinite(b) & (b != 0) & np.isinf(a), np.copysign(np.inf, sign), np.nan)
    fill = np.where(np.isfinite(a) & np.isinf(b), np.copysign(0.0, sign), fill)
    fill = np.where(finite & ~ok, np.copysign(np.inf, sign), fill)
    fill = np.where(np.isnan(sign), np.nan, fill)
    return _masked(np.divide, a, b, ok, fill)


def square(a) -> np.ndarray:
    """a * a without overflow warnings."""
    return multiply(a, a)


def unary(function, u: np.ndarray, ok: np.ndarray, fill) -> np.ndarray:
    """``function(u)`` where ``ok`` (evaluated on a safe stand-in elsewhere), else ``fill``."""
    safe = np.where(ok, u, 0.5)  # 0.5 lies in every function's domain used here
    return np.where(ok, function(safe), fill)


def exp(u) -> np.ndarray:
    """e**u; +inf above the overflow point, NaN for NaN."""
    u = as_array(u)
    big = u > _EXP_OVERFLOW
    clipped = np.where(big | np.isnan(u), 0.0, np.maximum(u, -800.0))
    value = np.exp(clipped)
    # Between 709 and 709.78 exp is still finite: compute it as exp(u - 1) * e.
    near = big & (u <= _EXP_OVERFLOW + 0.78)
    value = np.where(near, np.exp(np.where(near, u, 1.0) - 1.0) * np.e, value)
    value = np.where(big & ~near, np.inf, value)
    return np.where(np.isnan(u), np.nan, value)


def cosh(u) -> np.ndarray:
    """cosh(u); +inf where it overflows."""
    u = as_array(u)
    ok = np.abs(u) <= _HYPERBOLIC_OVERFLOW
    return unary(np.cosh, u, ok, np.where(np.isnan(u), np.nan, np.inf))


def sinh(u) -> np.ndarray:
    """sinh(u); +-inf where it overflows."""
    u = as_array(u)
    ok = np.abs(u) <= _HYPERBOLIC_OVERFLOW
    return unary(np.sinh, u, ok, np.where(np.isnan(u), np.nan, np.copysign(np.inf, u)))


def is_integer(p: np.ndarray) -> np.ndarray:
    """True where ``p`` is a finite whole number."""
    finite = np.isfinite(p)
    return finite & (np.where(finite, p, 0.0) == np.round(np.where(finite, p, 0.0)))


def power(base, exponent) -> np.ndarray:
    """base ** exponent elementwise, following IEEE ``pow`` without warnings.

    A negative base needs a whole exponent (else NaN); 0 to a negative power is
    +inf; results too large for float64 are +-inf.
    """
    a, p = np.broadcast_arrays(as_array(base), as_array(exponent))
    whole = is_integer(p)
    odd = whole & (np.abs(np.fmod(np.where(whole, p, 0.0), 2.0)) == 1.0)
    negative_sign = np.where((a < 0) & odd, -1.0, 1.0)
    regular = np.isfinite(a) & np.isfinite(p) & (a != 0) & ((a > 0) | whole)
    # log2 of the result's magnitude decides overflow before np.power sees the element.
    log_magnitude = np.log2(np.where(regular, np.abs(a), 1.0))
    size = multiply(np.where(regular, p, 0.0), log_magnitude)
    ok = regular & (size < 1023.99)
    fill = negative_sign * np.inf  # regular elements that overflow
    # Edge cases, as C's pow: zero base, infinite base or exponent, NaN.
    zero_fill = np.where(p > 0, 0.0, np.where(p == 0, 1.0, np.inf))
    fill = np.where(a == 0, zero_fill, fill)
    inf_base = np.where(p > 0, negative_sign * np.inf, np.where(p == 0, 1.0, 0.0))
    fill = np.where(np.isinf(a), inf_base, fill)
    inf_exponent = np.where(np.abs(a) == 1, 1.0, np.where((np.abs(a) > 1) == (p > 0), np.inf, 0.0))
    fill = np.where(np.isinf(p) & np.isfinite(a), inf_exponent, fill)
    fill = np.where((a < 0) & ~whole & np.isfinite(a), np.nan, fill)
    fill = np.where(np.isnan(a) | np.isnan(p), np.nan, fill)
    fill = np.where(p == 0, 1.0, fill)
    return _masked(np.power, a, p, ok, fill)
