"""Slider-to-paint latency of the real window, per kind of slider, against the bare window.

One step: ``slider.setValue(v)`` (what a drag does), then run the event loop
until nothing painted for ``--quiet-ms``. The latency is the time from
``setValue`` to the end of the last Paint handler that answered it (the
sliders' own handle repaints do not count). Sliders are taken round-robin so
every kind gets its share; the bare reference window is measured in the same
process, alternating with the real one in ``--blocks`` rounds (5 by default),
so the ratio holds on any machine and a machine whose speed drifts during the
run weighs on both windows alike.

Run::

    .venv/bin/python benchmarks/latency.py [--steps 300] [--json] [--custom] [--training] [--race]
        [--lessons]
    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python benchmarks/latency.py --xcb

``--sizes 2,16,16,16,16,16,16,1`` gives the network those layer sizes,
``--layout network`` shows the network layout (the canvas in the centre),
``--only weight`` (or ``input``, ``curve``, ``neuron``) moves sliders of that
kind alone: a drag of one kind of slider, not a mix.

``--custom`` first adds a custom activation with a parameter and selects it
for the curve, the neuron and the first hidden layer. ``--training`` starts the
Training dock's Play (the dock stays behind its tab) so training runs in time
slices while the sliders move. The window then never goes idle, so a step
waits ``--cap-ms`` (default 80 ms with ``--training``) and its latency is the
end of each widget's first paint after the first redraw-scheduler frame that
followed ``setValue`` (the first picture showing the change), latest widget.
``--race`` instead opens the race window and plays a six-way activation race
(spiral, 4x8, batch 10) in it, measured the same way.

``--lessons`` adds a third window, the real one with the lessons dock open at
lesson 1, step 1 (live text, a ringed control, the task re-checked on every
change), measured in the same alternating blocks; the report gives its ratio
to the window without the dock.
"""

from __future__ import annotations

import sys

import _harness as h

if __name__ == "__main__":
    h.prepare()


CUSTOM_FUNCTION = {
    "name": "bench_softsign",
    "formula": "x / (1 + abs(x))**p",
    "title": "softsign with power p",
    "params": {"p": (1.0, 0.2, 4.0)},
}


def select_custom(window) -> list[str]:
    """Add ``CUSTOM_FUNCTION`` and use it for the curve, the neuron and hidden layer 1."""
    model = window.model
    name = CUSTOM_FUNCTION["name"]
    model.add_custom_activation(CUSTOM_FUNCTION)
    model.set_curve_activation(name)
    model.set_neuron_activation(name)
    model.set_layer_activation(1, name)
    window.scheduler.flush()
    return [f"custom {CUSTOM_FUNCTION['formula']} on curve, neuron, layer 1"]


def open_lesson_step(window) -> list[str]:
    """Open the lessons dock at the first lesson's first step (its set-up runs)."""
    from actplay.ui.lessons.dock import open_lessons

    panel = open_lessons(window)
    panel.show_step(0)
    return [f"lessons dock open at {panel.lesson.key} step 1"]


RACE_ACTIVATIONS = ("sigmoid", "tanh", "relu", "leaky_relu", "elu", "gelu")


def start_race(window) -> list[str]:
    """Open the race window and play a six-way race on the spiral 4x8 batch-10 recipe."""
    from actplay.ui.race.window import open_race_window

    race_window = open_race_window(window)
    race = window.model.race
    race.set(
        dataset={**race.settings["dataset"], "source": "spiral", "points": 500, "noise": 0.0},
        hidden=[8, 8, 8, 8],
        contestants=[{"activation": name, "params": {}} for name in RACE_ACTIVATIONS],
        batch_size=10,
        repeats=1,
        epochs=5000,  # never ends while measuring
    )
    race_window.pane.controls.play.click()
    if not race.running or not race_window.pane.driver.active:
        raise RuntimeError("the race did not start")
    return ["six-way race playing in its window"]


def start_training(window) -> list[str]:
    """Press the Training dock's Play (the panel is built without raising its tab)."""
    window.training_panel.play.setChecked(True)
    if not window.model.running:
        raise RuntimeError("training did not start")
    return ["training playing"]


