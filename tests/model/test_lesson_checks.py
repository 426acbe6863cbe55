"""Task predicates and live text over named model quantities, against the core library."""

import numpy as np
import pytest

from actplay.core import activations
from actplay.core.diagnostics import layer_diagnostics, linear_equivalent
from actplay.core.grid import plane_grid
from actplay.model import lesson_checks as checks
from actplay.model import lesson_quantities as quantities
from actplay.model import presets
from actplay.model.playground import Playground


def read(playground, name):
    return quantities.read(playground, quantities.parse(name))


def holds(playground, data):
    return checks.holds(checks.parse_predicate(data), playground)


def test_neuron_quantities_follow_the_core_neuron():
    playground = Playground()
    x, w, b = (
        np.array(playground.neuron_inputs),
        np.array(playground.neuron_weights),
        playground.neuron_bias,
    )
    z = float(w @ x + b)
    sigmoid = activations.get("sigmoid")
    assert read(playground, "neuron.z") == pytest.approx(z)
    assert read(playground, "neuron.a") == pytest.approx(float(sigmoid(np.array([z]))[0]))
    assert read(playground, "neuron.slope") == pytest.approx(
        float(sigmoid.derivative(np.array([z]))[0])
    )
    assert read(playground, "neuron.w2") == w[1] and read(playground, "neuron.x3") == x[2]
    assert read(playground, "neuron.x4") is None  # three inputs: the fourth does not exist
    assert read(playground, "neuron.threshold") == -b
    assert read(playground, "neuron.function") == "sigmoid"


def test_curve_points_and_comparisons():
    playground = Playground()
    playground.set_curve_activation("tanh")
    playground.add_compare("sigmoid")
    tanh, sigmoid = activations.get("tanh"), activations.get("sigmoid")
    for point in (-2.5, 0.0, 3.0):
        x = np.array([point])
        assert read(playground, f"curve.f({point})") == pytest.approx(float(tanh(x)[0]))
        assert read(playground, f"curve.df({point})") == pytest.approx(float(tanh.derivative(x)[0]))
        assert read(playground, f"curve.d2f({point})") == pytest.approx(
            float(tanh.second_derivative(x)[0])
        )
        assert read(playground, f"compare1.df({point})") == pytest.approx(
            float(sigmoid.derivative(x)[0])
        )
    assert read(playground, "compare2.f(0)") is None


def test_network_quantities_follow_the_core_network():
    playground = Playground()
    presets.apply(playground, "deep_sigmoid")
    expected = layer_diagnostics(playground.network(), plane_grid(*playground.plane_range, 32))
    for layer in (1, 4, 7):
        assert read(playground, f"layer{layer}.gradient_product") == pytest.approx(
            expected[layer - 1].gradient_product
        )
        assert read(playground, f"layer{layer}.dead_fraction") == expected[layer - 1].dead_fraction
    assert read(playground, "layer8.gradient_product") is None
    assert read(playground, "network.hidden_layers") == 6
    assert (
        read(playground, "network.linear") is False
        and read(playground, "network.collapsed_w") is None
    )
    presets.apply(playground, "linear_collapse")
    w, b = linear_equivalent(playground.network())
    np.testing.assert_allclose(read(playground, "network.collapsed_w"), w)
    np.testing.assert_allclose(read(playground, "network.collapsed_b"), b)
    assert read(playground, "network.nonlinearity") < 1e-9
    playground.set_layer_activation(1, "tanh")
    assert read(playground, "network.nonlinearity") > 0.05


def test_comparisons_and_combinations():
    playground = Playground()  # z = 0.55
    assert holds(playground, {"quantity": "neuron.z", "above": 0.5})
    assert not holds(playground, {"quantity": "neuron.z", "below": 0.5})
    assert holds(playground, {"quantity": "neuron.z", "equals": 0.5, "within": 0.06})
    assert not holds(playground, {"quantity": "neuron.z", "equals": 0.5})
    assert holds(playground, {"quantity": "neuron.function", "one_of": ["relu", "sigmoid"]})
    assert holds(playground, {"quantity": "neuron.binary", "equals": False})
    both = {"all": [{"quantity": "neuron.z", "above": 0}, {"quantity": "neuron.a", "below": 0.5}]}
    either = {"any": [{"quantity": "neuron.z", "above": 0}, {"quantity": "neuron.a", "below": 0.5}]}
    assert not holds(playground, both) and holds(playground, either)
    assert holds(playground, {"not": both})
    assert not holds(playground, {"quantity": "neuron.x7", "below": 100})  # missing: never true
    assert not holds(playground, {"quantity": "neuron.x7", "not_equals": 1})


