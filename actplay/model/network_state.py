"""The network panel's part of the Playground: layers, weights, init, input, plane range.

Layers are numbered from 1 (the first hidden layer) to the output layer, as in
the panel; ``weights[layer - 1]`` has the (out, in) layout of ``torch.nn.Linear``.
Changing the layer sizes, the init scheme or the seed rebuilds every weight
from the scheme and seed, so the same settings always give the same network.
"""

from __future__ import annotations

import numpy as np

from actplay.core.initialisation import INIT_SCHEMES, init_parameters
from actplay.model import default_network
from actplay.model import limits as lim
from actplay.model.errors import InvalidValue

DEFAULT_HIDDEN_ACTIVATION = "tanh"  # for hidden layers added by a resize


def initial_parameters(sizes: tuple, scheme: str, seed: int) -> tuple[list, list]:
    """Fresh float64 weight and bias arrays drawn for ``sizes``, ``scheme`` and ``seed``.

    The default network's draw comes from :mod:`default_network` (the same
    numbers, without importing ``numpy.random`` at start-up).
    """
    if (sizes, scheme, seed) == default_network.KEY:
        weights = [np.array(layer, dtype=np.float64) for layer in default_network.WEIGHTS]
        return weights, [np.zeros(size) for size in sizes[1:]]
    weights, biases = init_parameters(sizes, scheme, seed)
    return (
        [np.array(w, dtype=np.float64) for w in weights],
        [np.array(b, dtype=np.float64) for b in biases],
    )


