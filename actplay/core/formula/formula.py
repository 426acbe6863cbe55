"""A parsed formula: evaluate its value and exact derivatives on numpy arrays."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np

from . import jet as jets
from . import nodes
from .parser import FormulaError, parse_tree


@dataclass(frozen=True)
class Formula:
    """A formula in x and named parameters, checked against the whitelist grammar.

    Parameters
    ----------
    text : str
        What the user typed, e.g. ``"x * sigmoid(beta * x)"``.
    parameters : tuple of str
        The parameter names the text may use.

    Raises
    ------
    FormulaError
        When the text is outside the grammar or the limits.

    Examples
    --------
    >>> swish = Formula("x * sigmoid(beta * x)", ("beta",))
    >>> value, slope, curvature = swish.evaluate([0.0], {"beta": 1.0})
    >>> float(value[0]), float(slope[0]), float(curvature[0])
    (0.0, 0.5, 0.5)
    """

    text: str
    parameters: tuple[str, ...] = ()
    tree: nodes.Node = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "parameters", tuple(self.parameters))
        if len(set(self.parameters)) != len(self.parameters):
            raise FormulaError("parameter names must be unique")
        object.__setattr__(self, "tree", parse_tree(self.text, self.parameters))

    def jet(self, x, params: Mapping[str, float], order: int = 2) -> jets.Jet:
        """The formula's value and its first ``order`` derivatives at every x.

        ``params`` must give a float for every declared parameter.
        """
        missing = [name for name in self.parameters if name not in params]
        if missing:
            raise ValueError(f"formula {self.text!r} needs a value for {', '.join(missing)}")
        values = {name: float(params[name]) for name in self.parameters}
        env = nodes.Environment(jets.Jet.variable(np.asarray(x, dtype=np.float64), order), values)
        return self.tree.evaluate(env)

    def evaluate(self, x, params: Mapping[str, float] | None = None):
        """``(f, f', f'')`` at every x, each an array of x's shape (NaN where undefined)."""
        result = self.jet(x, params or {}, order=2)
        shape = np.shape(x)
        return tuple(
            _full(component, shape) for component in (result.value, result.first, result.second)
        )

    def value(self, x, **params: float) -> np.ndarray:
        """f(x)."""
        return _full(self.jet(x, params, order=0).value, np.shape(x))

    def derivative(self, x, **params: float) -> np.ndarray:
        """f'(x), exact (forward-mode automatic differentiation)."""
        return _full(self.jet(x, params, order=1).first, np.shape(x))

    def second_derivative(self, x, **params: float) -> np.ndarray:
        """f''(x), exact."""
        return _full(self.jet(x, params, order=2).second, np.shape(x))


def _full(component, shape) -> np.ndarray:
    """A component as a float64 array of ``shape`` (a zero component is ``None``)."""
    if component is None:
        return np.zeros(shape)
    return np.array(np.broadcast_to(component, shape), dtype=np.float64)


__all__ = ["Formula", "FormulaError"]
