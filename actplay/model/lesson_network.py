"""What lessons read off the network: an output and its z, how far it is from a flat plane, and the
single layer a stack of linear layers collapses to."""

from __future__ import annotations

import numpy as np

from actplay.core.grid import plane_grid

NONLINEARITY_RESOLUTION = 16  # grid points per axis for the straight-line test: 256 points


def output(playground, number):
    """Output unit ``number`` (1-based) for the network's input, or None."""
    outputs = playground.network_trace().a[-1]
    return float(outputs[number - 1]) if 1 <= number <= len(outputs) else None


def output_z(playground, number):
    """Output unit ``number``'s z (1-based) for the network's input, or None."""
    values = playground.network_trace().z[-1]
    return float(values[number - 1]) if 1 <= number <= len(values) else None


def nonlinearity(playground):
    """How far the first output is from a flat plane over the input square (0 = a plane).

    The root-mean-square residual of a least-squares fit ``c0 + c1 x1 + c2 x2``
    over a grid of the plane range, divided by the output's spread; None when the
    input is not 2-D.
    """
    if playground.layer_sizes[0] != 2:
        return None
    lo, hi = playground.plane_range
    points = plane_grid(lo, hi, NONLINEARITY_RESOLUTION).astype(np.float64)
    values = playground.network()(points)[:, 0]
    spread = float(np.std(values))
    if spread == 0.0:
        return 0.0
    design = np.column_stack([np.ones(len(points)), points])
    coefficients, *_ = np.linalg.lstsq(design, values, rcond=None)
    residual = values - design @ coefficients
    return float(np.sqrt(np.mean(residual**2)) / spread)


def collapsed(playground, part):
    """The one W (``part`` 0) or b (1) of an all-identity network, or None."""
    equivalent = playground.linear_equivalent()
    return None if equivalent is None else equivalent[part]


def collapsed_output(playground, number):
    """Output ``number`` of a linear network as a sum: ``((w1, "x1"), (w2, "x2"), (b, ""))``."""
    equivalent = playground.linear_equivalent()
    if equivalent is None or not 1 <= number <= len(equivalent[1]):
        return None
    weights, biases = equivalent
    terms = tuple((float(w), f"x{i}") for i, w in enumerate(weights[number - 1], start=1))
    return (*terms, (float(biases[number - 1]), ""))
