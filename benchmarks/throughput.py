"""Repaints per second while a slider is dragged continuously, and how fresh they are.

For each kind of slider (and the bare window's one slider) the script moves
one slider back-to-back for ``--duration`` seconds: ``setValue`` followed by
one non-blocking ``processEvents``, the hardest a mouse can push. A repaint is
an iteration in which the busiest plot (the graphics-view viewport with the
largest paint time: the curve plot, bars or heatmaps) painted. Reported per slider:

* ``repaints_per_s``;
* ``value_age_ms``: end of each repaint minus the time its newest value was
  set (how old the picture is when it appears);
* ``oldest_unshown_ms``: end of each repaint minus the first value set since
  the previous repaint (the longest any value waited);
* ``drain_ms``: after the last ``setValue``, until the final value is painted
  (target: within one frame, ~16.7 ms).

Run::

    .venv/bin/python benchmarks/throughput.py [--duration 2] [--json]
"""

from __future__ import annotations

import sys

import _harness as h

if __name__ == "__main__":
    h.prepare()


def drag(app, slider, area, duration: float, quiet: float) -> dict:
    """Drag ``slider`` back-to-back for ``duration`` s; frame figures of the busiest widget."""
    from shiboken6 import getCppPointer

    sweep = h.Sweep(slider)
    set_times, painted = [], []  # per iteration: {widget: last paint end}
    busy, labels = {}, {}
    app.take_paints()
    start = h.CLOCK()
    while h.CLOCK() - start < duration:
        set_times.append(h.CLOCK())
        slider.setValue(sweep.next())
        app.processEvents()
        ends = {}
        for paint in app.take_paints():
            if not area.is_response(paint):
                continue
            key = getCppPointer(paint[0])[0]
            labels.setdefault(key, h.widget_label(paint[0]))
            busy[key] = busy.get(key, 0.0) + paint[2] - paint[1]
            ends[key] = max(ends.get(key, 0.0), paint[2])
        painted.append(ends)
    last_set = h.CLOCK()
    elapsed = last_set - start
    # The plots and heatmaps (graphics-view viewports) are what a drag is watched on;
    # spin boxes and frames repaint on every value and would inflate the count.
    views = {k: v for k, v in busy.items() if labels[k].endswith(".viewport")} or busy
    main = max(views, key=views.get) if views else None

    ages, oldest_waits, frame_ends = [], [], []
    oldest = None
    for set_time, ends in zip(set_times, painted, strict=True):
        oldest = set_time if oldest is None else oldest
        if main in ends:
            frame_ends.append(ends[main])
            ages.append((ends[main] - set_time) * 1000.0)
            oldest_waits.append((ends[main] - oldest) * 1000.0)
            oldest = None

    h.IdleWaiter(app).wait(last_set, quiet, 2.0)
    late = [p for p in app.take_paints() if area.is_response(p) and getCppPointer(p[0])[0] == main]
    drain = (max(p[2] for p in late) - last_set) * 1000.0 if late else 0.0
    intervals = [(b - a) * 1000.0 for a, b in zip(frame_ends[:-1], frame_ends[1:], strict=True)]
    return {
        "slider": slider.objectName(),
        "busiest_widget": labels.get(main),
        "setvalue_per_s": round(len(set_times) / elapsed, 1),
        "repaints_per_s": round(len(frame_ends) / elapsed, 1),
        "frame_interval_ms": h.summarise(intervals),
        "value_age_ms": h.summarise(ages),
        "oldest_unshown_ms": h.summarise(oldest_waits),
        "drain_ms": round(drain, 2),
    }


def pick_sliders(window) -> dict:
    """The first visible slider of each kind."""
    chosen = {}
    for slider in h.find_sliders(window):
        chosen.setdefault(h.slider_kind(slider), slider)
    return chosen


def run(args) -> dict:
    app = h.paint_clock_app()
    figures = {"platform": None, "duration_s": args.duration}
    for which in ("bare", "app"):
        window = h.build_window(which)
        h.show_settled(app, window)
        if which == "app":
            figures["app_setup"] = h.reveal_all_kinds(window)
            h.show_settled(app, window)
        figures["platform"] = app.platformName()
        chosen = pick_sliders(window)
        area = h.SliderArea(list(chosen.values()))
        figures[which] = {
            kind: drag(app, slider, area, args.duration, args.quiet_ms / 1000)
            for kind, slider in chosen.items()
        }
        window.close()
        window.deleteLater()
        app.processEvents()
    return figures


def lines_for(figures: dict) -> list[str]:
    out = [
        f"platform {figures['platform']}   drag {figures['duration_s']} s per slider   "
        "(targets: >= 60 repaints/s, drain <= 16.7 ms)"
    ]
    for which in ("bare", "app"):
        for kind, row in figures[which].items():
            age, oldest = row["value_age_ms"] or {}, row["oldest_unshown_ms"] or {}
            out.append(
                f"{which:4s} {kind:8s} {row['slider']:32s} repaints/s {row['repaints_per_s']:6.1f}"
                f"  (setValue/s {row['setvalue_per_s']:7.1f})  value age median "
                f"{age.get('median', 0):6.2f} p99 {age.get('p99', 0):6.2f} ms  oldest unshown "
                f"p99 {oldest.get('p99', 0):6.2f} ms  drain {row['drain_ms']:6.2f} ms"
                f"  [{row['busiest_widget']}]"
            )
    return out


def main(argv=None) -> int:
    parser = h.base_parser(__doc__.splitlines()[0])
    parser.add_argument("--duration", type=float, default=2.0, help="seconds per slider")
    parser.add_argument("--quiet-ms", type=float, default=30.0)
    return h.run_script(parser, run, lines_for, argv)


if __name__ == "__main__":
    sys.exit(main())
