"""A small fully connected network (a multilayer perceptron) and its forward pass.

Layers follow ``torch.nn.Linear``: layer i holds ``weights[i]`` of shape
(out_i, in_i) and ``biases[i]`` of shape (out_i,), and computes
``z = a_prev @ weights[i].T + biases[i]``, ``a = f_i(z)``. The input is not a
layer: ``layer_sizes`` is ``(in, h1, ..., out)`` and layers are numbered from 1
in messages, as the app numbers them (layer 1 = first hidden layer).

Softmax is not element-wise, so it is not in the activation registry; the name
``"softmax"`` maps to ``SOFTMAX`` here and is allowed on the last layer only.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from actplay.core import activations as acts
from actplay.core.initialisation import init_parameters
from actplay.core.neuron import resolve_activation

SOFTMAX_NAME = "softmax"


def _softmax_last_axis(z: np.ndarray) -> np.ndarray:
    return acts.softmax(z, axis=-1)


def _softmax_diagonal_slope(z: np.ndarray) -> np.ndarray:
    # d s_i / d z_i: the diagonal of the Jacobian, the part that belongs to unit i alone.
    s = acts.softmax(z, axis=-1)
    return s * (1.0 - s)


def _softmax_diagonal_curvature(z: np.ndarray) -> np.ndarray:
    s = acts.softmax(z, axis=-1)
    return s * (1.0 - s) * (1.0 - 2.0 * s)


SOFTMAX = acts.Activation(
    SOFTMAX_NAME,
    _softmax_last_axis,
    _softmax_diagonal_slope,
    _softmax_diagonal_curvature,
    title="Softmax",
    group="Output",
    formula="s_i(z) = exp(z_i) / sum_j exp(z_j)",
    derivative_formula="ds_i/dz_i = s_i (1 - s_i)  (diagonal of the Jacobian)",
    description=(
        "Turns a layer's outputs into probabilities that sum to 1. Not element-wise: "
        "each output depends on every unit of the layer, so it is only offered on the "
        "last layer. The derivative shown is the diagonal of the Jacobian."
    ),
    output_range=(0.0, 1.0),
    smooth=True,
)


def is_softmax(activation: acts.Activation) -> bool:
    """True for the layer-wise softmax (which acts along the unit axis, not element-wise)."""
    return activation.name == SOFTMAX_NAME


def resolve_layer_activation(
    activation: object, params: Mapping[str, object] | None = None
) -> tuple[acts.Activation, dict[str, float]]:
    """``resolve_activation`` that also accepts ``"softmax"`` (or ``("softmax", {})``)."""
    name = activation[0] if isinstance(activation, tuple) and activation else activation
    if isinstance(name, str) and name == SOFTMAX_NAME:
        pair_params = activation[1] if isinstance(activation, tuple) else None
        return resolve_activation((SOFTMAX, pair_params), params)
    return resolve_activation(activation, params)


def apply_activation(
    activation: acts.Activation, params: Mapping[str, float], z: np.ndarray, unit_axis: int = -1
) -> np.ndarray:
    """f(z) for one layer; ``unit_axis`` says which axis of z runs over the units.

    Only softmax cares about ``unit_axis`` (it normalises along it); element-wise
    functions ignore it.
    """
    if is_softmax(activation) and unit_axis not in (-1, z.ndim - 1):
        return np.moveaxis(activation(np.moveaxis(z, unit_axis, -1), **params), -1, unit_axis)
    return activation(z, **params)


@dataclass(frozen=True)
class Trace:
    """What every layer computed in one forward pass.

    Attributes
    ----------
    z : list of ndarray
        Pre-activations, one array per layer (the input is not a layer).
    a : list of ndarray
        Activations f(z), same shapes as ``z``: (n, out_i) for a batch of n inputs,
        (out_i,) for a single input.
    """

    z: list[np.ndarray]
    a: list[np.ndarray]

    @property
    def output(self) -> np.ndarray:
        """The last layer's activations."""
        return self.a[-1]


