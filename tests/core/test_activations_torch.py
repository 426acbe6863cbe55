"""Every activation, its derivative and its second derivative against PyTorch (float64).

One autograd pass per function and parameter set: values, first derivative
(backward) and second derivative (double backward with create_graph=True) on a
dense grid, at every kink and next to it, and at extreme inputs.
"""

import math

import numpy as np
import pytest
import torch
import torch.nn.functional as F  # noqa: N812 (the PyTorch convention)

from actplay.core import activations as acts

RTOL = 1e-9
# Absolute slack for values that are zero in exact arithmetic: PyTorch's float64
# formulas (1 - sigmoid, 1 + tanh, x - tanh x) lose relative accuracy there.
ATOL = 1e-12

TORCH_REFERENCE = {
    "identity": lambda t: t * 1.0,
    "binary_step": lambda t: torch.heaviside(t, torch.zeros_like(t)),
    "sigmoid": torch.sigmoid,
    "tanh": torch.tanh,
    "softsign": F.softsign,
    "relu": F.relu,
    "relu6": F.relu6,
    "leaky_relu": lambda t, negative_slope: F.leaky_relu(t, negative_slope),
    "prelu": lambda t, weight: F.prelu(t, torch.tensor([weight], dtype=t.dtype)),
    "rrelu": lambda t, lower, upper: F.rrelu(t, lower, upper, training=False),
    "elu": lambda t, alpha: F.elu(t, alpha),
    "celu": lambda t, alpha: F.celu(t, alpha),
    "selu": F.selu,
    "gelu": F.gelu,
    "gelu_tanh": lambda t: F.gelu(t, approximate="tanh"),
    "silu": F.silu,
    "swish": lambda t, beta: t * torch.sigmoid(beta * t),
    "mish": F.mish,
    "softplus": lambda t, beta, threshold: F.softplus(t, beta, threshold),
    "hardsigmoid": F.hardsigmoid,
    "hardtanh": lambda t, min_val, max_val: F.hardtanh(t, min_val, max_val),
    "hardswish": F.hardswish,
    "threshold": lambda t, threshold, value: F.threshold(t, threshold, value),
    "softshrink": lambda t, lambd: F.softshrink(t, lambd),
    "hardshrink": lambda t, lambd: F.hardshrink(t, lambd),
    "tanhshrink": F.tanhshrink,
    "logsigmoid": F.logsigmoid,
    "gaussian": lambda t: torch.exp(-t * t),
    "sine": torch.sin,
    "arctan": torch.atan,
    "bent_identity": lambda t: (torch.hypot(t, torch.ones_like(t)) - 1.0) / 2.0 + t,
}

# Non-default parameters for every parametrised function (defaults are tested too).
OTHER_PARAMS = {
    "leaky_relu": [{"negative_slope": 0.2}, {"negative_slope": 0.0}],
    "prelu": [{"weight": 0.6}],
    "rrelu": [{"lower": 0.05, "upper": 0.4}],
    "elu": [{"alpha": 2.5}, {"alpha": 0.3}],
    # PyTorch rounds 1/alpha through float32 for celu: use alphas whose inverse is exact.
    "celu": [{"alpha": 0.25}, {"alpha": 2.0}],
    "swish": [{"beta": 2.5}, {"beta": 0.0}, {"beta": 0.4}],
    "softplus": [{"beta": 2.0, "threshold": 5.0}, {"beta": 0.5, "threshold": 3.0}],
    "hardtanh": [{"min_val": -2.0, "max_val": 0.5}],
    "threshold": [{"threshold": 0.5, "value": -1.0}, {"threshold": -1.5, "value": 2.0}],
    "softshrink": [{"lambd": 1.2}, {"lambd": 0.0}],
    "hardshrink": [{"lambd": 1.2}, {"lambd": 0.0}],
}

# Functions whose PyTorch derivative is missing or rounded: compared analytically below.
NO_TORCH_DERIVATIVE = {"binary_step"}
NO_TORCH_SECOND_DERIVATIVE = {"binary_step", "hardsigmoid"}

DENSE_GRID = np.linspace(-12.0, 12.0, 4801)
EXTREMES = np.array(
    [1e300, 1e200, 1e100, 1e20, 1e10, 1e4, 745.5, 700.0, 100.0, 40.0, 30.0, 20.0, 1e-8, 1e-300]
)
EXTREME_INPUTS = np.concatenate([EXTREMES, -EXTREMES, [0.0, -0.0]])


def kinks(name, params):
    """Every point where the function or its derivative jumps, for these parameters."""
    if name in {
        "relu",
        "leaky_relu",
        "prelu",
        "rrelu",
        "elu",
        "celu",
        "selu",
        "binary_step",
        "softsign",
    }:
        return [0.0]
    if name == "relu6":
        return [0.0, 6.0]
    if name in {"hardsigmoid", "hardswish"}:
        return [-3.0, 3.0]
    if name == "hardtanh":
        return [params["min_val"], params["max_val"]]
    if name in {"softshrink", "hardshrink"}:
        return [-params["lambd"], params["lambd"]]
    if name == "threshold":
        return [params["threshold"]]
    if name == "softplus":
        return [params["threshold"] / params["beta"]]
    return []


def test_every_activation_has_a_reference():
    assert set(TORCH_REFERENCE) == set(acts.names())


def test_every_parametrised_activation_has_non_default_cases():
    parametrised = {name for name in acts.names() if acts.get(name).params}
    assert parametrised == set(OTHER_PARAMS)


def sample_points(name, params):
    points = [DENSE_GRID, EXTREME_INPUTS]
    for kink in kinks(name, params):
        points.append(
            [
                kink,
                np.nextafter(kink, -np.inf),
                np.nextafter(kink, np.inf),
                kink - 1e-6,
                kink + 1e-6,
            ]
        )
    return np.concatenate([np.asarray(p, dtype=np.float64) for p in points])


