"""Every setter: the sections it names, silence on an equal value, and validation."""

import math

import numpy as np
import pytest

from actplay.core import activations as acts
from actplay.model import limits as lim
from actplay.model.errors import InvalidValue

# (setter name, args, sections it touches) from the default state
CHANGES = [
    ("set_curve_activation", ("tanh",), {"curve", "neuron"}),  # linked by default
    ("set_curve_param", None, None),  # covered below: sigmoid has no params
    ("add_compare", ("relu",), {"curve"}),
    ("set_visible", ("d2f", True), {"curve"}),
    ("set_x_range", (-3.0, 4.0), {"curve"}),
    ("set_points", (501,), {"curve"}),
    ("set_linked", (False,), {"curve"}),
    ("set_neuron_input", (0, 2.0), {"neuron"}),
    ("set_neuron_weight", (1, -1.5), {"neuron"}),
    ("set_neuron_bias", (0.7,), {"neuron"}),
    ("set_neuron_activation", ("elu",), {"neuron", "curve"}),
    ("set_input_count", (5,), {"neuron"}),
    ("set_binary_mode", (True,), {"neuron"}),
    ("select_network_neuron", (1, 3), {"neuron", "curve"}),
    ("set_layer_sizes", ((3, 4, 2),), {"network"}),
    ("set_layer_activation", (2, "relu"), {"network"}),
    ("set_weight", (1, 0, 1, 0.25), {"network"}),
    ("set_bias", (3, 0, -0.5), {"network"}),
    ("set_init", ("he",), {"network"}),
    ("set_seed", (7,), {"network"}),
    ("set_network_input", (1, 3.0), {"network"}),
    ("set_plane_range", (-2.0, 2.0), {"network"}),
    ("select_weight", (2, 1, 1), {"view"}),
]
CHANGES = [c for c in CHANGES if c[1] is not None]


@pytest.mark.parametrize(("setter", "args", "sections"), CHANGES, ids=[c[0] for c in CHANGES])
def test_a_change_emits_once_naming_its_sections_and_repeating_it_is_silent(
    pg, recorder, setter, args, sections
):
    before = pg.state_dict()
    getattr(pg, setter)(*args)
    assert recorder.events == [frozenset(sections)]
    if setter != "select_weight" and setter != "select_network_neuron":
        assert pg.state_dict() != before
    if setter == "add_compare":
        return  # adding the same function twice is allowed (then edit one's params)
    getattr(pg, setter)(*args)
    assert recorder.count == 1, "setting an equal value must emit nothing"


# (setter, bad args, words the message must contain)
INVALID = [
    ("set_curve_activation", ("sigmoidd",), "unknown activation"),
    ("set_curve_activation", (3,), "activation"),
    ("set_curve_activation", ("softmax",), "last layer"),
    ("set_curve_param", ("alpha", 1.0), "no parameter"),
    ("add_compare", ("elu", {"alpha": -1.0}), "alpha"),
    ("add_compare", ("elu", {"alpha": math.nan}), "finite"),
    ("add_compare", ("elu", {"beta": 1.0}), "beta"),
    ("add_compare", ("nope",), "unknown activation"),
    ("remove_compare", (0,), "no comparison"),
    ("set_compare_param", (0, "alpha", 1.0), "no comparison"),
    ("set_visible", ("g", True), "visible kind"),
    ("set_visible", ("f", "yes"), "true or false"),
    ("set_x_range", (2.0, 1.0), "low < high"),
    ("set_x_range", (1.0, 1.0), "low < high"),
    ("set_x_range", (-2e6, 1.0), "1e+06"),
    ("set_x_range", (0.0, math.inf), "finite"),
    ("set_points", (10,), "11..20001"),
    ("set_points", (20002,), "11..20001"),
    ("set_points", (100.5,), "integer"),
    ("set_linked", (1,), "true or false"),
    ("set_neuron_input", (3, 1.0), "0..2"),
    ("set_neuron_input", (0, math.nan), "finite"),
    ("set_neuron_input", (0, "1"), "number"),
    ("set_neuron_weight", (0, 1e7), "1e+06"),
    ("set_neuron_weight", (-1, 1.0), "0..2"),
    ("set_neuron_bias", (-math.inf,), "finite"),
    ("set_neuron_bias", (True,), "number"),
    ("set_neuron_activation", ("relu7",), "unknown activation"),
    ("set_neuron_param", ("slope", 0.1), "no parameter"),
    ("set_input_count", (0,), "1..8"),
    ("set_input_count", (9,), "1..8"),
    ("set_binary_mode", ("on",), "true or false"),
    ("select_network_neuron", (0, 0), "layer"),
    ("select_network_neuron", (4, 0), "layer"),
    ("select_network_neuron", (3, 1), "unit"),
    ("set_layer_sizes", ((2,),), "input size"),
    ("set_layer_sizes", ((0, 4, 1),), "input size"),
    ("set_layer_sizes", ((9, 4, 1),), "input size"),
    ("set_layer_sizes", ((2, 17, 1),), "hidden layer 1"),
    ("set_layer_sizes", ((2, 4, 0, 1),), "hidden layer 2"),
    ("set_layer_sizes", ((2, 4, 9),), "output size"),
    ("set_layer_sizes", ((2, 1, 1, 1, 1, 1, 1, 1, 1),), "hidden"),
    ("set_layer_sizes", ("2-4-1",), "list"),
    ("set_layer_activation", (1, "softmax"), "last layer"),
    ("set_layer_activation", (4, "relu"), "layer"),
    ("set_layer_activation", (3, "elu", {"alpha": 1e9}), "alpha"),
    ("set_layer_param", (1, "alpha", 1.0), "no parameter"),
    ("set_weight", (1, 8, 0, 1.0), "row"),
    ("set_weight", (1, 0, 2, 1.0), "column"),
    ("set_weight", (1, 0, 0, math.nan), "finite"),
    ("set_bias", (3, 1, 0.0), "0..0"),
    ("set_init", ("glorot",), "init scheme"),
    ("set_seed", (-1,), "seed"),
    ("set_seed", (2**32,), "seed"),
    ("set_network_input", (2, 0.0), "0..1"),
    ("set_network_input", (0, 2e6), "1e+06"),
    ("set_plane_range", (1.0, -1.0), "low < high"),
    ("select_weight", (1, 0, 5), "column"),
    ("select_weight", (0, 0, 0), "layer"),
]


