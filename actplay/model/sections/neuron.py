"""The ``neuron`` section: one neuron, standalone or a unit of the network.

With ``neuron_target`` set to ``(layer, unit)`` the neuron properties read
through to that unit of the network: its weights and bias are the network's
row, its inputs the previous layer's outputs for ``network_input`` (only the
first hidden layer's inputs can be set: they are the network input), its
activation the layer's. Setters then write to the network and touch
``neuron`` and ``network``. The standalone neuron's own values are kept (and
saved) for when it is released.
"""

from __future__ import annotations

from actplay.model import limits as lim
from actplay.model.errors import InvalidValue
from actplay.model.sections.base import Section
from actplay.model.sections.curve import validate_activation


def snap_binary(value: float) -> float:
    """Snap an input to 0 or 1 for binary mode (0.5 and above count as 1)."""
    return 1.0 if value >= 0.5 else 0.0


def check_target(field: str, target, layer_sizes) -> tuple[int, int]:
    """Return ``(layer, unit)`` if it names a unit of the network (layer 1-based)."""
    if not isinstance(target, (list, tuple)) or len(target) != 2:
        raise InvalidValue(f"{field} must be a pair [layer, unit], got {target!r}")
    layer = lim.check_int(f"{field} layer", target[0], 1, len(layer_sizes) - 1)
    unit = lim.check_int(f"{field} unit", target[1], 0, layer_sizes[layer] - 1)
    return layer, unit


def check_input_names(field: str, names, count: int) -> list[str] | None:
    """``names`` as a list of ``count`` short strings, or None (no names, or all empty)."""
    if names is None:
        return None
    if not isinstance(names, (list, tuple)) or len(names) != count:
        raise InvalidValue(f"{field} must be a list of {count} names (one per input) or null")
    clean = []
    for name in names:
        if not isinstance(name, str) or len(name.strip()) > lim.MAX_INPUT_NAME:
            raise InvalidValue(
                f"{field}: each name is text of at most {lim.MAX_INPUT_NAME} characters, "
                f"got {name!r}"
            )
        clean.append(name.strip())
    return clean if any(clean) else None