class NetworkStateMixin:
    """Properties and setters of the ``network`` section (mixed into ``Playground``)."""

    # -- properties -------------------------------------------------------------
    @property
    def layer_sizes(self) -> tuple[int, ...]:
        """``(input, hidden..., output)`` sizes."""
        return self._layer_sizes

    @property
    def layer_activations(self) -> tuple:
        """One ``(name, params dict)`` per non-input layer."""
        return tuple((name, dict(params)) for name, params in self._layer_activations)

    @property
    def weights(self) -> tuple[np.ndarray, ...]:
        """Copies of the weight matrices, ``weights[i]`` of shape (out_i, in_i)."""
        return tuple(w.copy() for w in self._weights)

    @property
    def biases(self) -> tuple[np.ndarray, ...]:
        """Copies of the bias vectors, ``biases[i]`` of shape (out_i,)."""
        return tuple(b.copy() for b in self._biases)

    @property
    def init_scheme(self) -> str:
        """The initialisation scheme, one of ``INIT_SCHEMES``."""
        return self._init_scheme

    @property
    def seed(self) -> int:
        """The initialisation seed."""
        return self._seed

    @property
    def network_input(self) -> tuple[float, ...]:
        """The single input the network trace shows (length = input size)."""
        return tuple(self._network_input)

    @property
    def plane_range(self) -> tuple[float, float]:
        """``(lo, hi)`` of both axes of the input plane the heatmaps cover."""
        return self._plane_range

    # -- setters ----------------------------------------------------------------
    def set_layer_sizes(self, sizes) -> None:
        """Resize the network and rebuild its weights from the init scheme and seed.

        Hidden layers keep their activation by position (new ones copy the last
        hidden layer's), the output layer keeps its own; the network input keeps
        the values that still fit (new ones 0.0). A neuron target or selected
        weight that no longer exists is released. Touches ``network`` (and
        ``neuron``/``curve``/``view`` when those are released).
        """
        sizes = lim.check_layer_sizes("layer sizes", sizes)
        if sizes == self._layer_sizes:
            return
        old_hidden = self._layer_activations[:-1]
        fill = old_hidden[-1] if old_hidden else (DEFAULT_HIDDEN_ACTIVATION, None)
        hidden = []
        for i in range(len(sizes) - 2):
            name, params = old_hidden[i] if i < len(old_hidden) else fill
            hidden.append(
                (name, lim.check_params("layer params", name, params, custom=self._custom))
            )
        touched = {"network"}
        target = self._neuron_target
        if target is not None:
            touched.add("neuron")
            if self._linked:
                touched.add("curve")
            if target[0] >= len(sizes) or target[1] >= sizes[target[0]]:
                self._neuron_target = None
        selected = self._selected_weight
        if selected is not None and not self._weight_exists(sizes, *selected):
            self._selected_weight = None
            touched.add("view")
        self._layer_activations = hidden + [self._layer_activations[-1]]
        self._layer_sizes = sizes
        extra = [0.0] * max(0, sizes[0] - len(self._network_input))
        self._network_input = (self._network_input + extra)[: sizes[0]]
        self._weights, self._biases = self._initial_parameters()
        self._bump("network")
        self._touch(touched)

    def set_layer_activation(self, layer: int, name: str, params: dict | None = None) -> None:
        """Set ``layer``'s activation (softmax only on the last layer). Touches ``network``."""
        index = self._layer_index(layer)
        last = index == len(self._layer_activations) - 1
        name = lim.check_activation(
            f"layer {layer} activation", name, allow_softmax=last, custom=self._custom
        )
        params = lim.check_params(f"layer {layer} params", name, params, custom=self._custom)
        if (name, params) == self._layer_activations[index]:
            return
        self._layer_activations[index] = (name, params)
        self._network_changed(activation_layer=layer)

    def set_layer_param(self, layer: int, key: str, value: float) -> None:
        """Set one activation parameter of ``layer``. Touches ``network``."""
        index = self._layer_index(layer)
        name, params = self._layer_activations[index]
        params = lim.check_param(
            f"layer {layer} param", name, params, key, value, custom=self._custom
        )
        if params == self._layer_activations[index][1]:
            return
        self._layer_activations[index] = (name, params)
        self._network_changed(activation_layer=layer)

    def set_weight(self, layer: int, out: int, in_: int, value: float) -> None:
        """Set the weight from unit ``in_`` of the previous layer to unit ``out``."""
        index = self._layer_index(layer)
        value = lim.check_number(f"layer {layer} weight", value)
        rows, cols = self._weights[index].shape
        out = lim.check_int(f"layer {layer} weight row", out, 0, rows - 1)
        in_ = lim.check_int(f"layer {layer} weight column", in_, 0, cols - 1)
        if self._weights[index][out, in_] == value:
            return
        self._weights[index][out, in_] = value
        self._network_changed()

    def set_bias(self, layer: int, out: int, value: float) -> None:
        """Set the bias of unit ``out`` of ``layer``. Touches ``network``."""
        index = self._layer_index(layer)
        value = lim.check_number(f"layer {layer} bias", value)
        out = lim.check_int(f"layer {layer} bias index", out, 0, self._biases[index].size - 1)
        if self._biases[index][out] == value:
            return
        self._biases[index][out] = value
        self._network_changed()

    def set_init(self, scheme: str) -> None:
        """Choose the init scheme and rebuild the weights. Touches ``network``."""
        if scheme not in INIT_SCHEMES:
            raise InvalidValue(
                f"init scheme must be one of {', '.join(INIT_SCHEMES)}, got {scheme!r}"
            )
        if scheme == self._init_scheme:
            return
        self._init_scheme = scheme
        self._weights, self._biases = self._initial_parameters()
        self._network_changed()

    def set_seed(self, seed: int) -> None:
        """Choose the init seed and rebuild the weights. Touches ``network``."""
        seed = lim.check_int("seed", seed, 0, lim.MAX_SEED)
        if seed == self._seed:
            return
        self._seed = seed
        self._weights, self._biases = self._initial_parameters()
        self._network_changed()

    def reinitialise(self) -> None:
        """Rebuild the weights from the scheme and seed (undoing hand edits), if they differ."""
        weights, biases = self._initial_parameters()
        same = all(np.array_equal(a, b) for a, b in zip(weights, self._weights, strict=True))
        if same and all(np.array_equal(a, b) for a, b in zip(biases, self._biases, strict=True)):
            return
        self._weights, self._biases = weights, biases
        self._network_changed()

    def set_network_input(self, i: int, value: float) -> None:
        """Set component ``i`` of the network input. Touches ``network`` (+ ``neuron``)."""
        value = lim.check_number(f"network input {i}", value)
        i = lim.check_int("network input index", i, 0, len(self._network_input) - 1)
        if self._network_input[i] == value:
            return
        self._network_input[i] = value
        self._bump("network_input")
        self._touch({"network", "neuron"} if self._neuron_target else {"network"})

    def set_plane_range(self, lo: float, hi: float) -> None:
        """Set the input-plane range of the heatmaps and diagnostics. Touches ``network``."""
        plane_range = lim.check_range("plane range", lo, hi)
        if plane_range == self._plane_range:
            return
        self._plane_range = plane_range
        self._bump("plane")
        self._touch({"network"})

    # -- helpers ----------------------------------------------------------------
    def _layer_index(self, layer) -> int:
        return lim.check_int("layer", layer, 1, len(self._layer_sizes) - 1) - 1

    @staticmethod
    def _weight_exists(sizes, layer: int, out: int, in_: int) -> bool:
        return 1 <= layer < len(sizes) and out < sizes[layer] and in_ < sizes[layer - 1]

    def _initial_parameters(self) -> tuple[list, list]:
        return initial_parameters(self._layer_sizes, self._init_scheme, self._seed)

    def _network_changed(self, activation_layer: int | None = None) -> None:
        """Record a change of weights, biases or activations and emit the sections it touches."""
        self._bump("network")
        touched = {"network"}
        if self._neuron_target is not None:
            touched.add("neuron")
            if self._linked and activation_layer == self._neuron_target[0]:
                touched.add("curve")
        self._touch(touched)

    def _network_state(self) -> dict:
        return {
            "layer_sizes": list(self._layer_sizes),
            "activations": [[name, dict(params)] for name, params in self._layer_activations],
            "weights": [w.tolist() for w in self._weights],
            "biases": [b.tolist() for b in self._biases],
            "init": self._init_scheme,
            "seed": self._seed,
            "input": list(self._network_input),
            "plane_range": list(self._plane_range),
        }

    def _load_network(self, network: dict) -> None:
        self._layer_sizes = tuple(network["layer_sizes"])
        self._layer_activations = [(name, dict(p)) for name, p in network["activations"]]
        self._weights = [np.array(w, dtype=np.float64) for w in network["weights"]]
        self._biases = [np.array(b, dtype=np.float64) for b in network["biases"]]
        self._init_scheme = network["init"]
        self._seed = network["seed"]
        self._network_input = list(network["input"])
        self._plane_range = tuple(network["plane_range"])

    def _check_selection(self, layer, out, in_) -> tuple[int, int, int]:
        index = self._layer_index(layer)
        rows, cols = self._weights[index].shape
        return (
            index + 1,
            lim.check_int("selected weight row", out, 0, rows - 1),
            lim.check_int("selected weight column", in_, 0, cols - 1),
        )
