"""Facts the lessons on learning and networks (3 and 4) state since the third reading: the
neurons each step names, the error and the loss, walking down the loss, what an undecided
network scores, and the straight border of a unit's tile. Checked against PyTorch and the
library; the older facts of lessons 1 to 5 are in ``test_lesson_facts.py``."""

import itertools
import sys
from pathlib import Path

import numpy as np
import pytest
import torch

from actplay.core import datasets
from actplay.core.grid import plane_grid

sys.path.insert(0, str(Path(__file__).resolve().parent))
from lesson_cases import after_setup, read  # noqa: E402


def bce(output, right):
    return torch.nn.functional.binary_cross_entropy(
        torch.tensor(output, dtype=torch.float64), torch.tensor(right, dtype=torch.float64)
    ).item()


def test_the_film_neuron_ticks_good_weather_and_a_near_cinema():
    """Lesson 2 step 1 and lesson 3's last step name the boxes ticked in words."""
    for key, step in (("02-perceptron", 1), ("03-learning", 6)):
        playground = after_setup(key, step)
        assert playground.neuron_inputs == (1.0, 0.0, 1.0), key  # weather yes, friend no, near
        assert playground.neuron_input_names[:3] == ("weather", "friend", "cinema")


def test_inputs_of_0_leave_w1_and_w3_out_of_the_evening():
    playground = after_setup("03-learning", 1)
    z = playground.neuron_result().z
    for weight in (0, 2):  # w1 and w3 change nothing while x1 = x3 = 0
        playground.set_neuron_weight(weight, 5.0)
        assert playground.neuron_result().z == z
    playground.set_neuron_bias(-1.0)  # the bias alone can do it too
    assert playground.neuron_result().a == 1


def test_the_film_neuron_answers_only_0_or_1_and_the_next_steps_neurons_are_sigmoids():
    playground = after_setup("03-learning", 1)
    for ticks in itertools.product((0.0, 1.0), repeat=3):
        for i, tick in enumerate(ticks):
            playground.set_neuron_input(i, tick)
        assert playground.neuron_result().a in (0.0, 1.0)
    for step in (2, 3, 4, 5):
        assert after_setup("03-learning", step).neuron_activation == "sigmoid"


def test_an_error_grows_with_the_distance_from_the_right_answer_and_is_0_at_it():
    outputs = np.linspace(0.01, 0.99, 99)
    for right in (0.0, 1.0):
        errors = [bce(output, right) for output in outputs]
        distance = np.abs(outputs - right)
        assert np.all(np.diff(np.array(errors)[np.argsort(distance)]) > 0)
        assert bce(right, right) == 0


def test_an_undecided_network_scores_ln_2_and_untrained_ones_start_near_it():
    for key, step in (("04-network", 4), ("08-vanishing", 3), ("08-vanishing", 4)):
        playground = after_setup(key, step)
        assert playground.training_settings["loss"] == "bce"
        undecided = read(playground, "training.undecided_loss")
        labels = playground.dataset().train[1]
        assert undecided == pytest.approx(bce([0.5] * len(labels), list(labels)))
        assert undecided == pytest.approx(np.log(2))
        if key == "04-network":  # an untrained sigmoid network starts near it
            assert abs(read(playground, "training.loss") - undecided) < 0.1


def test_the_neurons_of_learning_steps_2_to_4():
    two, three, four = (after_setup("03-learning", step) for step in (2, 3, 4))
    assert two.neuron_result().z == three.neuron_result().z  # the same slope: one number form
    assert three.neuron_inputs == four.neuron_inputs == (1.0,)
    assert three.neuron_weights == four.neuron_weights and three.neuron_bias < 0
    # dragging the bias to the right, towards 0, raises the slope: the task's direction
    slopes = []
    for bias in (-4.0, -3.0, -2.0, -1.0):
        three.set_neuron_bias(bias)
        slopes.append(three.neuron_result().slope)
    assert np.all(np.diff(slopes) > 0)


