"""A grouped, searchable chooser of activation functions.

A combo box lists every function of the library under its group's header
(headers are not selectable); the search box beside it filters the list by
name or title as the user types, completes, and picks the first match on
Enter. The item data of every function row is its registry name, so the
combo box works with `actplay.ui.binding.bind_choice`.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, QStringListModel, Qt, Signal
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QCompleter, QHBoxLayout, QLineEdit, QWidget

from actplay.core import activations
from actplay.ui.i18n import translate
from actplay.ui.widgets.elided_combo import ElidedComboBox

NAME_ROLE = Qt.ItemDataRole.UserRole  # where a row keeps its registry name (None on headers)
CUSTOM_ENTRY = "<custom>"  # item data of the "Custom..." row: not a function name
CUSTOM_TEXT = "Custom\u2026"


def _entries(model=None) -> list[tuple[str, list[tuple[str, str]]]]:
    """``[(group, [(name, title), ...]), ...]`` in display order; with a model, its custom
    functions too (group "Custom")."""
    names = activations.names() if model is None else model.activation_names()
    lookup = activations.get if model is None else model.activation
    by_group: dict[str, list[tuple[str, str]]] = {group: [] for group in activations.groups()}
    for name in names:
        activation = lookup(name)
        by_group.setdefault(activation.group, []).append((name, activation.title))
    return [(group, rows) for group, rows in by_group.items() if rows]


def completion_text(name: str, title: str) -> str:
    """How a function appears in the search box's completions: ``"Title (name)"``."""
    return f"{title} ({name})"


