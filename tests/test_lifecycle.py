"""No timers or threads outlive the main window, and closing it mid-redraw is safe.

The fixture counts active QTimers among every object the application holds
(top-level widgets and their children, the application's own children) and
Python threads, before a window is created and after it is closed and
deleted; a window that leaves anything running fails the test.
"""

from __future__ import annotations

import gc
import threading

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QTimer
from PySide6.QtWidgets import QApplication

from actplay.app import create_window


def active_timers() -> list[QTimer]:
    """Every running QTimer owned by a top-level widget or the application."""
    owners = list(QApplication.topLevelWidgets()) + [QApplication.instance()]
    timers = []
    for owner in owners:
        timers.extend(t for t in owner.findChildren(QTimer) if t.isActive())
    return timers


def drain_deletions(qtbot) -> None:
    """Run deferred deletes and pending events, as the event loop would after a close."""
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        qtbot.wait(20)
    gc.collect()


@pytest.fixture
def no_leftovers(qtbot):
    """Fail the test if timers or threads started during it are still alive after it."""
    drain_deletions(qtbot)
    timers_before = {id(t) for t in active_timers()}
    threads_before = threading.active_count()
    yield
    drain_deletions(qtbot)
    left = [t for t in active_timers() if id(t) not in timers_before]
    assert left == [], [(t.objectName(), t.parent()) for t in left]
    assert threading.active_count() == threads_before, threading.enumerate()


def _open_window(qtbot):
    window = create_window()
    window.show()
    qtbot.waitExposed(window)
    window.scheduler.flush()
    return window


def _close(window, qtbot) -> None:
    window.close()
    window.deleteLater()
    drain_deletions(qtbot)


def test_a_closed_window_leaves_no_timer_or_thread(qtbot, no_leftovers):
    window = _open_window(qtbot)
    for value in (0.3, 0.4, 0.5):  # a burst: the scheduler's frame timer runs
        window.model.set_neuron_bias(value)
    assert active_timers(), "the frame timer should be running during a burst"
    _close(window, qtbot)


def test_closing_during_a_pending_redraw_is_safe(qtbot, no_leftovers):
    window = _open_window(qtbot)
    model, scheduler = window.model, window.scheduler
    model.set_neuron_bias(0.3)  # painted at once; starts the frame
    model.set_layer_sizes((2, 16, 16, 16, 1))  # inside the frame: pending
    model.set_curve_activation("elu")
    assert scheduler.pending, "the test needs work pending when the window closes"
    redraws = scheduler.redraw_count
    with qtbot.captureExceptions() as exceptions:
        _close(window, qtbot)
        # Changes after the close must not reach deleted views (no late callback).
        model.set_neuron_bias(0.9)
        model.set_layer_sizes((2, 3, 1))
        qtbot.wait(50)
    assert exceptions == []
    assert scheduler_redraws_after_close(redraws, scheduler) == 0


def scheduler_redraws_after_close(before: int, scheduler) -> int:
    try:
        return scheduler.redraw_count - before
    except RuntimeError:  # the scheduler was deleted with its window: nothing can run
        return 0


def test_the_fixture_sees_a_running_timer(qtbot):
    """The check can fail: a timer left running on a top-level widget is found."""
    window = _open_window(qtbot)
    before = {id(t) for t in active_timers()}
    timer = QTimer(window)
    timer.start(10_000)
    assert [t for t in active_timers() if id(t) not in before] == [timer]
    timer.stop()
    _close(window, qtbot)
