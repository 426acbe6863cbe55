"""Editing a custom function: the dialog reopens prefilled, OK replaces it everywhere."""

from __future__ import annotations

import numpy as np
import pytest

from actplay.ui.shell.custom_dialog import CustomActivationDialog

BUMP = {
    "name": "bump",
    "formula": "exp(-(x / w)**2)",
    "title": "Gaussian bump",
    "params": {"w": (1.0, 0.1, 5.0)},
}


@pytest.fixture
def used_everywhere(window):
    """'bump' on the curve (linked: the neuron too), a comparison curve and layer 1."""
    model = window.model
    model.add_custom_activation(BUMP)
    model.set_curve_activation("bump")
    model.set_curve_param("w", 1.25)
    model.add_compare("bump", {"w": 2.0})
    model.set_layer_activation(1, "bump", {"w": 0.5})
    window.scheduler.flush()
    return window


def _run_dialog(monkeypatch, change):
    """Replace exec(): check the prefilled dialog, let ``change`` edit it, press OK."""
    seen = {}

    def fake_exec(dialog):
        seen["name"] = dialog.name_edit.text()
        seen["read_only"] = dialog.name_edit.isReadOnly()
        seen["formula"] = dialog.formula_edit.text()
        seen["params"] = dialog.spec()["params"]
        change(dialog)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(CustomActivationDialog, "exec", fake_exec)
    return seen


def test_edit_button_shows_for_custom_functions_only(used_everywhere):
    window = used_everywhere
    pane = window.curve_pane
    assert not pane.edit_custom_button.isHidden()
    window.model.set_curve_activation("tanh")
    window.scheduler.flush()
    assert pane.edit_custom_button.isHidden()
    assert pane.edit_custom_function() is False


def test_editing_replaces_the_function_in_every_use_as_one_undo_step(used_everywhere, monkeypatch):
    window, model = used_everywhere, used_everywhere.model
    steps = window.undo_stack.count()
    seen = _run_dialog(monkeypatch, lambda d: d.formula_edit.setText("tanh(x * w)"))
    assert window.curve_pane.edit_custom_function() is True
    assert seen == {
        "name": "bump",
        "read_only": True,
        "formula": "exp(-(x / w)**2)",
        "params": {"w": (1.0, 0.1, 5.0)},
    }
    window.scheduler.flush()
    # the curve (reference: numpy), keeping its parameter value
    data = model.curve_data()
    main_f = next(s for s in data.series if s.key == "main:f")
    np.testing.assert_allclose(main_f.y, np.tanh(data.x * 1.25), rtol=1e-12, atol=1e-12)
    compare_f = next(s for s in data.series if s.key == "cmp0:f")
    np.testing.assert_allclose(compare_f.y, np.tanh(data.x * 2.0), rtol=1e-12, atol=1e-12)
    # the neuron (linked to the curve)
    result = model.neuron_result()
    assert result.a == pytest.approx(np.tanh(result.z * 1.25), abs=1e-12)
    # network layer 1
    trace = model.network_trace()
    np.testing.assert_allclose(trace.a[0], np.tanh(trace.z[0] * 0.5), atol=1e-12)
    assert model.layer_activations[0] == ("bump", {"w": 0.5})
    # the views show it: the plotted curve and the help text
    x, y = window.curve_pane.plot.curves["main:f"].getData()
    np.testing.assert_allclose(y, np.tanh(np.asarray(x) * 1.25), atol=1e-6)
    assert "tanh(x * w)" in window.curve_pane.help_box.toPlainText()
    # one undo step restores the old formula everywhere
    assert window.undo_stack.count() == steps + 1
    window.undo_action.trigger()
    window.scheduler.flush()
    trace = model.network_trace()
    np.testing.assert_allclose(trace.a[0], np.exp(-((trace.z[0] / 0.5) ** 2)), atol=1e-12)
    assert "exp(-(x / w)**2)" in window.curve_pane.help_box.toPlainText()


def test_parameters_the_new_function_lacks_fall_back_to_defaults(used_everywhere, monkeypatch):
    window, model = used_everywhere, used_everywhere.model

    def change(dialog):
        dialog.formula_edit.setText("x * k")
        dialog.params_table.item(0, 0).setText("k")
        dialog.params_table.item(0, 1).setText("3")

    _run_dialog(monkeypatch, change)
    assert window.curve_pane.edit_custom_function() is True
    assert model.curve_params == {"k": 3.0}
    assert model.layer_activations[0] == ("bump", {"k": 3.0})
    assert model.compare[0] == ("bump", {"k": 3.0})
    trace = model.network_trace()
    np.testing.assert_allclose(trace.a[0], trace.z[0] * 3.0, atol=1e-12)


def test_a_bad_edit_changes_nothing(used_everywhere, monkeypatch):
    window, model = used_everywhere, used_everywhere.model
    before = model.state_dict()
    _run_dialog(monkeypatch, lambda d: d.formula_edit.setText("exp(-(x / w)**2"))
    assert window.curve_pane.edit_custom_function() is False
    assert model.state_dict() == before
