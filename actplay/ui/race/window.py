"""The race room's own window, opened from the main window (View > Activation race).

A race wants room: six decision maps, two plots and a table do not fit a dock
beside the network. The window is built the first time it opens (start-up
never pays for it), registered with the main window's redraw scheduler like
any view, and kept: closing it hides it, and a race that runs keeps running
until paused. It is a child of the main window, so it closes with it. Its race
trains in a worker process (``worker_link.py``) the main window's Close ends.
"""

from __future__ import annotations

from PySide6 import QtCore, QtGui, QtWidgets

from actplay.ui.i18n import translate

WINDOW_NAME = "race_window"
DEFAULT_SIZE = (1280, 800)
SHORTCUT = "Ctrl+R"


class RaceWindow(QtWidgets.QMainWindow):
    """A top-level window holding a :class:`~actplay.ui.race.pane.RacePane`."""

    def __init__(self, model, parent=None) -> None:
        super().__init__(parent, QtCore.Qt.WindowType.Window)
        from actplay.ui.race.pane import RacePane

        self.setObjectName(WINDOW_NAME)
        self.setWindowTitle(translate("race", "Activation race \u2014 actplay"))
        from actplay.ui.race.export import export_action

        self.pane = RacePane(model, self)
        self.setCentralWidget(self.pane)
        self.file_menu = self.menuBar().addMenu(translate("race", "&File"))
        self.file_menu.setObjectName("race_file_menu")
        self.export_action = export_action(self)
        self.file_menu.addAction(self.export_action)
        close = self.file_menu.addAction(translate("race", "&Close window"))
        close.setShortcut(QtGui.QKeySequence.StandardKey.Close)
        close.triggered.connect(self.close)
        self.statusBar().setObjectName("race_status_bar")
        self.statusBar().showMessage(
            translate(
                "race",
                "The same network, the same start, the same batches: only the activation differs.",
            ),
            8000,
        )
        self.resize(*DEFAULT_SIZE)


def open_race_window(window) -> RaceWindow:
    """Show (building it on first use) the race window of main window ``window``."""

    def build() -> RaceWindow:
        from actplay.ui.race.worker_link import install_race_worker

        install_race_worker(window)  # Play trains in its process from the first race on
        made = RaceWindow(window.model, window)
        window.scheduler.register(made.pane, made.pane.SECTIONS)
        return made

    race_window = window.part("race_window", build)
    race_window.show()
    if QtGui.QGuiApplication.platformName() != "offscreen":  # which cannot raise: it says so
        race_window.raise_()
    race_window.activateWindow()
    return race_window


def race_action(window) -> QtGui.QAction:
    """The menu action that opens the race window (View > Activation race…)."""
    action = QtGui.QAction(translate("race", "Activation &race\u2026"), window)
    action.setObjectName("race_window_action")
    action.setShortcut(QtGui.QKeySequence(SHORTCUT))
    action.setStatusTip(
        translate("race", "Train one network with several activations side by side")
    )
    action.triggered.connect(lambda _checked=False: open_race_window(window))
    return action
