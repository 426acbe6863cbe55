"""One build step that pyproject.toml cannot express: ship resources/ inside the package.

The repository keeps its runtime files (icons, example sessions, help text) in
the top-level ``resources/`` folder. A wheel must carry them inside the package
so an installed actplay finds them with ``importlib.resources``; this step
copies them to ``actplay/_resources`` in the build tree. Editable installs skip
it: there ``actplay.resources`` reads the checkout's ``resources/`` directly.
Everything else about the build lives in pyproject.toml.
"""

import pathlib
import shutil

from setuptools import setup
from setuptools.command.build_py import build_py

PROJECT = pathlib.Path(__file__).resolve().parent
SOURCE = PROJECT / "resources"
TARGET = pathlib.Path("actplay", "_resources")  # must match actplay/resources.py
NOT_RUNTIME = {"screenshot.png", "screenshots"}  # README pictures: in the sdist, not the wheel


def _runtime_files():
    """Paths below resources/ that the installed app needs, relative to resources/."""
    if not SOURCE.is_dir():
        return []
    return sorted(path.relative_to(SOURCE) for path in SOURCE.rglob("*")
                  if path.is_file() and path.relative_to(SOURCE).parts[0] not in NOT_RUNTIME)


class BuildPyWithResources(build_py):
    """``build_py`` that also copies resources/ into the package as actplay/_resources."""

    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):
            return
        target = pathlib.Path(self.build_lib) / TARGET
        shutil.rmtree(target, ignore_errors=True)  # no stale files from an earlier build
        for relative in _runtime_files():
            destination = target / relative
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(SOURCE / relative, destination)

    def get_outputs(self, include_bytecode=True):
        copied = [str(pathlib.Path(self.build_lib) / TARGET / relative)
                  for relative in _runtime_files()]
        return super().get_outputs(include_bytecode) + copied


setup(cmdclass={"build_py": BuildPyWithResources})
