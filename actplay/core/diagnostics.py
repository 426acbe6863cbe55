"""Per-layer health numbers of a network over a batch, and the linear-collapse map.

``layer_diagnostics`` answers the questions a user asks while dragging weights:
how big are the pre-activations, how many units are dead or saturated, and how
much gradient survives the trip back through the activation slopes.
``linear_equivalent`` shows that a stack of identity layers is one linear layer.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from actplay.core import activations as acts
from actplay.core.network import Network

IDENTITY_NAME = "identity"


@dataclass(frozen=True)
class LayerDiagnostics:
    """Summary statistics of one layer over a batch of inputs.

    Every mean and standard deviation runs over all (input, unit) pairs of the layer;
    the standard deviation is the population one (``ddof=0``).

    Attributes
    ----------
    z_mean, z_std : float
        Mean and spread of the pre-activations z.
    a_mean, a_std : float
        Mean and spread of the activations a = f(z).
    dead_fraction : float
        Fraction of the layer's units that are dead: for *every* input of the batch
        the unit outputs exactly 0 and its slope f'(z) is exactly 0 (a ReLU unit whose
        z is never positive). No gradient can ever revive it on this batch.
    saturated_fraction : float
        Fraction of the layer's units that are saturated: for *every* input of the
        batch |f'(z)| < ``SATURATION_THRESHOLD`` (the same constant the curve pane
        uses to shade flat regions). Dead units pass no gradient either, so they count
        as saturated too: ``dead_fraction <= saturated_fraction``.
    mean_abs_derivative : float
        Mean |f'(z)| over the batch and the layer's units. For softmax, f' is the
        diagonal of the Jacobian, s (1 - s).
    gradient_product : float
        Product of ``mean_abs_derivative`` of this layer and every layer before it: a
        rough measure of how much gradient reaches this depth from the output's side
        through the activation slopes alone (weights ignored). It shrinks fast in deep
        sigmoid stacks (each factor <= 0.25) and stays near 1 with ReLU.
    saturated_pair_fraction : float
        Fraction of the (input, unit) pairs with |f'(z)| < ``SATURATION_THRESHOLD``:
        a softer view than ``saturated_fraction``.
    dead_units, saturated_units : tuple of int
        Indices (0-based) of the dead and of the saturated units.
    backprop_gradient_rms : float
        Root mean square over the batch and the layer's units of the true gradient
        d(sum of the network's outputs) / dz, backpropagated through the weights and
        the slopes (softmax: its diagonal slope, as above). Unlike
        ``gradient_product`` it sees the weights, so it shows He-initialised ReLU
        stacks keeping their gradient while sigmoid stacks lose it.
    """

    z_mean: float
    z_std: float
    a_mean: float
    a_std: float
    dead_fraction: float
    saturated_fraction: float
    mean_abs_derivative: float
    gradient_product: float
    saturated_pair_fraction: float = 0.0
    dead_units: tuple[int, ...] = ()
    saturated_units: tuple[int, ...] = ()
    backprop_gradient_rms: float = 0.0


def layer_diagnostics(net: Network, x_batch: object) -> list[LayerDiagnostics]:
    """Diagnose every layer of ``net`` over a batch of inputs.

    Parameters
    ----------
    net : Network
    x_batch : array_like, shape (n, in) or (in,)
        The inputs; a single input counts as a batch of one. n must be at least 1.

    Returns
    -------
    list of LayerDiagnostics
        One per layer, in order (the input is not a layer).

    Raises
    ------
    ValueError
        For an empty batch or inputs that do not fit the network.
    """
    inputs = net.check_input(x_batch)
    if inputs.ndim == 1:
        inputs = inputs[np.newaxis, :]
    if inputs.shape[0] == 0:
        raise ValueError("the diagnostics need at least one input")
    trace = net.forward(inputs)
    slopes = [
        function.derivative(z, **params)
        for z, (function, params) in zip(trace.z, net.activations, strict=True)
    ]
    backprop_rms = _backprop_gradient_rms(net, slopes)
    results = []
    gradient_product = 1.0
    for index, (z, a, signed_slope) in enumerate(zip(trace.z, trace.a, slopes, strict=True)):
        slope = np.abs(signed_slope)
        flat = slope < acts.SATURATION_THRESHOLD
        dead = np.all((a == 0.0) & (slope == 0.0), axis=0)
        saturated = np.all(flat, axis=0)
        mean_abs_derivative = float(np.mean(slope))
        gradient_product *= mean_abs_derivative
        results.append(
            LayerDiagnostics(
                z_mean=float(np.mean(z)),
                z_std=float(np.std(z)),
                a_mean=float(np.mean(a)),
                a_std=float(np.std(a)),
                dead_fraction=float(np.mean(dead)),
                saturated_fraction=float(np.mean(saturated)),
                mean_abs_derivative=mean_abs_derivative,
                gradient_product=gradient_product,
                saturated_pair_fraction=float(np.mean(flat)),
                dead_units=tuple(int(i) for i in np.flatnonzero(dead)),
                saturated_units=tuple(int(i) for i in np.flatnonzero(saturated)),
                backprop_gradient_rms=backprop_rms[index],
            )
        )
    return results


def _backprop_gradient_rms(net: Network, slopes: list[np.ndarray]) -> list[float]:
    """RMS of d(sum of outputs)/dz per layer, by the chain rule from the last layer down."""
    gradient = slopes[-1]  # d(sum a_L)/dz_L, one row per input
    rms = [float(np.sqrt(np.mean(gradient**2)))]
    for w, slope in zip(net.weights[:0:-1], slopes[-2::-1], strict=True):
        gradient = (gradient @ w) * slope
        rms.append(float(np.sqrt(np.mean(gradient**2))))
    return rms[::-1]


def is_linear(net: Network) -> bool:
    """True when every layer's activation is the identity."""
    return all(function.name == IDENTITY_NAME for function, _ in net.activations)


def linear_equivalent(net: Network) -> tuple[np.ndarray, np.ndarray] | None:
    """The single linear map an all-identity network computes, or None.

    With identity activations, layer i computes ``a_i = W_i a_{i-1} + b_i``, so the
    whole network computes ``W x + b`` with ``W = W_L ... W_2 W_1`` and
    ``b = W_L (... (W_2 b_1 + b_2) ...) + b_L``.

    Parameters
    ----------
    net : Network

    Returns
    -------
    (W, b) or None
        ``W`` of shape (out, in) and ``b`` of shape (out,), float64; None as soon as
        one layer uses a non-identity activation.
    """
    if not is_linear(net):
        return None
    combined_weights = np.array(net.weights[0])
    combined_bias = np.array(net.biases[0])
    for w, b in zip(net.weights[1:], net.biases[1:], strict=True):
        combined_weights = w @ combined_weights
        combined_bias = w @ combined_bias + b
    return combined_weights, combined_bias
