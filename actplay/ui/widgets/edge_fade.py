"""A fade over the bottom edge of scrolling text, so no line ends cut in half.

A scroll area's viewport rarely ends on a whole line: the last visible line of
the help box or a lesson showed only its upper half, which reads as a glitch.
`BottomFade` lays a strip over the viewport's last line and a half that fades
from clear to the viewport's own background, while there is more text below;
scrolled to the end, the strip goes and the last line shows whole.
"""

from __future__ import annotations

from PySide6 import QtCore, QtGui, QtWidgets

FADE_LINES = 1.5  # the strip's height in text lines: a cut line lies wholly inside it


class BottomFade(QtWidgets.QWidget):
    """A fading strip over the bottom of ``area``'s viewport while more lies below.

    Parameters
    ----------
    area : QAbstractScrollArea
        A text browser or a scroll area; the strip is a child of its viewport and
        lets the mouse through.
    """

    def __init__(self, area: QtWidgets.QAbstractScrollArea) -> None:
        super().__init__(area.viewport())
        self.setObjectName(f"{area.objectName() or 'scroll'}_bottom_fade")
        self.setAttribute(QtCore.Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._area = area
        area.viewport().installEventFilter(self)
        bar = area.verticalScrollBar()
        bar.valueChanged.connect(self.follow)
        bar.rangeChanged.connect(self.follow)
        self.follow()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if event.type() in (QtCore.QEvent.Type.Resize, QtCore.QEvent.Type.Show):
            self.follow()
        return False

    def follow(self, *_args) -> None:
        """Sit on the viewport's bottom edge; show only while the text goes on below."""
        viewport = self._area.viewport()
        height = min(viewport.height(), round(FADE_LINES * viewport.fontMetrics().lineSpacing()))
        self.setGeometry(0, viewport.height() - height, viewport.width(), height)
        bar = self._area.verticalScrollBar()
        self.setVisible(bar.value() < bar.maximum())
        self.raise_()

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt's name)
        viewport = self._area.viewport()
        colour = viewport.palette().color(viewport.backgroundRole())
        clear = QtGui.QColor(colour)
        clear.setAlpha(0)
        gradient = QtGui.QLinearGradient(0, 0, 0, self.height())
        gradient.setColorAt(0.0, clear)
        gradient.setColorAt(0.8, colour)  # the last fifth solid: no half letters at the edge
        gradient.setColorAt(1.0, colour)
        QtGui.QPainter(self).fillRect(self.rect(), gradient)
