"""Every fact the shipped lessons state, checked against the library and PyTorch.

The lessons show numbers live from the model; what their sentences claim in
words (the sigmoid's slope peaks at 0.25, the step's slope is 0, five epochs
leave the deep sigmoid network at chance) is checked here, so a change to the
library that makes a lesson wrong fails a test.
"""

import itertools
import re

import numpy as np
import pytest
import torch

from actplay import resources
from actplay.core import activations
from actplay.core.formula import make_custom_activation
from actplay.model import lesson_actions, lesson_checks, lessons, presets
from actplay.model.playground import Playground

GRID = np.linspace(-8, 8, 1601)


def lesson(number: int) -> lessons.Lesson:
    return lessons.load(resources.lesson_files()[number - 1])


def after_setup(number: int, step: int) -> Playground:
    playground = Playground()
    lesson_actions.apply_actions(playground, lesson(number).steps[step - 1].setup)
    return playground


def torch_slope(function, x):
    points = torch.tensor(x, dtype=torch.float64, requires_grad=True)
    function(points).sum().backward()
    return points.grad.numpy()


def test_eight_lessons_ship_in_teaching_order_and_load():
    paths = resources.lesson_files()
    assert len(paths) >= 8
    assert [path.name[:3] for path in paths] == [f"{i:02d}-" for i in range(1, len(paths) + 1)]
    titles = [lessons.load(path).title for path in paths]
    assert titles[0].startswith("The neuron") and titles[7] == "Your own function"


def test_every_task_is_open_right_after_its_setup():
    for path in resources.lesson_files():
        for number, step in enumerate(lessons.load(path).steps, start=1):
            playground = Playground()
            lesson_actions.apply_actions(playground, step.setup)
            if step.check is not None:
                assert not lesson_checks.holds(step.check, playground), f"{path.name} step {number}"


NUMBER = re.compile(r"(?<![\w.′])[−-]?\d+(?:\.\d+)?")
PLACEHOLDER = re.compile(r"\{[^{}]*\}")
DEFINITIONS = {0.0, 1.0, -1.0}  # 0 and 1 in definitions ("between 0 and 1", "max(0, z)")


def literal_numbers(text: str) -> set[float]:
    return {float(n.replace("−", "-")) for n in NUMBER.findall(PLACEHOLDER.sub(" ", text))}


def predicate_values(predicate) -> set[float]:
    if isinstance(predicate, lesson_checks.Combination):
        return set().union(*(predicate_values(part) for part in predicate.parts))
    values = predicate.value if isinstance(predicate.value, tuple) else (predicate.value,)
    point = predicate.reference.point  # "slope at x = 6" names the 6 of curve.df(6)
    return {float(v) for v in values if isinstance(v, float)} | ({point} - {None})


def source_texts(path):
    import tomllib

    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return data, data["steps"]


@pytest.mark.parametrize("path", resources.lesson_files(), ids=lambda p: p.name)
def test_no_number_is_typed_into_lesson_text(path):
    """Values come from {placeholders}; a task's own thresholds match its check."""
    data, steps = source_texts(path)
    parsed = lessons.load(path)
    for number, (raw, step) in enumerate(zip(steps, parsed.steps, strict=True), start=1):
        for field in ("text", "done"):
            text = raw.get(field, "")
            points = {
                float(part.reference.point)
                for part in lesson_checks.parse_text(text, field)
                if not isinstance(part, str) and part.reference.point is not None
            }
            stray = literal_numbers(text) - DEFINITIONS - points
            assert not stray, f"step {number} {field}: typed numbers {stray}"
        if step.check is not None:
            stray = literal_numbers(raw["task"]) - DEFINITIONS - predicate_values(step.check)
            assert not stray, f"step {number} task: numbers {stray} not in its check"


# -- lesson 1: the neuron ----------------------------------------------------------------------
def test_the_sigmoid_is_above_one_half_exactly_when_z_is_positive():
    sigmoid = activations.get("sigmoid")
    values = sigmoid(GRID)
    assert np.all((values > 0.5) == (GRID > 0))
    assert np.all((values > 0) & (values < 1))
    playground = after_setup(1, 3)  # z = x1 + b: switches on once x1 passes -b
    assert playground.neuron_weights == (1.0,) and playground.neuron_bias < 0


