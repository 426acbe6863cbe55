"""Process start to first paint, the real window against the bare one.

Each run is a fresh Python process (``--child``) that imports Qt, creates the
application, builds the window, shows it at 1280x800 and exits as soon as its
first repaint pass is over: every widget of the first frame has painted and
the backing store was flushed. The parent times from just before spawning to
that moment (``CLOCK_MONOTONIC`` is shared by all processes on Linux). (Until
the seventh round this script stopped at the end of the first Paint handler,
the top-level window's own paint, before its children: 20-40 ms earlier for
the real window, ~10 ms for the bare one.)

Two clocks find that moment, and each window is measured with both:

* ``filter`` (the headline figure): an event filter on the top-level window
  alone sees the pass's first Paint and posts a zero-time timer, which fires
  as soon as the event loop is back, after the pass. Nothing else of the
  process is touched, so it runs as the app runs for a user.
* ``notify``: a QApplication whose Python ``notify()`` sees every event and
  ends the pass when the outermost event around the first Paint returns, as
  the shared ``latency_probe.py --startup`` does. That hook costs the windows
  in proportion to their events and Qt objects: each event is a call into
  Python (~2 us), and each object Qt made internally (a spin box's line edit,
  a scroll area's viewport) gets a Python wrapper on its first event, which
  PySide marks with a dynamic property (one more event). The real window
  delivers ~7,300 events up to its first frame, the bare one ~1,500: the
  hook adds ~35 ms to the real window's start and ~7 ms to the bare one's. Runs
alternate between the two windows after one unmeasured warm-up each (file and
font caches), so drift hits both alike. Each run also reports the CPU time its
process used up to the first paint (all its threads): on a shared machine that
moves much less with the load than the wall-clock figures, so it shows changes
of a few milliseconds that the medians hide.

The report says how many of actplay's modules have an up-to-date ``.pyc``:
with ``PYTHONDONTWRITEBYTECODE=1`` (set on this machine and in CI) Python never
writes them, so without ``scripts/bootstrap`` (which runs ``compileall``) every
start compiles the whole package (~45 ms the bare window does not pay).

Run::

    .venv/bin/python benchmarks/startup.py [--runs 10] [--json]
"""

from __future__ import annotations

import time

SPAWNED_AT = time.clock_gettime(time.CLOCK_MONOTONIC)  # first thing: the child's own start

import json  # noqa: E402
import os  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402

import _harness as h  # noqa: E402

if __name__ == "__main__":
    h.prepare()


def monotonic() -> float:
    return time.clock_gettime(time.CLOCK_MONOTONIC)


CLOCKS = ("filter", "notify")


def child(which: str, clock: str) -> None:
    """Build and show one window, print timestamps as JSON after its first frame, exit."""
    marks = {"python_up": SPAWNED_AT}
    from PySide6 import QtCore, QtWidgets

    app = pass_clock_app() if clock == "notify" else QtWidgets.QApplication([sys.argv[0]])
    marks["app"] = monotonic()
    window = h.build_window(which)
    marks["built"] = monotonic()
    window.resize(*h.WINDOW_SIZE)
    loop = QtCore.QEventLoop()

    def first_frame():
        if "first_paint" not in marks:
            marks["first_paint"] = monotonic()
            marks["cpu_s"] = time.process_time()
        loop.quit()

    if clock == "notify":
        app.on_pass_end = first_frame
    else:
        watcher = first_paint_watcher(first_frame)
        window.installEventFilter(watcher)
    window.show()
    QtCore.QTimer.singleShot(20000, loop.quit)  # never hang a benchmark
    loop.exec()
    marks["rss_mb"] = round(h.rss_mb(), 1)
    print(json.dumps(marks), flush=True)
    os._exit(0)  # teardown is not part of start-up


def first_paint_watcher(done):
    """An event filter for the top-level window: ``done()`` runs right after the first pass.

    It sees the window's own Paint, which opens the pass (children paint after
    it, then the backing store is flushed), and posts a zero-time timer: the
    timer fires as soon as the event loop is back, that is once the pass is over.
    """
    from PySide6 import QtCore

    class Watcher(QtCore.QObject):
        def __init__(self):
            super().__init__()
            self.armed = False

        def eventFilter(self, watched, event):  # noqa: N802 (Qt's name)
            if not self.armed and event.type() == QtCore.QEvent.Type.Paint:
                self.armed = True
                QtCore.QTimer.singleShot(0, done)
            return False

    return Watcher()


def pass_clock_app():
    """A QApplication that calls ``on_pass_end()`` when the first repaint pass is over.

    Its ``notify`` tracks the nesting depth of event delivery; once a Paint was
    delivered, the return of the outermost event around it ends the pass. Like
    the shared probe's, it costs ~2 us per event, for both windows alike.
    """
    from PySide6 import QtCore, QtWidgets

    paint_type = QtCore.QEvent.Type.Paint
    deliver = QtWidgets.QApplication.notify

    class PassClock(QtWidgets.QApplication):
        def __init__(self, args):
            super().__init__(args)
            self.depth = 0
            self.painted = False
            self.on_pass_end = None

        def notify(self, receiver, event):
            depth = self.depth
            if event.type() == paint_type:
                self.painted = True
            self.depth = depth + 1
            try:
                return deliver(self, receiver, event)
            finally:
                self.depth = depth
                if depth == 0 and self.painted and self.on_pass_end is not None:
                    self.on_pass_end()

    return PassClock([sys.argv[0]])