def torch_derivatives(function, x, params, order=2):
    """f, f' and f'' (up to ``order``) from autograd; f'' is 0 where f' is constant."""
    t = torch.tensor(x, dtype=torch.float64, requires_grad=order > 0)
    y = function(t, **params)
    if order == 0:
        return y.detach().numpy(), None, None
    (slope,) = torch.autograd.grad(y.sum(), t, create_graph=order > 1)
    if order == 1:
        return y.detach().numpy(), slope.numpy(), None
    if slope.requires_grad:
        (curvature,) = torch.autograd.grad(slope.sum(), t)
    else:
        curvature = torch.zeros_like(t)
    return y.detach().numpy(), slope.detach().numpy(), curvature.numpy()


def with_limits_where_torch_overflows(reference, x, function, params):
    """Where PyTorch's own formula overflows (inf * 0 at huge |x|), use its value at +-700.

    Only far tails are patched, and only where the limit is reached by 700 already
    (the patched reference must itself be finite).
    """
    broken = ~np.isfinite(reference)
    if not broken.any():
        return reference
    assert np.all(np.abs(x[broken]) > 700), "PyTorch non-finite inside the ordinary range"
    limit_points = np.copysign(700.0, x[broken])
    patched = reference.copy()
    patched[broken] = function(limit_points)
    assert np.isfinite(patched).all()
    return patched


def cases():
    for name in acts.names():
        yield pytest.param(name, {}, id=f"{name}-defaults")
        for index, params in enumerate(OTHER_PARAMS.get(name, [])):
            yield pytest.param(name, params, id=f"{name}-params{index}")


@pytest.mark.parametrize(("name", "params"), list(cases()))
def test_against_torch_autograd(name, params):
    activation = acts.get(name)
    resolved = activation.resolve_params(params)
    x = sample_points(name, resolved)
    reference = TORCH_REFERENCE[name]
    order = 0 if name in NO_TORCH_DERIVATIVE else 1 if name in NO_TORCH_SECOND_DERIVATIVE else 2
    ref_f, ref_df, ref_d2f = torch_derivatives(reference, x, resolved, order)

    def torch_at(kind):
        return lambda points: torch_derivatives(reference, points, resolved, kind)[kind]

    ref_f = with_limits_where_torch_overflows(ref_f, x, torch_at(0), params)
    if order >= 1:
        ref_df = with_limits_where_torch_overflows(ref_df, x, torch_at(1), params)
    if order == 2:
        ref_d2f = with_limits_where_torch_overflows(ref_d2f, x, torch_at(2), params)

    values = activation(x, **params)
    np.testing.assert_allclose(values, ref_f, rtol=RTOL, atol=ATOL, err_msg=f"{name} f")
    if name not in NO_TORCH_DERIVATIVE:
        slope = activation.derivative(x, **params)
        tolerance = 1e-7 if name == "hardsigmoid" else RTOL  # PyTorch's 1/6 is float32
        np.testing.assert_allclose(slope, ref_df, rtol=tolerance, atol=ATOL, err_msg=f"{name} f'")
    if name not in NO_TORCH_SECOND_DERIVATIVE:
        curvature = activation.second_derivative(x, **params)
        np.testing.assert_allclose(curvature, ref_d2f, rtol=RTOL, atol=ATOL, err_msg=f"{name} f''")


def test_binary_step_derivatives_are_zero_everywhere():
    step = acts.get("binary_step")
    x = sample_points("binary_step", {})
    assert np.array_equal(step.derivative(x), np.zeros_like(x))
    assert np.array_equal(step.second_derivative(x), np.zeros_like(x))


def test_hardsigmoid_slope_is_exactly_one_sixth_and_curvature_zero():
    hard = acts.get("hardsigmoid")
    x = sample_points("hardsigmoid", {})
    inside = (x > -3) & (x < 3)
    slope = hard.derivative(x)
    assert np.all(slope[inside] == 1.0 / 6.0)
    assert np.all(slope[~inside] == 0.0)
    assert np.array_equal(hard.second_derivative(x), np.zeros_like(x))
    # The exact slope is what autograd would give without float32 rounding.
    _, torch_slope, _ = torch_derivatives(F.hardsigmoid, np.array([0.5]), {}, order=1)
    assert torch_slope[0] == pytest.approx(1.0 / 6.0, rel=1e-7)
    assert torch_slope[0] != 1.0 / 6.0


def test_softmax_matches_torch_for_extreme_logits():
    logits = np.array(
        [[1e4, -1e4, 0.0, 1e4 - 1.0], [-1e4, -1e4, -1e4, -1e4], [3.0, 1.0, -2.0, 0.5]]
    )
    probabilities = acts.softmax(logits)
    assert np.isfinite(probabilities).all()
    np.testing.assert_allclose(probabilities.sum(axis=-1), 1.0, rtol=1e-15)
    expected = torch.softmax(torch.tensor(logits, dtype=torch.float64), dim=-1).numpy()
    np.testing.assert_allclose(probabilities, expected, rtol=1e-12, atol=1e-300)
    columns = acts.softmax(logits, axis=0)
    expected_columns = torch.softmax(torch.tensor(logits), dim=0).numpy()
    np.testing.assert_allclose(columns, expected_columns, rtol=1e-12, atol=1e-300)


def test_gelu_uses_exact_erf():
    x = np.linspace(-8.0, 8.0, 1601)
    expected = np.array([v * 0.5 * math.erfc(-v / math.sqrt(2.0)) for v in x])
    np.testing.assert_allclose(acts.get("gelu")(x), expected, rtol=2e-15, atol=1e-300)
