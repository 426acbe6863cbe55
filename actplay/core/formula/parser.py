"""Parse a formula typed by a user into an expression tree, by a strict whitelist.

The text goes through :func:`ast.parse` (which only builds a syntax tree and runs
nothing), then this module walks that tree and accepts exactly the grammar below;
anything else raises :class:`FormulaError` naming the column and the offending
text. The raw text is never given to ``eval``, ``exec``, ``compile`` to code,
sympy or anything else that can run it.

Grammar: numbers, ``x``, the declared parameter names, the constants ``pi`` and
``e``, ``+ - * / **``, unary ``-``/``+``, parentheses, calls of the functions in
:data:`~actplay.core.formula.functions.FUNCTION_NAMES` with positional arguments,
and comparisons (``< <= > >= == !=``, chains allowed) only as the first argument
of ``where(condition, if_true, if_false)``.
"""

from __future__ import annotations

import ast
import keyword
import math

from . import functions as fn
from . import nodes

MAX_LENGTH = 500  # characters: longer than any activation from a paper, short enough to read
MAX_DEPTH = 50  # nested operations and calls: bounds the work and the recursion
LITERAL_LIMIT = 1e9  # a larger constant in an activation is a typo, and it bounds x**c
MAX_CONSTANT_POWER = 300.0  # log10 of the largest constant power folded; beyond: rejected
MAX_ARGUMENTS = 8  # for min/max
MAX_NAME_LENGTH = 32
SNIPPET_LENGTH = 40

_OPERATORS = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.Pow: "**"}
_COMPARISONS = {
    ast.Lt: "<",
    ast.LtE: "<=",
    ast.Gt: ">",
    ast.GtE: ">=",
    ast.Eq: "==",
    ast.NotEq: "!=",
}
_REFUSED = {  # how to name what we refuse, in the user's terms
    ast.Attribute: "attribute access",
    ast.Subscript: "indexing",
    ast.Lambda: "lambda",
    ast.ListComp: "comprehensions",
    ast.SetComp: "comprehensions",
    ast.DictComp: "comprehensions",
    ast.GeneratorExp: "comprehensions",
    ast.List: "lists",
    ast.Tuple: "tuples",
    ast.Set: "sets",
    ast.Dict: "dictionaries",
    ast.JoinedStr: "strings",
    ast.IfExp: "'if ... else' (use where(cond, a, b))",
    ast.BoolOp: "'and'/'or'",
    ast.NamedExpr: "assignment",
    ast.Starred: "starred arguments",
    ast.Await: "await",
    ast.Yield: "yield",
    ast.YieldFrom: "yield",
    ast.Slice: "slices",
}


class FormulaError(ValueError):
    """A formula outside the grammar or limits.

    Attributes
    ----------
    column : int or None
        1-based column of the offending part, when there is one.
    snippet : str
        The offending text ('' when the problem is the whole formula).
    """

    def __init__(self, message: str, column: int | None = None, snippet: str = "") -> None:
        where = f"column {column}: " if column is not None else ""
        shown = f": {snippet!r}" if snippet else ""
        super().__init__(f"{where}{message}{shown}")
        self.column = column
        self.snippet = snippet


def check_parameter_name(name: object) -> str:
    """Return ``name`` if it can name a parameter, else raise ``FormulaError``."""
    if not isinstance(name, str) or not name.isascii() or not name.isidentifier():
        raise FormulaError(f"parameter name {name!r} must be a plain identifier (a-z, 0-9, _)")
    if len(name) > MAX_NAME_LENGTH:
        raise FormulaError(f"parameter name {name!r} is longer than {MAX_NAME_LENGTH} characters")
    if name.startswith("_") or keyword.iskeyword(name):
        raise FormulaError(f"parameter name {name!r} must not start with '_' or be a keyword")
    if name == "x" or name in fn.FUNCTION_NAMES or name in fn.CONSTANTS:
        raise FormulaError(f"parameter name {name!r} is taken by x, a function or a constant")
    return name


