"""Slider-to-paint latency per slider kind and network size, as the performance goal states it.

Runs ``latency.py`` once per (network, layout, slider kind) in a fresh process,
each against the bare window in the same run, and prints one table: median and
p99 of the real window, the bare window's median, and the ratio. The goal
(``benchmarks/README.md``): at 2-8-8-1 each kind's median at most 2x the bare
window and p99 at most 16.7 ms; at 2 x 16^6 x 1 and 8 x 16^6 x 8 at most 3x and
33 ms.

Run::

    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python benchmarks/latency_matrix.py --xcb
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import _harness as h

HERE = Path(__file__).resolve().parent
NETWORKS = {
    "2-8-8-1": "2,8,8,1",
    "2x16^6x1": "2,16,16,16,16,16,16,1",
    "8x16^6x8": "8,16,16,16,16,16,16,8",
}
# (network, layout, kinds): the curve layout has every kind on screen; the network
# layout is where large networks are looked at (curve sliders are in a dock there).
RUNS = (
    ("2-8-8-1", "curve", ("curve", "neuron", "weight", "input")),
    ("2-8-8-1", "network", ("weight", "input")),
    ("2x16^6x1", "network", ("weight", "input")),
    ("8x16^6x8", "network", ("weight", "input")),
    ("2x16^6x1", "curve", ("curve",)),
)
TARGETS = {"2-8-8-1": (2.0, 16.7), "2x16^6x1": (3.0, 33.0), "8x16^6x8": (3.0, 33.0)}


def one(network: str, layout: str, kind: str, args) -> dict:
    command = [
        sys.executable,
        str(HERE / "latency.py"),
        "--json",
        "--steps",
        str(args.steps),
        "--blocks",
        str(args.blocks),
        "--sizes",
        NETWORKS[network],
        "--layout",
        layout,
        "--only",
        kind,
    ]
    if args.xcb:
        command.append("--xcb")
    done = subprocess.run(command, capture_output=True, text=True, timeout=1800)
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-2000:])
    return json.loads(done.stdout.strip().splitlines()[-1])


def run(args) -> dict:
    rows = []
    todo = [(n, layout, kind) for n, layout, kinds in RUNS for kind in kinds]
    for network, layout, kind in todo[: args.first or None]:
        figures = one(network, layout, kind, args)
        real = figures["app"]["latency_ms"].get(kind)
        if real is None:  # no slider of that kind in view: never report another kind's figure
            raise RuntimeError(f"{network} {layout}: no {kind} slider in view")
        bare = figures["bare"]["latency_ms"]["all"]
        rows.append(
            {
                "network": network,
                "layout": layout,
                "kind": kind,
                "median": real["median"],
                "p99": real["p99"],
                "bare_median": bare["median"],
                "ratio": h.ratio(real["median"], bare["median"]),
                "n": real["n"],
                "platform": figures["platform"],
            }
        )
    return {"rows": rows}


def lines_for(figures: dict) -> list[str]:
    out = [
        f"{'network':10} {'layout':8} {'kind':7} {'median':>7} {'p99':>7} "
        f"{'bare':>6} {'ratio':>6}  goal"
    ]
    for row in figures["rows"]:
        ratio_goal, p99_goal = TARGETS[row["network"]]
        met = row["ratio"] <= ratio_goal and row["p99"] <= p99_goal
        out.append(
            f"{row['network']:10} {row['layout']:8} {row['kind']:7} {row['median']:7.2f} "
            f"{row['p99']:7.2f} {row['bare_median']:6.2f} {row['ratio']:6.2f}  "
            f"<= {ratio_goal}x, p99 <= {p99_goal} ms: {'met' if met else 'NOT met'}"
        )
    return out


def main(argv=None) -> int:
    parser = h.base_parser(__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=200, help="measured steps per run")
    parser.add_argument("--blocks", type=int, default=4, help="bare/real alternations per run")
    parser.add_argument("--first", type=int, default=0, help="only the first N runs (0: all)")
    args = parser.parse_args(argv)
    figures = run(args)
    h.report(figures, args.json, lines_for(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
