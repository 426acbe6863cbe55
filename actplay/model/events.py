"""A tiny event mechanism: an emitter of section names and a batch context.

Views subscribe to an :class:`Emitter` and receive a ``frozenset`` of the state
sections a change touched (see :data:`SECTIONS`). A :class:`Batch` gathers the
sections touched by many changes and emits them once when the outermost
``with`` block ends, so a preset or an undo step repaints each view once.

A subscriber that raises is a fault of that subscriber, not of the change: the
model has already taken the new value, so the emitter reports the exception
(:func:`report_fault`) and goes on calling the others. Nothing a view does can
make a setter look as if it refused its value, or keep the undo history from
seeing a change.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from contextlib import contextmanager

SECTIONS = ("curve", "neuron", "network", "view", "dataset", "training", "race")  # every event name

Callback = Callable[[frozenset], None]
FaultReport = Callable[[BaseException], None]


def report_fault(error: BaseException) -> None:
    """Report an exception a subscriber raised, with its traceback, through ``sys.excepthook``.

    The hook is looked up at each call, so the one the application installs
    later (``app.error_report.install_excepthook``: the error log and dialog)
    gets every fault; outside the app Python's default hook prints it.
    """
    hook = sys.excepthook
    try:
        hook(type(error), error, error.__traceback__)
    except Exception:  # a broken hook must not turn one fault into a lost change
        sys.__excepthook__(type(error), error, error.__traceback__)


class Emitter:
    """Calls its subscribers with the set of sections a change touched.

    Examples
    --------
    >>> seen = []
    >>> changed = Emitter()
    >>> changed.connect(seen.append)
    >>> changed.emit({"curve"})
    >>> seen
    [frozenset({'curve'})]

    Parameters
    ----------
    on_fault : callable, optional
        ``on_fault(exception)`` for an exception a subscriber raises; the
        default is :func:`report_fault`.
    """

    def __init__(self, on_fault: FaultReport | None = None) -> None:
        self._callbacks: list[Callback] = []
        self._on_fault = on_fault or report_fault

    def connect(self, callback: Callback) -> None:
        """Subscribe ``callback``; connecting the same callable twice is a no-op."""
        if not callable(callback):
            raise TypeError(f"callback must be callable, got {type(callback).__name__}")
        if callback not in self._callbacks:
            self._callbacks.append(callback)

    def disconnect(self, callback: Callback) -> None:
        """Unsubscribe ``callback``; raises ``ValueError`` if it was never connected."""
        try:
            self._callbacks.remove(callback)
        except ValueError:
            raise ValueError("callback is not connected") from None

    def emit(self, sections: Iterable[str]) -> None:
        """Call every subscriber with ``frozenset(sections)``; nothing for an empty set.

        Every subscriber is called even when one raises: each exception goes to
        the fault report once, and none reaches the caller (the change is made).

        Raises
        ------
        ValueError
            If a section name is not one of :data:`SECTIONS` (a bug of the caller).
        """
        touched = frozenset(sections)
        if not touched:
            return
        unknown = touched.difference(SECTIONS)
        if unknown:
            raise ValueError(f"unknown section(s) {sorted(unknown)}; known: {SECTIONS}")
        # Copy: a subscriber may disconnect itself while being called.
        for callback in list(self._callbacks):
            try:
                callback(touched)
            except Exception as error:  # the subscriber's fault; the others still hear of it
                self._on_fault(error)


class Batch:
    """Collects touched sections and emits them through an emitter once.

    Outside any ``with batch():`` block, :meth:`touch` emits at once. Inside,
    sections accumulate until the outermost block exits (normally or through an
    exception, since the state did change), then one event names them all.
    """

    def __init__(self, emitter: Emitter) -> None:
        self._emitter = emitter
        self._depth = 0
        self._pending: set[str] = set()

    @property
    def active(self) -> bool:
        """True inside a ``with batch():`` block."""
        return self._depth > 0

    def touch(self, sections: Iterable[str]) -> None:
        """Record that ``sections`` changed; emit now unless a batch is open."""
        touched = set(sections)
        if not touched:
            return
        if self._depth:
            self._pending |= touched
        else:
            self._emitter.emit(touched)

    @contextmanager
    def __call__(self):
        """Open a (possibly nested) batch; the outermost one emits at its end."""
        self._depth += 1
        try:
            yield self
        finally:
            self._depth -= 1
            if self._depth == 0 and self._pending:
                pending, self._pending = self._pending, set()
                self._emitter.emit(pending)
