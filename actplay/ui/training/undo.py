"""Training as undo steps: one run (Play to Pause, or one Step) is one step.

Every training tick writes the network's weights through the model. Recording
each tick would fill the history with hundreds of snapshots a second, so the
undo recorder is told when a run starts and ends (`UndoRecorder.begin_run` /
`end_run`): during a run a model change costs it one attribute check, and the
run becomes one step named after the epochs it trained ("Train 37 epochs").
Changes made while training runs (an input slider, the learning rate) belong
to that step. Undo during a run pauses training first, then undoes the run.
"""

from __future__ import annotations

from contextlib import contextmanager

import shiboken6


def epochs_text(epochs: float) -> str:
    """Edit-menu words for a run of ``epochs`` passes, e.g. ``"Train 37 epochs"``.

    Examples
    --------
    >>> epochs_text(37.4), epochs_text(1.0), epochs_text(0.256)
    ('Train 37 epochs', 'Train 1 epoch', 'Train 0.26 epochs')
    """
    shown = round(epochs) if epochs >= 1 else round(epochs, 2)
    return f"Train {shown:,} epoch" + ("" if shown == 1 else "s")


class TrainingUndo:
    """Starts and ends the recorder's run as training starts and stops.

    Parameters
    ----------
    model : Playground
    recorder : actplay.ui.shell.undo.UndoRecorder
    """

    def __init__(self, model, recorder) -> None:
        self.model = model
        self.recorder = recorder
        self._start_epoch = 0.0
        self._stepping = False  # inside one Step click: the click ends the run, not the model
        model.changed.connect(self._on_model_changed)

    def _on_model_changed(self, sections) -> None:
        if "training" not in sections:
            return
        if not shiboken6.isValid(self.recorder.stack):  # the window is gone, the model lives on
            self.model.changed.disconnect(self._on_model_changed)
            return
        if self.model.running and not self.recorder.run_active:
            self._begin()
        elif not self.model.running and self.recorder.run_active and not self._stepping:
            self._end()

    def _begin(self) -> None:
        self._start_epoch = self.model.epoch
        self.recorder.begin_run(self._stop)

    def _end(self) -> None:
        self.recorder.end_run(epochs_text(max(0.0, self.model.epoch - self._start_epoch)))

    def _stop(self) -> None:
        """The recorder interrupts the run (undo, redo, open, new): pause, then end it."""
        self.model.set_running(False)  # emits 'training': _on_model_changed ends the run
        if self.recorder.run_active and not self._stepping:
            self._end()

    @contextmanager
    def step(self):
        """One Step click as one undo step (inside a Play run it joins that run)."""
        if self.recorder.run_active:
            yield
            return
        self._stepping = True
        self._begin()
        try:
            yield
        finally:
            self._stepping = False
            self._end()


def connect_training_undo(model, recorder, driver) -> TrainingUndo:
    """Make each training run and each Step of ``driver`` (the model's ``PlayDriver``)
    one step of ``recorder``."""
    existing = getattr(driver, "training_undo", None)
    if existing is not None:  # the dock and the workspace share the driver: connect once
        return existing
    training_undo = TrainingUndo(model, recorder)
    driver.step_recorder = training_undo.step
    driver.training_undo = training_undo
    return training_undo