def shape_network(
    window, sizes: str | None, layout: str | None, only: str | None = None
) -> list[str]:
    """Give the network ``sizes`` ("2,16,16,1") and show ``layout``; what was done.

    The network layout keeps the network's input sliders in the left dock's
    Network tab, behind the Neuron tab; a user who drags them brings it forward
    with View > Network. So when ``only`` is ``"input"`` there, that tab is
    brought forward with its Inputs page in front, as that user sees it.
    """
    done = []
    if sizes:
        shape = tuple(int(v) for v in sizes.split(","))
        window.model.set_layer_sizes(shape)
        done.append(f"network {'-'.join(map(str, shape))}")
    if layout:
        window.layouts.show_layout(layout)
        done.append(f"{layout} layout")
        if layout == "network" and only == "input":
            window.layouts.show_network_details()  # what View > Network does there
            window.network_panel.tabs.setCurrentIndex(0)
            done.append("Network tab of the left dock (View menu), Inputs page")
    window.scheduler.flush()
    return done


class FrameClock:
    """Start times of the redraw scheduler's frames (wraps ``scheduler._paint``)."""

    def __init__(self, scheduler):
        self.starts = []
        paint = scheduler._paint

        def stamped():
            self.starts.append(h.CLOCK())
            paint()

        scheduler._paint = stamped


def first_frame_latency(answers, frames: list, start: float):
    """End of the latest widget's first paint after the first frame since ``start`` (ms)."""
    frame = next((t for t in frames if t >= start), None)
    if frame is None:
        return None
    first = {}
    for receiver, begin, end, _region in answers:
        if begin >= frame:
            first.setdefault(id(receiver), end)
    return (max(first.values()) - start) * 1000.0 if first else None


def measure(
    app,
    window,
    steps: int,
    warmup: int,
    quiet: float,
    cap: float,
    frames: FrameClock | None = None,
    first: int = 0,
    only: str | None = None,
) -> dict:
    """Move every visible slider of ``window`` in turn; latency samples by kind.

    ``first`` is where the round-robin over the sliders begins (blocks go on
    where the previous block stopped).

    Returns
    -------
    dict
        ``samples`` kind -> list of ms (plus ``"all"``), ``paint_ms`` per step,
        ``sliders`` count per kind, ``silent`` steps that painted nothing,
        ``capped`` steps that never went idle, ``widgets`` paint ms by class.
    """
    sliders = h.find_sliders(window)
    if only:
        sliders = [s for s in sliders if h.slider_kind(s) == only] or sliders
    area = h.SliderArea(sliders)
    sweeps = [h.Sweep(s) for s in sliders]
    waiter = h.IdleWaiter(app)
    samples = {"all": []}
    paint_ms, widgets = [], {}
    silent = capped = 0
    for step in range(warmup + steps):
        index = (first + step - warmup) % len(sliders)
        slider = sliders[index]
        value = sweeps[index].next()
        app.take_paints()
        start = h.CLOCK()
        slider.setValue(value)
        if not waiter.wait(h.CLOCK(), quiet, cap):
            capped += 1
        answers = [p for p in app.take_paints() if area.is_response(p)]
        if step < warmup:
            continue
        latency = (
            first_frame_latency(answers, frames.starts, start)
            if frames
            else answers and (max(p[2] for p in answers) - start) * 1000.0
        )
        if not latency:
            silent += 1
            continue
        samples["all"].append(latency)
        samples.setdefault(h.slider_kind(slider), []).append(latency)
        paint_ms.append(sum(p[2] - p[1] for p in answers) * 1000.0)
        for receiver, begin, end, _region in answers:
            name = h.widget_label(receiver)
            widgets[name] = widgets.get(name, 0.0) + (end - begin) * 1000.0
    counts = {}
    for slider in sliders:
        counts[h.slider_kind(slider)] = counts.get(h.slider_kind(slider), 0) + 1
    return {
        "samples": samples,
        "paint_ms": paint_ms,
        "sliders": counts,
        "silent": silent,
        "capped": capped,
        "widgets": widgets,
    }


def _merge(total: dict | None, part: dict) -> dict:
    """Add one block's `measure` result to the running total."""
    if total is None:
        return part
    for kind, values in part["samples"].items():
        total["samples"].setdefault(kind, []).extend(values)
    total["paint_ms"].extend(part["paint_ms"])
    for name, ms in part["widgets"].items():
        total["widgets"][name] = total["widgets"].get(name, 0.0) + ms
    total["silent"] += part["silent"]
    total["capped"] += part["capped"]
    return total


