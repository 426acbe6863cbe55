"""Activation functions for scripts: look one up, bind its parameters, evaluate it."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from actplay.core import activations as acts


class BoundActivation:
    """An activation function with its parameters fixed.

    Calling it gives f(x); `derivative` and `second_derivative` give f'(x) and
    f''(x), exact (analytic, or automatic differentiation for a formula), with
    PyTorch's values at kinks. ``x`` is a number or an array of any shape.

    Attributes
    ----------
    name, title : str
    params : dict
        Every parameter, defaults filled in.
    function : actplay.core.activations.Activation
        The unbound function (its ``params`` are the ParamSpec limits).
    """

    def __init__(self, function: acts.Activation, params: Mapping[str, float]) -> None:
        self.function = function
        self.params = function.resolve_params(dict(params))

    @property
    def name(self) -> str:
        return self.function.name

    @property
    def title(self) -> str:
        return self.function.title

    def __call__(self, x) -> np.ndarray:
        return self.function(x, **self.params)

    def derivative(self, x) -> np.ndarray:
        """f'(x)."""
        return self.function.derivative(x, **self.params)

    def second_derivative(self, x) -> np.ndarray:
        """f''(x)."""
        return self.function.second_derivative(x, **self.params)

    def __repr__(self) -> str:
        inside = ", ".join(f"{key}={value!r}" for key, value in self.params.items())
        return f"activation({self.name!r}{', ' if inside else ''}{inside})"


def activation_names() -> tuple[str, ...]:
    """Every activation of the library, by the name the other calls take."""
    return tuple(acts.names())


def activation(name: str, **params: float) -> BoundActivation:
    """The library's activation ``name`` with ``params`` (the rest at their defaults).

    Raises
    ------
    ValueError
        For an unknown name, an unknown parameter or a value outside its limits.
    """
    if name not in acts.names():
        raise ValueError(f"unknown activation {name!r}; valid names: {', '.join(acts.names())}")
    return BoundActivation(acts.get(name), params)


def custom_activation(name: str, formula: str, params=None) -> BoundActivation:
    """Your own function from a formula in ``x`` (the window's "Custom..." grammar).

    Parameters
    ----------
    name : str
        A plain identifier.
    formula : str
        E.g. ``"x * tanh(softplus(x))"``; parsed by a whitelist, never run as code.
    params : dict, optional
        ``name -> (default, lo, hi)`` for each parameter the formula uses.
    """
    from actplay.core.formula import make_custom_activation

    return BoundActivation(make_custom_activation(name, formula, params), {})
