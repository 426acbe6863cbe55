"""Facts of the lessons on activations, deep networks, outputs and formulas (lessons 6 to
10), checked against the library and PyTorch. Lessons 1 to 5: ``test_lesson_facts.py``."""

import itertools
import sys
from pathlib import Path

import numpy as np
import pytest
import torch

from actplay.core import activations
from actplay.core.formula import make_custom_activation
from actplay.model import presets
from actplay.model.playground import Playground

sys.path.insert(0, str(Path(__file__).resolve().parent))
from lesson_cases import GRID, after_setup, read, torch_slope  # noqa: E402


# -- 06-squashing ------------------------------------------------------------------------------
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
    np.testing.assert_array_equal(tanh(-GRID), -tanh(GRID))  # balanced around 0
    np.testing.assert_allclose(tanh(GRID), torch.tanh(torch.tensor(GRID)).numpy(), atol=1e-15)
    slope0 = torch_slope(torch.tanh, np.array([0.0]))[0]
    assert slope0 == 1.0 > 0.25
    assert np.all(np.abs(tanh(GRID)) < 1)
    assert tanh(np.array([-4.0]))[0] < -0.99  # the demo
    assert f"{tanh(np.array([-4.0]))[0]:.2f}" == "-1.00" and tanh(np.array([-8.0]))[0] > -1
    assert np.all(torch_slope(torch.tanh, np.array([-4.0, 4.0])) < 0.05)
    assert np.all(activations.get("sigmoid")(GRID) > 0)  # "every output is positive"


def test_positive_inputs_move_all_of_a_units_weights_the_same_way():
    rng = np.random.default_rng(3)
    for _ in range(20):
        inputs = torch.tensor(rng.uniform(0.01, 1, 5))  # a sigmoid layer's outputs
        weights = torch.tensor(rng.normal(size=5), requires_grad=True)
        target = torch.tensor(float(rng.integers(0, 2)), dtype=torch.float64)
        output = torch.sigmoid((weights * inputs).sum() + rng.normal())
        torch.nn.functional.binary_cross_entropy(output, target).backward()
        signs = np.sign(weights.grad.numpy())
        assert np.all(signs == signs[0])
    balanced = torch.tensor([0.5, -0.5])  # inputs on both sides of 0: weights move both ways
    weights = torch.tensor([0.2, 0.3], dtype=torch.float64, requires_grad=True)
    torch.sigmoid((weights * balanced).sum()).backward()
    assert np.sign(weights.grad.numpy()).tolist() == [1.0, -1.0]


# -- 07-relu -----------------------------------------------------------------------------------
def test_relu_slope_is_one_right_of_zero_and_zero_left():
    relu = activations.get("relu")
    np.testing.assert_array_equal(relu.derivative(GRID), torch_slope(torch.relu, GRID))
    assert np.all(relu.derivative(GRID[GRID > 0]) == 1)
    assert np.all(relu.derivative(GRID[GRID < 0]) == 0)


def test_the_dead_relu_stays_dead_and_its_rescuers_keep_a_slope():
    playground = after_setup("07-relu", 2)
    weights, bias = np.array(playground.neuron_weights), playground.neuron_bias
    assert np.all(weights < 0) and bias < 0 and np.all(np.array(playground.neuron_inputs) > 0)
    positive_inputs = np.random.default_rng(0).uniform(0, 10, size=(1000, 3))
    z = positive_inputs @ weights + bias
    assert np.all(z < 0)
    assert playground.neuron_result().a == 0 and playground.neuron_result().slope == 0
    z_now = np.array([playground.neuron_result().z])
    for name in ("leaky_relu", "elu", "gelu"):
        assert activations.get(name).derivative(z_now)[0] != 0


