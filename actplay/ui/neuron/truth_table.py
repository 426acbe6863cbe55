"""The truth table of a neuron with yes/no inputs: every 0/1 combination, z and the output.

One row per input combination (first input most significant, as the model's
``truth_table()`` orders them), the row of the inputs set now highlighted.
Cells are created only when the number of inputs changes; a redraw rewrites
the z and output columns in place and moves the highlight. Named inputs head
their columns ``x1 weather`` when every such heading fits the table's width, and
``x1`` (the name in the tooltip) when it does not: a heading is never cut short.
"""

from __future__ import annotations

from PySide6 import QtCore, QtGui, QtWidgets

from actplay.ui import theme
from actplay.ui.i18n import translate
from actplay.ui.widgets.names import input_label
from actplay.ui.widgets.numbers import format_number

NO_BRUSH = QtGui.QBrush()
FIRE_LEVEL = 0.5  # outputs at or above this count as "fires" (step, sigmoid, ...)
ROW_HEIGHT = 20  # px: compact rows, 8 rows visible without scrolling
VISIBLE_ROWS = 8


class TruthTable(QtWidgets.QTableWidget):
    """A read-only table of a neuron's output on every 0/1 input combination."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("neuron_truth_table")
        self.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(QtCore.Qt.FocusPolicy.TabFocus)  # reachable, scrollable by keys
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        self.horizontalHeader().setSectionResizeMode(QtWidgets.QHeaderView.ResizeMode.Stretch)
        self.horizontalHeader().setMinimumSectionSize(24)
        self.setToolTip(
            translate(
                "neuron",
                "Every yes (1) / no (0) combination of the inputs with the neuron's sum z and "
                "output a. The highlighted row is the combination set now; rows where the "
                "output is at least {FIRE_LEVEL:g} (the neuron fires) are tinted blue.",
            ).format(FIRE_LEVEL=FIRE_LEVEL)
        )
        self.setMinimumHeight(ROW_HEIGHT * (VISIBLE_ROWS + 1) + 6)
        self._n_inputs = -1
        self._names: tuple = ()
        self._current_row = -1
        self._theme = None  # the theme the row tints were made for
        self._current_brush = self._fires_brush = NO_BRUSH

    def _rebuild(self, n_inputs: int, rows) -> None:
        """Create every cell for ``n_inputs`` inputs; the input columns never change after."""
        self.clear()
        self.setRowCount(len(rows))
        self.setColumnCount(n_inputs + 2)
        self.setHorizontalHeaderLabels([input_label(i) for i in range(n_inputs)] + ["z", "a"])
        header = self.horizontalHeader()
        for c in (n_inputs, n_inputs + 1):  # numbers must never be cut short
            header.setSectionResizeMode(c, QtWidgets.QHeaderView.ResizeMode.ResizeToContents)
        centred = QtCore.Qt.AlignmentFlag.AlignCenter
        right = QtCore.Qt.AlignmentFlag.AlignRight | QtCore.Qt.AlignmentFlag.AlignVCenter
        for r, row in enumerate(rows):
            for c, bit in enumerate(row.inputs):
                item = QtWidgets.QTableWidgetItem(str(bit))
                item.setTextAlignment(centred)
                self.setItem(r, c, item)
            for c in (n_inputs, n_inputs + 1):
                item = QtWidgets.QTableWidgetItem()
                item.setTextAlignment(right)
                self.setItem(r, c, item)
        self._n_inputs = n_inputs
        self._current_row = -1

    def show_input_names(self, names) -> None:
        """Head the input columns ``x1 weather`` .. (or ``x1`` where an input has no name,
        or where the named headings would not fit)."""
        names = tuple(names)
        if names == self._names:
            return
        self._names = names
        self._fit_headings()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._fit_headings()

    def _fit_headings(self) -> None:
        """Name the input columns if every named heading fits its share of the width."""
        n_inputs = max(self._n_inputs, 0)
        names = self._names[:n_inputs] + ("",) * (n_inputs - len(self._names[:n_inputs]))
        if not any(names):
            self._set_headings([input_label(i) for i in range(n_inputs)], names)
            return
        named = [input_label(i, name) for i, name in enumerate(names)]
        header = self.horizontalHeader()
        self._set_headings(named, names)
        # The input columns stretch to share what the z and a columns leave.
        numbers = sum(
            max(header.sectionSizeHint(c), self.sizeHintForColumn(c))
            for c in (n_inputs, n_inputs + 1)
        )
        widest = max(header.sectionSizeHint(c) for c in range(n_inputs))
        if widest * n_inputs + numbers > self.viewport().width():
            self._set_headings([input_label(i) for i in range(n_inputs)], names)

    def _set_headings(self, texts, names) -> None:
        for i, (text, name) in enumerate(zip(texts, names, strict=True)):
            item = self.horizontalHeaderItem(i)
            if item is None:
                item = QtWidgets.QTableWidgetItem()
                self.setHorizontalHeaderItem(i, item)
            if item.text() != text:
                item.setText(text)
            item.setToolTip(input_label(i, name))

    def headings(self) -> list[str]:
        """The column headings, left to right."""
        return [self.horizontalHeaderItem(c).text() for c in range(self.columnCount())]

    def show_rows(self, rows) -> None:
        """Show the model's ``truth_table()`` rows (a tuple of ``TruthRow``)."""
        n_inputs = len(rows[0].inputs) if rows else 0
        rebuilt = n_inputs != self._n_inputs or len(rows) != self.rowCount()
        if rebuilt:
            self._rebuild(n_inputs, rows)
        if theme.active_theme() != self._theme:  # tints of the theme now: highlight again
            self._theme = theme.active_theme()
            self._current_brush = _brush("current_row_background")
            self._fires_brush = _brush("on_row_background")
            self._highlight(self._current_row, False)
            self._current_row = -1
        current = -1
        for r, row in enumerate(rows):
            self.item(r, n_inputs).setText(format_number(row.z))
            output = self.item(r, n_inputs + 1)
            output.setText(format_number(row.a))
            output.setBackground(self._fires_brush if row.a >= FIRE_LEVEL else NO_BRUSH)
            if row.current:
                current = r
        if rebuilt:  # once the numbers are in: their columns' widths count
            self._fit_headings()
        if current != self._current_row:
            self._highlight(self._current_row, False)
            self._highlight(current, True)
            self._current_row = current
            if current >= 0:
                self.scrollToItem(self.item(current, 0))

    def _highlight(self, row: int, on: bool) -> None:
        if row < 0:
            return
        for c in range(self.columnCount()):
            item = self.item(row, c)
            font = item.font()
            font.setBold(on)
            item.setFont(font)
            if c < self.columnCount() - 1:  # the output cell keeps its "fires" tint
                item.setBackground(self._current_brush if on else NO_BRUSH)

    # -- reading back (tests, exports) -------------------------------------------
    def current_row(self) -> int:
        """Index of the highlighted row, -1 if the inputs are not all 0/1."""
        return self._current_row

    def row_texts(self, row: int) -> list[str]:
        """The texts of one row, left to right."""
        return [self.item(row, c).text() for c in range(self.columnCount())]


def _brush(role: str) -> QtGui.QBrush:
    return QtGui.QBrush(QtGui.QColor(theme.widget_colour(role)))
