"""The main window: the curve pane in the centre, the neuron and network panels in docks.

The window owns the model (a `Playground`) and the `RedrawScheduler` that
turns model events into repaints of every registered view. It restores and
saves its layout only when `main()` hands it a QSettings object
(`use_settings`), so a window built by `create_window()` is always the same.
"""

from __future__ import annotations

import importlib

from PySide6 import QtWidgets
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QWidget

from actplay.ui import theme
from actplay.ui.scheduler import RedrawScheduler
from actplay.ui.shell import preferences
from actplay.ui.shell.file_actions import install_file_actions
from actplay.ui.shell.help_dialogs import install_help_actions
from actplay.ui.shell.layouts import LayoutSwitcher
from actplay.ui.shell.menu_actions import add_menu_action
from actplay.ui.shell.undo import install_undo

LAYOUT_VERSION = 1  # bump when docks are added or renamed: old saved layouts are then ignored
DEFAULT_SIZE = (1400, 900)
STATUS_MS = 5000  # how long a status message stays
DOCK_WIDTHS = {"neuron_dock": 330, "network_dock": 420}  # px at first start
SESSION_FILTER = "actplay sessions (*.json);;All files (*)"

# (attribute, dock object name, title, module, class, dock area)
PANELS = (
    (
        "neuron_panel",
        "neuron_dock",
        "Neuron",
        "actplay.ui.neuron.panel",
        "NeuronPanel",
        Qt.DockWidgetArea.LeftDockWidgetArea,
    ),
    (
        "network_panel",
        "network_dock",
        "Network",
        "actplay.ui.network.panel",
        "NetworkPanel",
        Qt.DockWidgetArea.RightDockWidgetArea,
    ),
)


def _placeholder(title: str, error: Exception) -> QWidget:
    """Stands in for a panel that failed to import, so the rest of the window works."""
    label = QLabel(f"The {title.lower()} panel is not available.\n({error})")
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    label.setStyleSheet("color: #777")
    return label


