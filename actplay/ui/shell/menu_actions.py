"""The one way the app makes a named, optionally shortcut-bound menu command.

The main window builds every menu; each window feature (session files, undo,
export, help, the theme) hands it the actions for its part, made here, so every
action gets an ``objectName`` (tests and the shortcuts dialog find actions by
it) and its shortcut the same way. `fill_menu` puts a feature's part in place.
"""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu


def menu_action(parent, text, slot, shortcut, name) -> QAction:
    """An action owned by ``parent`` that calls ``slot`` when triggered.

    Parameters
    ----------
    parent : QObject
        Owner of the action (the window, so its shortcut works window-wide).
    text : str
        Menu text, with ``&`` marking the mnemonic.
    slot : callable
        Called when the action is triggered.
    shortcut : QKeySequence, QKeySequence.StandardKey or None
    name : str
        The action's ``objectName``.
    """
    action = QAction(text, parent)
    action.setObjectName(name)
    if shortcut is not None:
        action.setShortcut(shortcut)
    action.triggered.connect(slot)
    return action


def fill_menu(menu: QMenu, entries) -> None:
    """Append ``entries`` to ``menu``: a QAction, a QMenu (as a submenu) or None (a separator)."""
    for entry in entries:
        if entry is None:
            menu.addSeparator()
        elif isinstance(entry, QMenu):
            menu.addMenu(entry)
        else:
            menu.addAction(entry)
