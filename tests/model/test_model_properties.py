"""More model properties, beside ``test_properties.py``: the extremes and whole-state loads.

``test_properties.py`` covers random setter sequences with moderate values and
bad numbers on a few setters. Here: values at the very limits (±1e6 weights and
inputs, every parameter at its lo/hi, 6 hidden layers of 16) keep every derived
result finite and shaped right; and every other kind of invalid value (unknown
names, bad sizes, out-of-limit params, bad indices, a corrupted state dict for
``apply_state``) raises a ValueError with a message naming the field, leaving
``state_dict()`` unchanged and emitting nothing.
"""

from __future__ import annotations

import math

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from actplay.core import activations as acts
from actplay.model.errors import InvalidValue
from actplay.model.limits import VALUE_LIMIT
from actplay.model.playground import Playground

EXTREMES = st.sampled_from([VALUE_LIMIT, -VALUE_LIMIT, 0.0, 1e-300, -123456.789])
PARAM_SETTINGS = [
    (a.name, p.name, bound)
    for a in map(acts.get, acts.names())
    for p in a.params
    for bound in (p.lo, p.hi)
]


def _check_finite_and_shaped(pg: Playground) -> None:
    data = pg.curve_data()
    for series in data.series:
        assert series.y.shape == data.x.shape == (pg.points,)
        assert np.all(np.isfinite(series.y)), series.key
    result = pg.neuron_result()
    assert math.isfinite(result.z) and math.isfinite(result.a) and math.isfinite(result.slope)
    trace = pg.network_trace()
    assert [a.shape for a in trace.a] == [(n,) for n in pg.layer_sizes[1:]]
    assert all(np.all(np.isfinite(a)) for a in trace.a + trace.z)
    maps = pg.network_heatmaps()
    if maps is not None:
        assert [m.shape[0] for m in maps] == list(pg.layer_sizes[1:])
        assert all(np.all(np.isfinite(m)) for m in maps)
    for layer in pg.network_diagnostics():
        assert all(
            math.isfinite(v)
            for v in (layer.z_mean, layer.z_std, layer.a_mean, layer.a_std, layer.gradient_product)
        )


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.tuples(st.integers(0, 5), EXTREMES, st.integers(0, 10_000)), max_size=10),
    st.sampled_from(PARAM_SETTINGS),
    st.sampled_from(["identity", "relu", "selu", "elu"]),
)
def test_limit_values_keep_every_result_finite(steps, param_setting, layer_function):
    pg = Playground()
    pg.set_layer_sizes((2,) + (16,) * 6 + (8,))
    for layer in range(1, 8):
        pg.set_layer_activation(layer, layer_function)
    name, key, bound = param_setting
    pg.set_curve_activation(name)
    pg.set_curve_param(key, bound)
    pg.set_x_range(-VALUE_LIMIT, VALUE_LIMIT)
    pg.set_plane_range(-VALUE_LIMIT, VALUE_LIMIT)
    for kind, value, index in steps:
        layer = 1 + index % 7
        rows, cols = pg.weights[layer - 1].shape
        if kind == 0:
            pg.set_weight(layer, index % rows, index % cols, value)
        elif kind == 1:
            pg.set_bias(layer, index % rows, value)
        elif kind == 2:
            pg.set_network_input(index % 2, value)
        elif kind == 3 and pg.neuron_target is None:
            pg.set_neuron_input(index % len(pg.neuron_inputs), value)
        elif kind == 4:
            pg.set_neuron_weight(index % len(pg.neuron_weights), value)
        else:
            pg.set_neuron_bias(value)
    _check_finite_and_shaped(pg)


