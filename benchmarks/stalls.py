"""Where the long waits of a continuous drag go: a per-iteration time breakdown.

Drags one slider per kind back-to-back (as `throughput.py` does: ``setValue``
then one ``processEvents``) and times every iteration. Each iteration's time
is split into phases measured by wrapping the code that runs in it:

* ``gc``: Python's garbage collector (``gc.callbacks``), per generation;
* ``undo``: the undo recorder's handler (state snapshot, compare, push);
* ``refresh``: the scheduler's view refreshes (setData, setImage, labels);
* ``paint``: Qt Paint events (the widgets drawing);
* ``other``: the rest (slider, model, event-loop passes).

Reported per slider: iteration time median/p99/max, the totals per phase, and
the slowest iterations with their breakdown, so a stall is named, not guessed.

Run::

    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python benchmarks/stalls.py --xcb
"""

from __future__ import annotations

import sys

import _harness as h

if __name__ == "__main__":
    h.prepare()

PHASES = ("gc0", "gc1", "gc2", "undo", "refresh", "paint", "other")


class PhaseClock:
    """Accumulates time per phase; wraps callables and hooks the garbage collector."""

    def __init__(self):
        self.spent = dict.fromkeys(PHASES, 0.0)
        self._gc_start = None
        self.full_runs = []  # (ms, objects tracked before, collected) per generation-2 run
        self._tracked = 0

    def reset(self) -> dict:
        spent, self.spent = self.spent, dict.fromkeys(PHASES, 0.0)
        return spent

    def on_gc(self, phase, info) -> None:
        if phase == "start":
            if info["generation"] == 2:
                import gc

                self._tracked = len(gc.get_objects())
            self._gc_start = h.CLOCK()
        elif self._gc_start is not None:
            took = h.CLOCK() - self._gc_start
            self.spent[f"gc{min(info['generation'], 2)}"] += took
            if info["generation"] == 2:
                self.full_runs.append((round(took * 1000.0, 1), self._tracked, info["collected"]))
            self._gc_start = None

    def wrap(self, owner, name: str, phase: str) -> None:
        """Replace ``owner.name`` with a timed version counting into ``phase``."""
        original = getattr(owner, name)

        def timed(*args, **kwargs):
            start = h.CLOCK()
            try:
                return original(*args, **kwargs)
            finally:
                self.spent[phase] += h.CLOCK() - start

        setattr(owner, name, timed)


def drag(app, clock, slider, duration: float, slowest: int) -> dict:
    """Drag ``slider`` for ``duration`` s; iteration times and the slowest breakdowns."""
    sweep = h.Sweep(slider)
    rows = []
    app.take_paints()
    clock.reset()
    start = h.CLOCK()
    while h.CLOCK() - start < duration:
        begin = h.CLOCK()
        slider.setValue(sweep.next())
        app.processEvents()
        total = h.CLOCK() - begin
        spent = clock.reset()
        spent["paint"] = sum(p[2] - p[1] for p in app.take_paints())
        spent["other"] = total - sum(spent.values())
        rows.append((total, spent))
    totals = {p: round(sum(r[1][p] for r in rows) * 1000.0, 1) for p in PHASES}
    worst = sorted(rows, key=lambda r: r[0], reverse=True)[:slowest]
    return {
        "slider": slider.objectName(),
        "iterations": len(rows),
        "iteration_ms": h.summarise([r[0] * 1000.0 for r in rows]),
        "total_ms_per_phase": totals,
        "gc_runs": {p: sum(1 for r in rows if r[1][p] > 0) for p in ("gc0", "gc1", "gc2")},
        "slowest": [
            {
                "ms": round(t * 1000.0, 2),
                **{p: round(v * 1000.0, 2) for p, v in s.items() if v > 0.0005},
            }
            for t, s in worst
        ],
    }


def run(args) -> dict:
    import gc

    from actplay.ui import scheduler as scheduler_module
    from actplay.ui.shell import undo

    app = h.paint_clock_app()
    clock = PhaseClock()
    gc.callbacks.append(clock.on_gc)
    clock.wrap(undo.UndoRecorder, "_on_model_changed", "undo")
    clock.wrap(scheduler_module.RedrawScheduler, "_paint", "refresh")
    window = h.build_window("app")
    h.show_settled(app, window)
    setup = h.reveal_all_kinds(window)
    h.show_settled(app, window)
    chosen = {}
    for slider in h.find_sliders(window):
        chosen.setdefault(h.slider_kind(slider), slider)
    figures = {
        "platform": app.platformName(),
        "app_setup": setup,
        "gc_threshold": gc.get_threshold(),
        "gc_frozen": gc.get_freeze_count(),
        "sliders": {
            kind: drag(app, clock, slider, args.duration, args.slowest)
            for kind, slider in chosen.items()
        },
    }
    figures["full_collections"] = clock.full_runs
    window.close()
    return figures


def lines_for(figures: dict) -> list[str]:
    out = [
        f"platform {figures['platform']}   gc threshold {figures['gc_threshold']}   "
        f"frozen objects {figures['gc_frozen']}"
    ]
    for kind, row in figures["sliders"].items():
        out.append("")
        out.append(h.stat_line(f"{kind} {row['slider']} iteration", row["iteration_ms"], 48))
        out.append(
            "  total ms per phase: "
            + "  ".join(f"{p} {v}" for p, v in row["total_ms_per_phase"].items())
        )
        out.append(f"  gc runs: {row['gc_runs']}")
        for worst in row["slowest"]:
            out.append("  slow: " + "  ".join(f"{k} {v}" for k, v in worst.items()))
    out.append(f"full collections (ms, objects tracked, collected): {figures['full_collections']}")
    return out


def main(argv=None) -> int:
    parser = h.base_parser(__doc__.splitlines()[0])
    parser.add_argument("--duration", type=float, default=2.0, help="seconds per slider")
    parser.add_argument("--slowest", type=int, default=6, help="iterations to break down")
    return h.run_script(parser, run, lines_for, argv)


if __name__ == "__main__":
    sys.exit(main())
