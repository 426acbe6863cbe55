"""The neuron panel's part of the Playground: one neuron, standalone or a network unit.

With ``neuron_target`` set to ``(layer, unit)`` the neuron properties read
through to that unit of the network: its weights and bias are the network's
row, its inputs the previous layer's outputs for ``network_input`` (only the
first hidden layer's inputs can be set: they are the network input), its
activation the layer's. Setters then write to the network and touch
``neuron`` and ``network``.
"""

from __future__ import annotations

from actplay.model import limits as lim
from actplay.model.errors import InvalidValue
from actplay.model.state_schema import check_target, snap_binary


class NeuronStateMixin:
    """Properties and setters of the ``neuron`` section (mixed into ``Playground``)."""

    # -- properties -------------------------------------------------------------
    @property
    def neuron_inputs(self) -> tuple[float, ...]:
        """The neuron's inputs x_i (the previous layer's outputs when targeting a unit)."""
        if self._neuron_target is None:
            return tuple(self._neuron_inputs)
        layer, _ = self._neuron_target
        if layer == 1:
            return tuple(self._network_input)
        return tuple(float(v) for v in self.network_trace().a[layer - 2])

    @property
    def neuron_weights(self) -> tuple[float, ...]:
        """The neuron's weights w_i, one per input."""
        if self._neuron_target is None:
            return tuple(self._neuron_weights)
        layer, unit = self._neuron_target
        return tuple(float(v) for v in self._weights[layer - 1][unit])

    @property
    def neuron_bias(self) -> float:
        """The neuron's bias b."""
        if self._neuron_target is None:
            return self._neuron_bias
        layer, unit = self._neuron_target
        return float(self._biases[layer - 1][unit])

    @property
    def neuron_activation(self) -> str:
        """Name of the neuron's activation (the layer's when targeting a unit)."""
        if self._neuron_target is None:
            return self._neuron_activation
        return self._layer_activations[self._neuron_target[0] - 1][0]

    @property
    def neuron_params(self) -> dict:
        """Resolved parameters of the neuron's activation (a copy)."""
        if self._neuron_target is None:
            return dict(self._neuron_params)
        return dict(self._layer_activations[self._neuron_target[0] - 1][1])

    @property
    def binary_mode(self) -> bool:
        """True when inputs are yes/no (0 or 1), as for a perceptron."""
        return self._binary_mode

    @property
    def neuron_target(self) -> tuple[int, int] | None:
        """``None`` for the standalone neuron, else ``(layer, unit)`` of the network."""
        return self._neuron_target

    # -- setters ----------------------------------------------------------------
    def set_neuron_input(self, i: int, value: float) -> None:
        """Set input ``i`` (snapped to 0/1 in binary mode). Touches ``neuron``."""
        value = lim.check_number(f"neuron input {i}", value)
        if self._binary_mode:
            value = snap_binary(value)
        if self._neuron_target is not None:
            layer, _ = self._neuron_target
            if layer != 1:
                raise InvalidValue(
                    f"neuron input {i}: the inputs of a layer-{layer} unit are the previous "
                    "layer's outputs; change the network input instead"
                )
            with self.batch():
                self.set_network_input(i, value)
            return
        i = lim.check_int("neuron input index", i, 0, len(self._neuron_inputs) - 1)
        if self._neuron_inputs[i] == value:
            return
        self._neuron_inputs[i] = value
        self._touch({"neuron"})

    def set_neuron_weight(self, i: int, value: float) -> None:
        """Set weight ``i``. Touches ``neuron`` (+ ``network`` when targeting a unit)."""
        if self._neuron_target is not None:
            layer, unit = self._neuron_target
            self.set_weight(layer, unit, i, value)
            return
        value = lim.check_number(f"neuron weight {i}", value)
        i = lim.check_int("neuron weight index", i, 0, len(self._neuron_weights) - 1)
        if self._neuron_weights[i] == value:
            return
        self._neuron_weights[i] = value
        self._touch({"neuron"})

    def set_neuron_bias(self, value: float) -> None:
        """Set the bias. Touches ``neuron`` (+ ``network`` when targeting a unit)."""
        if self._neuron_target is not None:
            layer, unit = self._neuron_target
            self.set_bias(layer, unit, value)
            return
        value = lim.check_number("neuron bias", value)
        if value == self._neuron_bias:
            return
        self._neuron_bias = value
        self._touch({"neuron"})

    def set_neuron_activation(self, name: str) -> None:
        """Choose the activation; params reset to defaults. Touches ``neuron``
        (+ ``curve`` when linked, + ``network`` when targeting a unit)."""
        if self._neuron_target is not None:
            self.set_layer_activation(self._neuron_target[0], name)
            return
        name = lim.check_activation("neuron activation", name, custom=self._custom)
        if name == self._neuron_activation:
            return
        self._neuron_activation = name
        self._neuron_params = lim.check_params("neuron params", name, None, custom=self._custom)
        self._touch({"neuron", "curve"} if self._linked else {"neuron"})

    def set_neuron_param(self, key: str, value: float) -> None:
        """Set one activation parameter. Touches ``neuron`` (+ ``curve`` when linked)."""
        if self._neuron_target is not None:
            self.set_layer_param(self._neuron_target[0], key, value)
            return
        params = lim.check_param(
            "neuron param",
            self._neuron_activation,
            self._neuron_params,
            key,
            value,
            custom=self._custom,
        )
        if params == self._neuron_params:
            return
        self._neuron_params = params
        self._touch({"neuron", "curve"} if self._linked else {"neuron"})

    def set_input_count(self, n: int) -> None:
        """Resize the standalone neuron to ``n`` inputs (1..8); new inputs and weights are 0.0.

        Raises ``ValueError`` while the neuron targets a network unit (its size is the layer's).
        """
        n = lim.check_int("neuron input count", n, lim.MIN_INPUTS, lim.MAX_INPUTS)
        if self._neuron_target is not None:
            raise InvalidValue(
                "neuron input count: a network unit's inputs are set by the "
                "layer sizes; release the neuron first"
            )
        if n == len(self._neuron_inputs):
            return
        extra = [0.0] * max(0, n - len(self._neuron_inputs))
        self._neuron_inputs = (self._neuron_inputs + extra)[:n]
        self._neuron_weights = (self._neuron_weights + extra)[:n]
        self._touch({"neuron"})

    def set_binary_mode(self, on: bool) -> None:
        """Switch yes/no inputs on or off; on snaps inputs to 0/1 (>= 0.5 -> 1). Touches
        ``neuron``."""
        on = lim.check_bool("binary mode", on)
        if on == self._binary_mode:
            return
        self._binary_mode = on
        if on:
            self._neuron_inputs = [snap_binary(v) for v in self._neuron_inputs]
        self._touch({"neuron"})

    def select_network_neuron(self, layer: int, unit: int) -> None:
        """Show network unit ``unit`` of ``layer`` (1 = first hidden) in the neuron panel.
        Touches ``neuron`` (+ ``curve`` when linked)."""
        target = check_target("network neuron", (layer, unit), self._layer_sizes)
        if target == self._neuron_target:
            return
        self._neuron_target = target
        self._touch({"neuron", "curve"} if self._linked else {"neuron"})

    def release_neuron(self) -> None:
        """Go back to the standalone neuron. Touches ``neuron`` (+ ``curve`` when linked)."""
        if self._neuron_target is None:
            return
        self._neuron_target = None
        self._touch({"neuron", "curve"} if self._linked else {"neuron"})

    # -- helpers ----------------------------------------------------------------
    def _neuron_state(self) -> dict:
        """The standalone neuron's own values (a targeted unit lives in the network)."""
        target = self._neuron_target
        return {
            "inputs": list(self._neuron_inputs),
            "weights": list(self._neuron_weights),
            "bias": self._neuron_bias,
            "activation": self._neuron_activation,
            "params": dict(self._neuron_params),
            "binary_mode": self._binary_mode,
            "target": None if target is None else list(target),
        }

    def _load_neuron(self, neuron: dict) -> None:
        self._neuron_inputs = list(neuron["inputs"])
        self._neuron_weights = list(neuron["weights"])
        self._neuron_bias = neuron["bias"]
        self._neuron_activation = neuron["activation"]
        self._neuron_params = dict(neuron["params"])
        self._binary_mode = neuron["binary_mode"]
        target = neuron["target"]
        self._neuron_target = None if target is None else tuple(target)
