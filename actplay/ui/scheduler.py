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

A view out of sight in a shown window (a dock behind another's tab, a closed
dock, no area left) is not refreshed: its sections wait, and it refreshes
once when it comes into sight (shown, resized, or its dock's tab raised).
Training publishes ~30 snapshots a second; a network panel behind the
training tab recomputing its heatmaps for each was half the cost of a publish.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QWidget

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
        self._waiting: dict[int, set[str]] = {}  # id(view) -> sections held while out of sight
        self._docks: set = set()  # docks whose visibilityChanged is watched
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
        if isinstance(view, QWidget):
            view.installEventFilter(self)  # its Show event refreshes what waited

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
        self._paint(everyone=True)

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

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if event.type() in (QEvent.Type.Show, QEvent.Type.Resize) and id(watched) in self._waiting:
            QTimer.singleShot(0, self._paint_waiting)  # after the show or resize is laid out
        return False

    def _paint_waiting(self) -> None:
        """Refresh the waiting views that came into sight, with what they missed."""
        for view, wanted in list(self._views):
            waiting = self._waiting.get(id(view))
            if waiting and not self._out_of_sight(view):
                del self._waiting[id(view)]
                self._refresh(view, frozenset(waiting & wanted))

    @staticmethod
    def _refresh(view, sections) -> None:
        try:
            view.refresh(sections)
        except Exception as error:  # that view's fault: report it, paint the rest
            report_fault(error)

    def _out_of_sight(self, view) -> bool:
        """A widget view hidden, or in a dock behind another's tab, in a shown window (a
        window that is not shown yet paints everything: tests, exports, screenshots)."""
        if not isinstance(view, QWidget) or not view.window().isVisible():
            return False
        if not view.isVisible():
            return True
        parent = view.parentWidget()
        while parent is not None:
            # Qt keeps a dock behind another's tab 'visible', covered: its own visible
            # region is empty then (its title or frame shows whenever it is in sight).
            if isinstance(parent, QDockWidget) and parent.visibleRegion().isEmpty():
                self._watch(parent)
                return True
            parent = parent.parentWidget()
        return False

    def _watch(self, dock) -> None:
        """Its tab being raised brings the views in it back into sight."""
        if dock not in self._docks:
            self._docks.add(dock)
            dock.visibilityChanged.connect(
                lambda visible: visible and QTimer.singleShot(0, self._paint_waiting)
            )

    def _paint(self, everyone: bool = False) -> None:
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
                if not touched:
                    continue
                if not everyone and self._out_of_sight(view):
                    self._waiting.setdefault(id(view), set()).update(touched)
                    continue
                touched |= self._waiting.pop(id(view), set()) & wanted
                self._refresh(view, touched)
        finally:
            self._painting = False
