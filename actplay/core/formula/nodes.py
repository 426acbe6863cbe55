"""The expression tree a parsed formula becomes, and its evaluation on jets.

The parser builds these nodes from a checked Python ``ast``; nothing else can
create a formula, so evaluation only ever runs the handful of operations below.
Each node evaluates to a :class:`~actplay.core.formula.jet.Jet` of the formula's
value and derivatives at every x at once.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import functions as fn
from . import jet as jets


@dataclass(frozen=True)
class Environment:
    """What a formula is evaluated on: the jet of x and each parameter's value."""

    x: jets.Jet
    params: dict[str, float]

    @property
    def order(self) -> int:
        return self.x.order


class Node:
    """Base of every expression node."""

    uses_x = False

    def evaluate(self, env: Environment) -> jets.Jet:  # pragma: no cover - abstract
        raise NotImplementedError


@dataclass(frozen=True)
class Number(Node):
    value: float

    def evaluate(self, env: Environment) -> jets.Jet:
        return jets.Jet.constant(self.value, env.order)


@dataclass(frozen=True)
class Variable(Node):
    """The input x."""

    uses_x = True

    def evaluate(self, env: Environment) -> jets.Jet:
        return env.x


@dataclass(frozen=True)
class Parameter(Node):
    name: str

    def evaluate(self, env: Environment) -> jets.Jet:
        return jets.Jet.constant(env.params[self.name], env.order)


@dataclass(frozen=True)
class Negate(Node):
    operand: Node

    @property
    def uses_x(self) -> bool:
        return self.operand.uses_x

    def evaluate(self, env: Environment) -> jets.Jet:
        return jets.negate(self.operand.evaluate(env))


_BINARY = {"+": jets.add, "-": jets.subtract, "*": jets.multiply, "/": jets.divide, "**": fn.power}


@dataclass(frozen=True)
class Binary(Node):
    operator: str  # one of + - * / **
    left: Node
    right: Node

    @property
    def uses_x(self) -> bool:
        return self.left.uses_x or self.right.uses_x

    def evaluate(self, env: Environment) -> jets.Jet:
        return _BINARY[self.operator](self.left.evaluate(env), self.right.evaluate(env))


@dataclass(frozen=True)
class Call(Node):
    """A call of one of the unary functions, or min/max of two or more arguments."""

    function: str
    arguments: tuple[Node, ...]

    @property
    def uses_x(self) -> bool:
        return any(argument.uses_x for argument in self.arguments)

    def evaluate(self, env: Environment) -> jets.Jet:
        values = [argument.evaluate(env) for argument in self.arguments]
        if self.function in fn.VARIADIC:
            result = values[0]
            for value in values[1:]:
                result = jets.extreme(result, value, larger=self.function == "max")
            return result
        return jets.chain(values[0], fn.UNARY[self.function])


_COMPARE = {
    "<": np.less,
    "<=": np.less_equal,
    ">": np.greater,
    ">=": np.greater_equal,
    "==": np.equal,
    "!=": np.not_equal,
}


@dataclass(frozen=True)
class Comparison(Node):
    """``a < b`` or a chain ``a < b <= c`` (all must hold), for where()'s condition."""

    operators: tuple[str, ...]
    operands: tuple[Node, ...]

    @property
    def uses_x(self) -> bool:
        return any(operand.uses_x for operand in self.operands)

    def holds(self, env: Environment) -> np.ndarray:
        values = [operand.evaluate(env).value for operand in self.operands]
        result = np.ones(np.broadcast(*values).shape, dtype=bool)
        for operator, left, right in zip(self.operators, values, values[1:], strict=False):
            result &= _COMPARE[operator](left, right)  # NaN compares False, silently
        return result


@dataclass(frozen=True)
class Where(Node):
    """where(condition, a, b): a where the condition holds, else b (with a's or b's
    derivatives: the selected branch's, as torch.where gives)."""

    condition: Comparison
    if_true: Node
    if_false: Node

    @property
    def uses_x(self) -> bool:
        return self.condition.uses_x or self.if_true.uses_x or self.if_false.uses_x

    def evaluate(self, env: Environment) -> jets.Jet:
        return jets.select(
            self.condition.holds(env), self.if_true.evaluate(env), self.if_false.evaluate(env)
        )
