"""Formula derivatives against PyTorch autograd (first and double backward, float64)."""

import numpy as np
import pytest
import torch
import torch.nn.functional as F  # noqa: N812 (the PyTorch convention)

from actplay.core.formula import Formula

# formula text -> the same function written with torch operations
CASES = {
    "exp(x) * sin(x) + cos(2 * x)": lambda t: torch.exp(t) * torch.sin(t) + torch.cos(2 * t),
    "log(1 + x**2) / (2 + tanh(x))": lambda t: torch.log(1 + t**2) / (2 + torch.tanh(t)),
    "log1p(exp(x)) - sqrt(x**2 + 1)": lambda t: torch.log1p(torch.exp(t)) - torch.sqrt(t**2 + 1),
    "arctan(3 * x) * erf(x / 2)": lambda t: torch.atan(3 * t) * torch.erf(t / 2),
    "sigmoid(x) * softplus(-x) + relu(x - 0.3)": lambda t: (
        torch.sigmoid(t) * F.softplus(-t) + F.relu(t - 0.3)
    ),
    "sinh(x / 3) * cosh(x / 4) - tan(x / 5)": lambda t: (
        torch.sinh(t / 3) * torch.cosh(t / 4) - torch.tan(t / 5)
    ),
    "abs(x - 0.25) ** 1.5 + min(x, 2 * x) - max(x**2, 1)": lambda t: (
        torch.abs(t - 0.25) ** 1.5
        + torch.minimum(t, 2 * t)
        - torch.maximum(t**2, torch.ones_like(t))
    ),
    # (torch.where's backward turns a NaN in the unselected branch into NaN: keep both finite)
    "where(x < 0.5, x**3 - x, sin(x) / (x + 4))": lambda t: torch.where(
        t < 0.5, t**3 - t, torch.sin(t) / (t + 4)
    ),
    "where(-1 < x <= 1, x**2, abs(x))": lambda t: torch.where(
        (-1 < t) & (t <= 1), t**2, torch.abs(t)
    ),
    "(x**2 + 1) ** (x / 3)": lambda t: (t**2 + 1) ** (t / 3),
    "x / (1 + abs(x)) ** 2 + pi * e": lambda t: t / (1 + torch.abs(t)) ** 2 + np.pi * np.e,
    "-x ** 4 / 24 + +x": lambda t: -(t**4) / 24 + t,
}
# includes the kinks: 0 (abs, min), 0.25 (abs), 0.3 (relu), 0.5 (where), 1 (max tie)
X = np.concatenate([np.linspace(-3.0, 3.0, 121), [0.0, 0.25, 0.3, 0.5, 1.0, -1.0]])


def _torch_derivatives(function, x):
    t = torch.tensor(x, dtype=torch.float64, requires_grad=True)
    y = function(t)
    (first,) = torch.autograd.grad(y.sum(), t, create_graph=True)
    (second,) = torch.autograd.grad(first.sum(), t)
    return y.detach().numpy(), first.detach().numpy(), second.numpy()


@pytest.mark.parametrize("text", list(CASES))
def test_value_and_derivatives_match_autograd(text):
    expected = _torch_derivatives(CASES[text], X)
    got = Formula(text).evaluate(X)
    for kind, want, have in zip(("f", "f'", "f''"), expected, got, strict=True):
        np.testing.assert_allclose(have, want, rtol=1e-9, atol=1e-11, err_msg=f"{text}: {kind}")


def test_parameters_are_constants_for_the_derivative():
    a = 0.7
    expected = _torch_derivatives(lambda t: t * torch.sigmoid(a * t) + a**2, X)
    got = Formula("x * sigmoid(a * x) + a**2", ("a",)).evaluate(X, {"a": a})
    for want, have in zip(expected, got, strict=True):
        np.testing.assert_allclose(have, want, rtol=1e-9, atol=1e-12)


def test_sqrt_at_zero_has_infinite_slope_like_torch():
    _, torch_slope, _ = _torch_derivatives(torch.sqrt, np.array([0.0]))
    _, slope, _ = Formula("sqrt(x)").evaluate(np.array([0.0]))
    assert slope[0] == torch_slope[0] == np.inf
