"""The ``curve`` section: the curve pane's main function, comparisons and plotted range.

When ``linked`` is on (the default) the curve's main function *is* the
neuron's activation: the curve properties read the neuron's, and the curve
setters write the neuron's (so one choice shows in both views). The curve's
own function is kept for when the link is off.
"""

from __future__ import annotations

from actplay.model import limits as lim
from actplay.model.errors import InvalidValue
from actplay.model.sections.base import Section

DEFAULT_VISIBLE = {"f": True, "df": True, "d2f": False}


def validate_activation(field: str, name, params, allow_softmax: bool = False, custom=None):
    """``(name, resolved params)`` if ``name`` is a known function and ``params`` fit it."""
    name = lim.check_activation(f"{field} activation", name, allow_softmax, custom)
    return name, lim.check_params(f"{field} params", name, params, custom)


def validate_pair(field: str, pair) -> list[float]:
    """``[low, high]`` as floats if ``pair`` is a pair of valid numbers with low < high."""
    if not isinstance(pair, (list, tuple)) or len(pair) != 2:
        raise InvalidValue(f"{field} must be a pair [low, high], got {pair!r}")
    return list(lim.check_range(field, pair[0], pair[1]))


class CurveSection(Section):
    """The curve pane's state (session key ``curve``), its checks and its setters.

    Every setter touches ``curve`` (and ``neuron`` when it writes the linked
    neuron's function); an equal value emits nothing.
    """

    KEY = "curve"
    DEFAULTS = {
        "activation": "sigmoid",  # the curve's own function, shown when not linked
        "params": {},  # sigmoid has no parameters
        "compare": [],  # [{"activation": name, "params": {...}}, ...]
        "visible": DEFAULT_VISIBLE,
        "x_range": [-6.0, 6.0],
        "points": 1001,  # samples per curve: smooth at any plot width
        "linked": True,
    }
    OPTIONAL = ("points", "linked")

    # -- properties -------------------------------------------------------------
    @property
    def curve_activation(self) -> str:
        """Name of the curve pane's main function (the neuron's when linked)."""
        if self._values["linked"]:
            return self._parts.neuron.neuron_activation
        return self._values["activation"]

    @property
    def curve_params(self) -> dict:
        """Resolved parameters of the main function (a copy)."""
        if self._values["linked"]:
            return self._parts.neuron.neuron_params
        return dict(self._values["params"])

    @property
    def compare(self) -> tuple:
        """Comparison curves: a tuple of ``(name, params dict)``, at most ``MAX_COMPARE``."""
        return tuple((e["activation"], dict(e["params"])) for e in self._values["compare"])

    @property
    def visible(self) -> dict:
        """Which kinds are drawn: ``{"f": bool, "df": bool, "d2f": bool}`` (a copy)."""
        return dict(self._values["visible"])

    @property
    def x_range(self) -> tuple[float, float]:
        """The plotted x interval ``(lo, hi)``."""
        return tuple(self._values["x_range"])

    @property
    def points(self) -> int:
        """How many samples each curve has."""
        return self._values["points"]

    @property
    def linked(self) -> bool:
        """True when the curve's main function is the neuron's activation."""
        return self._values["linked"]

    # -- setters ----------------------------------------------------------------
    def set_curve_activation(self, name: str) -> None:
        """Choose the main function; its params reset to defaults. Touches ``curve``
        (and ``neuron`` when linked)."""
        if self._values["linked"]:
            self._parts.neuron.set_neuron_activation(name)
            return
        custom = self._parts.custom.functions
        name = lim.check_activation("curve activation", name, custom=custom)
        if name == self._values["activation"]:
            return
        self._values["activation"] = name
        self._values["params"] = lim.check_params("curve params", name, None, custom=custom)
        self._parts.touch({"curve"})

    def set_curve_param(self, key: str, value: float) -> None:
        """Set one parameter of the main function. Touches ``curve`` (+ ``neuron`` if linked)."""
        if self._values["linked"]:
            self._parts.neuron.set_neuron_param(key, value)
            return
        values = self._values
        params = lim.check_param(
            "curve param",
            values["activation"],
            values["params"],
            key,
            value,
            custom=self._parts.custom.functions,
        )
        if params == values["params"]:
            return
        values["params"] = params
        self._parts.touch({"curve"})

    def add_compare(self, name: str, params: dict | None = None) -> None:
        """Add a comparison curve. Touches ``curve``.

        Raises
        ------
        InvalidValue
            For an unknown name, bad params, or when ``MAX_COMPARE`` curves are shown.
        """
        custom = self._parts.custom.functions
        name = lim.check_activation("compare activation", name, custom=custom)
        params = lim.check_params("compare params", name, params, custom=custom)
        if len(self._values["compare"]) >= lim.MAX_COMPARE:
            raise InvalidValue(f"compare holds at most {lim.MAX_COMPARE} curves")
        self._values["compare"].append({"activation": name, "params": params})
        self._parts.touch({"curve"})

    def remove_compare(self, index: int) -> None:
        """Remove comparison curve ``index``. Touches ``curve``."""
        index = self._compare_index(index)
        del self._values["compare"][index]
        self._parts.touch({"curve"})

    def set_compare_param(self, index: int, key: str, value: float) -> None:
        """Set one parameter of comparison curve ``index``. Touches ``curve``."""
        index = self._compare_index(index)
        entry = self._values["compare"][index]
        params = lim.check_param(
            f"compare[{index}] param",
            entry["activation"],
            entry["params"],
            key,
            value,
            custom=self._parts.custom.functions,
        )
        if params == entry["params"]:
            return
        entry["params"] = params
        self._parts.touch({"curve"})

    def set_visible(self, kind: str, on: bool) -> None:
        """Show or hide ``kind`` (``"f"``, ``"df"`` or ``"d2f"``). Touches ``curve``."""
        if kind not in lim.CURVE_KINDS:
            raise InvalidValue(
                f"visible kind must be one of {', '.join(lim.CURVE_KINDS)}, got {kind!r}"
            )
        on = lim.check_bool(f"visible {kind!r}", on)
        if self._values["visible"][kind] == on:
            return
        self._values["visible"][kind] = on
        self._parts.touch({"curve"})

    def set_x_range(self, lo: float, hi: float) -> None:
        """Set the plotted x interval (``lo < hi``, both within ±1e6). Touches ``curve``."""
        x_range = list(lim.check_range("x range", lo, hi))
        if x_range == self._values["x_range"]:
            return
        self._values["x_range"] = x_range
        self._parts.touch({"curve"})

    def set_points(self, n: int) -> None:
        """Set the number of samples per curve (``MIN_POINTS..MAX_POINTS``). Touches ``curve``."""
        n = lim.check_int("points", n, lim.MIN_POINTS, lim.MAX_POINTS)
        if n == self._values["points"]:
            return
        self._values["points"] = n
        self._parts.touch({"curve"})

    def set_linked(self, on: bool) -> None:
        """Link the curve's main function to the neuron's activation. Touches ``curve``.

        Unlinking keeps the function shown, so nothing jumps; linking shows the
        neuron's activation.
        """
        on = lim.check_bool("linked", on)
        if on == self._values["linked"]:
            return
        if not on:
            neuron = self._parts.neuron
            name, params = neuron.neuron_activation, neuron.neuron_params
            if name == lim.SOFTMAX:
                # A softmax unit's curve is sigmoid(z - logsumexp(others)); softmax alone is
                # no curve function (a state holding it would not load): show the sigmoid.
                name, params = "sigmoid", lim.check_params("curve params", "sigmoid", None)
            self._values["activation"], self._values["params"] = name, params
        self._values["linked"] = on
        self._parts.touch({"curve"})

    # -- for the other sections ---------------------------------------------------
    def uses(self, name: str) -> bool:
        """True when the curve's own function or a comparison is ``name``."""
        values = self._values
        return values["activation"] == name or any(
            entry["activation"] == name for entry in values["compare"]
        )

    def refit(self, name: str, refit_params) -> None:
        """Give every use of ``name`` the parameters ``refit_params(params)`` returns."""
        values = self._values
        if values["activation"] == name:
            values["params"] = refit_params(values["params"])
        for entry in values["compare"]:
            if entry["activation"] == name:
                entry["params"] = refit_params(entry["params"])

    def _compare_index(self, index) -> int:
        if not self._values["compare"]:
            raise InvalidValue("there are no comparison curves")
        return lim.check_int("compare index", index, 0, len(self._values["compare"]) - 1)

    # -- session form ---------------------------------------------------------------
    def to_dict(self) -> dict:
        """The session object; ``activation`` and ``params`` are the function shown."""
        state = super().to_dict()
        state["activation"], state["params"] = self.curve_activation, self.curve_params
        return state

    @classmethod
    def validate(cls, curve, custom) -> dict:
        """A clean copy of a ``curve`` object (``custom``: name -> custom Activation).

        A linked curve may name ``softmax`` (a unit of a softmax output layer);
        the caller then shows the neuron's function (``state_schema``).
        """
        curve = cls.checked_keys(curve)
        linked = lim.check_bool("curve linked", curve["linked"])
        name, params = validate_activation(
            "curve", curve["activation"], curve["params"], allow_softmax=linked, custom=custom
        )
        compare = curve["compare"]
        if not isinstance(compare, list):
            raise InvalidValue(f"curve compare must be a list, got {type(compare).__name__}")
        if len(compare) > lim.MAX_COMPARE:
            raise InvalidValue(
                f"curve compare holds at most {lim.MAX_COMPARE} entries, got {len(compare)}"
            )
        clean_compare = []
        for i, entry in enumerate(compare):
            lim.check_keys(f"curve compare[{i}]", entry, ("activation", "params"))
            entry_name, entry_params = validate_activation(
                f"curve compare[{i}]", entry["activation"], entry["params"], custom=custom
            )
            clean_compare.append({"activation": entry_name, "params": entry_params})
        visible = curve["visible"]
        lim.check_keys("curve visible", visible, (), lim.CURVE_KINDS)
        clean_visible = dict(DEFAULT_VISIBLE)
        for kind, on in visible.items():
            clean_visible[kind] = lim.check_bool(f"curve visible {kind!r}", on)
        return {
            "activation": name,
            "params": params,
            "compare": clean_compare,
            "visible": clean_visible,
            "x_range": validate_pair("curve x_range", curve["x_range"]),
            "points": lim.check_int(
                "curve points", curve["points"], lim.MIN_POINTS, lim.MAX_POINTS
            ),
            "linked": linked,
        }
