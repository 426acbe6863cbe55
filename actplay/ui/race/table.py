"""The results table: one row per contestant, its cells worded by ``table_text``."""

from __future__ import annotations

from PySide6 import QtCore, QtGui, QtWidgets

from actplay.ui.i18n import translate
from actplay.ui.race.colours import contestant_colour
from actplay.ui.race.table_text import COLUMNS, row_cells, target_text

SWATCH = 10  # px of the colour square in front of each contestant


def _swatch(colour: str) -> QtGui.QIcon:
    pixmap = QtGui.QPixmap(SWATCH, SWATCH)
    pixmap.fill(QtGui.QColor(colour))
    return QtGui.QIcon(pixmap)


class ResultsTable(QtWidgets.QTableWidget):
    """Epochs to the target, final losses and accuracies, wall time: median (range)."""

    def __init__(self, parent=None) -> None:
        super().__init__(0, len(COLUMNS), parent)
        self.setObjectName("race_table")
        self.setHorizontalHeaderLabels(list(COLUMNS))
        self.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(QtCore.Qt.FocusPolicy.TabFocus)
        self.verticalHeader().hide()
        rows = self.verticalHeader()
        rows.setDefaultSectionSize(self.fontMetrics().height() + 6)  # compact: six rows fit
        self.setWordWrap(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QtWidgets.QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.setAccessibleName(translate("race", "Race results"))

    def set_rows(self, rows, target: dict | None) -> None:
        """Show ``rows`` (ResultRow per contestant), or empty the table for None."""
        rows = rows or ()
        self.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(row_cells(row)):
                item = self.item(r, c)
                if item is None:
                    item = QtWidgets.QTableWidgetItem()
                    self.setItem(r, c, item)
                if item.text() != text:
                    item.setText(text)
            self.item(r, 0).setIcon(_swatch(contestant_colour(r)))
        caption = (
            translate("race", "Epochs to reach {target}").format(target=target_text(target))
            if target
            else translate("race", "epochs to target")
        )
        header = self.horizontalHeaderItem(1)
        if header.toolTip() != caption:
            header.setToolTip(caption + "; median over the seeds (lowest\u2013highest)")