class _Builder:
    """Walks a checked ``ast`` and builds :mod:`nodes`; one instance per formula."""

    def __init__(self, text: str, offset: int, parameters: frozenset[str]) -> None:
        self.text = text
        self.offset = offset
        self.parameters = parameters

    def fail(self, node: ast.AST, message: str) -> FormulaError:
        start = getattr(node, "col_offset", 0) + self.offset
        end = getattr(node, "end_col_offset", None)
        end = len(self.text) if end is None else end + self.offset
        snippet = self.text[start:end]
        if len(snippet) > SNIPPET_LENGTH:
            snippet = snippet[: SNIPPET_LENGTH - 3] + "..."
        return FormulaError(message, start + 1, snippet)

    def build(self, node: ast.AST, depth: int) -> nodes.Node:
        if depth > MAX_DEPTH:
            raise self.fail(node, f"the formula is nested more than {MAX_DEPTH} levels deep")
        if isinstance(node, ast.Constant):
            return self.number(node)
        if isinstance(node, ast.Name):
            return self.name(node)
        if isinstance(node, ast.UnaryOp):
            return self.unary(node, depth)
        if isinstance(node, ast.BinOp):
            return self.binary(node, depth)
        if isinstance(node, ast.Call):
            return self.call(node, depth)
        if isinstance(node, ast.Compare):
            raise self.fail(
                node,
                "comparisons are only allowed as the condition of "
                "where(condition, if_true, if_false)",
            )
        what = _REFUSED.get(type(node), f"'{type(node).__name__}' expressions")
        raise self.fail(node, f"{what} not allowed")

    def number(self, node: ast.Constant) -> nodes.Number:
        value = node.value
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            kind = "strings" if isinstance(value, (str, bytes)) else f"{value!r}"
            raise self.fail(node, f"{kind} not allowed; only numbers")
        # The size first: a huge int literal cannot even be turned into a float.
        if not (abs(value) <= LITERAL_LIMIT and math.isfinite(value)):
            raise self.fail(node, f"numbers must be finite and at most {LITERAL_LIMIT:g} in size")
        return nodes.Number(float(value))

    def name(self, node: ast.Name) -> nodes.Node:
        if node.id == "x":
            return nodes.Variable()
        if node.id in self.parameters:
            return nodes.Parameter(node.id)
        if node.id in fn.CONSTANTS:
            return nodes.Number(fn.CONSTANTS[node.id])
        if node.id in fn.FUNCTION_NAMES:
            raise self.fail(node, f"{node.id} is a function: call it, as in {node.id}(x)")
        known = ", ".join(("x", *sorted(self.parameters), *fn.CONSTANTS))
        raise self.fail(node, f"unknown name {node.id!r} (names: {known})")

    def unary(self, node: ast.UnaryOp, depth: int) -> nodes.Node:
        if not isinstance(node.op, (ast.USub, ast.UAdd)):
            raise self.fail(node, "only unary '-' and '+' are allowed")
        operand = self.build(node.operand, depth + 1)
        if isinstance(node.op, ast.UAdd):
            return operand
        if isinstance(operand, nodes.Number):
            return nodes.Number(-operand.value)
        return nodes.Negate(operand)

    def binary(self, node: ast.BinOp, depth: int) -> nodes.Node:
        operator = _OPERATORS.get(type(node.op))
        if operator is None:
            raise self.fail(node, "only the operators + - * / ** are allowed")
        left = self.build(node.left, depth + 1)
        right = self.build(node.right, depth + 1)
        if operator == "**" and isinstance(left, nodes.Number) and isinstance(right, nodes.Number):
            return self.constant_power(node, left.value, right.value)
        return nodes.Binary(operator, left, right)

    def constant_power(self, node: ast.BinOp, base: float, exponent: float) -> nodes.Node:
        """Fold ``number ** number`` when small; refuse it when huge (``9**9**9``)."""
        # log10 of the result's size; a tiny base to a negative power is huge too.
        if base != 0 and exponent * math.log10(abs(base)) > MAX_CONSTANT_POWER:
            raise self.fail(node, "this constant power is too large")
        if base < 0 and exponent != int(exponent):
            return nodes.Binary("**", nodes.Number(base), nodes.Number(exponent))  # NaN
        if base == 0 and exponent < 0:
            return nodes.Binary("**", nodes.Number(base), nodes.Number(exponent))  # inf
        return nodes.Number(math.pow(base, exponent))

    def call(self, node: ast.Call, depth: int) -> nodes.Node:
        if not isinstance(node.func, ast.Name) or node.func.id not in fn.FUNCTION_NAMES:
            if isinstance(node.func, ast.Name):
                allowed = ", ".join(fn.FUNCTION_NAMES)
                raise self.fail(
                    node.func, f"unknown function {node.func.id!r} (functions: {allowed})"
                )
            self.build(node.func, depth + 1)  # names what is wrong (attribute access, ...)
            raise self.fail(node.func, "only the listed functions can be called")
        name = node.func.id
        if node.keywords:
            raise self.fail(node.keywords[0].value, f"{name}() takes no keyword arguments")
        for argument in node.args:
            if isinstance(argument, ast.Starred):
                raise self.fail(argument, "starred arguments not allowed")
        count = len(node.args)
        if name == fn.WHERE:
            if count != 3:
                raise self.fail(
                    node, f"where() takes 3 arguments (condition, if_true, if_false), got {count}"
                )
            return nodes.Where(
                self.condition(node.args[0], depth + 1),
                self.build(node.args[1], depth + 1),
                self.build(node.args[2], depth + 1),
            )
        if name in fn.VARIADIC:
            if not 2 <= count <= MAX_ARGUMENTS:
                raise self.fail(node, f"{name}() takes 2 to {MAX_ARGUMENTS} arguments, got {count}")
        elif count != 1:
            raise self.fail(node, f"{name}() takes 1 argument, got {count}")
        arguments = tuple(self.build(argument, depth + 1) for argument in node.args)
        return nodes.Call(name, arguments)

    def condition(self, node: ast.AST, depth: int) -> nodes.Comparison:
        if not isinstance(node, ast.Compare):
            raise self.fail(node, "where()'s first argument must be a comparison, like x > 0")
        operators = []
        for operator in node.ops:
            symbol = _COMPARISONS.get(type(operator))
            if symbol is None:
                raise self.fail(node, "only < <= > >= == != compare")
            operators.append(symbol)
        operands = [self.build(node.left, depth + 1)]
        operands += [self.build(operand, depth + 1) for operand in node.comparators]
        return nodes.Comparison(tuple(operators), tuple(operands))


