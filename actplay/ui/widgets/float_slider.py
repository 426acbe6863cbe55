"""A labelled float slider with a spin box beside it for exact values.

`QSlider` only knows integers; `FloatSlider` maps ``SLIDER_STEPS`` integer
steps onto ``lo..hi`` once, here, so every panel drags floats the same way.
The spin box accepts any value within ``+-SPIN_LIMIT``, so a user can type an
exact value outside the slider's range (the slider then pins to its end).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSlider, QWidget

from actplay.ui.i18n import translate
from actplay.ui.widgets.numbers import format_number
from actplay.ui.widgets.signed_spin import SignedSpinBox

SLIDER_STEPS = 1000  # integer positions of the QSlider across lo..hi
SPIN_LIMIT = 1e6  # the model's VALUE_LIMIT: the largest magnitude anyone may type


class FloatQSlider(QSlider):
    """The horizontal integer slider inside a `FloatSlider` (named for tests and styling)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setRange(0, SLIDER_STEPS)
        self.setSingleStep(1)
        self.setPageStep(SLIDER_STEPS // 20)
        self.setMinimumWidth(90)


class FloatSlider(QWidget):
    """A label, a slider over ``lo..hi`` and a spin box, showing one float.

    Parameters
    ----------
    name : str
        Stem of the child object names: ``f"{name}_slider"``, ``f"{name}_spin"``.
    label : str
        Text shown to the left.
    lo, hi : float
        The slider's range (``lo < hi``).
    value : float
        Initial value.
    tooltip : str
        Shown on the label, the slider and the spin box.
    decimals : int
        Decimals of the spin box.
    parent : QWidget, optional

    Signals
    -------
    valueChanged(float)
        Emitted when the user moves the slider or edits the spin box, never by
        `setValue`.
    """

    valueChanged = Signal(float)

    def __init__(
        self,
        name: str,
        label: str,
        lo: float,
        hi: float,
        value: float = 0.0,
        tooltip: str = "",
        decimals: int = 3,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._lo, self._hi = 0.0, 1.0
        self._value = float(value)
        self._showing_value = False  # slider and spin box show _value (set by setValue)
        self.range_cue: QLabel | None = None  # the arrow shown past the slider's end
        self._shown_beyond = 0

        self.label = QLabel(label, self)
        self.label.setObjectName(f"{name}_label")
        self.slider = FloatQSlider(self)
        self.slider.setObjectName(f"{name}_slider")
        self.spin = SignedSpinBox(self)
        self.spin.setObjectName(f"{name}_spin")
        self.spin.setRange(-SPIN_LIMIT, SPIN_LIMIT)
        self.spin.setDecimals(decimals)
        self.spin.setKeyboardTracking(False)  # one change per typed number, not per digit
        self.spin.setMinimumWidth(78)
        self.spin.setAlignment(Qt.AlignmentFlag.AlignRight)
        for widget in (self.label, self.slider, self.spin):
            widget.setToolTip(tooltip)
        self.label.setBuddy(self.spin)
        # A screen reader names the slider and its box by the label ("w1"); the tooltip
        # says what it does.
        for part in (self.slider, self.spin):
            part.setAccessibleName(label)
            part.setAccessibleDescription(tooltip)

        # Opaque: a moved handle and a new number repaint this row only. Transparent, each
        # step also repainted every widget behind it up to the main window (dock frame,
        # splitter, group box) on every step (benchmarks/RESULTS.md).
        self.setAutoFillBackground(True)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.label)
        layout.addWidget(self.slider, 1)
        layout.addWidget(self.spin)

        self.setRange(lo, hi)
        self.setValue(value)
        self.slider.valueChanged.connect(self._on_slider_moved)
        self.spin.valueChanged.connect(self._on_spin_edited)

    # -- public API ---------------------------------------------------------------
    def value(self) -> float:
        """The current value."""
        return self._value

    def setValue(self, value: float) -> None:
        """Show ``value`` in the slider and the spin box without emitting anything."""
        value = float(value)
        if value == self._value and self._showing_value:
            return  # QDoubleSpinBox.setValue repaints even for an equal value
        self._value = value
        with QSignalBlocker(self.slider), QSignalBlocker(self.spin):
            self.slider.setValue(self._to_position(self._value))
            self.spin.setValue(self._value)
        self._showing_value = True
        self._show_range_cue()

    def setRange(self, lo: float, hi: float) -> None:
        """Map the slider onto ``lo..hi`` (the spin box keeps accepting any value)."""
        lo, hi = float(lo), float(hi)
        if not lo < hi:
            raise ValueError(f"slider range needs lo < hi, got {lo!r}..{hi!r}")
        self._lo, self._hi = lo, hi
        self.spin.setSingleStep(_nice_step((hi - lo) / 100.0))
        with QSignalBlocker(self.slider):
            self.slider.setValue(self._to_position(self._value))
        self._show_range_cue()

    def range(self) -> tuple[float, float]:
        """The slider's ``(lo, hi)``."""
        return self._lo, self._hi

    # -- mapping --------------------------------------------------------------------
    def _to_position(self, value: float) -> int:
        fraction = (value - self._lo) / (self._hi - self._lo)
        return round(min(max(fraction, 0.0), 1.0) * SLIDER_STEPS)

    def _to_value(self, position: int) -> float:
        return self._lo + (self._hi - self._lo) * position / SLIDER_STEPS

    # -- handlers ---------------------------------------------------------------------
    def _on_slider_moved(self, position: int) -> None:
        # Round to the spin box's precision so slider and spin box agree exactly.
        value = round(self._to_value(position), self.spin.decimals())
        self._value = value
        with QSignalBlocker(self.spin):
            self.spin.setValue(value)
        self.valueChanged.emit(value)

    def _on_spin_edited(self, value: float) -> None:
        self._value = float(value)
        with QSignalBlocker(self.slider):
            self.slider.setValue(self._to_position(self._value))
        self._show_range_cue()
        self.valueChanged.emit(self._value)

    # -- a value beyond the slider's reach ----------------------------------------------
    def beyond_range(self) -> int:
        """-1 when the value is below the slider's range, 1 above it, 0 within."""
        return -1 if self._value < self._lo else (1 if self._value > self._hi else 0)

    def _show_range_cue(self) -> None:
        """An arrow beside the pinned handle while the value is past the slider's end.

        The slider can only show its end; the arrow says the value goes on (w = 20 on
        a -5..5 slider), and its tooltip says how to reach it.
        """
        beyond = self.beyond_range()
        if beyond == self._shown_beyond:
            return
        self._shown_beyond = beyond
        if self.range_cue is None:
            if not beyond:
                return
            self.range_cue = QLabel(self)  # made the first time it is needed
            self.range_cue.setObjectName(f"{self.objectName()}_beyond")
            self.layout().insertWidget(2, self.range_cue)
        self.range_cue.setVisible(bool(beyond))
        if beyond:
            self.range_cue.setText("\u25b6" if beyond > 0 else "\u25c0")
            self.range_cue.setToolTip(
                translate(
                    "widgets",
                    "{name} is beyond the slider's range ({lo} \u2026 {hi}): "
                    "the slider stops at its end; the box shows the value",
                ).format(
                    name=self.label.text(),
                    lo=format_number(self._lo),
                    hi=format_number(self._hi),
                )
            )


def _nice_step(raw: float) -> float:
    """Round a step size to 1, 2 or 5 times a power of ten (0.01, 0.02, 0.05, 0.1 ...)."""
    if raw <= 0:
        return 0.01
    exponent = 10.0 ** math.floor(math.log10(raw))
    for factor in (1.0, 2.0, 5.0, 10.0):
        if raw <= factor * exponent:
            return factor * exponent
    return 10.0 * exponent
