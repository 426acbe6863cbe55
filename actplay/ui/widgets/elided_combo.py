"""A combo box that shows its current text elided ("sigm…") when it is too narrow.

A plain QComboBox cuts its text at the edge of its field ("sigmoi"), which
reads as a different word; an ellipsis says plainly that there is more (the
owner puts the full text in the tooltip). A combo too narrow for even a few
letters beside its arrow drops the arrow and gives the text its whole width
(a click still opens the list).
"""

from __future__ import annotations

from PySide6 import QtCore, QtGui, QtWidgets

ELLIPSIS = "\u2026"
FEWEST_LETTERS = "sigm" + ELLIPSIS  # narrower than this beside the arrow: drop the arrow
MARGIN = 4  # px left and right of the text without the arrow


class ElidedComboBox(QtWidgets.QComboBox):
    """A QComboBox whose shown text is elided to fit its field."""

    def _field_beside_arrow(self, option) -> QtCore.QRect:
        return self.style().subControlRect(
            QtWidgets.QStyle.ComplexControl.CC_ComboBox,
            option,
            QtWidgets.QStyle.SubControl.SC_ComboBoxEditField,
            self,
        )

    def _arrowless(self, field: QtCore.QRect) -> bool:
        return field.width() < self.fontMetrics().horizontalAdvance(FEWEST_LETTERS)

    def shows_arrow(self) -> bool:
        """Whether the drop-down arrow is drawn (not when the field is too narrow)."""
        option = QtWidgets.QStyleOptionComboBox()
        self.initStyleOption(option)
        return not self._arrowless(self._field_beside_arrow(option))

    def text_field_width(self) -> int:
        """Width in px the current text is drawn in."""
        option = QtWidgets.QStyleOptionComboBox()
        self.initStyleOption(option)
        field = self._field_beside_arrow(option)
        return self.width() - 2 * MARGIN if self._arrowless(field) else field.width()

    def shown_text(self) -> str:
        """The current text as drawn: whole, or elided to fit the field."""
        return self.fontMetrics().elidedText(
            self.currentText(), QtCore.Qt.TextElideMode.ElideRight, self.text_field_width()
        )

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt's name)
        painter = QtWidgets.QStylePainter(self)
        option = QtWidgets.QStyleOptionComboBox()
        self.initStyleOption(option)
        text = self.shown_text()
        if not self._arrowless(self._field_beside_arrow(option)):
            option.currentText = text
            painter.drawComplexControl(QtWidgets.QStyle.ComplexControl.CC_ComboBox, option)
            painter.drawControl(QtWidgets.QStyle.ControlElement.CE_ComboBoxLabel, option)
            return
        option.currentText = ""
        option.subControls = QtWidgets.QStyle.SubControl.SC_ComboBoxFrame
        painter.drawComplexControl(QtWidgets.QStyle.ComplexControl.CC_ComboBox, option)
        painter.drawItemText(
            self.rect().adjusted(MARGIN, 0, -MARGIN, 0),
            QtCore.Qt.AlignmentFlag.AlignLeft | QtCore.Qt.AlignmentFlag.AlignVCenter,
            self.palette(),
            self.isEnabled(),
            text,
            QtGui.QPalette.ColorRole.ButtonText,
        )