def _check_text(text: object) -> str:
    if not isinstance(text, str):
        raise FormulaError(f"a formula must be text, got {type(text).__name__}")
    if len(text) > MAX_LENGTH:
        raise FormulaError(f"the formula has {len(text)} characters; at most {MAX_LENGTH}")
    for index, character in enumerate(text):
        if not " " <= character <= "~":
            raise FormulaError(
                "only plain ASCII characters are allowed", index + 1, repr(character)[1:-1]
            )
    if not text.strip():
        raise FormulaError("the formula is empty")
    return text


def parse_tree(text: str, parameters=()) -> nodes.Node:
    """Parse ``text`` into an expression tree (see the module docstring for the grammar).

    Raises
    ------
    FormulaError
        For text outside the grammar or the limits, naming the column and the text.
    """
    text = _check_text(text)
    names = frozenset(check_parameter_name(name) for name in parameters)
    stripped = text.strip()
    offset = len(text) - len(text.lstrip())
    try:
        # Only a syntax tree is built (mode "eval": one expression); nothing is run.
        tree = ast.parse(stripped, mode="eval")
    except SyntaxError as error:
        column = (error.offset or 1) + offset
        raise FormulaError(
            f"not a formula ({error.msg})",
            column,
            text[column - 1 : column - 1 + SNIPPET_LENGTH].strip(),
        ) from None
    except (ValueError, RecursionError, MemoryError) as error:
        raise FormulaError(f"not a formula ({type(error).__name__})") from None
    return _Builder(text, offset, names).build(tree.body, 1)
