"""Input-plane grid evaluation for heatmaps: layout, caching and agreement with forward()."""

import numpy as np
import pytest

from actplay.core.grid import grid_activations, plane_grid
from actplay.core.network import Network


def test_plane_grid_layout_top_row_first():
    points = plane_grid(-6.0, 6.0, 5)
    assert points.shape == (25, 2) and points.dtype == np.float32
    np.testing.assert_array_equal(points[0], [-6.0, 6.0])  # top left
    np.testing.assert_array_equal(points[4], [6.0, 6.0])  # top right
    np.testing.assert_array_equal(points[20], [-6.0, -6.0])  # bottom left
    np.testing.assert_array_equal(points[24], [6.0, -6.0])  # bottom right
    np.testing.assert_array_equal(points[:5, 0], [-6.0, -3.0, 0.0, 3.0, 6.0])  # x along a row
    np.testing.assert_array_equal(points[::5, 1], [6.0, 3.0, 0.0, -3.0, -6.0])  # y down
    with pytest.raises(ValueError):
        points[0, 0] = 1.0  # the cached array is shared, so it is read-only


def test_plane_grid_is_cached():
    assert plane_grid(-2.0, 3.0, 40) is plane_grid(-2, 3, 40)
    assert plane_grid(-2.0, 3.0, 41) is not plane_grid(-2.0, 3.0, 40)


@pytest.mark.parametrize(
    ("sizes", "activations"),
    [
        ((2, 8, 8, 1), ["tanh", "tanh", "sigmoid"]),
        ((2, 5, 3), ["relu", "softmax"]),
        ((2, 4, 4, 4, 2), ["elu", ("leaky_relu", {"negative_slope": 0.1}), "gelu", "identity"]),
    ],
)
def test_grid_matches_forward_on_the_same_points(sizes, activations):
    net = Network.from_init(sizes, activations, "he", seed=2)
    resolution = 37
    heatmaps = grid_activations(net, -4.0, 5.0, resolution)
    trace = net.forward(plane_grid(-4.0, 5.0, resolution))
    assert len(heatmaps) == len(sizes) - 1
    for layer, (heatmap, expected) in enumerate(zip(heatmaps, trace.a, strict=True)):
        assert heatmap.dtype == np.float32
        assert heatmap.shape == (sizes[layer + 1], resolution, resolution)
        # expected: (points, units) -> (units, rows, columns)
        as_image = expected.T.reshape(-1, resolution, resolution)
        np.testing.assert_allclose(heatmap, as_image, rtol=1e-6, atol=1e-6)
    if activations[-1] == "softmax":
        np.testing.assert_allclose(heatmaps[-1].sum(axis=0), 1.0, atol=1e-6)


def test_heatmap_orientation():
    # One identity layer whose units read x1 and x2 directly.
    net = Network.from_arrays([np.eye(2)], [np.zeros(2)], ["identity"])
    (heatmap,) = grid_activations(net, -1.0, 3.0, 9)
    x1, x2 = heatmap
    np.testing.assert_array_equal(x1[:, 0], -1.0)  # left column: x1 = lo
    np.testing.assert_array_equal(x1[:, -1], 3.0)
    np.testing.assert_array_equal(x2[0, :], 3.0)  # top row: x2 = hi
    np.testing.assert_array_equal(x2[-1, :], -1.0)


def test_default_resolution_is_100():
    net = Network.from_init((2, 8, 8, 1), ["tanh", "tanh", "sigmoid"])
    shapes = [heatmap.shape for heatmap in grid_activations(net, -6.0, 6.0)]
    assert shapes == [(8, 100, 100), (8, 100, 100), (1, 100, 100)]


@pytest.mark.parametrize(
    ("lo", "hi", "resolution", "message"),
    [
        (1.0, 1.0, 10, "lo < hi"),
        (2.0, 1.0, 10, "lo < hi"),
        (float("nan"), 1.0, 10, "lo < hi"),
        (-1.0, float("inf"), 10, "lo < hi"),
        (-1.0, 1.0, 1, "resolution"),
        (-1.0, 1.0, 10.5, "resolution"),
        (-1.0, 1.0, 100_000, "resolution"),
    ],
)
def test_bad_grid_arguments(lo, hi, resolution, message):
    net = Network.from_init((2, 1), ["tanh"])
    with pytest.raises(ValueError, match=message):
        plane_grid(lo, hi, resolution)
    with pytest.raises(ValueError, match=message):
        grid_activations(net, lo, hi, resolution)


def test_heatmaps_need_two_inputs():
    net = Network.from_init((3, 4, 1), ["tanh", "sigmoid"])
    with pytest.raises(ValueError, match="2 inputs"):
        grid_activations(net, -6.0, 6.0)


def test_grid_activations_clip_huge_values_to_float32_instead_of_overflowing():
    # 1e6 weights and inputs over 6 identity layers reach ~1e47: beyond float32.
    sizes = (2, 16, 16, 16, 16, 16, 1)
    weights = [np.full((o, i), 1e6) for i, o in zip(sizes[:-1], sizes[1:], strict=True)]
    biases = [np.zeros(o) for o in sizes[1:]]
    net = Network.from_arrays(weights, biases, ["identity"] * 6)
    maps = grid_activations(net, -1e6, 1e6, 10)
    exact = net(plane_grid(-1e6, 1e6, 10).astype(np.float64))
    assert np.abs(exact).max() > np.finfo(np.float32).max
    assert all(np.all(np.isfinite(m)) for m in maps)
    top = np.finfo(np.float32).max
    np.testing.assert_array_equal(maps[-1][0].ravel(), np.clip(exact[:, 0], -top, top))