def test_walking_down_the_loss_for_w1():
    playground = after_setup("03-learning", 4)
    x1, w1, bias = playground.neuron_inputs[0], playground.neuron_weights[0], playground.neuron_bias
    weight = torch.tensor(w1, dtype=torch.float64, requires_grad=True)
    error = torch.nn.functional.binary_cross_entropy_with_logits(
        weight * x1 + bias, torch.tensor(1.0, dtype=torch.float64)
    )
    error.backward()
    assert read(playground, "neuron.error(1)") == pytest.approx(error.item())
    assert weight.grad.item() < 0  # the curve falls to the right: downhill is to the right
    errors, outputs = [], []
    for value in np.linspace(w1, 5.0, 9):  # the demo drags w1 to 5
        playground.set_neuron_weight(0, float(value))
        errors.append(read(playground, "neuron.error(1)"))
        outputs.append(playground.neuron_result().a)
    assert np.all(np.diff(errors) < 0)
    assert np.all(np.diff(outputs) > 0)  # "the nearer a comes to 1, the smaller the error"
    assert playground.neuron_result().a > 0.6  # the task is met at the demo's end


def test_a_hidden_units_border_on_its_tile_is_a_straight_line():
    playground = after_setup("04-network", 3)
    points = plane_grid(*playground.plane_range, 16).astype(np.float64)
    z = playground.network().forward(points).z[0]  # the hidden layer's z over the plane
    design = np.column_stack([np.ones(len(points)), points])
    for unit in range(z.shape[1]):  # z = w1·x1 + w2·x2 + b is a plane, its 0 a line
        coefficients, *_ = np.linalg.lstsq(design, z[:, unit], rcond=None)
        np.testing.assert_allclose(design @ coefficients, z[:, unit], atol=1e-9)


def test_the_networks_lesson_uses_the_disc_in_a_ring_with_its_two_inputs():
    for step in (1, 3, 4):
        playground = after_setup("04-network", step)
        assert playground.dataset_spec["source"] == "circle"
        assert playground.dataset().kind == datasets.CLASSIFICATION
        assert playground.features == tuple(datasets.DEFAULT_FEATURES)


def test_a_weights_slope_worked_out_factor_by_factor():
    """Lesson 3 step 5: the error's slope for a, times f'(z) (the learning signal), times
    the input, each checked against PyTorch's gradients of the same error."""
    playground = after_setup("03-learning", 5)
    x1, bias = playground.neuron_inputs[0], playground.neuron_bias
    for w1 in (playground.neuron_weights[0], 2.5, 5.0):  # at the start, and on the way
        playground.set_neuron_weight(0, w1)
        weight = torch.tensor(w1, dtype=torch.float64, requires_grad=True)
        z = weight * x1 + bias
        z.retain_grad()
        a = torch.sigmoid(z)
        a.retain_grad()
        torch.nn.functional.binary_cross_entropy(
            a, torch.tensor(1.0, dtype=torch.float64)
        ).backward()
        assert read(playground, "neuron.error_slope_a(1)") == pytest.approx(a.grad.item())
        assert read(playground, "neuron.learning_signal(1)") == pytest.approx(z.grad.item())
        assert read(playground, "neuron.error_slope_w1(1)") == pytest.approx(weight.grad.item())
        # "the learning signal is always a minus the right answer"
        assert read(playground, "neuron.learning_signal(1)") == pytest.approx(a.item() - 1)
    first = after_setup("03-learning", 5)
    assert read(first, "neuron.error_slope_a(1)") < -1  # negative, and large: a is far off
    assert read(first, "neuron.slope") < 0.05  # a flat f'(z) the large slope makes up for
    assert read(first, "neuron.error_slope_w1(1)") < 0  # so gradient descent raises w1
    signals = []
    for w1 in np.linspace(first.neuron_weights[0], 5.0, 9):  # the demo drags w1 to 5
        first.set_neuron_weight(0, float(w1))
        signals.append(read(first, "neuron.learning_signal(1)"))
    assert np.all(np.diff(np.abs(signals)) < 0)  # nearer the answer, weaker the signal
    first.set_neuron_activation("tanh")  # the error is only defined for the sigmoid
    assert read(first, "neuron.learning_signal(1)") is None
