"""The value objects of the activation library: `ParamSpec` and `Activation`.

An `Activation` wraps three plain numpy callables - the function, its first and
its second derivative - with the metadata the app shows (title, formulas,
description, parameter limits, flags). It owns the parts every function shares:
parameter checking, dtype and shape handling. So an activation built anywhere
(for example from a user's formula) behaves exactly like the built-in ones.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import KW_ONLY, dataclass, field

import numpy as np

ElementwiseFunction = Callable[..., np.ndarray]

# float32 results are computed in float64 and rounded once at the end; values beyond
# this overflow to +-inf deliberately (without numpy's cast warning).
_FLOAT32_MAX = float(np.finfo(np.float32).max)


@dataclass(frozen=True)
class ParamSpec:
    """One tunable parameter of an activation function.

    Parameters
    ----------
    name : str
        Keyword name, as PyTorch spells it (``alpha``, ``negative_slope``, ...).
    default : float
        Value used when the caller does not give one.
    lo, hi : float
        Hard limits, inclusive; values outside raise ``ValueError``.
    slider_lo, slider_hi : float
        The range a slider offers by default (inside ``lo..hi``).
    description : str
        One line for a tooltip.
    """

    name: str
    default: float
    lo: float
    hi: float
    slider_lo: float
    slider_hi: float
    description: str = ""

    def __post_init__(self) -> None:
        numbers = (self.default, self.lo, self.hi, self.slider_lo, self.slider_hi)
        if not all(math.isfinite(value) for value in numbers):
            raise ValueError(f"parameter {self.name!r}: limits and default must be finite")
        if not self.lo <= self.slider_lo <= self.slider_hi <= self.hi:
            raise ValueError(f"parameter {self.name!r}: need lo <= slider_lo <= slider_hi <= hi")
        if not self.lo <= self.default <= self.hi:
            raise ValueError(f"parameter {self.name!r}: default outside [{self.lo}, {self.hi}]")

    def check(self, value: object) -> float:
        """Return ``value`` as a float, or raise ``ValueError`` naming this parameter."""
        try:
            number = float(value)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            raise ValueError(
                f"parameter {self.name!r} must be a number in [{self.lo:g}, {self.hi:g}], "
                f"got {value!r}"
            ) from None
        if not (math.isfinite(number) and self.lo <= number <= self.hi):
            raise ValueError(
                f"parameter {self.name!r} must be within [{self.lo:g}, {self.hi:g}], got {number!r}"
            )
        return number


def _as_float_array(x: object) -> tuple[np.ndarray, np.dtype]:
    """Return (float64 copy of x, dtype of the result): float32 stays float32."""
    array = np.asarray(x)
    result_dtype = np.dtype(np.float32) if array.dtype == np.float32 else np.dtype(np.float64)
    return array.astype(np.float64, copy=False), result_dtype


def _finish(values: np.ndarray, shape: tuple[int, ...], dtype: np.dtype) -> np.ndarray:
    """Broadcast to the input's shape, round to the result dtype, unwrap 0-d results."""
    values = np.broadcast_to(np.asarray(values, dtype=np.float64), shape)
    if dtype == np.float32:
        # Values beyond float32's range become +-inf explicitly: the true value overflows.
        fits = np.abs(values) <= _FLOAT32_MAX
        values = np.where(fits | np.isnan(values), values, np.copysign(np.inf, values))
    result = values.astype(dtype)
    return result[()] if result.ndim == 0 else result