class Network:
    """A fully connected feed-forward network with one activation per layer.

    Parameters
    ----------
    weights : sequence of array_like
        ``weights[i]`` has shape (out_i, in_i), the layout of ``torch.nn.Linear``.
    biases : sequence of array_like
        ``biases[i]`` has shape (out_i,).
    activations : sequence
        One per layer: a registry name, a ``(name, params)`` pair or an ``Activation``;
        ``"softmax"`` only on the last layer.

    Raises
    ------
    ValueError
        Naming the layer (1-based) when a shape does not fit the layer before it, a
        value is not finite, or an activation or parameter is not valid.

    Notes
    -----
    The arrays are copied to float64 and made read-only: a network never changes, so
    results computed from it can be cached safely.
    """

    def __init__(
        self, weights: Sequence[object], biases: Sequence[object], activations: Sequence[object]
    ) -> None:
        if not len(weights) == len(biases) == len(activations):
            raise ValueError(
                f"got {len(weights)} weight matrices, {len(biases)} bias vectors and "
                f"{len(activations)} activations; a network needs one of each per layer"
            )
        if not weights:
            raise ValueError("a network needs at least one layer")
        layers = len(weights)
        checked_weights, checked_biases, resolved = [], [], []
        for index, (w, b, activation) in enumerate(zip(weights, biases, activations, strict=True)):
            layer = index + 1
            w = np.array(w, dtype=np.float64)
            b = np.array(b, dtype=np.float64)
            if w.ndim != 2 or 0 in w.shape:
                raise ValueError(
                    f"layer {layer}: weights must be a non-empty 2-D (out, in) array, "
                    f"got shape {w.shape}"
                )
            if index > 0 and w.shape[1] != checked_weights[-1].shape[0]:
                raise ValueError(
                    f"layer {layer}: weights have shape {w.shape} but the previous layer "
                    f"has {checked_weights[-1].shape[0]} units"
                )
            if b.shape != (w.shape[0],):
                raise ValueError(
                    f"layer {layer}: biases have shape {b.shape} but the weights have shape "
                    f"{w.shape}, so ({w.shape[0]},) was expected"
                )
            if not (np.all(np.isfinite(w)) and np.all(np.isfinite(b))):
                raise ValueError(f"layer {layer}: weights and biases must be finite numbers")
            try:
                function, params = resolve_layer_activation(activation)
            except ValueError as error:
                raise ValueError(f"layer {layer}: {error}") from None
            if is_softmax(function) and layer != layers:
                raise ValueError(f"layer {layer}: softmax is only allowed on the last layer")
            w.setflags(write=False)
            b.setflags(write=False)
            checked_weights.append(w)
            checked_biases.append(b)
            resolved.append((function, params))
        self._weights = tuple(checked_weights)
        self._biases = tuple(checked_biases)
        self._activations = tuple(resolved)

    @classmethod
    def from_arrays(
        cls, weights: Sequence[object], biases: Sequence[object], activations: Sequence[object]
    ) -> Network:
        """Build a network from per-layer weights, biases and activations (see the class)."""
        return cls(weights, biases, activations)

    @classmethod
    def from_init(
        cls,
        layer_sizes: Sequence[int],
        activations: Sequence[object],
        scheme: str = "xavier",
        seed: int = 0,
        sigma: float = 1.0,
    ) -> Network:
        """Build a network with weights drawn by ``init_parameters`` (same arguments)."""
        weights, biases = init_parameters(layer_sizes, scheme=scheme, seed=seed, sigma=sigma)
        return cls(weights, biases, activations)

    # -- structure ---------------------------------------------------------------------
    @property
    def layer_sizes(self) -> tuple[int, ...]:
        """``(in, h1, ..., out)``: the input size, then every layer's unit count."""
        return (self._weights[0].shape[1], *(w.shape[0] for w in self._weights))

    @property
    def n_layers(self) -> int:
        """Number of layers (the input is not a layer)."""
        return len(self._weights)

    @property
    def weights(self) -> tuple[np.ndarray, ...]:
        """Per-layer weights, (out_i, in_i), read-only float64."""
        return self._weights

    @property
    def biases(self) -> tuple[np.ndarray, ...]:
        """Per-layer biases, (out_i,), read-only float64."""
        return self._biases

    @property
    def activations(self) -> list[tuple[acts.Activation, dict[str, float]]]:
        """Per-layer ``(Activation, params)``; the dicts are fresh copies."""
        return [(function, dict(params)) for function, params in self._activations]

    # -- evaluation --------------------------------------------------------------------
    def check_input(self, x: object) -> np.ndarray:
        """Return x as float64, or raise ``ValueError`` if it does not fit layer 1."""
        inputs = np.asarray(x, dtype=np.float64)
        n_in = self.layer_sizes[0]
        if inputs.ndim not in (1, 2):
            raise ValueError(
                f"x must have shape ({n_in},) or (n, {n_in}), got shape {inputs.shape}"
            )
        if inputs.shape[-1] != n_in:
            raise ValueError(
                f"layer 1: weights have shape {self._weights[0].shape} but the input has "
                f"{inputs.shape[-1]} features"
            )
        return inputs

    def forward(self, x: object) -> Trace:
        """Run the network on one input or a batch.

        Parameters
        ----------
        x : array_like, shape (in,) or (n, in)

        Returns
        -------
        Trace
            ``z`` and ``a`` per layer, shapes (out_i,) or (n, out_i).
        """
        activation_values = self.check_input(x)
        pre_activations, outputs = [], []
        for w, b, (function, params) in zip(
            self._weights, self._biases, self._activations, strict=True
        ):
            z = activation_values @ w.T + b
            activation_values = apply_activation(function, params, z)
            pre_activations.append(z)
            outputs.append(activation_values)
        return Trace(z=pre_activations, a=outputs)

    def __call__(self, x: object) -> np.ndarray:
        """The network's output for x (the last layer of ``forward(x)``)."""
        return self.forward(x).output

    def __repr__(self) -> str:
        names = ", ".join(function.name for function, _ in self._activations)
        return f"Network(layer_sizes={self.layer_sizes}, activations=[{names}])"
