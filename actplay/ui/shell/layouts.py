"""Two arrangements of one window: the curve layout and the network layout.

The **curve layout** has the curve pane in the centre, the neuron builder and
the network panel (its canvas on top) in docks. The **network layout** puts
the network canvas in the centre, inside the training workspace when there is
one; the left dock then holds the neuron builder, the curve pane and the
network panel's details (its tabs, without the canvas) as three tabs, and the
network and training docks are hidden. There View > Network brings the
Network tab forward: the network dock beside the centre would be a strip about
115 px wide at 1024x640, too narrow to read an input slider or the output.
One click (the switch in the menu bar's corner, View > Layout, Ctrl+1 /
Ctrl+2) goes from one to the other; each layout remembers which docks it
shows, and the window remembers which layout was last used (in settings, when
`main()` hands the window its QSettings).

Widgets move between places; none is built twice, so the scheduler keeps
refreshing the same views wherever they are. The docks themselves never move
between dock areas or tab groups: Qt leaves stale tab bars on screen when they
do (it did, over the canvas).
"""

from __future__ import annotations

from PySide6 import QtCore, QtGui, QtWidgets

from actplay.ui.i18n import translate

CURVE, NETWORK = "curve", "network"
LAYOUTS = (CURVE, NETWORK)
TITLES = {CURVE: translate("shell", "Curves"), NETWORK: translate("shell", "Network")}
SHORTCUTS = {CURVE: "Ctrl+1", NETWORK: "Ctrl+2"}
DOCK_WIDTH = 340  # px of the left dock beside the network layout's centre
LEFT_TITLES = {
    CURVE: translate("shell", "Neuron"),
    NETWORK: translate("shell", "Neuron, curves and network"),
}


