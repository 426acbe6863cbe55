"""The slope of one example's error for a weight of the neuron, as three numbers multiplied.

Lesson 3 takes the sigmoid neuron with one training example and works out the
slope gradient descent follows, factor by factor: how the error changes with
the output a, times the activation's slope f'(z) (together: the learning
signal, how the error changes with z), times the weight's input. The error is
binary cross-entropy, as in :func:`actplay.model.lesson_loss.neuron_error`, so
each quantity is None where that error is (another activation, a right answer
outside 0 to 1).
"""

from __future__ import annotations

from actplay.model import lesson_loss


def _output(playground, right_answer):
    """The neuron's output a, or None where its error is not defined."""
    if lesson_loss.neuron_error(playground, right_answer) is None:
        return None
    return playground.neuron_result().a


def error_slope_a(playground, right_answer):
    """How the error changes with a: ``(a - y) / (a (1 - a))`` for cross-entropy."""
    a = _output(playground, right_answer)
    if a is None or a * (1.0 - a) == 0.0:
        return None  # an output rounded to 0 or 1: the slope is too steep to write
    return (a - right_answer) / (a * (1.0 - a))


def learning_signal(playground, right_answer):
    """How the error changes with z: the slope for a times f'(z), which is ``a - y``."""
    slope_a = error_slope_a(playground, right_answer)
    return None if slope_a is None else slope_a * playground.neuron_result().slope


def error_slope_w(playground, number, right_answer):
    """How the error changes with weight ``number`` (1-based): the learning signal times
    that weight's input; None if there is no such weight."""
    signal = learning_signal(playground, right_answer)
    inputs = playground.neuron_inputs
    if signal is None or not 1 <= number <= len(inputs):
        return None
    return signal * inputs[number - 1]


# Read by ``lesson_quantities``: key -> (read(playground, number, point), description).
READERS = {
    "neuron.error_slope_a(x)": (
        lambda playground, n, p: error_slope_a(playground, p),
        "how the error (right answer x) changes with the output a",
    ),
    "neuron.learning_signal(x)": (
        lambda playground, n, p: learning_signal(playground, p),
        "how the error (right answer x) changes with z: the slope for a times f'(z)",
    ),
    "neuron.error_slope_w{n}(x)": (
        lambda playground, n, p: error_slope_w(playground, n, p),
        "how the error (right answer x) changes with weight n: the learning signal times input n",
    ),
}
