"""What trains the race while Play is on: time slices on the GUI thread, for now.

`TimerDriver` runs the race on a zero-interval ``QTimer``: each tick trains for
at most ``TICK_MS`` (``BUSY_TICK_MS`` while the user is changing something) and
returns to the event loop, so a slider drag waits at most that long. Only a
tick at least ``PUBLISH_MS`` after the last one, and ``USER_QUIET_MS`` after
the last change the user made, publishes (one ``race`` event, one repaint of
the race pane); the others keep training unseen. The pane talks to it through
``sync()`` alone, so a driver that trains in a worker process can take its
place without the pane changing.
"""

from __future__ import annotations

import time

from PySide6 import QtCore

from actplay.ui.binding import apply_command

TICK_MS = 4  # training per tick: what a slider change may wait for
BUSY_TICK_MS = 1  # ... and while the user is changing something (one lane's chunk, ~1-2 ms)
PUBLISH_MS = 100  # the race pane repaints ~10 times a second while the race runs
# Nothing is published this soon after a change the user made: a race window repaint
# (~15-30 ms under X) landing in a burst of slider moves was the slow tail of slider-to-
# paint while a race ran (p99 48 ms at 100 ms here; benchmarks/RESULTS.md). The race
# trains on meanwhile and shows it all once the user rests.
USER_QUIET_MS = 250


class TimerDriver(QtCore.QObject):
    """Trains ``model.race`` in time slices while ``model.race.running``.

    Parameters
    ----------
    model : Playground
    parent : QObject, optional
    """

    def __init__(self, model, parent=None) -> None:
        super().__init__(parent)
        self.model = model
        self.timer = QtCore.QTimer(self)
        self.timer.setObjectName("race_timer")
        self.timer.setInterval(0)
        self.timer.timeout.connect(self._on_tick)
        self._last_publish = 0.0
        self._last_user_change = 0.0
        self._publishing = False
        model.changed.connect(self._on_model_changed)

    @property
    def active(self) -> bool:
        """True while ticks are training."""
        return self.timer.isActive()

    def sync(self) -> None:
        """Start or stop ticking to match ``model.race.running``."""
        running = self.model.race.running
        if running and not self.timer.isActive():
            self.timer.start()
        elif not running and self.timer.isActive():
            self.timer.stop()

    def _on_tick(self) -> None:
        race = self.model.race
        if not race.running:
            self.timer.stop()
            return
        now = time.perf_counter()
        quiet = now - self._last_user_change >= USER_QUIET_MS / 1000.0
        publish = quiet and now - self._last_publish >= PUBLISH_MS / 1000.0
        if publish:
            self._last_publish = now
        tick = (TICK_MS if quiet else BUSY_TICK_MS) / 1000.0
        self._publishing = True
        try:
            apply_command(self.parent(), lambda: race.train_for(tick, publish))
        finally:
            self._publishing = False
        if not race.running:
            self.timer.stop()

    def _on_model_changed(self, _sections) -> None:
        if not self._publishing:
            self._last_user_change = time.perf_counter()
