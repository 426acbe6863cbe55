"""Seeded weight initialisation for a network: zeros, normal, Xavier/Glorot, He/Kaiming.

Every scheme draws from ``numpy.random.Generator(PCG64(seed))``, one generator per
call, layer after layer, each weight matrix in one draw of shape (out, in) in C
order. PCG64 and numpy's uniform and normal samplers are platform independent, so
the same seed gives the same weights everywhere. numpy does not promise these
streams across its own versions, though they have held since 1.17; the tests pin
a few values so a change would show at once.

Biases start at zero in every scheme, as ``torch.nn.init`` practice for these
schemes does: the symmetry between units is broken by the weights alone.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Sequence

import numpy as np

INIT_SCHEMES = ("zeros", "normal", "xavier", "he")

# Generous enough for any network the app shows; stops a typo allocating gigabytes.
MAX_LAYER_SIZE = 4096


def _check_layer_sizes(layer_sizes: Sequence[int]) -> tuple[int, ...]:
    sizes = tuple(layer_sizes)
    if len(sizes) < 2:
        raise ValueError(f"layer_sizes needs the input size and at least one layer, got {sizes!r}")
    for size in sizes:
        if isinstance(size, bool) or not isinstance(size, numbers.Integral):
            raise ValueError(f"layer sizes must be whole numbers, got {size!r} in {sizes!r}")
        if not 1 <= size <= MAX_LAYER_SIZE:
            raise ValueError(f"layer sizes must be within 1..{MAX_LAYER_SIZE}, got {sizes!r}")
    return tuple(int(size) for size in sizes)


def xavier_limit(fan_in: int, fan_out: int) -> float:
    """Half-width of Glorot's uniform range: sqrt(6 / (fan_in + fan_out))."""
    return math.sqrt(6.0 / (fan_in + fan_out))


def he_std(fan_in: int) -> float:
    """Standard deviation of He/Kaiming normal init (ReLU gain): sqrt(2 / fan_in)."""
    return math.sqrt(2.0 / fan_in)


def init_parameters(
    layer_sizes: Sequence[int], scheme: str = "xavier", seed: int = 0, sigma: float = 1.0
) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """Draw the weights and biases of a network with a seeded generator.

    Parameters
    ----------
    layer_sizes : sequence of int
        ``(in, h1, ..., out)``: the input size, then the units of every layer.
    scheme : {"zeros", "normal", "xavier", "he"}
        ``zeros``: all weights 0 (every unit stays identical - a lesson, not a start).
        ``normal``: N(0, sigma^2).
        ``xavier``: Glorot uniform, U(-l, l) with l = sqrt(6 / (fan_in + fan_out)),
        keeps the variance of signals roughly constant through tanh/sigmoid layers.
        ``he``: Kaiming normal, N(0, 2 / fan_in), the same for ReLU layers.
    seed : int
        Non-negative seed of the PCG64 generator.
    sigma : float
        Standard deviation of the ``normal`` scheme (positive, finite); ignored by the
        others.

    Returns
    -------
    (weights, biases)
        Lists with one float64 array per layer: ``weights[i]`` of shape (out_i, in_i),
        ``biases[i]`` zeros of shape (out_i,).

    Raises
    ------
    ValueError
        For an unknown scheme, bad layer sizes, a negative or non-integer seed, or a
        sigma that is not positive and finite.
    """
    sizes = _check_layer_sizes(layer_sizes)
    if scheme not in INIT_SCHEMES:
        raise ValueError(f"unknown init scheme {scheme!r}; choose one of {', '.join(INIT_SCHEMES)}")
    if isinstance(seed, bool) or not isinstance(seed, numbers.Integral) or seed < 0:
        raise ValueError(f"the seed must be a non-negative whole number, got {seed!r}")
    sigma = float(sigma)
    if scheme == "normal" and not (math.isfinite(sigma) and sigma > 0):
        raise ValueError(f"sigma must be a positive finite number, got {sigma!r}")

    generator = np.random.Generator(np.random.PCG64(int(seed)))
    weights: list[np.ndarray] = []
    for fan_in, fan_out in zip(sizes[:-1], sizes[1:], strict=True):
        shape = (fan_out, fan_in)
        if scheme == "zeros":
            layer_weights = np.zeros(shape)
        elif scheme == "normal":
            layer_weights = generator.normal(0.0, sigma, size=shape)
        elif scheme == "xavier":
            limit = xavier_limit(fan_in, fan_out)
            layer_weights = generator.uniform(-limit, limit, size=shape)
        else:  # "he"
            layer_weights = generator.normal(0.0, he_std(fan_in), size=shape)
        weights.append(layer_weights)
    biases = [np.zeros(fan_out) for fan_out in sizes[1:]]
    return weights, biases
