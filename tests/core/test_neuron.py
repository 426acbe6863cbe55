"""One neuron: z = w·x + b and a = f(z), checked against PyTorch."""

import itertools

import numpy as np
import pytest
import torch

from actplay.core import activations as acts
from actplay.core.neuron import Neuron, resolve_activation

# Our registry name -> (torch function taking a tensor and the same keyword params).
TORCH_FUNCTIONS = {
    "identity": lambda t: t,
    "sigmoid": torch.sigmoid,
    "tanh": torch.tanh,
    "relu": torch.relu,
    "leaky_relu": lambda t, negative_slope: torch.nn.functional.leaky_relu(t, negative_slope),
    "elu": lambda t, alpha: torch.nn.functional.elu(t, alpha),
    "gelu": torch.nn.functional.gelu,
    "softplus": lambda t, beta, threshold: torch.nn.functional.softplus(t, beta, threshold),
}
CASES = [
    ("identity", {}),
    ("sigmoid", {}),
    ("tanh", {}),
    ("relu", {}),
    ("leaky_relu", {"negative_slope": 0.2}),
    ("elu", {"alpha": 0.7}),
    ("gelu", {}),
    ("softplus", {"beta": 2.0}),
]


def torch_neuron(weights, bias, name, params):
    """The same neuron as a float64 torch.nn.Linear(n, 1) followed by torch's activation."""
    linear = torch.nn.Linear(len(weights), 1, dtype=torch.float64)
    with torch.no_grad():
        linear.weight.copy_(torch.tensor([weights], dtype=torch.float64))
        linear.bias.fill_(bias)
    resolved = acts.get(name).resolve_params(params)
    return lambda x: TORCH_FUNCTIONS[name](linear(x), **resolved)


@pytest.mark.parametrize(("name", "params"), CASES)
@pytest.mark.parametrize("n_inputs", [1, 3, 8])
def test_output_matches_torch_single_and_batched(name, params, n_inputs):
    rng = np.random.default_rng(n_inputs)
    weights = rng.normal(size=n_inputs).tolist()
    bias = float(rng.normal())
    batch = rng.normal(scale=3.0, size=(17, n_inputs))
    neuron = Neuron(weights, bias, name, params)
    reference = torch_neuron(weights, bias, name, params)

    expected = reference(torch.from_numpy(batch)).detach().numpy()[:, 0]
    np.testing.assert_allclose(neuron.output(batch), expected, rtol=1e-12, atol=1e-12)
    assert neuron.output(batch).shape == (17,)

    single = neuron.output(batch[4])
    assert np.ndim(single) == 0
    np.testing.assert_allclose(single, expected[4], rtol=1e-12, atol=1e-12)


@pytest.mark.parametrize(("name", "params"), CASES)
def test_z_and_slope_match_torch_autograd(name, params):
    rng = np.random.default_rng(7)
    weights, bias = [0.5, -1.5, 2.0], -0.25
    batch = rng.normal(scale=2.0, size=(11, 3))
    neuron = Neuron(weights, bias, name, params)

    z = torch.from_numpy(batch) @ torch.tensor(weights, dtype=torch.float64) + bias
    z.requires_grad_(True)
    resolved = acts.get(name).resolve_params(params)
    (slope,) = torch.autograd.grad(TORCH_FUNCTIONS[name](z, **resolved).sum(), z)

    np.testing.assert_allclose(neuron.z(batch), z.detach().numpy(), rtol=1e-13, atol=1e-13)
    np.testing.assert_allclose(neuron.derivative(batch), slope.numpy(), rtol=1e-10, atol=1e-12)


def test_film_perceptron_truth_table():
    # Weights 4, 2, 2 and threshold 3: fires exactly when x1 is 1 or both others are.
    film = Neuron([4.0, 2.0, 2.0], -3.0, "binary_step")
    for x1, x2, x3 in itertools.product((0.0, 1.0), repeat=3):
        fires = x1 == 1.0 or (x2 == 1.0 and x3 == 1.0)
        assert float(film.output([x1, x2, x3])) == (1.0 if fires else 0.0), (x1, x2, x3)
    table = np.array(list(itertools.product((0.0, 1.0), repeat=3)))
    expected = (table[:, 0] == 1) | ((table[:, 1] == 1) & (table[:, 2] == 1))
    np.testing.assert_array_equal(film.output(table), expected.astype(float))


def test_activation_given_as_name_pair_or_object_is_the_same():
    by_name = Neuron([1.0, -2.0], 0.5, "elu", {"alpha": 0.3})
    by_pair = Neuron([1.0, -2.0], 0.5, ("elu", {"alpha": 0.3}))
    by_object = Neuron([1.0, -2.0], 0.5, acts.get("elu"), {"alpha": 0.3})
    x = np.array([[0.1, 0.9], [2.0, -1.0]])
    for neuron in (by_pair, by_object):
        np.testing.assert_array_equal(neuron.output(x), by_name.output(x))
        assert neuron.params == {"alpha": 0.3}
    assert Neuron([1.0], 0.0, "elu").params == {"alpha": 1.0}  # default filled in


def test_custom_activation_object():
    cube = acts.Activation("cube", lambda x: x**3, lambda x: 3 * x**2, lambda x: 6 * x)
    neuron = Neuron([2.0], 1.0, cube)
    assert float(neuron.output([1.0])) == 27.0
    assert float(neuron.derivative([1.0])) == 27.0


@pytest.mark.parametrize(
    ("weights", "bias", "activation", "params", "message"),
    [
        ([], 0.0, "sigmoid", None, "non-empty"),
        ([[1.0, 2.0]], 0.0, "sigmoid", None, "1-D"),
        ([1.0, np.nan], 0.0, "sigmoid", None, "finite"),
        ([1.0], np.inf, "sigmoid", None, "finite"),
        ([1.0], 0.0, "no_such_function", None, "no_such_function"),
        ([1.0], 0.0, "softmax", None, "softmax"),
        ([1.0], 0.0, "elu", {"alpha": -1.0}, "alpha"),
        ([1.0], 0.0, "elu", {"beta": 1.0}, "beta"),
        ([1.0], 0.0, 42, None, "activation"),
    ],
)
def test_bad_construction_raises_value_error(weights, bias, activation, params, message):
    with pytest.raises(ValueError, match=message):
        Neuron(weights, bias, activation, params)


@pytest.mark.parametrize("x", [[1.0, 2.0], np.zeros((4, 2)), np.zeros((2, 2, 3)), 1.0])
def test_input_of_the_wrong_shape_raises(x):
    neuron = Neuron([1.0, 2.0, 3.0], 0.0)
    with pytest.raises(ValueError, match="3 weights"):
        neuron.output(x)


def test_neuron_is_immutable():
    weights = np.array([1.0, 2.0])
    neuron = Neuron(weights, 0.0, "identity")
    weights[0] = 100.0  # the caller's array is copied
    assert float(neuron.z([1.0, 0.0])) == 1.0
    with pytest.raises(ValueError):
        neuron.weights[0] = 5.0
    neuron.params["x"] = 1.0  # a fresh copy each time
    assert neuron.params == {}


def test_resolve_activation_merges_pair_and_keyword_params():
    function, params = resolve_activation(("softplus", {"beta": 2.0}), {"threshold": 10.0})
    assert function is acts.get("softplus")
    assert params == {"beta": 2.0, "threshold": 10.0}
