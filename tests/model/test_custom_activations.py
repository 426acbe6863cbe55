"""Custom activations in the model: every resolver finds them, sessions carry them safely."""

import json

import numpy as np
import pytest

from actplay.core import activations as acts
from actplay.core.formula import Formula
from actplay.model import session
from actplay.model.errors import InvalidValue
from actplay.model.playground import Playground

BUMP = {
    "name": "bump",
    "formula": "exp(-(x / w)**2)",
    "title": "Gaussian bump",
    "params": {"w": (1.0, 0.1, 5.0, 0.5, 2.0)},
}


@pytest.fixture
def custom_pg(pg):
    pg.add_custom_activation(BUMP)
    return pg


def test_add_lists_the_function_and_emits_for_every_picker(pg, recorder):
    pg.add_custom_activation(BUMP)
    assert recorder.last == {"curve", "neuron", "network"}
    assert pg.activation_names()[-1] == "bump"
    assert pg.activation("bump").title == "Gaussian bump"
    assert set(pg.custom_activations) == {"bump"}
    recorder.clear()
    pg.add_custom_activation(BUMP)  # the same again: nothing changes
    assert recorder.count == 0


def test_curve_compare_neuron_and_layers_use_it(custom_pg):
    pg = custom_pg
    pg.set_linked(False)
    pg.set_curve_activation("bump")
    pg.set_curve_param("w", 2.0)
    data = pg.curve_data()
    expected = Formula("exp(-(x / w)**2)", ("w",)).evaluate(data.x, {"w": 2.0})
    np.testing.assert_allclose(data.series[0].y, expected[0])
    np.testing.assert_allclose(data.series[1].y, expected[1])
    pg.add_compare("bump", {"w": 0.5})
    assert pg.curve_data().series[-1].activation == "bump"

    pg.set_neuron_activation("bump")
    result = pg.neuron_result()
    assert result.a == pytest.approx(np.exp(-(result.z**2)))

    pg.set_layer_activation(1, "bump", {"w": 1.5})
    z = pg.network_trace().z[0]
    np.testing.assert_allclose(pg.network_trace().a[0], np.exp(-((z / 1.5) ** 2)))


def test_names_cannot_shadow_built_ins_and_bad_formulas_are_refused(pg):
    for spec in (
        {"name": "relu", "formula": "x"},
        {"name": "softmax", "formula": "x"},
        {"name": "ok", "formula": "__import__('os').system('x')"},
        {"name": "ok", "formula": "x * w"},
        {"name": "1bad", "formula": "x"},
        {"name": "ok", "formula": "x", "params": {"w": (9.0, 0.0, 1.0)}},
    ):
        with pytest.raises(InvalidValue):
            pg.add_custom_activation(spec)
    assert pg.custom_activations == {}
    assert acts.names() == pg.activation_names()


def test_a_function_in_use_cannot_be_removed(custom_pg, recorder):
    # (replacing one in use is allowed: tests/ui/shell/test_custom_edit.py)
    custom_pg.set_layer_activation(2, "bump")
    with pytest.raises(InvalidValue, match="network layer 2"):
        custom_pg.remove_custom_activation("bump")
    custom_pg.set_layer_activation(2, "tanh")
    recorder.clear()
    custom_pg.remove_custom_activation("bump")
    assert recorder.last == {"curve", "neuron", "network"}
    assert "bump" not in custom_pg.activation_names()


def test_session_round_trip_keeps_the_formula_text(custom_pg, tmp_path):
    custom_pg.set_curve_activation("bump")
    custom_pg.set_curve_param("w", 1.25)
    path = tmp_path / "s.actplay.json"
    session.save(custom_pg, path)
    written = json.loads(path.read_text())
    assert written["custom_activations"]["bump"]["formula"] == "exp(-(x / w)**2)"
    assert written["custom_activations"]["bump"]["params"]["w"]["slider_hi"] == 2.0
    loaded = session.load(path)
    assert loaded.state_dict() == custom_pg.state_dict()
    np.testing.assert_array_equal(
        loaded.curve_data().series[0].y, custom_pg.curve_data().series[0].y
    )


@pytest.mark.parametrize(
    "formula",
    [
        "__import__('os').system('touch /tmp/pwned')",
        "x.__class__",
        "9**9**9",
        "open('x')",
        "sin(" * 60 + "x",
    ],
)
def test_a_hostile_formula_in_a_session_is_a_session_error_and_state_is_untouched(
    custom_pg, tmp_path, formula
):
    state = custom_pg.state_dict()
    state["custom_activations"] = {"evil": {"formula": formula}}
    path = tmp_path / "evil.actplay.json"
    path.write_text(json.dumps(state))
    before = custom_pg.state_dict()
    with pytest.raises(session.SessionError, match="evil.actplay.json: custom activation 'evil'"):
        custom_pg.apply_state(session.read_state(path))
    assert custom_pg.state_dict() == before


def test_a_session_using_an_unknown_custom_name_is_refused(pg):
    state = pg.state_dict()
    state["network"]["activations"][0] = ["bump", {}]
    with pytest.raises(session.SessionError, match="unknown activation 'bump'"):
        session.from_dict(state)


def test_apply_state_replacing_a_same_named_function_recomputes(custom_pg):
    custom_pg.set_curve_activation("bump")
    first = custom_pg.curve_data().series[0].y.copy()
    state = custom_pg.state_dict()
    state["custom_activations"]["bump"]["formula"] = "2 * exp(-(x / w)**2)"
    custom_pg.apply_state(state)
    np.testing.assert_allclose(custom_pg.curve_data().series[0].y, 2 * first)


def test_log_curve_has_nan_gaps_and_no_warning(pg):
    pg.add_custom_activation({"name": "logx", "formula": "log(x)"})
    pg.set_curve_activation("logx")
    data = pg.curve_data()
    f = data.series[0].y
    assert np.isnan(f[data.x <= 0]).all() and np.isfinite(f[data.x > 0]).all()


def test_playground_default_has_no_custom_section():
    assert "custom_activations" not in Playground().state_dict()
