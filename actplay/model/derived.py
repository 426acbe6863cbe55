"""Results derived from the Playground's state, computed lazily and cached.

Each result remembers the key of the state it was computed from (the values
it reads, or version counters for the network's arrays) and recomputes only
when that key changes: moving a neuron input leaves the curves and heatmaps
alone, moving the network input recomputes the trace but not the heatmaps.
``recompute_counts`` counts every recomputation, for tests.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from actplay.core import activations as acts
from actplay.core.diagnostics import layer_diagnostics
from actplay.core.diagnostics import linear_equivalent as core_linear_equivalent
from actplay.core.grid import grid_activations, plane_grid
from actplay.core.network import Network, Trace
from actplay.model import limits as lim
from actplay.model.unit_function import intervals, unit_function
from actplay.model.unit_grids import UnitGridCache, UnitGrids, plane_features

GRID_RESOLUTION = 100  # heatmap cells per axis: smooth at panel size, cheap to compute
DIAGNOSTIC_RESOLUTION = 32  # diagnostics grid per axis: 1,024 points give the same
# statistics to about two digits at a tenth of the 100x100 heatmap grid's cost (~0.5 ms)
DIAGNOSTIC_BATCH = DIAGNOSTIC_RESOLUTION**2  # inputs drawn when the input plane is not 2-D
DIAGNOSTIC_SEED = 20240601  # fixed, so diagnostics do not flicker between recomputes
RESULTS = ("curve", "neuron", "truth_table", "trace", "heatmaps", "diagnostics", "linear")


class Series(NamedTuple):
    """One plotted curve: ``key`` like ``"main:f"`` or ``"cmp0:df"``; ``kind`` in f/df/d2f."""

    key: str
    label: str
    activation: str
    params: dict
    kind: str
    y: np.ndarray


class CurveData(NamedTuple):
    """Samples of every visible curve, and the main function's flat regions."""

    x: np.ndarray
    series: tuple[Series, ...]
    saturated: tuple[tuple[float, float], ...]
    dead: tuple[tuple[float, float], ...]


class NeuronResult(NamedTuple):
    """One neuron's forward pass: ``terms = w_i * x_i``, ``z = sum(terms) + b``,
    ``a = f(z)``, ``slope = f'(z)``."""

    inputs: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float
    terms: tuple[float, ...]
    z: float
    a: float
    slope: float
    activation: str
    params: dict


class TruthRow(NamedTuple):
    """The neuron on one 0/1 input combination; ``current`` marks the inputs set now."""

    inputs: tuple[int, ...]
    z: float
    a: float
    current: bool


KIND_SUFFIX = {"f": "", "df": "′", "d2f": "″"}  # f, f', f'' in labels


def _titled(title: str, name: str, params: dict, custom) -> str:
    """``Title (key=value, ...)`` naming the parameters that differ from their defaults.

    Main and comparison curves are labelled alike, so a legend or export tells
    ``ELU (alpha=0.5)`` from ``ELU``.
    """
    try:
        defaults = lim.find_activation(name, custom).defaults
    except KeyError:  # softmax: no parameters of its own
        defaults = {}
    changed = {key: value for key, value in params.items() if defaults.get(key) != value}
    if not changed:
        return title
    return title + " (" + ", ".join(f"{key}={value:g}" for key, value in changed.items()) + ")"


def _frozen(params: dict) -> tuple:
    return tuple(sorted(params.items()))


def _read_only(array: np.ndarray) -> np.ndarray:
    array.setflags(write=False)
    return array