# -- lesson 2: the perceptron ------------------------------------------------------------------
def test_the_film_perceptron_truth_table():
    playground = after_setup(2, 1)
    assert playground.neuron_weights == (4.0, 2.0, 2.0) and playground.neuron_bias == -3.0
    step = activations.get("binary_step")
    assert step(np.array([1e-9]))[0] == 1.0 and step(np.array([0.0]))[0] == 0.0  # 1 when z > 0
    rows = {row.inputs: row.a for row in playground.truth_table()}
    for inputs in itertools.product((0, 1), repeat=3):
        weighted = 4 * inputs[0] + 2 * inputs[1] + 2 * inputs[2]
        assert rows[inputs] == (1.0 if weighted > 3 else 0.0)
    assert sum(rows.values()) == 5 and rows[(1, 0, 0)] == 1.0 and rows[(0, 1, 1)] == 1.0
    playground.set_neuron_bias(-5.0)  # the demo's bias: weather alone is no longer enough
    yes = {row.inputs for row in playground.truth_table() if row.a == 1.0}
    assert yes == {(1, 1, 0), (1, 0, 1), (1, 1, 1)}


def test_a_step_has_no_slope_and_the_sigmoid_always_has_one():
    step = activations.get("binary_step")
    off_jump = GRID[GRID != 0]
    assert np.all(step.derivative(off_jump) == 0)
    assert np.all(activations.get("sigmoid").derivative(np.linspace(-30, 30, 601)) > 0)


# -- lesson 3: squashing -----------------------------------------------------------------------
def test_the_sigmoid_slope_formula_and_its_maximum():
    sigmoid = activations.get("sigmoid")
    reference = torch_slope(torch.sigmoid, GRID)
    np.testing.assert_allclose(sigmoid.derivative(GRID), reference, atol=1e-12)
    np.testing.assert_allclose(reference, sigmoid(GRID) * (1 - sigmoid(GRID)), atol=1e-12)
    assert torch_slope(torch.sigmoid, np.array([0.0]))[0] == 0.25
    assert GRID[np.argmax(reference)] == 0.0
    assert sigmoid.derivative(np.array([4.0]))[0] < 0.05  # the demo's x1 = 4 saturates


def test_tanh_is_zero_centred_steeper_and_saturates_both_ways():
    tanh = activations.get("tanh")
    assert tanh(np.array([0.0]))[0] == 0.0
    slope0 = torch_slope(torch.tanh, np.array([0.0]))[0]
    assert slope0 == 1.0 > 0.25
    assert np.all(np.abs(tanh(GRID)) < 1)
    assert tanh(np.array([-4.0]))[0] < -0.99  # the demo
    assert np.all(torch_slope(torch.tanh, np.array([-4.0, 4.0])) < 0.05)
    assert np.all(activations.get("sigmoid")(GRID) > 0)  # "every output is positive"


# -- lesson 4: ReLU ----------------------------------------------------------------------------
def test_relu_slope_is_one_right_of_zero_and_zero_left():
    relu = activations.get("relu")
    np.testing.assert_array_equal(relu.derivative(GRID), torch_slope(torch.relu, GRID))
    assert np.all(relu.derivative(GRID[GRID > 0]) == 1)
    assert np.all(relu.derivative(GRID[GRID < 0]) == 0)


def test_the_dead_relu_stays_dead_and_its_rescuers_keep_a_slope():
    playground = after_setup(4, 2)
    weights, bias = np.array(playground.neuron_weights), playground.neuron_bias
    assert np.all(weights < 0) and bias < 0 and np.all(np.array(playground.neuron_inputs) > 0)
    positive_inputs = np.random.default_rng(0).uniform(0, 10, size=(1000, 3))
    z = positive_inputs @ weights + bias
    assert np.all(z < 0)
    assert playground.neuron_result().a == 0 and playground.neuron_result().slope == 0
    z_now = np.array([playground.neuron_result().z])
    for name in ("leaky_relu", "elu", "gelu"):
        assert activations.get(name).derivative(z_now)[0] != 0
    assert activations.get("elu").derivative(np.array([-2.0]))[0] > 0


