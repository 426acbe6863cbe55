"""The Help menu: the introduction page, every activation's help, shortcuts, About.

The dialogs are plain, non-modal windows built on demand. The introduction
("What is an activation function?") lives in ``resources/help/intro.html``;
``main()`` offers it once, on the first run (`offer_intro_on_first_run`), never
``create_window()``. The shortcut list is generated from the window's actual
QActions, so it cannot drift from the menus.
"""

from __future__ import annotations

import platform
import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
)

from actplay.core import activations
from actplay.ui.i18n import translate
from actplay.ui.shell.menu_actions import menu_action
from actplay.ui.widgets.help_box import help_html
from actplay.ui.widgets.markup import escape

INTRO_SHOWN_KEY = "help/intro_shown"
NAME_ROLE = Qt.ItemDataRole.UserRole


def intro_html() -> str:
    """The text of "What is an activation function?" (a short note if the file is missing)."""
    from actplay import resources

    try:
        return resources.resource_path("help", "intro.html").read_text(encoding="utf-8")
    except OSError:  # FileNotFoundError included
        return "<p>The introduction page is missing from this installation.</p>"


def _dialog(parent, title: str, name: str, size: tuple[int, int]) -> QDialog:
    dialog = QDialog(parent)
    dialog.setObjectName(name)
    dialog.setWindowTitle(title)
    dialog.resize(*size)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    QVBoxLayout(dialog)
    return dialog


def _close_buttons(dialog: QDialog) -> None:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    dialog.layout().addWidget(buttons)


def make_intro_dialog(parent=None) -> QDialog:
    """The "What is an activation function?" page in a browser dialog."""
    dialog = _dialog(
        parent, translate("shell", "What is an activation function?"), "intro_dialog", (640, 620)
    )
    browser = QTextBrowser(dialog)
    browser.setObjectName("intro_browser")
    browser.setOpenExternalLinks(True)
    browser.setHtml(intro_html())
    dialog.layout().addWidget(browser)
    _close_buttons(dialog)
    _offer_lessons(dialog, parent)
    return dialog


def _offer_lessons(dialog: QDialog, window) -> None:
    """A "Start the lessons" button, when the window has lessons (found by name: the
    shell does not import panes)."""
    lessons = window.findChild(QAction, "lessons_action") if window is not None else None
    if lessons is None:
        return
    buttons = dialog.findChild(QDialogButtonBox)
    start = buttons.addButton(
        translate("shell", "Start the lessons"), QDialogButtonBox.ButtonRole.AcceptRole
    )
    start.setObjectName("intro_lessons_button")
    start.setToolTip(
        translate("shell", "Step-by-step lessons inside the app: it checks what you do as you go")
    )
    start.clicked.connect(lessons.trigger)
    buttons.accepted.connect(dialog.accept)


def make_activation_help_dialog(parent=None, name: str | None = None) -> QDialog:
    """Browse every activation's title, formulas and description, the window's custom
    functions included; ``name`` selected first."""
    dialog = _dialog(
        parent, translate("shell", "Activation functions"), "activation_help_dialog", (760, 520)
    )
    row = QHBoxLayout()
    listing = QListWidget(dialog)
    listing.setObjectName("activation_list")
    listing.setMaximumWidth(240)
    browser = QTextBrowser(dialog)
    browser.setObjectName("activation_help_browser")
    model = getattr(parent, "model", None)
    custom = dict(model.custom_activations) if model is not None else {}
    lookup = model.activation if model is not None else None
    listed = [(key, activations.get(key)) for key in activations.names()]
    listed += list(custom.items())
    for group in (*activations.groups(), *{a.group: None for a in custom.values()}):
        header = QListWidgetItem(group)
        header.setFlags(Qt.ItemFlag.NoItemFlags)
        font = header.font()
        font.setBold(True)
        header.setFont(font)
        listing.addItem(header)
        for key, activation in listed:
            if activation.group == group:
                item = QListWidgetItem(f"  {activation.title}")
                item.setData(NAME_ROLE, key)
                listing.addItem(item)

    def show_current(item):
        if item is not None and item.data(NAME_ROLE):
            browser.setHtml(help_html(item.data(NAME_ROLE), lookup))

    listing.currentItemChanged.connect(lambda item, _previous: show_current(item))
    row.addWidget(listing)
    row.addWidget(browser, 1)
    dialog.layout().addLayout(row)
    _close_buttons(dialog)
    wanted = name or activations.names()[0]
    for index in range(listing.count()):
        if listing.item(index).data(NAME_ROLE) == wanted:
            listing.setCurrentRow(index)
            break
    dialog.activation_list = listing
    dialog.browser = browser
    return dialog


