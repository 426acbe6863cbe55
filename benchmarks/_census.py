"""Load-independent counts per slider change: paints, painted widgets and areas, layouts, calls.

Times swing on a shared machine; counts do not. For each slider step this
records, through the `PaintClock` notify hook:

* every Paint event that answered the change (the slider's own handle and the
  area under it excluded), by widget, with the painted region's area in px;
* every ``LayoutRequest`` event delivered, by receiver (a relayout usually
  means a widget changed its size hint, and the paint after it covers more);
* the number of Python function calls (``cProfile``), and the functions
  called most often.

A widget that repaints although nothing on it visibly changed, a second paint
of the same widget in one step, or a relayout per step is a defect to remove.
`latency.py --paints` prints this report.
"""

from __future__ import annotations

import cProfile
import pstats

import _harness as h


def widget_name(widget) -> str:
    """``Class#objectName`` of a widget; a viewport is named after its view."""
    try:
        target, suffix = widget, ""
        if type(widget).__name__ == "QWidget" and widget.parent() is not None:
            target, suffix = widget.parent(), ".viewport"
        name = type(target).__name__
        if target.objectName():
            name += "#" + target.objectName()
        parent = target.parent()
        # An anonymous widget is told apart by the nearest named ancestor.
        while not target.objectName() and parent is not None and not parent.objectName():
            parent = parent.parent()
        if not target.objectName() and parent is not None:
            name += " in " + parent.objectName()
        return name + suffix
    except RuntimeError:  # deleted meanwhile
        return "<deleted>"


def region_area(region) -> int:
    """Pixels covered by a QRegion (its rectangles do not overlap)."""
    return sum(rect.width() * rect.height() for rect in region)


class _Tally:
    """Per-kind sums over steps."""

    def __init__(self) -> None:
        self.steps = 0
        self.paints = 0
        self.area = 0
        self.layouts = 0
        self.calls = 0
        self.by_widget: dict[str, list] = {}  # name -> [paints, area]
        self.layout_by: dict[str, int] = {}
        self.functions: dict[str, int] = {}

    def as_dict(self, top: int) -> dict:
        n = max(1, self.steps)
        widgets = sorted(self.by_widget.items(), key=lambda kv: -kv[1][0])
        functions = sorted(self.functions.items(), key=lambda kv: -kv[1])[:top]
        return {
            "steps": self.steps,
            "paints_per_step": round(self.paints / n, 2),
            "area_px_per_step": round(self.area / n),
            "layout_requests_per_step": round(self.layouts / n, 2),
            "python_calls_per_step": round(self.calls / n),
            "widgets": {
                name: {"paints": round(p / n, 2), "area_px": round(a / n)}
                for name, (p, a) in widgets
            },
            "layout_requests": {
                name: round(c / n, 2)
                for name, c in sorted(self.layout_by.items(), key=lambda kv: -kv[1])
            },
            "top_calls": {name: round(c / n, 1) for name, c in functions},
        }


def _function_counts(profile: cProfile.Profile) -> tuple[int, dict]:
    stats = pstats.Stats(profile)
    counts = {}
    for (filename, line, name), row in stats.stats.items():
        short = filename.rsplit("/site-packages/", 1)[-1].rsplit("/work/main/", 1)[-1]
        counts[f"{short}:{line}({name})"] = row[1]  # primitive + recursive calls
    return stats.total_calls, counts


def census(
    app,
    window,
    steps: int,
    warmup: int,
    quiet: float,
    cap: float,
    profile_calls: bool = True,
    top: int = 12,
) -> dict:
    """Move every visible slider in turn; counts per step, by kind (plus ``"all"``)."""
    sliders = h.find_sliders(window)
    area = h.SliderArea(sliders)
    sweeps = [h.Sweep(s) for s in sliders]
    waiter = h.IdleWaiter(app)
    tallies = {"all": _Tally()}
    for step in range(warmup + steps):
        index = step % len(sliders)
        slider = sliders[index]
        value = sweeps[index].next()
        app.take_paints()
        app.take_watched()
        profile = cProfile.Profile() if profile_calls and step >= warmup else None
        if profile is not None:
            profile.enable()
        slider.setValue(value)
        waiter.wait(h.CLOCK(), quiet, cap)
        if profile is not None:
            profile.disable()
        paints = [p for p in app.take_paints() if area.is_response(p)]
        layouts = app.take_watched()
        if step < warmup:
            continue
        kind = h.slider_kind(slider)
        for tally in (tallies["all"], tallies.setdefault(kind, _Tally())):
            tally.steps += 1
            for receiver, _start, _end, region in paints:
                pixels = region_area(region)
                row = tally.by_widget.setdefault(widget_name(receiver), [0, 0])
                row[0] += 1
                row[1] += pixels
                tally.paints += 1
                tally.area += pixels
            for receiver, _type in layouts:
                name = widget_name(receiver)
                tally.layout_by[name] = tally.layout_by.get(name, 0) + 1
                tally.layouts += 1
            if profile is not None:
                total, counts = _function_counts(profile)
                tally.calls += total
                for name, count in counts.items():
                    tally.functions[name] = tally.functions.get(name, 0) + count
    return {kind: tally.as_dict(top) for kind, tally in tallies.items()}


def census_lines(counts: dict, widgets_shown: int = 14) -> list[str]:
    """Readable per-kind report of `census`."""
    out = []
    for kind in ("all",) + h.KINDS:
        row = counts.get(kind)
        if not row:
            continue
        out.append(
            f"{kind}: {row['steps']} steps  paints/step {row['paints_per_step']}  "
            f"area/step {row['area_px_per_step']} px  layout requests/step "
            f"{row['layout_requests_per_step']}  python calls/step "
            f"{row['python_calls_per_step']}"
        )
        if kind == "all":
            continue
        for name, cell in list(row["widgets"].items())[:widgets_shown]:
            out.append(f"    paint  {cell['paints']:5.2f} x {cell['area_px']:8d} px  {name}")
        for name, count in row["layout_requests"].items():
            out.append(f"    layout {count:5.2f}  {name}")
        for name, count in list(row["top_calls"].items())[:6]:
            out.append(f"    calls  {count:7.1f}  {name}")
    return out