def test_one_large_step_can_kill_a_living_relu_for_good():
    """A ReLU on for most inputs; one gradient step at a high learning rate, on an example
    that asks for a much lower output, drives its bias far below 0; then z < 0 for every
    input of 0 or more, every slope is 0, and further steps change nothing."""
    inputs = torch.rand(200, 2, dtype=torch.float64, generator=torch.Generator().manual_seed(0))
    weights = torch.tensor([0.5, 0.5], dtype=torch.float64, requires_grad=True)
    bias = torch.tensor(0.1, dtype=torch.float64, requires_grad=True)
    assert torch.mean((inputs @ weights + bias > 0).double()) > 0.9  # alive
    example, target = torch.tensor([1.0, 1.0], dtype=torch.float64), -10.0
    ((torch.relu(example @ weights + bias) - target) ** 2).backward()
    with torch.no_grad():
        for parameter in (weights, bias):
            parameter -= 1.0 * parameter.grad  # one large step
            parameter.grad = None
    assert bias.item() < -10 and torch.all(inputs @ weights + bias < 0)
    loss = ((torch.relu(inputs @ weights + bias) - 1.0) ** 2).mean()  # any later examples
    loss.backward()
    assert weights.grad.abs().max().item() == 0 and bias.grad.item() == 0  # stays dead


def test_leaky_relu_elu_and_gelu_are_what_the_lesson_says():
    negative = GRID[GRID < 0]
    x = torch.tensor(GRID)
    leaky, elu, gelu = (activations.get(name) for name in ("leaky_relu", "elu", "gelu"))
    np.testing.assert_allclose(leaky(GRID), torch.nn.functional.leaky_relu(x).numpy())
    np.testing.assert_allclose(leaky(negative), 0.01 * negative)
    assert read(after_setup("07-relu", 2), "compare1.df(-1)") == 0.01
    np.testing.assert_allclose(elu(negative), np.exp(negative) - 1, atol=1e-15)
    np.testing.assert_allclose(elu(GRID), torch.nn.functional.elu(x).numpy(), atol=1e-15)
    assert elu(np.array([-30.0]))[0] == pytest.approx(-1)  # sinks towards -1
    normal = torch.distributions.Normal(0.0, 1.0)
    np.testing.assert_allclose(gelu(GRID), (x * normal.cdf(x)).numpy(), atol=1e-12)
    assert -0.2 < gelu(negative).min() < 0  # dips a little below 0
    assert abs(gelu(np.array([-8.0]))[0]) < 1e-9 and gelu(np.array([8.0]))[0] == pytest.approx(8)
    # the done text names the comparison curves in this order
    names = [name for name, _params in after_setup("07-relu", 2).compare]
    assert names == ["leaky_relu", "elu", "gelu"]


def test_only_elu_keeps_a_slope_above_a_tenth_at_minus_2():
    slopes = {
        name: activations.get(name).derivative(np.array([-2.0]))[0]
        for name in ("relu", "leaky_relu", "elu", "gelu")
    }
    assert [name for name, slope in slopes.items() if slope > 0.1] == ["elu"]


# -- 08-vanishing ------------------------------------------------------------------------------
def test_slopes_multiply_through_two_units():
    z1 = torch.tensor(0.7, dtype=torch.float64, requires_grad=True)
    weight, bias = 1.3, -0.2
    z2 = weight * torch.sigmoid(z1) + bias
    torch.sigmoid(z2).backward()
    slope = activations.get("sigmoid").derivative
    chain = slope(np.array([z2.item()]))[0] * weight * slope(np.array([0.7]))[0]
    assert z1.grad.item() == pytest.approx(chain, rel=1e-12)
    playground = after_setup("08-vanishing", 1)
    assert read(playground, "curve.df_power6(0)") == 0.25**6
    assert read(playground, "network.hidden_layers") == 6  # "six sigmoid layers"


