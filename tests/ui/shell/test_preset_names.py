"""One name for each preset wherever it is offered: the Presets menu, the neuron
panel's Presets button and the command palette, and no second list of examples."""

import pytest
from PySide6.QtWidgets import QMenu

from actplay import resources
from actplay.model import presets
from actplay.ui.shell import command_palette


def test_menu_button_and_palette_name_each_preset_once_and_alike(window):
    menu = window.findChild(QMenu, "presets_menu")
    assert [action.text() for action in menu.actions()] == list(presets.PRESETS.values())
    button = window.neuron_panel.preset_actions
    assert {name: action.text() for name, action in button.items()} == presets.PRESETS
    texts = [text for text, _run in command_palette.palette_entries(window)]
    for title in presets.PRESETS.values():
        assert [text for text in texts if title in text] == [f"Preset: {title}"]
    assert not [text for text in texts if text.startswith("Example:")]
    # The shipped example sessions are the presets, under the same keys.
    shipped = {path.name.split(".")[0] for path in resources.example_sessions()}
    assert shipped == set(presets.PRESETS)


@pytest.mark.parametrize(
    ("preset", "hidden"),
    [
        ("xor", "sigmoid"),
        ("deep_sigmoid", "sigmoid"),
        ("deep_relu", "relu"),
        ("linear_collapse", "identity"),
    ],
)
def test_a_network_preset_from_the_palette_shows_its_hidden_activation(window, preset, hidden):
    window.model.set_curve_activation("elu")
    entries = dict(command_palette.palette_entries(window))
    entries[f"Preset: {presets.PRESETS[preset]}"]()
    window.scheduler.flush()
    assert window.model.layer_activations[1][0] == hidden
    assert window.model.curve_activation == hidden
    assert window.curve_pane.picker.current() == hidden
