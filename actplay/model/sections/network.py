"""The ``network`` section: layers, weights, init scheme and seed, input, plane range.

Layers are numbered from 1 (the first hidden layer) to the output layer, as in
the panel; ``weights[layer - 1]`` has the (out, in) layout of ``torch.nn.Linear``.
Changing the layer sizes, the init scheme or the seed rebuilds every weight
from the scheme and seed, so the same settings always give the same network.
The default network's draw is data (:mod:`actplay.model.default_network`), so a
plain start never imports ``numpy.random``.
"""

from __future__ import annotations

import numpy as np

from actplay.core.initialisation import INIT_SCHEMES, init_parameters
from actplay.model import default_network
from actplay.model import limits as lim
from actplay.model.errors import InvalidValue
from actplay.model.sections.base import Section, copy_json
from actplay.model.sections.curve import validate_activation, validate_pair

DEFAULT_HIDDEN_ACTIVATION = "tanh"  # for hidden layers added by a resize
ARRAYS = ("weights", "biases")  # held as float64 arrays, not in the session form
VERSIONS = ("network", "network_input", "plane")  # what cached results depend on


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


class NetworkSection(Section):
    """The network's state (session key ``network``), its checks and its setters.

    Attributes
    ----------
    versions : dict
        Counters that cached results key on: ``network`` (weights, biases,
        activations, sizes), ``network_input``, ``plane``.
    """

    KEY = "network"
    DEFAULTS = {
        "layer_sizes": [2, 8, 8, 1],
        "activations": [["tanh", {}], ["tanh", {}], ["sigmoid", {}]],
        "weights": None,  # drawn from init and seed (held as arrays)
        "biases": None,
        "init": "xavier",
        "seed": 0,
        "input": [1.0, -0.5],
        "plane_range": [-6.0, 6.0],
    }

    def __init__(self, parts) -> None:
        super().__init__(parts)
        for key in ARRAYS:
            del self._values[key]
        self.versions = dict.fromkeys(VERSIONS, 0)
        self._weights, self._biases = self.initial_parameters()

    # -- properties -------------------------------------------------------------
    @property
    def layer_sizes(self) -> tuple[int, ...]:
        """``(input, hidden..., output)`` sizes."""
        return tuple(self._values["layer_sizes"])

    @property
    def layer_activations(self) -> tuple:
        """One ``(name, params dict)`` per non-input layer."""
        return tuple((name, dict(params)) for name, params in self._values["activations"])

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
        return self._values["init"]

    @property
    def seed(self) -> int:
        """The initialisation seed."""
        return self._values["seed"]

    @property
    def network_input(self) -> tuple[float, ...]:
        """The single input the network trace shows (length = input size)."""
        return tuple(self._values["input"])

    @property
    def plane_range(self) -> tuple[float, float]:
        """``(lo, hi)`` of both axes of the input plane the heatmaps cover."""
        return tuple(self._values["plane_range"])

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
        values = self._values
        if list(sizes) == values["layer_sizes"]:
            return
        custom = self._parts.custom.functions
        old_hidden = values["activations"][:-1]
        fill = old_hidden[-1] if old_hidden else (DEFAULT_HIDDEN_ACTIVATION, None)
        hidden = []
        for i in range(len(sizes) - 2):
            name, params = old_hidden[i] if i < len(old_hidden) else fill
            hidden.append([name, lim.check_params("layer params", name, params, custom=custom)])
        touched = {"network"}
        neuron = self._parts.neuron
        if neuron.neuron_target is not None:
            touched |= neuron.shown_sections()
            neuron.release_missing_target(sizes)
        if self._parts.view.release_missing(sizes):
            touched.add("view")
        values["activations"] = hidden + [values["activations"][-1]]
        values["layer_sizes"] = list(sizes)
        extra = [0.0] * max(0, sizes[0] - len(values["input"]))
        values["input"] = (values["input"] + extra)[: sizes[0]]
        self._weights, self._biases = self.initial_parameters()
        self.versions["network"] += 1
        self._parts.touch(touched)

    def set_layer_activation(self, layer: int, name: str, params: dict | None = None) -> None:
        """Set ``layer``'s activation (softmax only on the last layer). Touches ``network``."""
        index = self._layer_index(layer)
        activations = self._values["activations"]
        last = index == len(activations) - 1
        custom = self._parts.custom.functions
        name = lim.check_activation(
            f"layer {layer} activation", name, allow_softmax=last, custom=custom
        )
        params = lim.check_params(f"layer {layer} params", name, params, custom=custom)
        if [name, params] == activations[index]:
            return
        activations[index] = [name, params]
        self.changed(activation_layer=layer)

    def set_layer_param(self, layer: int, key: str, value: float) -> None:
        """Set one activation parameter of ``layer``. Touches ``network``."""
        index = self._layer_index(layer)
        name, params = self._values["activations"][index]
        new_params = lim.check_param(
            f"layer {layer} param", name, params, key, value, custom=self._parts.custom.functions
        )
        if new_params == params:
            return
        self._values["activations"][index] = [name, new_params]
        self.changed(activation_layer=layer)

    def set_weight(self, layer: int, out: int, in_: int, value: float) -> None:
        """Set the weight from unit ``in_`` of the previous layer to unit ``out``."""
        index = self._layer_index(layer)
        value = lim.check_number(f"layer {layer} weight", value)
        matrix = self._weights[index]
        rows, cols = matrix.shape
        out = lim.check_int(f"layer {layer} weight row", out, 0, rows - 1)
        in_ = lim.check_int(f"layer {layer} weight column", in_, 0, cols - 1)
        if matrix[out, in_] == value:
            return
        matrix[out, in_] = value
        self.changed()

    def set_bias(self, layer: int, out: int, value: float) -> None:
        """Set the bias of unit ``out`` of ``layer``. Touches ``network``."""
        index = self._layer_index(layer)
        value = lim.check_number(f"layer {layer} bias", value)
        vector = self._biases[index]
        out = lim.check_int(f"layer {layer} bias index", out, 0, vector.size - 1)
        if vector[out] == value:
            return
        vector[out] = value
        self.changed()

    def set_init(self, scheme: str) -> None:
        """Choose the init scheme and rebuild the weights. Touches ``network``."""
        if scheme not in INIT_SCHEMES:
            raise InvalidValue(
                f"init scheme must be one of {', '.join(INIT_SCHEMES)}, got {scheme!r}"
            )
        if scheme == self._values["init"]:
            return
        self._values["init"] = scheme
        self._weights, self._biases = self.initial_parameters()
        self.changed()

    def set_seed(self, seed: int) -> None:
        """Choose the init seed and rebuild the weights. Touches ``network``."""
        seed = lim.check_int("seed", seed, 0, lim.MAX_SEED)
        if seed == self._values["seed"]:
            return
        self._values["seed"] = seed
        self._weights, self._biases = self.initial_parameters()
        self.changed()

    def reinitialise(self) -> None:
        """Rebuild the weights from the scheme and seed (undoing hand edits), if they differ."""
        weights, biases = self.initial_parameters()
        same = all(np.array_equal(a, b) for a, b in zip(weights, self._weights, strict=True))
        if same and all(np.array_equal(a, b) for a, b in zip(biases, self._biases, strict=True)):
            return
        self._weights, self._biases = weights, biases
        self.changed()

    def set_network_input(self, i: int, value: float) -> None:
        """Set component ``i`` of the network input. Touches ``network`` (+ ``neuron``)."""
        value = lim.check_number(f"network input {i}", value)
        network_input = self._values["input"]
        i = lim.check_int("network input index", i, 0, len(network_input) - 1)
        if network_input[i] == value:
            return
        network_input[i] = value
        self.versions["network_input"] += 1
        targeted = self._parts.neuron.neuron_target is not None
        self._parts.touch({"network", "neuron"} if targeted else {"network"})

    def set_plane_range(self, lo: float, hi: float) -> None:
        """Set the input-plane range of the heatmaps and diagnostics. Touches ``network``."""
        plane_range = list(lim.check_range("plane range", lo, hi))
        if plane_range == self._values["plane_range"]:
            return
        self._values["plane_range"] = plane_range
        self.versions["plane"] += 1
        self._parts.touch({"network"})

    # -- for the other sections and the training run ---------------------------------
    @property
    def arrays(self) -> tuple[list[np.ndarray], list[np.ndarray]]:
        """The weight and bias arrays themselves (not copies): write them in place, then
        call :meth:`changed`."""
        return self._weights, self._biases

    def set_arrays(self, weights: list, biases: list) -> None:
        """Replace the weight and bias arrays (no event: call :meth:`changed`)."""
        self._weights, self._biases = weights, biases

    def layer_function(self, layer: int) -> list:
        """``[name, params]`` of ``layer`` (1-based) as held: do not change it."""
        return self._values["activations"][layer - 1]

    def initial_parameters(self) -> tuple[list, list]:
        """Weights and biases drawn from the current sizes, scheme and seed."""
        values = self._values
        return initial_parameters(tuple(values["layer_sizes"]), values["init"], values["seed"])

    def changed(self, activation_layer: int | None = None) -> None:
        """Record a change of weights, biases or activations and emit the sections it touches."""
        self.versions["network"] += 1
        touched = {"network"}
        target = self._parts.neuron.neuron_target
        if target is not None:
            touched.add("neuron")
            if self._parts.curve.linked and activation_layer == target[0]:
                touched.add("curve")
        self._parts.touch(touched)

    def forget_results(self) -> None:
        """Make every cached result that depends on the network recompute."""
        for what in self.versions:
            self.versions[what] += 1

    def uses(self, name: str) -> list[int]:
        """The layers (1-based) whose function is ``name``."""
        return [i + 1 for i, (n, _) in enumerate(self._values["activations"]) if n == name]

    def refit(self, name: str, refit_params) -> None:
        """Give every layer using ``name`` the parameters ``refit_params`` returns."""
        for pair in self._values["activations"]:
            if pair[0] == name:
                pair[1] = refit_params(pair[1])

    def _layer_index(self, layer) -> int:
        return lim.check_int("layer", layer, 1, len(self._values["layer_sizes"]) - 1) - 1

    # -- session form ---------------------------------------------------------------
    def to_dict(self) -> dict:
        """The session object, weights and biases as nested lists."""
        values = self._values
        state = {key: copy_json(values[key]) for key in ("layer_sizes", "activations")}
        state["weights"] = [w.tolist() for w in self._weights]
        state["biases"] = [b.tolist() for b in self._biases]
        state.update(
            (key, copy_json(values[key])) for key in ("init", "seed", "input", "plane_range")
        )
        return state

    def load(self, clean: dict) -> None:
        """Take the values of a validated session object (no event: the caller emits)."""
        self._values = {key: copy_json(value) for key, value in clean.items() if key not in ARRAYS}
        self._weights = [np.array(w, dtype=np.float64) for w in clean["weights"]]
        self._biases = [np.array(b, dtype=np.float64) for b in clean["biases"]]

    @classmethod
    def validate(cls, network, custom) -> dict:
        """A clean copy of a ``network`` object; shapes must match the layer sizes."""
        network = cls.checked_keys(network)
        sizes = lim.check_layer_sizes("network layer_sizes", network["layer_sizes"])
        n_layers = len(sizes) - 1
        activations = _shaped_list("network activations", network["activations"], n_layers)
        clean_activations = []
        for i, pair in enumerate(activations):
            field = f"network layer {i + 1}"
            if not isinstance(pair, (list, tuple)) or len(pair) != 2:
                raise InvalidValue(f"{field} activation must be [name, params], got {pair!r}")
            name, params = validate_activation(
                field, pair[0], pair[1], allow_softmax=(i == n_layers - 1), custom=custom
            )
            clean_activations.append([name, params])
        weights = _shaped_list("network weights", network["weights"], n_layers)
        biases = _shaped_list("network biases", network["biases"], n_layers)
        clean_weights, clean_biases = [], []
        for i in range(n_layers):
            rows = _shaped_list(f"network weights[{i}]", weights[i], sizes[i + 1])
            clean_weights.append(
                [
                    list(lim.check_numbers(f"network weights[{i}][{r}]", row, sizes[i], sizes[i]))
                    for r, row in enumerate(rows)
                ]
            )
            clean_biases.append(
                list(
                    lim.check_numbers(f"network biases[{i}]", biases[i], sizes[i + 1], sizes[i + 1])
                )
            )
        init = network["init"]
        if init not in INIT_SCHEMES:
            raise InvalidValue(
                f"network init must be one of {', '.join(INIT_SCHEMES)}, got {init!r}"
            )
        seed = lim.check_int("network seed", network["seed"], 0, lim.MAX_SEED)
        net_input = lim.check_numbers("network input", network["input"], sizes[0], sizes[0])
        return {
            "layer_sizes": list(sizes),
            "activations": clean_activations,
            "weights": clean_weights,
            "biases": clean_biases,
            "init": init,
            "seed": seed,
            "input": list(net_input),
            "plane_range": validate_pair("network plane_range", network["plane_range"]),
        }


def _shaped_list(field: str, value, length: int) -> list:
    if not isinstance(value, (list, tuple)):
        raise InvalidValue(f"{field} must be a list, got {type(value).__name__}")
    if len(value) != length:
        raise InvalidValue(
            f"{field} must hold {length} entries to match the layer sizes, got {len(value)}"
        )
    return list(value)
