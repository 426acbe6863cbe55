"""What one unit's activation does to its own z, and runs of flagged samples.

For an element-wise activation that is just the registry function. Softmax
is layer-wide: a unit's output depends on every unit's z. Holding the other
units' z fixed, softmax of one unit is a shifted logistic,
``s_i(z) = sigmoid(z - logsumexp(z_others))``, which is what the curve pane
and the neuron panel show for a unit of a softmax output layer.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

import numpy as np

from actplay.core import activations as acts
from actplay.core.network import SOFTMAX
from actplay.model import limits as lim

MIN_RUN = 2  # samples: a single flagged sample is a point, not a region


class UnitFunction(NamedTuple):
    """``f``, ``df``, ``d2f``: callables of an array of z; ``title`` for labels."""

    title: str
    f: Callable[[np.ndarray], np.ndarray]
    df: Callable[[np.ndarray], np.ndarray]
    d2f: Callable[[np.ndarray], np.ndarray]


def unit_function(name: str, params: dict, softmax_others=None, custom=None) -> UnitFunction:
    """Return the function, slope and curvature of one unit's activation.

    Parameters
    ----------
    name : str
        A registry name, or ``"softmax"``.
    params : dict
        Resolved parameters of the function.
    softmax_others : ndarray, optional
        For softmax, the z of the layer's other units (held fixed); none means
        the unit is alone, and its softmax is the constant 1.
    custom : dict, optional
        The Playground's custom activations, name -> Activation.
    """
    if name != SOFTMAX.name:
        function = lim.find_activation(name, custom)
        return UnitFunction(
            function.title,
            lambda z: function(z, **params),
            lambda z: function.derivative(z, **params),
            lambda z: function.second_derivative(z, **params),
        )
    others = np.asarray([] if softmax_others is None else softmax_others, dtype=np.float64)
    if others.size == 0:
        return UnitFunction(SOFTMAX.title, np.ones_like, np.zeros_like, np.zeros_like)
    shift = float(np.logaddexp.reduce(others))
    logistic = acts.get("sigmoid")
    return UnitFunction(
        SOFTMAX.title,
        lambda z: logistic(np.asarray(z, dtype=np.float64) - shift),
        lambda z: logistic.derivative(np.asarray(z, dtype=np.float64) - shift),
        lambda z: logistic.second_derivative(np.asarray(z, dtype=np.float64) - shift),
    )


def intervals(x: np.ndarray, mask: np.ndarray) -> tuple[tuple[float, float], ...]:
    """The ``(x_start, x_end)`` of every run of at least ``MIN_RUN`` true samples in ``mask``.

    Examples
    --------
    >>> intervals(np.arange(6.0), np.array([0, 1, 1, 1, 0, 1], bool))
    ((1.0, 3.0),)
    """
    padded = np.concatenate(([0], np.asarray(mask, dtype=np.int8), [0]))
    edges = np.diff(padded)
    starts = np.flatnonzero(edges == 1)
    ends = np.flatnonzero(edges == -1) - 1  # inclusive index of each run's last sample
    long_enough = (ends - starts + 1) >= MIN_RUN
    return tuple(
        (float(x[s]), float(x[e]))
        for s, e in zip(starts[long_enough], ends[long_enough], strict=True)
    )


def toward_ends(mask: np.ndarray) -> np.ndarray:
    """``mask`` kept only in the runs that reach its first or its last sample.

    Saturation is a curve flattening out towards its ends; a flat spot in between
    (Swish's minimum, the top of a bump) is a turning point, not saturation.

    Examples
    --------
    >>> toward_ends(np.array([1, 1, 0, 1, 0, 1], bool)).astype(int).tolist()
    [1, 1, 0, 0, 0, 1]
    """
    mask = np.asarray(mask, dtype=bool)
    kept = np.zeros_like(mask)
    if not mask.size:
        return kept
    if mask[0]:
        first_gap = np.flatnonzero(~mask)
        kept[: first_gap[0] if first_gap.size else mask.size] = True
    if mask[-1]:
        last_gap = np.flatnonzero(~mask)
        kept[(last_gap[-1] + 1 if last_gap.size else 0) :] = True
    return kept
