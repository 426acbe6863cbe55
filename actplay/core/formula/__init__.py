"""User-typed activation formulas: a whitelist parser and exact derivatives.

>>> from actplay.core.formula import make_custom_activation
>>> soft = make_custom_activation("softsign2", "x / (1 + abs(x))")
>>> float(soft.derivative(0.0))
1.0

A formula is parsed by walking Python's ``ast`` against a strict whitelist
(:mod:`.parser`), turned into an expression tree (:mod:`.nodes`) and evaluated
on truncated Taylor jets (:mod:`.jet`): one vectorised pass gives f, f' and f''.
Nothing the user types is ever run as code.

Conventions at kinks follow PyTorch's autograd: relu'(0) = 0, abs'(0) = 0,
sqrt'(0) = inf; ``where(c, a, b)`` takes the derivatives of the branch it
selects; ``min``/``max`` take the mean of both derivatives at a tie, as
``torch.minimum``/``torch.maximum`` do. Values are NaN where a function is
undefined (log of x <= 0, sqrt of x < 0, 0/0, x/0) and +-inf where they
overflow; no numpy warning is ever raised.
"""

from .custom import CUSTOM_GROUP, make_custom_activation
from .formula import Formula
from .functions import CONSTANTS, FUNCTION_NAMES
from .parser import MAX_DEPTH, MAX_LENGTH, FormulaError, check_parameter_name

__all__ = [
    "CONSTANTS",
    "CUSTOM_GROUP",
    "FUNCTION_NAMES",
    "MAX_DEPTH",
    "MAX_LENGTH",
    "Formula",
    "FormulaError",
    "check_parameter_name",
    "make_custom_activation",
]
