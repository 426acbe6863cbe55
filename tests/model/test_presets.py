"""Presets: one event each, the maths they promise, and their example session files."""

import importlib.util
import itertools
from pathlib import Path

import numpy as np
import pytest
import torch

from actplay.model import presets, session
from actplay.model.errors import InvalidValue
from actplay.model.playground import Playground

REPO = Path(__file__).resolve().parents[2]


def _make_examples():
    spec = importlib.util.spec_from_file_location(
        "make_examples", REPO / "scripts" / "make_examples.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("name", list(presets.PRESETS))
def test_each_preset_is_one_event_and_applying_it_again_is_silent(name):
    pg = Playground()
    pg.set_neuron_bias(0.42)  # so that every preset changes something
    pg.set_seed(3)
    events = []
    pg.changed.connect(events.append)
    presets.apply(pg, name)
    assert len(events) == 1
    # Network presets open their first hidden unit in the neuron builder; the curve,
    # linked to it, changes unless it already showed that function (sigmoid).
    expected = {
        "perceptron": {"neuron", "curve"},
        "dead_relu": {"neuron", "curve"},
        "sigmoid_neuron": {"neuron"},
        "xor": {"network", "neuron"},
        "deep_sigmoid": {"network", "neuron"},
    }.get(name, {"network", "neuron", "curve"})
    assert events[0] == expected
    presets.apply(pg, name)
    assert len(events) == 1


def test_an_unknown_preset_changes_nothing(pg, recorder):
    with pytest.raises(InvalidValue, match="unknown preset"):
        presets.apply(pg, "film")
    assert recorder.count == 0


def test_perceptron_truth_table_is_the_film_decision(pg):
    presets.apply(pg, "perceptron")
    assert pg.binary_mode and pg.neuron_activation == "binary_step"
    assert pg.neuron_weights == (4.0, 2.0, 2.0) and pg.neuron_bias == -3.0
    rows = pg.truth_table()
    assert len(rows) == 8
    for row in rows:
        weather, friend, near = row.inputs
        assert row.a == float(weather == 1 or (friend == 1 and near == 1)), row
    assert sum(row.current for row in rows) == 1


@pytest.mark.parametrize(
    ("name", "hidden"),
    [("xor", "sigmoid"), ("deep_relu", "relu"), ("linear_collapse", "identity")],
)
def test_network_presets_show_their_hidden_activation_in_the_curve_pane(pg, name, hidden):
    pg.set_curve_activation("elu")  # an unrelated function before
    presets.apply(pg, name)
    assert pg.neuron_target == (1, 0) and pg.linked
    assert pg.curve_activation == pg.layer_activations[0][0] == hidden


def test_the_perceptron_names_its_inputs_and_other_presets_clear_them(pg):
    presets.apply(pg, "perceptron")
    assert pg.neuron_input_names == ("weather", "friend", "cinema")
    presets.apply(pg, "sigmoid_neuron")
    assert pg.neuron_input_names == ("", "", "")
    presets.apply(pg, "perceptron")
    pg.set_input_count(4)  # the story no longer fits: the names go
    assert pg.neuron_input_names == ("",) * 4


def test_input_names_are_checked_and_saved(pg, tmp_path):
    with pytest.raises(InvalidValue, match="input_names"):
        pg.set_input_names(["only one"])
    with pytest.raises(InvalidValue, match="at most"):
        pg.set_input_names(["x" * 40, "b", "c"])
    pg.set_input_names(["rain", "", "wind"])
    path = tmp_path / "named.json"
    session.save(pg, path)
    assert session.load(path).neuron_input_names == ("rain", "", "wind")


def test_dead_relu_is_dead_for_every_positive_input(pg):
    presets.apply(pg, "dead_relu")
    rng = np.random.default_rng(1)
    for x in rng.uniform(0.0, 10.0, size=(50, 3)):
        z = torch.tensor(float(np.dot(x, pg.neuron_weights) + pg.neuron_bias), requires_grad=True)
        a = torch.relu(z)
        (slope,) = torch.autograd.grad(a, z)
        assert a.item() == 0.0 and slope.item() == 0.0
    assert pg.neuron_result().a == 0.0 and pg.neuron_result().slope == 0.0


@pytest.mark.parametrize("step_output", [False, True])
def test_xor_network_computes_xor(pg, step_output):
    presets.apply(pg, "xor")
    assert pg.layer_sizes == (2, 2, 1)
    if step_output:
        pg.set_layer_activation(2, "binary_step")
    inputs = np.array(list(itertools.product((0.0, 1.0), repeat=2)))
    # Reference: the same weights through torch.nn.Linear.
    x = torch.tensor(inputs)
    for w, b, (name, _) in zip(pg.weights, pg.biases, pg.layer_activations, strict=True):
        linear = torch.nn.Linear(w.shape[1], w.shape[0], dtype=torch.float64)
        with torch.no_grad():
            linear.weight.copy_(torch.tensor(w))
            linear.bias.copy_(torch.tensor(b))
            x = linear(x)
            x = torch.sigmoid(x) if name == "sigmoid" else (x > 0).double()
    expected = np.logical_xor(inputs[:, 0], inputs[:, 1]).astype(float)
    np.testing.assert_allclose(x.numpy()[:, 0], expected, atol=1e-3)
    ours = pg.network().forward(inputs).a[-1][:, 0]
    np.testing.assert_allclose(ours, x.numpy()[:, 0], rtol=1e-12)


def test_deep_sigmoid_loses_more_gradient_than_deep_relu():
    products = {}
    for name in ("deep_sigmoid", "deep_relu"):
        pg = Playground()
        presets.apply(pg, name)
        assert len(pg.layer_sizes) == 8  # input, six hidden layers, output
        products[name] = pg.network_diagnostics()[-2].gradient_product
    assert products["deep_sigmoid"] < products["deep_relu"] / 10


def test_linear_collapse_equals_one_linear_map(pg):
    presets.apply(pg, "linear_collapse")
    matrix, offset = pg.linear_equivalent()
    x = np.random.default_rng(0).normal(size=(20, pg.layer_sizes[0]))
    reference = torch.tensor(x)
    for w, bias in zip(pg.weights, pg.biases, strict=True):
        reference = reference @ torch.tensor(w).T + torch.tensor(bias)
    np.testing.assert_allclose(x @ matrix.T + offset, reference.numpy(), rtol=1e-10, atol=1e-12)


@pytest.mark.parametrize("name", list(presets.PRESETS))
def test_example_session_files_load_and_equal_the_preset(name):
    make_examples = _make_examples()
    path = make_examples.example_path(name)
    assert path.is_file(), "run scripts/make_examples.py"
    loaded = session.load(path)
    assert loaded.state_dict() == make_examples.preset_state(name), (
        f"{path.name} is stale: run scripts/make_examples.py"
    )
