"""Layering: core and model import neither PySide6 nor pyqtgraph (checked in a fresh process)."""

import json
import subprocess
import sys

import pytest

QT_PACKAGES = ("PySide6", "shiboken6", "pyqtgraph")

IMPORT_AND_REPORT = """
import importlib, json, pkgutil, sys
import actplay.core.activations
import actplay.core, actplay.model
imported = []
for package in (actplay.core, actplay.model):
    for module in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        importlib.import_module(module.name)
        imported.append(module.name)
qt = sorted(name for name in sys.modules if name.split(".")[0] in {qt_packages!r})
print(json.dumps({{"imported": imported, "qt": qt}}))
"""


def run_fresh(code):
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_core_and_model_import_no_qt():
    report = run_fresh(IMPORT_AND_REPORT.format(qt_packages=set(QT_PACKAGES)))
    assert "actplay.core.activations.base" in report["imported"]
    assert report["qt"] == []


@pytest.mark.parametrize("package", QT_PACKAGES[::2])
def test_the_check_sees_qt_when_it_is_imported(package):
    # Guards the test above against passing vacuously (e.g. a wrong module-name check).
    pytest.importorskip(package)
    code = f"import {package}\n" + IMPORT_AND_REPORT.format(qt_packages=set(QT_PACKAGES))
    assert run_fresh(code)["qt"]