# -- lesson 5: vanishing gradients -------------------------------------------------------------
def test_the_gradient_product_vanishes_with_sigmoids_not_with_relus():
    sigmoid_net, relu_net = Playground(), Playground()
    presets.apply(sigmoid_net, "deep_sigmoid")
    presets.apply(relu_net, "deep_relu")
    assert activations.get("sigmoid").derivative(GRID).max() == 0.25
    sig = [layer.gradient_product for layer in sigmoid_net.network_diagnostics()]
    rel = [layer.gradient_product for layer in relu_net.network_diagnostics()]
    assert all(b < a for a, b in itertools.pairwise(sig))
    assert sig[5] < 1e-3  # "a tiny fraction" after the last hidden layer
    assert rel[5] > 100 * sig[5]


def test_five_epochs_leave_deep_sigmoid_at_chance_and_train_deep_relu():
    results = {}
    for step in (2, 3):
        playground = after_setup(5, step)
        for _ in range(5):
            playground.train_epoch()
        results[step] = (playground.loss_history()["train"][-1], playground.accuracy(test=False))
        labels = playground.dataset().targets
        assert abs(np.mean(labels) - 0.5) < 0.05  # balanced: guessing gets about half
    sigmoid_loss, sigmoid_accuracy = results[2]
    relu_loss, relu_accuracy = results[3]
    assert sigmoid_loss > 0.6 and abs(sigmoid_accuracy - 0.5) < 0.1
    assert relu_loss < 0.2 and relu_accuracy > 0.9


# -- lesson 6: why nonlinearity ----------------------------------------------------------------
def test_stacked_linear_layers_are_one_w_and_b():
    playground = after_setup(6, 1)
    w, b = np.eye(playground.layer_sizes[0]), np.zeros(playground.layer_sizes[0])
    for weights, biases in zip(playground.weights, playground.biases, strict=True):
        w, b = weights @ w, weights @ b + biases
    collapsed_w, collapsed_b = playground.linear_equivalent()
    np.testing.assert_allclose(collapsed_w, w, atol=1e-12)
    np.testing.assert_allclose(collapsed_b, b, atol=1e-12)
    points = np.random.default_rng(1).uniform(-6, 6, size=(50, 2))
    np.testing.assert_allclose(playground.network()(points), points @ w.T + b, atol=1e-9)
    playground.set_layer_activation(1, "tanh")
    assert playground.linear_equivalent() is None


# -- lesson 7: the output layer ----------------------------------------------------------------
def test_output_layers_mean_what_the_lesson_says():
    playground = after_setup(7, 2)
    outputs = playground.network_trace().a[-1]
    assert abs(outputs.sum() - 1) > 0.1  # three sigmoids are not shares of a whole
    playground.set_layer_activation(2, "softmax")
    assert playground.network_trace().a[-1].sum() == pytest.approx(1.0)
    sigmoid = activations.get("sigmoid")
    assert np.all((sigmoid(np.array([-50.0, 50.0])) >= 0) & (sigmoid(np.array([-50.0, 50.0])) <= 1))
    identity = activations.get("identity")
    assert identity(np.array([-3.0, 7.5])).tolist() == [-3.0, 7.5]


# -- lesson 8: your own function ---------------------------------------------------------------
def test_formula_slopes_are_exact_and_the_tips_saturate():
    swish = make_custom_activation("mine", "x*sigmoid(x)", {})
    x = np.linspace(-6, 6, 121)
    np.testing.assert_allclose(
        swish.derivative(x), torch_slope(lambda t: t * torch.sigmoid(t), x), atol=1e-12
    )
    assert swish.derivative(np.array([6.0]))[0] > 0.05  # "it keeps a slope on the right"
    for formula in ("tanh(x)", "x/(1+abs(x))"):
        tip = make_custom_activation("tip", formula, {})
        assert abs(tip.derivative(np.array([6.0]))[0]) < 0.05
