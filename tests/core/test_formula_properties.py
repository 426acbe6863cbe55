"""A custom function's properties, inferred by sampling, agree with the library's.

The built-in activations carry hand-written properties (monotonic, smooth,
bounded, zero-centred); the same curve typed as a formula must get the same
ones from :func:`infer_properties`, which only sees samples of f, f' and f''.
"""

import math

import numpy as np
import pytest

from actplay.core import activations as acts
from actplay.core.formula import make_custom_activation
from actplay.core.formula.properties import infer_properties

PROPERTIES = ("monotonic", "smooth", "bounded", "zero_centred")

# (built-in name, the same curve as a formula at the built-in's default parameters)
SAME_CURVE = [
    ("identity", "x"),
    ("binary_step", "where(x > 0, 1, 0)"),
    ("sigmoid", "1 / (1 + exp(-x))"),
    ("tanh", "tanh(x)"),
    ("softsign", "x / (1 + abs(x))"),
    ("relu", "relu(x)"),
    ("relu6", "min(max(x, 0), 6)"),
    ("leaky_relu", "where(x > 0, x, 0.01 * x)"),
    ("elu", "where(x > 0, x, exp(x) - 1)"),
    ("selu", "1.0507 * where(x > 0, x, 1.6733 * (exp(x) - 1))"),
    ("gelu", "x / 2 * (1 + erf(x / sqrt(2)))"),
    ("silu", "x * sigmoid(x)"),
    ("mish", "x * tanh(softplus(x))"),
    ("softplus", "softplus(x)"),
    ("hardsigmoid", "min(max(x / 6 + 0.5, 0), 1)"),
    ("hardtanh", "min(max(x, -1), 1)"),
    ("hardswish", "x * min(max(x + 3, 0), 6) / 6"),
    ("softshrink", "where(x > 0.5, x - 0.5, where(x < -0.5, x + 0.5, 0))"),
    ("hardshrink", "where(abs(x) > 0.5, x, 0)"),
    ("tanhshrink", "x - tanh(x)"),
    ("logsigmoid", "-softplus(-x)"),
    ("gaussian", "exp(-x**2)"),
    ("sine", "sin(x)"),
    ("arctan", "arctan(x)"),
    ("bent_identity", "(sqrt(x**2 + 1) - 1) / 2 + x"),
]


def known(activation) -> dict:
    """Property -> True/False, or None where it is unknown."""
    return {
        name: None if name in activation.unknown else bool(getattr(activation, name))
        for name in PROPERTIES
    }


@pytest.mark.parametrize(("name", "text"), SAME_CURVE, ids=[row[0] for row in SAME_CURVE])
def test_inferred_properties_match_the_library(name, text):
    builtin = acts.get(name)
    custom = make_custom_activation("mine", text)
    assert known(custom) == known(builtin)
    if builtin.bounded:
        # the sampled range is the built-in's, up to what sampling can reach
        np.testing.assert_allclose(custom.output_range, builtin.output_range, atol=1e-5)
    else:
        assert custom.output_range == (-math.inf, math.inf)


def test_the_library_covers_every_answer():
    # without both answers for every property the comparison above proves little
    for name in PROPERTIES:
        answers = {bool(getattr(acts.get(builtin), name)) for builtin, _ in SAME_CURVE}
        assert answers == {True, False}, name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a pole between two samples: found by bisection, it blows up
        ("1 / x", {"monotonic": False, "smooth": False, "bounded": False}),
        # a jump in f'' only (f and f' continuous)
        ("x * abs(x)", {"monotonic": True, "smooth": False, "bounded": False}),
        # a removable hole off the grid: smooth and bounded
        ("sin(x) / x", {"monotonic": False, "smooth": True, "bounded": True}),
        # grows like a logarithm: unbounded although it is slow
        ("log(1 + abs(x))", {"monotonic": False, "smooth": False, "bounded": False}),
        # overflows far out, still increasing and smooth
        ("exp(x)", {"monotonic": True, "smooth": True, "bounded": False}),
        # converges slowly (like 1/sqrt(x)) to 1 on both sides
        ("1 - 1 / sqrt(x**2 + 1)", {"monotonic": False, "smooth": True, "bounded": True}),
        # a tiny kink is still a kink
        ("1e-9 * relu(x)", {"monotonic": True, "smooth": False, "bounded": False}),
    ],
)
def test_inferred_properties_of_curves_with_traps(text, expected):
    custom = make_custom_activation("mine", text)
    assert {name: known(custom)[name] for name in expected} == expected


@pytest.mark.parametrize("text", ["log(x)", "sqrt(x)", "x**0.5 + x"])
def test_undefined_somewhere_leaves_what_cannot_be_decided_unknown(text):
    custom = make_custom_activation("mine", text)
    # increasing where defined and unbounded: only the unbounded answer is sure
    assert {"monotonic", "smooth", "zero_centred"} <= custom.unknown
    assert "bounded" not in custom.unknown and not custom.bounded


def test_properties_are_for_the_default_parameters():
    rising = make_custom_activation("lin", "a * x", {"a": (1.0, -2.0, 2.0)})
    falling = make_custom_activation("lin", "a * x", {"a": (-1.0, -2.0, 2.0)})
    assert rising.monotonic and not falling.monotonic


@pytest.mark.parametrize("kink", [7.3, -0.001, 1234.5])
def test_a_jump_in_the_second_derivative_alone_is_found_anywhere_in_range(kink):
    # f = (x - k)**2 right of k, 0 left of it: f and f' are continuous, f'' jumps 0 -> 2
    def evaluate(x):
        right = x > kink
        shifted = np.where(right, x - kink, 0.0)
        return shifted**2, 2 * shifted, np.where(right, 2.0, 0.0)

    found = infer_properties(evaluate)
    assert (found.monotonic, found.smooth, found.bounded) == (True, False, False)

    def parabola(x):
        return (x - kink) ** 2, 2 * (x - kink), np.full_like(x, 2.0)

    assert infer_properties(parabola).smooth is True


def test_a_preview_can_skip_the_sampling():
    quick = make_custom_activation("mine", "tanh(x)", infer=False)
    assert quick.unknown == set(PROPERTIES) and quick.output_range == (-math.inf, math.inf)
    assert float(quick(0.5)) == pytest.approx(np.tanh(0.5))
