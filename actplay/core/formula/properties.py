"""What a formula's curve is like, found by sampling its exact derivatives.

A typed formula has no hand-written list of properties, so they are read off its
samples over a wide range (to +-10**12; jumps within +-10**4), with f, f' and f''
exact at every point:

- **monotonic** (non-decreasing): no sampled slope below zero and no downward jump;
- **smooth**: no jump in f, f' or f''. A jump is found by bisecting every interval
  whose change stands out from its neighbours' until the two ends are adjacent
  floats: a continuous component's change shrinks to nothing, a jump's does not;
- **bounded**: the spread of the values stops growing as the range widens (it
  grows by the same amount per decade for a logarithm, far more for a power);
- **zero-centred**: over [-3, 3], the typical pre-activation range, the negative
  part is at least a third the size of the positive part (or the other way round),
  which is how the library labels ELU (yes) and GELU (no).

Each answer is True, False or None: None when the samples cannot decide (the
formula is undefined somewhere in the range, or the growth is in between).
Sampling can miss what happens between samples; it is a good guess, not a proof.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import safe_math as sm

_OFFSET = 0.001234567  # keeps 0 and the integers (typical kinks and holes) off the grid
CENTRE = np.linspace(-20.0, 20.0, 4001) + _OFFSET
_OUTER = np.geomspace(20.5, 1e12, 400)
GRID = np.concatenate([-_OUTER[::-1], CENTRE, _OUTER])
CENTRED_SPAN = 3.0  # where zero-centredness is judged
CENTRED_RATIO = 1 / 3  # smaller side / larger side of the curve's area
STANDS_OUT = 1.5  # a smooth change is about half its two neighbours' sum
MAX_SUSPECTS = 512  # intervals bisected per component
MAX_HALVINGS = 64  # enough to reach adjacent floats from the widest interval
JUMP_RELATIVE = 1e-6  # a jump is a change this large relative to the values...
JUMP_ABSOLUTE = 1e-12  # ...or to the largest value of the component on the grid
JUMP_SPAN = 1e4  # beyond, adjacent floats are too far apart to tell a jump from a slope
KEPT_SHARE = 1e-3  # ...and keeps at least this share of the interval's first change
POLE_FACTOR = 1e6  # a jump this many times the sampled spread of f is a pole
SPREAD_RADII = (1e4, 1e8, 1e12)  # the bounded test compares the spread within these


@dataclass(frozen=True)
class CurveProperties:
    """The inferred properties (None = not decided) and the sampled value range."""

    monotonic: bool | None
    smooth: bool | None
    bounded: bool | None
    zero_centred: bool | None
    low: float
    high: float

    def unknown(self) -> frozenset[str]:
        """Names of the properties the samples could not decide."""
        names = ("monotonic", "smooth", "bounded", "zero_centred")
        return frozenset(name for name in names if getattr(self, name) is None)


def infer_properties(evaluate) -> CurveProperties:
    """Sample ``evaluate(x) -> (f, f', f'')`` and infer the curve's properties.

    Parameters
    ----------
    evaluate : callable
        Takes a float64 array; returns three arrays of its shape (NaN where
        undefined, +-inf where too large), without warnings.

    Returns
    -------
    CurveProperties
    """
    components = evaluate(GRID)
    jumps, blown_up, undecided, visited = _find_jumps(evaluate, GRID, components)
    values = components[0]
    # Only an undefined value is a gap: a derivative can be NaN where its terms
    # overflow (inf / inf far out on a sigmoid) while the curve itself is fine.
    gaps = bool(np.isnan(values).any()) or undecided
    everything = np.concatenate([values, visited, _turning_values(evaluate, components[1])])
    finite = everything[np.isfinite(everything)]
    low = float(finite.min()) if finite.size else -np.inf
    high = float(finite.max()) if finite.size else np.inf
    return CurveProperties(
        monotonic=_monotonic(values, components[1], gaps),
        smooth=False if any(jumps) else (None if gaps else True),
        bounded=_bounded(values, blown_up, gaps),
        zero_centred=_zero_centred(values),
        low=low,
        high=high,
    )


def _turning_values(evaluate, slopes) -> np.ndarray:
    """f where f' changes sign between two samples (a peak such as exp(-x**2) at 0
    falls between samples), found by bisecting on the sign of f'."""
    both = np.isfinite(slopes[:-1]) & np.isfinite(slopes[1:])
    turns = np.flatnonzero(both & (np.sign(slopes[:-1]) * np.sign(slopes[1:]) < 0))
    turns = turns[:MAX_SUSPECTS]
    if not turns.size:
        return np.empty(0)
    left, right = GRID[turns], GRID[turns + 1]
    rising_left = slopes[turns] > 0
    for _ in range(MAX_HALVINGS):
        middle = left + (right - left) / 2
        moving = (middle != left) & (middle != right)
        if not moving.any():
            break
        same_as_left = (evaluate(middle)[1] > 0) == rising_left
        left = np.where(moving & same_as_left, middle, left)
        right = np.where(moving & ~same_as_left, middle, right)
    return evaluate(np.concatenate([left, right]))[0]