def test_text_is_filled_from_the_model_when_shown():
    playground = Playground()
    parts = checks.parse_text("z = {neuron.z:.3f}, fn {neuron.function}, {{literal}}", "t")
    assert checks.render_text(parts, playground) == "z = 0.550, fn sigmoid, {literal}"
    playground.set_neuron_bias(1.1)
    assert checks.render_text(parts, playground).startswith("z = 1.550")
    missing = checks.parse_text("{training.loss} / {network.linear}", "t")
    # The loss exists from epoch 0; with three inputs for two features nothing trains.
    assert checks.render_text(missing, playground) == "0.832 / no"
    playground.set_layer_sizes((3, 4, 1))
    assert checks.render_text(missing, playground) == f"{checks.MISSING} / no"
    assert (
        checks.render_text(checks.parse_text("{neuron.a}", "t"), playground, lambda v: "N") == "N"
    )
    counts = checks.parse_text("{neuron.inputs} inputs, b = {neuron.bias}", "t")
    playground.set_neuron_bias(-3.0)
    assert checks.render_text(counts, playground, lambda v: "N") == "3 inputs, b = \u22123"


def test_network_counts_inputs_and_a_collapsed_output_written_out():
    playground = Playground()
    presets.apply(playground, "linear_collapse")
    assert read(playground, "network.inputs") == 2 and read(playground, "network.input2") == -0.5
    assert read(playground, "network.input3") is None
    assert [read(playground, f"layer{n}.units") for n in (1, 2, 3, 4)] == [4, 4, 2, None]
    w, b = linear_equivalent(playground.network())
    text = checks.render_text(checks.parse_text("{network.collapsed_output2}", "t"), playground)
    assert text == f"({w[1, 0]:.3g})·x1 + ({w[1, 1]:.3g})·x2 + ({b[1]:.3g})"  # 0 shows as "0"
    with pytest.raises(ValueError, match="not compared"):
        checks.parse_predicate({"quantity": "network.collapsed_output1", "equals": 1})
    playground.set_layer_activation(1, "tanh")
    assert read(playground, "network.collapsed_output1") is None


def test_the_curve_slope_to_a_power_and_the_weight_nudges():
    playground = Playground()
    presets.apply(playground, "sigmoid_neuron")
    assert read(playground, "curve.df_power3(0)") == 0.25**3
    x2 = playground.neuron_inputs[1]
    slope = playground.neuron_result().slope
    assert read(playground, "neuron.z_change_w2(0.5)") == 0.5 * x2
    assert read(playground, "neuron.a_change_estimate_w2(0.5)") == slope * 0.5 * x2
    assert read(playground, "neuron.a_change_w9(0.5)") is None  # no ninth weight


def test_a_formatted_number_has_a_real_minus_and_no_negative_zero():
    playground = Playground()
    playground.set_neuron_bias(-2.0)
    parts = checks.parse_text("{neuron.bias:.2f} {neuron.bias / neuron.x1:.1f}", "t")
    assert checks.render_text(parts, playground) == "\u22122.00 \u22122.0"
    playground.set_neuron_bias(-0.001)
    assert checks.render_text(parts, playground) == "0.00 0.0"


def test_the_loss_quantities_are_the_training_losses():
    import torch

    playground = Playground()  # the sigmoid neuron
    z = torch.tensor(playground.neuron_result().z, dtype=torch.float64)
    for right in (0.0, 0.3, 1.0):
        expected = torch.nn.functional.binary_cross_entropy_with_logits(
            z, torch.tensor(right, dtype=torch.float64)
        )
        assert read(playground, f"neuron.error({right})") == pytest.approx(expected.item())
    assert read(playground, "neuron.error(2)") is None  # no right answer outside 0..1
    playground.set_neuron_activation("tanh")
    assert read(playground, "neuron.error(1)") is None  # tanh's output is no probability
    # one half for every point: ln 2 for binary cross-entropy, whatever the labels
    half = torch.full((5,), 0.5, dtype=torch.float64)
    labels = torch.tensor([0.0, 1, 1, 0, 1], dtype=torch.float64)
    undecided = torch.nn.functional.binary_cross_entropy(half, labels).item()
    assert read(playground, "training.undecided_loss") == pytest.approx(undecided)
    playground.set_training(loss="cross_entropy")  # two softmax outputs: equal shares
    assert read(playground, "training.undecided_loss") == pytest.approx(np.log(2))
    playground.set_training(loss="mse")
    playground.set_layer_activation(len(playground.layer_sizes) - 1, "sigmoid")
    assert read(playground, "training.undecided_loss") == pytest.approx(0.25)  # (1/2)^2
    playground.set_dataset(source="regression")
    assert read(playground, "training.undecided_loss") is None


def test_an_outputs_z_and_a_compared_slope_at_the_neurons_z():
    playground = Playground()
    presets.apply(playground, "deep_sigmoid")
    trace = playground.network_trace()
    assert read(playground, "network.output_z1") == pytest.approx(float(trace.z[-1][0]))
    assert read(playground, "network.output_z2") is None
    sigmoid = activations.get("sigmoid")
    assert read(playground, "network.output1") == pytest.approx(
        float(sigmoid(np.array([trace.z[-1][0]]))[0])
    )
    presets.apply(playground, "dead_relu")
    playground.add_compare("elu")
    z = np.array([playground.neuron_result().z])
    assert read(playground, "compare1.neuron_slope") == float(
        activations.get("elu").derivative(z)[0]
    )
    assert read(playground, "compare2.neuron_slope") is None
