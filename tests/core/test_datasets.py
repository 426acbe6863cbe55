"""Generated data sets, CSV loading and derived features."""

from __future__ import annotations

import numpy as np
import pytest

from actplay.core import datasets as ds


@pytest.mark.parametrize("source", ds.SOURCES)
def test_same_seed_same_points_other_seed_others(source):
    first = ds.generate(source, 200, noise=0.2, test_fraction=0.3, seed=4)
    again = ds.generate(source, 200, noise=0.2, test_fraction=0.3, seed=4)
    other = ds.generate(source, 200, noise=0.2, test_fraction=0.3, seed=5)
    np.testing.assert_array_equal(first.points, again.points)
    np.testing.assert_array_equal(first.is_test, again.is_test)
    assert not np.array_equal(first.points, other.points)
    assert first.points.shape == (200, 2) and first.targets.shape == (200,)
    assert int(first.is_test.sum()) == 60
    assert len(first.train[0]) == 140 and len(first.test[1]) == 60


@pytest.mark.parametrize("source", ["gaussian", "circle", "xor", "spiral"])
def test_classification_sets_are_balanced_0_1(source):
    data = ds.generate(source, 400, seed=0)
    assert data.kind == ds.CLASSIFICATION
    assert set(np.unique(data.targets)) == {0.0, 1.0}
    assert abs(data.targets.mean() - 0.5) < 0.1


def test_shapes_without_noise():
    circle = ds.generate("circle", 400, noise=0.0, seed=1)
    radius = np.hypot(*circle.points.T)
    assert radius[circle.targets == 1].max() <= 2.5 < 3.5 <= radius[circle.targets == 0].min()
    xor = ds.generate("xor", 400, seed=1)
    assert np.all((xor.points[:, 0] * xor.points[:, 1] > 0) == (xor.targets == 1))
    reg = ds.generate("regression", 300, noise=0.0, seed=1)
    assert reg.kind == ds.REGRESSION
    np.testing.assert_allclose(reg.targets, ds.regression_surface(reg.points))


def test_noise_moves_points_by_its_scale():
    clean = ds.generate("spiral", 2000, noise=0.0, seed=3)
    noisy = ds.generate("spiral", 2000, noise=0.4, seed=3)
    # the same draws, then jitter of std noise * NOISE_SCALE on top
    jitter = noisy.points - clean.points
    assert np.std(jitter) == pytest.approx(0.4 * ds.NOISE_SCALE, rel=0.05)


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"source": "moons"}, "data set must be one of"),
        ({"n_points": 5}, "number of points"),
        ({"noise": 1.5}, "noise"),
        ({"test_fraction": 0.95}, "test fraction"),
    ],
)
def test_bad_arguments(kwargs, message):
    args = {"source": "circle", **kwargs}
    with pytest.raises(ValueError, match=message):
        ds.generate(**args)


def test_csv_three_columns_with_header():
    points, targets, kind = ds.parse_csv("x1,x2,label\n1,2,1\n-1.5, 0.5, 0\n\n3,3,1\n")
    np.testing.assert_array_equal(points, [[1, 2], [-1.5, 0.5], [3, 3]])
    np.testing.assert_array_equal(targets, [1, 0, 1])
    assert kind == ds.CLASSIFICATION


def test_csv_two_columns_minus_one_labels_and_regression():
    points, targets, kind = ds.parse_csv("0.5,-1\n2,1\n")
    np.testing.assert_array_equal(points, [[0.5, 0], [2, 0]])
    np.testing.assert_array_equal(targets, [0, 1])
    assert kind == ds.CLASSIFICATION
    _, targets, kind = ds.parse_csv("1,2,0.25\n3,4,-0.7\n")
    assert kind == ds.REGRESSION and targets.tolist() == [0.25, -0.7]


@pytest.mark.parametrize(
    "text, message",
    [
        ("", "no rows"),
        ("a,b,c\n", "header but no data"),
        ("1,2,3,4\n", "line 1: expected 2 or 3 columns"),
        ("x,y,l\n1,2,1\n1,2\n", "line 3: expected 3 columns"),
        ("1,2,1\n1,abc,0\n", "line 2, column 2: 'abc'"),
        ("1,2,1\n1,2,nan\n", "line 2, column 3"),
        ("1,2,1\n1e9,2,1\n", "line 2, column 1"),
    ],
)
def test_csv_errors_name_line_and_column(text, message):
    with pytest.raises(ValueError, match=message):
        ds.parse_csv(text)


def test_features_transform():
    points = np.array([[1.0, 2.0], [-3.0, 0.5]])
    matrix = ds.feature_matrix(points, ["x1*x2", "x1^2", "sin_x2", "x1"])
    # FEATURES order, whatever the order asked
    x1, x2 = points.T
    np.testing.assert_allclose(matrix, np.column_stack([x1, x1**2, x1 * x2, np.sin(x2)]))
    assert ds.feature_matrix(points, ds.FEATURES).shape == (2, 7)
    with pytest.raises(ValueError, match="at least one"):
        ds.feature_matrix(points, [])
    with pytest.raises(ValueError, match="unknown feature"):
        ds.feature_matrix(points, ["x3"])


def test_frame_shows_every_point():
    spiral = ds.generate("spiral", 500, 0.0, 0.5, 0)
    assert ds.frame(spiral.points) == (-6.0, 6.0, -6.0, 6.0)  # the TF plane
    noisy = ds.generate("circle", 500, 1.0, 0.5, 0)
    x1_lo, x1_hi, x2_lo, x2_hi = ds.frame(noisy.points)
    assert x1_hi - x1_lo == x2_hi - x2_lo > 12.0  # square, wider than the plane
    assert np.all((noisy.points >= x1_lo) & (noisy.points <= x1_hi))
    far = np.array([[100.0, 5.0], [101.0, 5.5], [100.5, 7.0]])
    x1_lo, x1_hi, x2_lo, x2_hi = ds.frame(far, built_in=False)
    assert x1_hi - x1_lo == pytest.approx(2.0 * 1.05)
    assert x2_hi - x2_lo == pytest.approx(2.0 * 1.05)
    assert x1_lo < 100.0 and x1_hi > 101.0 and x2_lo < 5.0 and x2_hi > 7.0
    assert ds.frame(np.array([[1.0, 1.0]]), built_in=False) == (0.5, 1.5, 0.5, 1.5)
