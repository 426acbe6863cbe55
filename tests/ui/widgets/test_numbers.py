"""The one number formatter: its forms, and that what it writes reads back as the value."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from actplay.ui.widgets.numbers import (
    MINUS,
    format_number,
    format_percent,
    format_range,
    parse_number,
    tick_strings,
)


@pytest.mark.parametrize(
    ("value", "kwargs", "text"),
    [
        (0.5, {}, "0.50"),
        (-0.4, {}, "\u22120.40"),
        (-1234567.0, {}, "\u22121.23\u00d710\u2076"),
        (4.5412e-05, {}, "4.54\u00d710\u207b\u2075"),
        (-0.001, {}, "\u22121.00\u00d710\u207b\u00b3"),
        (-1e-9, {"decimals": 2}, "\u22121.00\u00d710\u207b\u2079"),
        (0.63412, {"significant": 3}, "0.634"),
        (12.3456, {"significant": 3}, "12.3"),
        (4.5412e-05, {"significant": 3}, "4.54\u00d710\u207b\u2075"),
        (0.0, {"significant": 3}, "0"),
        (-0.0001, {"decimals": 2}, "\u22121.00\u00d710\u207b\u2074"),
        (0.004, {"decimals": 2}, "4.00\u00d710\u207b\u00b3"),
        (float("-inf"), {}, "\u2212\u221e"),
    ],
)
def test_forms(value, kwargs, text):
    assert format_number(value, **kwargs) == text


def test_no_negative_zero_and_no_hyphen():
    assert format_number(-0.001, 1) != "-0.0"
    assert format_number(-1e-20, significant=2).startswith(MINUS)
    assert "-" not in format_number(-3.5) + format_number(-3e-7) + format_number(-3e9)


def test_ranges_and_percentages():
    assert format_range(0.0, 2.6871) == "0.00 \u00b1 2.69"
    assert format_percent(0.126) == "13 %"
    assert format_percent(1.0) == "100 %"


@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e300, max_value=1e300))
def test_significant_digits_read_back_within_their_precision(value):
    shown = parse_number(format_number(value, significant=4))
    assert shown == pytest.approx(value, rel=5e-4, abs=0 if value else 1e-300)


@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e6, max_value=1e6))
def test_decimals_read_back_within_half_a_last_digit(value):
    shown = parse_number(format_number(value, 3))
    if 1e-2 <= abs(value) < 1e4 or value == 0:
        assert abs(shown - value) <= 0.0005 + 1e-12
    else:
        assert shown == pytest.approx(value, rel=5e-3)


@pytest.mark.parametrize(
    ("values", "spacing", "texts"),
    [
        ([-5, 0, 5], 5, ["\u22125", "0", "5"]),
        ([-0.5, 0, 0.5], 0.5, ["\u22120.5", "0", "0.5"]),
        ([0.25, 0.5, 0.75], 0.25, ["0.25", "0.50", "0.75"]),
        ([0, 1e-5, 2e-5], 1e-5, ["0", "1\u00d710\u207b\u2075", "2\u00d710\u207b\u2075"]),
        ([1e-5, 1.5e-5], 5e-6, ["1.0\u00d710\u207b\u2075", "1.5\u00d710\u207b\u2075"]),
        ([0, 2e4, 4e4], 2e4, ["0", "2\u00d710\u2074", "4\u00d710\u2074"]),
    ],
)
def test_tick_labels_tell_neighbours_apart(values, spacing, texts):
    assert tick_strings(values, spacing) == texts
    shown = [parse_number(text) for text in texts]
    assert all(
        math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-15) for a, b in zip(shown, values, strict=True)
    )
