"""Activation functions with analytic first and second derivatives, in pure numpy.

>>> from actplay.core import activations as acts
>>> float(acts.get("sigmoid")(-1.0))
0.2689414213699951
>>> acts.get("leaky_relu").derivative([-1.0, 2.0], negative_slope=0.1)
array([0.1, 1. ])

Public API: ``names()``, ``get(name)``, ``groups()``, ``softmax(z, axis=-1)``,
``SATURATION_THRESHOLD`` and the value classes ``Activation`` and ``ParamSpec``.

Conventions
-----------
* Kinks: where a derivative does not exist mathematically (ReLU at 0, hardtanh
  at its ends, ...), ``derivative`` and ``second_derivative`` return the value
  PyTorch's autograd returns there (first and double backward), for example
  ReLU'(0) = 0, leaky ReLU'(0) = negative_slope, ELU'(0) = alpha, CELU'(0) = 1,
  hardtanh' = 0 at both ends, hardswish'(-3) = 0 and hardswish'(3) = 1; the
  second derivative at a kink is 0. binary_step, which PyTorch cannot
  differentiate, has derivative 0 everywhere. The reference table lives in the
  shared ``reference/kinks.md``.
* Exceptions to "match PyTorch": hardsigmoid's slope is exactly 1/6 (PyTorch
  rounds it through float32) and values are computed in forms that stay
  accurate in the tails (erfc for GELU's left side, sigmoid(2u) for the tanh
  GELU), where PyTorch's float64 results lose relative (not absolute) accuracy.
* Numerics: every finite float64 input up to +-1e300 gives finite values and
  derivatives wherever the true value is finite, without RuntimeWarnings
  (stable formulas and branches on clipped inputs, no warning muting).
* Types: Python numbers and float64 arrays give float64; float32 stays float32;
  the result has the shape of x (a numpy scalar for scalar x).
"""

from .base import GROUPS, Activation, ParamSpec
from .registry import get, groups, names
from .softmax import softmax

# |f'(x)| below this counts as saturated: at 0.05 a sigmoid unit passes on a fifth of its
# best-case gradient, a common rule of thumb for "stuck" units (curve shading, diagnostics).
SATURATION_THRESHOLD = 0.05

__all__ = [
    "GROUPS",
    "SATURATION_THRESHOLD",
    "Activation",
    "ParamSpec",
    "get",
    "groups",
    "names",
    "softmax",
]
