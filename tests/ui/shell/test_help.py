"""Help and keyboard: activation help, About, intro page, shortcut list, command palette,
Tab and arrow keys on every slider."""

from __future__ import annotations

import numpy
import pyqtgraph
import PySide6
import pytest
from PySide6.QtCore import QSettings, Qt, qVersion
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QSlider, QTableWidget, QTextBrowser

from actplay import __version__
from actplay.core import activations
from actplay.ui.shell import help_dialogs
from actplay.ui.widgets.float_slider import SLIDER_STEPS, FloatSlider


def test_activation_help_shows_every_function_of_the_library(qtbot, window):
    dialog = help_dialogs.make_activation_help_dialog(window)
    qtbot.addWidget(dialog)
    listing = dialog.activation_list
    listed = [listing.item(row).data(help_dialogs.NAME_ROLE) for row in range(listing.count())]
    assert [name for name in listed if name] == [
        name
        for group in activations.groups()
        for name in activations.names()
        if activations.get(name).group == group
    ]
    for row, name in enumerate(listed):
        if name in ("elu", "gelu", "softplus"):
            listing.setCurrentRow(row)
            activation = activations.get(name)
            text = " ".join(dialog.browser.toPlainText().split())
            assert activation.title in text
            assert " ".join(activation.description.split()) in text


def test_about_lists_the_real_versions(qtbot, window):
    dialog = help_dialogs.make_about_dialog(window)
    qtbot.addWidget(dialog)
    text = dialog.findChild(QTextBrowser, "about_browser").toPlainText()
    for version in (
        __version__,
        qVersion(),
        PySide6.__version__,
        pyqtgraph.__version__,
        numpy.__version__,
    ):
        assert version in text


def test_intro_page_covers_the_basics_and_is_offered_once(qtbot, window, tmp_path):
    text = help_dialogs.intro_html().lower()
    for topic in (
        "weighted",
        "bias",
        "squash",
        "nonlinear",
        "derivative",
        "hidden layers",
        "regression",
        "binary",
        "softmax",
    ):
        assert topic in text, topic
    settings = QSettings(str(tmp_path / "first.ini"), QSettings.Format.IniFormat)
    first = help_dialogs.offer_intro_on_first_run(window, settings)
    assert first is not None and first.isVisible()
    first.close()
    assert help_dialogs.offer_intro_on_first_run(window, settings) is None


def test_create_window_opens_no_dialog(window):
    assert [
        w
        for w in QApplication.topLevelWidgets()
        if w.isVisible() and w is not window and w.isWindow() and w.objectName().endswith("dialog")
    ] == []


def test_shortcut_list_is_generated_from_the_actions(qtbot, window):
    rows = dict(help_dialogs.shortcut_rows(window))
    native = QKeySequence.SequenceFormat.NativeText
    for name in (
        "undo_action",
        "save_session_action",
        "new_session_action",
        "command_palette_action",
    ):
        action = window.findChild(QAction, name)
        text = action.text().replace("&", "").replace("\u2026", "").strip()
        assert action.shortcut().toString(native) in rows[text]
    dialog = help_dialogs.make_shortcuts_dialog(window)
    qtbot.addWidget(dialog)
    table = dialog.findChild(QTableWidget, "shortcuts_table")
    assert table.rowCount() >= len(rows)


@pytest.mark.parametrize(
    "keys, opened", [("Ctrl+K", "command_palette"), ("Ctrl+/", "shortcuts_dialog")]
)
def test_keyboard_shortcuts_open_their_windows(qtbot, window, keys, opened):
    window.activateWindow()
    qtbot.waitActive(window)
    sequence = QKeySequence(keys)[0]
    qtbot.keyClick(window, sequence.key(), sequence.keyboardModifiers())
    found = [
        w
        for w in QApplication.topLevelWidgets()
        if w.objectName() == opened and w.isVisible() and w.parent() is window
    ]
    assert len(found) == 1
    found[0].close()


def test_command_palette_finds_functions_and_commands(qtbot, window):
    palette = window.open_command_palette()
    qtbot.keyClicks(palette.filter, "leaky")
    assert palette.visible_texts()
    assert all("leaky" in text.lower() for text in palette.visible_texts())
    qtbot.keyClick(palette.filter, Qt.Key.Key_Return)
    assert window.model.curve_activation == "leaky_relu"
    assert not palette.isVisible()

    window.model.set_neuron_bias(0.33)
    palette = window.open_command_palette()
    qtbot.keyClicks(palette.filter, "undo")
    assert palette.visible_texts()[0].startswith("Edit: Undo")
    qtbot.keyClick(palette.filter, Qt.Key.Key_Return)
    assert window.model.neuron_bias == 0.1


def visible_sliders(window):
    return [s for s in window.findChildren(QSlider) if s.isVisible()]


def test_tab_reaches_every_visible_slider(window):
    sliders = visible_sliders(window)
    assert len(sliders) >= 6
    for slider in sliders:
        assert slider.focusPolicy() & Qt.FocusPolicy.TabFocus, slider.objectName()
    start = sliders[0]
    start.setFocus(Qt.FocusReason.TabFocusReason)
    reached = set()
    widget = start
    for _ in range(600):  # walk the whole tab chain once
        widget = widget.nextInFocusChain()
        if widget is start:
            break
        if isinstance(widget, QSlider) and widget.isVisible():
            reached.add(widget.objectName())
    assert reached | {start.objectName()} == {s.objectName() for s in sliders}


def test_arrows_and_page_keys_move_a_slider_and_the_model(qtbot, window):
    model = window.model
    widget = window.findChild(FloatSlider, "neuron_bias")
    lo, hi = widget.range()
    widget.slider.setFocus()
    start = model.neuron_bias
    qtbot.keyClick(widget.slider, Qt.Key.Key_Right)
    assert model.neuron_bias == pytest.approx(start + (hi - lo) / SLIDER_STEPS, abs=1e-3)
    qtbot.keyClick(widget.slider, Qt.Key.Key_PageUp)
    step = widget.slider.pageStep() * (hi - lo) / SLIDER_STEPS
    assert model.neuron_bias == pytest.approx(start + (hi - lo) / SLIDER_STEPS + step, abs=1e-3)
    qtbot.keyClick(widget.slider, Qt.Key.Key_PageDown)
    qtbot.keyClick(widget.slider, Qt.Key.Key_Left)
    assert model.neuron_bias == pytest.approx(start, abs=1e-3)
