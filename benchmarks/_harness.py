"""Shared measuring kit for the benchmark scripts (figures, never pass/fail).

What it offers:

* `prepare(argv)`: pins BLAS to one thread and picks the Qt platform
  (offscreen, or xcb with ``--xcb`` when a display exists) *before* numpy or
  Qt are imported; every script calls it first.
* `PaintClock`: a QApplication whose ``notify`` records the start and end of
  every Paint event it delivers. An event filter would only see the start; the
  end of the handler is what the user waits for.
* `IdleWaiter`: spins a real nested event loop until nothing painted for a
  quiet period (timers fire on time, as in the app's own main loop).
* `find_sliders`, `slider_kind`: the visible sliders of a window and which
  part of the app each one drives, by ``objectName``.
* `percentile`, `summarise`, `rss_mb`, `report`: small helpers; `run_script`
  is the parse-run-print tail of every script's ``main``.

Import this module only after `prepare` ran (scripts do that in order).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time

CLOCK = time.perf_counter
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HERE = os.path.dirname(os.path.abspath(__file__))
WINDOW_SIZE = (1280, 800)  # the size the targets are stated for
KINDS = ("curve", "neuron", "weight", "input", "network", "other")


def prepare(argv=None) -> bool:
    """Set thread and platform environment before numpy/Qt load; returns True for xcb.

    Parameters
    ----------
    argv : list of str, optional
        The script's arguments; only ``--xcb`` is looked at here.
    """
    argv = sys.argv[1:] if argv is None else argv
    # A small network's matrices are tiny: BLAS worker threads cost more than they save.
    for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(name, "1")
    xcb = "--xcb" in argv and bool(os.environ.get("DISPLAY"))
    if "--xcb" in argv and not xcb:
        print("benchmarks: --xcb given but no DISPLAY; using offscreen", file=sys.stderr)
    os.environ["QT_QPA_PLATFORM"] = "xcb" if xcb else "offscreen"
    for path in (ROOT, HERE):
        if path not in sys.path:
            sys.path.insert(0, path)
    return xcb


def base_parser(description: str) -> argparse.ArgumentParser:
    """Argument parser with the options every script shares."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--xcb", action="store_true", help="use xcb when DISPLAY is set")
    parser.add_argument("--json", action="store_true", help="print one JSON line")
    return parser


# -- statistics ------------------------------------------------------------------------
def percentile(values, q: float):
    """Linearly interpolated ``q``-th percentile (0..100) of ``values``; None when empty."""
    ordered = sorted(values)
    if not ordered:
        return None
    position = (len(ordered) - 1) * q / 100.0
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def summarise(values, digits: int = 2) -> dict | None:
    """``n``, median, p90, p99 and max of ``values`` (milliseconds), rounded."""
    if not values:
        return None
    return {
        "n": len(values),
        "median": round(percentile(values, 50), digits),
        "p90": round(percentile(values, 90), digits),
        "p99": round(percentile(values, 99), digits),
        "max": round(max(values), digits),
    }


def ratio(numerator, denominator, digits: int = 2):
    """``numerator / denominator`` rounded, or None when either is missing or zero."""
    if not numerator or not denominator:
        return None
    return round(numerator / denominator, digits)


