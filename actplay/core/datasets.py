"""Small 2-D data sets to train the network on, CSV loading and derived input features.

Every generator draws from ``numpy.random.Generator(PCG64(seed))``, so a seed gives
the same points on every platform. Points live in the plane's default square
[-6, 6]^2 (the sets span a radius of :data:`DATA_RADIUS`). Classification sets have
labels 0 and 1; the regression surface has real targets in [-1, 1].

``noise`` is the standard deviation of the Gaussian jitter added to each
coordinate, in units of :data:`NOISE_SCALE` (half the data radius), so noise 1
blurs the classes into each other, as the TensorFlow Playground's 50 % does.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass

import numpy as np

DATA_RADIUS = 5.0  # every generated set fits in a disc of this radius (plus noise)
NOISE_SCALE = DATA_RADIUS / 2  # noise 1.0 = jitter with a standard deviation of half the radius
SOURCES = ("gaussian", "circle", "xor", "spiral", "regression")
CLASSIFICATION = "classification"
REGRESSION = "regression"
MIN_POINTS, MAX_POINTS = 10, 5000  # enough to see a shape; few enough to train live
MAX_CSV_POINTS = 20000  # a hand-made file larger than this is not a playground set
FEATURES = ("x1", "x2", "x1^2", "x2^2", "x1*x2", "sin_x1", "sin_x2")
FEATURE_TITLES = {
    "x1": "x\u2081",
    "x2": "x\u2082",
    "x1^2": "x\u2081\u00b2",
    "x2^2": "x\u2082\u00b2",
    "x1*x2": "x\u2081x\u2082",
    "sin_x1": "sin x\u2081",
    "sin_x2": "sin x\u2082",
}
DEFAULT_FEATURES = ("x1", "x2")


@dataclass(frozen=True)
class Dataset:
    """Points, targets and which points are held out for testing.

    Attributes
    ----------
    points : ndarray, shape (n, 2), float64
    targets : ndarray, shape (n,), float64
        0.0/1.0 class labels, or real values for regression.
    is_test : ndarray, shape (n,), bool
    kind : str
        ``"classification"`` or ``"regression"``.
    """

    points: np.ndarray
    targets: np.ndarray
    is_test: np.ndarray
    kind: str

    @property
    def train(self) -> tuple[np.ndarray, np.ndarray]:
        """``(points, targets)`` of the training points."""
        keep = ~self.is_test
        return self.points[keep], self.targets[keep]

    @property
    def test(self) -> tuple[np.ndarray, np.ndarray]:
        """``(points, targets)`` of the test points."""
        return self.points[self.is_test], self.targets[self.is_test]


def _rng(seed: int) -> np.random.Generator:
    return np.random.Generator(np.random.PCG64(seed))


def _gaussian(rng, n):
    labels = (np.arange(n) >= n // 2).astype(np.float64)
    centres = np.where(labels[:, None] > 0, 2.0, -2.0)
    return centres + rng.normal(0.0, 1.0, (n, 2)), labels


def _circle(rng, n):
    # Class 1 inside half the radius, class 0 in a ring from 0.7 to 1 of it (as the TF set).
    labels = (np.arange(n) < n // 2).astype(np.float64)
    inner = rng.uniform(0.0, 0.5 * DATA_RADIUS, n)
    outer = rng.uniform(0.7 * DATA_RADIUS, DATA_RADIUS, n)
    radius = np.where(labels > 0, inner, outer)
    angle = rng.uniform(0.0, 2 * math.pi, n)
    return np.column_stack((radius * np.cos(angle), radius * np.sin(angle))), labels


def _xor(rng, n):
    points = rng.uniform(-DATA_RADIUS, DATA_RADIUS, (n, 2))
    # Push points off the axes a little, so the quadrants are separable without noise.
    points += np.where(points > 0, 0.3, -0.3)
    labels = (points[:, 0] * points[:, 1] > 0).astype(np.float64)
    return points, labels


def _spiral(rng, n):
    half = n // 2
    labels = (np.arange(n) >= half).astype(np.float64)
    position = np.where(labels > 0, np.arange(n) - half, np.arange(n)) / max(half, 1)
    radius = position * DATA_RADIUS
    angle = 1.75 * 2 * math.pi * position + labels * math.pi
    return np.column_stack((radius * np.sin(angle), radius * np.cos(angle))), labels


def regression_surface(points: np.ndarray) -> np.ndarray:
    """The regression set's target over the plane: a smooth bump field in [-1, 1]."""
    x1, x2 = points[:, 0] / DATA_RADIUS, points[:, 1] / DATA_RADIUS
    return np.sin(2.0 * x1) * np.cos(1.5 * x2)


