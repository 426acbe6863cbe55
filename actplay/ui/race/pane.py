"""The race pane: set up a race, run it, and watch which activation learns.

Left, the setup (data, hidden layers, contestants, shared training); on top,
the preset's question and the run controls; then the overlaid loss curves and
the gradient flow, a decision map per contestant with its dead and saturated
units, and the results table. The pane reads the model on ``refresh`` (the
redraw scheduler calls it for ``race`` events) and writes through the race's
setters. While the race runs, the curves and the table follow every published
tick; the maps and the gradient flow, which cost a forward pass over the plane
and a full-batch gradient per contestant (costly for deep networks:
benchmarks/RESULTS.md, Activation race), take turns: one contestant every
``DETAIL_MS``. Paused or finished, all at once.
"""

from __future__ import annotations

import time

from PySide6 import QtCore, QtWidgets

from actplay.ui.race.controls import RaceControls
from actplay.ui.race.curves import RaceCurves
from actplay.ui.race.driver import RaceDriver
from actplay.ui.race.figure import show_details
from actplay.ui.race.flow import GradientFlow
from actplay.ui.race.maps import RaceMaps
from actplay.ui.race.setup_form import SetupForm
from actplay.ui.race.table import ResultsTable

DETAIL_MS = 250  # while racing, one contestant's map and health every 250 ms, in turn
SETUP_WIDTH = 270  # px of the setup column at first show
SETUP_MIN_WIDTH = 230  # px: a contestant's picker and one parameter still fit


class RacePane(QtWidgets.QWidget):
    """The race room's one view.

    Parameters
    ----------
    model : Playground
    parent : QWidget, optional
    driver : object, optional
        Trains the race while it runs: anything with ``sync()`` (default: a
        :class:`~actplay.ui.race.driver.RaceDriver`).
    """

    SECTIONS = frozenset({"race"})

    def __init__(self, model, parent=None, driver=None) -> None:
        super().__init__(parent)
        self.setObjectName("race_pane")
        self.model = model
        self.driver = driver if driver is not None else RaceDriver(model, self)
        self.controls = RaceControls(model)
        self.setup = SetupForm(model)
        self.curves = RaceCurves()
        self.flow = GradientFlow()
        self.maps = RaceMaps()
        self.table = ResultsTable()
        self.controls.view_changed.connect(self._on_view_changed)
        # After the controls' own handler has told the model: ticks start with the click.
        self.controls.play.toggled.connect(lambda _on: self.driver.sync())

        setup_scroll = QtWidgets.QScrollArea()
        setup_scroll.setObjectName("race_setup_scroll")
        setup_scroll.setWidget(self.setup)
        setup_scroll.setWidgetResizable(True)
        setup_scroll.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
        setup_scroll.setHorizontalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        setup_scroll.setMinimumWidth(SETUP_MIN_WIDTH)
        plots = QtWidgets.QSplitter(QtCore.Qt.Orientation.Horizontal)
        plots.addWidget(self.curves)
        plots.addWidget(self.flow)
        plots.setStretchFactor(0, 3)
        plots.setStretchFactor(1, 1)
        results = QtWidgets.QSplitter(QtCore.Qt.Orientation.Vertical)
        results.setObjectName("race_results_splitter")
        for widget, stretch in ((plots, 4), (self.maps, 3), (self.table, 3)):
            results.addWidget(widget)
            results.setStretchFactor(results.indexOf(widget), stretch)
        results.setChildrenCollapsible(False)
        self.maps.setMinimumHeight(110)
        self.table.setMinimumHeight(80)
        body = QtWidgets.QSplitter(QtCore.Qt.Orientation.Horizontal)
        body.setObjectName("race_body_splitter")
        body.addWidget(setup_scroll)
        body.addWidget(results)
        body.setStretchFactor(1, 1)
        body.setSizes([SETUP_WIDTH, 1000])
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.controls)
        layout.addWidget(body, 1)
        self._settings_version = None
        self._last_detail = 0.0
        self._next_detail = -1  # the contestant whose details were refreshed last
        self._gradients: list = []
        self.refresh(self.SECTIONS)

    # -- model -> view ------------------------------------------------------------------
    def refresh(self, sections) -> None:
        """Repaint for ``sections`` (only ``race`` matters here)."""
        if "race" not in sections:
            return
        race = self.model.race
        if race.settings_version != self._settings_version:
            self._settings_version = race.settings_version
            self.controls.refresh()
            self.setup.refresh()
        else:
            self.controls.refresh_run()
        record = race.record()
        self.curves.set_antialias(not race.running)
        self.curves.set_steady(race.running)
        self.curves.set_record(record)
        settings = race.settings
        self.table.set_rows(race.table(), settings["target"])
        now = time.perf_counter()
        if not race.running:
            self._refresh_details(range(len(race.labels())))
        elif now - self._last_detail >= DETAIL_MS / 1000.0:
            self._last_detail = now
            count = len(race.labels())
            self._next_detail = (self._next_detail + 1) % count
            self._refresh_details([self._next_detail])
        self.driver.sync()

    def _refresh_details(self, contestants) -> None:
        """Decision maps and captions of ``contestants``, and the gradient flow."""
        self._gradients = show_details(
            self.model.race, self.maps.maps, self.flow.plot, contestants, self._gradients
        )

    def _on_view_changed(self, kind: str, log_y: bool) -> None:
        self.curves.set_kind(kind)
        self.curves.set_log_y(log_y)
