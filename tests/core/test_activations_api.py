"""The public API of actplay.core.activations: registry, parameters, dtypes, kinks, erf."""

import math
import re

import numpy as np
import pytest

from actplay.core import activations as acts
from actplay.core.activations import Activation, ParamSpec
from actplay.core.activations.base import GROUPS
from actplay.core.activations.special import erf, erfc

# The set the issue asks for, with PyTorch's parameter names and defaults.
PYTORCH_DEFAULTS = {
    "identity": {},
    "binary_step": {},
    "sigmoid": {},
    "tanh": {},
    "relu": {},
    "relu6": {},
    "leaky_relu": {"negative_slope": 0.01},
    "prelu": {"weight": 0.25},
    "rrelu": {"lower": 1 / 8, "upper": 1 / 3},
    "elu": {"alpha": 1.0},
    "celu": {"alpha": 1.0},
    "selu": {},
    "gelu": {},
    "gelu_tanh": {},
    "silu": {},
    "swish": {"beta": 1.0},
    "mish": {},
    "softplus": {"beta": 1.0, "threshold": 20.0},
    "softsign": {},
    "hardsigmoid": {},
    "hardtanh": {"min_val": -1.0, "max_val": 1.0},
    "hardswish": {},
    "logsigmoid": {},
    "softshrink": {"lambd": 0.5},
    "hardshrink": {"lambd": 0.5},
    "tanhshrink": {},
    "threshold": {"threshold": 0.0, "value": 0.0},
    "gaussian": {},
    "sine": {},
}

# shared/reference/kinks.md: (name, params, x, f(x), f'(x)); f'' is 0 at every kink.
KINK_TABLE = [
    ("relu", {}, 0.0, 0.0, 0.0),
    ("relu6", {}, 0.0, 0.0, 0.0),
    ("relu6", {}, 6.0, 6.0, 0.0),
    ("leaky_relu", {"negative_slope": 0.2}, 0.0, 0.0, 0.2),
    ("prelu", {"weight": 0.4}, 0.0, 0.0, 0.4),
    ("rrelu", {"lower": 0.1, "upper": 0.3}, 0.0, 0.0, 0.2),
    ("elu", {"alpha": 2.0}, 0.0, 0.0, 2.0),
    ("celu", {"alpha": 2.0}, 0.0, 0.0, 1.0),
    ("selu", {}, 0.0, 0.0, 1.7580993408473766),
    (
        "softplus",
        {"beta": 2.0, "threshold": 5.0},
        2.5,
        math.log1p(math.exp(5.0)) / 2.0,
        1.0 / (1.0 + math.exp(-5.0)),
    ),
    ("softsign", {}, 0.0, 0.0, 1.0),
    ("hardsigmoid", {}, -3.0, 0.0, 0.0),
    ("hardsigmoid", {}, 3.0, 1.0, 0.0),
    ("hardtanh", {"min_val": -2.0, "max_val": 0.5}, -2.0, -2.0, 0.0),
    ("hardtanh", {"min_val": -2.0, "max_val": 0.5}, 0.5, 0.5, 0.0),
    ("hardswish", {}, -3.0, -0.0, 0.0),
    ("hardswish", {}, 3.0, 3.0, 1.0),
    ("softshrink", {"lambd": 0.7}, 0.7, 0.0, 0.0),
    ("softshrink", {"lambd": 0.7}, -0.7, 0.0, 0.0),
    ("hardshrink", {"lambd": 0.7}, 0.7, 0.0, 0.0),
    ("hardshrink", {"lambd": 0.7}, -0.7, 0.0, 0.0),
    ("threshold", {"threshold": 1.0, "value": 2.0}, 1.0, 2.0, 0.0),
    ("binary_step", {}, 0.0, 0.0, 0.0),
]


def test_names_cover_the_requested_set_in_group_order():
    names = acts.names()
    assert isinstance(names, tuple)
    assert len(set(names)) == len(names)
    assert set(PYTORCH_DEFAULTS) <= set(names)
    assert "softmax" not in names
    group_positions = [acts.groups().index(acts.get(name).group) for name in names]
    assert group_positions == sorted(group_positions)


def test_groups():
    assert acts.groups() == GROUPS
    assert acts.groups() == (
        "Classic",
        "ReLU family",
        "Smooth modern",
        "Hard / piecewise",
        "Shrink",
        "Other",
    )
    assert {acts.get(name).group for name in acts.names()} == set(acts.groups())


