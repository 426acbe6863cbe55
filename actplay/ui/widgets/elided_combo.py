"""A combo box that shows its current text elided ("sigm…") when it is too narrow.

A plain QComboBox cuts its text at the edge of its field ("sigmoi"), which
reads as a different word; an ellipsis says plainly that there is more (the
owner puts the full text in the tooltip). A combo too narrow for even a few
letters beside its arrow drops the arrow and gives the text its whole width
(a click still opens the list).

An item may carry a short form under `SHORT_TEXT_ROLE` ("sigm" for "sigmoid"):
where its text does not fit, the short form is shown whole, in the widget's font
or else in the small label font (and at last at its smallest size), before
anything is elided.
"""

from __future__ import annotations

from PySide6 import QtCore, QtGui, QtWidgets

ELLIPSIS = "\u2026"
FEWEST_LETTERS = "sigm" + ELLIPSIS  # narrower than this beside the arrow: drop the arrow
MARGIN = 2  # px left and right of the text without the arrow (inside the frame)
SHORT_TEXT_ROLE = QtCore.Qt.ItemDataRole.UserRole + 1  # an item's short form
SMALL_FONT_SCALE = 0.8  # the small label font, as the network canvas's labels
SMALLEST_POINTS = 6.5  # pt: never smaller than this


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

    def short_text(self) -> str | None:
        """The current item's short form, None when it has none."""
        short = self.itemData(self.currentIndex(), SHORT_TEXT_ROLE)
        return short if isinstance(short, str) and short else None

    def small_font(self, smallest: bool = False) -> QtGui.QFont:
        """The font a short form too wide for the widget's font is tried in (the
        ``smallest`` the small label font gets, if asked)."""
        font = QtGui.QFont(self.font())
        points = font.pointSizeF()
        if points <= 0:  # sized in pixels: leave it
            return font
        font.setPointSizeF(
            min(
                points,
                SMALLEST_POINTS if smallest else max(SMALLEST_POINTS, points * SMALL_FONT_SCALE),
            )
        )
        return font

    def _fitted(self) -> tuple[str, QtGui.QFont]:
        width = self.text_field_width()
        full, short = self.currentText(), self.short_text()
        normal = self.font()
        if short is None:
            return self.fontMetrics().elidedText(
                full, QtCore.Qt.TextElideMode.ElideRight, width
            ), normal
        small = self.small_font()
        smallest = self.small_font(smallest=True)
        for text, font in ((full, normal), (short, normal), (short, small), (short, smallest)):
            if QtGui.QFontMetrics(font).horizontalAdvance(text) <= width:
                return text, font
        elided = QtGui.QFontMetrics(smallest).elidedText(
            short, QtCore.Qt.TextElideMode.ElideRight, width
        )
        return elided, smallest

    def shown_text(self) -> str:
        """The current text as drawn: whole, its short form, or elided to fit the field."""
        return self._fitted()[0]

    def shown_font(self) -> QtGui.QFont:
        """The font `shown_text` is drawn in."""
        return self._fitted()[1]

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt's name)
        painter = QtWidgets.QStylePainter(self)
        option = QtWidgets.QStyleOptionComboBox()
        self.initStyleOption(option)
        text, font = self._fitted()
        painter.setFont(font)
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
