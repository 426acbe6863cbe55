"""Evaluate every neuron of a 2-input network over a grid of the input plane.

The heatmaps of the network panel show, for each unit, its activation at every
point (x1, x2) of a square region. The grid is laid out the way an image is:
row 0 is the top (x2 = hi), column 0 the left edge (x1 = lo), so an array
``(res, res)`` can go straight to an image item.

Speed matters (a drag repaints every frame), so the grid points are built once
per (lo, hi, resolution) and cached, and layers are computed in a units-first
layout, ``(units, points)``, where every matmul result is already the
``(out_i, res, res)`` block the caller wants.
"""

from __future__ import annotations

import math
import numbers
from functools import lru_cache

import numpy as np

from actplay.core.network import Network, apply_activation

DEFAULT_RESOLUTION = 100  # 100x100 cells: smooth at panel size, cheap to compute
MAX_RESOLUTION = 1000  # a million points per unit is already more than any screen shows
_CACHED_GRIDS = 8  # a few ranges and resolutions in use at once (panel, export)
FLOAT32_MAX = float(np.finfo(np.float32).max)  # heatmaps are float32: clip before the cast


def _check_grid(lo: float, hi: float, resolution: int) -> tuple[float, float, int]:
    lo, hi = float(lo), float(hi)
    if not (math.isfinite(lo) and math.isfinite(hi) and lo < hi):
        raise ValueError(f"the plane range needs finite lo < hi, got ({lo!r}, {hi!r})")
    if isinstance(resolution, bool) or not isinstance(resolution, numbers.Integral):
        raise ValueError(f"resolution must be a whole number, got {resolution!r}")
    if not 2 <= resolution <= MAX_RESOLUTION:
        raise ValueError(f"resolution must be within 2..{MAX_RESOLUTION}, got {resolution}")
    return lo, hi, int(resolution)


@lru_cache(maxsize=_CACHED_GRIDS)
def _cached_plane_grid(lo: float, hi: float, resolution: int) -> np.ndarray:
    x_values = np.linspace(lo, hi, resolution)
    y_values = np.linspace(hi, lo, resolution)  # top row first
    x_grid, y_grid = np.meshgrid(x_values, y_values)  # (res, res): [row, column]
    points = np.stack([x_grid.ravel(), y_grid.ravel()], axis=1).astype(np.float32)
    points.setflags(write=False)  # shared by every caller through the cache
    return points


@lru_cache(maxsize=_CACHED_GRIDS)
def _cached_plane_columns(lo: float, hi: float, resolution: int) -> np.ndarray:
    # The same (float32-rounded) points as plane_grid, so heatmaps and forward()
    # see identical inputs; float64 because the activations compute in float64.
    columns = np.ascontiguousarray(_cached_plane_grid(lo, hi, resolution).T, dtype=np.float64)
    columns.setflags(write=False)
    return columns


def plane_grid(lo: float, hi: float, resolution: int = DEFAULT_RESOLUTION) -> np.ndarray:
    """The points of a ``resolution x resolution`` grid over ``[lo, hi]^2``.

    Parameters
    ----------
    lo, hi : float
        The range of both axes; finite, ``lo < hi``. The grid includes both ends.
    resolution : int
        Points per axis, 2..``MAX_RESOLUTION``.

    Returns
    -------
    ndarray, shape (resolution**2, 2), float32, read-only
        Row-major: point ``r * resolution + c`` is ``(x1, x2)`` with x1 going from
        ``lo`` (c = 0) to ``hi`` and x2 from ``hi`` (r = 0, the top) to ``lo``.
        The array is cached and shared: copy it before changing it.
    """
    return _cached_plane_grid(*_check_grid(lo, hi, resolution))


def grid_activations(
    net: Network, lo: float, hi: float, resolution: int = DEFAULT_RESOLUTION
) -> list[np.ndarray]:
    """Every unit's activation over the input plane of a 2-input network.

    Parameters
    ----------
    net : Network
        A network whose input size is 2.
    lo, hi : float
        The range of both input axes (see ``plane_grid``).
    resolution : int
        Grid points per axis.

    Returns
    -------
    list of ndarray
        One float32 array per layer, shape (out_i, resolution, resolution):
        ``result[layer][unit, r, c]`` is the unit's activation at point
        ``r * resolution + c`` of ``plane_grid(lo, hi, resolution)`` (row 0 = top).

    Raises
    ------
    ValueError
        When the network does not take 2 inputs, or for a bad range or resolution.
    """
    if net.layer_sizes[0] != 2:
        raise ValueError(
            f"heatmaps need a network with 2 inputs, this one has {net.layer_sizes[0]}"
        )
    lo, hi, resolution = _check_grid(lo, hi, resolution)
    layer_values = _cached_plane_columns(lo, hi, resolution)  # (2, points)
    heatmaps = []
    for w, b, (function, params) in zip(net.weights, net.biases, net.activations, strict=True):
        pre_activation = w @ layer_values
        pre_activation += b[:, np.newaxis]
        layer_values = apply_activation(function, params, pre_activation, unit_axis=0)
        # Weights and inputs up to 1e6 over deep identity layers reach 1e50 and more:
        # clip to float32's range so the cast stays finite (the colour levels saturate anyway).
        clipped = np.clip(layer_values, -FLOAT32_MAX, FLOAT32_MAX)
        heatmaps.append(clipped.astype(np.float32).reshape(w.shape[0], resolution, resolution))
    return heatmaps


def feature_planes(features, lo: float, hi: float, resolution: int) -> np.ndarray:
    """Each input feature's value over the plane, as the network sees it.

    Parameters
    ----------
    features : sequence of str
        Names from ``core.datasets.FEATURES`` (``"x1"``, ``"x1^2"``, ``"sin_x2"``...),
        in the order of the network's inputs.
    lo, hi, resolution
        The plane, as for :func:`plane_grid` (the same float32-rounded points).

    Returns
    -------
    ndarray, shape (len(features), resolution * resolution), float64
        Row ``i`` is feature ``i`` at every grid point (row-major, top row first).
    """
    from actplay.core.datasets import feature_matrix

    lo, hi, resolution = _check_grid(lo, hi, resolution)
    points = _cached_plane_grid(lo, hi, resolution)
    return np.ascontiguousarray(feature_matrix(points, features).T)


def forward_planes(net: Network, values: np.ndarray, start: int = 0, stop: int | None = None):
    """Run layers ``start..stop-1`` of ``net`` over columns of points.

    Parameters
    ----------
    net : Network
    values : ndarray, shape (units of layer ``start - 1`` or the inputs, points)
        What the layer before ``start`` outputs at every point (the inputs when 0).
    start, stop : int
        0-based layer indices (the input is not a layer); ``stop`` None means all.

    Returns
    -------
    list of ndarray
        ``(out_i, points)`` float64 activations of each layer run, in order.
    """
    outputs = []
    layers = zip(net.weights, net.biases, net.activations, strict=True)
    for index, (w, b, (function, params)) in enumerate(layers):
        if index < start:
            continue
        if stop is not None and index >= stop:
            break
        pre_activation = w @ values
        pre_activation += b[:, np.newaxis]
        values = apply_activation(function, params, pre_activation, unit_axis=0)
        outputs.append(values)
    return outputs