class MainWindow(QMainWindow):
    """The actplay window.

    Parameters
    ----------
    model : Playground
        The state every view shows and edits.
    parent : QWidget, optional

    Attributes
    ----------
    model, scheduler, curve_pane, neuron_panel, network_panel, neuron_dock, network_dock
    """

    def __init__(self, model, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("main_window")
        self.setWindowTitle("actplay \u2014 activation playground")
        self.model = model
        self._settings: QSettings | None = None
        theme.apply_plot_defaults()
        self.scheduler = RedrawScheduler(model, self)

        from actplay.ui.curve.pane import CurvePane

        self.curve_pane = CurvePane(model, self)
        self.scheduler.register(self.curve_pane, CurvePane.SECTIONS)
        # The centre holds the curve pane (curve layout) or the network canvas (network layout).
        self.central_stack = QtWidgets.QStackedWidget(self)
        self.central_stack.setObjectName("central_stack")
        self.central_stack.addWidget(self.curve_pane)
        self.setCentralWidget(self.central_stack)

        self.setDockOptions(
            QMainWindow.DockOption.AnimatedDocks | QMainWindow.DockOption.AllowTabbedDocks
        )
        for attribute, dock_name, title, module, class_name, area in PANELS:
            panel = self._make_panel(title, module, class_name)
            dock = QDockWidget(title, self)
            dock.setObjectName(dock_name)
            dock.setFeatures(
                QDockWidget.DockWidgetFeature.DockWidgetMovable
                | QDockWidget.DockWidgetFeature.DockWidgetFloatable
                | QDockWidget.DockWidgetFeature.DockWidgetClosable
            )
            dock.setWidget(panel)
            self.addDockWidget(area, dock)
            setattr(self, attribute, panel)
            setattr(self, dock_name, dock)
        self.reset_dock_sizes()
        self.layouts = LayoutSwitcher(self, self.central_stack)

        self._build_menus()
        importlib.import_module("actplay.ui.export.dialog").install_export_actions(self)  # issue 8
        importlib.import_module("actplay.ui.training.dock").install_training_dock(self)  # issue 13
        self.statusBar().setObjectName("status_bar")
        self.statusBar().showMessage("Drag a slider: every curve and number follows.", STATUS_MS)
        self.resize(*DEFAULT_SIZE)

    def _make_panel(self, title: str, module_name: str, class_name: str) -> QWidget:
        try:
            panel_class = getattr(importlib.import_module(module_name), class_name)
        except (ImportError, AttributeError) as error:
            return _placeholder(title, error)
        panel = panel_class(self.model, self)
        self.scheduler.register(panel, panel_class.SECTIONS)
        return panel

    @property
    def training_panel(self):
        """The training dock's panel, built on first use (its dock starts behind the network's)."""
        return importlib.import_module("actplay.ui.training.dock").build_training_panel(self)

    # -- menus --------------------------------------------------------------------------
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self.file_menu = file_menu
        install_undo(self)  # issue 10: undo stack + Edit menu, before the file actions use it
        install_file_actions(self, file_menu)  # New/Open/Recent/Examples/Save/Save As
        self._install_export_actions()  # Export / Copy image, from actplay.ui.export.dialog
        file_menu.addSeparator()
        self._add_action(
            file_menu, "&Quit", self.close, QKeySequence.StandardKey.Quit, "quit_action"
        )

        presets_menu = self.menuBar().addMenu("&Presets")
        presets_menu.setObjectName("presets_menu")
        try:
            from actplay.model import presets
        except ImportError:
            presets = None
        for name, title in presets.PRESETS.items() if presets else ():
            self._add_action(
                presets_menu,
                title,
                lambda _=False, name=name: self.apply_preset(name),
                None,
                f"preset_{name}_action",
            )

        self.view_menu = self.menuBar().addMenu("&View")
        self.view_menu.setObjectName("view_menu")
        for dock in (self.neuron_dock, self.network_dock):
            action = dock.toggleViewAction()
            action.setObjectName(f"{dock.objectName()}_toggle")
            self.view_menu.addAction(action)
        self.view_menu.addSeparator()
        for action in self.layouts.actions.values():
            self.view_menu.addAction(action)
        self.menuBar().setCornerWidget(self.layouts.corner, Qt.Corner.TopRightCorner)
        self._add_action(
            self.view_menu, "&Reset layout", self.reset_layout, None, "reset_layout_action"
        )
        preferences.install_theme_menu(self, self.view_menu)

        help_menu = self.menuBar().addMenu("&Help")
        help_menu.setObjectName("help_menu")
        self.help_menu = help_menu
        install_help_actions(self, help_menu)  # issue 10: help dialogs, shortcuts, palette

    def _install_export_actions(self) -> None:
        try:
            from actplay.ui.export.dialog import install_export_actions
        except ImportError:  # a build without the export dialog: the window works without it
            return
        install_export_actions(self)

    def _add_action(self, menu, text, slot, shortcut, name) -> QAction:
        return add_menu_action(self, menu, text, slot, shortcut, name)

    # -- actions --------------------------------------------------------------------------
    def show_status(self, message: str) -> None:
        """Show a message in the status bar for a few seconds."""
        self.statusBar().showMessage(message, STATUS_MS)

    def apply_preset(self, name: str) -> None:
        """Load preset ``name`` into the model (one event, every view repaints once)."""
        from actplay.model import presets

        with self.undo_recorder.step(f"Preset {presets.PRESETS[name]}"):
            presets.apply(self.model, name)
        self.show_status(f"Preset: {presets.PRESETS[name]}")

    def open_session(self, path: str) -> None:
        """Replace the state with a session file's (raises SessionError, state unchanged)."""
        self.file_actions.open_path(path)

    def save_session(self, path: str) -> None:
        """Write the state to a session file (raises OSError)."""
        self.file_actions.save_to(path)

    def open_session_dialog(self) -> None:
        self.file_actions.open_dialog()

    def save_session_dialog(self) -> None:
        self.file_actions.save_as()

    def reset_layout(self) -> None:
        """Docks of the layout shown back to their first-start places and sizes, all visible."""
        self.layouts.reset()

    def reset_dock_sizes(self) -> None:
        """The neuron and network docks at their first-start widths."""
        self.resizeDocks(
            [self.neuron_dock, self.network_dock],
            [DOCK_WIDTHS["neuron_dock"], DOCK_WIDTHS["network_dock"]],
            Qt.Orientation.Horizontal,
        )

    # -- settings (only when main() asks) ------------------------------------------------
    def use_settings(self, settings: QSettings) -> None:
        """Restore geometry and dock layout from ``settings`` and save them there on close."""
        self._settings = settings
        geometry = settings.value("window/geometry")
        # the curve layout's docks (saved as "window/state" before there were two layouts)
        state = settings.value("window/state_curve") or settings.value("window/state")
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state, LAYOUT_VERSION)
        self.layouts.restore(settings)  # the layout last shown, with its docks
        preferences.restore_preferences(self, settings)  # theme, last function/range, recent

    def save_settings(self) -> None:
        """Write geometry and dock layout to the settings given to `use_settings`."""
        if self._settings is None:
            return
        self._settings.setValue("window/geometry", self.saveGeometry())
        self.layouts.save(self._settings)
        preferences.save_preferences(self, self._settings)
        self._settings.sync()

    def closeEvent(self, event) -> None:
        if not self.file_actions.confirm_close():  # unsaved changes: the user said Cancel
            event.ignore()
            return
        self.save_settings()
        if getattr(self, "autosaver", None) is not None:
            self.autosaver.discard()  # a clean exit leaves no autosave behind
        self.scheduler.stop()
        super().closeEvent(event)
