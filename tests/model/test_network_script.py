"""A network exported as a PyTorch or NumPy script computes what ``Network`` computes.

Each script is written to a file, imported as a module and run; PyTorch runs the
``nn.Sequential`` that ``build_model()`` returns. Every activation of the library
(defaults and other parameters), user formulas and softmax are compared with the
network's own forward pass to 1e-12.
"""

from __future__ import annotations

import importlib.util
import json

import numpy as np
import pytest
import torch

from actplay.core import activations as acts
from actplay.core.formula import make_custom_activation
from actplay.core.network import Network
from actplay.model import network_script
from actplay.model.playground import Playground

TOLERANCE = 1e-12

# Non-default parameters, as tests/core/test_activations_torch.py uses them.
OTHER_PARAMS = {
    "leaky_relu": {"negative_slope": 0.2},
    "prelu": {"weight": 0.6},
    "rrelu": {"lower": 0.05, "upper": 0.4},
    "elu": {"alpha": 2.5},
    "celu": {"alpha": 0.3},  # 1/0.3 is no float32: our own module, not nn.CELU
    "swish": {"beta": 2.5},
    "softplus": {"beta": 2.0, "threshold": 5.0},
    "hardtanh": {"min_val": -2.0, "max_val": 0.5},
    "threshold": {"threshold": 0.5, "value": -1.0},
    "softshrink": {"lambd": 1.2},
    "hardshrink": {"lambd": 1.2},
}
CASES = [(name, {}) for name in acts.names()] + sorted(OTHER_PARAMS.items())

FORMULAS = {
    "wiggle": ("where(x > a, x * sigmoid(a * x), max(sin(x), -0.5) ** 2) + 1e-3", {"a": 0.5}),
    "smooth_abs": ("sqrt(x * x + eps) - min(abs(x), 2, exp(x))", {"eps": 0.01}),
    "bump": ("exp(-(x / w) ** 2) * erf(x) + log1p(softplus(x)) - relu(-x) * cosh(x / 4)", {"w": 2}),
    "constant": ("2 * pi", {}),
}


def load_script(text: str, folder, name: str):
    path = folder / f"{name}.py"
    path.write_text(text, encoding="utf-8")
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def network_with(activation, params, rng, softmax=False):
    """in 3 -> 6 (the activation) -> 4 (the activation) -> 3 (identity or softmax)."""
    weights = [rng.normal(size=(6, 3)) * 1.5, rng.normal(size=(4, 6)), rng.normal(size=(3, 4))]
    biases = [rng.normal(size=6), rng.normal(size=4), rng.normal(size=3)]
    last = ("softmax", {}) if softmax else ("identity", {})
    return Network(weights, biases, [(activation, params), (activation, params), last])


def both_outputs(network, tmp_path, x):
    torch_module = load_script(network_script.torch_script(network), tmp_path, "as_torch")
    model = torch_module.build_model()
    with torch.no_grad():
        from_torch = model(torch.tensor(x, dtype=torch.float64)).numpy()
    numpy_module = load_script(network_script.numpy_script(network), tmp_path, "as_numpy")
    return model, from_torch, numpy_module.forward(x)


@pytest.mark.parametrize(("name", "params"), CASES, ids=[f"{n}{p or ''}" for n, p in CASES])
def test_every_library_activation_matches_in_torch_and_numpy(tmp_path, name, params):
    rng = np.random.default_rng(len(name))
    network = network_with(name, params, rng)
    x = np.concatenate([rng.uniform(-5, 5, size=(300, 3)), np.zeros((1, 3))])
    expected = network(x)
    model, from_torch, from_numpy = both_outputs(network, tmp_path, x)
    np.testing.assert_allclose(from_torch, expected, rtol=TOLERANCE, atol=TOLERANCE)
    np.testing.assert_allclose(from_numpy, expected, rtol=TOLERANCE, atol=TOLERANCE)
    assert all(p.dtype == torch.float64 for p in model.parameters())


@pytest.mark.parametrize("name", sorted(FORMULAS))
def test_user_formulas_become_torch_modules_and_numpy_functions(tmp_path, name):
    text, defaults = FORMULAS[name]
    specs = {key: (value, -10.0, 10.0) for key, value in defaults.items()}
    function = make_custom_activation(name, text, specs)
    rng = np.random.default_rng(7)
    network = network_with(function, defaults, rng)
    x = rng.uniform(-4, 4, size=(200, 3))
    expected = network(x)
    model, from_torch, from_numpy = both_outputs(network, tmp_path, x)
    np.testing.assert_allclose(from_torch, expected, rtol=TOLERANCE, atol=TOLERANCE)
    np.testing.assert_allclose(from_numpy, expected, rtol=TOLERANCE, atol=TOLERANCE)
    assert type(model[1]).__name__.startswith("Formula")


def test_softmax_output_and_exact_weights(tmp_path):
    rng = np.random.default_rng(3)
    network = network_with("tanh", {}, rng, softmax=True)
    x = rng.uniform(-3, 3, size=(50, 3))
    model, from_torch, from_numpy = both_outputs(network, tmp_path, x)
    np.testing.assert_allclose(from_torch, network(x), rtol=TOLERANCE, atol=TOLERANCE)
    np.testing.assert_allclose(from_numpy, network(x), rtol=TOLERANCE, atol=TOLERANCE)
    assert isinstance(model[-1], torch.nn.Softmax) and model[-1].dim == -1
    for linear, weight, bias in zip(model[0::2], network.weights, network.biases, strict=True):
        assert np.array_equal(linear.weight.detach().numpy(), weight)  # bit for bit
        assert np.array_equal(linear.bias.detach().numpy(), bias)


def test_torch_modules_carry_the_parameters(tmp_path):
    rng = np.random.default_rng(1)
    layers = [
        ("leaky_relu", {"negative_slope": 0.2}),
        ("softplus", {"beta": 2.0, "threshold": 5.0}),
        ("prelu", {"weight": 0.6}),
        ("celu", {"alpha": 0.5}),
        ("swish", {"beta": 1.0}),
    ]
    sizes = [2, 3, 3, 3, 3, 2]
    weights = [rng.normal(size=(sizes[i + 1], sizes[i])) for i in range(5)]
    biases = [rng.normal(size=sizes[i + 1]) for i in range(5)]
    network = Network(weights, biases, layers)
    model = load_script(network_script.torch_script(network), tmp_path, "params").build_model()
    modules = list(model)[1::2]
    assert isinstance(modules[0], torch.nn.LeakyReLU) and modules[0].negative_slope == 0.2
    assert isinstance(modules[1], torch.nn.Softplus)
    assert (modules[1].beta, modules[1].threshold) == (2.0, 5.0)
    assert isinstance(modules[2], torch.nn.PReLU) and modules[2].weight.item() == 0.6
    assert isinstance(modules[3], torch.nn.CELU) and modules[3].alpha == 0.5  # 1/0.5 is exact
    assert isinstance(modules[4], torch.nn.SiLU)  # swish with beta 1


def test_the_header_records_sizes_and_activations():
    model = Playground()
    text = network_script.script_text(model, "torch")
    first = text.splitlines()[0]
    assert first.startswith(network_script.HEADER_PREFIX)
    record = json.loads(first[len(network_script.HEADER_PREFIX) :])
    network = model.network()
    assert record["layer_sizes"] == list(network.layer_sizes)
    assert [layer["activation"] for layer in record["layers"]] == [
        function.name for function, _params in network.activations
    ]
    with pytest.raises(ValueError, match="script format"):
        network_script.script_text(model, "onnx")
