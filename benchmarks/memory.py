"""Resident memory of the real window after 10, 1,000 and 10,000 slider changes.

Every visible slider (one of each kind revealed, as in ``latency.py``) moves in
turn with ``setValue``; after each change the event loop runs once without
waiting, and every 25 changes until idle, so the scheduler paints as it would
under a drag. RSS is read after a garbage collection at each checkpoint;
growth is scaled to 10,000 changes from the stretch after the first 1,000
(caches and pyqtgraph's first allocations settle early).

Run::

    .venv/bin/python benchmarks/memory.py [--changes 10000] [--json]
"""

from __future__ import annotations

import gc
import sys

import _harness as h

if __name__ == "__main__":
    h.prepare()

SETTLE_EVERY = 25  # changes between full waits for the scheduler's trailing paint


def run(args) -> dict:
    app = h.paint_clock_app()
    window = h.build_window("app")
    h.show_settled(app, window)
    setup = h.reveal_all_kinds(window)
    h.show_settled(app, window)
    sliders = h.find_sliders(window)
    sweeps = [h.Sweep(s) for s in sliders]
    waiter = h.IdleWaiter(app)
    checkpoints = sorted({min(c, args.changes) for c in (10, 1000, args.changes)})
    gc.collect()
    rss = {"0": round(h.rss_mb(), 2)}
    start = h.CLOCK()
    for change in range(1, args.changes + 1):
        index = change % len(sliders)
        sliders[index].setValue(sweeps[index].next())
        app.processEvents()
        if change % SETTLE_EVERY == 0 or change in checkpoints:
            waiter.wait(h.CLOCK(), 0.02, 0.5)
            app.take_paints()  # the recorder must not be what grows
        if change in checkpoints:
            gc.collect()
            rss[str(change)] = round(h.rss_mb(), 2)
    figures = {
        "changes": args.changes,
        "sliders": len(sliders),
        "app_setup": setup,
        "seconds": round(h.CLOCK() - start, 1),
        "rss_mb": rss,
    }
    base = 1000 if args.changes > 1000 else checkpoints[0]
    span = args.changes - base
    figures["growth_mb_per_10000"] = (
        round((rss[str(args.changes)] - rss[str(base)]) * 10000 / span, 2) if span > 0 else None
    )
    return figures


def lines_for(figures: dict) -> list[str]:
    return [
        f"{figures['changes']} changes over {figures['sliders']} sliders in {figures['seconds']} s",
        "rss MiB after changes: " + "  ".join(f"{k}: {v}" for k, v in figures["rss_mb"].items()),
        f"growth per 10,000 changes: {figures['growth_mb_per_10000']} MiB   (target < 5)",
    ]


def main(argv=None) -> int:
    parser = h.base_parser(__doc__.splitlines()[0])
    parser.add_argument("--changes", type=int, default=10000)
    return h.run_script(parser, run, lines_for, argv)


if __name__ == "__main__":
    sys.exit(main())
