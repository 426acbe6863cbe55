"""The export actions of the window: File > Export... (Ctrl+E), Copy Image, and on
every pane a right-click menu with "Export <pane>..." (the dialog, that pane
preselected) and "Copy <pane> Image".

``make_export_actions(window)`` is what the main window asks for.
"""

from __future__ import annotations

from PySide6 import QtCore, QtGui

from actplay.ui.export.dialog import open_export_dialog
from actplay.ui.export.pane_export import copy_pane_image, pane_title, pane_widgets
from actplay.ui.i18n import translate


def _add_pane_menu(window, pane: str, widget) -> list:
    """Right-click on ``widget``: "Export <pane>..." and "Copy <pane> Image"."""
    title = pane_title(pane)
    export_action = QtGui.QAction(
        translate("export", "Export {title}...").format(title=title), widget
    )
    export_action.setObjectName(f"export_{pane}_action")
    export_action.triggered.connect(lambda: open_export_dialog(window, pane))
    copy_action = QtGui.QAction(
        translate("export", "Copy {title} Image").format(title=title), widget
    )
    copy_action.setObjectName(f"copy_{pane}_action")
    copy_action.triggered.connect(lambda: copy_pane_image(window, pane))
    widget.addAction(export_action)
    widget.addAction(copy_action)
    # Right-clicks that no child handles (plots without a menu, labels, margins)
    # reach this widget, which then lists its actions.
    widget.setContextMenuPolicy(QtCore.Qt.ContextMenuPolicy.ActionsContextMenu)
    return [export_action, copy_action]


def make_export_actions(window) -> dict:
    """The export actions of ``window`` (a MainWindow, which puts them in its File menu).

    Returns
    -------
    dict
        ``"export"``, ``"import_torch"`` and ``"copy"`` (for the File menu) and the per-pane
        right-click actions as ``"export_<pane>"`` / ``"copy_<pane>"``, already
        added to each pane's plot.
    """
    export_action = QtGui.QAction(translate("export", "&Export..."), window)
    export_action.setObjectName("export_action")
    export_action.setShortcut(QtGui.QKeySequence("Ctrl+E"))
    export_action.setStatusTip(
        translate("export", "Export a pane as PNG, SVG or PDF, or the data as CSV or JSON")
    )
    export_action.triggered.connect(lambda: open_export_dialog(window))
    copy_action = QtGui.QAction(translate("export", "Copy &Image"), window)
    copy_action.setObjectName("copy_image_action")
    copy_action.setShortcut(QtGui.QKeySequence("Ctrl+Shift+C"))
    copy_action.setStatusTip(
        translate("export", "Copy the whole window to the clipboard as an image")
    )
    copy_action.triggered.connect(lambda: copy_pane_image(window, "window"))
    from actplay.ui.export.torch_import import make_import_action

    actions = {
        "export": export_action,
        "import_torch": make_import_action(window),
        "copy": copy_action,
    }
    for pane, widget in pane_widgets(window).items():
        if pane != "window":
            export_pane_action, copy_pane_action = _add_pane_menu(window, pane, widget)
            actions[f"export_{pane}"] = export_pane_action
            actions[f"copy_{pane}"] = copy_pane_action
    return actions
