"""Truncated Taylor jets: forward-mode automatic differentiation to second order.

A :class:`Jet` carries a value and its first two derivatives with respect to x,
``(f, f', f'')``, each a float64 array. Arithmetic on jets applies the product,
quotient and chain rules exactly, so evaluating a formula on the jet of x gives
the exact derivatives (up to rounding) in one vectorised pass, with no symbolic
algebra. A derivative that is identically zero (a constant, a parameter) is
``None``, which keeps constant sub-expressions cheap; ``order`` says how many
derivatives the caller wants, so values alone cost one pass.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import safe_math as sm


@dataclass(frozen=True)
class Jet:
    """``value``, ``first``, ``second``: f, f', f'' (``None`` = identically zero)."""

    value: np.ndarray
    first: np.ndarray | None
    second: np.ndarray | None
    order: int

    @classmethod
    def constant(cls, value, order: int) -> Jet:
        """A jet whose derivatives are zero."""
        return cls(sm.as_array(value), None, None, order)

    @classmethod
    def variable(cls, x, order: int) -> Jet:
        """The jet of x itself: derivative 1, curvature 0."""
        first = np.ones_like(sm.as_array(x)) if order >= 1 else None
        return cls(sm.as_array(x), first, None, order)


def _plus(a, b):
    if a is None:
        return b
    if b is None:
        return a
    return sm.add(a, b)


def _times(a, b):
    return None if a is None or b is None else sm.multiply(a, b)


def _zero_if_none(component, like):
    return np.zeros_like(like) if component is None else component


def add(a: Jet, b: Jet) -> Jet:
    """a + b."""
    second = _plus(a.second, b.second) if a.order >= 2 else None
    return Jet(sm.add(a.value, b.value), _plus(a.first, b.first), second, a.order)


def negate(a: Jet) -> Jet:
    """-a."""
    return Jet(
        -a.value,
        None if a.first is None else -a.first,
        None if a.second is None else -a.second,
        a.order,
    )


def subtract(a: Jet, b: Jet) -> Jet:
    """a - b."""
    return add(a, negate(b))


def multiply(a: Jet, b: Jet) -> Jet:
    """a * b: (ab)' = a'b + ab', (ab)'' = a''b + 2a'b' + ab''."""
    first = _plus(_times(a.first, b.value), _times(a.value, b.first))
    second = None
    if a.order >= 2:
        cross = _times(a.first, b.first)
        second = _plus(
            _plus(_times(a.second, b.value), _times(a.value, b.second)),
            None if cross is None else sm.multiply(2.0, cross),
        )
    return Jet(sm.multiply(a.value, b.value), first, second, a.order)


def divide(a: Jet, b: Jet) -> Jet:
    """a / b, by differentiating a = q b.

    q' = (a' - q b') / b and q'' = (a'' - 2 q' b' - q b'') / b.
    """
    quotient = sm.divide(a.value, b.value)
    numerator = _plus(a.first, None if b.first is None else -_times(quotient, b.first))
    first = None if numerator is None else sm.divide(numerator, b.value)
    second = None
    if a.order >= 2:
        cross = _times(first, b.first)
        numerator = _plus(a.second, None if cross is None else -sm.multiply(2.0, cross))
        numerator = _plus(numerator, None if b.second is None else -_times(quotient, b.second))
        second = None if numerator is None else sm.divide(numerator, b.value)
    return Jet(quotient, first, second, a.order)


def chain(u: Jet, function) -> Jet:
    """g(u) for an elementwise g: ``function(u, need_first, need_second)`` returns
    ``(g, g', g'')`` at u's value (a derivative it was not asked for may be None).

    (g∘u)' = g'(u) u' and (g∘u)'' = g''(u) u'^2 + g'(u) u''.
    """
    need_first = u.order >= 1 and (u.first is not None or u.second is not None)
    need_second = u.order >= 2 and u.first is not None
    value, slope, curvature = function(u.value, need_first, need_second)
    first = _times(slope, u.first) if need_first else None
    second = None
    if u.order >= 2 and need_first:
        bend = _times(curvature, sm.square(u.first)) if need_second else None
        second = _plus(bend, _times(slope, u.second))
    return Jet(value, first, second, u.order)


def select(condition: np.ndarray, a: Jet, b: Jet) -> Jet:
    """where(condition, a, b) for every component: the selected branch's derivatives."""

    def pick(left, right):
        if left is None and right is None:
            return None
        like = np.broadcast(a.value, b.value, condition)
        zeros = np.zeros(like.shape)
        return np.where(
            condition, zeros if left is None else left, zeros if right is None else right
        )

    return Jet(
        np.where(condition, a.value, b.value),
        pick(a.first, b.first),
        pick(a.second, b.second),
        a.order,
    )


def extreme(a: Jet, b: Jet, larger: bool) -> Jet:
    """max(a, b) (or min): like torch.maximum/minimum, ties take the mean derivative."""
    wins = a.value > b.value if larger else a.value < b.value
    tie = a.value == b.value
    missing = np.isnan(a.value) | np.isnan(b.value)

    def pick(left, right):
        if left is None and right is None:
            return None
        shape = np.broadcast(a.value, b.value).shape
        left = np.broadcast_to(_zero_if_none(left, np.zeros(shape)), shape)
        right = np.broadcast_to(_zero_if_none(right, np.zeros(shape)), shape)
        mean = sm.add(0.5 * left, 0.5 * right)
        return np.where(missing, np.nan, np.where(wins, left, np.where(tie, mean, right)))

    value = np.where(missing, np.nan, np.where(wins | tie, a.value, b.value))
    return Jet(value, pick(a.first, b.first), pick(a.second, b.second), a.order)