def _monotonic(values, slopes, gaps) -> bool | None:
    finite_slopes = slopes[np.isfinite(slopes)]
    scale = float(np.abs(finite_slopes).max()) if finite_slopes.size else 0.0
    if np.any(slopes == -np.inf) or np.any(finite_slopes < -1e-9 * scale):
        return False
    left, right = values[:-1], values[1:]
    both = np.isfinite(left) & np.isfinite(right)
    drop = sm.subtract(np.where(both, left, 0.0), np.where(both, right, 0.0))
    size = np.maximum(np.abs(np.where(both, left, 0.0)), np.abs(np.where(both, right, 0.0)))
    falls = both & (drop > 1e-9 * size)
    falls |= (left == np.inf) & (right < np.inf)
    falls |= (left > -np.inf) & (right == -np.inf)
    if falls.any():
        return False
    return None if gaps else True


def _spread(values, radius) -> float:
    inside = values[(np.abs(GRID) <= radius) & np.isfinite(values)]
    return float(sm.subtract(inside.max(), inside.min())) if inside.size else 0.0


def _bounded(values, blown_up, gaps) -> bool | None:
    if np.isinf(values).any() or blown_up:
        return False
    near, middle, far = (_spread(values, radius) for radius in SPREAD_RADII)
    early, late = middle - near, far - middle
    if late > 0.5 * early and late > 1e-3 * far:
        return False  # not slowing down: a logarithm or faster
    if late <= 0.25 * early or late <= 1e-6 * far:
        return None if gaps else True
    return None


def _zero_centred(values) -> bool | None:
    inside = values[np.abs(GRID) <= CENTRED_SPAN]
    if not np.isfinite(inside).all():
        return None
    scale = float(np.abs(inside).max())
    if scale == 0.0:
        return False
    scaled = inside / scale
    negative = -float(np.minimum(scaled, 0.0).mean())
    positive = float(np.maximum(scaled, 0.0).mean())
    return min(negative, positive) >= CENTRED_RATIO * max(negative, positive)


def _changes(left, right) -> np.ndarray:
    """|right - left| where both are finite, 0 elsewhere."""
    both = np.isfinite(left) & np.isfinite(right)
    return np.abs(sm.subtract(np.where(both, right, 0.0), np.where(both, left, 0.0)))


def _suspects(component, slope) -> np.ndarray:
    """Indices of the intervals whose change stands out from both neighbours' or,
    on the fine central grid, disagrees with the component's exact slope (``slope``,
    None for f'')."""
    # change per unit of x, so the step from the fine grid to the wide one is no jump
    change = _changes(component[:-1], component[1:]) / np.diff(GRID)
    padded = np.concatenate([[0.0], change, [0.0]])
    neighbours = sm.add(padded[:-2], padded[2:])
    stands_out = (change > 0) & (change > STANDS_OUT * neighbours)
    if slope is not None:
        stands_out |= _disagrees(component, slope)
    # a jump next to an undefined or overflowing sample is judged as a gap, not here
    both = np.isfinite(component[:-1]) & np.isfinite(component[1:])
    near = np.abs(GRID[1:]) <= JUMP_SPAN
    return np.flatnonzero(stands_out & both & near)


