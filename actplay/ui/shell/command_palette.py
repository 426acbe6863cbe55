"""A command palette (Ctrl+K): type a few letters, press Enter, run a command or pick a function.

The palette lists every menu command of the window (its enabled QActions with
text) and every activation function, the user's custom ones included
("Function: ELU (elu)" shows it in the curve pane). Entries are grouped by
category ("Preset:", "View:", "Function:", ... in :data:`CATEGORY_ORDER`; a
menu's title names its category, singular), sorted by name within a group, and show
their keyboard shortcut at the right. Typing filters by all words, in any
order; Up/Down move the selection without leaving the filter box; Enter runs
the selected entry.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStyledItemDelegate,
    QVBoxLayout,
)

from actplay.ui import theme
from actplay.ui.i18n import translate

PALETTE_SHORTCUTS = ("Ctrl+K", "Ctrl+Shift+P")
ENTRY_ROLE = Qt.ItemDataRole.UserRole
SHORTCUT_ROLE = Qt.ItemDataRole.UserRole + 1
# The groups in the order a newcomer looks for them; unknown ones follow, by name.
CATEGORY_ORDER = (
    "Preset",
    "Example",
    "Lesson",
    "View",
    "Function",
    "File",
    "Edit",
    "Export",
    "Help",
)
SUBMENU_MARK = " \u203a "  # "Open recent › Clear list"


@dataclass(frozen=True)
class PaletteEntry:
    """One line of the palette: ``category: name`` with its shortcut, and what it runs."""

    category: str
    name: str
    shortcut: str
    run: object

    @property
    def text(self) -> str:
        """The listed text, e.g. ``"View: Curves layout"``."""
        return f"{self.category}: {self.name}"


def _plain(text: str) -> str:
    plain = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    return plain.replace("\u2026", "").replace("...", "")


def _menu_actions(menu, path: tuple[str, ...]):
    """``(submenu path, action)`` for every command of ``menu``, submenus included."""
    for action in menu.actions():
        if action.menu() is not None:
            yield from _menu_actions(action.menu(), (*path, _plain(action.text()).strip()))
        elif not action.isSeparator():
            yield path, action


def _keys(action: QAction) -> str:
    return ", ".join(
        sequence.toString(QKeySequence.SequenceFormat.NativeText)
        for sequence in action.shortcuts()
        if not sequence.isEmpty()
    )


def _runnable(action: QAction) -> bool:
    return (
        bool(_plain(action.text()).strip())
        and action.isEnabled()
        and action.objectName() != "command_palette_action"
    )


def command_entries(window) -> list[PaletteEntry]:
    """Every entry of the palette for ``window``, grouped and sorted."""
    entries, seen, listed = [], set(), set()

    def add(category, name, action):
        if name in seen or id(action) in listed:  # a pane's copy of a menu command
            return
        seen.add(name)
        listed.add(id(action))
        entries.append(PaletteEntry(category, name, _keys(action), action.trigger))

    for top in window.menuBar().actions():
        if top.menu() is None:
            continue
        title = _plain(top.text()).strip()
        category = title[:-1] if title.endswith("s") else title  # "Presets" -> "Preset"
        for path, action in _menu_actions(top.menu(), ()):
            if _runnable(action):
                add(category, SUBMENU_MARK.join((*path, _plain(action.text()).strip())), action)
    for action in window.findChildren(QAction):
        if action.menu() is None and not action.isSeparator() and _runnable(action):
            name = _plain(action.text()).strip()
            pane_copy = name.startswith(("Export", "Copy"))
            category = translate("shell", "Export") if pane_copy else translate("shell", "Command")
            add(category, name, action)
    model = window.model
    for name in model.activation_names():
        activation = model.activation(name)
        custom = name in model.custom_activations
        label = f"{activation.title} ({name})"
        if custom:
            label = translate("shell", "{title} ({name}, custom)").format(
                title=activation.title, name=name
            )
        entries.append(
            PaletteEntry(
                translate("shell", "Function"),
                label,
                "",
                lambda name=name: model.set_curve_activation(name),
            )
        )
    return sorted(entries, key=_order)


def _order(entry: PaletteEntry):
    known = entry.category in CATEGORY_ORDER
    rank = CATEGORY_ORDER.index(entry.category) if known else len(CATEGORY_ORDER)
    return rank, entry.category.casefold(), entry.name.casefold()


def palette_entries(window) -> list[tuple[str, object]]:
    """``(text, run)`` pairs of :func:`command_entries`, in the palette's order."""
    return [(entry.text, entry.run) for entry in command_entries(window)]


class _ShortcutDelegate(QStyledItemDelegate):
    """Draws an entry's shortcut right-aligned, in the muted text colour."""

    def paint(self, painter, option, index) -> None:
        super().paint(painter, option, index)
        keys = index.data(SHORTCUT_ROLE)
        if not keys:
            return
        painter.save()
        painter.setPen(QColor(theme.muted_text_colour()))
        area = option.rect.adjusted(0, 0, -8, 0)
        painter.drawText(area, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, keys)
        painter.restore()


def matches(text: str, query: str) -> bool:
    """Whether every word of ``query`` occurs in ``text`` (case-insensitive)."""
    lowered = text.lower()
    return all(word in lowered for word in query.lower().split())


class CommandPalette(QDialog):
    """A small popup: a filter line and the matching commands."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.setObjectName("command_palette")
        self.setWindowTitle(translate("shell", "Find a command or function"))
        self.resize(460, 380)
        self.window_ = window
        self.filter = QLineEdit(self)
        self.filter.setObjectName("command_palette_filter")
        self.filter.setPlaceholderText(
            translate("shell", "Type to search commands and functions\u2026")
        )
        self.filter.setClearButtonEnabled(True)
        self.results = QListWidget(self)
        self.results.setObjectName("command_palette_results")
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.results)
        self.results.setItemDelegate(_ShortcutDelegate(self.results))
        self._entries = command_entries(window)
        self.filter.textChanged.connect(self._on_filter_changed)
        self.filter.returnPressed.connect(self.run_selected)
        self.results.itemActivated.connect(lambda _item: self.run_selected())
        self.filter.installEventFilter(self)
        self._on_filter_changed("")

    def _on_filter_changed(self, query: str) -> None:
        self.results.clear()
        for index, entry in enumerate(self._entries):
            if matches(f"{entry.text} {entry.shortcut}", query):
                item = QListWidgetItem(entry.text)
                item.setData(ENTRY_ROLE, index)
                item.setData(SHORTCUT_ROLE, entry.shortcut)
                if entry.shortcut:
                    item.setToolTip(entry.shortcut)
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

    def visible_shortcuts(self) -> list[str]:
        """The shortcut shown beside each listed entry ("" for none)."""
        return [self.results.item(row).data(SHORTCUT_ROLE) for row in range(self.results.count())]

    def run_selected(self) -> bool:
        """Close the palette and run the selected entry; False when nothing is selected."""
        item = self.results.currentItem()
        if item is None:
            return False
        entry = self._entries[item.data(ENTRY_ROLE)]
        self.accept()
        entry.run()
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
    action = QAction(translate("shell", "&Find command or function\u2026"), parent)
    action.setObjectName("command_palette_action")
    action.setShortcuts([QKeySequence(keys) for keys in PALETTE_SHORTCUTS])
    action.triggered.connect(slot)
    return action