def shortcut_rows(window) -> list[tuple[str, str]]:
    """``(command, keys)`` for every action of ``window`` that has a shortcut, sorted."""
    rows = {}
    for action in window.findChildren(QAction):
        keys = [
            sequence.toString(QKeySequence.SequenceFormat.NativeText)
            for sequence in action.shortcuts()
            if not sequence.isEmpty()
        ]
        text = action.text().replace("&", "").replace("\u2026", "").strip()
        if keys and text:
            rows[text] = ", ".join(keys)
    return sorted(rows.items(), key=lambda row: row[0].lower())


def make_shortcuts_dialog(window) -> QDialog:
    """A table of the window's keyboard shortcuts, from its QActions."""
    dialog = _dialog(
        window, translate("shell", "Keyboard shortcuts"), "shortcuts_dialog", (460, 480)
    )
    rows = shortcut_rows(window)
    rows += [
        (translate("shell", "Move between controls"), translate("shell", "Tab, Shift+Tab")),
        (
            translate("shell", "Nudge a focused slider"),
            translate("shell", "Arrow keys (small), Page Up/Down (large)"),
        ),
        (translate("shell", "Slider to its ends"), translate("shell", "Home, End")),
    ]
    table = QTableWidget(len(rows), 2, dialog)
    table.setObjectName("shortcuts_table")
    table.setHorizontalHeaderLabels([translate("shell", "Command"), translate("shell", "Keys")])
    table.verticalHeader().hide()
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    for index, (command, keys) in enumerate(rows):
        table.setItem(index, 0, QTableWidgetItem(command))
        table.setItem(index, 1, QTableWidgetItem(keys))
    table.resizeColumnsToContents()
    table.horizontalHeader().setStretchLastSection(True)
    dialog.layout().addWidget(table)
    _close_buttons(dialog)
    return dialog


def version_rows() -> list[tuple[str, str]]:
    """``(component, version)`` for actplay and the libraries it runs on."""
    import numpy
    import pyqtgraph
    import PySide6
    from PySide6.QtCore import qVersion

    from actplay import __version__

    return [
        ("actplay", __version__),
        ("Python", f"{platform.python_version()} ({sys.implementation.name})"),
        ("Qt", qVersion()),
        ("PySide6", PySide6.__version__),
        ("pyqtgraph", pyqtgraph.__version__),
        ("numpy", numpy.__version__),
        ("Platform", platform.platform()),
    ]


def about_html() -> str:
    """The About box's text: what actplay is, and the versions it runs with."""
    table = "".join(
        f"<tr><td style='padding-right:12px'>{escape(name)}</td><td>{escape(version)}</td></tr>"
        for name, version in version_rows()
    )
    return (
        "<h2>actplay</h2><p>A playground for activation functions, single neurons "
        "and small neural networks: drag a slider and watch every curve, derivative "
        "and number follow.</p><p>MIT licence.</p>"
        f"<table>{table}</table>"
    )


def make_about_dialog(parent=None) -> QDialog:
    """The About box (selectable text, so versions can be pasted into a bug report)."""
    dialog = _dialog(parent, translate("shell", "About actplay"), "about_dialog", (480, 360))
    browser = QTextBrowser(dialog)
    browser.setObjectName("about_browser")
    browser.setHtml(about_html())
    dialog.layout().addWidget(browser)
    _close_buttons(dialog)
    return dialog


def _show(dialog: QDialog) -> QDialog:
    dialog.show()
    return dialog


def help_menu_entries(window) -> list:
    """The Help menu's actions, in order (None marks a separator); each opens a dialog."""

    def action(text, slot, shortcut, name):
        return menu_action(window, text, slot, shortcut, name)

    return [
        action(
            translate("shell", "&What is an activation function?"),
            lambda: _show(make_intro_dialog(window)),
            QKeySequence.StandardKey.HelpContents,
            "intro_action",
        ),
        action(
            translate("shell", "&Activation functions\u2026"),
            lambda: _show(make_activation_help_dialog(window, window.model.curve_activation)),
            None,
            "activation_help_action",
        ),
        action(
            translate("shell", "&Keyboard shortcuts\u2026"),
            lambda: _show(make_shortcuts_dialog(window)),
            QKeySequence("Ctrl+/"),
            "shortcuts_action",
        ),
        None,
        action(
            translate("shell", "&About actplay"),
            lambda: _show(make_about_dialog(window)),
            None,
            "about_action",
        ),
    ]


def offer_intro_on_first_run(window, settings) -> QDialog | None:
    """Show the introduction once per user (``main()`` only); returns the dialog or None."""
    if settings.value(INTRO_SHOWN_KEY, False, type=bool):
        return None
    settings.setValue(INTRO_SHOWN_KEY, True)
    return _show(make_intro_dialog(window))
