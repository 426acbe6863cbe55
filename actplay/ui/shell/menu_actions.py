"""The one way the app puts a named, optionally shortcut-bound action into a menu.

Menus are built by several modules (the main window, the File menu, the Help
menu); they all go through `add_menu_action` so every action gets an
``objectName`` (tests and the shortcuts dialog find actions by it) and its
shortcut the same way.
"""

from __future__ import annotations

from PySide6.QtGui import QAction


def add_menu_action(parent, menu, text, slot, shortcut, name) -> QAction:
    """Create an action owned by ``parent``, add it to ``menu`` and return it.

    Parameters
    ----------
    parent : QObject
        Owner of the action (the window, so its shortcut works window-wide).
    menu : QMenu
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
    menu.addAction(action)
    return action