def rss_mb() -> float:
    """Resident memory of this process in MiB, from ``/proc/self/statm``."""
    with open("/proc/self/statm") as handle:
        pages = int(handle.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def report(figures: dict, as_json: bool, lines) -> None:
    """Print ``figures`` as one JSON line, or the human-readable ``lines``."""
    if as_json:
        print(json.dumps(figures, separators=(",", ":")))
    else:
        print("\n".join(lines))
    sys.stdout.flush()


def run_script(parser: argparse.ArgumentParser, run, lines_for, argv=None) -> int:
    """Parse ``argv``, compute ``run(args)`` and print it (JSON or ``lines_for``); exit status."""
    args = parser.parse_args(argv)
    figures = run(args)
    report(figures, args.json, lines_for(figures))
    return 0


def stat_line(label: str, stats: dict | None, width: int = 16) -> str:
    """One aligned line ``label median p90 p99 (n)`` for a `summarise` result."""
    if not stats:
        return f"{label:{width}s} -"
    return (
        f"{label:{width}s} median {stats['median']:7.2f}  p90 {stats['p90']:7.2f}  "
        f"p99 {stats['p99']:7.2f}  max {stats['max']:7.2f} ms  (n={stats['n']})"
    )


# -- the instrumented application ------------------------------------------------------
def paint_clock_app():
    """Create (once) and return the `PaintClock` QApplication."""
    from PySide6 import QtCore, QtWidgets

    existing = QtWidgets.QApplication.instance()
    if existing is not None:
        return existing
    paint_type = QtCore.QEvent.Type.Paint
    layout_type = QtCore.QEvent.Type.LayoutRequest
    deliver = QtWidgets.QApplication.notify

    class PaintClock(QtWidgets.QApplication):
        """Records ``(receiver, start, end, region)`` for each Paint it delivers.

        Also keeps ``(receiver, type)`` of each LayoutRequest (see `take_watched`).
        """

        def __init__(self, args):
            super().__init__(args)
            self.paints: list = []
            self.watched: list = []
            self.last_paint_end = 0.0
            self.on_paint = None  # optional callback(end time), used by startup timing

        def notify(self, receiver, event):
            kind = event.type()
            if kind != paint_type:
                if kind == layout_type:
                    self.watched.append((receiver, kind))
                return deliver(self, receiver, event)
            start = CLOCK()
            try:
                return deliver(self, receiver, event)
            finally:
                end = CLOCK()
                self.paints.append((receiver, start, end, event.region()))
                self.last_paint_end = end
                if self.on_paint is not None:
                    self.on_paint(end)

        def take_paints(self) -> list:
            """Paints recorded since the last call (and forget them)."""
            paints, self.paints = self.paints, []
            return paints

        def take_watched(self) -> list:
            """LayoutRequest events delivered since the last call (and forget them)."""
            watched, self.watched = self.watched, []
            return watched

    return PaintClock([sys.argv[0]])


class IdleWaiter:
    """Runs a nested event loop until no paint for ``quiet`` s (or ``cap`` s passed)."""

    def __init__(self, app):
        from PySide6 import QtCore

        self.app = app
        self.loop = QtCore.QEventLoop()
        self.timer = QtCore.QTimer()
        self.timer.setSingleShot(True)
        self.timer.setTimerType(QtCore.Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(self._check)
        self.since = self.quiet = self.deadline = 0.0
        self.capped = False

    def _check(self) -> None:
        now = CLOCK()
        if now >= self.deadline:
            self.capped = True
            self.loop.quit()
            return
        remaining = self.quiet - (now - max(self.since, self.app.last_paint_end))
        if remaining <= 0:
            self.loop.quit()
            return
        self.timer.start(max(1, int(min(remaining, self.deadline - now) * 1000) + 1))

    def wait(self, since: float, quiet: float = 0.03, cap: float = 0.5) -> bool:
        """Block until idle; True when idle was reached, False when the cap hit."""
        self.since, self.quiet, self.deadline, self.capped = since, quiet, since + cap, False
        self.timer.start(max(1, int(quiet * 1000) + 1))
        self.loop.exec()
        return not self.capped


# -- windows and sliders -----------------------------------------------------------------
def build_window(which: str, argv=None):
    """``"bare"`` (our reference window) or ``"app"`` (``actplay.app.create_window``)."""
    if which == "bare":
        import bare_window

        return bare_window.make_window()
    from actplay.app import create_window

    return create_window(argv)


def show_settled(app, window, settle: float = 0.3):
    """Show ``window`` at the benchmark size and wait until it stopped painting.

    A dock shown while the window was hidden can make Qt grow the window on
    show (no window manager under Xvfb holds it to the screen, as a desktop
    would): it is put back to the benchmark size, so every figure is at the size
    it says.
    """
    window.resize(*WINDOW_SIZE)
    window.show()
    IdleWaiter(app).wait(CLOCK(), settle, 10.0)
    if (window.width(), window.height()) != WINDOW_SIZE:
        window.resize(*WINDOW_SIZE)
        IdleWaiter(app).wait(CLOCK(), settle, 10.0)
    if (window.width(), window.height()) != WINDOW_SIZE:
        raise RuntimeError(f"the window will not be {WINDOW_SIZE}: {window.size().toTuple()}")
    app.take_paints()


def find_sliders(window) -> list:
    """Shown (not covered), enabled sliders of ``window`` with a real range, no scroll bars."""
    from PySide6 import QtWidgets

    found = []
    for slider in window.findChildren(QtWidgets.QAbstractSlider):
        if isinstance(slider, QtWidgets.QScrollBar):
            continue
        # isVisible() is also true behind another dock's tab; the user sees no pixel of it.
        if (
            slider.isVisible()
            and not slider.visibleRegion().isEmpty()
            and slider.isEnabled()
            and slider.minimum() < slider.maximum()
        ):
            found.append(slider)
    return found


def slider_kind(slider) -> str:
    """Which part of the app a slider drives, from its ``objectName``."""
    name = slider.objectName() or ""
    if name.startswith(("curve_", "param", "cmp")):
        return "curve"
    if name.startswith("neuron_"):
        return "neuron"
    if name.startswith("network_selected_weight"):
        return "weight"
    if name.startswith("network_input_"):
        return "input"
    if name.startswith("network_"):
        return "network"
    return "other"


class Sweep:
    """Walks a slider back and forth over its range; each call gives a new value."""

    def __init__(self, slider, stops: int = 25):
        self.slider = slider
        self.step = max(1, (slider.maximum() - slider.minimum()) // stops)
        self.direction = 1

    def next(self) -> int:
        low, high = self.slider.minimum(), self.slider.maximum()
        current = self.slider.value()
        value = current + self.direction * self.step
        if not low <= value <= high:
            self.direction = -self.direction
            value = min(high, max(low, current + self.direction * self.step))
        return value if value != current else (current + 1 if current < high else current - 1)


class SliderArea:
    """Tells the sliders' own repaints (handle, background) from the app's response."""

    def __init__(self, sliders):
        from PySide6 import QtCore, QtGui

        self._origin = QtCore.QPoint(0, 0)
        self.sliders = {id(s) for s in sliders}
        self.region = QtGui.QRegion()
        for slider in sliders:
            self.region += QtGui.QRegion(slider.rect().translated(slider.mapToGlobal(self._origin)))

    def is_response(self, paint) -> bool:
        """True unless the paint only redrew a probed slider or the area under it."""
        receiver, _start, _end, region = paint
        if id(receiver) in self.sliders:
            return False
        try:
            painted = region.translated(receiver.mapToGlobal(self._origin))
        except RuntimeError:  # the widget is gone: it was not a slider's background
            return True
        return not painted.subtracted(self.region).isEmpty()


def reveal_all_kinds(window) -> list[str]:
    """Make a slider of every kind visible in the real window; returns what was changed.

    The default window shows no curve-parameter slider (the logistic has no
    parameter) and the network-weight slider only once a weight is selected,
    so the benchmarks pick ELU for the curve and select the first weight.
    """
    model = getattr(window, "model", None)
    if model is None:
        return []
    changes = []
    if not model.curve_params:
        model.set_curve_activation("elu")
        changes.append("curve activation elu")
    if model.selected_weight is None:
        model.select_weight(1, 0, 0)
        changes.append("selected weight (1, 0, 0)")
    window.scheduler.flush()
    return changes


def widget_label(widget) -> str:
    """Class name of a painted widget; a plain QWidget is named after its parent's viewport."""
    try:
        name = type(widget).__name__
        if name == "QWidget" and widget.parent() is not None:
            return type(widget.parent()).__name__ + ".viewport"
        return name
    except RuntimeError:  # deleted meanwhile
        return "<deleted>"