def test_unknown_name_lists_valid_names():
    with pytest.raises(KeyError) as info:
        acts.get("relu7")
    message = str(info.value)
    assert "relu7" in message
    assert all(name in message for name in acts.names())


@pytest.mark.parametrize("name", sorted(PYTORCH_DEFAULTS))
def test_pytorch_parameter_names_and_defaults(name):
    activation = acts.get(name)
    assert activation.defaults == pytest.approx(PYTORCH_DEFAULTS[name])
    assert activation.name == name
    assert set(activation.limits) == set(activation.slider_ranges) == set(activation.defaults)
    for spec in activation.params:
        assert spec.lo <= spec.slider_lo <= spec.default <= spec.slider_hi <= spec.hi
        assert spec.description


@pytest.mark.parametrize("name", acts.names())
def test_metadata_and_description(name):
    activation = acts.get(name)
    assert activation.title and activation.formula and activation.derivative_formula
    sentences = re.findall(r"[.!?](?:\s|$)", activation.description)
    assert 2 <= len(sentences) <= 5, activation.description
    lo, hi = activation.output_range
    assert lo <= hi
    assert activation.bounded == (math.isfinite(lo) and math.isfinite(hi))


def test_textbook_values():
    assert acts.get("sigmoid")(-1) == pytest.approx(0.2689414213699951, rel=1e-15)
    assert acts.get("relu")(-1) == 0.0
    assert acts.get("tanh")(0.5) == pytest.approx(math.tanh(0.5), rel=1e-15)
    assert acts.SATURATION_THRESHOLD == 0.05


@pytest.mark.parametrize(("name", "params", "x", "value", "slope"), KINK_TABLE)
def test_kink_values_follow_the_reference_table(name, params, x, value, slope):
    activation = acts.get(name)
    assert activation(x, **params) == pytest.approx(value, rel=1e-15, abs=0)
    assert activation.derivative(x, **params) == pytest.approx(slope, rel=1e-15, abs=0)
    assert activation.second_derivative(x, **params) == 0.0


def test_missing_params_use_defaults():
    elu = acts.get("elu")
    x = np.array([-2.0, -0.5, 1.0])
    np.testing.assert_array_equal(elu(x), elu(x, alpha=1.0))
    assert elu.resolve_params(None) == {"alpha": 1.0}
    assert elu.resolve_params({"alpha": 2}) == {"alpha": 2.0}
    assert acts.get("hardtanh").resolve_params({"max_val": 3.0}) == {
        "min_val": -1.0,
        "max_val": 3.0,
    }


@pytest.mark.parametrize(
    ("name", "params", "fragment"),
    [
        ("elu", {"beta": 1.0}, "'beta'"),
        ("relu", {"alpha": 1.0}, "'alpha'"),
        ("elu", {"alpha": 11.0}, "'alpha' must be within [0, 10]"),
        ("leaky_relu", {"negative_slope": -0.5}, "'negative_slope' must be within [0, 1]"),
        ("softplus", {"beta": float("nan")}, "'beta'"),
        ("softplus", {"threshold": float("inf")}, "'threshold'"),
        ("celu", {"alpha": "big"}, "'alpha'"),
    ],
)
def test_bad_params_raise_value_error_naming_the_parameter(name, params, fragment):
    activation = acts.get(name)
    with pytest.raises(ValueError, match=re.escape(fragment)):
        activation.resolve_params(params)
    with pytest.raises(ValueError, match=re.escape(fragment)):
        activation(np.zeros(3), **params)
    with pytest.raises(ValueError, match=re.escape(fragment)):
        activation.derivative(0.0, **params)


@pytest.mark.parametrize("name", acts.names())
def test_dtypes_and_shapes(name):
    activation = acts.get(name)
    grid = np.linspace(-4.0, 4.0, 24)
    for method in (activation, activation.derivative, activation.second_derivative):
        as64 = method(grid.reshape(2, 3, 4))
        assert as64.dtype == np.float64 and as64.shape == (2, 3, 4)
        as32 = method(grid.astype(np.float32))
        assert as32.dtype == np.float32 and as32.shape == (24,)
        # float32 results are the float64 results of the same (rounded) inputs, rounded once.
        np.testing.assert_array_equal(
            as32, method(grid.astype(np.float32).astype(np.float64)).astype(np.float32)
        )
        assert method([1, 2]).dtype == np.float64
        scalar = method(0.75)
        assert np.ndim(scalar) == 0 and np.asarray(scalar).dtype == np.float64
        assert method(np.array([])).shape == (0,)