def generate(
    source: str, n_points: int = 500, noise: float = 0.0, test_fraction: float = 0.5, seed: int = 0
) -> Dataset:
    """Draw one of the built-in data sets.

    Parameters
    ----------
    source : str
        One of :data:`SOURCES`.
    n_points : int
        ``MIN_POINTS..MAX_POINTS``.
    noise : float
        0..1: Gaussian jitter of each coordinate (regression: of the target), with a
        standard deviation of ``noise * NOISE_SCALE`` (regression: ``noise``).
    test_fraction : float
        0..0.9: the share of points held out for testing, drawn at random.
    seed : int
        Same seed, same points and split.

    Raises
    ------
    ValueError
        For an unknown source or a value out of range.
    """
    if source not in SOURCES:
        raise ValueError(f"data set must be one of {', '.join(SOURCES)}, got {source!r}")
    n_points = _check_count(n_points)
    noise = _check_fraction("noise", noise, 1.0)
    test_fraction = _check_fraction("test fraction", test_fraction, 0.9)
    rng = _rng(seed)
    if source == "regression":
        points = rng.uniform(-DATA_RADIUS, DATA_RADIUS, (n_points, 2))
        targets = np.clip(regression_surface(points) + rng.normal(0.0, noise, n_points), -1, 1)
        kind = REGRESSION
    else:
        maker = {"gaussian": _gaussian, "circle": _circle, "xor": _xor, "spiral": _spiral}
        points, targets = maker[source](rng, n_points)
        points = points + rng.normal(0.0, noise * NOISE_SCALE, points.shape)
        kind = CLASSIFICATION
    return Dataset(points, targets, split_mask(n_points, test_fraction, rng), kind)


PLANE_HALF_WIDTH = 6.0  # the built-in sets are shown over [-6, 6]^2, as in the TF Playground
FRAME_MARGIN = 1.05  # the frame reaches this much past the farthest point


def frame(points: np.ndarray, built_in: bool = True) -> tuple[float, float, float, float]:
    """A square ``(x1_lo, x1_hi, x2_lo, x2_hi)`` that shows every point.

    Built-in sets get ``[-6, 6]^2`` (the plane they are drawn in), wider only when
    noise throws points beyond it; other points (a CSV file) a square around their
    bounding box, so a set far from the origin or tiny still fills the frame.
    """
    points = np.asarray(points, dtype=np.float64).reshape(-1, 2)
    if built_in or len(points) == 0:
        reach = float(np.max(np.abs(points))) * FRAME_MARGIN if len(points) else 0.0
        half = max(PLANE_HALF_WIDTH, reach)
        return -half, half, -half, half
    low, high = points.min(axis=0), points.max(axis=0)
    centre = (low + high) / 2.0
    half = max(float(np.max(high - low)) / 2.0 * FRAME_MARGIN, 0.5)
    x1, x2 = float(centre[0]), float(centre[1])
    return x1 - half, x1 + half, x2 - half, x2 + half


def split_mask(n_points: int, test_fraction: float, rng: np.random.Generator) -> np.ndarray:
    """A boolean mask marking ``round(n * test_fraction)`` points, chosen at random, as test."""
    mask = np.zeros(n_points, dtype=bool)
    mask[rng.permutation(n_points)[: int(round(n_points * test_fraction))]] = True
    return mask


def _check_count(n_points) -> int:
    if isinstance(n_points, bool) or not isinstance(n_points, (int, np.integer)):
        raise ValueError(f"number of points must be a whole number, got {n_points!r}")
    if not MIN_POINTS <= n_points <= MAX_POINTS:
        raise ValueError(
            f"number of points must be within {MIN_POINTS}..{MAX_POINTS}, got {n_points}"
        )
    return int(n_points)