def run(args) -> dict:
    """Measure the bare window and the real one, alternating in blocks; return the figures.

    Both windows are built first. Then each of ``--blocks`` rounds shows the bare
    window for its share of the steps, hides it, and does the same with the real
    one, so a machine that speeds up or slows down during the run (other
    processes, CPU frequency, a virtual machine's neighbours) weighs on both
    alike instead of on whichever went second.
    """
    app = h.paint_clock_app()
    figures = {"platform": None, "steps": args.steps}
    windows = {}
    kinds = ("bare", "app") + (("lessons",) if args.lessons else ())
    for which in kinds:
        window = h.build_window("app" if which == "lessons" else which)
        h.show_settled(app, window)
        if which == "lessons":
            figures["lessons_setup"] = open_lesson_step(window)
            h.show_settled(app, window)
        if which in ("app", "lessons") and not args.as_is:
            setup = select_custom(window) if args.custom else []
            setup += shape_network(window, args.sizes, args.layout, args.only)
            figures["app_setup"] = setup + h.reveal_all_kinds(window)
            h.show_settled(app, window)
            if args.training:
                figures["app_setup"] += start_training(window)
            if args.race:
                figures["app_setup"] += start_race(window)
        figures["platform"] = app.platformName()
        if args.paints:
            import _census

            steps = args.bare_steps if which == "bare" else args.steps
            cap = (args.cap_ms or 500.0) / 1000
            figures[which] = {
                "counts": _census.census(
                    app,
                    window,
                    steps,
                    args.warmup,
                    args.quiet_ms / 1000,
                    cap,
                    profile_calls=not args.no_calls,
                )
            }
            window.close()
            window.deleteLater()
            app.processEvents()
            continue
        window.hide()
        windows[which] = window
    if args.paints:
        return figures
    if args.lessons:
        # create_window freezes what it built only once per process (launch.py): without
        # this the second real window's ~10^5 objects stay in the collector's sight and
        # its full collections land on that window's steps alone.
        import gc

        gc.collect()
        gc.freeze()
    busy = args.training or args.race  # the window never goes idle: time to the first frame
    blocks = 1 if busy else max(1, args.blocks)
    frames = FrameClock(windows["app"].scheduler) if busy else None
    if args.training and args.lessons:
        raise SystemExit("--lessons and --training: measure one at a time")
    results = dict.fromkeys(kinds)
    race = windows["app"].model.race
    for block in range(blocks):
        for which, window in windows.items():
            steps = args.bare_steps if which == "bare" else args.steps
            share = steps // blocks + (1 if block < steps % blocks else 0)
            training = busy and which != "bare"
            cap = (args.cap_ms or (80.0 if training else 500.0)) / 1000
            if args.race:  # the race runs while the real window is measured, not the bare one
                race_window = windows["app"].race_window
                if race.running != (which != "bare"):
                    race_window.pane.controls.play.click()
            h.show_settled(app, window)
            done = len(results[which]["samples"]["all"]) if results[which] else 0
            part = measure(
                app,
                window,
                share,
                args.warmup,
                args.quiet_ms / 1000,
                cap,
                frames if training else None,
                first=done,
                only=args.only if which != "bare" else None,
            )
            window.hide()
            results[which] = _merge(results[which], part)
    if args.training:
        windows["app"].model.set_running(False)  # pausing publishes the epochs trained so far
        figures["training_epochs"] = windows["app"].model.epoch
    if args.race:
        windows["app"].model.race.set_running(False)
        figures["race_epochs"] = windows["app"].model.race.epoch
    for which, window in windows.items():
        result = results[which]
        figures[which] = {
            "latency_ms": {k: h.summarise(v) for k, v in result["samples"].items()},
            "paint_ms": h.summarise(result["paint_ms"]),
            "sliders": result["sliders"],
            "silent_steps": result["silent"],
            "capped_steps": result["capped"],
            "paint_ms_by_widget": {
                k: round(v, 1)
                for k, v in sorted(result["widgets"].items(), key=lambda kv: -kv[1])[:8]
            },
        }
        window.close()
        window.deleteLater()
        app.processEvents()
    figures["blocks"] = blocks
    bare = figures["bare"]["latency_ms"]["all"]
    real = figures["app"]["latency_ms"]["all"]
    figures["ratio_median"] = h.ratio(real and real["median"], bare and bare["median"])
    figures["ratio_p99"] = h.ratio(real and real["p99"], bare and bare["p99"])
    if args.lessons:
        lessons = figures["lessons"]["latency_ms"]["all"]
        figures["lessons_ratio_median"] = h.ratio(
            lessons and lessons["median"], real and real["median"]
        )
        figures["lessons_ratio_p99"] = h.ratio(lessons and lessons["p99"], real and real["p99"])
    return figures


