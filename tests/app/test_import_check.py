"""The quick import check answers as PySide's own, and stands aside when it cannot."""

from __future__ import annotations

import sys
import types

import pytest

from actplay.app import import_check


def _feature():
    import PySide6.QtCore  # noqa: F401 (the hook exists once PySide6 is imported)

    return sys.modules[import_check.FEATURE_MODULE]


def test_the_quick_check_agrees_with_pyside_on_every_loaded_module(qapp):
    import pyqtgraph  # noqa: F401 (hundreds of modules, some naming PySide6, most not)

    import actplay.ui.shell.main_window  # noqa: F401

    assert import_check.quicken()
    feature = _feature()
    original = feature._mod_uses_pyside.original
    answers = {}
    for module in [m for m in list(sys.modules.values()) if isinstance(m, types.ModuleType)]:
        try:
            expected = original(module)
        except Exception:  # noqa: BLE001 (torch.classes and the like raise on any read)
            continue
        answers[module.__name__] = (import_check.uses_pyside(module, original), expected)
    differing = {name: both for name, both in answers.items() if both[0] != both[1]}
    assert differing == {}
    said_yes = {name for name, (quick, _) in answers.items() if quick}
    assert "actplay.app.import_check" in said_yes and "PySide6" in said_yes
    assert "numpy" not in said_yes and "actplay.core.network" not in said_yes
    assert 10 < len(said_yes) < len(answers) / 2


def test_new_modules_are_judged_by_their_source(tmp_path, monkeypatch, qapp):
    assert import_check.quicken()
    (tmp_path / "qt_user_mod.py").write_text("from PySide6 import QtCore\n")
    (tmp_path / "plain_mod.py").write_text("VALUE = 1\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    feature = _feature()
    for name, uses in (("qt_user_mod", True), ("plain_mod", False)):
        module = __import__(name)  # the import statement's way: PySide hooks __import__
        assert feature._mod_uses_pyside(module) is uses
        assert feature.pyside_feature_dict[name] == (0 if uses else -1)  # what PySide records
        monkeypatch.delitem(sys.modules, name)


@pytest.mark.parametrize(
    "hook",
    [
        types.SimpleNamespace(),  # no such function: another PySide
        types.SimpleNamespace(  # the hook asks something else now
            _mod_uses_pyside=lambda module: True, feature_imported=lambda module: None
        ),
    ],
)
def test_it_stands_aside_when_pyside_is_not_as_expected(monkeypatch, hook):
    monkeypatch.setitem(sys.modules, import_check.FEATURE_MODULE, hook)
    assert import_check.quicken() is False
    assert not getattr(getattr(hook, "_mod_uses_pyside", None), "quickened", False)
