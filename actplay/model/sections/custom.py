"""The custom functions: the user's own activations, held by name and saved by formula.

A custom function is an ``Activation`` built from a formula
(``actplay.core.formula``); the built-in registry stays fixed. The
:class:`CustomFunctions` section keeps them by name (``functions``), and every
place that turns an activation name into a function asks
:func:`limits.find_activation` with them, so the curve, the comparisons, the
neuron and every network layer can use them.

Session form (the optional ``custom_activations`` object, one entry per name)::

    {"bump": {"formula": "exp(-(x / w)**2)", "title": "Gaussian bump",
              "params": {"w": {"default": 1.0, "lo": 0.1, "hi": 5.0,
                               "slider_lo": 0.5, "slider_hi": 2.0}}}}

Loading re-parses every formula with the same whitelist parser, so a hostile
formula is refused like any other invalid field.
"""

from __future__ import annotations

from actplay.core import activations as acts
from actplay.model import limits as lim
from actplay.model.errors import InvalidValue

MAX_CUSTOM = 16  # a picker section, not a library
PARAM_KEYS = ("default", "lo", "hi", "slider_lo", "slider_hi")
RESERVED = (lim.SOFTMAX,)  # layer-wide, handled apart from the registry
ENTRY_DEFAULTS = {
    "formula": "",  # required
    "title": None,  # the function's name
    "params": {},  # name -> {"default", "lo", "hi", "slider_lo"?, "slider_hi"?}
}
ENTRY_OPTIONAL = ("title", "params")


def custom_from_entry(name, entry) -> tuple[acts.Activation, dict]:
    """Build one custom activation from its session entry; return it and a clean entry.

    Raises
    ------
    InvalidValue
        Naming the function and the problem (a bad formula names the column).
    """
    field = f"custom activation {name!r}"
    if not isinstance(name, str) or name in acts.names() or name in RESERVED:
        raise InvalidValue(f"{field}: the name must be new (not a built-in function)")
    if not isinstance(entry, dict):
        raise InvalidValue(f"{field} must be an object, got {type(entry).__name__}")
    unknown = [key for key in entry if key not in ENTRY_DEFAULTS]
    if unknown or any(key not in entry for key in ENTRY_DEFAULTS if key not in ENTRY_OPTIONAL):
        raise InvalidValue(f"{field} needs 'formula' and may have 'title' and 'params' only")
    title = entry.get("title", name)
    if not isinstance(title, str) or len(title) > 64:
        raise InvalidValue(f"{field}: title must be text of at most 64 characters")
    params = entry.get("params", ENTRY_DEFAULTS["params"])
    if not isinstance(params, dict):
        raise InvalidValue(f"{field}: params must be an object")
    limits = {}
    for key, spec in params.items():
        if (
            not isinstance(spec, dict)
            or set(spec) - set(PARAM_KEYS)
            or not {"default", "lo", "hi"} <= set(spec)
        ):
            raise InvalidValue(
                f"{field}: parameter {key!r} needs default, lo, hi "
                f"(and optionally slider_lo, slider_hi)"
            )
        values = [
            lim.check_number(f"{field} parameter {key!r} {k}", spec[k]) for k in PARAM_KEYS[:3]
        ]
        values += [
            lim.check_number(f"{field} parameter {key!r} {k}", spec.get(k, values[i + 1]))
            for i, k in enumerate(PARAM_KEYS[3:])
        ]
        limits[key] = tuple(values)
    # The formula package waits for the first custom function: importing it costs
    # start-up time (benchmarks/RESULTS.md, "Costs the code relies on").
    from actplay.core.formula import FormulaError, make_custom_activation

    try:
        activation = make_custom_activation(name, entry["formula"], limits, title=title)
    except FormulaError as error:
        raise InvalidValue(f"{field}: {error}") from None
    return activation, entry_of(activation, entry["formula"])


def entry_of(activation: acts.Activation, formula: str) -> dict:
    """The session entry of a custom activation (JSON-ready)."""
    return {
        "formula": formula,
        "title": activation.title,
        "params": {
            spec.name: dict(
                zip(
                    PARAM_KEYS,
                    (spec.default, spec.lo, spec.hi, spec.slider_lo, spec.slider_hi),
                    strict=True,
                )
            )
            for spec in activation.params
        },
    }


