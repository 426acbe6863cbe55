"""The command palette lists every command and function grouped by category, sorted,
with its shortcut; custom functions and their inferred properties are shown too."""

from PySide6.QtGui import QAction, QKeySequence

from actplay.ui.shell import help_dialogs
from actplay.ui.shell.command_palette import CATEGORY_ORDER, command_entries

BUMP = {"name": "bump", "formula": "exp(-x**2)", "title": "Bump"}
HOLE = {"name": "lg", "formula": "log(x)"}


def test_entries_are_grouped_by_category_in_order_and_sorted_within(window):
    entries = command_entries(window)
    categories = [entry.category for entry in entries]
    # each category is one contiguous block...
    blocks = [c for i, c in enumerate(categories) if i == 0 or categories[i - 1] != c]
    assert len(blocks) == len(set(blocks))
    # ...known ones in the declared order, the presets first
    known = [c for c in blocks if c in CATEGORY_ORDER]
    assert known == sorted(known, key=CATEGORY_ORDER.index) and blocks[0] == "Preset"
    assert {"Preset", "View", "Function", "File", "Help"} <= set(blocks)
    for category in blocks:
        names = [entry.name.casefold() for entry in entries if entry.category == category]
        assert names == sorted(names), category
    assert all(entry.text == f"{entry.category}: {entry.name}" for entry in entries)


def test_every_preset_is_listed_once_as_a_preset(window):
    presets_menu = next(
        action.menu() for action in window.menuBar().actions() if "Presets" in action.text()
    )
    titles = sorted(a.text().replace("&", "") for a in presets_menu.actions() if a.text())
    listed = sorted(entry.name for entry in command_entries(window) if entry.category == "Preset")
    assert listed == titles


def test_shortcuts_are_shown_beside_their_commands(qtbot, window):
    palette = window.open_command_palette()
    qtbot.keyClicks(palette.filter, "network layout")
    assert palette.visible_texts() == ["View: Network layout"]
    action = window.findChild(QAction, "layout_network_action")
    native = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    assert native and palette.visible_shortcuts() == [native]
    palette.close()
    with_keys = {e.text: e.shortcut for e in command_entries(window) if e.shortcut}
    assert with_keys["File: Save session"] == QKeySequence("Ctrl+S").toString(
        QKeySequence.SequenceFormat.NativeText
    )


def test_custom_functions_are_listed_and_picked(qtbot, window):
    window.model.add_custom_activation(BUMP)
    functions = [e for e in command_entries(window) if e.category == "Function"]
    assert len(functions) == len(window.model.activation_names())
    palette = window.open_command_palette()
    qtbot.keyClicks(palette.filter, "bump")
    assert palette.visible_texts() == ["Function: Bump (bump, custom)"]
    palette.run_selected()
    assert window.model.curve_activation == "bump"


def test_help_shows_a_custom_functions_inferred_properties(qtbot, window):
    window.model.add_custom_activation(BUMP)
    window.model.add_custom_activation(HOLE)
    window.model.set_curve_activation("lg")
    window.scheduler.flush()
    about = window.findChild(help_dialogs.QTextBrowser, "help_box").toPlainText()
    assert "not bounded; unknown: monotonic, smooth, zero-centred" in about
    dialog = help_dialogs.make_activation_help_dialog(window, "bump")
    qtbot.addWidget(dialog)
    assert dialog.activation_list.currentItem().text().strip() == "Bump"
    text = dialog.browser.toPlainText()
    assert "smooth, bounded; not monotonic, not zero-centred" in text
    assert "[0, 1]" in text  # the sampled range of a bounded curve
