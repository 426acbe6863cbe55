"""Formulas typed as text equal the library's built-in activations, derivatives included.

The built-ins are checked against PyTorch elsewhere; here they are the
independent reference for the formula evaluator (different code: hand-written
derivatives vs forward-mode automatic differentiation).
"""

import numpy as np
import pytest

from actplay.core import activations as acts
from actplay.core.formula import Formula, FormulaError, make_custom_activation

GRID = np.concatenate([np.linspace(-8.0, 8.0, 801), [-1e-9, 0.0, 1e-9, -30.0, 30.0]])

# (built-in name, built-in params, formula, formula params)
EQUIVALENT = [
    ("mish", {}, "x * tanh(softplus(x))", {}),
    ("elu", {"alpha": 0.7}, "where(x > 0, x, a * (exp(x) - 1))", {"a": 0.7}),
    ("softsign", {}, "x / (1 + abs(x))", {}),
    ("swish", {"beta": 1.7}, "x * sigmoid(b * x)", {"b": 1.7}),
    ("gelu", {}, "x / 2 * (1 + erf(x / sqrt(2)))", {}),
    ("sigmoid", {}, "1 / (1 + exp(-x))", {}),
    ("tanh", {}, "(exp(x) - exp(-x)) / (exp(x) + exp(-x))", {}),
    ("relu", {}, "relu(x)", {}),
    ("leaky_relu", {"negative_slope": 0.1}, "where(x > 0, x, s * x)", {"s": 0.1}),
]


def _spec(params):
    return {name: (value, -10.0, 10.0) for name, value in params.items()}


@pytest.mark.parametrize(
    ("name", "params", "text", "formula_params"), EQUIVALENT, ids=[row[0] for row in EQUIVALENT]
)
def test_formula_equals_builtin(name, params, text, formula_params):
    builtin = acts.get(name)
    custom = make_custom_activation(f"my_{name}", text, _spec(formula_params))
    x = GRID[np.abs(GRID) < 20] if name in ("sigmoid", "tanh") else GRID
    for kind in ("__call__", "derivative", "second_derivative"):
        expected = getattr(builtin, kind)(x, **params)
        got = getattr(custom, kind)(x, **formula_params)
        if kind == "second_derivative" and name == "elu":
            # At the kink the library reports f'' = 0; where() takes the selected
            # (left) branch's a * exp(0), as torch.where's double backward does.
            assert float(custom.second_derivative(0.0, **formula_params)) == 0.7
            expected, got = expected[x != 0], got[x != 0]
        np.testing.assert_allclose(got, expected, rtol=1e-9, atol=1e-12, err_msg=kind)


def test_relu_via_max_takes_half_slope_at_the_tie_like_torch_maximum():
    # torch.maximum(x, 0) has gradient 1/2 at x = 0; F.relu has 0. Both are followed.
    via_max = make_custom_activation("m", "max(x, 0)")
    via_relu = make_custom_activation("r", "relu(x)")
    assert float(via_max.derivative(0.0)) == 0.5
    assert float(via_relu.derivative(0.0)) == 0.0
    assert float(make_custom_activation("a", "abs(x)").derivative(0.0)) == 0.0


def test_custom_activation_metadata_and_parameters():
    act = make_custom_activation(
        "gauss", "exp(-(x / w)**2)", {"w": (1.0, 0.1, 5.0, 0.5, 2.0)}, title="Gaussian bump"
    )
    assert act.group == "Custom" and act.title == "Gaussian bump"
    assert "exp(-(x / w)**2)" in act.formula and "user-defined" in act.description
    assert act.defaults == {"w": 1.0} and act.slider_ranges == {"w": (0.5, 2.0)}
    assert float(act(1.0, w=2.0)) == pytest.approx(np.exp(-0.25))
    with pytest.raises(ValueError, match="w"):
        act(0.0, w=10.0)
    assert act(np.float32(1.0)).dtype == np.float32


@pytest.mark.parametrize(
    "params",
    [
        {"x": (1, 0, 2)},
        {"exp": (1, 0, 2)},
        {"_a": (1, 0, 2)},
        {"pi": (1, 0, 2)},
        {"a": (5, 0, 2)},
        {"a b": (1, 0, 2)},
    ],
)
def test_bad_parameters_are_refused(params):
    with pytest.raises(FormulaError):
        make_custom_activation("f", "x", params)


def test_undefined_regions_are_nan_and_nothing_warns():
    # pytest turns every warning into an error: these must stay silent.
    x = np.array([-np.inf, -1e308, -2.0, -1.0, 0.0, 1e-320, 1.0, 1e308, np.inf, np.nan])
    for text in (
        "log(x)",
        "sqrt(x)",
        "1 / x",
        "x / x",
        "exp(x) * exp(x)",
        "x**x",
        "x**0.5",
        "log1p(x)",
        "tan(x) + sin(x) * cos(x)",
        "sinh(x) * cosh(x)",
        "x**-3",
        "exp(x) - exp(x)",
        "arctan(x) * x * x",
        "erf(x) * x**3",
        "(-x)**x",
    ):
        formula = Formula(text)
        value, slope, curvature = formula.evaluate(x)
        assert value.shape == slope.shape == curvature.shape == x.shape, text
    value, slope, _ = Formula("log(x)").evaluate(np.array([-1.0, 0.0, np.e]))
    assert np.isnan(value[:2]).all() and value[2] == pytest.approx(1.0)
    assert np.isnan(slope[:2]).all() and slope[2] == pytest.approx(1 / np.e)


def test_overflow_gives_infinity_with_the_right_sign():
    value = Formula("-exp(x) * exp(x)").evaluate(np.array([400.0]))[0]
    assert value[0] == -np.inf
    assert Formula("x * 1e9 * 1e9").evaluate(np.array([1e300]))[0][0] == np.inf
    assert Formula("(x**2)**0.5").evaluate(np.array([-3.0]))[0][0] == pytest.approx(3.0)
    assert Formula("x**3").evaluate(np.array([-2.0]))[1][0] == pytest.approx(12.0)
