"""Undo and redo for every change to the state, as whole-state snapshots.

The recorder listens to the model's ``changed`` events and keeps the last
``state_dict()`` it saw. Each event that really changed the saved state
becomes one `SnapshotCommand` holding the state before and after; undo and
redo hand those to ``Playground.apply_state``. Snapshots are cheap here (tens
of microseconds to build and compare, even for the largest network), and they
make every setter, preset and session load undoable without a command class per
setter.

A slider drag sends dozens of events for one value: consecutive changes of the
same fields merge into one command while the mouse button is held or while
they follow each other within `MERGE_MS`, so a whole drag is one undo step.
"""

from __future__ import annotations

import time
from contextlib import contextmanager

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QApplication

from actplay.ui.i18n import translate

UNDO_LIMIT = 1000  # steps kept; each shares what it did not change, so 1000 stay a few MB
MERGE_MS = 500  # changes of the same field closer than this join one step (arrow-key bursts)

# (section, key) of the state dict -> words for the Edit menu ("Undo Change network weight").
FIELD_NAMES = {
    ("curve", "activation"): "curve function",
    ("curve", "params"): "curve parameter",
    ("curve", "compare"): "comparison curves",
    ("curve", "visible"): "shown curves",
    ("curve", "x_range"): "x range",
    ("curve", "points"): "curve points",
    ("curve", "linked"): "curve link",
    ("neuron", "inputs"): "neuron input",
    ("neuron", "weights"): "neuron weight",
    ("neuron", "bias"): "neuron bias",
    ("neuron", "activation"): "neuron function",
    ("neuron", "params"): "neuron parameter",
    ("neuron", "binary_mode"): "binary mode",
    ("neuron", "target"): "neuron shown",
    ("network", "layer_sizes"): "layer sizes",
    ("network", "activations"): "layer function",
    ("network", "weights"): "network weight",
    ("network", "biases"): "network bias",
    ("network", "init"): "initialisation",
    ("network", "seed"): "seed",
    ("network", "input"): "network input",
    ("network", "plane_range"): "plane range",
}


def changed_paths(before, after, path: tuple = ()) -> list[tuple]:
    """The paths of the leaves that differ between two JSON-like values.

    A path stops where the structure itself differs (another type, length or
    key set), so resizing a layer gives one path, not one per weight.

    Examples
    --------
    >>> changed_paths({"a": [1, 2], "b": 3}, {"a": [1, 5], "b": 3})
    [('a', 1)]
    """
    if before == after:
        return []
    if isinstance(before, dict) and isinstance(after, dict) and before.keys() == after.keys():
        paths = []
        for key in before:
            paths.extend(changed_paths(before[key], after[key], path + (key,)))
        return paths
    if isinstance(before, list) and isinstance(after, list) and len(before) == len(after):
        paths = []
        for index, (old, new) in enumerate(zip(before, after, strict=True)):
            paths.extend(changed_paths(old, new, path + (index,)))
        return paths
    return [path]


def share_unchanged(before, after):
    """``after``, with every dict or list of containers equal to ``before``'s replaced by it.

    Consecutive snapshots then hold one copy of what a change did not touch:
    a bias step of a 6x16 network keeps one new section, not another ~60 kB
    of weight lists, so 1000 steps of history stay a few MB. Snapshots are
    never changed in place, so sharing is safe. Lists of numbers are kept
    whole (a changed weight row is new), so the walk costs about one comparison.

    Examples
    --------
    >>> before = {"a": [[1, 2], [3]], "b": {"c": 1}}
    >>> after = share_unchanged(before, {"a": [[1, 2], [4]], "b": {"c": 1}})
    >>> after["a"][0] is before["a"][0], after["b"] is before["b"], after["a"][1]
    (True, True, [4])
    """
    if before == after:
        return before
    if isinstance(before, dict) and isinstance(after, dict):
        return {
            key: share_unchanged(before[key], value) if key in before else value
            for key, value in after.items()
        }
    if (
        isinstance(before, list)
        and isinstance(after, list)
        and len(before) == len(after)
        and any(isinstance(item, (list, dict)) for item in after)
    ):
        return [share_unchanged(old, new) for old, new in zip(before, after, strict=True)]
    return after


