"""Write actplay/model/default_network.py: the default network's first weights, drawn once.

A plain start (no session) shows the default network, whose weights are drawn
from PCG64 with the default layer sizes, scheme and seed. The model keeps that
one draw as data, so the first frame need not import ``numpy.random``;
tests/model/test_default_network.py checks the file equals a fresh draw bit for
bit and is what this script writes. Run after changing the default network or
the drawing code:

    .venv/bin/python scripts/make_default_network.py
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from actplay.core.initialisation import init_parameters  # noqa: E402

TARGET = REPO / "actplay" / "model" / "default_network.py"
PER_LINE = 4  # numbers per line: a row of 8 weights is two lines under 100 characters

HEADER = '''"""The default network's first weights, as drawn from PCG64 (written by a script).

Every start without a session shows the network ``KEY`` names (layer sizes,
init scheme, seed). Drawing its weights would import ``numpy.random`` and the
hashing modules it loads (start-up time: benchmarks/RESULTS.md, "Costs the code
relies on") before the first frame, so the model keeps
the draw here. Do not edit: ``scripts/make_default_network.py`` writes this
file, and ``tests/model/test_default_network.py`` checks it equals a fresh
draw bit for bit.
"""

'''


def default_key() -> tuple:
    """``(layer sizes, scheme, seed)`` of a fresh Playground's network."""
    from actplay.model.playground import Playground

    playground = Playground()
    return (tuple(playground.layer_sizes), playground.init_scheme, playground.seed)


def render(key: tuple) -> str:
    """The module's text for the network ``key`` (``repr`` of a float round-trips exactly)."""
    sizes, scheme, seed = key
    weights, _ = init_parameters(sizes, scheme, seed)
    lines = [HEADER.rstrip("\n"), "", f'KEY = ({tuple(sizes)!r}, "{scheme}", {seed})']
    lines += ["", "# fmt: off", "WEIGHTS = ("]
    for layer in weights:
        lines.append("    (")
        for row in layer:
            values = [repr(float(value)) for value in row]
            chunks = [", ".join(values[i : i + PER_LINE]) for i in range(0, len(values), PER_LINE)]
            last = "," if len(values) == 1 else ""  # a one-element tuple needs its comma
            lines.append("        (" + ",\n         ".join(chunks) + last + "),")
        lines.append("    ),")
    lines += [")", "# fmt: on", ""]
    return "\n".join(lines)


def main() -> int:
    TARGET.write_text(render(default_key()), encoding="utf-8")
    print(f"wrote {TARGET.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
