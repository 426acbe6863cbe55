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

A view out of sight in a shown window (`SightWatch`: hidden, or in a dock behind
another's tab) is not refreshed: its sections wait, and it refreshes once when
it comes into sight (shown, resized, or its dock's tab raised).
Training publishes ~30 snapshots a second; a network panel behind the
training tab recomputing its heatmaps for each was half the cost of a publish.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QDockWidget, QWidget

from actplay.model.events import report_fault

FRAME_MS = 12  # 83 Hz cap: a frame that starts late (loaded machine) still leaves >= 60 per second


class SightWatch(QObject):
    """Is a view on screen? ``out_of_sight(view)``, and a signal when it may be back.

    A view is out of sight in a shown window when none of the widgets it draws on
    is on screen: each is hidden, or sits in a dock behind another dock's tab. Qt
    keeps such a dock 'visible' but covered; the dock's own visible region is then
    empty (its title or frame shows whenever it is in sight). A view that draws
    elsewhere too (the network panel lends its canvas to the network layout's
    centre) lists those widgets in ``sight_widgets()``. A window that is not shown
    yet counts as in sight: tests, exports and screenshots see every view refreshed.

    Signals
    -------
    shown : a widget it looked at is being shown (before it paints).
    maybe_in_sight : a widget it looked at was resized, or a dock it found covered
        had its tab raised.
    """

    shown = Signal()
    maybe_in_sight = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._filtered: set[int] = set()
        self._docks: set[int] = set()

    def out_of_sight(self, view) -> bool:
        """True when ``view`` is a widget whose every drawing widget is off screen in a
        shown window."""
        if not isinstance(view, QWidget) or not view.window().isVisible():
            return False
        widgets = view.sight_widgets() if hasattr(view, "sight_widgets") else (view,)
        return not any(self._on_screen(widget) for widget in widgets)

    def _on_screen(self, widget: QWidget) -> bool:
        if id(widget) not in self._filtered:
            self._filtered.add(id(widget))
            widget.installEventFilter(self)
        if not widget.isVisible():
            return False
        parent = widget.parentWidget()
        while parent is not None:
            if isinstance(parent, QDockWidget) and parent.visibleRegion().isEmpty():
                self._watch(parent)
                return False
            parent = parent.parentWidget()
        return True

    def _watch(self, dock: QDockWidget) -> None:
        if id(dock) not in self._docks:
            self._docks.add(id(dock))
            dock.visibilityChanged.connect(lambda visible: visible and self.maybe_in_sight.emit())

    def eventFilter(self, _watched, event) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Show:
            self.shown.emit()
        elif event.type() == QEvent.Type.Resize:
            self.maybe_in_sight.emit()
        return False


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
        self._sight = SightWatch(self)
        self._sight.maybe_in_sight.connect(self._on_maybe_in_sight)
        # A view being shown catches up before its first paint, so it never shows stale.
        self._sight.shown.connect(lambda: self._waiting and self._paint_waiting())
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

    def _on_maybe_in_sight(self) -> None:
        if self._waiting:
            QTimer.singleShot(0, self._paint_waiting)  # after the show or resize is laid out

    def _paint_waiting(self) -> None:
        """Refresh the waiting views that came into sight, with what they missed."""
        for view, wanted in list(self._views):
            waiting = self._waiting.get(id(view))
            if waiting and not self._sight.out_of_sight(view):
                del self._waiting[id(view)]
                self._refresh(view, frozenset(waiting & wanted))

    @staticmethod
    def _refresh(view, sections) -> None:
        try:
            view.refresh(sections)
        except Exception as error:  # that view's fault: report it, paint the rest
            report_fault(error)

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
                if not everyone and self._sight.out_of_sight(view):
                    self._waiting.setdefault(id(view), set()).update(touched)
                    continue
                touched |= self._waiting.pop(id(view), set()) & wanted
                self._refresh(view, touched)
        finally:
            self._painting = False
