"""Rows of widget pairs that sit side by side when there is room and stack when there is not.

The neuron's inputs read ``x1 [slider] w1 [slider]`` on a wide dock; on a
narrow one (a 1024-px screen) the same widgets read ``x1`` above ``w1``, so
the dock can be half as wide without cutting a slider to a stub.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QGridLayout, QWidget

ROW_SPACING = 3  # px between rows
COLUMN_SPACING = 12  # px between the two columns when side by side


def _cell(widgets) -> tuple[QWidget, ...]:
    return tuple(widgets) if isinstance(widgets, (tuple, list)) else (widgets,)


def _shown_min_width(cell: tuple[QWidget, ...]) -> int:
    """The widest minimum among the cell's widgets that are not hidden on purpose."""
    widths = [
        max(widget.minimumSizeHint().width(), widget.minimumWidth())
        for widget in cell
        if not widget.isHidden()
    ]
    return max(widths, default=0)


class PairGrid(QWidget):
    """A grid of ``(left, right)`` rows: two columns when wide enough, else one.

    Each side of a row is a widget or a tuple of widgets sharing one cell (the
    neuron shows either an input's slider or its yes/no box there). One column
    stacks every row's left above its right.

    Parameters
    ----------
    parent : QWidget, optional
    stretch : (int, int)
        How the two columns share spare width when side by side.

    Attributes
    ----------
    columns : int
        1 or 2, as laid out now.
    """

    def __init__(self, parent: QWidget | None = None, stretch: tuple[int, int] = (1, 1)) -> None:
        super().__init__(parent)
        self._stretch = stretch
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(COLUMN_SPACING)
        self._grid.setVerticalSpacing(ROW_SPACING)
        self._rows: list[tuple[tuple[QWidget, ...], tuple[QWidget, ...]]] = []
        self.columns = 2
        self._relayout()

    # -- content ----------------------------------------------------------------------
    def add_row(self, left, right) -> None:
        """Append a row; ``left`` and ``right`` are widgets or tuples of widgets."""
        row = (_cell(left), _cell(right))
        for widget in (*row[0], *row[1]):
            widget.setParent(self)
        self._rows.append(row)
        self._place(len(self._rows) - 1)

    def remove_row(self, index: int) -> tuple:
        """Take row ``index`` out of the grid (its widgets stay alive for the caller)."""
        row = self._rows.pop(index)
        for widget in (*row[0], *row[1]):
            self._grid.removeWidget(widget)
        self._relayout()
        return row

    def row_count(self) -> int:
        """How many rows the grid holds."""
        return len(self._rows)

    # -- layout -----------------------------------------------------------------------
    def two_column_width(self) -> int:
        """The narrowest width at which the rows fit side by side."""
        left = max((_shown_min_width(row[0]) for row in self._rows), default=0)
        right = max((_shown_min_width(row[1]) for row in self._rows), default=0)
        return left + COLUMN_SPACING + right

    def one_column_width(self) -> int:
        """The narrowest width of the stacked layout."""
        return max((_shown_min_width(cell) for row in self._rows for cell in row), default=0)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(self.one_column_width(), self._grid.minimumSize().height())

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(self.two_column_width(), self._grid.sizeHint().height())

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        columns = 2 if event.size().width() >= self.two_column_width() else 1
        if columns != self.columns:
            self.columns = columns
            self._relayout()
            self._grid.activate()  # place the children now, not a frame later
        super().resizeEvent(event)

    def _relayout(self) -> None:
        for row in self._rows:
            for widget in (*row[0], *row[1]):
                self._grid.removeWidget(widget)
        for index in range(len(self._rows)):
            self._place(index)
        # An empty column keeps no width of its own when stacked.
        self._grid.setColumnStretch(0, self._stretch[0] if self.columns == 2 else 1)
        self._grid.setColumnStretch(1, self._stretch[1] if self.columns == 2 else 0)
        self.updateGeometry()

    def _place(self, index: int) -> None:
        left, right = self._rows[index]
        if self.columns == 2:
            spots = ((left, index, 0), (right, index, 1))
        else:
            spots = ((left, 2 * index, 0), (right, 2 * index + 1, 0))
        for cell, row, column in spots:
            for widget in cell:
                self._grid.addWidget(widget, row, column)
