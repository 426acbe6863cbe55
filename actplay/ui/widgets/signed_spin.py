"""A number box that writes a real minus sign, like every other number on screen.

``QDoubleSpinBox`` prints "-0.40" with a hyphen-minus while labels, tables and
readouts print "−0.40" (`numbers.MINUS`). `SignedSpinBox` shows the real minus
and reads both, so typing "-1.5" still works.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDoubleSpinBox

from actplay.ui.widgets.numbers import MINUS


class SignedSpinBox(QDoubleSpinBox):
    """A ``QDoubleSpinBox`` that shows "−" for negative values and accepts "-" or "−"."""

    def textFromValue(self, value: float) -> str:  # noqa: N802 (Qt's name)
        return super().textFromValue(value).replace("-", MINUS)

    def valueFromText(self, text: str) -> float:  # noqa: N802 (Qt's name)
        return super().valueFromText(text.replace(MINUS, "-"))

    def validate(self, text: str, position: int):
        state, checked, position = super().validate(text.replace(MINUS, "-"), position)
        return state, checked.replace("-", MINUS) if "-" in checked else checked, position

    def fixup(self, text: str) -> str:
        return super().fixup(text.replace(MINUS, "-")).replace("-", MINUS)
