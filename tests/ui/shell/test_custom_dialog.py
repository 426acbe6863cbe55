"""The Custom... dialog and custom functions in the window's pickers and curve pane."""

import numpy as np
import pytest
from PySide6.QtWidgets import QComboBox, QDialogButtonBox

from actplay.core.formula import Formula
from actplay.ui.shell.custom_dialog import CustomActivationDialog
from actplay.ui.widgets.function_picker import CUSTOM_ENTRY, NAME_ROLE


@pytest.fixture
def window(qtbot):
    from actplay.app import create_window

    win = create_window()
    qtbot.addWidget(win)
    return win


def _ok_button(dialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def test_dialog_validates_live_and_ok_adds_the_function(window, qtbot):
    model = window.model
    dialog = CustomActivationDialog(model, window)
    qtbot.addWidget(dialog)
    dialog.name_edit.setText("bump")
    dialog.formula_edit.setText("exp(-x**2) + x.__class__")
    assert not _ok_button(dialog).isEnabled()
    assert "attribute access" in dialog.message.text() and "column" in dialog.message.text()
    dialog.formula_edit.setText("exp(-(x / w)**2)")
    assert not _ok_button(dialog).isEnabled()  # w is not a parameter yet
    dialog.add_parameter("w", 1.5, 0.1, 5.0)
    assert _ok_button(dialog).isEnabled()
    x, y = dialog.value_curve.getData()
    np.testing.assert_allclose(y, np.exp(-((x / 1.5) ** 2)))
    dialog.accept()
    assert dialog.added_name == "bump"
    assert model.custom_activations["bump"].defaults == {"w": 1.5}


def test_dialog_refuses_a_built_in_name(window, qtbot):
    dialog = CustomActivationDialog(window.model, window)
    qtbot.addWidget(dialog)
    dialog.name_edit.setText("relu")
    assert not _ok_button(dialog).isEnabled()
    assert "built-in" in dialog.message.text()


def test_pickers_list_custom_functions_and_curve_pane_shows_its_data(window, monkeypatch):
    model = window.model
    picker = window.curve_pane.picker
    rows = [picker.combo.itemData(i, NAME_ROLE) for i in range(picker.combo.count())]
    assert rows[-1] == CUSTOM_ENTRY

    # "Custom..." runs the dialog; stand in for the user typing and pressing OK.
    def fake_define(pg, parent):
        pg.add_custom_activation(
            {"name": "wave", "formula": "sin(a * x)", "params": {"a": (2.0, 0.0, 5.0)}}
        )
        return "wave"

    monkeypatch.setattr("actplay.ui.shell.custom_dialog.define_custom_activation", fake_define)
    picker.combo.activated.emit(picker.combo.count() - 1)
    window.scheduler.flush()
    assert model.curve_activation == "wave"
    assert picker.current() == "wave"
    assert set(window.curve_pane.params.sliders) == {"a"}
    curve = window.curve_pane.plot.curves["main:f"]
    x, y = curve.getData()
    np.testing.assert_allclose(y, np.sin(2.0 * x))
    neuron_box = window.findChild(QComboBox, "neuron_activation")
    assert neuron_box.findData("wave") >= 0
    assert window.network_panel.architecture is not None  # the Architecture tab: built on use
    layer_box = window.findChild(QComboBox, "network_layer_1_activation")
    assert layer_box.findData("wave") >= 0
    layer_box.setCurrentIndex(layer_box.findData("wave"))
    assert model.layer_activations[0][0] == "wave"


def test_log_curve_is_drawn_with_a_gap_and_no_warning(window):
    model = window.model
    model.add_custom_activation({"name": "logx", "formula": "log(x)"})
    model.set_curve_activation("logx")
    window.scheduler.flush()
    x, y = window.curve_pane.plot.curves["main:f"].getData()
    expected = Formula("log(x)").evaluate(x)[0]
    assert np.isnan(y[x <= 0]).all()
    np.testing.assert_allclose(y[x > 0], expected[x > 0])
    assert "gap" in window.curve_pane.help_box.toPlainText()
    window.grab()  # paints the gap: any warning would fail the test
