"""The one number formatter of the window: plain decimals in the usual range,
``mantissa×10ⁿ`` for very large or very small magnitudes, a real minus sign."""

from __future__ import annotations

import math

DECIMALS = 2  # digits after the point: enough to follow the sum by eye
FIXED_MIN, FIXED_MAX = 1e-2, 1e4  # magnitudes printed as plain decimals; others as a×10ⁿ
MINUS = "\u2212"  # a real minus sign: wider than a hyphen, lines up with "+"
SUPERSCRIPTS = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")  # exponents of a×10ⁿ


def format_number(value: float, decimals: int = DECIMALS) -> str:
    """Format a number for the equation and the bar labels: plain decimals in the
    usual range, ``mantissa×10ⁿ`` for very large or very small magnitudes.

    Parameters
    ----------
    value : float
        The number; may be ±inf or nan (shown as such).
    decimals : int
        Digits after the point (of the mantissa in scientific form).

    Returns
    -------
    str
        Plain text (no markup, so labels and tooltips can use it too) with a real
        minus sign.

    Examples
    --------
    >>> format_number(0.5)
    '0.50'
    >>> format_number(-1234567.0)
    '−1.23×10⁶'
    """
    value = float(value)
    if math.isnan(value):
        return "nan"
    if math.isinf(value):
        return ("" if value > 0 else MINUS) + "\u221e"
    magnitude = abs(value)
    if value == 0 or FIXED_MIN <= magnitude < FIXED_MAX:
        text = f"{value:.{decimals}f}"
        # Rounding can reach the scientific range (9999.999 -> "10000.00"); that is fine.
        if float(text) == 0:
            text = f"{0.0:.{decimals}f}"  # no "-0.00"
        return text.replace("-", MINUS)
    mantissa, exponent = f"{value:.{decimals}e}".split("e")
    exponent_text = str(int(exponent)).translate(SUPERSCRIPTS)
    return f"{mantissa.replace('-', MINUS)}\u00d710{exponent_text}"