class NeuronSection(Section):
    """The neuron panel's state (session key ``neuron``), its checks and its setters."""

    KEY = "neuron"
    DEFAULTS = {
        "inputs": [1.0, 0.5, -0.5],
        "weights": [0.8, -0.4, 0.3],
        "bias": 0.1,
        "activation": "sigmoid",
        "params": {},
        "binary_mode": False,
        "target": None,  # or [layer, unit] of the network unit shown instead
        "input_names": None,  # or one short name per input ("weather"), shown beside x_i
    }
    OPTIONAL = ("target", "input_names")

    # -- properties -------------------------------------------------------------
    @property
    def neuron_inputs(self) -> tuple[float, ...]:
        """The neuron's inputs x_i (the previous layer's outputs when targeting a unit)."""
        target = self._values["target"]
        if target is None:
            return tuple(self._values["inputs"])
        layer = target[0]
        if layer == 1:
            return self._parts.network.network_input
        return tuple(float(v) for v in self._parts.results.network_trace().a[layer - 2])

    @property
    def neuron_weights(self) -> tuple[float, ...]:
        """The neuron's weights w_i, one per input."""
        target = self._values["target"]
        if target is None:
            return tuple(self._values["weights"])
        layer, unit = target
        return tuple(float(v) for v in self._parts.network.arrays[0][layer - 1][unit])

    @property
    def neuron_bias(self) -> float:
        """The neuron's bias b."""
        target = self._values["target"]
        if target is None:
            return self._values["bias"]
        layer, unit = target
        return float(self._parts.network.arrays[1][layer - 1][unit])

    @property
    def neuron_activation(self) -> str:
        """Name of the neuron's activation (the layer's when targeting a unit)."""
        target = self._values["target"]
        if target is None:
            return self._values["activation"]
        return self._parts.network.layer_function(target[0])[0]

    @property
    def neuron_params(self) -> dict:
        """Resolved parameters of the neuron's activation (a copy)."""
        target = self._values["target"]
        if target is None:
            return dict(self._values["params"])
        return dict(self._parts.network.layer_function(target[0])[1])

    @property
    def binary_mode(self) -> bool:
        """True when inputs are yes/no (0 or 1), as for a perceptron."""
        return self._values["binary_mode"]

    @property
    def neuron_input_names(self) -> tuple[str, ...]:
        """What each input stands for (``"weather"``), or ``""`` where it has no name.

        A network unit's inputs have none: they are the network's inputs or the
        previous layer's outputs.
        """
        names = self._values["input_names"]
        if names is None or self._values["target"] is not None:
            return ("",) * len(self.neuron_inputs)
        return tuple(names)

    @property
    def neuron_target(self) -> tuple[int, int] | None:
        """``None`` for the standalone neuron, else ``(layer, unit)`` of the network."""
        target = self._values["target"]
        return None if target is None else (target[0], target[1])

    # -- setters ----------------------------------------------------------------
    def set_neuron_input(self, i: int, value: float) -> None:
        """Set input ``i`` (snapped to 0/1 in binary mode). Touches ``neuron``."""
        value = lim.check_number(f"neuron input {i}", value)
        values = self._values
        if values["binary_mode"]:
            value = snap_binary(value)
        target = self._values["target"]
        if target is not None:
            layer = target[0]
            if layer != 1:
                raise InvalidValue(
                    f"neuron input {i}: the inputs of a layer-{layer} unit are the previous "
                    "layer's outputs; change the network input instead"
                )
            with self._parts.batch():
                self._parts.network.set_network_input(i, value)
            return
        i = lim.check_int("neuron input index", i, 0, len(values["inputs"]) - 1)
        if values["inputs"][i] == value:
            return
        values["inputs"][i] = value
        self._parts.touch({"neuron"})

    def set_neuron_weight(self, i: int, value: float) -> None:
        """Set weight ``i``. Touches ``neuron`` (+ ``network`` when targeting a unit)."""
        target = self._values["target"]
        if target is not None:
            self._parts.network.set_weight(target[0], target[1], i, value)
            return
        value = lim.check_number(f"neuron weight {i}", value)
        weights = self._values["weights"]
        i = lim.check_int("neuron weight index", i, 0, len(weights) - 1)
        if weights[i] == value:
            return
        weights[i] = value
        self._parts.touch({"neuron"})

    def set_neuron_bias(self, value: float) -> None:
        """Set the bias. Touches ``neuron`` (+ ``network`` when targeting a unit)."""
        target = self._values["target"]
        if target is not None:
            self._parts.network.set_bias(target[0], target[1], value)
            return
        value = lim.check_number("neuron bias", value)
        if value == self._values["bias"]:
            return
        self._values["bias"] = value
        self._parts.touch({"neuron"})

    def set_neuron_activation(self, name: str) -> None:
        """Choose the activation; params reset to defaults. Touches ``neuron``
        (+ ``curve`` when linked, + ``network`` when targeting a unit)."""
        target = self._values["target"]
        if target is not None:
            self._parts.network.set_layer_activation(target[0], name)
            return
        custom = self._parts.custom.functions
        name = lim.check_activation("neuron activation", name, custom=custom)
        if name == self._values["activation"]:
            return
        self._values["activation"] = name
        self._values["params"] = lim.check_params("neuron params", name, None, custom=custom)
        self._parts.touch(self.shown_sections())

    def set_neuron_param(self, key: str, value: float) -> None:
        """Set one activation parameter. Touches ``neuron`` (+ ``curve`` when linked)."""
        target = self._values["target"]
        if target is not None:
            self._parts.network.set_layer_param(target[0], key, value)
            return
        values = self._values
        params = lim.check_param(
            "neuron param",
            values["activation"],
            values["params"],
            key,
            value,
            custom=self._parts.custom.functions,
        )
        if params == values["params"]:
            return
        values["params"] = params
        self._parts.touch(self.shown_sections())

    def set_input_count(self, n: int) -> None:
        """Resize the standalone neuron to ``n`` inputs (1..8); new inputs and weights are 0.0.

        Raises ``InvalidValue`` while the neuron targets a network unit (its size is the
        layer's).
        """
        n = lim.check_int("neuron input count", n, lim.MIN_INPUTS, lim.MAX_INPUTS)
        if self._values["target"] is not None:
            raise InvalidValue(
                "neuron input count: a network unit's inputs are set by the "
                "layer sizes; release the neuron first"
            )
        values = self._values
        if n == len(values["inputs"]):
            return
        extra = [0.0] * max(0, n - len(values["inputs"]))
        values["inputs"] = (values["inputs"] + extra)[:n]
        values["weights"] = (values["weights"] + extra)[:n]
        values["input_names"] = None  # the names told one example's story
        self._parts.touch({"neuron"})

    def set_input_names(self, names) -> None:
        """Name the standalone neuron's inputs (``None`` for none). Touches ``neuron``.

        ``names`` holds one string of at most `lim.MAX_INPUT_NAME` characters per
        input; an empty string leaves that input unnamed.
        """
        names = check_input_names("neuron input_names", names, len(self._values["inputs"]))
        if names == self._values["input_names"]:
            return
        self._values["input_names"] = names
        self._parts.touch({"neuron"})

    def set_binary_mode(self, on: bool) -> None:
        """Switch yes/no inputs on or off; on snaps inputs to 0/1 (>= 0.5 -> 1). Touches
        ``neuron``."""
        on = lim.check_bool("binary mode", on)
        values = self._values
        if on == values["binary_mode"]:
            return
        values["binary_mode"] = on
        if on:
            values["inputs"] = [snap_binary(v) for v in values["inputs"]]
        self._parts.touch({"neuron"})

    def select_network_neuron(self, layer: int, unit: int) -> None:
        """Show network unit ``unit`` of ``layer`` (1 = first hidden) in the neuron panel.
        Touches ``neuron`` (+ ``curve`` when linked)."""
        target = check_target("network neuron", (layer, unit), self._parts.network.layer_sizes)
        if target == self.neuron_target:
            return
        self._values["target"] = list(target)
        self._parts.touch(self.shown_sections())

    def release_neuron(self) -> None:
        """Go back to the standalone neuron. Touches ``neuron`` (+ ``curve`` when linked)."""
        if self._values["target"] is None:
            return
        self._values["target"] = None
        self._parts.touch(self.shown_sections())

    # -- for the other sections ---------------------------------------------------
    def shown_sections(self) -> set[str]:
        """The neuron's function shows in the curve pane too while the curve is linked."""
        return {"neuron", "curve"} if self._parts.curve.linked else {"neuron"}

    def release_missing_target(self, layer_sizes) -> None:
        """Forget a target that is not a unit of a network of ``layer_sizes`` (no event)."""
        target = self._values["target"]
        if target is not None and (
            target[0] >= len(layer_sizes) or target[1] >= layer_sizes[target[0]]
        ):
            self._values["target"] = None

    def uses(self, name: str) -> bool:
        """True when the standalone neuron's function is ``name``."""
        return self._values["activation"] == name

    def refit(self, name: str, refit_params) -> None:
        """Give the standalone neuron's ``name`` the parameters ``refit_params`` returns."""
        if self._values["activation"] == name:
            self._values["params"] = refit_params(self._values["params"])

    # -- session form ---------------------------------------------------------------
    @classmethod
    def validate(cls, neuron, network: dict, custom) -> dict:
        """A clean copy of a ``neuron`` object (``network``: the clean network object,
        whose layer sizes a target must fit)."""
        neuron = cls.checked_keys(neuron)
        inputs = lim.check_numbers(
            "neuron inputs", neuron["inputs"], lim.MIN_INPUTS, lim.MAX_INPUTS
        )
        weights = lim.check_numbers("neuron weights", neuron["weights"], len(inputs), len(inputs))
        bias = lim.check_number("neuron bias", neuron["bias"])
        name, params = validate_activation(
            "neuron", neuron["activation"], neuron["params"], custom=custom
        )
        binary_mode = lim.check_bool("neuron binary_mode", neuron["binary_mode"])
        if binary_mode:
            inputs = tuple(snap_binary(v) for v in inputs)
        target = neuron["target"]
        if target is not None:
            target = list(check_target("neuron target", target, network["layer_sizes"]))
        input_names = check_input_names("neuron input_names", neuron["input_names"], len(inputs))
        return {
            "inputs": list(inputs),
            "weights": list(weights),
            "bias": bias,
            "activation": name,
            "params": params,
            "binary_mode": binary_mode,
            "target": target,
            "input_names": input_names,
        }