class FunctionPicker(QWidget):
    """Combo box of all activations, grouped, plus a search box that filters it.

    Parameters
    ----------
    name : str
        Stem of the child object names: ``f"{name}_combo"``, ``f"{name}_search"``.
    parent : QWidget, optional

    Signals
    -------
    activationChosen(str)
        The user chose a function (from the list or the search box).
    """

    activationChosen = Signal(str)

    def __init__(
        self, name: str, parent: QWidget | None = None, model=None, define_custom=None
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._model = model  # given: list its custom functions and offer "Custom..."
        # define_custom(parent) -> new function's name or None: what "Custom..." opens
        self._define_custom_function = define_custom
        self._listed: tuple[str, ...] = ()
        self._shown: str | None = None
        self.combo = ElidedComboBox(self)  # "Binary step (perc…", not "(perceptro"
        self.combo.setObjectName(f"{name}_combo")
        self.combo.setToolTip(translate("widgets", "Choose an activation function"))
        self.combo.setAccessibleName(translate("widgets", "Activation function"))
        self.combo.setMaxVisibleItems(24)
        # Size to a short title, not the longest one: the pane must fit beside two docks.
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.combo.setMinimumContentsLength(12)
        self.search = QLineEdit(self)
        self.search.setObjectName(f"{name}_search")
        self.search.setPlaceholderText(translate("widgets", "Search\u2026"))
        # The clear button (an icon the style loads, slowly the first time: benchmarks/
        # RESULTS.md) is added with the first text typed: before that there is nothing
        # to clear.
        self.search.textChanged.connect(self._offer_clear_button)
        self.search.setToolTip(
            translate("widgets", "Filter the list by name or title; Enter picks the first match")
        )
        self.search.setAccessibleName(translate("widgets", "Search activation functions"))
        self.search.setMinimumWidth(70)
        self.search.setMaximumWidth(130)

        self._items = QStandardItemModel(self)
        self._completions: dict[str, str] = {}
        self._completion_list = QStringListModel(self)
        self.combo.setModel(self._items)
        self.refresh_functions()

        completer = QCompleter(self._completion_list, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.search.setCompleter(completer)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.combo, 1)
        layout.addWidget(self.search)

        self.combo.activated.connect(self._on_combo_activated)
        self.search.textEdited.connect(self.set_filter)
        self.search.returnPressed.connect(self._on_search_entered)
        completer.activated.connect(self._on_completion_chosen)

    def _offer_clear_button(self, text: str) -> None:
        if text and not self.search.isClearButtonEnabled():
            self.search.setClearButtonEnabled(True)

    # -- public API -------------------------------------------------------------
    def refresh_functions(self) -> None:
        """List the functions again if the model's set changed (a custom one added)."""
        names = activations.names() if self._model is None else self._model.activation_names()
        if names == self._listed:
            return
        current = self.current()
        self._listed = names
        self._items.clear()
        self._completions.clear()
        header_font = QFont()
        header_font.setBold(True)
        for group, rows in _entries(self._model):
            header = QStandardItem(group)
            header.setFlags(Qt.ItemFlag.NoItemFlags)  # a label, not a choice
            header.setFont(header_font)
            self._items.appendRow(header)
            for function_name, title in rows:
                item = QStandardItem(f"   {title}")
                item.setData(function_name, NAME_ROLE)
                item.setToolTip(function_name)
                self._items.appendRow(item)
                self._completions[completion_text(function_name, title)] = function_name
        if self._define_custom_function is not None:
            item = QStandardItem(f"   {CUSTOM_TEXT}")
            item.setData(CUSTOM_ENTRY, NAME_ROLE)
            item.setToolTip(translate("widgets", "Type your own function as a formula"))
            self._items.appendRow(item)
        self._completion_list.setStringList(list(self._completions))
        if current is not None:
            self.set_current(current)

    def current(self) -> str | None:
        """Registry name of the shown function (None when it is not in the list)."""
        return self.combo.currentData(NAME_ROLE)

    def set_current(self, name: str) -> None:
        """Show ``name`` without emitting anything (model -> widget)."""
        self._shown = name
        with QSignalBlocker(self.combo):
            self.combo.setCurrentIndex(self.combo.findData(name, NAME_ROLE))

    def matches(self, text: str) -> list[str]:
        """Registry names whose name or title contains ``text`` (case-insensitive)."""
        needle = text.strip().lower()
        return [name for shown, name in self._completions.items() if needle in shown.lower()]

    def set_filter(self, text: str) -> None:
        """Hide the list rows (and empty group headers) that do not match ``text``."""
        wanted = set(self.matches(text))
        view = self.combo.view()
        header_row, header_has_match = None, False
        for row in range(self._items.rowCount()):
            name = self._items.item(row).data(NAME_ROLE)
            if name is None:
                if header_row is not None:
                    view.setRowHidden(header_row, not header_has_match)
                header_row, header_has_match = row, False
                continue
            visible = name in wanted
            header_has_match |= visible
            view.setRowHidden(row, not visible)
        if header_row is not None:
            view.setRowHidden(header_row, not header_has_match)

    # -- handlers ---------------------------------------------------------------
    def _choose(self, name: str) -> None:
        self.set_current(name)
        self.activationChosen.emit(name)

    def _on_combo_activated(self, index: int) -> None:
        name = self.combo.itemData(index, NAME_ROLE)
        if name == CUSTOM_ENTRY:
            self._define_custom()
        elif name is not None:
            self.activationChosen.emit(name)

    def _define_custom(self) -> None:
        """Open the formula editor; a function it adds to the model is chosen."""
        name = self._define_custom_function(self)
        self.refresh_functions()
        if name is None:  # cancelled: show the function that is still chosen
            self.set_current(self._shown)
            return
        self._choose(name)

    def _on_search_entered(self) -> None:
        text = self.search.text()
        exact = [
            name for name in self._completions.values() if name.lower() == text.strip().lower()
        ]
        name = (
            self._completions.get(text)
            or next(iter(exact), None)
            or next(iter(self.matches(text)), None)
        )
        if name is not None:
            self._choose(name)
            self.search.clear()
            self.set_filter("")

    def _on_completion_chosen(self, text: str) -> None:
        name = self._completions.get(text)
        if name is not None:
            self._choose(name)
            self.search.clear()
            self.set_filter("")
