"""docs/python-api.md is true: its examples run as doctests, and the API needs no Qt.

The page's examples are the API's tests of record; a fresh interpreter checks that
``import actplay`` and the numeric calls load no Qt, and that the lazy names work.
"""

from __future__ import annotations

import doctest
import pathlib
import subprocess
import sys

import pytest

import actplay

PAGE = pathlib.Path(__file__).resolve().parents[2] / "docs" / "python-api.md"


def test_every_example_of_the_page_runs():
    result = doctest.testfile(
        str(PAGE),
        module_relative=False,
        optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE,
        verbose=False,
    )
    assert result.attempted > 30
    assert result.failed == 0


def test_the_package_docstring_example_runs():
    assert doctest.testmod(actplay, verbose=False).failed == 0


def test_import_and_the_numeric_api_load_no_qt():
    code = """
import sys
import actplay
assert not any(m.startswith(("PySide6", "shiboken6", "pyqtgraph")) for m in sys.modules)
net = actplay.network([2, 4, 1], ["tanh", "sigmoid"])
result = actplay.train(net, actplay.dataset("circle", n_points=100), epochs=2)
actplay.activation("gelu").second_derivative([0.0, 1.0])
actplay.to_torch_script(result.network)
actplay.playground_with(result.network)
heavy = ("PySide6", "shiboken6", "pyqtgraph", "torch")
print(sorted(m for m in sys.modules if m.startswith(heavy)))
"""
    run = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "[]"


def test_the_layers_are_reachable_as_attributes():
    assert actplay.core.activations.get("relu").name == "relu"
    assert "activation" in dir(actplay)
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        actplay.nothing  # noqa: B018


def test_the_lazy_name_list_is_the_api_list():
    # ``import actplay`` must know the API's names without importing the API (it stays
    # instant for the command line), so the names are written twice; this keeps them one.
    import actplay.api

    assert sorted(actplay.__all__) == sorted(actplay.api.__all__)
    assert all(getattr(actplay, name) is getattr(actplay.api, name) for name in actplay.__all__)
