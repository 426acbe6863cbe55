"""Print pip constraints pinning each runtime dependency to its declared minimum.

    python packaging/minimum_versions.py > minimum.txt
    pip install -c minimum.txt .

Reads ``[project] dependencies`` of pyproject.toml, keeps the ones whose
environment marker holds for the running Python, and prints ``name==floor``
for the version each ``>=`` names. A dependency without a floor is an error:
a range whose lowest version was never run is not an honest range.
``packaging/check --minimum`` installs the result in a fresh venv and takes a
screenshot, so the declared floors are versions that were actually run.
"""

from __future__ import annotations

import pathlib
import sys
import tomllib

from packaging.requirements import Requirement

PYPROJECT = pathlib.Path(__file__).resolve().parent.parent / "pyproject.toml"


def minimum_pins(pyproject: pathlib.Path = PYPROJECT) -> list[str]:
    """``name==version`` for every runtime dependency that applies to this Python."""
    project = tomllib.loads(pyproject.read_text("utf-8"))["project"]
    pins = []
    for text in project["dependencies"]:
        requirement = Requirement(text)
        if requirement.marker is not None and not requirement.marker.evaluate():
            continue
        floors = [spec.version for spec in requirement.specifier if spec.operator == ">="]
        if len(floors) != 1:
            raise SystemExit(f"{requirement.name}: declare exactly one '>=' floor, got {text!r}")
        pins.append(f"{requirement.name}=={floors[0]}")
    return pins


if __name__ == "__main__":
    sys.stdout.write("".join(pin + "\n" for pin in minimum_pins()))
