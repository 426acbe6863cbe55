"""Per-layer diagnostics and the linear-collapse map, against independent torch computations."""

import numpy as np
import pytest
import torch

from actplay.core import activations as acts
from actplay.core.diagnostics import LayerDiagnostics, layer_diagnostics, linear_equivalent
from actplay.core.network import Network

TORCH_FUNCTIONS = {
    "identity": lambda t: t,
    "sigmoid": torch.sigmoid,
    "tanh": torch.tanh,
    "relu": torch.relu,
    "softmax": lambda t: torch.softmax(t, dim=-1),
}


def torch_diagnostics(net, batch):
    """Every diagnostic recomputed in torch: autograd slopes, torch statistics."""
    values = torch.from_numpy(batch)
    zs, slopes, rows = [], [], []
    for w, b, (function, _) in zip(net.weights, net.biases, net.activations, strict=True):
        z = (values @ torch.tensor(w).T + torch.tensor(b)).detach().requires_grad_(True)
        a = TORCH_FUNCTIONS[function.name](z)
        if function.name == "softmax":  # diagonal of each input's Jacobian
            slope = torch.stack(
                [
                    torch.diagonal(
                        torch.autograd.functional.jacobian(TORCH_FUNCTIONS["softmax"], row)
                    )
                    for row in z.detach()
                ]
            )
        else:
            (slope,) = torch.autograd.grad(a.sum(), z)
        zs.append(z)
        slopes.append(slope)
        flat = slope.abs() < acts.SATURATION_THRESHOLD
        rows.append(
            {
                "z_mean": z.mean().item(),
                "z_std": z.std(unbiased=False).item(),
                "a_mean": a.mean().item(),
                "a_std": a.std(unbiased=False).item(),
                "dead_fraction": ((a == 0) & (slope == 0)).all(dim=0).double().mean().item(),
                "saturated_fraction": flat.all(dim=0).double().mean().item(),
                "saturated_pair_fraction": flat.double().mean().item(),
                "mean_abs_derivative": slope.abs().mean().item(),
            }
        )
        values = a.detach()
    product = 1.0
    for row in rows:
        product *= row["mean_abs_derivative"]
        row["gradient_product"] = product
    return rows


def torch_backprop_rms(net, batch):
    """RMS of d(sum of outputs)/dz_l per layer, by torch autograd through the whole net."""
    values = torch.tensor(batch, requires_grad=True)
    zs = []
    for w, b, (function, _) in zip(net.weights, net.biases, net.activations, strict=True):
        z = values @ torch.tensor(w).T + torch.tensor(b)
        z.retain_grad()
        zs.append(z)
        values = TORCH_FUNCTIONS[function.name](z)
    values.sum().backward()
    return [z.grad.pow(2).mean().sqrt().item() for z in zs]


def random_net(sizes, activations, seed, scale=1.0, bias_scale=1.0):
    rng = np.random.default_rng(seed)
    shapes = [(out, inp) for inp, out in zip(sizes[:-1], sizes[1:], strict=True)]
    weights = [rng.normal(scale=scale, size=shape) for shape in shapes]
    biases = [rng.normal(scale=bias_scale, size=o) for o in sizes[1:]]
    return Network.from_arrays(weights, biases, activations)


@pytest.mark.parametrize(
    ("sizes", "activations", "scale", "bias_scale"),
    [
        ((2, 8, 8, 1), ["tanh", "tanh", "sigmoid"], 1.0, 1.0),
        ((3, 16, 16, 4), ["relu", "relu", "softmax"], 1.0, 1.0),
        ((2, 6, 6, 2), ["tanh", "sigmoid", "identity"], 8.0, 1.0),  # large weights: saturation
        ((2, 12, 12, 1), ["relu", "relu", "tanh"], 1.0, 6.0),  # large biases: dead units
    ],
)
def test_diagnostics_match_torch(sizes, activations, scale, bias_scale):
    net = random_net(sizes, activations, seed=4, scale=scale, bias_scale=bias_scale)
    batch = np.random.default_rng(9).normal(scale=2.0, size=(40, sizes[0]))
    ours = layer_diagnostics(net, batch)
    reference = torch_diagnostics(net, batch)
    assert len(ours) == len(reference) == len(sizes) - 1
    for layer, (mine, theirs) in enumerate(zip(ours, reference, strict=True)):
        assert isinstance(mine, LayerDiagnostics)
        for field, expected in theirs.items():
            assert getattr(mine, field) == pytest.approx(expected, rel=1e-9, abs=1e-12), (
                layer,
                field,
            )
        assert mine.dead_fraction <= mine.saturated_fraction
    # The cases above reach every kind of unit, so the comparison checks real counts.
    assert any(row["saturated_fraction"] > 0 for row in reference) or scale == 1.0
    assert any(row["dead_fraction"] > 0 for row in reference) or bias_scale == 1.0


def test_backprop_gradient_matches_torch_autograd():
    net = random_net((2, 8, 8, 8, 3), ["tanh", "relu", "sigmoid", "identity"], seed=2)
    batch = np.random.default_rng(3).normal(size=(25, 2))
    ours = [row.backprop_gradient_rms for row in layer_diagnostics(net, batch)]
    np.testing.assert_allclose(ours, torch_backprop_rms(net, batch), rtol=1e-10)


