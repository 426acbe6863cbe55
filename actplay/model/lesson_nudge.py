"""What a small rise of one weight does to the neuron: the chain a lesson walks through.

Raise weight n by ``d``: z rises by ``d·xn``; the output a then rises by about
``f'(z)·d·xn`` (the slope's estimate), and by exactly ``f(z + d·xn) − f(z)``.
Lessons show the three side by side, so a learner sees that the slope tells a
weight which way to move and how far a step of it goes.
"""

from __future__ import annotations

import numpy as np

from actplay.model import limits as lim


def _input(playground, number):
    inputs = playground.neuron_inputs
    return inputs[number - 1] if 1 <= number <= len(inputs) else None


def z_change(playground, number, rise):
    """How much z changes when weight ``number`` (1-based) rises by ``rise``; None if no
    such weight."""
    x = _input(playground, number)
    return None if x is None else rise * x


def a_change_estimate(playground, number, rise):
    """The slope's estimate of how much the output changes: ``f'(z)`` times z's change."""
    change = z_change(playground, number, rise)
    return None if change is None else playground.neuron_result().slope * change


def a_change(playground, number, rise):
    """How much the output really changes, computed again at the new z.

    None for a unit of a softmax layer, whose output also depends on its neighbours.
    """
    change = z_change(playground, number, rise)
    name = playground.neuron_activation
    if change is None or name == lim.SOFTMAX:
        return None
    activation = playground.activation(name)
    z = playground.neuron_result().z
    before, after = activation(np.array([z, z + change]), **playground.neuron_params)
    return float(after - before)
