"""What trains the race while Play is on: its worker process, or time slices here.

`RaceDriver` runs a ``QTimer`` while ``model.race.running``. With a worker
attached to the race (the race window attaches one), the race trains in the
worker's process and each tick, every ``COLLECT_MS``, takes in what it
recorded (``race.collect``): the GUI thread only receives and draws. Without
one (the worker could not start, or it ended), each zero-interval tick trains
for at most ``TICK_MS`` (``BUSY_TICK_MS`` while the user is changing something)
here and returns to the event loop. Either way a tick publishes (one ``race``
event, one repaint of the race pane) only ``PUBLISH_MS`` after the last one and
``USER_QUIET_MS`` after the last change the user made. The pane talks to the
driver through ``sync()`` alone.
"""

from __future__ import annotations

import time

from PySide6 import QtCore

from actplay.ui.binding import apply_command

COLLECT_MS = 100  # a race in the worker reaches the pane ~10 times a second
TICK_MS = 4  # without a worker, training per tick: what a slider change may wait for
BUSY_TICK_MS = 1  # ... and while the user is changing something (one lane's chunk, ~1-2 ms)
PUBLISH_MS = 100  # the race pane repaints ~10 times a second while the race runs
# Nothing is published this soon after a change the user made: a race window repaint
# landing in a burst of slider moves was the slow tail of slider-to-paint while a race
# ran (benchmarks/RESULTS.md, Activation race). The race trains on meanwhile and shows
# it all once the user rests.
USER_QUIET_MS = 250


class RaceDriver(QtCore.QObject):
    """Trains (or collects) ``model.race`` while ``model.race.running``.

    Parameters
    ----------
    model : Playground
    parent : QObject, optional
        Refusals are shown where :func:`~actplay.ui.binding.apply_command` shows
        them for this object (the pane's window's status bar).
    """

    def __init__(self, model, parent=None) -> None:
        super().__init__(parent)
        self.model = model
        self.timer = QtCore.QTimer(self)
        self.timer.setObjectName("race_timer")
        self.timer.setTimerType(QtCore.Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(self._on_tick)
        self._last_publish = 0.0
        self._last_user_change = 0.0
        self._publishing = False
        model.changed.connect(self._on_model_changed)

    @property
    def active(self) -> bool:
        """True while ticks are training or collecting."""
        return self.timer.isActive()

    def sync(self) -> None:
        """Tick, at the rate the kind of run wants, exactly while ``model.race.running``."""
        race = self.model.race
        interval = COLLECT_MS if race.worker is not None else 0
        if self.timer.interval() != interval:
            self.timer.setInterval(interval)
        if race.running and not self.timer.isActive():
            self.timer.start()
        elif not race.running and self.timer.isActive():
            self.timer.stop()

    def _on_tick(self) -> None:
        race = self.model.race
        if not race.running:
            self.timer.stop()
            return
        now = time.perf_counter()
        quiet = now - self._last_user_change >= USER_QUIET_MS / 1000.0
        in_worker = race.worker is not None
        # A collecting tick comes every COLLECT_MS already: each one may publish.
        publish = quiet and (in_worker or now - self._last_publish >= PUBLISH_MS / 1000.0)
        if publish:
            self._last_publish = now
        tick = (TICK_MS if quiet else BUSY_TICK_MS) / 1000.0
        self._publishing = True
        try:
            if in_worker:
                apply_command(self.parent(), lambda: race.collect(publish))
            else:
                apply_command(self.parent(), lambda: race.train_for(tick, publish))
        finally:
            self._publishing = False
        self.sync()  # stopped at the end, or the worker was lost: ticks of the other kind

    def _on_model_changed(self, _sections) -> None:
        if not self._publishing:
            self._last_user_change = time.perf_counter()
