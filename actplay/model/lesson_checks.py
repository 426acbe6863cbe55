"""Task predicates and live text of a lesson step, over named model quantities.

A predicate is a small tree read from a lesson file::

    {quantity = "neuron.a", above = 0.5}
    {quantity = "neuron.function", one_of = ["leaky_relu", "elu"]}
    {all = [ ... ]}, {any = [ ... ]}, {not = { ... }}

Comparisons: ``above`` (>), ``below`` (<), ``at_least`` (>=), ``at_most`` (<=),
``equals`` (numbers within ``within``, default 1e-9; text and flags exactly),
``not_equals``, ``one_of``. A quantity that does not exist now (``None``) makes
every comparison false.

Text holds ``{quantity}`` or ``{quantity:.3f}`` placeholders filled from the
model when shown (``{{`` and ``}}`` for literal braces), so no number in a
lesson is ever typed in. ``{remembered.NAME}`` shows a value an earlier step
kept when its task was met (its ``remember`` table), so a step can set two
results side by side that were never on screen at once. ``{A / B}`` shows one
number divided by another (each a quantity or a remembered value): "about 230
times the sigmoid network's" is then computed too.
"""

from __future__ import annotations

import math
import re
import string
from collections.abc import Callable
from typing import NamedTuple

import numpy as np

from actplay.model import lesson_quantities as quantities

NUMBER_OPERATORS = {
    "above": lambda value, limit: value > limit,
    "below": lambda value, limit: value < limit,
    "at_least": lambda value, limit: value >= limit,
    "at_most": lambda value, limit: value <= limit,
}
OPERATORS = (*NUMBER_OPERATORS, "equals", "not_equals", "one_of")
COMBINATORS = ("all", "any", "not")
DEFAULT_TOLERANCE = 1e-9  # "equals" on numbers: float sums land a hair off a round value
INTEGER_LIMIT = 1e6  # whole numbers below this show without decimals
MINUS = "\u2212"  # a real minus sign, as the window's number formatter writes
MISSING = "\u2014"  # shown for a quantity that does not exist in the current state


class Comparison(NamedTuple):
    reference: quantities.Reference
    operator: str
    value: object
    tolerance: float


class Combination(NamedTuple):
    combinator: str
    parts: tuple


def parse_predicate(data, where: str = "check"):
    """Check a predicate table and return its parsed form.

    Raises
    ------
    ValueError
        ``"<where>: <problem>"`` naming the first bad field.
    """
    if not isinstance(data, dict):
        raise ValueError(f"{where}: must be a table such as {{quantity = ..., above = ...}}")
    combinators = [key for key in COMBINATORS if key in data]
    if combinators:
        key = combinators[0]
        if len(data) != 1:
            raise ValueError(f"{where}: {key!r} stands alone in its table")
        if key == "not":
            return Combination("not", (parse_predicate(data[key], f"{where}.not"),))
        parts = data[key]
        if not isinstance(parts, list) or not parts:
            raise ValueError(f"{where}.{key}: must be a non-empty list of checks")
        return Combination(
            key,
            tuple(parse_predicate(part, f"{where}.{key}[{i + 1}]") for i, part in enumerate(parts)),
        )
    if "quantity" not in data:
        raise ValueError(f"{where}: needs 'quantity' (or 'all', 'any', 'not')")
    try:
        reference = quantities.parse(data["quantity"])
    except ValueError as error:
        raise ValueError(f"{where}.quantity: {error}") from None
    operators = [key for key in OPERATORS if key in data]
    if len(operators) != 1:
        raise ValueError(f"{where}: needs exactly one of {', '.join(OPERATORS)}")
    operator = operators[0]
    extra = set(data) - {"quantity", operator, "within"}
    if extra:
        raise ValueError(f"{where}: unknown field {sorted(extra)[0]!r}")
    kind = quantities.kind_of(reference)
    value = data[operator]
    field = f"{where}.{operator}"
    if operator in NUMBER_OPERATORS:
        if kind != "number":
            raise ValueError(f"{field}: {reference.name} is {kind}, not a number")
        value = _number(value, field)
    elif operator == "one_of":
        if not isinstance(value, list) or not value:
            raise ValueError(f"{field}: must be a non-empty list")
        value = tuple(_same_kind(item, kind, f"{field}[{i + 1}]") for i, item in enumerate(value))
    else:
        value = _same_kind(value, kind, field)
    tolerance = DEFAULT_TOLERANCE
    if "within" in data:
        if kind != "number" or operator not in ("equals", "not_equals"):
            raise ValueError(f"{where}.within: only for equals/not_equals on a number")
        tolerance = _number(data["within"], f"{where}.within")
        if tolerance < 0:
            raise ValueError(f"{where}.within: must be 0 or more")
    return Comparison(reference, operator, value, tolerance)


