"""Two arrangements of one window: the curve layout and the network layout.

The **curve layout** has the curve pane in the centre, the neuron builder and
the network panel (its canvas on top) in docks. The **network layout** puts
the network canvas in the centre, inside the training workspace when there is
one, and docks the curve pane, the neuron builder and the network details
smaller, tabbed on the right. One click (the switch in the menu bar's corner,
View > Layout, Ctrl+1 / Ctrl+2) goes from one to the other; each layout
remembers where the user put its docks, and the window remembers which layout
was last used (in settings, when `main()` hands the window its QSettings).

Widgets move between places; none is built twice, so the scheduler keeps
refreshing the same views wherever they are.
"""

from __future__ import annotations

from PySide6 import QtCore, QtGui, QtWidgets

CURVE, NETWORK = "curve", "network"
LAYOUTS = (CURVE, NETWORK)
TITLES = {CURVE: "Curves", NETWORK: "Network"}
SHORTCUTS = {CURVE: "Ctrl+1", NETWORK: "Ctrl+2"}
DOCK_WIDTH = 340  # px of the tabbed docks beside the network layout's centre
CURVE_DOCK = "curve_dock"
STATE_VERSION = 1  # as MainWindow's LAYOUT_VERSION: saved arrangements with another are ignored


class LayoutSwitcher(QtCore.QObject):
    """Moves the window's parts between the two layouts.

    Parameters
    ----------
    window : MainWindow
        With ``curve_pane``, ``network_panel``, ``neuron_dock`` and ``network_dock``.
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
        self._states: dict[str, QtCore.QByteArray] = {}
        self.centre = QtWidgets.QWidget()
        self.centre.setObjectName("network_layout_centre")
        self._centre_layout = QtWidgets.QVBoxLayout(self.centre)
        self._centre_layout.setContentsMargins(0, 0, 0, 0)
        stack.addWidget(self.centre)
        self._curve_dock: QtWidgets.QDockWidget | None = None
        self.actions: dict[str, QtGui.QAction] = {}
        group = QtGui.QActionGroup(self)
        for name in LAYOUTS:
            action = QtGui.QAction(f"{TITLES[name]} layout", window)
            action.setObjectName(f"layout_{name}_action")
            action.setIconText(TITLES[name])
            action.setCheckable(True)
            action.setShortcut(QtGui.QKeySequence(SHORTCUTS[name]))
            action.setToolTip(
                "The curve pane in the centre"
                if name == CURVE
                else "The network canvas in the centre, with training around it"
            )
            action.triggered.connect(lambda _checked=False, name=name: self.show_layout(name))
            group.addAction(action)
            self.actions[name] = action
        self.actions[CURVE].setChecked(True)
        self.corner = self._corner_switch()
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
            button.setAccessibleName(f"{TITLES[name]} layout")
            button.setAutoRaise(True)
            row.addWidget(button)
        return box

    # -- the two arrangements --------------------------------------------------------------
    def show_layout(self, name: str) -> None:
        """Switch to layout ``name`` (``"curve"`` or ``"network"``); no-op if shown."""
        if name not in LAYOUTS:
            raise ValueError(f"unknown layout {name!r}; use one of {', '.join(LAYOUTS)}")
        self.actions[name].setChecked(True)
        if name == self.current:
            return
        window = self._window
        self._states[self.current] = window.saveState(STATE_VERSION)
        window.setUpdatesEnabled(False)
        try:
            if name == NETWORK:
                self._to_network()
            else:
                self._to_curve()
            self.current = name
            saved = self._states.get(name)
            if saved is None or not window.restoreState(saved, STATE_VERSION):
                self._default_docks(name)
        finally:
            window.setUpdatesEnabled(True)
        self.changed.emit(name)

    def _to_network(self) -> None:
        window = self._window
        canvas_view = window.network_panel.take_canvas()
        if self.host is None and self.host_factory is not None:
            self.host = self.host_factory()
        if self.host is not None:
            self.host.set_centre_widget(canvas_view)
            canvas_view.set_key_shown(False)  # the host shows the one colour key
        else:
            self._centre_layout.addWidget(canvas_view)
        canvas_view.show()
        dock = self.curve_dock()
        dock.setWidget(window.curve_pane)  # out of the stack's first page
        dock.show()
        self._stack.setCurrentWidget(self.centre)

    def _to_curve(self) -> None:
        window = self._window
        dock = self.curve_dock()
        pane = window.curve_pane
        self._stack.insertWidget(0, pane)  # out of the dock, back to the stack's first page
        self._stack.setCurrentWidget(pane)
        dock.hide()
        window.network_panel.return_canvas()
        window.network_panel.canvas_view.set_key_shown(True)

    def curve_dock(self) -> QtWidgets.QDockWidget:
        """The dock that holds the curve pane in the network layout (made on first use)."""
        if self._curve_dock is None:
            window = self._window
            dock = QtWidgets.QDockWidget("Curves", window)
            dock.setObjectName(CURVE_DOCK)
            dock.setFeatures(
                QtWidgets.QDockWidget.DockWidgetFeature.DockWidgetMovable
                | QtWidgets.QDockWidget.DockWidgetFeature.DockWidgetFloatable
                | QtWidgets.QDockWidget.DockWidgetFeature.DockWidgetClosable
            )
            window.addDockWidget(QtCore.Qt.DockWidgetArea.RightDockWidgetArea, dock)
            dock.hide()
            self._curve_dock = dock
        return self._curve_dock

    def _default_docks(self, name: str) -> None:
        """Where the docks go the first time a layout is shown."""
        window = self._window
        right = QtCore.Qt.DockWidgetArea.RightDockWidgetArea
        left = QtCore.Qt.DockWidgetArea.LeftDockWidgetArea
        training = getattr(window, "training_dock", None)
        if name == NETWORK:
            docks = [window.neuron_dock, self.curve_dock(), window.network_dock]
            for dock in docks:
                dock.setFloating(False)
                window.addDockWidget(right, dock)
                dock.show()
            for dock in docks[1:]:
                window.tabifyDockWidget(docks[0], dock)
            if training is not None:
                window.tabifyDockWidget(docks[0], training)
            docks[0].raise_()
            window.resizeDocks([docks[0]], [DOCK_WIDTH], QtCore.Qt.Orientation.Horizontal)
        else:
            window.addDockWidget(left, window.neuron_dock)
            window.addDockWidget(right, window.network_dock)
            if training is not None:
                window.tabifyDockWidget(window.network_dock, training)
            for dock in (window.neuron_dock, window.network_dock):
                dock.setFloating(False)
                dock.show()
            window.network_dock.raise_()
            window.reset_dock_sizes()

    def reset(self) -> None:
        """The shown layout's docks back to their first-start places, all visible."""
        self._default_docks(self.current)

    # -- settings ----------------------------------------------------------------------------
    def save(self, settings: QtCore.QSettings) -> None:
        """Remember the layout shown and each layout's dock arrangement."""
        self._states[self.current] = self._window.saveState(STATE_VERSION)
        settings.setValue("window/layout", self.current)
        for name, state in self._states.items():
            settings.setValue(f"window/state_{name}", state)

    def restore(self, settings: QtCore.QSettings) -> None:
        """Show the layout last used, with its docks where the user left them."""
        for name in LAYOUTS:
            state = settings.value(f"window/state_{name}")
            if isinstance(state, QtCore.QByteArray):
                self._states[name] = state
        wanted = settings.value("window/layout", CURVE)
        if wanted in LAYOUTS and wanted != self.current:
            self.show_layout(wanted)