def test_the_gradient_product_vanishes_with_sigmoids_not_with_relus():
    sigmoid_net, relu_net = Playground(), Playground()
    presets.apply(sigmoid_net, "deep_sigmoid")
    presets.apply(relu_net, "deep_relu")
    assert activations.get("sigmoid").derivative(GRID).max() == 0.25
    sig = [layer.gradient_product for layer in sigmoid_net.network_diagnostics()]
    rel = [layer.gradient_product for layer in relu_net.network_diagnostics()]
    assert all(b < a for a, b in itertools.pairwise(sig))
    assert sig[5] < 1e-3  # "almost no learning signal" after six layers
    assert rel[5] > 100 * sig[5]
    layers = sigmoid_net.network_diagnostics()
    assert (
        layers[1].gradient_product == layers[0].mean_abs_derivative * layers[1].mean_abs_derivative
    )
    # the last row, out (layer 7), holds every layer's slope multiplied, in any order
    slopes = [layer.mean_abs_derivative for layer in layers]
    assert len(layers) == 7 and read(sigmoid_net, "layer8.mean_slope") is None
    assert layers[-1].gradient_product == pytest.approx(np.prod(slopes[::-1]), rel=1e-12)
    relu_layers = relu_net.network_diagnostics()
    ratio = relu_layers[-1].gradient_product / layers[-1].gradient_product
    assert ratio > 100  # "about N times the sigmoid network's"
    assert all(layer.mean_abs_derivative < 1 for layer in relu_layers[:-1])  # off units: 0
    # A ReLU layer's average slope is the share of (unit, input) pairs where it is on.
    trace = relu_net.network().forward(relu_net._diagnostic_batch())  # the tab's inputs
    on = [float(np.mean(z > 0)) for z in trace.z[:-1]]
    np.testing.assert_allclose(
        on, [layer.mean_abs_derivative for layer in relu_net.network_diagnostics()[:-1]]
    )
    assert relu_net.network_diagnostics()[3].dead_fraction > 0


def test_network_lessons_open_h1_unit_1_in_the_neuron_panel():
    """Lessons 5 and 8 name the box "Network neuron h1 unit 1" their presets open."""
    for key, step in (("05-nonlinearity", 2), ("08-vanishing", 2)):
        playground = after_setup(key, step)
        assert playground.neuron_target == (1, 0), key  # layer 1 (h1), unit 1 counted from 1


def test_a_relu_path_keeps_the_signal_whole_a_sigmoid_shrinks_it_at_every_unit():
    relu, sigmoid = activations.get("relu"), activations.get("sigmoid")
    on = GRID[GRID > 0]
    np.testing.assert_array_equal(relu.derivative(on), torch_slope(torch.relu, on))
    assert np.all(relu.derivative(on) == 1)
    np.testing.assert_allclose(sigmoid.derivative(GRID), torch_slope(torch.sigmoid, GRID))
    assert np.all(sigmoid.derivative(GRID) <= 0.25)


def _trained(step, epochs, usual=False):
    playground = after_setup("08-vanishing", step)
    if usual:  # the app's usual training settings instead of the lesson's plain descent
        playground.set_training(optimizer="adam", learning_rate=0.03)
        playground.reset_training()
    for _ in range(epochs):
        playground.train_epoch()
    return playground.loss_history()["train"][-1], playground.accuracy(test=False), playground


def test_five_epochs_leave_deep_sigmoid_at_chance_and_train_deep_relu():
    sigmoid_loss, sigmoid_accuracy, sigmoid_net = _trained(3, 5)
    relu_loss, relu_accuracy, relu_net = _trained(4, 5)
    for playground in (sigmoid_net, relu_net):
        assert playground.training_settings["optimizer"] == "sgd"  # plain gradient descent
        assert playground.training_settings["learning_rate"] == 0.1
        labels = playground.dataset().targets
        assert abs(np.mean(labels) - 0.5) < 0.05  # half are blue: guessing gets about half
    undecided = read(sigmoid_net, "training.undecided_loss")
    assert abs(sigmoid_loss - undecided) < 0.02 and abs(sigmoid_accuracy - 0.5) < 0.05
    assert relu_loss < 0.3 * undecided and relu_accuracy > 0.9  # "far below"
    # the claim holds past the task too, for a learner who presses Step a few more times
    assert abs(_trained(3, 30)[1] - 0.5) < 0.05


def test_adam_would_hide_the_vanishing_gradient():
    """Adam's first step is about the learning rate whatever the slope; plain gradient
    descent's is the slope times it. So a tiny slope gets a larger step from Adam, and the
    deep sigmoid network learns within a few more epochs."""
    for gradient in (1e-6, 1e-3):
        weight = torch.zeros(1, requires_grad=True)
        optimiser = torch.optim.Adam([weight], lr=0.1)
        weight.grad = torch.tensor([gradient])
        optimiser.step()
        assert abs(weight.item()) > 10 * 0.1 * gradient
    assert _trained(3, 10, usual=True)[1] > 0.7


