"""While a race runs its axes move in steps; stopped, they fit the data again."""

from __future__ import annotations

import pytest

from actplay.ui.race.curves import STEADY_FILL, nice_ceiling, steady_span


@pytest.mark.parametrize(
    ("value", "expected"),
    [(1.0, 1.0), (1.2, 2.0), (3.0, 5.0), (7.0, 10.0), (130.0, 200.0), (0.04, 0.05)],
)
def test_nice_ceiling_is_the_next_1_2_5_step(value, expected):
    assert nice_ceiling(value) == pytest.approx(expected)


def test_a_span_that_still_holds_the_data_is_kept():
    span = steady_span(None, 0.2, 0.7, floor=0.0)
    assert span[0] <= 0.2 and span[1] >= 0.7
    assert steady_span(span, 0.25, 0.65, floor=0.0) == span  # inside: unchanged


def test_a_span_moves_when_the_data_leaves_it_or_shrinks_within_it():
    span = steady_span(None, 0.2, 0.7, floor=0.0)
    grown = steady_span(span, 0.2, 0.9, floor=0.0)
    assert grown != span and grown[1] >= 0.9
    lo, hi = grown
    small = (lo + 0.01, lo + 0.01 + 0.9 * STEADY_FILL * (hi - lo))  # fills too little
    shrunk = steady_span(grown, *small, floor=0.0)
    assert shrunk != grown and shrunk[1] - shrunk[0] < hi - lo


def test_the_floor_keeps_a_loss_axis_at_zero_or_above():
    assert steady_span(None, 0.01, 0.5, floor=0.0)[0] == 0.0
    assert steady_span(None, 0.01, 0.5)[0] < 0.0