def bytecode_status() -> dict:
    """How many of actplay's modules have a ``.pyc`` at least as new as their source."""
    import importlib.util

    sources = [
        os.path.join(folder, name)
        for folder, _dirs, names in os.walk(os.path.join(h.ROOT, "actplay"))
        for name in names
        if name.endswith(".py")
    ]
    compiled = 0
    for source in sources:
        cached = importlib.util.cache_from_source(source)
        if os.path.exists(cached) and os.path.getmtime(cached) >= os.path.getmtime(source):
            compiled += 1
    return {
        "modules": len(sources),
        "compiled": compiled,
        "dont_write_bytecode": os.environ.get("PYTHONDONTWRITEBYTECODE", ""),
    }


def spawn(which: str, clock: str, xcb: bool) -> dict:
    """One child run; milliseconds from spawn to each mark."""
    command = [sys.executable, os.path.abspath(__file__), "--child", which, "--clock", clock]
    if xcb:
        command.append("--xcb")
    started = monotonic()
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if not lines or "first_paint" not in lines[-1]:
        raise SystemExit(f"startup child for {which} failed:\n{done.stderr[-2000:]}")
    marks = json.loads(lines[-1])
    return {
        "to_python_ms": (marks["python_up"] - started) * 1000,
        "to_app_ms": (marks["app"] - started) * 1000,
        "to_window_built_ms": (marks["built"] - started) * 1000,
        "to_first_paint_ms": (marks["first_paint"] - started) * 1000,
        "cpu_to_first_paint_ms": marks["cpu_s"] * 1000,
        "rss_mb": marks["rss_mb"],
    }


def run(args) -> dict:
    runs = {(clock, which): [] for clock in CLOCKS for which in ("bare", "app")}
    for clock, which in runs:  # warm-up, not counted
        spawn(which, clock, args.xcb)
    for _ in range(args.runs):  # interleaved: drift hits every series alike
        for clock, which in runs:
            runs[clock, which].append(spawn(which, clock, args.xcb))
    figures = {
        "runs": args.runs,
        "platform": os.environ["QT_QPA_PLATFORM"],
        "bytecode": bytecode_status(),
    }
    for clock in CLOCKS:
        result = figures[clock] = {}
        for which in ("bare", "app"):
            rows = runs[clock, which]
            result[which] = {
                key: round(h.percentile([r[key] for r in rows], 50), 1) for key in rows[0]
            }
            result[which]["first_paint_min_ms"] = round(
                min(r["to_first_paint_ms"] for r in rows), 1
            )
        result["ratio"] = h.ratio(
            result["app"]["to_first_paint_ms"], result["bare"]["to_first_paint_ms"]
        )
        result["cpu_ratio"] = h.ratio(
            result["app"]["cpu_to_first_paint_ms"], result["bare"]["cpu_to_first_paint_ms"]
        )
    return figures


def lines_for(figures: dict) -> list[str]:
    out = [f"platform {figures['platform']}   runs {figures['runs']} each (medians, ms from spawn)"]
    code = figures["bytecode"]
    out.append(
        f"actplay .pyc up to date: {code['compiled']}/{code['modules']} modules"
        f"   PYTHONDONTWRITEBYTECODE={code['dont_write_bytecode'] or '(unset)'}"
        + (
            "   (none: every start compiles; run scripts/bootstrap or "
            "python -m compileall -q actplay)"
            if not code["compiled"]
            else ""
        )
    )
    titles = {
        "filter": "clock: event filter on the window (as the app runs)",
        "notify": "clock: Python notify() on every event (as the shared probe)",
    }
    for clock in CLOCKS:
        result = figures[clock]
        out.append(titles[clock])
        for which in ("bare", "app"):
            row = result[which]
            out.append(
                f"  {which:4s} python up {row['to_python_ms']:6.1f}  app "
                f"{row['to_app_ms']:6.1f}  window built {row['to_window_built_ms']:6.1f}  "
                f"first frame {row['to_first_paint_ms']:6.1f} (min "
                f"{row['first_paint_min_ms']:6.1f})  cpu {row['cpu_to_first_paint_ms']:6.1f}"
                f"  rss {row['rss_mb']} MiB"
            )
        out.append(
            f"  ratio actplay/bare first frame: {result['ratio']}   (goal <= 1.2)"
            f"   cpu ratio {result['cpu_ratio']}"
        )
    return out


def main(argv=None) -> int:
    parser = h.base_parser(__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10, help="measured runs per window")
    parser.add_argument("--child", choices=("bare", "app"), help=argparse_hidden())
    parser.add_argument("--clock", choices=CLOCKS, default="filter", help=argparse_hidden())
    args = parser.parse_args(argv)
    if args.child:
        child(args.child, args.clock)
    figures = run(args)
    h.report(figures, args.json, lines_for(figures))
    return 0


def argparse_hidden():
    import argparse

    return argparse.SUPPRESS


if __name__ == "__main__":
    sys.exit(main())
