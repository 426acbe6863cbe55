"""Limits on every value the user can set, and the checks that enforce them.

Every check raises ``ValueError`` whose message starts with the field's name,
so a slider, a typed value and a session file all report the same problem in
the same words. Checks return the normalised value (a float, an int, a tuple).
"""

from __future__ import annotations

import math
import numbers

from actplay.core import activations as acts
from actplay.model.errors import InvalidValue

VALUE_LIMIT = 1e6  # larger numbers only overflow the plots and mean nothing here
MIN_INPUTS, MAX_INPUTS = 1, 8  # the neuron and network input size
MAX_INPUT_NAME = 16  # characters of a named input ("weather"): a label, not a sentence
MIN_HIDDEN_UNITS, MAX_HIDDEN_UNITS = 1, 16  # per hidden layer: the panel draws every unit
MAX_HIDDEN_LAYERS = 6  # deep enough to watch gradients vanish
MIN_OUTPUTS, MAX_OUTPUTS = 1, 8
MIN_POINTS, MAX_POINTS = 11, 20001  # curve samples: coarse to smooth, still fast
MAX_COMPARE = 6  # comparison curves; more would not be told apart by colour
MAX_SEED = 2**32 - 1  # seeds stay portable across numpy generators
CURVE_KINDS = ("f", "df", "d2f")  # the function and its first two derivatives
SOFTMAX = "softmax"  # a layer-wide function: only the network's last layer may use it


def check_number(field: str, value) -> float:
    """Return ``value`` as a float if it is a finite real within ±:data:`VALUE_LIMIT`."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise InvalidValue(f"{field} must be a number, got {value!r}")
    number = float(value)
    if not math.isfinite(number):
        raise InvalidValue(f"{field} must be finite, got {number}")
    if abs(number) > VALUE_LIMIT:
        raise InvalidValue(f"{field} must be within ±{VALUE_LIMIT:g}, got {number:g}")
    return number


def check_int(field: str, value, lo: int, hi: int) -> int:
    """Return ``value`` as an int if it is an integer in ``lo..hi`` (floats like 3.0 pass)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise InvalidValue(f"{field} must be an integer, got {value!r}")
    if isinstance(value, numbers.Integral):
        integer = int(value)
    else:
        number = float(value)
        if not math.isfinite(number) or number != int(number):
            raise InvalidValue(f"{field} must be an integer, got {value!r}")
        integer = int(number)
    if not lo <= integer <= hi:
        raise InvalidValue(f"{field} must be in {lo}..{hi}, got {integer}")
    return integer


def check_choice(field: str, value, choices) -> str:
    """Return ``value`` if it is one of ``choices``."""
    if value not in choices:
        raise InvalidValue(f"{field} must be one of {', '.join(choices)}, got {value!r}")
    return value


def check_interval(field: str, value, lo: float, hi: float, lo_open: bool = False) -> float:
    """Return ``value`` as a float if it lies in ``[lo, hi]`` (``(lo, hi]`` when ``lo_open``)."""
    number = check_number(field, value)
    if number < lo or number > hi or (lo_open and number == lo):
        low = f"({lo:g}" if lo_open else f"[{lo:g}"
        raise InvalidValue(f"{field} must be within {low}, {hi:g}], got {number!r}")
    return number


def check_bool(field: str, value) -> bool:
    """Return ``value`` if it is a bool (no truthy strings or numbers)."""
    if not isinstance(value, bool):
        raise InvalidValue(f"{field} must be true or false, got {value!r}")
    return value


def check_range(field: str, lo, hi) -> tuple[float, float]:
    """Return ``(lo, hi)`` as floats if both are valid numbers and ``lo < hi``."""
    lo = check_number(f"{field} low end", lo)
    hi = check_number(f"{field} high end", hi)
    if not lo < hi:
        raise InvalidValue(f"{field} needs low < high, got ({lo:g}, {hi:g})")
    return lo, hi


def check_keys(field: str, mapping, required: tuple, optional: tuple = ()) -> None:
    """Raise ``ValueError`` unless ``mapping`` is a dict with all required keys and no others."""
    if not isinstance(mapping, dict):
        raise InvalidValue(f"{field} must be an object, got {type(mapping).__name__}")
    missing = [key for key in required if key not in mapping]
    if missing:
        raise InvalidValue(f"{field} is missing {', '.join(repr(k) for k in missing)}")
    unknown = [key for key in mapping if key not in required and key not in optional]
    if unknown:
        raise InvalidValue(f"{field} has unknown key(s) {', '.join(repr(k) for k in unknown)}")


