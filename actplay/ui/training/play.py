"""Play for one model: the timer that feeds the views while training runs.

There is one :class:`PlayDriver` per model (:func:`driver_for`), whichever
widgets show a Play button (the training dock's panel, the training workspace):
they all start and stop the same run and never tick twice.

With a training worker attached to the model, Play trains in the worker's
process and the driver collects its latest snapshot every ``SNAPSHOT_MS``: the
views get a steady ~30 snapshots a second and the training never waits for
them. Without a worker, Play trains in time slices on a zero-interval timer:
each tick trains for at most ``TICK_MS`` and returns to the event loop, and a
tick at least ``PUBLISH_MS`` after the last one hands the trained weights to the
model. Either way, while the user is changing something (a change less than
``USER_QUIET_MS`` ago) nothing is published: training goes on and shows up as
soon as the change rests (an edited weight reaches the worker at once).
"""

from __future__ import annotations

import time
import weakref
from contextlib import nullcontext

from PySide6 import QtCore

from actplay.model.errors import InvalidValue

SNAPSHOT_MS = 33  # a run in the worker reaches the views ~30 times a second
TICK_MS = 4  # training time per timer tick: a slider change waits at most this long
PUBLISH_MS = 40  # trained weights reach the model (and the views) ~25 times a second
USER_QUIET_MS = 100  # no publishing this soon after a user change: its repaint goes first

_DRIVERS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


class PlayDriver(QtCore.QObject):
    """Starts, feeds and stops a model's training run.

    Attributes
    ----------
    timer : QTimer
        Ticks while the model runs (``SNAPSHOT_MS`` with a worker, 0 without).
    step_recorder : callable
        A context manager wrapping one Step (``connect_training_undo`` makes it one
        undo step).

    Signals
    -------
    refused(str) : Play or Step could not start; the reason, for the status bar.
    """

    refused = QtCore.Signal(str)

    def __init__(self, model) -> None:
        super().__init__()
        self.model = model
        self.timer = QtCore.QTimer(self)
        self.timer.setTimerType(QtCore.Qt.TimerType.PreciseTimer)  # a steady snapshot rate
        self.timer.timeout.connect(self.tick)
        self.step_recorder = nullcontext
        self._last_publish = 0.0  # perf_counter seconds of the last publishing tick
        self._last_user_change = 0.0  # perf_counter seconds of the last change not by training
        self._publishing = False
        model.changed.connect(self._on_model_changed)
        self.sync()

    def play(self, on: bool) -> bool:
        """Start (True) or pause training; False (and ``refused``) if it cannot start."""
        try:
            self.model.set_running(on)
        except InvalidValue as error:
            self.refused.emit(str(error))
            return False
        finally:
            self.sync()
        return True

    def step(self) -> bool:
        """Train one epoch (one undo step); False (and ``refused``) if it cannot."""
        try:
            with self.step_recorder():
                self.model.train_epoch()
        except InvalidValue as error:
            self.refused.emit(str(error))
            return False
        return True

    def sync(self) -> None:
        """Run the timer while the model runs, at the rate its kind of run wants."""
        interval = SNAPSHOT_MS if self.model.training_worker is not None else 0
        if self.timer.interval() != interval:
            self.timer.setInterval(interval)
        if self.model.running and not self.timer.isActive():
            self.timer.start()
        elif not self.model.running and self.timer.isActive():
            self.timer.stop()

    def tick(self) -> None:
        """One timer tick: collect the worker's snapshot, or train a slice here."""
        if not self.model.running:
            self.timer.stop()
            return
        now = time.perf_counter()
        quiet = now - self._last_user_change >= USER_QUIET_MS / 1000.0
        if self.model.training_worker is not None:
            self._publishing = True
            try:
                self.model.collect_training(publish=quiet)
            finally:
                self._publishing = False
            self.sync()  # the worker may have been lost: train here instead
            return
        publish = now - self._last_publish >= PUBLISH_MS / 1000.0 and quiet
        if publish:
            self._last_publish = now
        self._publishing = publish
        try:
            self.model.train_for(TICK_MS / 1000.0, publish=publish)
        except InvalidValue as error:
            self.refused.emit(str(error))
        finally:
            self._publishing = False

    def _on_model_changed(self, sections) -> None:
        if not self._publishing:
            self._last_user_change = time.perf_counter()
        if "training" in sections:
            self.sync()  # paused by undo, an error or a new session


def driver_for(model) -> PlayDriver:
    """The model's one PlayDriver (made on first call)."""
    driver = _DRIVERS.get(model)
    if driver is None:
        driver = _DRIVERS[model] = PlayDriver(model)
    return driver


__all__ = ["PUBLISH_MS", "SNAPSHOT_MS", "TICK_MS", "USER_QUIET_MS", "PlayDriver", "driver_for"]
