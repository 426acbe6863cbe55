"""Compare mode: overlay up to ``MAX_COMPARE`` more functions on the curve plot.

Pick a function and press Add; each comparison gets the next colour of the
palette and its own parameters (select it in the list to edit them). Remove
it with the button, or by clicking its entry in the plot's legend.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from actplay.core import activations
from actplay.model.limits import MAX_COMPARE
from actplay.ui import theme
from actplay.ui.binding import apply_command
from actplay.ui.i18n import translate
from actplay.ui.widgets.function_picker import FunctionPicker
from actplay.ui.widgets.param_sliders import ParamSliders

SWATCH_PX = 12


def _swatch(colour: str) -> QIcon:
    pixmap = QPixmap(SWATCH_PX, SWATCH_PX)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


def entry_text(name: str, params: dict) -> str:
    """A comparison's list text: its title and parameters."""
    try:
        title = activations.get(name).title
    except KeyError:
        title = name
    if params:
        title += " (" + ", ".join(f"{key}={value:g}" for key, value in params.items()) + ")"
    return title


class CompareBox(QWidget):
    """Controls of the comparison curves: add, list, remove, edit parameters."""

    def __init__(self, model, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compare_box")
        self.model = model
        self.picker = FunctionPicker("compare_function", self)
        self.picker.set_current("relu")
        self.add_button = QToolButton(self)
        self.add_button.setText(translate("curve", "Add"))
        self.add_button.setObjectName("compare_add")
        self.add_button.setToolTip(translate("curve", "Overlay the picked function on the plot"))
        self.entries = QListWidget(self)
        self.entries.setObjectName("compare_list")
        self.entries.setToolTip(
            translate("curve", "Comparison curves; select one to edit its parameters")
        )
        self.remove_button = QToolButton(self)
        self.remove_button.setText(translate("curve", "Remove"))
        self.remove_button.setObjectName("compare_remove")
        self.remove_button.setToolTip(translate("curve", "Remove the selected comparison curve"))
        self.params = ParamSliders(
            "compare", self._selected_function, self._set_selected_param, self
        )

        pick_row = QHBoxLayout()
        pick_row.addWidget(self.picker, 1)
        pick_row.addWidget(self.add_button)
        pick_row.addWidget(self.remove_button)
        params_column = QVBoxLayout()
        params_column.addWidget(self.params)
        params_column.addStretch(1)
        entries_row = QHBoxLayout()
        entries_row.addWidget(self.entries, 1)
        entries_row.addLayout(params_column, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(pick_row)
        layout.addLayout(entries_row, 1)

        self.add_button.clicked.connect(self._on_add_clicked)
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self.entries.currentRowChanged.connect(self._on_selection_changed)
        self._shown: tuple = ()
        self.refresh()

    # -- public API -----------------------------------------------------------------
    def add(self, name: str) -> None:
        """Add comparison ``name`` with its default parameters and select it."""
        self._write(self.model.add_compare, name)
        self.refresh()
        self.entries.setCurrentRow(len(self.model.compare) - 1)

    def remove(self, index: int) -> None:
        """Remove comparison ``index``."""
        self._write(self.model.remove_compare, index)
        self.refresh()

    def selected(self) -> int | None:
        """Index of the selected comparison, or None."""
        row = self.entries.currentRow()
        return row if 0 <= row < len(self.model.compare) else None

    def refresh(self) -> None:
        """Show the model's comparisons (signals blocked) and the selected one's sliders."""
        compare = self.model.compare
        texts = [entry_text(name, params) for name, params in compare]
        with QSignalBlocker(self.entries):
            if len(texts) != self.entries.count():
                row = self.entries.currentRow()
                self.entries.clear()
                for index, text in enumerate(texts):
                    item = QListWidgetItem(_swatch(theme.curve_colour(index + 1)), text)
                    self.entries.addItem(item)
                self.entries.setCurrentRow(min(row, len(texts) - 1))
            else:
                for index, text in enumerate(texts):
                    if self.entries.item(index).text() != text:
                        self.entries.item(index).setText(text)
        self.add_button.setEnabled(len(compare) < MAX_COMPARE)
        self.remove_button.setEnabled(self.selected() is not None)
        self.params.setVisible(self.selected() is not None)
        self.params.refresh()

    # -- handlers ---------------------------------------------------------------------
    def _selected_function(self) -> tuple[str, dict]:
        index = self.selected()
        if index is None:
            return "", {}
        return self.model.compare[index]

    def _set_selected_param(self, key: str, value: float) -> None:
        index = self.selected()
        if index is not None:
            self.model.set_compare_param(index, key, value)

    def _write(self, setter, *args) -> None:
        apply_command(self, lambda: setter(*args))

    def _on_add_clicked(self) -> None:
        name = self.picker.current()
        if name is not None:
            self.add(name)

    def _on_remove_clicked(self) -> None:
        index = self.selected()
        if index is not None:
            self.remove(index)

    def _on_selection_changed(self, _row: int) -> None:
        self.refresh()