def check_numbers(field: str, values, lo_count: int, hi_count: int) -> tuple[float, ...]:
    """Return a tuple of valid numbers whose length is in ``lo_count..hi_count``."""
    if isinstance(values, (str, bytes, dict)) or not hasattr(values, "__len__"):
        raise InvalidValue(f"{field} must be a list of numbers, got {values!r}")
    if not lo_count <= len(values) <= hi_count:
        expected = lo_count if lo_count == hi_count else f"{lo_count}..{hi_count}"
        raise InvalidValue(f"{field} must hold {expected} numbers, got {len(values)}")
    return tuple(check_number(f"{field}[{i}]", v) for i, v in enumerate(values))


def activation_names(custom=None) -> tuple[str, ...]:
    """Every name an activation can have: the registry's, then the user's custom ones."""
    return acts.names() + tuple(custom or ())


def find_activation(name: str, custom=None) -> acts.Activation:
    """The one place the model turns a name into an ``Activation``.

    ``custom`` maps the Playground's user-defined names to their activations
    (they never shadow a built-in). Raises ``KeyError`` for an unknown name.
    """
    if custom and name in custom:
        return custom[name]
    return acts.get(name)


def check_activation(field: str, name, allow_softmax: bool = False, custom=None) -> str:
    """Return ``name`` if it names a registered or custom activation (softmax only if
    allowed)."""
    if not isinstance(name, str):
        raise InvalidValue(f"{field} must be an activation name, got {name!r}")
    if name == SOFTMAX and allow_softmax:
        return name
    known = activation_names(custom)
    if name not in known:
        hint = " (softmax is only allowed on the network's last layer)" if name == SOFTMAX else ""
        raise InvalidValue(f"{field}: unknown activation {name!r}{hint}; known: {', '.join(known)}")
    return name


def check_params(field: str, name: str, params, custom=None) -> dict[str, float]:
    """Return ``params`` resolved against ``name``'s specs (defaults filled, limits checked)."""
    if params is None:
        params = {}
    if not isinstance(params, dict):
        raise InvalidValue(f"{field} must be a mapping of parameter name to number, got {params!r}")
    if name == SOFTMAX:
        if params:
            raise InvalidValue(f"{field}: softmax takes no parameters, got {sorted(params)}")
        return {}
    for key, value in params.items():
        check_number(f"{field} {key!r}", value)
    try:
        resolved = find_activation(name, custom).resolve_params(dict(params))
    except ValueError as error:
        raise InvalidValue(f"{field}: {error}") from None
    return {key: float(value) for key, value in resolved.items()}


def check_param(field: str, name: str, params: dict, key, value, custom=None) -> dict[str, float]:
    """Return a copy of ``params`` with ``key`` set to ``value``, checked against the specs."""
    if not isinstance(key, str) or key not in params:
        known = ", ".join(params) or "none"
        raise InvalidValue(f"{field}: {name} has no parameter {key!r} (parameters: {known})")
    return check_params(
        field, name, {**params, key: check_number(f"{field} {key!r}", value)}, custom
    )


def check_layer_sizes(field: str, sizes) -> tuple[int, ...]:
    """Return ``sizes`` (input, hidden..., output) as ints if every size is in its limits."""
    if isinstance(sizes, (str, bytes, dict)) or not hasattr(sizes, "__len__"):
        raise InvalidValue(f"{field} must be a list of layer sizes, got {sizes!r}")
    if not 2 <= len(sizes) <= MAX_HIDDEN_LAYERS + 2:
        raise InvalidValue(
            f"{field} must list the input size, 0..{MAX_HIDDEN_LAYERS} hidden sizes and the "
            f"output size ({2}..{MAX_HIDDEN_LAYERS + 2} numbers), got {len(sizes)}"
        )
    last = len(sizes) - 1
    checked = [check_int(f"{field} input size", sizes[0], MIN_INPUTS, MAX_INPUTS)]
    for i in range(1, last):
        hidden_field = f"{field} hidden layer {i} size"
        checked.append(check_int(hidden_field, sizes[i], MIN_HIDDEN_UNITS, MAX_HIDDEN_UNITS))
    checked.append(check_int(f"{field} output size", sizes[last], MIN_OUTPUTS, MAX_OUTPUTS))
    return tuple(checked)
