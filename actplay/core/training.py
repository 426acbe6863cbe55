"""Training a `Network` by backpropagation through the library's analytic derivatives.

Each layer's ``f'(z)`` comes from its ``Activation.derivative`` function (user
parameters included), so every activation in the registry trains. Losses:

- ``"mse"``: mean over points and outputs of ``(a - t)^2`` (``torch.nn.functional.mse_loss``);
- ``"squared"``: half of that, ``(a - t)^2 / 2``: the TensorFlow Playground's "squared
  error", whose gradient is ``a - t`` (so its learning rates carry over unchanged);
- ``"bce"``: binary cross-entropy of a single sigmoid output, computed from the
  logit z as ``logaddexp(0, z) - t z`` (never log of a rounded 0);
- ``"cross_entropy"``: cross-entropy of a softmax output from its logits,
  ``logsumexp(z) - z_label``.

L2 adds ``l2 / 2 * sum(W^2)`` over the weights (not the biases), so its gradient
is ``l2 * W`` (PyTorch's ``weight_decay``). Optimisers: plain mini-batch SGD and
Adam (PyTorch's update, in the same order of operations).

Speed: parameters and gradients each live in one flat float64 buffer with
per-layer views, every per-batch array is preallocated, and activations are
called through their raw numpy functions (parameters resolved once), so a
step is a few dozen small numpy calls.
"""

from __future__ import annotations

import numpy as np

from actplay.core import activations as acts
from actplay.core.network import Network, is_softmax
from actplay.core.training_losses import (
    LOGIT_LOSSES,
    LOSS_TITLES,
    LOSSES,
    check_loss_fits,
    class_target_values,
    data_loss,
    network_outputs,
    target_matrix,
)
from actplay.core.training_optim import OPTIMIZERS, make_optimizer

MAX_BATCH = 4096  # a batch larger than any playground data set
_sigmoid = acts.get("sigmoid").value_function


def split_parameters(flat: np.ndarray, layer_sizes) -> list[np.ndarray]:
    """Per-layer weights then biases as views of a flat vector in ``Trainer.parameters``
    layout (layer by layer: the (out, in) weights, then the out biases).

    Returns
    -------
    list
        ``weights_1, ..., weights_L, biases_1, ..., biases_L``.
    """
    weights, biases, offset = [], [], 0
    for out, inp in zip(layer_sizes[1:], layer_sizes[:-1], strict=True):
        weights.append(flat[offset : offset + out * inp].reshape(out, inp))
        offset += out * inp
        biases.append(flat[offset : offset + out])
        offset += out
    if offset != flat.size:
        raise ValueError(f"{flat.size} parameters do not fit layer sizes {tuple(layer_sizes)}")
    return weights + biases


def _raw_functions(activations) -> list[tuple]:
    """Per layer ``(value, derivative, params, softmax)``: what a step calls, resolved once."""
    return [
        (f.value_function, f.derivative_function, params, is_softmax(f))
        for f, params in activations
    ]


class _Workspace:
    """Preallocated arrays for one batch size."""

    def __init__(self, sizes: tuple[int, ...], m: int) -> None:
        self.x = np.empty((m, sizes[0]))
        self.t = np.empty((m, sizes[-1]))
        self.z = [np.empty((m, size)) for size in sizes[1:]]
        self.a: list[np.ndarray] = [self.x] + [np.empty((m, size)) for size in sizes[1:]]
        self.delta = [np.empty((m, size)) for size in sizes[1:]]  # dL/dz per layer
        self.upstream = [np.empty((m, size)) for size in sizes[1:]]  # dL/da per layer


