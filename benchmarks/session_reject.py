"""How long the session loader takes to reject each kind of bad file (goal: under 1 s).

The files come from ``tests/model/session_cases.py``: random bytes, truncated
JSON, 100,000 levels of nesting, huge numbers, NaN tokens, a file just over
the 10 MB limit and the largest allowed files (10 MB, the bad value at the
end). Each is rejected ``--repeat`` times; the median and the worst are printed.

Usage: ``.venv/bin/python benchmarks/session_reject.py [--repeat 5] [--json]``
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _harness  # noqa: E402

_harness.prepare()
sys.path.insert(0, os.path.join(_harness.ROOT, "tests", "model"))

GOAL_S = 1.0  # the goal for the slowest rejection


def run(args) -> dict:
    from session_cases import make_cases

    from actplay.model import session

    figures = {}
    with tempfile.TemporaryDirectory() as folder:
        for kind, path in make_cases(folder).items():
            times = []
            for _ in range(args.repeat):
                started = _harness.CLOCK()
                try:
                    session.read_state(path)
                except session.SessionError:
                    pass
                else:
                    raise SystemExit(f"{kind}: the loader accepted a bad file")
                times.append(_harness.CLOCK() - started)
            figures[kind] = {
                "bytes": os.path.getsize(path),
                "median_ms": round(statistics.median(times) * 1000, 2),
                "max_ms": round(max(times) * 1000, 2),
            }
    figures["worst_ms"] = max(v["max_ms"] for v in figures.values())
    return figures


def lines_for(figures) -> list[str]:
    lines = [f"{'kind':26s} {'bytes':>10s} {'median ms':>10s} {'max ms':>8s}"]
    for kind, v in figures.items():
        if isinstance(v, dict):
            lines.append(
                f"{kind:26s} {v['bytes']:>10d} {v['median_ms']:>10.2f} {v['max_ms']:>8.2f}"
            )
    lines.append(f"slowest rejection: {figures['worst_ms']:.1f} ms (goal < {GOAL_S * 1000:.0f})")
    return lines


def main(argv=None) -> int:
    parser = _harness.base_parser(__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    return _harness.run_script(parser, run, lines_for, argv)


if __name__ == "__main__":
    sys.exit(main())
