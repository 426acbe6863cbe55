"""Soak for memory: 100,000 seeded random changes through the real window; RSS growth.

The same random user as ``tests/test_soak.py`` (``tests/soak_driver.py``):
sliders, typed and extreme spin-box values, pickers, presets, layer sizes,
compare add/remove, graph clicks, tabs and Undo/Redo. The scheduler is flushed
every few changes and the event loop runs every 50, as in a real drag.

After a warm-up (caches, pyqtgraph items and the undo history fill up first)
resident memory is read every ``READ_EVERY`` changes, together with the C
heap's own account (glibc ``mallinfo2``: bytes in use by live allocations, and
bytes the allocator holds free). One reading swings by several MiB with the
state of the moment (a 6x16 network and its heatmaps, the pixmap cache), so
two readings make a poor slope. The figures:

* growth per 10,000 changes, least-squares over every reading after the
  warm-up (the issue's goal: under 5 MB), and the same over the first and the
  second half (a cache filling shows as growth that stops; a leak keeps going);
* the old two-point figure (last reading minus the warm-up one), for history;
* the C heap in use, the same way: a leak we own would grow here;
* at the end (window open), RSS before and after ``malloc_trim(0)``: what the allocator
  holds free (fragmentation and high-water marks) rather than what is live.

Usage: ``.venv/bin/python benchmarks/soak.py [--changes 100000] [--warmup 5000]
[--seed 1] [--json] [--no-limits]``
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _harness  # noqa: E402

_harness.prepare()
sys.path.insert(0, os.path.join(_harness.ROOT, "tests"))

FLUSH_EVERY = 7  # as the soak test
EVENTS_EVERY = 50
READ_EVERY = 1_000  # changes per reading: ~100 points on the curve of a full run
PRINT_EVERY = 10_000  # changes per printed progress line
BLOCK = 10_000  # the goal's unit: growth per this many changes
MIB = 2**20


class _MallInfo2(ctypes.Structure):
    """glibc's ``struct mallinfo2`` (glibc >= 2.33): sizes in bytes, summed over arenas."""

    _fields_ = [
        (name, ctypes.c_size_t)
        for name in (
            "arena",
            "ordblks",
            "smblks",
            "hblks",
            "hblkhd",
            "usmblks",
            "fsmblks",
            "uordblks",
            "fordblks",
            "keepcost",
        )
    ]


def _glibc():
    """The C library when it is glibc with ``mallinfo2``, else None (macOS, musl, old glibc)."""
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name)
        libc.mallinfo2.restype = _MallInfo2
        libc.malloc_trim.argtypes = [ctypes.c_size_t]
    except (OSError, AttributeError, TypeError):
        return None
    return libc


LIBC = _glibc()


def heap_mb() -> tuple[float, float] | None:
    """(MiB in live allocations, MiB held free by the allocator), or None off glibc."""
    if LIBC is None:
        return None
    info = LIBC.mallinfo2()
    return (info.uordblks + info.hblkhd) / MIB, info.fordblks / MIB


def slope_per_block(points) -> float | None:
    """Least-squares growth of ``(change, MiB)`` points, in MiB per `BLOCK` changes."""
    if len(points) < 2:
        return None
    xs = [x for x, _ in points]
    ys = [y for _, y in points]
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    spread = sum((x - mean_x) ** 2 for x in xs)
    if spread == 0:
        return None
    covariance = sum((x - mean_x) * (y - mean_y) for x, y in points)
    return round(covariance / spread * BLOCK, 3)


def trend(points) -> dict:
    """Slope over all points and over each half (the halves share the middle point)."""
    middle = len(points) // 2
    return {
        "all": slope_per_block(points),
        "first_half": slope_per_block(points[: middle + 1]),
        "second_half": slope_per_block(points[middle:]),
    }


def apply_limits(enabled: bool) -> dict | None:
    """The product's native-memory settings (`actplay.app.process`), when asked and present."""
    if not enabled:
        return None
    try:
        from actplay.app.process import limit_native_caches
    except ImportError:
        return None
    return limit_native_caches()


