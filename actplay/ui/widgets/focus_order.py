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


def focusable_parts(container: QWidget) -> list[QWidget]:
    """The widgets inside ``container`` that can take focus, in the order they were made.

    ``findChildren`` lists children depth first in the order they were added,
    which is the order our panels lay them out in. (Walking ``nextInFocusChain``
    instead is no good from Python: PySide makes each returned widget a child of
    the one it was asked from, so deleting any widget on the way later
    invalidates the Python side of unrelated objects, such as the menus.)
    """
    window = container.window()
    return [
        widget
        for widget in container.findChildren(QWidget)
        if widget.focusPolicy() != Qt.FocusPolicy.NoFocus and widget.window() is window
    ]  # not a combo box's pop-up list


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
    inside_anchor = focusable_parts(anchor)
    previous = inside_anchor[-1] if inside_anchor else anchor
    for widget in focusable_parts(container):
        QWidget.setTabOrder(previous, widget)
        previous = widget