def describe(paths: list[tuple]) -> str:
    """Edit-menu words for a change, e.g. ``"Change network weight"``."""
    fields = []
    for path in paths:
        field = FIELD_NAMES.get(tuple(path[:2]), str(path[0]).replace("_", " ") if path else "")
        if field not in fields:
            fields.append(field)
    if len(fields) == 1:
        return translate("shell", "Change {field}").format(field=fields[0])
    return translate("shell", "Change {count} settings").format(count=len(fields))


class SnapshotCommand(QUndoCommand):
    """One undo step: the whole state before and after it."""

    def __init__(
        self,
        recorder: UndoRecorder,
        before: dict,
        after: dict,
        text: str,
        merge_key,
        mergeable: bool,
    ) -> None:
        super().__init__(text)
        self.recorder = recorder
        self.before = before
        self.after = after
        self.merge_key = merge_key
        self.mergeable = mergeable
        self.stamp = recorder.clock()
        self._pushed = False

    def id(self) -> int:
        # -1: QUndoStack never merges these; the recorder does (`UndoRecorder._record`).
        # A command Qt merges away stays alive in PySide (the stack's wrapper adopts it after
        # Qt deleted it): after an undo, every change merged below the undone step leaked
        # a snapshot pair for the window's lifetime (found by the soak benchmark).
        return -1

    def can_absorb(self, merge_key, stamp: float) -> bool:
        """True when a change of ``merge_key`` at ``stamp`` continues this step."""
        if not self.mergeable or merge_key != self.merge_key:
            return False
        held = QApplication.mouseButtons() & Qt.MouseButton.LeftButton
        return bool(held) or (stamp - self.stamp) * 1000.0 <= MERGE_MS

    def absorb(self, after: dict, stamp: float) -> None:
        """Make this step end at ``after`` (a merged change)."""
        self.after = after
        self.stamp = stamp

    def redo(self) -> None:
        if not self._pushed:  # QUndoStack.push calls redo: the change has already happened
            self._pushed = True
            return
        self.recorder.restore(self.after)

    def undo(self) -> None:
        self.recorder.restore(self.before)