def run(args) -> dict:
    from PySide6.QtWidgets import QApplication
    from soak_driver import SoakDriver, run_deferred_deletes

    from actplay.app import create_window

    app = QApplication.instance() or QApplication([])
    limits = apply_limits(not args.no_limits)
    window = create_window()
    window.resize(*_harness.WINDOW_SIZE)
    window.show()
    app.processEvents()
    driver = SoakDriver(window, args.seed)
    rss, heap_used, heap_free = [], [], []  # (changes done, MiB)
    started = _harness.CLOCK()
    for change in range(1, args.changes + 1):
        driver.step()
        if change % FLUSH_EVERY == 0:
            window.scheduler.flush()
        if change % EVENTS_EVERY == 0:
            app.processEvents()
            run_deferred_deletes()
        if change >= args.warmup and (change - args.warmup) % READ_EVERY == 0:
            rss.append((change, round(_harness.rss_mb(), 2)))
            heap = heap_mb()
            if heap is not None:
                heap_used.append((change, round(heap[0], 2)))
                heap_free.append((change, round(heap[1], 2)))
            if not args.json and (change - args.warmup) % PRINT_EVERY == 0:
                print(
                    f"  {change:>7} changes: RSS {rss[-1][1]:.1f} MiB"
                    + (f", C heap in use {heap[0]:.1f} / free {heap[1]:.1f}" if heap else "")
                    + f" ({_harness.CLOCK() - started:.0f} s)",
                    flush=True,
                )
    seconds = round(_harness.CLOCK() - started, 1)
    trimmed = None
    if LIBC is not None:  # the window still open: only free heap can go back
        before = _harness.rss_mb()
        LIBC.malloc_trim(0)
        trimmed = {"before": round(before, 2), "after": round(_harness.rss_mb(), 2)}
    window.close()
    endpoint = None
    if len(rss) > 1:
        (first_change, first_rss), (last_change, last_rss) = rss[0], rss[-1]
        endpoint = round((last_rss - first_rss) / (last_change - first_change) * BLOCK, 3)
    rss_trend = trend(rss)
    return {
        "changes": args.changes,
        "warmup": args.warmup,
        "seed": args.seed,
        "seconds": seconds,
        "limits": limits,
        "growth_mb_per_10000": rss_trend["all"],
        "rss_trend": rss_trend,
        "endpoint_growth_mb_per_10000": endpoint,
        "heap_used_trend": trend(heap_used) if heap_used else None,
        "rss_range": [min(y for _, y in rss), max(y for _, y in rss)] if rss else None,
        "trim_at_end": trimmed,
        "rss_mb": rss,
        "heap_used_mb": heap_used,
        "heap_free_mb": heap_free,
        "counts": driver.counts,
    }


def lines_for(figures) -> list[str]:
    rss = figures["rss_trend"]
    heap = figures["heap_used_trend"]
    trimmed = figures["trim_at_end"]
    every_tenth = [
        point for point in figures["rss_mb"] if (point[0] - figures["warmup"]) % PRINT_EVERY == 0
    ]
    lines = [
        f"soak: {figures['changes']} changes (seed {figures['seed']}) in "
        f"{figures['seconds']} s; native limits: {figures['limits']}",
        f"  RSS growth after warm-up: {rss['all']} MiB per 10,000 changes, least squares "
        f"over {len(figures['rss_mb'])} readings (goal < 5)",
        f"    first half {rss['first_half']}, second half {rss['second_half']}; "
        f"two-point (last - first) {figures['endpoint_growth_mb_per_10000']}",
        f"    RSS range after warm-up: {figures['rss_range']} MiB",
        f"  RSS every 10,000 (changes, MiB): {every_tenth}",
    ]
    if heap:
        lines.append(
            f"  C heap in use: {heap['all']} MiB per 10,000 (first half "
            f"{heap['first_half']}, second half {heap['second_half']})"
        )
    if trimmed:
        lines.append(
            f"  at the end, RSS {trimmed['before']} MiB; after malloc_trim(0) "
            f"{trimmed['after']} MiB (free heap the allocator kept)"
        )
    lines.append(f"  changes by kind: {figures['counts']}")
    return lines


def main(argv=None) -> int:
    parser = _harness.base_parser(__doc__.splitlines()[0])
    parser.add_argument("--changes", type=int, default=100_000)
    parser.add_argument("--warmup", type=int, default=5_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--no-limits", action="store_true", help="skip actplay.app.process.limit_native_caches()"
    )
    return _harness.run_script(parser, run, lines_for, argv)


if __name__ == "__main__":
    sys.exit(main())
