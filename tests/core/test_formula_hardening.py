"""Classes of formula input that once escaped as raw Python errors, warnings or wrong infs.

Each test covers a class, not the one case that found it: constant folding that
overflows, overflowing powers and NaN arguments that made numpy warn (pytest turns
any warning into an error), and exact products and sums at the float maximum. The
reference for the arithmetic is Python's own float ``*`` and ``+``, which round
the same way and overflow to inf silently.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from actplay.core.formula import FormulaError, make_custom_activation
from actplay.core.formula import safe_math as sm

MAX = float(np.finfo(np.float64).max)
EDGES = np.array([-MAX, -1e308, -1e300, -6.0, -1.0, 0.0, 5e-324, 1.0, 6.0, 1e300, 1e308, MAX])


@pytest.mark.parametrize(
    "text",
    [
        "(1e-300) ** (-3) * x",  # a tiny base to a negative power is huge
        "1e-9 ** -40 + x",
        "0.5 ** -2000 * x",
        "x * 1" + "0" * 400,  # an int literal too large to become a float
        "x + " + "9" * 30,
        "10 ** 400 * x",
    ],
)
def test_constant_folding_refuses_what_overflows_with_a_formula_error(text):
    with pytest.raises(FormulaError):
        make_custom_activation("f", text)


@pytest.mark.parametrize("text", ["(1e-3) ** (-3) * x", "2 ** -1000 + x", "x * 10 ** 300"])
def test_constant_folding_keeps_what_fits(text):
    function = make_custom_activation("f", text)
    assert np.all(np.isfinite(function(np.array([-1.0, 0.0, 1.0]))))


@pytest.mark.parametrize(
    "text",
    [
        "x ** (-1 / 1e-300)",  # a constant exponent whose p (p - 1) overflows
        "abs(x) ** (1 / 1e-300)",
        "sin(x * x) ** (-1 / 1e-300) + x",
        "softplus(log(-1)) + x",  # NaN into softplus
        "softplus(x * 1e9) * exp(x)",
        "exp(x) ** (x * 1e9)",
    ],
)
def test_overflowing_powers_and_nan_arguments_evaluate_without_warnings(text):
    function = make_custom_activation("f", text)
    for evaluate in (function, function.derivative, function.second_derivative):
        evaluate(EDGES)  # any numpy warning fails the test (filterwarnings = error)


@pytest.mark.parametrize("text", ["x", "x * 1", "1 * x", "x + 0", "x - 0", "1.0 * x * 1.0"])
def test_the_identity_stays_finite_up_to_the_float_maximum(text):
    values = make_custom_activation("f", text)(EDGES)
    np.testing.assert_array_equal(values, EDGES)


@pytest.mark.parametrize("scale", [0.5, 0.25, 1 / 3, -1.0, 0.9999999])
def test_a_scaling_of_x_matches_float_multiplication_at_the_maximum(scale):
    values = make_custom_activation("f", f"{scale!r} * x")(EDGES)
    np.testing.assert_array_equal(values, [scale * float(value) for value in EDGES])


finite_floats = st.floats(allow_nan=False, allow_infinity=False)
large_floats = st.floats(min_value=1e150, max_value=MAX) | st.floats(
    min_value=-MAX, max_value=-1e150
)


@given(finite_floats | large_floats, finite_floats | large_floats)
def test_safe_multiply_and_add_round_as_python_floats(a, b):
    assert sm.multiply(a, b) == a * b
    assert sm.add(a, b) == a + b


@given(st.floats(min_value=0.5, max_value=2.0), st.floats(min_value=MAX / 2, max_value=MAX))
def test_safe_multiply_at_the_border_of_overflow(a, b):
    assert sm.multiply(a, b) == a * b
    assert sm.multiply(-b, a) == -b * a