@pytest.mark.parametrize(
    ("setter", "args", "words"), INVALID, ids=[f"{s}-{i}" for i, (s, _, _) in enumerate(INVALID)]
)
def test_a_bad_value_raises_a_clear_value_error_and_changes_nothing(
    pg, recorder, setter, args, words
):
    before = pg.state_dict()
    with pytest.raises(InvalidValue, match=None) as info:
        getattr(pg, setter)(*args)
    assert words.lower() in str(info.value).lower(), str(info.value)
    assert pg.state_dict() == before
    assert recorder.count == 0


def test_params_are_checked_against_their_spec_limits_and_reset_on_a_new_function(pg, recorder):
    pg.set_neuron_activation("elu")
    spec = acts.get("elu").params[0]
    pg.set_neuron_param(spec.name, 0.5)
    assert pg.neuron_params[spec.name] == 0.5
    assert pg.curve_params[spec.name] == 0.5  # linked: one choice, two views
    assert recorder.last == {"neuron", "curve"}
    with pytest.raises(InvalidValue, match=spec.name):
        pg.set_neuron_param(spec.name, spec.hi + 1.0 if math.isfinite(spec.hi) else -1e7)
    pg.set_neuron_activation("selu")
    pg.set_neuron_activation("elu")
    assert pg.neuron_params == acts.get("elu").defaults


def test_unlinked_curve_keeps_its_own_function(pg, recorder):
    pg.set_linked(False)
    pg.set_curve_activation("relu")
    assert recorder.last == {"curve"}
    assert (pg.curve_activation, pg.neuron_activation) == ("relu", "sigmoid")
    pg.set_neuron_activation("tanh")
    assert recorder.last == {"neuron"}
    pg.set_curve_activation("leaky_relu")
    pg.set_curve_param("negative_slope", 0.2)
    assert pg.curve_params == {"negative_slope": 0.2}
    assert recorder.last == {"curve"}
    with pytest.raises(InvalidValue, match="negative_slope"):
        pg.set_curve_param("negative_slope", 1.5)  # spec limit 0..1
    pg.set_linked(True)
    assert pg.curve_activation == "tanh"
    pg.set_linked(False)  # unlinking keeps what is shown
    assert pg.curve_activation == "tanh"