def lines_for(figures: dict) -> list[str]:
    """Human-readable report."""
    if "counts" in figures["app"]:
        import _census

        out = [f"platform {figures['platform']}   counts per slider change (load-independent)"]
        for which in ("bare", "app", "lessons"):
            if which not in figures:
                continue
            out.append(f"== {which}")
            out += _census.census_lines(figures[which]["counts"])
        return out
    out = [
        f"platform {figures['platform']}   window {h.WINDOW_SIZE[0]}x{h.WINDOW_SIZE[1]}"
        f"   {figures['blocks']} alternating blocks"
        f"   set-up: {', '.join(figures.get('app_setup') or ['none'])}"
    ]
    titles = (("bare", "bare window"), ("app", "actplay window"), ("lessons", "with lessons"))
    for which, title in titles:
        if which not in figures:
            continue
        part = figures[which]
        out.append(
            f"{title}: sliders {part['sliders']}  silent steps {part['silent_steps']}  "
            f"capped {part['capped_steps']}"
        )
        for kind in ("all",) + h.KINDS:
            if kind in part["latency_ms"]:
                out.append("  " + h.stat_line(f"latency {kind}", part["latency_ms"][kind]))
        out.append("  " + h.stat_line("paint time", part["paint_ms"]))
        out.append(f"  paint ms by widget: {part['paint_ms_by_widget']}")
    if "training_epochs" in figures:
        out.append(f"training ran to epoch {figures['training_epochs']:.1f} while measuring")
    if "race_epochs" in figures:
        out.append(f"the six-way race ran to epoch {figures['race_epochs']:.1f} while measuring")
    out.append(
        f"ratio actplay/bare: median {figures['ratio_median']}  p99 {figures['ratio_p99']}"
        "   (targets: median <= 2.0x, p99 <= 33 ms)"
    )
    if "lessons_ratio_median" in figures:
        out.append(
            f"lessons dock open ({', '.join(figures['lessons_setup'])}) / closed: "
            f"median {figures['lessons_ratio_median']}  p99 {figures['lessons_ratio_p99']}"
        )
    return out


def main(argv=None) -> int:
    parser = h.base_parser(__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=300, help="measured steps, real window")
    parser.add_argument(
        "--bare-steps", type=int, default=None, help="bare window (default = --steps)"
    )
    parser.add_argument("--warmup", type=int, default=5, help="unmeasured steps per block")
    parser.add_argument(
        "--blocks",
        type=int,
        default=5,
        help="alternate bare and real window this many times (1 with --training)",
    )
    parser.add_argument(
        "--quiet-ms", type=float, default=30.0, help="idle after this long unpainted"
    )
    parser.add_argument(
        "--cap-ms",
        type=float,
        default=None,
        help="longest wait per step (default 500, 80 with --training)",
    )
    parser.add_argument(
        "--as-is",
        action="store_true",
        help="measure the default window untouched (no curve/weight slider)",
    )
    parser.add_argument(
        "--paints",
        action="store_true",
        help="count paints, painted widgets and areas, layout requests and "
        "Python calls per change instead of timing",
    )
    parser.add_argument("--no-calls", action="store_true", help="with --paints: skip cProfile")
    parser.add_argument(
        "--custom", action="store_true", help="select a custom activation (with a parameter) first"
    )
    parser.add_argument(
        "--training",
        action="store_true",
        help="keep the Training dock playing while the sliders move",
    )
    parser.add_argument(
        "--race",
        action="store_true",
        help="keep a six-way activation race playing in its window while the sliders move",
    )
    parser.add_argument("--sizes", default=None, help="network layer sizes, e.g. 2,16,16,1")
    parser.add_argument(
        "--layout", choices=("curve", "network"), default=None, help="window layout to show"
    )
    parser.add_argument(
        "--only",
        choices=("curve", "neuron", "weight", "input"),
        default=None,
        help="move sliders of this kind only",
    )
    parser.add_argument(
        "--lessons",
        action="store_true",
        help="also measure the window with the lessons dock open, in the same blocks",
    )
    args = parser.parse_args(argv)
    args.bare_steps = args.bare_steps or args.steps
    figures = run(args)
    h.report(figures, args.json, lines_for(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
