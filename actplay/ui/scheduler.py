"""Turns model events into view repaints, at most one per frame.

A slider drag makes the model emit many events a second. Painting on each
would queue up work faster than the screen can show it, so the scheduler:

* paints the first change after a quiet period at once (no added delay, the
  user sees the first move immediately);
* during a burst collects the touched sections and paints them together when
  the frame timer fires, so at most one repaint happens per ``FRAME_MS``;
* always paints the last pending change, so the final state is what stays on
  screen; the timer stops after one frame with nothing to paint.

`flush` paints whatever is pending now (tests, exports, screenshots).

A view whose ``refresh`` raises is reported like a model subscriber that
raises (``model.events.report_fault``: the error report in the app) and the
other views still paint, whether the paint runs inside the setter's call or
later from the frame timer.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer

from actplay.model.events import report_fault

FRAME_MS = 12  # 83 Hz cap: a frame that starts late (loaded machine) still leaves >= 60 per second


class RedrawScheduler(QObject):
    """Collects model events and repaints registered views once per frame.

    Parameters
    ----------
    model : Playground
        Anything with a ``changed`` emitter whose callbacks get a frozenset of sections.
    parent : QObject, optional

    Attributes
    ----------
    redraw_count : int
        How many paint passes ran (each calls every view whose sections changed).
    """

    def __init__(self, model, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.redraw_count = 0
        self._views: list[tuple[object, frozenset]] = []
        self._pending: set[str] = set()
        self._painting = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        # Coarse timers may fire up to 5 % late; a frame clock has to be on time.
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(FRAME_MS)
        self._timer.timeout.connect(self._on_frame_timer)
        model.changed.connect(self._on_model_changed)
        self._connected = True

    # -- public API ---------------------------------------------------------------
    def register(self, view, sections) -> None:
        """Repaint ``view`` (``view.refresh(sections)``) for events naming any of ``sections``."""
        self._views.append((view, frozenset(sections)))

    @property
    def pending(self) -> frozenset:
        """Sections changed but not painted yet."""
        return frozenset(self._pending)

    def flush(self) -> None:
        """Paint everything pending now."""
        if self._pending:
            self._paint()

    def refresh_all(self) -> None:
        """Repaint every registered view for all of its sections now (e.g. a new theme)."""
        for _view, sections in self._views:
            self._pending.update(sections)
        self._paint()

    def stop(self) -> None:
        """Disconnect from the model and drop pending work (the window is closing)."""
        self._timer.stop()
        self._pending.clear()
        if self._connected:
            self.model.changed.disconnect(self._on_model_changed)
            self._connected = False

    # -- internals ------------------------------------------------------------------
    def _on_model_changed(self, sections: frozenset) -> None:
        self._pending.update(sections)
        if self._timer.isActive() or self._painting:
            return  # inside a frame: the timer paints the collected sections
        self._paint()

    def _on_frame_timer(self) -> None:
        if self._pending:
            self._paint()
        # nothing pending: the burst is over; the next change paints at once

    def _paint(self) -> None:
        sections = frozenset(self._pending)
        self._pending.clear()
        self.redraw_count += 1
        self._painting = True
        # The frame starts now, not after the views' work: timing from the end would
        # add that work to every frame and hold a drag near 50 frames/s.
        self._timer.start()
        try:
            for view, wanted in list(self._views):
                touched = sections & wanted
                if touched:
                    try:
                        view.refresh(touched)
                    except Exception as error:  # that view's fault: report it, paint the rest
                        report_fault(error)
        finally:
            self._painting = False
