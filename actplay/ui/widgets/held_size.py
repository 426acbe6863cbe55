"""Labels whose text changes all the time, held at one size.

A QLabel whose text changes asks its parent for a new layout, and the request
climbs to the window: every widget on the way is laid out and repainted. A
label with a fixed size does not ask (Qt skips the request when the minimum
and maximum sizes agree), so a loss or an epoch counter that changes with every
step repaints only itself (`hold_size`). A word-wrapped label cannot have a
fixed size; `SteadyLabel` holds one in a frame that passes the request on only
when the label needs another height or minimum width.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


def hold_size(label: QLabel, *samples: str) -> QLabel:
    """Fix ``label``'s size to fit the largest of ``samples`` (its widest texts)."""
    kept = label.text()
    width = height = 0
    for sample in samples:
        label.setText(sample)
        hint = label.sizeHint()
        width, height = max(width, hint.width()), max(height, hint.height())
    label.setText(kept)
    label.setFixedSize(width + 2, height)  # +2: rounding between fonts' metrics
    return label


class SteadyLabel(QWidget):
    """A word-wrapped `QLabel` (``.label``) whose new texts lay out only itself.

    The label has no layout around it: its requests for a new layout come to
    this frame, which lets the window's layout know only when the label's height
    at the frame's width or its minimum width changed. A network's output line,
    re-texted on every input step, otherwise laid out the whole dock and painted
    it a second time (~1.4 ms of an 8-input step, ``benchmarks/RESULTS.md``).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self._needs = self._measure()

    def _measure(self) -> tuple[int, QSize]:
        return self.label.heightForWidth(self.width()), self.label.minimumSizeHint()

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt's name)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt's name)
        return self.label.heightForWidth(width)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return self.label.sizeHint()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return self.label.minimumSizeHint()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        self.label.setGeometry(self.rect())
        self._needs = self._measure()
        super().resizeEvent(event)

    def _follow_label(self) -> None:
        needs = self._measure()
        if needs != self._needs:
            self._needs = needs
            self.updateGeometry()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        # While hidden (a tab behind another) the label's new texts tell nobody.
        self._follow_label()
        super().showEvent(event)

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:  # the label's text or font changed
            self._follow_label()
            return True
        return super().event(event)


__all__ = ["SteadyLabel", "hold_size"]