class LayoutSwitcher(QtCore.QObject):
    """Moves the window's parts between the two layouts.

    Parameters
    ----------
    window : MainWindow
        With ``curve_pane``, ``neuron_panel``, ``network_panel``, ``neuron_dock`` and
        ``network_dock``.
    stack : QStackedWidget
        The window's central widget; page 0 holds the curve pane.

    Signals
    -------
    changed(str)
        The layout now shown.
    """

    changed = QtCore.Signal(str)

    def __init__(self, window, stack: QtWidgets.QStackedWidget) -> None:
        super().__init__(window)
        self.setObjectName("layout_switcher")
        self._window = window
        self._stack = stack
        self.current = CURVE
        self._shown: dict[str, set[str]] = {}  # which docks each layout shows
        self._widths: dict[str, dict[str, int]] = {}  # and how wide they were
        self._policies: dict[int, QtWidgets.QSizePolicy] = {}  # pages set aside: their policy
        self.centre = QtWidgets.QWidget()
        self.centre.setObjectName("network_layout_centre")
        self._centre_layout = QtWidgets.QVBoxLayout(self.centre)
        self._centre_layout.setContentsMargins(0, 0, 0, 0)
        stack.addWidget(self.centre)
        self._show_page(stack.currentWidget())
        self.left_tabs: QtWidgets.QTabWidget | None = None  # the network layout's left dock
        self.actions: dict[str, QtGui.QAction] = {}
        group = QtGui.QActionGroup(self)
        for name in LAYOUTS:
            action = QtGui.QAction(
                translate("shell", "{layout} layout").format(layout=TITLES[name]), window
            )
            action.setObjectName(f"layout_{name}_action")
            action.setIconText(TITLES[name])
            action.setCheckable(True)
            action.setShortcut(QtGui.QKeySequence(SHORTCUTS[name]))
            action.setToolTip(
                translate("shell", "The curve pane in the centre")
                if name == CURVE
                else translate("shell", "The network canvas in the centre, with training around it")
            )
            action.triggered.connect(lambda _checked=False, name=name: self.show_layout(name))
            group.addAction(action)
            self.actions[name] = action
        self.actions[CURVE].setChecked(True)
        self.corner = self._corner_switch()
        self._left_current: QtWidgets.QWidget | None = None  # the left tab last in front
        self._tab_before_network: QtWidgets.QWidget | None = None  # unchecking View > Network
        self._switching = False  # while parts move, tab changes are not the user's
        self.network_toggle = self._network_toggle()
        self.host = None  # a widget with set_centre_widget(w): the training workspace
        self.host_factory = None  # makes the host the first time the network layout shows

    def _corner_switch(self) -> QtWidgets.QWidget:
        """Two buttons for the menu bar's corner: one click to either layout."""
        box = QtWidgets.QWidget()
        box.setObjectName("layout_switch")
        row = QtWidgets.QHBoxLayout(box)
        row.setContentsMargins(0, 0, 6, 0)
        row.setSpacing(0)
        for name in LAYOUTS:
            button = QtWidgets.QToolButton(box)
            button.setObjectName(f"layout_{name}_button")
            button.setDefaultAction(self.actions[name])
            button.setAccessibleName(
                translate("shell", "{layout} layout").format(layout=TITLES[name])
            )
            button.setAutoRaise(True)
            row.addWidget(button)
        return box

    def _network_toggle(self) -> QtGui.QAction:
        """View > Network: shows the network dock in the curve layout, brings the left
        dock's Network tab forward in the network layout (`show_network_details`)."""
        window = self._window
        dock_toggle = window.network_dock.toggleViewAction()
        action = QtGui.QAction(window.network_dock.windowTitle(), window)
        action.setObjectName("network_dock_toggle")
        action.setCheckable(True)
        action.setChecked(dock_toggle.isChecked())
        action.triggered.connect(self._on_network_toggle)
        dock_toggle.toggled.connect(self._sync_network_toggle)
        window.neuron_dock.toggleViewAction().toggled.connect(self._sync_network_toggle)
        window.network_dock.visibilityChanged.connect(self._on_network_dock_visibility)
        self.changed.connect(self._sync_network_toggle)
        return action

    def show_network_details(self) -> None:
        """Bring the network panel's details into view: the network dock (curve layout) or
        the left dock's Network tab, showing that dock if it was closed (network layout)."""
        window = self._window
        if self.current == CURVE:
            window.network_dock.show()
            window.network_dock.raise_()
            return
        window.neuron_dock.show()
        window.neuron_dock.raise_()
        self._left_tabs().setCurrentWidget(window.network_panel)

    def _on_network_toggle(self, checked: bool) -> None:
        if checked:
            self.show_network_details()
        elif self.current == CURVE:
            self._window.network_dock.close()
        else:  # the tab the user had in front before
            tabs = self._left_tabs()
            tabs.setCurrentWidget(self._tab_before_network or tabs.widget(0))
        self._sync_network_toggle()

    def _sync_network_toggle(self, *_args) -> None:
        window = self._window
        if self.current == CURVE:
            shown = window.network_dock.toggleViewAction().isChecked()
        else:
            shown = (
                window.neuron_dock.toggleViewAction().isChecked()
                and self._left_tabs().currentWidget() is window.network_panel
            )
        self.network_toggle.setChecked(shown)

    def _on_left_tab_changed(self, _index: int) -> None:
        if self._switching:
            return
        shown = self._left_tabs().currentWidget()
        if shown is not None and shown is not self._window.network_panel:
            self._tab_before_network = shown
        self._sync_network_toggle()

    def _on_network_dock_visibility(self, visible: bool) -> None:
        """In the network layout the network dock stays hidden (its panel is a left tab):
        whatever shows it (a lesson's ``show``, old settings) gets the tab instead."""
        if visible and self.current == NETWORK:
            QtCore.QTimer.singleShot(0, self._network_dock_to_tab)

    def _network_dock_to_tab(self) -> None:
        if self.current == NETWORK and self._window.network_dock.isVisible():
            self._window.network_dock.hide()
            self.show_network_details()

    # -- the two arrangements --------------------------------------------------------------
    def show_layout(self, name: str) -> None:
        """Switch to layout ``name`` (``"curve"`` or ``"network"``); no-op if shown."""
        if name not in LAYOUTS:
            raise ValueError(f"unknown layout {name!r}; use one of {', '.join(LAYOUTS)}")
        self.actions[name].setChecked(True)
        if name == self.current:
            return
        window = self._window
        self._shown[self.current] = self._visible_docks()
        self._widths[self.current] = self._dock_widths()
        window.setUpdatesEnabled(False)
        self._switching = True
        try:
            if name == NETWORK:
                self._hide_docks_before_network()
                self._to_network()
            else:
                self._to_curve()
            self.current = name
            shown = self._shown.get(name)
            if shown is None:
                self._default_docks(name)
            else:
                self._show_docks(shown)
                self._restore_widths(name)
        finally:
            self._switching = False
            window.setUpdatesEnabled(True)
        self.changed.emit(name)

    def _hide_docks_before_network(self) -> None:
        """Hide the docks the network layout does not show before its centre fills: beside
        the workspace they made the window's minimum wider than 1024 px, and a 1024-px
        window grew to ~1300 px (past a small screen's edge)."""
        window = self._window
        keep = self._shown.get(NETWORK, {window.neuron_dock.objectName()})
        for dock in self._docks():
            if dock is window.network_dock or dock.objectName() not in keep:
                dock.hide()

    def _to_network(self) -> None:
        window = self._window
        canvas_view = window.network_panel.take_canvas()
        if self.host is None and self.host_factory is not None:
            self.host = self.host_factory()
            self._centre_layout.addWidget(self.host)
        if self.host is not None:
            self.host.set_centre_widget(canvas_view)
            canvas_view.set_key_shown(False)  # the host shows the one colour key
        else:
            self._centre_layout.addWidget(canvas_view)
        canvas_view.show()
        tabs = self._left_tabs()
        tabs.addTab(window.neuron_panel, translate("shell", "Neuron"))
        tabs.addTab(
            window.curve_pane, translate("shell", "Curves")
        )  # out of the stack's first page
        # The panel's tabs (the canvas is in the centre) out of the network dock, which
        # stays hidden in this layout: a tab of the wide left dock reads without scrolling.
        tabs.addTab(window.network_panel, translate("shell", "Network"))
        window.network_panel.show()
        if self._left_current is not None:
            tabs.setCurrentWidget(self._left_current)
        window.neuron_dock.setWidget(tabs)
        tabs.show()
        window.neuron_dock.setWindowTitle(LEFT_TITLES[NETWORK])
        self._show_page(self.centre)

    def _to_curve(self) -> None:
        window = self._window
        self._left_current = self._left_tabs().currentWidget()
        self._stack.insertWidget(0, window.curve_pane)  # out of the tabs, back to page one
        window.curve_pane.show()
        self._show_page(window.curve_pane)
        window.neuron_dock.setWidget(window.neuron_panel)
        window.neuron_panel.show()
        window.network_dock.setWidget(window.network_panel)
        window.network_panel.show()
        self._left_tabs().hide()  # no longer the dock's widget, but still its child
        window.neuron_dock.setWindowTitle(LEFT_TITLES[CURVE])
        window.network_panel.return_canvas()
        window.network_panel.canvas_view.set_key_shown(True)

    def _left_tabs(self) -> QtWidgets.QTabWidget:
        """The network layout's left dock: the neuron builder and the curve pane as tabs."""
        if self.left_tabs is None:
            self.left_tabs = QtWidgets.QTabWidget()
            self.left_tabs.setObjectName("left_tabs")
            self.left_tabs.setDocumentMode(True)
            self.left_tabs.currentChanged.connect(self._on_left_tab_changed)
        return self.left_tabs

    def _show_page(self, page: QtWidgets.QWidget) -> None:
        """Show one page of the centre; the others stop counting in its minimum size
        (a stack is as wide as its widest page: the workspace, hidden behind the curve
        pane, held the curve layout ~400 px wider than it needs)."""
        ignored = QtWidgets.QSizePolicy.Policy.Ignored
        for index in range(self._stack.count()):
            other = self._stack.widget(index)
            if other is page:
                other.setSizePolicy(self._policies.pop(id(other), other.sizePolicy()))
            elif id(other) not in self._policies:
                self._policies[id(other)] = other.sizePolicy()
                other.setSizePolicy(ignored, ignored)
        self._stack.setCurrentWidget(page)

    def _default_docks(self, name: str) -> None:
        """Which docks show the first time a layout is shown (they never move)."""
        window = self._window
        training = getattr(window, "training_dock", None)
        for dock in self._docks():
            dock.setFloating(False)
        if name == NETWORK:
            window.neuron_dock.show()
            window.network_dock.hide()  # the canvas is in the centre, its tabs on the left
            if training is not None:
                training.hide()  # the workspace trains
            window.resizeDocks([window.neuron_dock], [DOCK_WIDTH], QtCore.Qt.Orientation.Horizontal)
        else:
            window.neuron_dock.show()
            window.network_dock.show()
            if training is not None:
                training.show()
            window.network_dock.raise_()
            window.reset_dock_sizes()

    def reset(self) -> None:
        """The shown layout's docks back to their first-start places, all visible."""
        self._default_docks(self.current)

    def _visible_docks(self) -> set[str]:
        return {dock.objectName() for dock in self._docks() if dock.isVisible()}

    def _restore_widths(self, name: str) -> None:
        """The docks as wide as the user left them in this layout (once the window has
        laid the shown docks out: before that Qt ignores the request)."""
        widths = self._widths.get(name, {})
        window = self._window

        def apply() -> None:
            docks = [d for d in self._docks() if d.isVisible() and d.objectName() in widths]
            if docks and self.current == name:
                window.resizeDocks(
                    docks, [widths[d.objectName()] for d in docks], QtCore.Qt.Orientation.Horizontal
                )

        apply()
        QtCore.QTimer.singleShot(0, apply)

    def _dock_widths(self) -> dict[str, int]:
        """Widths of the docks on screen (a dock behind another's tab has a stale width)."""
        return {
            d.objectName(): d.width()
            for d in self._docks()
            if d.isVisible() and not d.visibleRegion().isEmpty()
        }

    def _show_docks(self, names: set[str]) -> None:
        if self.current == NETWORK:  # its panel is a left tab there (saved by older versions)
            names = names - {self._window.network_dock.objectName()}
        for dock in self._docks():
            dock.setVisible(dock.objectName() in names)

    def _docks(self) -> list[QtWidgets.QDockWidget]:
        window = self._window
        training = getattr(window, "training_dock", None)
        return [window.neuron_dock, window.network_dock] + ([training] if training else [])

    # -- settings ----------------------------------------------------------------------------
    def save(self, settings: QtCore.QSettings) -> None:
        """Remember the layout shown and which docks each layout shows."""
        self._shown[self.current] = self._visible_docks()
        settings.setValue("window/layout", self.current)
        for name, shown in self._shown.items():
            settings.setValue(f"window/docks_{name}", ",".join(sorted(shown)) or "-")

    def restore(self, settings: QtCore.QSettings) -> None:
        """Show the layout last used, with the docks it showed."""
        known = {dock.objectName() for dock in self._docks()}
        for name in LAYOUTS:
            value = settings.value(f"window/docks_{name}")
            if isinstance(value, str):
                self._shown[name] = {part for part in value.split(",") if part in known}
        wanted = settings.value("window/layout", CURVE)
        if wanted in LAYOUTS and wanted != self.current:
            self.show_layout(wanted)
