"""The main window: the curve pane in the centre, the neuron and network panels in docks.

The window owns the model (a `Playground`) and the `RedrawScheduler` that
turns model events into repaints of every registered view. It restores and
saves its layout only when `main()` hands it a QSettings object
(`use_settings`), so a window built by `create_window()` is always the same.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow, QStackedWidget, QWidget

from actplay.model import presets
from actplay.ui import lessons, theme, training
from actplay.ui.curve import CurvePane
from actplay.ui.export.actions import make_export_actions
from actplay.ui.i18n import translate
from actplay.ui.network import NetworkPanel
from actplay.ui.neuron import NeuronPanel
from actplay.ui.race import window as race_room
from actplay.ui.scheduler import RedrawScheduler
from actplay.ui.shell import command_palette, help_dialogs, preferences, undo
from actplay.ui.shell.file_actions import FileActions
from actplay.ui.shell.layouts import LayoutSwitcher
from actplay.ui.shell.menu_actions import fill_menu, menu_action

LAYOUT_VERSION = 2  # bump when docks are added or renamed: old saved layouts are then ignored
DEFAULT_SIZE = (1400, 900)
STATUS_MS = 5000  # how long a status message stays
# Shares of the window's width the docks take at first start (330 and 420 px at 1400):
# a 1024-px window gets a curve pane as wide as each dock, a 1920-px one slimmer docks.
DOCK_SHARES = {"neuron_dock": 0.235, "network_dock": 0.30}
DOCK_AREAS = {
    "neuron_dock": Qt.DockWidgetArea.LeftDockWidgetArea,
    "network_dock": Qt.DockWidgetArea.RightDockWidgetArea,
}


class MainWindow(QMainWindow):
    """The actplay window.

    It builds every part itself: the views, their docks, the menus, and asks
    each window feature (session files, undo, export, help, the theme, the
    training dock, the lessons) for its actions or dock, which it puts in place.

    Parameters
    ----------
    model : Playground
        The state every view shows and edits.
    parent : QWidget, optional

    Attributes
    ----------
    model, scheduler, curve_pane, neuron_panel, network_panel, neuron_dock, network_dock,
    training_dock, undo_stack, undo_recorder, undo_action, redo_action, file_actions,
    file_menu, edit_menu, view_menu, help_menu,
    export_actions, theme_actions, theme_mode, command_palette, settings, autosaver
    """

    def __init__(self, model, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("main_window")
        self.setWindowTitle(translate("shell", "actplay \u2014 activation playground"))
        self.model = model
        self.settings: QSettings | None = None  # only main() hands the window its settings
        self._docks_placed = False  # True once shown or restored from settings
        self.autosaver = None  # only main() autosaves (`set_autosaver`)
        self.command_palette = None  # the last palette opened
        # Parts built on first use (the workers, the training workspace, the race window,
        # the lessons dock): their builders register them here through `part`.
        self._parts: dict[str, object] = {}
        self.theme_mode = preferences.DEFAULT_THEME
        theme.apply_plot_defaults()
        self.scheduler = RedrawScheduler(model, self)
        self.undo_stack, self.undo_recorder = undo.make_undo_stack(model, self)

        self.curve_pane = self._add_view(CurvePane(model, self))
        # The centre holds the curve pane (curve layout) or the network canvas (network layout).
        self.central_stack = QStackedWidget(self)
        self.central_stack.setObjectName("central_stack")
        self.central_stack.addWidget(self.curve_pane)
        self.setCentralWidget(self.central_stack)
        self.setDockOptions(
            QMainWindow.DockOption.AnimatedDocks | QMainWindow.DockOption.AllowTabbedDocks
        )
        self.neuron_panel = self._add_view(NeuronPanel(model, self))
        self.neuron_dock = self._add_dock(
            "neuron_dock", translate("shell", "Neuron"), self.neuron_panel
        )
        self.network_panel = self._add_view(NetworkPanel(model, self))
        self.network_dock = self._add_dock(
            "network_dock", translate("shell", "Network"), self.network_panel
        )
        self.reset_dock_sizes()
        # Tabbed behind the network dock, empty until it first shows.
        self.training_dock = training.make_training_dock(self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.training_dock)
        self.tabifyDockWidget(self.network_dock, self.training_dock)
        self.network_dock.raise_()
        self._training_panel = None
        # A tabbed dock reports visibilityChanged(True) when its tab becomes the current one.
        self.training_dock.visibilityChanged.connect(self._on_training_dock_visibility_changed)
        self.layouts = LayoutSwitcher(self, self.central_stack)
        # The network layout's centre: the training workspace around the canvas, built
        # the first time that layout shows (the first frame does not pay for it).
        self.layouts.host_factory = lambda: training.install_training_workspace(self)

        self.file_actions = FileActions(self)
        self.export_actions = make_export_actions(self)
        self.theme_actions = preferences.theme_actions(self)
        # "Follow system" follows a switch made while the window is open, too.
        QApplication.styleHints().colorSchemeChanged.connect(self._on_system_colour_scheme)
        self._build_menus()
        self.statusBar().setObjectName("status_bar")
        self.statusBar().showMessage(
            translate("shell", "Drag a slider: every curve and number follows."), STATUS_MS
        )
        self.resize(*DEFAULT_SIZE)

    def _add_view(self, view):
        """Let the scheduler repaint ``view`` when its model sections change."""
        self.scheduler.register(view, view.SECTIONS)
        return view

    def _add_dock(self, name: str, title: str, panel: QWidget) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )
        dock.setWidget(panel)
        self.addDockWidget(DOCK_AREAS[name], dock)
        return dock

    def reset_dock_sizes(self) -> None:
        """The neuron and network docks at their first-start shares of the window's width."""
        width = self.width()
        self.resizeDocks(
            [self.neuron_dock, self.network_dock],
            [round(DOCK_SHARES["neuron_dock"] * width), round(DOCK_SHARES["network_dock"] * width)],
            Qt.Orientation.Horizontal,
        )

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        # The docks take their shares of the size the window is first shown at (a
        # --screenshot --size, a small laptop), unless saved settings placed them.
        if not self._docks_placed:
            self._docks_placed = True
            self.layout().activate()
            self.reset_dock_sizes()
        theme.set_pen_scale(self.devicePixelRatioF(), self)
        super().showEvent(event)

    def event(self, event) -> bool:
        # Moved to a screen of another scale (or the scale changed): plot pens follow.
        if event.type() == QEvent.Type.DevicePixelRatioChange:
            theme.set_pen_scale(self.devicePixelRatioF(), self)
        return super().event(event)

    def part(self, name: str, build):
        """The window's part ``name``, made by ``build()`` the first time it is asked for.

        Features built later than the window (a worker process, the network layout's
        workspace, the race window, the lessons dock) are kept here, so the window holds
        every part it has and nothing is attached to it from outside.
        """
        made = self._parts.get(name)
        if made is None:
            made = self._parts[name] = build()
        return made

    @property
    def training_worker(self):
        """Play's worker process link, or None before training was first shown."""
        return self._parts.get("training_worker")

    @property
    def race_worker(self):
        """The race's worker, or None before the race window first opened."""
        return self._parts.get("race_worker")

    @property
    def training_workspace(self):
        """The network layout's training workspace, or None before that layout showed."""
        return self._parts.get("training_workspace")

    @property
    def race_window(self):
        """The race window, or None before View > Activation race first opened it."""
        return self._parts.get("race_window")

    @property
    def lessons_dock(self):
        """The lessons dock, or None before a lesson first opened."""
        panel = self._parts.get("lessons_panel")
        return None if panel is None else panel.parentWidget()

    @property
    def training_panel(self):
        """The training dock's panel, built on first use (its dock starts behind the network's)."""
        if self._training_panel is None:
            self._training_panel = training.build_training_panel(self)
        return self._training_panel

    def _on_training_dock_visibility_changed(self, visible: bool) -> None:
        if visible:
            self.training_panel  # noqa: B018 (built on first access)

    # -- menus --------------------------------------------------------------------------
    def _build_menus(self) -> None:
        menu_bar = self.menuBar()
        self.file_menu = menu_bar.addMenu(translate("shell", "&File"))
        self.file_menu.setObjectName("file_menu")
        fill_menu(self.file_menu, self.file_actions.menu_entries())
        fill_menu(
            self.file_menu,
            [
                None,
                self.export_actions["export"],
                self.export_actions["import_torch"],
                self.export_actions["copy"],
            ],
        )
        self.addAction(self.export_actions["export"])  # works even with the menu bar hidden
        self.file_menu.addSeparator()
        self.file_menu.addAction(
            menu_action(
                self,
                translate("shell", "&Quit"),
                self.close,
                QKeySequence.StandardKey.Quit,
                "quit_action",
            )
        )

        self.edit_menu = menu_bar.addMenu(translate("shell", "&Edit"))
        self.edit_menu.setObjectName("edit_menu")
        self.undo_action, self.redo_action = undo.undo_redo_actions(self.undo_stack, self)
        palette = command_palette.palette_action(self, self.open_command_palette)
        fill_menu(self.edit_menu, [self.undo_action, self.redo_action, None, palette])

        presets_menu = menu_bar.addMenu(translate("shell", "&Presets"))
        presets_menu.setObjectName("presets_menu")
        for name, title in presets.PRESETS.items():
            presets_menu.addAction(
                menu_action(
                    self,
                    title,
                    lambda _=False, name=name: self.apply_preset(name),
                    None,
                    f"preset_{name}_action",
                )
            )

        self.view_menu = menu_bar.addMenu(translate("shell", "&View"))
        self.view_menu.setObjectName("view_menu")
        for dock in (self.neuron_dock, self.network_dock, self.training_dock):
            if dock is self.network_dock:  # a left tab in the network layout: the switcher's
                self.view_menu.addAction(self.layouts.network_toggle)
                continue
            action = dock.toggleViewAction()
            action.setObjectName(f"{dock.objectName()}_toggle")
            self.view_menu.addAction(action)
        self.view_menu.addAction(race_room.race_action(self))  # the race room's own window
        self.view_menu.addSeparator()
        fill_menu(self.view_menu, self.layouts.actions.values())
        menu_bar.setCornerWidget(self.layouts.corner, Qt.Corner.TopRightCorner)
        self.view_menu.addAction(
            menu_action(
                self,
                translate("shell", "&Reset layout"),
                self.reset_layout,
                None,
                "reset_layout_action",
            )
        )
        theme_menu = self.view_menu.addMenu(translate("shell", "&Theme"))
        theme_menu.setObjectName("theme_menu")
        fill_menu(theme_menu, self.theme_actions.values())

        self.help_menu = menu_bar.addMenu(translate("shell", "&Help"))
        self.help_menu.setObjectName("help_menu")
        fill_menu(self.help_menu, [*lessons.menu_entries(self), None])
        fill_menu(self.help_menu, help_dialogs.help_menu_entries(self))

    # -- actions --------------------------------------------------------------------------
    def show_status(self, message: str) -> None:
        """Show a message in the status bar for a few seconds."""
        self.statusBar().showMessage(message, STATUS_MS)

    def apply_preset(self, name: str) -> None:
        """Load preset ``name`` into the model (one event, every view repaints once)."""
        with self.undo_recorder.step(
            translate("shell", "Preset {preset}").format(preset=presets.PRESETS[name])
        ):
            presets.apply(self.model, name)
        self.show_status(
            translate("shell", "Preset: {preset}").format(preset=presets.PRESETS[name])
        )

    def reset_layout(self) -> None:
        """Docks of the layout shown back to their first-start places and sizes, all visible."""
        self.layouts.reset()

    def set_theme(self, mode: str) -> str:
        """Apply theme ``mode`` (``"light"``, ``"dark"`` or ``"system"``) to the application
        and every plot of the window; returns the effective theme, light or dark."""
        effective = theme.apply_theme(mode, self)
        self.scheduler.refresh_all()  # rich text (equation, help) picks its colours when painted
        self.theme_mode = mode
        self.theme_actions[mode].setChecked(True)
        return effective

    def _on_system_colour_scheme(self, _scheme=None) -> None:
        # The theme is the application's: only a window on screen answers (a closed one
        # may linger until collected).
        if self.theme_mode == "system" and self.isVisible():
            self.set_theme("system")

    def open_command_palette(self):
        """Show the command palette (Ctrl+K) and return it."""
        self.command_palette = command_palette.open_command_palette(self)
        return self.command_palette

    def set_autosaver(self, autosaver) -> None:
        """Keep ``autosaver`` (``main()`` only); a clean close discards its file."""
        self.autosaver = autosaver

    # -- settings (only when main() asks) ------------------------------------------------
    def use_settings(self, settings: QSettings) -> None:
        """Restore geometry and dock layout from ``settings`` and save them there on close."""
        self.settings = settings
        geometry = settings.value("window/geometry")
        state = settings.value("window/state")  # where the docks are (both layouts share it)
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None and self.restoreState(state, LAYOUT_VERSION):
            self._docks_placed = True
        self.layouts.restore(settings)  # the layout last shown, with its docks
        preferences.restore_preferences(self, settings)  # theme, last function/range, recent

    def save_settings(self) -> None:
        """Write geometry and dock layout to the settings given to `use_settings`."""
        if self.settings is None:
            return
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState(LAYOUT_VERSION))
        self.layouts.save(self.settings)
        preferences.save_preferences(self, self.settings)
        self.settings.sync()

    def closeEvent(self, event) -> None:
        if not self.file_actions.confirm_close():  # unsaved changes: the user said Cancel
            event.ignore()
            return
        self.save_settings()
        if self.autosaver is not None:
            self.autosaver.discard()  # a clean exit leaves no autosave behind
        self.scheduler.stop()
        super().closeEvent(event)
