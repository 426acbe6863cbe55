"""Model cost of one slider change, without any drawing.

One change = the setter (validation, state update, event) plus every derived
result the views ask for in the sections that event named. Timed for a curve
parameter (ELU alpha), a neuron weight and a network weight, alternating
between two values so every change really recomputes. The breakdown shows
which derived result costs what. The network panel computes only its open
tab, so a network weight is timed twice: with the default Heatmaps tab and
with the Diagnostics tab open. No Qt is imported.

Run::

    .venv/bin/python benchmarks/model_recompute.py [--changes 500] [--json]
"""

from __future__ import annotations

import sys

import _harness as h

if __name__ == "__main__":
    h.prepare()

# What the panels of the default window read back after an event naming each section
# (the network panel computes only its open tab: heatmaps by default).
RESULTS_BY_SECTION = {
    "curve": ("curve_data", "neuron_result"),
    "neuron": ("neuron_result", "truth_table"),
    "network": ("network_trace", "network_heatmaps", "linear_equivalent"),
    "view": (),
}
# With the network panel's Diagnostics tab open instead.
DIAGNOSTICS_TAB = ("network_trace", "network_diagnostics", "linear_equivalent")
KINDS = ("curve_param", "neuron_weight", "network_weight", "network_weight_diagnostics_tab")


def changes(model):
    """name -> (function(step) making one change of that kind, results read after it)."""
    network_weight = lambda step: model.set_weight(1, 0, 0, 0.25 + 0.001 * (step % 2))  # noqa: E731
    return {
        "curve_param": (
            lambda step: model.set_curve_param("alpha", 1.0 + 0.001 * (step % 2 + 1)),
            None,
        ),
        "neuron_weight": (lambda step: model.set_neuron_weight(0, 0.5 + 0.001 * (step % 2)), None),
        "network_weight": (network_weight, None),
        "network_weight_diagnostics_tab": (network_weight, DIAGNOSTICS_TAB),
    }


def time_change(model, make_change, count: int, results=None) -> dict:
    """Per-change total and per-result milliseconds over ``count`` changes."""
    touched = []
    model.changed.connect(touched.append)
    totals, parts = [], {}
    for step in range(count + 5):
        touched.clear()
        start = h.CLOCK()
        make_change(step)
        setter_end = h.CLOCK()
        timings = {"setter": setter_end - start}
        wanted = results or dict.fromkeys(
            r for section in set().union(*touched) for r in RESULTS_BY_SECTION[section]
        )
        for result in wanted:
            begin = h.CLOCK()
            getattr(model, result)()
            timings[result] = h.CLOCK() - begin
        if step < 5:  # warm-up
            continue
        totals.append((h.CLOCK() - start) * 1000.0)
        for name, seconds in timings.items():
            parts.setdefault(name, []).append(seconds * 1000.0)
    model.changed.disconnect(touched.append)
    return {
        "total_ms": h.summarise(totals, 3),
        "median_ms_by_step": {k: round(h.percentile(v, 50), 3) for k, v in parts.items()},
    }


def run(args) -> dict:
    from actplay.model.playground import Playground

    model = Playground()
    model.set_curve_activation("elu")
    figures = {"changes": args.changes}
    for name, (make_change, results) in changes(model).items():
        figures[name] = time_change(model, make_change, args.changes, results)
    figures["worst_median_ms"] = max(figures[n]["total_ms"]["median"] for n in KINDS[:3])
    return figures


def lines_for(figures: dict) -> list[str]:
    out = [f"model recompute per change ({figures['changes']} changes each; target <= 2 ms)"]
    for name in KINDS:
        out.append(h.stat_line(name, figures[name]["total_ms"], width=31))
        out.append(
            "    "
            + "  ".join(f"{k} {v:.3f}" for k, v in figures[name]["median_ms_by_step"].items())
        )
    return out


def main(argv=None) -> int:
    parser = h.base_parser(__doc__.splitlines()[0])
    parser.add_argument("--changes", type=int, default=500)
    return h.run_script(parser, run, lines_for, argv)


if __name__ == "__main__":
    sys.exit(main())
