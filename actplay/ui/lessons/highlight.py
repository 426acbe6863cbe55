"""Pointing at the one control a step wants used, and bringing window places forward.

Panes never import each other, so the lessons dock finds every control by its
``objectName`` through the window (``findChild``), the way a test does. A
lesson names a dock (``neuron_dock``), a tab page (``network_diagnostics_page``)
or any widget; `show_place` raises it and `HighlightFrame` draws a ring over
the control that follows it around.
"""

from __future__ import annotations

from PySide6 import QtCore, QtGui, QtWidgets

from actplay.ui import theme

RING_WIDTH = 3  # px
MARGIN = 3  # px around the control
FOLLOW_MS = 250  # how often the ring re-checks where its control went (docks move, tabs switch)


def find_widget(window, name: str) -> QtWidgets.QWidget | None:
    """The widget called ``name`` in ``window`` (or in a floating dock), a visible one first:
    the training dock and the network layout's workspace both have a ``training_step``."""
    if window.objectName() == name:
        return window
    found = window.findChildren(QtWidgets.QWidget, name)
    shown = [widget for widget in found if widget.isVisible()]
    return (shown or found or [None])[0]


def show_place(window, name: str) -> bool:
    """Bring the dock or tab page ``name`` into view (building a lazy tab); False if unknown."""
    widget = find_widget(window, name)
    if widget is None:
        return False
    reveal(widget)
    return True


def show_layout(window, name: str) -> bool:
    """Switch ``window`` to its layout ``name`` (``"curve"``, ``"network"``); False if it has
    no such layout."""
    layouts = getattr(window, "layouts", None)
    if layouts is None:
        return False
    try:
        layouts.show_layout(name)
    except ValueError:
        return False
    return True


def reveal(widget: QtWidgets.QWidget) -> None:
    """Select every tab and raise every dock that holds ``widget``, innermost first."""
    child, parent = widget, widget.parentWidget()
    while child is not None:
        if isinstance(child, QtWidgets.QDockWidget):
            child.show()
            child.raise_()
        if isinstance(parent, QtWidgets.QStackedWidget) and isinstance(
            parent.parentWidget(), QtWidgets.QTabWidget
        ):
            parent.parentWidget().setCurrentWidget(child)
        child, parent = parent, parent.parentWidget() if parent is not None else None


def scroll_into_view(widget: QtWidgets.QWidget) -> None:
    """Scroll every scroll area that holds ``widget`` so it shows (once, when a step points
    at it: the ring does not fight the learner's own scrolling afterwards)."""
    try:
        parent = widget.parentWidget()
    except RuntimeError:  # deleted before the delayed call: a rebuilt row
        return
    while parent is not None:
        if isinstance(parent, QtWidgets.QScrollArea) and parent.widget() is not None:
            if parent.widget().isAncestorOf(widget):
                parent.ensureWidgetVisible(widget, 0, 0)
        parent = parent.parentWidget()


class HighlightFrame(QtWidgets.QWidget):
    """A ring drawn over one control; clicks go through it to the control."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.setObjectName("lesson_highlight")
        self.setAttribute(QtCore.Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(QtCore.Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(QtCore.Qt.FocusPolicy.NoFocus)
        self._window = window
        self._target: QtWidgets.QWidget | None = None
        self._timer = QtCore.QTimer(self)
        self._timer.setInterval(FOLLOW_MS)
        self._timer.timeout.connect(self.follow)
        self.hide()

    @property
    def target(self) -> QtWidgets.QWidget | None:
        """The highlighted control, or None."""
        return self._target

    def point_at(self, widget: QtWidgets.QWidget | None) -> None:
        """Ring ``widget`` (None removes the ring)."""
        self._target = widget
        if widget is None:
            self._timer.stop()
            self.hide()
            return
        scroll_into_view(widget)
        # A control the set-up just built is laid out a moment later: scroll again then.
        QtCore.QTimer.singleShot(0, lambda: scroll_into_view(widget))
        self._timer.start()
        self.follow()

    def follow(self) -> None:
        """Put the ring where its control is now; hide it while the control is hidden."""
        target = self._target
        try:
            visible = target is not None and target.isVisible()
        except RuntimeError:  # the control was deleted (a rebuilt row)
            self._target, visible = None, False
        if not visible:
            self.hide()
            return
        host = target.window()
        if self.parentWidget() is not host:  # the control's dock floats: follow it there
            self.setParent(host)
            self.hide()
        corner = target.mapTo(host, QtCore.QPoint(0, 0))
        rect = QtCore.QRect(corner, target.size()).adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)
        if rect != self.geometry():
            self.setGeometry(rect)
        if not self.isVisible():
            self.show()
            self.raise_()  # once, on top of the docks; raising at every tick repaints it

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt's name)
        painter = QtGui.QPainter(self)
        painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        pen = QtGui.QPen(theme.plot_colour("lesson_highlight"), RING_WIDTH)
        painter.setPen(pen)
        inset = RING_WIDTH / 2
        painter.drawRoundedRect(
            QtCore.QRectF(self.rect()).adjusted(inset, inset, -inset, -inset), 4, 4
        )