def _check_fraction(name: str, value, hi: float) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a number in [0, {hi:g}], got {value!r}") from None
    if not 0.0 <= number <= hi:
        raise ValueError(f"{name} must be within [0, {hi:g}], got {number!r}")
    return number


def label_kind(targets: np.ndarray) -> tuple[np.ndarray, str]:
    """Classify a target column: 0/1 or -1/+1 labels are classes (-1 -> 0), else regression."""
    values = set(np.unique(targets).tolist())
    if values <= {0.0, 1.0} or values <= {-1.0, 1.0}:
        return (targets > 0).astype(np.float64), CLASSIFICATION
    return targets.astype(np.float64), REGRESSION


def parse_csv(text: str) -> tuple[np.ndarray, np.ndarray, str]:
    """Read points from CSV text: ``x1, x2, label`` or ``x1, label`` rows.

    An optional first row of column names is skipped. With two columns the
    points lie on the x1 axis (x2 = 0). Labels of 0/1 (or -1/+1) make a
    classification set; any other numbers a regression set.

    Returns
    -------
    points : (n, 2) float64, targets : (n,) float64, kind : str

    Raises
    ------
    ValueError
        Naming the line (1-based) and column of the first problem.
    """
    import csv  # only a user's file needs it: not imported at start-up

    rows = [row for row in csv.reader(io.StringIO(text))]
    numbered = [(i + 1, row) for i, row in enumerate(rows) if any(cell.strip() for cell in row)]
    if not numbered:
        raise ValueError("the file holds no rows")
    if not _is_number(numbered[0][1][0].strip()):
        numbered = numbered[1:]  # a header row
    if not numbered:
        raise ValueError("the file holds a header but no data rows")
    width = len(numbered[0][1])
    if width not in (2, 3):
        raise ValueError(
            f"line {numbered[0][0]}: expected 2 or 3 columns (x1, [x2,] label), got {width}"
        )
    if len(numbered) > MAX_CSV_POINTS:
        raise ValueError(
            f"the file holds {len(numbered)} rows; at most {MAX_CSV_POINTS} are allowed"
        )
    values = np.empty((len(numbered), width))
    for r, (line, row) in enumerate(numbered):
        if len(row) != width:
            raise ValueError(
                f"line {line}: expected {width} columns like the first row, got {len(row)}"
            )
        for c, cell in enumerate(row):
            text_value = cell.strip()
            number = float(text_value) if _is_number(text_value) else math.nan
            if not math.isfinite(number) or abs(number) > 1e6:
                raise ValueError(
                    f"line {line}, column {c + 1}: {text_value!r} is not a finite "
                    "number within \u00b11e6"
                )
            values[r, c] = number
    points = np.zeros((len(values), 2))
    points[:, : width - 1] = values[:, : width - 1]
    targets, kind = label_kind(values[:, -1])
    return points, targets, kind


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def feature_matrix(points: np.ndarray, features=DEFAULT_FEATURES) -> np.ndarray:
    """The network input for ``points``: one column per enabled feature, in ``FEATURES`` order.

    Parameters
    ----------
    points : (n, 2) array_like
    features : iterable of str
        Names from :data:`FEATURES` (order does not matter; at least one).

    Returns
    -------
    ndarray, shape (n, len(features)), float64
    """
    enabled = check_features(features)
    points = np.asarray(points, dtype=np.float64)
    x1, x2 = points[:, 0], points[:, 1]
    columns = {
        "x1": lambda: x1,
        "x2": lambda: x2,
        "x1^2": lambda: x1 * x1,
        "x2^2": lambda: x2 * x2,
        "x1*x2": lambda: x1 * x2,
        "sin_x1": lambda: np.sin(x1),
        "sin_x2": lambda: np.sin(x2),
    }
    return np.column_stack([columns[name]() for name in enabled])


def check_features(features) -> tuple[str, ...]:
    """Return the enabled features in ``FEATURES`` order, or raise ``ValueError``."""
    chosen = set(features)
    unknown = chosen.difference(FEATURES)
    if unknown:
        raise ValueError(f"unknown feature(s) {sorted(unknown)}; known: {', '.join(FEATURES)}")
    if not chosen:
        raise ValueError("at least one input feature must be on")
    return tuple(name for name in FEATURES if name in chosen)
