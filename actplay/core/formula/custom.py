"""Build an :class:`~actplay.core.activations.Activation` from a user's formula."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from actplay.core.activations import Activation, ParamSpec

from .formula import Formula
from .parser import MAX_NAME_LENGTH, FormulaError, check_parameter_name
from .properties import CurveProperties, infer_properties

CUSTOM_GROUP = "Custom"
UNKNOWN = CurveProperties(None, None, None, None, -math.inf, math.inf)  # nothing inferred
MAX_PARAMETERS = 8  # a slider each in the panels
DESCRIPTION = (
    "A user-defined function, evaluated from its formula; its derivatives are "
    "exact (automatic differentiation). Where it is undefined or infinite the "
    "curve has a gap. Its properties are inferred by sampling f, f\u2032 and f\u2033 "
    "from \u221210\u00b9\u00b2 to 10\u00b9\u00b2: a good guess, not a proof, and "
    "\u201cunknown\u201d where the samples cannot decide."
)


def check_name(name: object) -> str:
    """Return ``name`` if it can name a custom function: a short plain identifier."""
    if (
        not isinstance(name, str)
        or not name.isascii()
        or not name.isidentifier()
        or name.startswith("_")
        or len(name) > MAX_NAME_LENGTH
    ):
        raise FormulaError(
            f"a function name must be a plain identifier of at most "
            f"{MAX_NAME_LENGTH} characters (letters, digits, _), got {name!r}"
        )
    return name


def _param_specs(params) -> tuple[ParamSpec, ...]:
    if isinstance(params, Mapping):
        specs = []
        for name, limits in params.items():
            if isinstance(limits, ParamSpec):
                specs.append(limits)
                continue
            values = tuple(limits)
            if len(values) == 3:  # (default, lo, hi): the slider spans the limits
                values = values + values[1:]
            if len(values) != 5:
                raise FormulaError(
                    f"parameter {name!r}: give (default, lo, hi) or "
                    f"(default, lo, hi, slider_lo, slider_hi)"
                )
            try:
                specs.append(ParamSpec(name, *(float(v) for v in values)))
            except (TypeError, ValueError) as error:
                raise FormulaError(str(error)) from None
        params = specs
    specs = tuple(params or ())
    if len(specs) > MAX_PARAMETERS:
        raise FormulaError(f"at most {MAX_PARAMETERS} parameters, got {len(specs)}")
    for spec in specs:
        if not isinstance(spec, ParamSpec):
            raise FormulaError(f"parameters must be ParamSpec objects, got {spec!r}")
        check_parameter_name(spec.name)
    return specs


def make_custom_activation(
    name: str,
    formula: str,
    params: Mapping | Sequence[ParamSpec] | None = None,
    title: str | None = None,
    *,
    infer: bool = True,
) -> Activation:
    """An activation whose function is a typed formula, with exact derivatives.

    Parameters
    ----------
    name : str
        Key for the function (a plain identifier).
    formula : str
        The formula in ``x`` and the parameter names (see ``actplay.core.formula``).
    params : dict or sequence of ParamSpec, optional
        ``name -> (default, lo, hi, slider_lo, slider_hi)`` (or ``(default, lo, hi)``),
        or ParamSpec objects.
    title : str, optional
        Display title; the name when not given.
    infer : bool
        Infer the properties by sampling (a few ms to tens of ms); False leaves them
        all unknown, for a preview that only draws the curve.

    Raises
    ------
    FormulaError
        For a bad name, formula or parameter (a ``ValueError``).
    """
    name = check_name(name)
    specs = _param_specs(params)
    parsed = Formula(formula, tuple(spec.name for spec in specs))
    defaults = {spec.name: spec.default for spec in specs}
    found = infer_properties(lambda x: parsed.evaluate(x, defaults)) if infer else UNKNOWN
    return Activation(
        name,
        parsed.value,
        parsed.derivative,
        parsed.second_derivative,
        title=(title or name).strip() or name,
        group=CUSTOM_GROUP,
        formula=f"f(x) = {parsed.text.strip()}",
        derivative_formula="f'(x) and f''(x): exact, by automatic differentiation",
        description=DESCRIPTION,
        params=specs,
        # The sampled range stands for the true one only when the curve is bounded.
        output_range=(found.low, found.high) if found.bounded else (-math.inf, math.inf),
        monotonic=bool(found.monotonic),
        smooth=bool(found.smooth),
        zero_centred=bool(found.zero_centred),
        unknown=found.unknown(),
    )
