"""The one number formatter of the window: plain decimals in the usual range,
``mantissa×10ⁿ`` for very large or very small magnitudes, a real minus sign.

Every label, table, readout and axis tick goes through `format_number` (ticks
through `tick_strings`), so the same value reads the same everywhere: the
neuron's output is "0.63" in the equation, on the curve plot and in a tooltip.
"""

from __future__ import annotations

import math

DECIMALS = 2  # digits after the point: enough to follow the sum by eye
FIXED_MIN, FIXED_MAX = 1e-2, 1e4  # magnitudes printed as plain decimals; others as a×10ⁿ
MINUS = "\u2212"  # a real minus sign: wider than a hyphen, lines up with "+"
TIMES_TEN = "\u00d710"
SUPERSCRIPTS = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")  # exponents of a×10ⁿ


def format_number(value: float, decimals: int = DECIMALS, *, significant: int | None = None) -> str:
    """Format a number for a label, a table cell, a readout or a tooltip.

    Parameters
    ----------
    value : float
        The number; may be ±inf or nan (shown as such).
    decimals : int
        Digits after the point (of the mantissa in scientific form). Ignored when
        ``significant`` is given.
    significant : int, optional
        Significant digits instead of fixed decimals, for values whose size varies
        (a readout under the mouse, a gradient of 10⁻⁵): ``0.634``, ``12.3``,
        ``4.54×10⁻⁵``. Whole digits are never dropped: 1234.5 reads ``1235``.

    Returns
    -------
    str
        Plain text (no markup, so labels and tooltips can use it too) with a real
        minus sign; scientific form for magnitudes outside ``FIXED_MIN..FIXED_MAX``.

    Examples
    --------
    >>> format_number(0.5)
    '0.50'
    >>> format_number(-1234567.0)
    '−1.23×10⁶'
    >>> format_number(0.63412, significant=3)
    '0.634'
    >>> format_number(4.5412e-05, significant=3)
    '4.54×10⁻⁵'
    """
    value = float(value)
    if math.isnan(value):
        return "nan"
    if math.isinf(value):
        return ("" if value > 0 else MINUS) + "\u221e"
    magnitude = abs(value)
    if significant is not None and value == 0:
        return "0"
    if significant is not None:
        if significant < 1:
            raise ValueError(f"significant must be at least 1, got {significant}")
        decimals = significant - 1
        if FIXED_MIN <= magnitude < FIXED_MAX:
            decimals = max(0, significant - 1 - math.floor(math.log10(magnitude)))
    if value == 0 or FIXED_MIN <= magnitude < FIXED_MAX:
        text = f"{value:.{decimals}f}"
        # Rounding can reach the scientific range (9999.999 -> "10000.00"); that is fine.
        if float(text) == 0:
            text = f"{0.0:.{decimals}f}"  # no "-0.00"
        return text.replace("-", MINUS)
    mantissa, exponent = f"{value:.{decimals}e}".split("e")
    return f"{mantissa.replace('-', MINUS)}{TIMES_TEN}{superscript(int(exponent))}"


def superscript(exponent: int) -> str:
    """``-5`` as ``⁻⁵``: the exponent of a×10ⁿ."""
    return str(int(exponent)).translate(SUPERSCRIPTS)


def format_range(mean: float, spread: float, decimals: int = DECIMALS) -> str:
    """``mean ± spread`` in the house form, e.g. ``0.00 ± 2.69``."""
    return f"{format_number(mean, decimals)} \u00b1 {format_number(spread, decimals)}"


def format_percent(fraction: float) -> str:
    """A fraction as a whole percentage: ``0.125`` -> ``13 %``."""
    return f"{format_number(100.0 * fraction, 0)} %"


def tick_strings(values, spacing: float) -> list[str]:
    """Axis tick labels in the house form: as many decimals as the tick spacing needs.

    Used by every plot axis (`actplay.ui.theme.style_plot`), so an axis reads
    ``−0.5 0 0.5`` and ``2×10⁻⁵``, like the labels beside it, not ``-5e-06``.
    """
    spacing = abs(float(spacing))
    largest = max((abs(float(v)) for v in values), default=0.0)
    if spacing == 0 or not math.isfinite(spacing):
        return [format_number(v, significant=3) for v in values]
    if largest >= FIXED_MAX or largest < FIXED_MIN:
        # Scientific: enough mantissa digits to tell neighbouring ticks apart.
        digits = max(1, math.floor(math.log10(largest or 1)) - math.floor(math.log10(spacing)) + 1)
        return ["0" if v == 0 else format_number(v, significant=digits) for v in values]
    decimals = max(0, -math.floor(math.log10(spacing) + 1e-9))
    while decimals < 12 and abs(round(spacing, decimals) - spacing) > 1e-9 * spacing:
        decimals += 1  # 0.25 needs two decimals, though 0.2 needs one
    return ["0" if v == 0 else format_number(v, decimals) for v in values]


FROM_SUPERSCRIPTS = str.maketrans("⁻⁰¹²³⁴⁵⁶⁷⁸⁹", "-0123456789")


def parse_number(text: str) -> float:
    """Read back what `format_number` wrote (``−4.54×10⁻⁵``, ``0.63``, ``−∞``).

    Raises
    ------
    ValueError
        When ``text`` is not a number in that form.
    """
    text = text.strip().replace(MINUS, "-").replace("\u221e", "inf")
    if TIMES_TEN in text:
        mantissa, exponent = text.split(TIMES_TEN, 1)
        text = f"{mantissa}e{exponent.translate(FROM_SUPERSCRIPTS)}"
    return float(text)