class CustomFunctions:
    """The user's functions (session key ``custom_activations``), their checks and setters.

    Attributes
    ----------
    functions : dict
        Name -> ``Activation`` of every custom function (read it, do not change it).
    """

    KEY = "custom_activations"
    DEFAULTS = ENTRY_DEFAULTS  # of one entry: the object maps each name to one
    OPTIONAL = ENTRY_OPTIONAL

    def __init__(self, parts) -> None:
        self._parts = parts
        self.functions: dict[str, acts.Activation] = {}
        self._entries: dict[str, dict] = {}

    @classmethod
    def fields(cls) -> tuple[str, ...]:
        """The keys of one function's entry, in file order."""
        return tuple(cls.DEFAULTS)

    # -- properties -------------------------------------------------------------
    @property
    def custom_activations(self) -> dict[str, acts.Activation]:
        """Name -> ``Activation`` of every user-defined function (a fresh dict)."""
        return dict(self.functions)

    def activation_names(self) -> tuple[str, ...]:
        """Built-in names in display order, then the custom ones."""
        return lim.activation_names(self.functions)

    def activation(self, name: str) -> acts.Activation:
        """The ``Activation`` called ``name``: built-in, custom, or ``"softmax"``."""
        if name == lim.SOFTMAX:
            from actplay.core.network import SOFTMAX

            return SOFTMAX
        try:
            return lim.find_activation(name, self.functions)
        except KeyError as error:
            raise InvalidValue(error.args[0]) from None

    # -- setters ----------------------------------------------------------------
    def add_custom_activation(self, spec) -> None:
        """Add or replace a custom function. Touches ``curve``, ``neuron`` and ``network``
        (every picker lists it), in one event.

        Replacing a function keeps its name, so every place that uses it (curve,
        comparison curves, neuron, network layers) now computes the new formula;
        each keeps its parameter values that the new function still has within its
        limits and takes the defaults for the rest.

        Parameters
        ----------
        spec : dict
            ``{"name", "formula", "title" (optional), "params" (optional)}`` with params
            as in the session format, or ``name -> (default, lo, hi[, slider_lo, slider_hi])``.

        Raises
        ------
        InvalidValue
            For a bad formula or parameter, a built-in name or too many functions
            (nothing changes).
        """
        if not isinstance(spec, dict) or "name" not in spec:
            raise InvalidValue("a custom activation needs a dict with 'name' and 'formula'")
        name = spec["name"]
        entry = {key: value for key, value in spec.items() if key != "name"}
        params = entry.get("params")
        if isinstance(params, dict):
            entry["params"] = {
                key: value
                if isinstance(value, dict)
                else dict(zip(PARAM_KEYS, (*value, *value[1:3])[:5], strict=False))
                for key, value in params.items()
            }
        activation, clean = custom_from_entry(name, entry)
        if self._entries.get(name) == clean:
            return
        replacing = name in self.functions
        if not replacing and len(self.functions) >= MAX_CUSTOM:
            raise InvalidValue(f"at most {MAX_CUSTOM} custom activations")
        self.functions[name] = activation
        self._entries[name] = clean
        if replacing:
            if self._parts.network.uses(name):
                self._parts.run.drop_trainer()  # its network holds the old formula
            self._refit_users(name, activation)
            self._parts.race.refit_custom(name)
        self._forget_results()
        self._parts.touch({"curve", "neuron", "network"})

    def remove_custom_activation(self, name: str) -> None:
        """Remove an unused custom function. Touches ``curve``, ``neuron``, ``network``.

        Raises
        ------
        InvalidValue
            For an unknown name or a function still in use (named in the message).
        """
        if name not in self.functions:
            raise InvalidValue(f"no custom activation {name!r}")
        self._check_unused(name, "remove")
        del self.functions[name], self._entries[name]
        self._forget_results()
        self._parts.touch({"curve", "neuron", "network"})

    # -- helpers ----------------------------------------------------------------
    def _refit_users(self, name: str, activation: acts.Activation) -> None:
        """Every user of ``name`` keeps the parameter values the new function accepts."""

        def refit(params: dict) -> dict:
            limits = activation.limits
            kept = {
                key: value
                for key, value in params.items()
                if key in limits and limits[key][0] <= value <= limits[key][1]
            }
            return activation.resolve_params(kept)

        parts = self._parts
        parts.curve.refit(name, refit)
        parts.neuron.refit(name, refit)
        parts.network.refit(name, refit)

    def _check_unused(self, name: str, action: str) -> None:
        parts = self._parts
        users = []
        if parts.curve.uses(name):
            users.append("the curve pane")
        if parts.neuron.uses(name):
            users.append("the neuron")
        users += [f"network layer {layer}" for layer in parts.network.uses(name)]
        if name in parts.race.activations_used():
            users.append("the race")
        if users:
            raise InvalidValue(
                f"cannot {action} custom activation {name!r}: used by "
                f"{', '.join(users)}; choose another function there first"
            )

    def _forget_results(self) -> None:
        """A name may now mean a different function: drop every cached result."""
        self._parts.results.forget()
        self._parts.network.forget_results()

    # -- session form ---------------------------------------------------------------
    def to_dict(self) -> dict:
        """The ``custom_activations`` object (empty when there are none)."""
        return {name: dict(entry) for name, entry in self._entries.items()}

    def load(self, section: dict | None) -> bool:
        """Replace the functions with a validated section; True if they changed."""
        clean, functions = self.validate(section or {})
        if clean == self._entries:
            return False
        self.functions, self._entries = functions, clean
        self._forget_results()
        return True

    @classmethod
    def validate(cls, section) -> tuple[dict, dict]:
        """Check a ``custom_activations`` object; return (clean object, name -> Activation)."""
        if not isinstance(section, dict):
            raise InvalidValue(
                f"custom_activations must be an object, got {type(section).__name__}"
            )
        if len(section) > MAX_CUSTOM:
            raise InvalidValue(f"custom_activations holds at most {MAX_CUSTOM} functions")
        clean, functions = {}, {}
        for name, entry in section.items():
            functions[name], clean[name] = custom_from_entry(name, entry)
        return clean, functions