# (setter call, words the message must hold)
INVALID_CALLS = [
    (lambda pg: pg.set_curve_activation("no_such"), "no_such"),
    (lambda pg: pg.set_neuron_activation(""), "activation"),
    (lambda pg: pg.set_curve_activation("softmax"), "softmax"),
    (lambda pg: pg.set_layer_activation(1, "softmax"), "softmax"),
    (lambda pg: pg.set_layer_activation(9, "relu"), "layer"),
    (lambda pg: pg.set_curve_param("no_such_param", 1.0), "no_such_param"),
    (lambda pg: pg.set_layer_sizes((2, 17, 1)), "16"),
    (lambda pg: pg.set_layer_sizes((0, 4, 1)), "input"),
    (lambda pg: pg.set_layer_sizes((2,) + (4,) * 7 + (1,)), "hidden"),
    (lambda pg: pg.set_layer_sizes((2, 4, 9)), "output"),
    (lambda pg: pg.set_layer_sizes("2,4,1"), "layer"),
    (lambda pg: pg.set_input_count(9), "8"),
    (lambda pg: pg.set_input_count(0), "input"),
    (lambda pg: pg.set_points(20002), "20001"),
    (lambda pg: pg.set_points(10.5), "integer"),
    (lambda pg: pg.set_init("kaiming"), "kaiming"),
    (lambda pg: pg.set_seed(-1), "seed"),
    (lambda pg: pg.set_weight(1, 99, 0, 0.5), "weight"),
    (lambda pg: pg.set_bias(4, 0, 0.5), "layer"),
    (lambda pg: pg.set_neuron_input(3, 0.5), "input"),
    (lambda pg: pg.set_x_range(1.0, 1.0), "low < high"),
    (lambda pg: pg.set_plane_range(2.0, -2.0), "low < high"),
    (lambda pg: pg.set_visible("d3f", True), "d3f"),
    (lambda pg: pg.remove_compare(0), "comparison"),
    (lambda pg: pg.select_network_neuron(3, 5), "unit"),
    (lambda pg: pg.set_binary_mode("yes"), "binary"),
]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(range(len(INVALID_CALLS))),
    st.sampled_from(PARAM_SETTINGS),
    st.floats(1.0001, 1e3),
)
def test_invalid_calls_raise_a_clear_error_and_change_nothing(index, param_setting, beyond):
    pg = Playground()
    name, key, bound = param_setting
    pg.set_curve_activation(name)
    before = pg.state_dict()
    events = []
    pg.changed.connect(events.append)
    call, words = INVALID_CALLS[index]
    try:
        call(pg)
    except InvalidValue as error:
        assert words.lower() in str(error).lower(), str(error)
    else:
        raise AssertionError(f"call {index} was accepted")
    # A parameter just past its hard limit is refused the same way.
    spec = next(p for p in acts.get(name).params if p.name == key)
    outside = spec.hi + beyond if bound == spec.hi else spec.lo - beyond
    if math.isfinite(outside) and abs(outside) <= VALUE_LIMIT:
        try:
            pg.set_curve_param(key, outside)
        except InvalidValue as error:
            assert key in str(error)
        else:
            raise AssertionError(f"{name} {key}={outside} was accepted")
    assert pg.state_dict() == before and events == []


CORRUPTIONS = [
    ("neuron", "bias", math.nan),
    ("neuron", "weights", [1.0]),
    ("curve", "points", 5),
    ("network", "layer_sizes", [2, 40, 1]),
    ("curve", "activation", "nope"),
    ("network", "seed", "seven"),
    ("neuron", "inputs", [1e7, 0.0, 0.0]),
]


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(CORRUPTIONS))
def test_apply_state_with_one_bad_field_raises_and_changes_nothing(corruption):
    pg = Playground()
    pg.set_neuron_bias(0.25)
    before = pg.state_dict()
    state = pg.state_dict()
    section, key, value = corruption
    state[section][key] = value
    events = []
    pg.changed.connect(events.append)
    try:
        pg.apply_state(state)
    except InvalidValue as error:
        assert str(error)
    else:
        raise AssertionError(f"{corruption} was accepted")
    assert pg.state_dict() == before and events == []


def test_unlinking_the_curve_of_a_softmax_unit_leaves_a_loadable_state():
    # Found by the soak: presets and undo failed on the state_dict() this left behind.
    pg = Playground()
    pg.set_layer_sizes((2, 3, 2))
    pg.set_layer_activation(2, "softmax")
    pg.select_network_neuron(2, 0)
    assert pg.curve_activation == "softmax"
    pg.set_linked(False)
    assert pg.curve_activation == "sigmoid" and pg.curve_params == {}
    copy = Playground()
    copy.apply_state(pg.state_dict())
    assert copy.state_dict() == pg.state_dict()