def test_compare_list_add_edit_remove_and_its_limit(pg, recorder):
    pg.add_compare("elu", {"alpha": 0.5})
    pg.add_compare("tanh")
    assert pg.compare == (("elu", {"alpha": 0.5}), ("tanh", {}))
    pg.set_compare_param(0, "alpha", 2.0)
    pg.set_compare_param(0, "alpha", 2.0)
    assert pg.compare[0][1] == {"alpha": 2.0}
    pg.remove_compare(1)
    assert [name for name, _ in pg.compare] == ["elu"]
    assert recorder.count == 4
    for _ in range(lim.MAX_COMPARE - 1):
        pg.add_compare("relu")
    with pytest.raises(InvalidValue, match="at most"):
        pg.add_compare("relu")
    pg.compare[0][1]["alpha"] = 99.0  # a copy: the model is unaffected
    assert pg.compare[0][1]["alpha"] == 2.0


def test_input_count_keeps_old_values_and_adds_zeros(pg):
    pg.set_input_count(5)
    assert pg.neuron_inputs == (1.0, 0.5, -0.5, 0.0, 0.0)
    assert pg.neuron_weights == (0.8, -0.4, 0.3, 0.0, 0.0)
    pg.set_input_count(2)
    assert pg.neuron_inputs == (1.0, 0.5)


def test_binary_mode_snaps_inputs(pg):
    pg.set_neuron_input(1, 0.49)
    pg.set_binary_mode(True)
    assert pg.neuron_inputs == (1.0, 0.0, 0.0)
    pg.set_neuron_input(2, 0.5)
    assert pg.neuron_inputs[2] == 1.0


def test_a_targeted_neuron_reads_and_writes_the_network(pg, recorder):
    pg.select_network_neuron(2, 3)
    trace = pg.network_trace()
    assert pg.neuron_inputs == tuple(trace.a[0])
    assert pg.neuron_weights == tuple(pg.weights[1][3])
    assert pg.neuron_activation == "tanh" == pg.curve_activation
    recorder.clear()
    pg.set_neuron_weight(0, 0.5)
    assert pg.weights[1][3, 0] == 0.5
    assert recorder.last == {"neuron", "network"}
    pg.set_neuron_bias(-0.25)
    assert pg.biases[1][3] == -0.25
    pg.set_neuron_activation("relu")
    assert pg.layer_activations[1][0] == "relu"
    assert recorder.last == {"neuron", "network", "curve"}
    with pytest.raises(InvalidValue, match="previous layer"):
        pg.set_neuron_input(0, 1.0)
    with pytest.raises(InvalidValue, match="release"):
        pg.set_input_count(4)
    pg.select_network_neuron(1, 0)
    pg.set_neuron_input(1, 2.5)
    assert pg.network_input == (1.0, 2.5)
    assert recorder.last == {"neuron", "network"}
    pg.release_neuron()
    assert pg.neuron_weights == (0.8, -0.4, 0.3)


def test_layer_sizes_rebuild_from_seed_and_keep_activations(pg):
    pg.set_layer_activation(1, "relu")
    pg.set_layer_sizes((3, 5, 4, 4, 2))
    assert [w.shape for w in pg.weights] == [(5, 3), (4, 5), (4, 4), (2, 4)]
    assert [name for name, _ in pg.layer_activations] == ["relu", "tanh", "tanh", "sigmoid"]
    assert pg.network_input == (1.0, -0.5, 0.0)
    again = type(pg)()
    again.set_layer_activation(1, "relu")
    again.set_layer_sizes((3, 5, 4, 4, 2))
    for mine, theirs in zip(pg.weights, again.weights, strict=True):
        np.testing.assert_array_equal(mine, theirs)


def test_resizing_releases_a_target_and_selection_that_no_longer_exist(pg, recorder):
    pg.select_network_neuron(2, 7)
    pg.select_weight(2, 7, 7)
    recorder.clear()
    pg.set_layer_sizes((2, 4, 1))
    assert pg.neuron_target is None and pg.selected_weight is None
    assert recorder.last == {"network", "neuron", "curve", "view"}


def test_reinitialise_undoes_hand_edits_and_is_silent_otherwise(pg, recorder):
    original = pg.weights
    pg.reinitialise()
    assert recorder.count == 0
    pg.set_weight(1, 0, 0, 3.0)
    pg.reinitialise()
    np.testing.assert_array_equal(pg.weights[0], original[0])
    assert recorder.count == 2


def test_properties_are_copies(pg):
    pg.weights[0][0, 0] = 123.0
    pg.biases[0][0] = 123.0
    pg.visible["d2f"] = True
    pg.curve_params["x"] = 1.0
    assert pg.weights[0][0, 0] != 123.0 and pg.biases[0][0] == 0.0
    assert pg.visible == {"f": True, "df": True, "d2f": False}
    assert pg.curve_params == {}
