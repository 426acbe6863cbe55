"""Hostile formulas are refused, and nothing runs while parsing or evaluating.

An audit hook (PEP 578) records every auditable action - imports, file opens,
os.system, subprocess, exec of code objects - while formulas are parsed and
evaluated; only building a syntax tree (``compile`` with the AST-only flag,
which ``ast.parse`` raises) is allowed.
"""

import contextlib
import re
import sys

import numpy as np
import pytest

from actplay.core.formula import Formula, FormulaError, make_custom_activation

ALLOWED_EVENTS = {
    "compile",  # ast.parse: a syntax tree only, no code object
    # PySide6 (loaded by pytest-qt) wraps __import__ and reads the caller's frame on
    # every import statement, e.g. numpy's function-level re-imports of loaded modules.
    "sys._getframe",
}


class _Recorder:
    def __init__(self):
        self.active = False
        self.events = []

    def __call__(self, event, args):
        if self.active:
            self.events.append(event)


_RECORDER = _Recorder()
sys.addaudithook(_RECORDER)  # hooks cannot be removed; it records only when active


@contextlib.contextmanager
def recording():
    """Record audit events inside the block only (pytest's own actions stay out)."""
    _RECORDER.events.clear()
    _RECORDER.active = True
    try:
        yield _RECORDER.events
    finally:
        _RECORDER.active = False


HOSTILE = {
    "__import__('os').system('x')": "attribute access",
    "__import__('os')": "unknown function",
    "x.__class__": "attribute access",
    "x.__class__.__bases__[0].__subclasses__()": "",
    "[x for x in ()]": "comprehensions",
    "(x for x in ())": "comprehensions",
    "lambda: 1": "lambda",
    "'a'": "strings",
    "b'a'": "strings",
    "f'{x}'": "strings",
    "x[0]": "indexing",
    "9**9**9": "too large",
    "10**400": "",
    "2**10000": "too large",
    "1e400": "finite",
    "1" + "0" * 20: "at most",
    "open('/etc/passwd')": "unknown function",
    "getattr(x, 'real')": "unknown function",
    "exec('1')": "unknown function",
    "eval('1')": "unknown function",
    "compile('1', 'f', 'eval')": "unknown function",
    "globals()": "unknown function",
    "__builtins__": "unknown name",
    "os": "unknown name",
    "y + 1": "unknown name",
    "exp": "is a function",
    "exp(x=1)": "keyword",
    "max(*[x, 1])": "starred",
    "x if x > 0 else 0": "where",
    "x > 0": "comparisons",
    "where(x, 1, 0)": "comparison",
    "where(x > 0, 1)": "3 arguments",
    "sin(x, 2)": "1 argument",
    "max(x)": "2 to",
    "x and 1": "and",
    "not x": "unary",
    "~x": "unary",
    "x // 2": "operators",
    "x % 2": "operators",
    "x @ x": "operators",
    "(y := 2)": "assignment",
    "{1: 2}": "dictionaries",
    "{x}": "sets",
    "(x, 1)": "tuples",
    "True": "True",
    "None": "None",
    "...": "Ellipsis",
    "1j": "1j",
    "x;x": "not a formula",
    "import os": "not a formula",
    "x\nimport os": "ASCII",
    "x\x00": "ASCII",
    "\u0435xp(x)": "ASCII",
    "sin(" * 60 + "x" + ")" * 60: "nested",
    "-" * 60 + "x": "nested",
    "(" * 240 + "x" + ")" * 240: "not a formula",  # Python's parser stops at 200
    " + ".join(["x"] * 60): "nested",
    "x + " * 150 + "x": "",
    "x" + " + 1" * 150: "characters",
    "": "empty",
    "   ": "empty",
}


@pytest.mark.parametrize("text", list(HOSTILE))
def test_hostile_formula_is_refused_and_nothing_runs(text):
    error = None
    with recording() as events:
        try:
            make_custom_activation("evil", text)
        except FormulaError as caught:
            error = caught
    assert set(events) <= ALLOWED_EVENTS, events
    assert isinstance(error, ValueError), f"{text!r} was accepted"
    assert re.search(HOSTILE[text], str(error)), str(error)


def test_message_points_at_the_offending_part():
    with pytest.raises(FormulaError) as caught:
        Formula("x + 2 * x.__class__")
    assert caught.value.column == 9
    assert caught.value.snippet == "x.__class__"
    assert "column 9" in str(caught.value)
    with pytest.raises(FormulaError, match="column 13.*'foo'"):
        Formula("x * sigmoid(foo)")


def test_length_and_depth_limits_are_inclusive():
    Formula("x * 1." + "0" * 494)  # 500 characters
    Formula("sin(" * 48 + "x" + ")" * 48)  # 49 levels


def test_legal_formulas_parse_and_evaluate_without_any_audited_action():
    x = np.linspace(-5.0, 5.0, 101)
    with recording() as events:
        results = [_evaluate_all(text, x) for text in LEGAL]
    assert set(events) <= ALLOWED_EVENTS, events
    assert all(np.isfinite(result[0][60]) for result in results)


def _evaluate_all(text, x):
    act = make_custom_activation("ok", text, {"p": (1.0, 0.0, 2.0)})
    return act(x), act.derivative(x), act.second_derivative(x)


LEGAL = (
    "x * tanh(softplus(x))",
    "x / (1 + abs(x))**p",
    "where(x > 0, x, p * (exp(x) - 1))",
    "max(min(x, 1), -1) + log(x) + sqrt(x) + 2**3**2 + pi + e",
)


def test_a_huge_exponent_on_x_is_bounded_in_time_and_value():
    value, slope, _ = Formula("x ** 1e9 + 9 ** 300").evaluate(np.array([2.0, 0.5]))
    assert value[0] == np.inf and value[1] == pytest.approx(9.0**300)
    assert slope[1] == 0.0
