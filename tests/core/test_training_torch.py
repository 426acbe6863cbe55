"""Backpropagated gradients and optimiser steps against PyTorch autograd (float64)."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from actplay.core.network import Network
from actplay.core.training import Trainer

RTOL = 1e-9
TORCH_ACTIVATIONS = {
    "tanh": lambda z, p: torch.tanh(z),
    "sigmoid": lambda z, p: torch.sigmoid(z),
    "relu": lambda z, p: torch.relu(z),
    "elu": lambda z, p: torch.nn.functional.elu(z, alpha=p["alpha"]),
    "leaky_relu": lambda z, p: torch.nn.functional.leaky_relu(z, p["negative_slope"]),
    "identity": lambda z, p: z,
    "softplus": lambda z, p: torch.nn.functional.softplus(
        z, beta=p.get("beta", 1.0), threshold=p.get("threshold", 20.0)
    ),
    "softmax": lambda z, p: torch.softmax(z, dim=1),
}

# (layer sizes, activations with params, loss, l2)
CASES = [
    ((2, 5, 1), [("tanh", {}), ("sigmoid", {})], "bce", 0.0),
    ((3, 4, 4, 1), [("relu", {}), ("elu", {"alpha": 0.7}), ("sigmoid", {})], "bce", 0.01),
    ((2, 6, 3), [("leaky_relu", {"negative_slope": 0.2}), ("softmax", {})], "cross_entropy", 0.0),
    ((2, 8, 8, 2), [("elu", {"alpha": 1.8}), ("tanh", {}), ("softmax", {})], "cross_entropy", 0.05),
    ((2, 4, 4, 1), [("sigmoid", {}), ("relu", {}), ("identity", {})], "mse", 0.0),
    ((4, 3, 2), [("tanh", {}), ("tanh", {})], "mse", 0.1),
    ((2, 5, 3), [("softplus", {}), ("softmax", {})], "mse", 0.0),
    ((2, 8, 8, 1), [("tanh", {}), ("tanh", {}), ("tanh", {})], "squared", 0.0),
    ((3, 4, 2), [("elu", {"alpha": 0.5}), ("identity", {})], "squared", 0.03),
]


def _network(sizes, activations, seed):
    rng = np.random.default_rng(seed)
    weights = [rng.normal(0, 1.0, (o, i)) for i, o in zip(sizes[:-1], sizes[1:], strict=True)]
    biases = [rng.normal(0, 0.5, o) for o in sizes[1:]]
    return Network.from_arrays(weights, biases, activations)


def _targets(loss, n, n_out, rng):
    if loss in ("mse", "squared"):
        return rng.normal(0, 1, (n, n_out)) if n_out > 1 else rng.normal(0, 1, n)
    return rng.integers(0, max(n_out, 2), n).astype(float)


def _torch_loss(net, activations, x, t, loss, l2):
    weights = [torch.tensor(w, dtype=torch.float64, requires_grad=True) for w in net.weights]
    biases = [torch.tensor(b, dtype=torch.float64, requires_grad=True) for b in net.biases]
    a = torch.tensor(x, dtype=torch.float64)
    for i, (name, _params) in enumerate(activations):
        z = a @ weights[i].T + biases[i]
        last = i == len(activations) - 1
        if last and loss == "bce":
            value = torch.nn.functional.binary_cross_entropy_with_logits(
                z[:, 0], torch.tensor(t, dtype=torch.float64)
            )
            break
        if last and loss == "cross_entropy":
            value = torch.nn.functional.cross_entropy(z, torch.tensor(t, dtype=torch.long))
            break
        full = net.activations[i][1]
        a = TORCH_ACTIVATIONS[name](z, full)
    else:
        target = torch.tensor(t, dtype=torch.float64).reshape(a.shape)
        value = torch.nn.functional.mse_loss(a, target)
        if loss == "squared":  # the TF Playground's half squared error
            value = 0.5 * value
    value = value + 0.5 * l2 * sum((w * w).sum() for w in weights)
    value.backward()
    return value.item(), [w.grad.numpy() for w in weights], [b.grad.numpy() for b in biases]


@pytest.mark.parametrize("case", range(len(CASES)))
@pytest.mark.parametrize("batch", [1, 7])
def test_gradients_match_autograd(case, batch):
    sizes, activations, loss, l2 = CASES[case]
    rng = np.random.default_rng(case * 10 + batch)
    net = _network(sizes, activations, case)
    x = rng.normal(0, 1.5, (batch, sizes[0]))
    t = _targets(loss, batch, sizes[-1], rng)
    trainer = Trainer(net, x, t, loss=loss, l2=l2, batch_size=batch)
    value, grad_w, grad_b = trainer.gradients(x, t)
    ref_value, ref_w, ref_b = _torch_loss(net, activations, x, t, loss, l2)
    assert value == pytest.approx(ref_value, rel=RTOL)
    for ours, theirs in zip(grad_w + grad_b, ref_w + ref_b, strict=True):
        np.testing.assert_allclose(ours, theirs, rtol=RTOL, atol=1e-14)


def test_relu_kink_gradient_is_torchs():
    # z exactly 0 at a ReLU unit: autograd takes the slope as 0 there, so must we.
    net = Network.from_arrays([[[1.0, -1.0]], [[2.0]]], [[0.0], [0.1]], ["relu", "sigmoid"])
    x, t = np.array([[0.5, 0.5], [1.0, 0.0]]), np.array([1.0, 0.0])
    _, grad_w, grad_b = Trainer(net, x, t, loss="bce").gradients(x, t)
    _, ref_w, ref_b = _torch_loss(net, [("relu", {}), ("sigmoid", {})], x, t, "bce", 0.0)
    for ours, theirs in zip(grad_w + grad_b, ref_w + ref_b, strict=True):
        np.testing.assert_allclose(ours, theirs, rtol=RTOL, atol=1e-15)


@pytest.mark.parametrize("optimizer", ["sgd", "adam"])
def test_steps_match_torch_optimizer(optimizer):
    sizes, activations = (2, 6, 6, 1), [("tanh", {}), ("elu", {"alpha": 0.5}), ("sigmoid", {})]
    net = _network(sizes, activations, 3)
    rng = np.random.default_rng(5)
    x, t = rng.normal(0, 2, (12, 2)), rng.integers(0, 2, 12).astype(float)
    lr, l2 = 0.05, 0.01
    # one batch of every point: the shuffle order does not matter to the update
    trainer = Trainer(
        net, x, t, loss="bce", optimizer=optimizer, learning_rate=lr, batch_size=12, l2=l2
    )
    trainer.step(5)
    weights = [torch.tensor(w, dtype=torch.float64, requires_grad=True) for w in net.weights]
    biases = [torch.tensor(b, dtype=torch.float64, requires_grad=True) for b in net.biases]
    # L2 on weights only, as in our loss: weight decay in its own parameter group
    groups = [{"params": weights, "weight_decay": l2}, {"params": biases, "weight_decay": 0.0}]
    opt = torch.optim.Adam(groups, lr=lr) if optimizer == "adam" else torch.optim.SGD(groups, lr=lr)
    xt, tt = torch.tensor(x), torch.tensor(t)
    for _ in range(5):
        opt.zero_grad()
        a = xt
        for i, (name, _params) in enumerate(activations[:-1]):
            a = TORCH_ACTIVATIONS[name](a @ weights[i].T + biases[i], net.activations[i][1])
        z = (a @ weights[-1].T + biases[-1])[:, 0]
        torch.nn.functional.binary_cross_entropy_with_logits(z, tt).backward()
        opt.step()
    ours = trainer.weights + trainer.biases
    for mine, theirs in zip(ours, weights + biases, strict=True):
        np.testing.assert_allclose(mine, theirs.detach().numpy(), rtol=1e-9, atol=1e-13)