@pytest.mark.parametrize("name", acts.names())
def test_finite_everywhere_up_to_1e300_without_warnings(name):
    # pytest's filterwarnings=error turns any RuntimeWarning into a failure here.
    activation = acts.get(name)
    magnitudes = np.geomspace(1e-300, 1e300, 601)
    x = np.concatenate([-magnitudes[::-1], [0.0], magnitudes])
    for method in (activation, activation.derivative, activation.second_derivative):
        assert np.isfinite(method(x)).all()
    huge32 = np.array([-3.4e38, -1e30, 1e30, 3.4e38], dtype=np.float32)
    for method in (activation, activation.derivative, activation.second_derivative):
        assert method(huge32).dtype == np.float32


def test_input_is_not_modified_or_aliased():
    x = np.array([-1.0, 0.0, 2.0])
    y = acts.get("identity")(x)
    y[0] = 5.0
    assert x[0] == -1.0


def test_custom_activation_from_plain_callables():
    spec = ParamSpec("k", 2.0, 0.0, 5.0, 0.0, 3.0, "power scale")
    scaled_cube = Activation(
        "scaled_cube",
        lambda x, k: k * x**3,
        lambda x, k: 3 * k * x**2,
        lambda x, k: 6 * k * x,
        params=(spec,),
        output_range=(-math.inf, math.inf),
        monotonic=True,
    )
    assert scaled_cube.title == "scaled_cube"
    assert scaled_cube.group == "Other"
    assert scaled_cube.defaults == {"k": 2.0}
    assert scaled_cube.limits == {"k": (0.0, 5.0)}
    assert scaled_cube.slider_ranges == {"k": (0.0, 3.0)}
    assert not scaled_cube.bounded
    assert scaled_cube(2.0) == 16.0
    assert scaled_cube.derivative(np.float32(1.0), k=1.0) == np.float32(3.0)
    assert scaled_cube.second_derivative([1.0, 2.0], k=0.5).tolist() == [3.0, 6.0]
    with pytest.raises(ValueError, match=r"'k' must be within \[0, 5\]"):
        scaled_cube(1.0, k=6.0)
    with pytest.raises(AttributeError):
        scaled_cube.name = "other"  # plain frozen value
    assert {scaled_cube: 1}[scaled_cube] == 1


def test_param_spec_rejects_inconsistent_limits():
    with pytest.raises(ValueError, match="'a'"):
        ParamSpec("a", 1.0, 2.0, 1.0, 1.0, 1.0)
    with pytest.raises(ValueError, match="'a'"):
        ParamSpec("a", 9.0, 0.0, 5.0, 0.0, 5.0)
    with pytest.raises(ValueError, match="'a'"):
        ParamSpec("a", 1.0, 0.0, math.inf, 0.0, 5.0)


def test_erf_and_erfc_match_math_to_double_precision():
    x = np.concatenate(
        [np.linspace(-7.0, 7.0, 14001), np.geomspace(1e-300, 6.0, 400), np.linspace(6.0, 27.0, 400)]
    )
    x = np.concatenate([x, -x])
    expected_erf = np.array([math.erf(v) for v in x])
    np.testing.assert_allclose(erf(x), expected_erf, rtol=1e-15, atol=0)
    expected_erfc = np.array([math.erfc(v) for v in x])
    normal = expected_erfc > 1e-300  # below that math.erfc returns subnormals
    np.testing.assert_allclose(erfc(x)[normal], expected_erfc[normal], rtol=2e-15, atol=0)
    assert erfc(np.array([30.0, 1e300]))[0] == 0.0
    assert erf(np.array([-1e300, 1e300])).tolist() == [-1.0, 1.0]


def test_softmax_float32_and_scalar_input():
    logits = np.array([1.0, 2.0, 3.0], dtype=np.float32)
    probabilities = acts.softmax(logits)
    assert probabilities.dtype == np.float32
    assert probabilities.sum() == pytest.approx(1.0, rel=1e-6)
    assert np.all(np.diff(probabilities) > 0)
    with pytest.raises(ValueError):
        acts.softmax(1.0)