def _disagrees(component, slope) -> np.ndarray:
    """Central intervals whose change is not what the trapezoid rule on the slope says:
    a pole between two samples (1/x) changes the value against the slope's sign."""
    step = np.diff(GRID)
    fine = np.abs(GRID[:-1]) < CENTRE[-1]
    usable = fine & np.isfinite(slope[:-1]) & np.isfinite(slope[1:])
    mean_slope = np.where(usable, slope[:-1] / 2, 0.0) + np.where(usable, slope[1:] / 2, 0.0)
    expected = sm.multiply(mean_slope, step)
    both = np.isfinite(component[:-1]) & np.isfinite(component[1:])
    actual = sm.subtract(np.where(both, component[1:], 0.0), np.where(both, component[:-1], 0.0))
    error = np.abs(sm.subtract(actual, expected))
    return usable & both & (error > 0.5 * np.abs(actual)) & (np.abs(actual) > 0)


def _find_jumps(evaluate, grid, components):
    """Bisect the suspect intervals of f, f' and f'' (all in one evaluation per step).

    Returns (jump per component, whether f blew up near a point, whether some
    suspect could not be judged, every value of f seen while bisecting).
    """
    undecided = False
    owners, lefts, rights, g_lefts, g_rights = [], [], [], [], []
    for index, component in enumerate(components):
        suspects = _suspects(component, components[index + 1] if index < 2 else None)
        if suspects.size > MAX_SUSPECTS:
            undecided = True
            change = _changes(component[suspects], component[suspects + 1])
            suspects = suspects[np.argsort(change)[-MAX_SUSPECTS:]]
        owners.append(np.full(suspects.size, index))
        lefts.append(grid[suspects])
        rights.append(grid[suspects + 1])
        g_lefts.append(component[suspects])
        g_rights.append(component[suspects + 1])
    owner = np.concatenate(owners)
    if not owner.size:
        return [False, False, False], False, undecided, np.empty(0)
    left, right = np.concatenate(lefts), np.concatenate(rights)
    g_left, g_right = np.concatenate(g_lefts), np.concatenate(g_rights)
    start = _changes(g_left, g_right)
    visited = []
    for _ in range(MAX_HALVINGS):
        middle = left + (right - left) / 2
        moving = (middle != left) & (middle != right)
        if not moving.any():
            break
        at_middle = evaluate(middle)
        visited.append(at_middle[0][owner == 0])
        g_middle = np.choose(owner, at_middle)
        go_left = moving & (_changes(g_left, g_middle) >= _changes(g_middle, g_right))
        go_right = moving & ~go_left
        right = np.where(go_left, middle, right)
        g_right = np.where(go_left, g_middle, g_right)
        left = np.where(go_right, middle, left)
        g_left = np.where(go_right, g_middle, g_left)
    defined = ~(np.isnan(g_left) | np.isnan(g_right))
    infinite = defined & (np.isinf(g_left) | np.isinf(g_right))
    size = np.where(infinite, 0.0, np.maximum(np.abs(g_left), np.abs(g_right)))
    change = _changes(g_left, g_right)
    scales = np.array([_largest(component) for component in components])
    threshold = JUMP_RELATIVE * size + JUMP_ABSOLUTE * scales[owner]
    # A continuous component's change shrinks with the interval; a jump keeps
    # most of the change the interval started with.
    jump = infinite | ((change > threshold) & (change > KEPT_SHARE * start))
    jumps = [bool(jump[owner == index].any()) for index in range(3)]
    undecided |= bool((~defined).any())
    values = components[0][np.isfinite(components[0])]
    spread = float(sm.subtract(values.max(), values.min())) if values.size else 0.0
    pole = (owner == 0) & (infinite | (change > POLE_FACTOR * max(spread, 1e-300)))
    return jumps, bool(pole.any()), undecided, np.concatenate(visited)


def _largest(component) -> float:
    finite = np.abs(component[np.isfinite(component)])
    return float(finite.max()) if finite.size else 0.0