@dataclass(frozen=True, eq=True)
class Activation:
    """An element-wise activation function with analytic first and second derivatives.

    Parameters
    ----------
    name : str
        Registry key (``"leaky_relu"``).
    value_function, derivative_function, second_derivative_function : callable
        ``f(x, **params) -> ndarray`` taking a float64 array and every parameter as a
        float keyword; they need not handle dtypes, scalars or defaults.
    title : str, optional
        Display title; the name when empty.
    group : str
        One of the group titles (see ``groups()``) or any label for a custom function.
    formula, derivative_formula : str
        Plain-text formulas for the help panel.
    description : str
        What the function is, where it is used, strengths and traps.
    params : tuple of ParamSpec
        The tunable parameters.
    output_range : (float, float)
        Range of values for the default parameters; ends may be infinite.
    monotonic, smooth, zero_centred : bool
        For the default parameters: non-decreasing everywhere; infinitely
        differentiable; outputs on both sides of 0 around a mean near 0.
    unknown : frozenset of str
        Properties (``"monotonic"``, ``"smooth"``, ``"bounded"``, ``"zero_centred"``)
        that are not known: a custom function's are inferred by sampling, which
        cannot always decide; their flags then read False.

    Examples
    --------
    >>> cube = Activation("cube", lambda x: x**3, lambda x: 3 * x**2, lambda x: 6 * x)
    >>> float(cube(2.0))
    8.0
    """

    name: str
    value_function: ElementwiseFunction
    derivative_function: ElementwiseFunction
    second_derivative_function: ElementwiseFunction
    _: KW_ONLY
    title: str = ""
    group: str = "Other"
    formula: str = ""
    derivative_formula: str = ""
    description: str = ""
    params: tuple[ParamSpec, ...] = ()
    output_range: tuple[float, float] = (-math.inf, math.inf)
    monotonic: bool = False
    smooth: bool = False
    zero_centred: bool = False
    unknown: frozenset[str] = frozenset()
    _specs: Mapping[str, ParamSpec] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.name:
            raise ValueError("an activation needs a name")
        if not self.title:
            object.__setattr__(self, "title", self.name)
        object.__setattr__(self, "params", tuple(self.params))
        lo, hi = (float(end) for end in self.output_range)
        if not lo <= hi:
            raise ValueError(f"{self.name}: output_range must satisfy lo <= hi")
        object.__setattr__(self, "output_range", (lo, hi))
        specs = {spec.name: spec for spec in self.params}
        if len(specs) != len(self.params):
            raise ValueError(f"{self.name}: parameter names must be unique")
        object.__setattr__(self, "_specs", specs)

    def __reduce_ex__(self, protocol):
        """A built-in pickles as its registry name: some are made of lambdas, which
        pickle cannot send to a training worker; others pickle by value."""
        from actplay.core.activations import registry

        if self.name in registry.names() and registry.get(self.name) is self:
            return registry.get, (self.name,)
        return super().__reduce_ex__(protocol)

    # -- metadata ---------------------------------------------------------------------
    @property
    def bounded(self) -> bool:
        """True when both ends of ``output_range`` are finite."""
        return all(math.isfinite(end) for end in self.output_range)

    @property
    def defaults(self) -> dict[str, float]:
        """Parameter name -> default value (a fresh dict)."""
        return {spec.name: spec.default for spec in self.params}

    @property
    def limits(self) -> dict[str, tuple[float, float]]:
        """Parameter name -> inclusive hard limits ``(lo, hi)``."""
        return {spec.name: (spec.lo, spec.hi) for spec in self.params}

    @property
    def slider_ranges(self) -> dict[str, tuple[float, float]]:
        """Parameter name -> default slider range ``(slider_lo, slider_hi)``."""
        return {spec.name: (spec.slider_lo, spec.slider_hi) for spec in self.params}

    def resolve_params(self, params: Mapping[str, object] | None = None) -> dict[str, float]:
        """Return every parameter as a float, defaults filled in.

        Raises
        ------
        ValueError
            For an unknown name, a non-finite value or a value outside its limits;
            the message names the parameter and its limits.
        """
        resolved = self.defaults
        for key, value in (params or {}).items():
            spec = self._specs.get(key)
            if spec is None:
                known = ", ".join(self._specs) or "none"
                raise ValueError(f"{self.name} has no parameter {key!r} (parameters: {known})")
            resolved[key] = spec.check(value)
        return resolved

    # -- evaluation -------------------------------------------------------------------
    def _evaluate(self, function: ElementwiseFunction, x: object, params: dict) -> np.ndarray:
        resolved = self.resolve_params(params)
        values, dtype = _as_float_array(x)
        return _finish(function(values, **resolved), values.shape, dtype)

    def __call__(self, x: object, **params: float) -> np.ndarray:
        """Values f(x): x's shape, float64 unless x is float32."""
        return self._evaluate(self.value_function, x, params)

    def derivative(self, x: object, **params: float) -> np.ndarray:
        """Analytic f'(x); at kinks the value PyTorch's autograd returns."""
        return self._evaluate(self.derivative_function, x, params)

    def second_derivative(self, x: object, **params: float) -> np.ndarray:
        """Analytic f''(x); at kinks the value PyTorch's double backward returns."""
        return self._evaluate(self.second_derivative_function, x, params)


# Group titles, in display order (the registry lists functions in this order too).
CLASSIC = "Classic"
RELU_FAMILY = "ReLU family"
SMOOTH_MODERN = "Smooth modern"
PIECEWISE = "Hard / piecewise"
SHRINK = "Shrink"
OTHER = "Other"
GROUPS = (CLASSIC, RELU_FAMILY, SMOOTH_MODERN, PIECEWISE, SHRINK, OTHER)
