"""A tiny event mechanism: an emitter of section names and a batch context.

Views subscribe to an :class:`Emitter` and receive a ``frozenset`` of the state
sections a change touched (see :data:`SECTIONS`). A :class:`Batch` gathers the
sections touched by many changes and emits them once when the outermost
``with`` block ends, so a preset or an undo step repaints each view once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from contextlib import contextmanager

SECTIONS = ("curve", "neuron", "network", "view", "dataset", "training")  # every event name

Callback = Callable[[frozenset], None]


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
    """

    def __init__(self) -> None:
        self._callbacks: list[Callback] = []

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

    @property
    def subscriber_count(self) -> int:
        """How many callbacks are connected."""
        return len(self._callbacks)

    def emit(self, sections: Iterable[str]) -> None:
        """Call every subscriber with ``frozenset(sections)``; nothing for an empty set.

        Raises
        ------
        ValueError
            If a section name is not one of :data:`SECTIONS`.
        """
        touched = frozenset(sections)
        if not touched:
            return
        unknown = touched.difference(SECTIONS)
        if unknown:
            raise ValueError(f"unknown section(s) {sorted(unknown)}; known: {SECTIONS}")
        # Copy: a subscriber may disconnect itself while being called.
        for callback in list(self._callbacks):
            callback(touched)


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
