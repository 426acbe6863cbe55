"""One artificial neuron: the weighted sum z = w·x + b, then the output a = f(z).

The neuron is a value object: its weights, bias and activation are fixed when it
is built, so a caller that caches its results never sees them change underneath.
``resolve_activation`` is the one place that turns what a user or a session gives
for an activation (a registry name, a ``(name, params)`` pair or an
``Activation``) into an ``(Activation, params)`` pair; ``Network`` uses it too.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np

from actplay.core import activations as acts


def resolve_activation(
    activation: object, params: Mapping[str, object] | None = None
) -> tuple[acts.Activation, dict[str, float]]:
    """Turn an activation given by a user into an ``(Activation, params)`` pair.

    Parameters
    ----------
    activation : str, (str, dict) or Activation
        A registry name (``"elu"``), a name with parameters (``("elu", {"alpha": 0.5})``)
        or an ``Activation`` object (which need not be in the registry).
    params : dict, optional
        Parameters for the function; merged over the ones of a ``(name, params)`` pair.

    Returns
    -------
    (Activation, dict)
        The function and every one of its parameters as a float, defaults filled in.

    Raises
    ------
    ValueError
        For an unknown name, something that is not an activation, or a parameter that
        the function does not have, is not finite or is outside its limits.
    """
    given_params: dict[str, object] = {}
    if isinstance(activation, tuple):
        if len(activation) != 2:
            raise ValueError(f"an activation pair must be (name, params), got {activation!r}")
        activation, pair_params = activation
        given_params.update(pair_params or {})
    given_params.update(params or {})
    if isinstance(activation, str):
        try:
            activation = acts.get(activation)
        except KeyError as error:
            # A ValueError like every other bad input here; the registry's message
            # already lists the valid names.
            raise ValueError(error.args[0] if error.args else str(error)) from None
    if not isinstance(activation, acts.Activation):
        raise ValueError(
            "an activation must be a registry name, a (name, params) pair or an "
            f"Activation, got {activation!r}"
        )
    return activation, activation.resolve_params(given_params)


class Neuron:
    """A single neuron computing ``a = f(w·x + b)``.

    Parameters
    ----------
    weights : array_like, shape (n_inputs,)
        One weight per input; finite.
    bias : float
        Added to the weighted sum; finite.
    activation : str, (str, dict) or Activation, default "sigmoid"
        The activation function f (see ``resolve_activation``).
    params : dict, optional
        Parameters of f; missing ones take their defaults.

    Raises
    ------
    ValueError
        For weights that are not a non-empty 1-D list of finite numbers, a non-finite
        bias, or a bad activation or parameter.

    Examples
    --------
    >>> film = Neuron([4.0, 2.0, 2.0], -3.0, "binary_step")
    >>> float(film.output([0.0, 1.0, 1.0]))
    1.0
    """

    def __init__(
        self,
        weights: object,
        bias: float,
        activation: object = "sigmoid",
        params: Mapping[str, object] | None = None,
    ) -> None:
        weight_array = np.array(weights, dtype=np.float64)
        if weight_array.ndim != 1 or weight_array.size == 0:
            raise ValueError(
                f"a neuron's weights must be a non-empty 1-D list, got shape {weight_array.shape}"
            )
        if not np.all(np.isfinite(weight_array)):
            raise ValueError("a neuron's weights must be finite numbers")
        bias = float(bias)
        if not math.isfinite(bias):
            raise ValueError(f"a neuron's bias must be a finite number, got {bias!r}")
        weight_array.setflags(write=False)
        self._weights = weight_array
        self._bias = bias
        self._activation, self._params = resolve_activation(activation, params)

    # -- what the neuron is -------------------------------------------------------------
    @property
    def weights(self) -> np.ndarray:
        """The weights, shape (n_inputs,), read-only."""
        return self._weights

    @property
    def bias(self) -> float:
        """The bias b."""
        return self._bias

    @property
    def activation(self) -> acts.Activation:
        """The activation function f."""
        return self._activation

    @property
    def params(self) -> dict[str, float]:
        """The resolved parameters of f (a fresh dict)."""
        return dict(self._params)

    @property
    def n_inputs(self) -> int:
        """How many inputs the neuron takes."""
        return self._weights.size

    # -- what it computes ---------------------------------------------------------------
    def _check_input(self, x: object) -> np.ndarray:
        inputs = np.asarray(x, dtype=np.float64)
        if inputs.ndim not in (1, 2) or inputs.shape[-1] != self.n_inputs:
            raise ValueError(
                f"the neuron has {self.n_inputs} weights, so x must have shape "
                f"({self.n_inputs},) or (n, {self.n_inputs}); got {inputs.shape}"
            )
        return inputs

    def z(self, x: object) -> np.ndarray:
        """The pre-activation w·x + b.

        Parameters
        ----------
        x : array_like, shape (n_inputs,) or (n, n_inputs)
            One input or a batch of inputs.

        Returns
        -------
        ndarray
            A 0-d array for one input, shape (n,) for a batch.
        """
        return self._check_input(x) @ self._weights + self._bias

    def output(self, x: object) -> np.ndarray:
        """The output a = f(w·x + b); the shape of ``z(x)``."""
        return np.asarray(self._activation(self.z(x), **self._params))

    def derivative(self, x: object) -> np.ndarray:
        """The slope f'(z) at the neuron's pre-activation; the shape of ``z(x)``."""
        return np.asarray(self._activation.derivative(self.z(x), **self._params))

    def __repr__(self) -> str:
        return (
            f"Neuron(weights={self._weights.tolist()}, bias={self._bias}, "
            f"activation={self._activation.name!r}, params={self._params})"
        )
