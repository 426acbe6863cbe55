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


def read(pg, name):
    return quantities.read(pg, quantities.parse(name))


def holds(pg, data):
    return checks.holds(checks.parse_predicate(data), pg)


def test_neuron_quantities_follow_the_core_neuron():
    pg = Playground()
    x, w, b = np.array(pg.neuron_inputs), np.array(pg.neuron_weights), pg.neuron_bias
    z = float(w @ x + b)
    sigmoid = activations.get("sigmoid")
    assert read(pg, "neuron.z") == pytest.approx(z)
    assert read(pg, "neuron.a") == pytest.approx(float(sigmoid(np.array([z]))[0]))
    assert read(pg, "neuron.slope") == pytest.approx(float(sigmoid.derivative(np.array([z]))[0]))
    assert read(pg, "neuron.w2") == w[1] and read(pg, "neuron.x3") == x[2]
    assert read(pg, "neuron.x4") is None  # three inputs: the fourth does not exist
    assert read(pg, "neuron.threshold") == -b
    assert read(pg, "neuron.function") == "sigmoid"


def test_curve_points_and_comparisons():
    pg = Playground()
    pg.set_curve_activation("tanh")
    pg.add_compare("sigmoid")
    tanh, sigmoid = activations.get("tanh"), activations.get("sigmoid")
    for point in (-2.5, 0.0, 3.0):
        x = np.array([point])
        assert read(pg, f"curve.f({point})") == pytest.approx(float(tanh(x)[0]))
        assert read(pg, f"curve.df({point})") == pytest.approx(float(tanh.derivative(x)[0]))
        assert read(pg, f"curve.d2f({point})") == pytest.approx(float(tanh.second_derivative(x)[0]))
        assert read(pg, f"compare1.df({point})") == pytest.approx(float(sigmoid.derivative(x)[0]))
    assert read(pg, "compare2.f(0)") is None


def test_network_quantities_follow_the_core_network():
    pg = Playground()
    presets.apply(pg, "deep_sigmoid")
    expected = layer_diagnostics(pg.network(), plane_grid(*pg.plane_range, 32))
    for layer in (1, 4, 7):
        assert read(pg, f"layer{layer}.gradient_product") == pytest.approx(
            expected[layer - 1].gradient_product
        )
        assert read(pg, f"layer{layer}.dead_fraction") == expected[layer - 1].dead_fraction
    assert read(pg, "layer8.gradient_product") is None
    assert read(pg, "network.hidden_layers") == 6
    assert read(pg, "network.linear") is False and read(pg, "network.collapsed_w") is None
    presets.apply(pg, "linear_collapse")
    w, b = linear_equivalent(pg.network())
    np.testing.assert_allclose(read(pg, "network.collapsed_w"), w)
    np.testing.assert_allclose(read(pg, "network.collapsed_b"), b)
    assert read(pg, "network.nonlinearity") < 1e-9
    pg.set_layer_activation(1, "tanh")
    assert read(pg, "network.nonlinearity") > 0.05


def test_comparisons_and_combinations():
    pg = Playground()  # z = 0.55
    assert holds(pg, {"quantity": "neuron.z", "above": 0.5})
    assert not holds(pg, {"quantity": "neuron.z", "below": 0.5})
    assert holds(pg, {"quantity": "neuron.z", "equals": 0.5, "within": 0.06})
    assert not holds(pg, {"quantity": "neuron.z", "equals": 0.5})
    assert holds(pg, {"quantity": "neuron.function", "one_of": ["relu", "sigmoid"]})
    assert holds(pg, {"quantity": "neuron.binary", "equals": False})
    both = {"all": [{"quantity": "neuron.z", "above": 0}, {"quantity": "neuron.a", "below": 0.5}]}
    either = {"any": [{"quantity": "neuron.z", "above": 0}, {"quantity": "neuron.a", "below": 0.5}]}
    assert not holds(pg, both) and holds(pg, either)
    assert holds(pg, {"not": both})
    assert not holds(pg, {"quantity": "neuron.x7", "below": 100})  # missing: never true
    assert not holds(pg, {"quantity": "neuron.x7", "not_equals": 1})


def test_text_is_filled_from_the_model_when_shown():
    pg = Playground()
    parts = checks.parse_text("z = {neuron.z:.3f}, fn {neuron.function}, {{literal}}", "t")
    assert checks.render_text(parts, pg) == "z = 0.550, fn sigmoid, {literal}"
    pg.set_neuron_bias(1.1)
    assert checks.render_text(parts, pg).startswith("z = 1.550")
    missing = checks.parse_text("{training.loss} / {network.linear}", "t")
    assert checks.render_text(missing, pg) == f"{checks.MISSING} / no"
    assert checks.render_text(checks.parse_text("{neuron.a}", "t"), pg, lambda v: "N") == "N"
    counts = checks.parse_text("{neuron.inputs} inputs, b = {neuron.bias}", "t")
    pg.set_neuron_bias(-3.0)
    assert checks.render_text(counts, pg, lambda v: "N") == "3 inputs, b = \u22123"
