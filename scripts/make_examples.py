"""Write one example session per preset to resources/examples/<name>.actplay.json.

Each file is the state of a fresh Playground after applying the preset, so
the examples always match the presets; tests/model/test_presets.py checks
they are up to date. Run after changing a preset or the session format:

    .venv/bin/python scripts/make_examples.py
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from actplay.model import presets, session  # noqa: E402
from actplay.model.playground import Playground  # noqa: E402

EXAMPLES = REPO / "resources" / "examples"


def preset_state(name: str) -> dict:
    """The state of a fresh Playground after preset ``name``."""
    playground = Playground()
    presets.apply(playground, name)
    return playground.state_dict()


def example_path(name: str) -> Path:
    """Where preset ``name``'s example session lives."""
    return EXAMPLES / f"{name}{session.SUFFIX}"


def main() -> int:
    EXAMPLES.mkdir(parents=True, exist_ok=True)
    for name in presets.PRESETS:
        playground = Playground()
        presets.apply(playground, name)
        session.save(playground, example_path(name))
        print(f"wrote {example_path(name).relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