def _number(value, field: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(f"{field}: must be a number, got {value!r}")
    if not math.isfinite(value):
        raise ValueError(f"{field}: must be finite")
    return float(value)


def _same_kind(value, kind: str, field: str):
    if kind == "number":
        return _number(value, field)
    if kind == "text" and isinstance(value, str):
        return value
    if kind == "flag" and isinstance(value, bool):
        return value
    wanted = {"text": "a string", "flag": "true or false"}.get(kind, "not compared")
    raise ValueError(f"{field}: must be {wanted}, got {value!r}")


def holds(predicate, playground) -> bool:
    """Whether ``predicate`` (from :func:`parse_predicate`) holds for ``playground`` now."""
    if isinstance(predicate, Combination):
        results = (holds(part, playground) for part in predicate.parts)
        if predicate.combinator == "all":
            return all(results)
        if predicate.combinator == "any":
            return any(results)
        return not next(results)
    value = quantities.read(playground, predicate.reference)
    if value is None:
        return False
    operator, limit = predicate.operator, predicate.value
    if operator in NUMBER_OPERATORS:
        return bool(NUMBER_OPERATORS[operator](value, limit))
    if operator == "one_of":
        return any(_equal(value, item, predicate.tolerance) for item in limit)
    equal = _equal(value, limit, predicate.tolerance)
    return equal if operator == "equals" else not equal


def _equal(value, limit, tolerance: float) -> bool:
    if isinstance(limit, float):
        return abs(value - limit) <= tolerance
    return value == limit


def quantities_in(predicate) -> tuple[str, ...]:
    """Names of every quantity a predicate reads, in order."""
    if isinstance(predicate, Combination):
        return tuple(name for part in predicate.parts for name in quantities_in(part))
    return (predicate.reference.name,)


# -- live text ------------------------------------------------------------------------------
REMEMBERED = "remembered."  # placeholders of values kept by an earlier step
REMEMBERED_NAME = re.compile(r"^[a-z_][a-z_0-9]*$")


class Field(NamedTuple):
    reference: quantities.Reference
    spec: str


class Remembered(NamedTuple):
    """A ``{remembered.NAME}`` placeholder: a value an earlier step kept."""

    name: str
    spec: str


class Quotient(NamedTuple):
    """A ``{A / B}`` placeholder: two numbers (Field or Remembered, no format) divided."""

    numerator: Field | Remembered
    denominator: Field | Remembered
    spec: str


def remembered_names(parts) -> tuple[str, ...]:
    """The NAMEs of the ``{remembered.NAME}`` placeholders in parsed text, in order."""
    operands = []
    for part in parts:
        operands.extend(
            (part.numerator, part.denominator) if isinstance(part, Quotient) else [part]
        )
    return tuple(part.name for part in operands if isinstance(part, Remembered))


def parse_text(text, where: str) -> tuple:
    """Split text into literal strings and :class:`Field` placeholders.

    Raises
    ------
    ValueError
        ``"<where>: <problem>"`` for bad braces, an unknown quantity or a bad format.
    """
    if not isinstance(text, str):
        raise ValueError(f"{where}: must be a string")
    parts = []
    try:
        pieces = list(string.Formatter().parse(text))
    except ValueError as error:
        raise ValueError(f"{where}: {error} (write {{{{ and }}}} for literal braces)") from None
    for literal, name, spec, conversion in pieces:
        if literal:
            parts.append(literal)
        if name is None:
            continue
        if conversion:
            raise ValueError(f"{where}: {{{name}!{conversion}}}: no conversions, only a format")
        if spec:
            try:
                format(1.5, spec)
            except ValueError:
                raise ValueError(f"{where}: {{{name}:{spec}}}: bad number format") from None
        if "/" in name:
            operands = [_operand(operand.strip(), "", where) for operand in name.split("/")]
            if len(operands) != 2:
                raise ValueError(f"{where}: {{{name}}}: divide one number by one other")
            for operand in operands:
                if isinstance(operand, Field) and quantities.kind_of(operand.reference) != "number":
                    raise ValueError(f"{where}: {{{name}}}: {operand.reference.name} is no number")
            parts.append(Quotient(*operands, spec))
            continue
        parts.append(_operand(name, spec, where))
    return tuple(parts)


def _operand(name: str, spec: str, where: str) -> Field | Remembered:
    """One placeholder name: a quantity or ``remembered.NAME``."""
    if name.startswith(REMEMBERED):
        kept = name[len(REMEMBERED) :]
        if not REMEMBERED_NAME.match(kept):
            raise ValueError(f"{where}: {{{name}}}: a remembered name is lower_case_words")
        return Remembered(kept, spec)
    try:
        reference = quantities.parse(name)
    except ValueError as error:
        raise ValueError(f"{where}: {error}") from None
    return Field(reference, spec)


def render_text(
    parts,
    playground,
    format_number: Callable[[float], str] | None = None,
    memory: dict | None = None,
) -> str:
    """Fill the placeholders of parsed text with the model's values now.

    ``format_number`` formats a number without a format of its own (the window's
    one formatter); by default three significant digits. ``memory`` holds the
    values earlier steps remembered (a name not in it shows as missing).
    """
    number = format_number or (lambda value: f"{value:.3g}")
    memory = memory or {}
    out = []
    for part in parts:
        if isinstance(part, str):
            out.append(part)
            continue
        if isinstance(part, Quotient):
            top, bottom = (_value(p, playground, memory) for p in part[:2])
            value = None if top is None or not bottom else top / bottom
        else:
            value = _value(part, playground, memory)
        out.append(_shown(value, part.spec, number))
    return "".join(out)


def _value(part, playground, memory: dict):
    if isinstance(part, Remembered):
        return memory.get(part.name)
    return quantities.read(playground, part.reference)


def remember(pairs, playground) -> dict:
    """``{name: value now}`` for a step's ``remember`` pairs ``(name, Reference)``."""
    return {name: quantities.read(playground, reference) for name, reference in pairs}


def _shown(value, spec: str, number) -> str:
    if value is None:
        return MISSING
    if isinstance(value, (bool, np.bool_)):
        return "yes" if value else "no"
    if isinstance(value, str):
        return value
    if isinstance(value, tuple):  # a sum's terms: "(0.09)·x1 + (0.32)·x2 + (0)"
        return " + ".join(
            f"({_shown(coefficient, spec, number)})" + (f"·{name}" if name else "")
            for coefficient, name in value
        )
    if isinstance(value, np.ndarray):
        rows = np.atleast_2d(value)  # a vector shows as one row, as the network's note does
        cells = [", ".join(_shown(float(v), spec, number) for v in row) for row in rows]
        return "[" + "; ".join(cells) + "]"
    if spec:
        text = format(value, spec)
        if text.startswith("-") and not any(digit in text for digit in "123456789"):
            text = text[1:]  # a tiny negative rounded to zero: "0.0", not "-0.0"
        return text.replace("-", MINUS)
    if float(value).is_integer() and abs(value) < INTEGER_LIMIT:
        return str(int(value)).replace("-", MINUS)  # counts and round values: "3", not "3.00"
    return number(float(value))
