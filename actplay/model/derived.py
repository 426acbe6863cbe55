"""Results derived from the Playground's state, computed lazily and cached.

Each result remembers the key of the state it was computed from (the values
it reads, or version counters for the network's arrays) and recomputes only
when that key changes: moving a neuron input leaves the curves and heatmaps
alone, moving the network input recomputes the trace but not the heatmaps.
``recompute_counts`` counts every recomputation, for tests. The Playground
holds one :class:`Results` beside its sections and offers its methods.
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
from actplay.model.unit_function import intervals, toward_ends, unit_function
from actplay.model.unit_grids import UnitGridCache, UnitGrids, plane_features

GRID_RESOLUTION = 100  # heatmap cells per axis: smooth at panel size, cheap to compute
DIAGNOSTIC_RESOLUTION = 32  # diagnostics grid per axis: 1,024 points give the same
# statistics to about two digits at a tenth of the 100x100 heatmap grid's cost
# (benchmarks/RESULTS.md, "Costs the code relies on")
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


KIND_NAMES = {"f": "", "df": "f\u2032", "d2f": "f\u2033"}  # a derivative's label: "f′ (ELU)"


def kind_label(title: str, kind: str) -> str:
    """The label of one curve: ``"ELU"`` for f, ``"f′ (ELU)"`` for its derivative."""
    return f"{KIND_NAMES[kind]} ({title})" if KIND_NAMES[kind] else title


def function_of_label(label: str) -> str:
    """The function's title in a curve's label: ``"f′ (ELU)"`` -> ``"ELU"``."""
    for name in KIND_NAMES.values():
        if name and label.startswith(f"{name} (") and label.endswith(")"):
            return label[len(name) + 2 : -1]
    return label


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


class Results:
    """Lazy cached results of the Playground's sections.

    Parameters
    ----------
    parts : Parts
        The sections the results are computed from.

    Attributes
    ----------
    recompute_counts : dict
        Result name -> how many times it was computed (for tests).
    """

    def __init__(self, parts) -> None:
        self._parts = parts
        self._cache: dict[str, tuple[object, object]] = {}
        self.recompute_counts = dict.fromkeys(RESULTS, 0)
        self.unit_grid_cache = UnitGridCache()

    def forget(self) -> None:
        """Drop every cached result (a function name may now mean another function)."""
        self._cache.clear()

    def cached(self, name: str, key, compute):
        """``compute()``, or the value cached under ``name`` when it was made for ``key``."""
        hit = self._cache.get(name)
        if hit is not None and hit[0] == key:
            return hit[1]
        value = compute()
        self.recompute_counts[name] = self.recompute_counts.get(name, 0) + 1
        self._cache[name] = (key, value)
        return value

    def _softmax_others(self, name: str) -> np.ndarray | None:
        """The other units' z when the shown unit belongs to a softmax layer."""
        target = self._parts.neuron.neuron_target
        if name != "softmax" or target is None:
            return None
        layer, unit = target
        return np.delete(self.network_trace().z[layer - 1], unit)

    # -- curve ------------------------------------------------------------------
    def curve_data(self) -> CurveData:
        """Samples of the main function and comparisons over ``x_range``.

        Returns
        -------
        CurveData
            ``x`` (``points`` samples), one ``Series`` per visible kind of the
            main function then of each comparison, and the main function's
            saturated (|f'| < ``SATURATION_THRESHOLD`` on a stretch that reaches an
            end of the range) and dead (f = f' = 0) x intervals.
        """
        curve = self._parts.curve
        name, params = curve.curve_activation, curve.curve_params
        others = self._softmax_others(name)
        compare, visible = curve.compare, curve.visible
        key = (
            name,
            _frozen(params),
            None if others is None else others.tobytes(),
            tuple((n, _frozen(p)) for n, p in compare),
            _frozen(visible),
            curve.x_range,
            curve.points,
        )

        def compute() -> CurveData:
            lo, hi = curve.x_range
            # The samples outlive a parameter drag: made again only for a new range.
            x = self.cached(
                "curve x",
                (lo, hi, curve.points),
                lambda: _read_only(np.linspace(lo, hi, curve.points)),
            )
            return self._compute_curve(x, [("main", name, params, others)], compare, visible)

        return self.cached("curve", key, compute)

    def _compute_curve(self, x, entries, compare, visible) -> CurveData:
        entries += [(f"cmp{i}", n, p, None) for i, (n, p) in enumerate(compare)]
        custom = self._parts.custom.functions
        series = []
        main_values = {}
        for prefix, entry_name, entry_params, entry_others in entries:
            functions = unit_function(entry_name, entry_params, entry_others, custom)
            title = _titled(functions.title, entry_name, entry_params, custom)
            for kind in ("f", "df", "d2f"):
                needed = visible[kind] or (prefix == "main" and kind != "d2f")
                if not needed:
                    continue
                y = _read_only(np.asarray(getattr(functions, kind)(x), dtype=np.float64))
                if prefix == "main":
                    main_values[kind] = y
                if visible[kind]:
                    series.append(
                        Series(
                            f"{prefix}:{kind}",
                            kind_label(title, kind),
                            entry_name,
                            dict(entry_params),
                            kind,
                            y,
                        )
                    )
        f, df = main_values["f"], main_values["df"]
        dead = (f == 0.0) & (df == 0.0)
        # Flat towards an end of the range (dead stretches count as flat there): a flat
        # turning point in between, such as Swish's minimum, is no saturation.
        saturated = toward_ends(np.abs(df) < acts.SATURATION_THRESHOLD) & ~dead
        return CurveData(x, tuple(series), intervals(x, saturated), intervals(x, dead))

    # -- neuron -----------------------------------------------------------------
    def _neuron_state(self):
        """The standalone neuron as its results depend on it, and the cache key of that."""
        neuron = self._parts.neuron
        inputs, weights, bias = neuron.neuron_inputs, neuron.neuron_weights, neuron.neuron_bias
        name, params = neuron.neuron_activation, neuron.neuron_params
        others = self._softmax_others(name)
        key = (
            inputs,
            weights,
            bias,
            name,
            _frozen(params),
            None if others is None else others.tobytes(),
        )
        state = (inputs, weights, bias, name, params, others, self._parts.custom.functions)
        return key, state

    def neuron_result(self) -> NeuronResult:
        """The neuron's forward pass for its current inputs (see :class:`NeuronResult`)."""
        key, (inputs, weights, bias, name, params, others, custom) = self._neuron_state()

        def compute() -> NeuronResult:
            terms = tuple(float(w * x) for w, x in zip(weights, inputs, strict=True))
            z = float(np.dot(weights, inputs) + bias)
            functions = unit_function(name, params, others, custom)
            a = float(functions.f(np.array([z]))[0])
            slope = float(functions.df(np.array([z]))[0])
            return NeuronResult(inputs, weights, bias, terms, z, a, slope, name, dict(params))

        return self.cached("neuron", key, compute)

    def truth_table(self) -> tuple[TruthRow, ...]:
        """The neuron on every 0/1 combination of its inputs, first input most significant."""
        key, (inputs, weights, bias, name, params, others, custom) = self._neuron_state()

        def compute() -> tuple[TruthRow, ...]:
            n = len(weights)
            combos = (np.arange(2**n)[:, None] >> np.arange(n - 1, -1, -1)) & 1
            z = combos @ np.asarray(weights) + bias
            a = unit_function(name, params, others, custom).f(z)
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

        return self.cached("truth_table", key, compute)

    # -- network ----------------------------------------------------------------
    def network(self) -> Network:
        """The current network as an immutable ``core.network.Network`` (cached)."""
        network = self._parts.network
        key = network.versions["network"]
        cached = self._cache.get("_network")
        if cached is not None and cached[0] == key:
            return cached[1]
        # Custom functions go in as Activation objects (the core registry does not know them).
        custom = self._parts.custom.functions
        layers = [(custom.get(name, name), params) for name, params in network.layer_activations]
        net = Network.from_arrays(*network.arrays, layers)
        self._cache["_network"] = (key, net)
        return net

    def network_trace(self) -> Trace:
        """Per-layer z and a for ``network_input``."""
        network = self._parts.network
        key = (network.versions["network"], network.versions["network_input"])
        return self.cached(
            "trace", key, lambda: self.network().forward(np.asarray(network.network_input))
        )

    def diagnostic_batch(self) -> np.ndarray:
        """The inputs :meth:`network_diagnostics` runs the network on."""
        network = self._parts.network
        lo, hi = network.plane_range
        n_inputs = network.layer_sizes[0]
        if n_inputs == 2:
            return plane_grid(lo, hi, DIAGNOSTIC_RESOLUTION)
        generator = np.random.Generator(np.random.PCG64(DIAGNOSTIC_SEED))
        return generator.uniform(lo, hi, size=(DIAGNOSTIC_BATCH, n_inputs))

    def network_diagnostics(self) -> list:
        """``core.diagnostics.LayerDiagnostics`` per layer over a coarse input-plane grid
        (``DIAGNOSTIC_RESOLUTION`` per axis, coarser than the heatmaps' so a weight drag
        with the Diagnostics tab open stays cheap), or a fixed seeded batch in the plane
        range when the input size is not 2."""
        versions = self._parts.network.versions
        key = (versions["network"], versions["plane"])
        result = self.cached(
            "diagnostics", key, lambda: layer_diagnostics(self.network(), self.diagnostic_batch())
        )
        return list(result)

    def network_heatmaps(self) -> list | None:
        """Each layer's outputs over the input plane, ``(out_i, res, res)`` float32 arrays,
        or ``None`` when the input size is not 2."""
        network = self._parts.network
        if network.layer_sizes[0] != 2:
            return None
        key = (network.versions["network"], network.versions["plane"])

        def compute() -> list:
            lo, hi = network.plane_range
            maps = grid_activations(self.network(), lo, hi, GRID_RESOLUTION)
            return [_read_only(np.asarray(m)) for m in maps]

        return list(self.cached("heatmaps", key, compute))

    def unit_grids(self, resolution: int) -> UnitGrids | None:
        """Every unit over the input plane at ``resolution`` points per axis, or ``None``
        when the network's inputs are not the data set's features nor a 2-D point.

        A change recomputes only the layers it reaches (see ``model.unit_grids``).
        """
        network = self._parts.network
        features = plane_features(network.layer_sizes, self._parts.dataset.spec["features"])
        if features is None:
            return None
        return self.unit_grid_cache.grids(self.network(), features, network.plane_range, resolution)

    def linear_equivalent(self) -> tuple[np.ndarray, np.ndarray] | None:
        """``(W, b)`` of the single linear map an all-identity network equals, else ``None``."""
        key = self._parts.network.versions["network"]
        result = self.cached("linear", key, lambda: core_linear_equivalent(self.network()))
        if result is None:
            return None
        return result[0].copy(), result[1].copy()
