"""Colours are named in one place: ``ui/theme/colours.py`` (its roles and palettes).

A pane that writes ``"#b00020"`` or ``QColor("white")`` cannot follow a theme switch
and escapes the visual language's rules, so the ui holds no colour literals outside
the theme's colours module.
"""

from __future__ import annotations

import ast
import pathlib
import re

import actplay.ui

UI = pathlib.Path(actplay.ui.__file__).parent
HEX = re.compile(r"#[0-9a-fA-F]{6}([0-9a-fA-F]{2})?\b")
NAMED = {"black", "white", "red", "green", "blue", "gray", "grey", "w", "k"}
COLOUR_CALLS = {"QColor", "mkPen", "mkBrush", "mkColor"}


def _literals(tree: ast.AST):
    """(line, text) of every colour written out: hex in any string, names given to a
    colour-making call."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if HEX.search(node.value):
                yield node.lineno, node.value
        if isinstance(node, ast.Call):
            name = getattr(node.func, "attr", getattr(node.func, "id", ""))
            if name in COLOUR_CALLS:
                for arg in node.args:
                    if isinstance(arg, ast.Constant) and arg.value in NAMED:
                        yield node.lineno, arg.value


def test_no_colour_literals_outside_the_theme():
    found = []
    for path in sorted(UI.rglob("*.py")):
        if path == UI / "theme" / "colours.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        found += [f"{path.relative_to(UI)}:{line}: {text!r}" for line, text in _literals(tree)]
    assert found == []


def test_the_check_sees_a_literal():
    code = 'pen = QtGui.QPen(QtGui.QColor("white"))\nstyle = "color: #b00020"\n'
    assert [text for _line, text in _literals(ast.parse(code))] == ["color: #b00020", "white"]