class Trainer:
    """Mini-batch training of a copy of ``network`` on ``(inputs, targets)``.

    Parameters
    ----------
    network : Network
        Architecture, activations and starting weights (copied).
    inputs : (n, in) array_like
        The training inputs (features already applied).
    targets : (n,) array_like
        0/1 class labels (or 0..k-1 for k softmax units), or real values for the squared
        losses (for classes, whatever values the output should reach: 0/1 or -1/+1).
    loss : str
        One of :data:`LOSSES`; must fit the output layer (:func:`check_loss_fits`).
    optimizer : str
        ``"sgd"`` or ``"adam"``.
    learning_rate, l2 : float
    batch_size : int
        Points per step (the last batch of an epoch may be smaller).
    seed : int
        Seeds the shuffling: the same arguments give the same run, step for step.
    """

    def __init__(
        self,
        network: Network,
        inputs,
        targets,
        *,
        loss: str = "bce",
        optimizer: str = "adam",
        learning_rate: float = 0.03,
        batch_size: int = 10,
        l2: float = 0.0,
        seed: int = 0,
    ) -> None:
        check_loss_fits(loss, network)
        if not 1 <= int(batch_size) <= MAX_BATCH:
            raise ValueError(f"batch size must be within 1..{MAX_BATCH}, got {batch_size!r}")
        if not (np.isfinite(learning_rate) and learning_rate > 0):
            raise ValueError(f"learning rate must be a positive number, got {learning_rate!r}")
        if not (np.isfinite(l2) and l2 >= 0):
            raise ValueError(f"L2 must be a number >= 0, got {l2!r}")
        self.loss_name = loss
        self.learning_rate = float(learning_rate)
        self.batch_size = int(batch_size)
        self.l2 = float(l2)
        self.sizes = network.layer_sizes
        self._activations = network.activations
        self._functions = _raw_functions(self._activations)
        self._shapes = list(zip(self.sizes[1:], self.sizes[:-1], strict=True))
        total = sum(o * i + o for o, i in self._shapes)
        self.parameters = np.empty(total)
        self.gradient = np.zeros(total)
        self.weights, self.biases = self._views(self.parameters)
        self.weight_gradients, self.bias_gradients = self._views(self.gradient)
        self._weight_mask = np.zeros(total, dtype=bool)  # which entries L2 acts on
        for w in self._views(self._weight_mask)[0]:
            w[...] = True
        self.load_parameters(network.weights, network.biases)
        self.inputs = network.check_input(inputs).reshape(-1, self.sizes[0]).copy()
        self.targets = target_matrix(targets, self.sizes[-1])
        if len(self.targets) != len(self.inputs) or len(self.inputs) == 0:
            raise ValueError(
                f"need as many targets as inputs (and at least one), got "
                f"{len(self.targets)} and {len(self.inputs)}"
            )
        self._optimizer = make_optimizer(optimizer, total)
        self._seed = seed
        self._workspaces: dict[int, _Workspace] = {}
        self.reset_schedule()

    # -- pickling: the whole state, so a worker process carries on exactly ------------
    _VIEWS = (
        "weights",
        "biases",
        "weight_gradients",
        "bias_gradients",
        "_workspaces",
        "_current",
        "_functions",
    )

    def __getstate__(self) -> dict:
        """Parameters, optimiser moments, shuffling generator and position; not the
        per-layer views, scratch arrays or raw functions (rebuilt on unpickling: the
        activations themselves travel, built-ins by name)."""
        return {k: v for k, v in self.__dict__.items() if k not in self._VIEWS}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._functions = _raw_functions(self._activations)
        self.weights, self.biases = self._views(self.parameters)
        self.weight_gradients, self.bias_gradients = self._views(self.gradient)
        self._workspaces = {}

    # -- parameters ------------------------------------------------------------------
    def _views(self, flat: np.ndarray) -> tuple[list, list]:
        layers = len(self._shapes)
        views = split_parameters(flat, self.sizes)
        return views[:layers], views[layers:]

    def load_parameters(self, weights, biases) -> None:
        """Copy weights and biases in (same shapes); optimiser state and schedule are kept."""
        for target, source in zip(
            self.weights + self.biases, list(weights) + list(biases), strict=True
        ):
            target[...] = source

    def network(self) -> Network:
        """A `Network` with the current parameters and the trainer's activations."""
        return Network.from_arrays(self.weights, self.biases, self._activations)

    def reset_schedule(self) -> None:
        """Restart the shuffling and the optimiser (the parameters stay)."""
        self._rng = np.random.Generator(np.random.PCG64(self._seed))
        self._order = self._rng.permutation(len(self.inputs))
        self._position = 0
        self.steps = 0
        self.epochs = 0
        self._optimizer.reset()

    # -- forward / backward ----------------------------------------------------------
    def _workspace(self, m: int) -> _Workspace:
        workspace = self._workspaces.get(m)
        if workspace is None:
            workspace = self._workspaces[m] = _Workspace(self.sizes, m)
        return workspace

    def _forward(self, ws: _Workspace) -> None:
        a = ws.x
        last = len(self._functions) - 1
        for i, (value, _, params, softmax) in enumerate(self._functions):
            z = ws.z[i]
            np.matmul(a, self.weights[i].T, out=z)
            z += self.biases[i]
            if i == last and self.loss_name in LOGIT_LOSSES:
                break  # the cross-entropy losses work from the logits
            a = acts.softmax(z) if softmax else value(z, **params)
            ws.a[i + 1] = a

    def _backward(self, ws: _Workspace) -> None:
        """Fill ``self.gradient`` with dL/dparameters of the batch in ``ws`` (after _forward)."""
        m = len(ws.x)
        last = len(self._functions) - 1
        delta = ws.delta[last]
        z = ws.z[last]
        if self.loss_name == "bce":
            np.subtract(_sigmoid(z), ws.t, out=delta)
            delta /= m
        elif self.loss_name == "cross_entropy":
            np.subtract(acts.softmax(z), ws.t, out=delta)
            delta /= m
        else:
            upstream = ws.upstream[last]
            np.subtract(ws.a[-1], ws.t, out=upstream)
            upstream *= (2.0 if self.loss_name == "mse" else 1.0) / upstream.size
            self._through_activation(last, upstream, delta)
        for i in range(last, -1, -1):
            np.matmul(ws.delta[i].T, ws.a[i], out=self.weight_gradients[i])
            np.sum(ws.delta[i], axis=0, out=self.bias_gradients[i])
            if i > 0:
                np.matmul(ws.delta[i], self.weights[i], out=ws.upstream[i - 1])
                self._through_activation(i - 1, ws.upstream[i - 1], ws.delta[i - 1])
        if self.l2:
            self.gradient += self.l2 * self.parameters * self._weight_mask

    def _through_activation(self, i: int, upstream, delta) -> None:
        """delta = dL/dz from upstream = dL/da for layer i (0-based)."""
        _, derivative, params, softmax = self._functions[i]
        if softmax:  # the full Jacobian: s * (g - sum(g s))
            s = self._current.a[i + 1]
            np.multiply(s, upstream - np.sum(upstream * s, axis=1, keepdims=True), out=delta)
        else:
            np.multiply(upstream, derivative(self._current.z[i], **params), out=delta)

    def _fill(self, inputs: np.ndarray, targets: np.ndarray) -> _Workspace:
        ws = self._workspace(len(inputs))
        ws.x[...] = inputs
        ws.t[...] = targets
        self._current = ws
        return ws

    def gradients(self, inputs, targets) -> tuple[float, list, list]:
        """Loss (data loss + L2 term) and its gradients for one batch, without a step.

        Returns
        -------
        loss : float
        weight_gradients, bias_gradients : lists of arrays (copies), shapes as the parameters
        """
        inputs = np.asarray(inputs, dtype=np.float64).reshape(-1, self.sizes[0])
        t = target_matrix(targets, self.sizes[-1])
        ws = self._fill(inputs, t)
        self._forward(ws)
        self._backward(ws)
        return (
            self.loss(inputs, targets) + self.l2_penalty(),
            [g.copy() for g in self.weight_gradients],
            [g.copy() for g in self.bias_gradients],
        )

    def l2_penalty(self) -> float:
        """``l2 / 2 * sum(W^2)`` over every weight matrix."""
        return 0.5 * self.l2 * float(sum(np.sum(w * w) for w in self.weights))

    # -- training --------------------------------------------------------------------
    def step(self, n_steps: int = 1) -> int:
        """Run ``n_steps`` mini-batch updates; returns how many ran."""
        n = len(self.inputs)
        for _ in range(n_steps):
            end = min(self._position + self.batch_size, n)
            batch = self._order[self._position : end]
            ws = self._workspace(len(batch))
            np.take(self.inputs, batch, axis=0, out=ws.x)
            np.take(self.targets, batch, axis=0, out=ws.t)
            self._current = ws
            self._forward(ws)
            self._backward(ws)
            self._optimizer.update(self.parameters, self.gradient, self.learning_rate)
            self.steps += 1
            self._position = end
            if end == n:
                self.epochs += 1
                self._position = 0
                self._order = self._rng.permutation(n)
        return n_steps

    def epoch(self) -> int:
        """Run the steps left in the current pass over the data (a whole pass at its start)."""
        return self.step(self.steps_left_in_epoch)

    @property
    def steps_per_epoch(self) -> int:
        """Mini-batch steps in one full pass over the training points."""
        return -(-len(self.inputs) // self.batch_size)

    @property
    def steps_left_in_epoch(self) -> int:
        """Mini-batch steps until the current pass over the data ends."""
        return -(-(len(self.inputs) - self._position) // self.batch_size)

    @property
    def epoch_progress(self) -> float:
        """Completed passes plus the fraction of the current one."""
        return self.epochs + self._position / len(self.inputs)

    # -- evaluation ------------------------------------------------------------------
    def outputs(self, inputs, logits: bool = False, scratch=None) -> np.ndarray:
        """The network's outputs (or the last layer's z) for ``inputs``, shape (n, out).

        ``scratch``: one ``(n, size)`` float64 array per layer to compute the
        layers' z in, kept by a caller that asks often (a race, every epoch); the
        numbers are the same, and the answer may then be one of those arrays.
        """
        a = np.asarray(inputs, dtype=np.float64).reshape(-1, self.sizes[0])
        last = len(self._functions) - 1
        for i, (value, _, params, softmax) in enumerate(self._functions):
            z = np.matmul(a, self.weights[i].T, out=None if scratch is None else scratch[i])
            z += self.biases[i]
            if logits and i == last:
                return z
            if scratch is not None and not params and isinstance(value, np.ufunc):
                a = value(z, out=z)  # (tanh, ...) in place: z is not needed again
            else:
                a = acts.softmax(z) if softmax else value(z, **params)
        return np.broadcast_to(a, (len(a), self.sizes[-1]))

    def loss(self, inputs, targets) -> float:
        """The data loss (without L2) of the current parameters on ``(inputs, targets)``."""
        t = target_matrix(targets, self.sizes[-1])
        if len(t) == 0:
            return float("nan")
        logits = self.loss_name in LOGIT_LOSSES
        return data_loss(self.loss_name, self.outputs(inputs, logits=logits), t)

    def mean_abs_weight_gradients(self) -> np.ndarray:
        """Per layer, mean |dL/dW| of the last step (or the last ``gradients`` call)."""
        return np.array([np.mean(np.abs(g)) for g in self.weight_gradients])

    @property
    def finite(self) -> bool:
        """False once a step produced a non-finite parameter (a learning rate too high)."""
        return bool(np.all(np.isfinite(self.parameters)))


__all__ = [
    "LOGIT_LOSSES",
    "LOSSES",
    "LOSS_TITLES",
    "OPTIMIZERS",
    "Trainer",
    "check_loss_fits",
    "class_target_values",
    "data_loss",
    "network_outputs",
    "split_parameters",
    "target_matrix",
]
