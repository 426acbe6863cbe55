"""The curve pane's part of the Playground: main function, comparisons, view range.

When ``linked`` is on (the default) the curve's main function *is* the
neuron's activation: the curve properties read the neuron's, and the curve
setters write the neuron's (so one choice shows in both views).
"""

from __future__ import annotations

from actplay.model import limits as lim
from actplay.model.errors import InvalidValue


class CurveStateMixin:
    """Properties and setters of the ``curve`` section (mixed into ``Playground``)."""

    # -- properties -------------------------------------------------------------
    @property
    def curve_activation(self) -> str:
        """Name of the curve pane's main function (the neuron's when linked)."""
        return self.neuron_activation if self._linked else self._curve_activation

    @property
    def curve_params(self) -> dict:
        """Resolved parameters of the main function (a copy)."""
        return self.neuron_params if self._linked else dict(self._curve_params)

    @property
    def compare(self) -> tuple:
        """Comparison curves: a tuple of ``(name, params dict)``, at most ``MAX_COMPARE``."""
        return tuple((name, dict(params)) for name, params in self._compare)

    @property
    def visible(self) -> dict:
        """Which kinds are drawn: ``{"f": bool, "df": bool, "d2f": bool}`` (a copy)."""
        return dict(self._visible)

    @property
    def x_range(self) -> tuple[float, float]:
        """The plotted x interval ``(lo, hi)``."""
        return self._x_range

    @property
    def points(self) -> int:
        """How many samples each curve has."""
        return self._points

    @property
    def linked(self) -> bool:
        """True when the curve's main function is the neuron's activation."""
        return self._linked

    # -- setters ----------------------------------------------------------------
    def set_curve_activation(self, name: str) -> None:
        """Choose the main function; its params reset to defaults. Touches ``curve``
        (and ``neuron`` when linked)."""
        if self._linked:
            self.set_neuron_activation(name)
            return
        name = lim.check_activation("curve activation", name, custom=self._custom)
        if name == self._curve_activation:
            return
        self._curve_activation = name
        self._curve_params = lim.check_params("curve params", name, None, custom=self._custom)
        self._touch({"curve"})

    def set_curve_param(self, key: str, value: float) -> None:
        """Set one parameter of the main function. Touches ``curve`` (+ ``neuron`` if linked)."""
        if self._linked:
            self.set_neuron_param(key, value)
            return
        params = lim.check_param(
            "curve param",
            self._curve_activation,
            self._curve_params,
            key,
            value,
            custom=self._custom,
        )
        if params == self._curve_params:
            return
        self._curve_params = params
        self._touch({"curve"})

    def add_compare(self, name: str, params: dict | None = None) -> None:
        """Add a comparison curve. Touches ``curve``.

        Raises
        ------
        ValueError
            For an unknown name, bad params, or when ``MAX_COMPARE`` curves are shown.
        """
        name = lim.check_activation("compare activation", name, custom=self._custom)
        params = lim.check_params("compare params", name, params, custom=self._custom)
        if len(self._compare) >= lim.MAX_COMPARE:
            raise InvalidValue(f"compare holds at most {lim.MAX_COMPARE} curves")
        self._compare.append((name, params))
        self._touch({"curve"})

    def remove_compare(self, index: int) -> None:
        """Remove comparison curve ``index``. Touches ``curve``."""
        index = self._compare_index(index)
        del self._compare[index]
        self._touch({"curve"})

    def set_compare_param(self, index: int, key: str, value: float) -> None:
        """Set one parameter of comparison curve ``index``. Touches ``curve``."""
        index = self._compare_index(index)
        name, params = self._compare[index]
        new_params = lim.check_param(
            f"compare[{index}] param", name, params, key, value, custom=self._custom
        )
        if new_params == params:
            return
        self._compare[index] = (name, new_params)
        self._touch({"curve"})

    def set_visible(self, kind: str, on: bool) -> None:
        """Show or hide ``kind`` (``"f"``, ``"df"`` or ``"d2f"``). Touches ``curve``."""
        if kind not in lim.CURVE_KINDS:
            raise InvalidValue(
                f"visible kind must be one of {', '.join(lim.CURVE_KINDS)}, got {kind!r}"
            )
        on = lim.check_bool(f"visible {kind!r}", on)
        if self._visible[kind] == on:
            return
        self._visible[kind] = on
        self._touch({"curve"})

    def set_x_range(self, lo: float, hi: float) -> None:
        """Set the plotted x interval (``lo < hi``, both within ±1e6). Touches ``curve``."""
        x_range = lim.check_range("x range", lo, hi)
        if x_range == self._x_range:
            return
        self._x_range = x_range
        self._touch({"curve"})

    def set_points(self, n: int) -> None:
        """Set the number of samples per curve (``MIN_POINTS..MAX_POINTS``). Touches ``curve``."""
        n = lim.check_int("points", n, lim.MIN_POINTS, lim.MAX_POINTS)
        if n == self._points:
            return
        self._points = n
        self._touch({"curve"})

    def set_linked(self, on: bool) -> None:
        """Link the curve's main function to the neuron's activation. Touches ``curve``.

        Unlinking keeps the function shown, so nothing jumps; linking shows the
        neuron's activation.
        """
        on = lim.check_bool("linked", on)
        if on == self._linked:
            return
        if not on:
            name, params = self.neuron_activation, self.neuron_params
            if name == lim.SOFTMAX:
                # A softmax unit's curve is sigmoid(z - logsumexp(others)); softmax alone is
                # no curve function (a state holding it would not load): show the sigmoid.
                name, params = "sigmoid", lim.check_params("curve params", "sigmoid", None)
            self._curve_activation = name
            self._curve_params = params
        self._linked = on
        self._touch({"curve"})

    # -- helpers ----------------------------------------------------------------
    def _compare_index(self, index) -> int:
        if not self._compare:
            raise InvalidValue("there are no comparison curves")
        return lim.check_int("compare index", index, 0, len(self._compare) - 1)

    def _curve_state(self) -> dict:
        return {
            "activation": self.curve_activation,
            "params": self.curve_params,
            "compare": [{"activation": n, "params": dict(p)} for n, p in self._compare],
            "visible": dict(self._visible),
            "x_range": list(self._x_range),
            "points": self._points,
            "linked": self._linked,
        }

    def _load_curve(self, curve: dict) -> None:
        self._curve_activation = curve["activation"]
        self._curve_params = dict(curve["params"])
        self._compare = [(e["activation"], dict(e["params"])) for e in curve["compare"]]
        self._visible = dict(curve["visible"])
        self._x_range = tuple(curve["x_range"])
        self._points = curve["points"]
        self._linked = curve["linked"]
