"""The sdist is complete: it carries the whole tests/ tree, and its tests collect from it.

The sdist is built by setup.py with the installed setuptools (no network), unpacked,
and pytest collects its tests with the unpacked actplay first on the path;
``packaging/check`` runs them all from there.
"""

from __future__ import annotations

import os
import pathlib
import re
import subprocess
import sys
import tarfile

import pytest

REPO = pathlib.Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow


def _files(folder: pathlib.Path) -> set[str]:
    return {
        path.relative_to(folder).as_posix()
        for path in folder.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    }


@pytest.fixture(scope="module")
def unpacked_sdist(tmp_path_factory):
    pytest.importorskip("setuptools")
    scratch = tmp_path_factory.mktemp("sdist")
    result = subprocess.run(
        [sys.executable, "setup.py", "-q", "sdist", "--dist-dir", str(scratch)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    (archive,) = scratch.glob("actplay-*.tar.gz")
    with tarfile.open(archive) as tar:
        # The "data" filter where this Python has it (3.11.4+; Debian 12's 3.11.2 has not).
        safe = {"filter": "data"} if hasattr(tarfile, "data_filter") else {}
        tar.extractall(scratch, **safe)
    (root,) = (path for path in scratch.iterdir() if path.is_dir())
    return root


def test_the_sdist_carries_every_test_file(unpacked_sdist):
    assert _files(unpacked_sdist / "tests") == _files(REPO / "tests")
    for needed in ("benchmarks", "scripts", "docs", "resources", "packaging"):
        assert _files(unpacked_sdist / needed) == _files(REPO / needed), needed


def test_the_sdists_tests_collect_from_the_sdist(unpacked_sdist):
    environment = dict(os.environ, PYTHONPATH=str(unpacked_sdist))
    found = subprocess.run(
        [sys.executable, "-c", "import actplay; print(actplay.__file__)"],
        cwd=unpacked_sdist,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    assert pathlib.Path(found.stdout.strip()).is_relative_to(unpacked_sdist)
    collected = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider"],
        cwd=unpacked_sdist,
        env=environment,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert collected.returncode == 0, collected.stdout[-3000:] + collected.stderr[-3000:]
    count = re.search(r"(\d+) tests? collected", collected.stdout)
    assert count and int(count.group(1)) > 1000, collected.stdout[-500:]