class UndoRecorder:
    """Turns model events into snapshot commands on a `QUndoStack`.

    Parameters
    ----------
    model : Playground
    stack : QUndoStack
    clock : callable, optional
        Seconds as a float (default ``time.monotonic``); tests pass a fake one.

    Attributes
    ----------
    last_state : dict
        The state after the newest recorded change (what the next step starts from).
    """

    def __init__(self, model, stack: QUndoStack, clock=time.monotonic) -> None:
        self.model = model
        self.stack = stack
        self.clock = clock
        self.last_state = model.state_dict()
        self._restoring = False
        self._step_depth = 0
        self._run: _Run | None = None
        model.changed.connect(self._on_model_changed)

    def _on_model_changed(self, _sections) -> None:
        if not shiboken6.isValid(self.stack):  # the window is gone; the model outlived it
            self.model.changed.disconnect(self._on_model_changed)
            return
        if self._run is not None:  # a run (training) costs one check per change, no snapshot
            if self._run.command is None and "network" in _sections:
                self._push_run_command()
            return
        if self._restoring or self._step_depth:
            return
        self._record(None, mergeable=True)

    def _record(self, text: str | None, mergeable: bool) -> None:
        after = self.model.state_dict()
        if after == self.last_state:  # only the view section (not saved) changed
            return
        before = self.last_state
        after = self.last_state = share_unchanged(before, after)
        paths = changed_paths(before, after)
        key = tuple(paths) if mergeable else None
        top, stack, now = self._top_command(), self.stack, self.clock()
        # Merge into the top step here rather than through push: PySide keeps every
        # command merged away by QUndoStack alive (owned by the stack's wrapper), so a
        # drag piled up one snapshot pair per change and the collector's full passes
        # over them stalled the drag (benchmarks/stalls.py, RESULTS.md). This is the only
        # merge (SnapshotCommand.id() is -1): nothing to redo above the top (a change
        # after an undo starts a new step), and the top not the clean state.
        if (
            mergeable
            and isinstance(top, SnapshotCommand)
            and stack.index() == stack.count()
            and stack.index() != stack.cleanIndex()
            and top.can_absorb(key, now)
        ):
            top.absorb(after, now)
            return
        self.stack.push(
            SnapshotCommand(self, before, after, text or describe(paths), key, mergeable)
        )

    @contextmanager
    def step(self, text: str):
        """Record every change inside the block as one undo step called ``text``.

        Used for presets, opening a session and New; the step never merges. A
        run in progress is ended first (it stays a step of its own).
        """
        self.interrupt_run()
        self._step_depth += 1
        try:
            yield
        finally:
            self._step_depth -= 1
            if self._step_depth == 0:
                self._record(text, mergeable=False)

    @contextmanager
    def paused(self):
        """Change the model without recording; the next step starts from the new state."""
        self._restoring = True
        try:
            yield
        finally:
            self._restoring = False
            self.last_state = self.model.state_dict()

    def restore(self, state: dict) -> None:
        """Apply ``state`` for an undo or redo, without recording it (ends a run first)."""
        self._restoring = True  # the run's command may be the one being undone: keep it
        self.interrupt_run()
        with self.paused():
            self.model.apply_state(state)

    def reset(self) -> None:
        """Forget the history (and take the current state as the start)."""
        self.interrupt_run()
        self.stack.clear()
        self.last_state = self.model.state_dict()

    # -- runs: a continuous change (training) recorded as one step ---------------------
    @property
    def run_active(self) -> bool:
        """True between `begin_run` and `end_run`."""
        return self._run is not None

    def begin_run(self, stop) -> None:
        """Start a run: every change until `end_run` becomes one undo step.

        While a run lasts, a model change costs the recorder one attribute check
        (no snapshot, no comparison), so a feature that changes the model on every
        timer tick stays cheap. The step is pushed at the first change touching
        ``network``, so Undo is offered during the run; an undo, redo, `step` or
        `reset` first calls ``stop()``, which must end the run (it calls
        `end_run`), so the step holds everything up to the interruption.

        Parameters
        ----------
        stop : callable
            No arguments; ends the run (e.g. pauses training, which calls `end_run`).
        """
        if self._run is None:
            self._run = _Run(stop, self.last_state)

    def end_run(self, text: str) -> None:
        """End the run: its changes become the step ``text`` (nothing if nothing changed)."""
        run, self._run = self._run, None
        if run is None:
            return
        after = self.model.state_dict()
        self.last_state = after
        command = run.command
        if command is None:
            if after != run.before:
                self.stack.push(SnapshotCommand(self, run.before, after, text, None, False))
            return
        command.after = after
        command.setText(text)
        if after == run.before and not self._restoring and self._top_command() is command:
            command.setObsolete(True)  # e.g. the first step diverged and was rolled back
            self.stack.undo()  # an obsolete command is dropped, not undone

    def interrupt_run(self) -> None:
        """End a run in progress through its ``stop`` callback (a no-op without one)."""
        if self._run is not None:
            stop = self._run.stop
            stop()
            if self._run is not None:  # the callback did not end it: end it here
                self.end_run(translate("shell", "Change settings"))

    def _push_run_command(self) -> None:
        run = self._run
        run.command = SnapshotCommand(
            self, run.before, run.before, translate("shell", "Run"), None, False
        )
        self.stack.push(run.command)

    def _top_command(self):
        index = self.stack.index()
        return self.stack.command(index - 1) if index > 0 else None


class _Run:
    """A run in progress: how to stop it, the state before it, its live command."""

    __slots__ = ("stop", "before", "command")

    def __init__(self, stop, before: dict) -> None:
        self.stop = stop
        self.before = before
        self.command: SnapshotCommand | None = None


def make_undo_stack(model, parent) -> tuple[QUndoStack, UndoRecorder]:
    """An undo stack owned by ``parent`` and the recorder that fills it from ``model``.

    The stack keeps at most `UNDO_LIMIT` steps; the recorder starts listening at once,
    so make them before anything that should be undoable can change the model.
    """
    stack = QUndoStack(parent)
    stack.setObjectName("undo_stack")
    stack.setUndoLimit(UNDO_LIMIT)
    return stack, UndoRecorder(model, stack)


def undo_redo_actions(stack: QUndoStack, parent) -> tuple[QAction, QAction]:
    """The Edit menu's Undo and Redo for ``stack`` (texts follow the next step)."""
    undo_action = stack.createUndoAction(parent, translate("shell", "&Undo"))
    undo_action.setObjectName("undo_action")
    undo_action.setShortcut(QKeySequence.StandardKey.Undo)
    redo_action = stack.createRedoAction(parent, translate("shell", "&Redo"))
    redo_action.setObjectName("redo_action")
    redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    return undo_action, redo_action
