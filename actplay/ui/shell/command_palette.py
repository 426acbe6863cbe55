"""A command palette (Ctrl+K): type a few letters, press Enter, run a command or pick a function.

The palette lists every menu command of the window (its QActions with text)
and every activation function of the library ("Function: ELU" shows it in the
curve pane). Typing filters by all words, in any order; Up/Down move the
selection without leaving the filter box; Enter runs the selected entry.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout

from actplay.core import activations

PALETTE_SHORTCUTS = ("Ctrl+K", "Ctrl+Shift+P")
ENTRY_ROLE = Qt.ItemDataRole.UserRole


def palette_entries(window) -> list[tuple[str, object]]:
    """``(text, run)`` pairs: the window's commands, then the activation functions."""
    entries = []
    seen = set()
    for action in window.findChildren(QAction):
        text = action.text().replace("&", "").replace("\u2026", "").strip()
        if (
            not text
            or action.menu() is not None
            or action.isSeparator()
            or action.objectName() == "command_palette_action"
            or text in seen
        ):
            continue
        seen.add(text)
        entries.append((text, action.trigger))
    for name in activations.names():
        title = activations.get(name).title
        entries.append(
            (
                f"Function: {title} ({name})",
                lambda name=name: window.model.set_curve_activation(name),
            )
        )
    return entries


def matches(text: str, query: str) -> bool:
    """Whether every word of ``query`` occurs in ``text`` (case-insensitive)."""
    lowered = text.lower()
    return all(word in lowered for word in query.lower().split())


class CommandPalette(QDialog):
    """A small popup: a filter line and the matching commands."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.setObjectName("command_palette")
        self.setWindowTitle("Find a command or function")
        self.resize(460, 380)
        self.window_ = window
        self.filter = QLineEdit(self)
        self.filter.setObjectName("command_palette_filter")
        self.filter.setPlaceholderText("Type to search commands and functions\u2026")
        self.filter.setClearButtonEnabled(True)
        self.results = QListWidget(self)
        self.results.setObjectName("command_palette_results")
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.results)
        self._entries = palette_entries(window)
        self.filter.textChanged.connect(self._on_filter_changed)
        self.filter.returnPressed.connect(self.run_selected)
        self.results.itemActivated.connect(lambda _item: self.run_selected())
        self.filter.installEventFilter(self)
        self._on_filter_changed("")

    def _on_filter_changed(self, query: str) -> None:
        self.results.clear()
        for index, (text, _run) in enumerate(self._entries):
            if matches(text, query):
                item = QListWidgetItem(text)
                item.setData(ENTRY_ROLE, index)
                self.results.addItem(item)
        if self.results.count():
            self.results.setCurrentRow(0)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        # Up/Down in the filter box move the list's selection: the hands stay on the keys.
        if watched is self.filter and event.type() == event.Type.KeyPress:
            step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1}.get(event.key())
            if step and self.results.count():
                row = (self.results.currentRow() + step) % self.results.count()
                self.results.setCurrentRow(row)
                return True
        return super().eventFilter(watched, event)

    def visible_texts(self) -> list[str]:
        """The texts of the entries currently listed."""
        return [self.results.item(row).text() for row in range(self.results.count())]

    def run_selected(self) -> bool:
        """Close the palette and run the selected entry; False when nothing is selected."""
        item = self.results.currentItem()
        if item is None:
            return False
        _text, run = self._entries[item.data(ENTRY_ROLE)]
        self.accept()
        run()
        return True


def open_command_palette(window) -> CommandPalette:
    """Show a new palette over ``window`` with the filter focused; it deletes itself on close."""
    palette = CommandPalette(window)
    palette.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    palette.show()
    palette.filter.setFocus()
    return palette


def palette_action(parent, slot) -> QAction:
    """Edit > Find command or function (Ctrl+K, Ctrl+Shift+P), calling ``slot``."""
    action = QAction("&Find command or function\u2026", parent)
    action.setObjectName("command_palette_action")
    action.setShortcuts([QKeySequence(keys) for keys in PALETTE_SHORTCUTS])
    action.triggered.connect(slot)
    return action