# -- 09-output ---------------------------------------------------------------------------------
def test_output_layers_mean_what_the_lesson_says():
    playground = after_setup("09-output", 2)
    outputs = playground.network_trace().a[-1]
    assert abs(outputs.sum() - 1) > 0.1  # three sigmoids are not shares of a whole
    z = playground.network_trace().z[-1]
    playground.set_layer_activation(2, "softmax")
    shares = playground.network_trace().a[-1]
    np.testing.assert_allclose(shares, np.exp(z) / np.exp(z).sum(), rtol=1e-12)
    np.testing.assert_allclose(shares, torch.softmax(torch.tensor(z), 0).numpy(), rtol=1e-12)
    assert shares.sum() == pytest.approx(1.0) and np.all((shares > 0) & (shares < 1))
    assert list(np.argsort(shares)) == list(np.argsort(z))  # a larger z, a larger share
    sigmoid = activations.get("sigmoid")
    assert np.all((sigmoid(np.array([-50.0, 50.0])) >= 0) & (sigmoid(np.array([-50.0, 50.0])) <= 1))
    identity = activations.get("identity")
    assert identity(np.array([-3.0, 7.5])).tolist() == [-3.0, 7.5]
    playground = after_setup("09-output", 3)  # the output is the sigmoid of z; then z itself
    z = read(playground, "network.output_z1")
    assert read(playground, "network.output1") == pytest.approx(sigmoid(np.array([z]))[0])
    playground.set_layer_activation(2, "identity")
    assert read(playground, "network.output1") == pytest.approx(z)


# -- 10-your-own -------------------------------------------------------------------------------
def test_formula_slopes_and_curvature_are_exact_and_the_tips_saturate():
    swish = make_custom_activation("mine", "x*sigmoid(x)", {})
    x = np.linspace(-6, 6, 121)
    np.testing.assert_allclose(
        swish.derivative(x), torch_slope(lambda t: t * torch.sigmoid(t), x), atol=1e-12
    )
    points = torch.tensor(x, requires_grad=True)
    (slope,) = torch.autograd.grad(
        (points * torch.sigmoid(points)).sum(), points, create_graph=True
    )
    (curvature,) = torch.autograd.grad(slope.sum(), points)
    np.testing.assert_allclose(swish.second_derivative(x), curvature.numpy(), atol=1e-12)
    assert swish.derivative(np.array([6.0]))[0] > 0.05  # "it keeps a slope on the right"
    left = np.array([-6.0])  # "nearly flat and nearly straight on the left"
    assert abs(swish.derivative(left)[0]) < 0.05 and abs(swish.second_derivative(left)[0]) < 0.05
    for formula in ("tanh(x)", "x/(1+abs(x))"):
        tip = make_custom_activation("tip", formula, {})
        assert abs(tip.derivative(np.array([6.0]))[0]) < 0.05


def test_swish_saturates_on_the_left_but_never_dies():
    """Lesson 10 step 2: f' and f'' are shown; Swish's output and slope are never both 0,
    so it does not die; the pane shades only its left end, not its flat minimum."""
    playground = after_setup("10-your-own", 2)
    assert playground.visible == {"f": True, "df": True, "d2f": True}
    x = torch.tensor(np.linspace(-6.0, 6.0, 1201), dtype=torch.float64, requires_grad=True)
    output = x * torch.sigmoid(x)
    (slope,) = torch.autograd.grad(output.sum(), x)
    assert not torch.any((output == 0) & (slope == 0))  # never dead
    assert read(playground, "curve.f(-6)") != 0 and read(playground, "curve.df(-6)") != 0
    data = playground.curve_data()
    minimum = float(x.detach()[torch.argmin(output)])
    assert data.dead == () and len(data.saturated) == 1
    low, high = data.saturated[0]
    assert low == -6.0 and high < minimum  # the left end only
