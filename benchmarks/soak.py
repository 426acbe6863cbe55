"""Soak for memory: 100,000 seeded random changes through the real window; RSS growth.

The same random user as ``tests/test_soak.py`` (``tests/soak_driver.py``):
sliders, typed and extreme spin-box values, pickers, presets, layer sizes,
compare add/remove, graph clicks, tabs and Undo/Redo. The scheduler is flushed
every few changes and the event loop runs every 50, as in a real drag. RSS is
read after a warm-up (caches, pyqtgraph items and the undo history fill up
first) and then every 10,000 changes; the figure is the growth per 10,000
changes after the warm-up (goal: under 5 MB).

Usage: ``.venv/bin/python benchmarks/soak.py [--changes 100000] [--warmup 5000] [--json]``
"""

from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _harness  # noqa: E402

_harness.prepare()
sys.path.insert(0, os.path.join(_harness.ROOT, "tests"))

FLUSH_EVERY = 7  # as the soak test
EVENTS_EVERY = 50
BLOCK = 10_000  # changes per RSS reading


def run(args) -> dict:
    from PySide6.QtWidgets import QApplication
    from soak_driver import SoakDriver, run_deferred_deletes

    from actplay.app import create_window

    app = QApplication.instance() or QApplication([])
    window = create_window()
    window.resize(*_harness.WINDOW_SIZE)
    window.show()
    app.processEvents()
    driver = SoakDriver(window, args.seed)
    readings = []  # (changes done, rss MiB)
    started = _harness.CLOCK()
    for change in range(1, args.changes + 1):
        driver.step()
        if change % FLUSH_EVERY == 0:
            window.scheduler.flush()
        if change % EVENTS_EVERY == 0:
            app.processEvents()
            run_deferred_deletes()
        if change == args.warmup or (change > args.warmup and
                                     (change - args.warmup) % BLOCK == 0):
            readings.append((change, round(_harness.rss_mb(), 2)))
            if not args.json:
                print(f"  {change:>7} changes: RSS {readings[-1][1]:.1f} MiB "
                      f"({_harness.CLOCK() - started:.0f} s)", flush=True)
    window.close()
    growth = None
    if len(readings) > 1:
        (first_change, first_rss), (last_change, last_rss) = readings[0], readings[-1]
        growth = round((last_rss - first_rss) / (last_change - first_change) * BLOCK, 3)
    return {"changes": args.changes, "warmup": args.warmup, "rss_mb": readings,
            "growth_mb_per_10000": growth, "seconds": round(_harness.CLOCK() - started, 1),
            "counts": driver.counts}


def lines_for(figures) -> list[str]:
    return [f"soak: {figures['changes']} changes in {figures['seconds']} s",
            f"  RSS readings (changes, MiB): {figures['rss_mb']}",
            f"  growth after warm-up: {figures['growth_mb_per_10000']} MiB per 10,000 changes "
            "(goal < 5)",
            f"  changes by kind: {figures['counts']}"]


def main(argv=None) -> int:
    parser = _harness.base_parser(__doc__.splitlines()[0])
    parser.add_argument("--changes", type=int, default=100_000)
    parser.add_argument("--warmup", type=int, default=5_000)
    parser.add_argument("--seed", type=int, default=1)
    return _harness.run_script(parser, run, lines_for, argv)


if __name__ == "__main__":
    sys.exit(main())
