"""Keep the Tab order following the layout for widgets built after the window.

Qt appends a new widget to the end of its window's focus chain. Parts built on
first show (a tab's page, the truth table) or rebuilt later (the network's
input sliders) would then be reached by Tab only after everything else, far
from where they sit on screen. `place_after` moves them back to where a
keyboard user expects them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

CHAIN_LIMIT = 10_000  # a window has a few hundred widgets; this only stops a broken chain


def chain_members(container: QWidget) -> list[QWidget]:
    """The widgets inside ``container``, in the order of the window's focus chain."""
    members = []
    widget = container.nextInFocusChain()
    for _ in range(CHAIN_LIMIT):
        if widget is container:
            break
        if container.isAncestorOf(widget):
            members.append(widget)
        widget = widget.nextInFocusChain()
    return members


def place_after(anchor: QWidget, container: QWidget) -> None:
    """Put every focusable widget inside ``container`` right after ``anchor`` in Tab order.

    Parameters
    ----------
    anchor : QWidget
        The widget Tab should come from; when it holds focusable widgets itself
        (a slider row), the new ones follow the last of those.
    container : QWidget
        The widget whose contents move; their order among themselves is kept.
    """
    inside_anchor = [w for w in chain_members(anchor) if w.focusPolicy() != Qt.FocusPolicy.NoFocus]
    previous = inside_anchor[-1] if inside_anchor else anchor
    for widget in chain_members(container):
        if widget.focusPolicy() != Qt.FocusPolicy.NoFocus:
            QWidget.setTabOrder(previous, widget)
            previous = widget