def test_dead_relu_units_are_found():
    # Unit 0 is always off (bias -100), unit 1 always on, unit 2 on for half the inputs.
    weights = [np.array([[1.0, 0.0], [1.0, 0.0], [1.0, 0.0]]), np.ones((1, 3))]
    biases = [np.array([-100.0, 100.0, 0.0]), np.zeros(1)]
    net = Network.from_arrays(weights, biases, ["relu", "identity"])
    batch = np.column_stack([np.linspace(-5, 5, 11), np.zeros(11)])
    hidden = layer_diagnostics(net, batch)[0]
    assert hidden.dead_units == (0,)
    assert hidden.dead_fraction == pytest.approx(1 / 3)
    assert hidden.saturated_units == (0,)  # a dead unit passes no gradient either
    # The same units in torch: relu(z) == 0 and autograd slope == 0 for every input.
    z = torch.from_numpy(batch @ weights[0].T + biases[0]).requires_grad_(True)
    (slope,) = torch.autograd.grad(torch.relu(z).sum(), z)
    torch_dead = ((torch.relu(z) == 0) & (slope == 0)).all(dim=0)
    assert tuple(torch.nonzero(torch_dead).flatten().tolist()) == hidden.dead_units


def test_saturated_tanh_units():
    # Bias 10 and tiny weights: tanh'(z) ~ 8e-9 for every input, so every unit is saturated.
    net = Network.from_arrays([np.full((4, 2), 0.01)], [np.full(4, 10.0)], ["tanh"])
    diagnostics = layer_diagnostics(net, np.random.default_rng(0).normal(size=(30, 2)))[0]
    assert diagnostics.saturated_fraction == 1.0
    assert diagnostics.saturated_pair_fraction == 1.0
    assert diagnostics.dead_fraction == 0.0  # outputs are ~1, not 0
    centred = Network.from_arrays([np.full((4, 2), 0.01)], [np.zeros(4)], ["tanh"])
    assert layer_diagnostics(centred, np.ones(2))[0].saturated_fraction == 0.0


def test_deep_sigmoid_gradient_vanishes_relu_keeps_it():
    sizes = (2, 8, 8, 8, 8, 8, 8, 1)  # six hidden layers
    batch = np.random.default_rng(5).uniform(-6, 6, size=(400, 2))
    sigmoid = Network.from_init(sizes, ["sigmoid"] * 7, "xavier", seed=0)
    relu = Network.from_init(sizes, ["relu"] * 6 + ["identity"], "he", seed=0)
    sigmoid_rows = layer_diagnostics(sigmoid, batch)
    relu_rows = layer_diagnostics(relu, batch)
    # Each sigmoid factor is at most 1/4, so six hidden layers leave < 0.25**6.
    assert sigmoid_rows[-2].gradient_product < 0.25**6
    assert relu_rows[-2].gradient_product > 100 * sigmoid_rows[-2].gradient_product
    assert all(row.mean_abs_derivative <= 0.25 for row in sigmoid_rows)
    # The true gradient reaching layer 1: vanishes with sigmoid, survives with ReLU + He.
    assert sigmoid_rows[0].backprop_gradient_rms < 1e-3
    assert relu_rows[0].backprop_gradient_rms > 0.1


def test_single_input_and_empty_batch():
    net = random_net((2, 3, 1), ["tanh", "sigmoid"], seed=0)
    single = layer_diagnostics(net, np.array([0.5, -0.5]))
    batch_of_one = layer_diagnostics(net, np.array([[0.5, -0.5]]))
    assert single == batch_of_one
    assert single[1].z_std == 0.0  # one unit, one input: no spread
    with pytest.raises(ValueError, match="at least one input"):
        layer_diagnostics(net, np.zeros((0, 2)))
    with pytest.raises(ValueError, match="layer 1"):
        layer_diagnostics(net, np.zeros((3, 5)))


def test_stacked_identity_layers_collapse_to_one_linear_map():
    net = random_net((3, 7, 5, 2), ["identity"] * 3, seed=8)
    combined = linear_equivalent(net)
    assert combined is not None
    w, b = combined
    assert w.shape == (2, 3) and b.shape == (2,)
    batch = np.random.default_rng(1).normal(size=(50, 3))
    np.testing.assert_allclose(batch @ w.T + b, net(batch), rtol=1e-12, atol=1e-12)
    # And torch's own stack of Linear layers computes the same map.
    layers = []
    for weights, biases in zip(net.weights, net.biases, strict=True):
        linear = torch.nn.Linear(weights.shape[1], weights.shape[0], dtype=torch.float64)
        with torch.no_grad():
            linear.weight.copy_(torch.tensor(weights))
            linear.bias.copy_(torch.tensor(biases))
        layers.append(linear)
    expected = torch.nn.Sequential(*layers)(torch.from_numpy(batch)).detach().numpy()
    np.testing.assert_allclose(batch @ w.T + b, expected, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(w, net.weights[2] @ net.weights[1] @ net.weights[0], rtol=1e-12)


def test_no_linear_equivalent_with_a_nonlinear_layer():
    assert linear_equivalent(random_net((2, 3, 1), ["identity", "tanh"], seed=0)) is None
    assert linear_equivalent(random_net((2, 3, 2), ["identity", "softmax"], seed=0)) is None