class DerivedMixin:
    """Lazy cached results (mixed into ``Playground``)."""

    def _init_derived(self) -> None:
        self._cache: dict[str, tuple[object, object]] = {}
        self.recompute_counts = dict.fromkeys(RESULTS, 0)
        self._unit_grid_cache = UnitGridCache()

    def _cached(self, name: str, key, compute):
        hit = self._cache.get(name)
        if hit is not None and hit[0] == key:
            return hit[1]
        value = compute()
        self.recompute_counts[name] = self.recompute_counts.get(name, 0) + 1
        self._cache[name] = (key, value)
        return value

    def _softmax_others(self, name: str) -> np.ndarray | None:
        """The other units' z when the shown unit belongs to a softmax layer."""
        if name != "softmax" or self._neuron_target is None:
            return None
        layer, unit = self._neuron_target
        return np.delete(self.network_trace().z[layer - 1], unit)

    # -- curve ------------------------------------------------------------------
    def curve_data(self) -> CurveData:
        """Samples of the main function and comparisons over ``x_range``.

        Returns
        -------
        CurveData
            ``x`` (``points`` samples), one ``Series`` per visible kind of the
            main function then of each comparison, and the main function's
            saturated (|f'| < ``SATURATION_THRESHOLD``) and dead (f = f' = 0)
            x intervals.
        """
        name, params = self.curve_activation, self.curve_params
        others = self._softmax_others(name)
        key = (
            name,
            _frozen(params),
            None if others is None else others.tobytes(),
            tuple((n, _frozen(p)) for n, p in self._compare),
            _frozen(self._visible),
            self._x_range,
            self._points,
        )
        return self._cached("curve", key, lambda: self._compute_curve(name, params, others))

    def _compute_curve(self, name: str, params: dict, others) -> CurveData:
        x = _read_only(np.linspace(self._x_range[0], self._x_range[1], self._points))
        entries = [("main", name, params, others)]
        entries += [(f"cmp{i}", n, p, None) for i, (n, p) in enumerate(self._compare)]
        series = []
        main_values = {}
        for prefix, entry_name, entry_params, entry_others in entries:
            functions = unit_function(entry_name, entry_params, entry_others, self._custom)
            title = _titled(functions.title, entry_name, entry_params, self._custom)
            for kind in ("f", "df", "d2f"):
                needed = self._visible[kind] or (prefix == "main" and kind != "d2f")
                if not needed:
                    continue
                y = _read_only(np.asarray(getattr(functions, kind)(x), dtype=np.float64))
                if prefix == "main":
                    main_values[kind] = y
                if self._visible[kind]:
                    series.append(
                        Series(
                            f"{prefix}:{kind}",
                            title + KIND_SUFFIX[kind],
                            entry_name,
                            dict(entry_params),
                            kind,
                            y,
                        )
                    )
        f, df = main_values["f"], main_values["df"]
        dead = (f == 0.0) & (df == 0.0)
        saturated = (np.abs(df) < acts.SATURATION_THRESHOLD) & ~dead
        return CurveData(x, tuple(series), intervals(x, saturated), intervals(x, dead))

    # -- neuron -----------------------------------------------------------------
    def neuron_result(self) -> NeuronResult:
        """The neuron's forward pass for its current inputs (see :class:`NeuronResult`)."""
        inputs, weights, bias = self.neuron_inputs, self.neuron_weights, self.neuron_bias
        name, params = self.neuron_activation, self.neuron_params
        others = self._softmax_others(name)
        key = (
            inputs,
            weights,
            bias,
            name,
            _frozen(params),
            None if others is None else others.tobytes(),
        )

        def compute() -> NeuronResult:
            terms = tuple(float(w * x) for w, x in zip(weights, inputs, strict=True))
            z = float(np.dot(weights, inputs) + bias)
            functions = unit_function(name, params, others, self._custom)
            a = float(functions.f(np.array([z]))[0])
            slope = float(functions.df(np.array([z]))[0])
            return NeuronResult(inputs, weights, bias, terms, z, a, slope, name, dict(params))

        return self._cached("neuron", key, compute)

    def truth_table(self) -> tuple[TruthRow, ...]:
        """The neuron on every 0/1 combination of its inputs, first input most significant."""
        inputs, weights, bias = self.neuron_inputs, self.neuron_weights, self.neuron_bias
        name, params = self.neuron_activation, self.neuron_params
        others = self._softmax_others(name)
        key = (
            inputs,
            weights,
            bias,
            name,
            _frozen(params),
            None if others is None else others.tobytes(),
        )

        def compute() -> tuple[TruthRow, ...]:
            n = len(weights)
            combos = (np.arange(2**n)[:, None] >> np.arange(n - 1, -1, -1)) & 1
            z = combos @ np.asarray(weights) + bias
            a = unit_function(name, params, others, self._custom).f(z)
            current = tuple(inputs)
            return tuple(
                TruthRow(
                    tuple(int(v) for v in row),
                    float(zi),
                    float(ai),
                    tuple(float(v) for v in row) == current,
                )
                for row, zi, ai in zip(combos, z, a, strict=True)
            )

        return self._cached("truth_table", key, compute)

    # -- network ----------------------------------------------------------------
    def network(self) -> Network:
        """The current network as an immutable ``core.network.Network`` (cached)."""
        key = self._versions["network"]
        cached = self._cache.get("_network")
        if cached is not None and cached[0] == key:
            return cached[1]
        # Custom functions go in as Activation objects (the core registry does not know them).
        layers = [
            (self._custom.get(name, name), params) for name, params in self._layer_activations
        ]
        net = Network.from_arrays(self._weights, self._biases, layers)
        self._cache["_network"] = (key, net)
        return net

    def network_trace(self) -> Trace:
        """Per-layer z and a for ``network_input``."""
        key = (self._versions["network"], self._versions["network_input"])
        return self._cached(
            "trace", key, lambda: self.network().forward(np.asarray(self._network_input))
        )

    def _diagnostic_batch(self) -> np.ndarray:
        lo, hi = self._plane_range
        n_inputs = self._layer_sizes[0]
        if n_inputs == 2:
            return plane_grid(lo, hi, DIAGNOSTIC_RESOLUTION)
        generator = np.random.Generator(np.random.PCG64(DIAGNOSTIC_SEED))
        return generator.uniform(lo, hi, size=(DIAGNOSTIC_BATCH, n_inputs))

    def network_diagnostics(self) -> list:
        """``core.diagnostics.LayerDiagnostics`` per layer over a coarse input-plane grid
        (``DIAGNOSTIC_RESOLUTION`` per axis, coarser than the heatmaps' so a weight drag
        with the Diagnostics tab open stays cheap), or a fixed seeded batch in the plane
        range when the input size is not 2."""
        key = (self._versions["network"], self._versions["plane"])
        result = self._cached(
            "diagnostics", key, lambda: layer_diagnostics(self.network(), self._diagnostic_batch())
        )
        return list(result)

    def network_heatmaps(self) -> list | None:
        """Each layer's outputs over the input plane, ``(out_i, res, res)`` float32 arrays,
        or ``None`` when the input size is not 2."""
        if self._layer_sizes[0] != 2:
            return None
        key = (self._versions["network"], self._versions["plane"])

        def compute() -> list:
            lo, hi = self._plane_range
            maps = grid_activations(self.network(), lo, hi, GRID_RESOLUTION)
            return [_read_only(np.asarray(m)) for m in maps]

        return list(self._cached("heatmaps", key, compute))

    def unit_grids(self, resolution: int) -> UnitGrids | None:
        """Every unit over the input plane at ``resolution`` points per axis, or ``None``
        when the network's inputs are not the data set's features nor a 2-D point.

        A change recomputes only the layers it reaches (see ``model.unit_grids``).
        """
        features = plane_features(self._layer_sizes, self._dataset_spec["features"])
        if features is None:
            return None
        return self._unit_grid_cache.grids(self.network(), features, self._plane_range, resolution)

    def linear_equivalent(self) -> tuple[np.ndarray, np.ndarray] | None:
        """``(W, b)`` of the single linear map an all-identity network equals, else ``None``."""
        key = self._versions["network"]
        result = self._cached("linear", key, lambda: core_linear_equivalent(self.network()))
        if result is None:
            return None
        return result[0].copy(), result[1].copy()
