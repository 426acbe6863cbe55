"""Optimisers for :mod:`actplay.core.training`: plain SGD and Adam on one flat buffer.

Both update the parameter vector in place from the gradient vector, with
scratch arrays allocated once, so an update costs a handful of numpy calls
whatever the number of layers. Adam follows ``torch.optim.Adam`` (defaults
beta1 0.9, beta2 0.999, eps 1e-8) operation for operation, so the two agree to
rounding.
"""

from __future__ import annotations

import math

import numpy as np

OPTIMIZERS = ("sgd", "adam")
ADAM_BETAS = (0.9, 0.999)  # PyTorch's defaults
ADAM_EPS = 1e-8


class SGD:
    """``p -= lr * g``."""

    def __init__(self, size: int) -> None:
        self._scratch = np.empty(size)

    def reset(self) -> None:
        """SGD keeps no state."""

    def update(self, parameters: np.ndarray, gradient: np.ndarray, learning_rate: float) -> None:
        """One step, in place."""
        np.multiply(gradient, learning_rate, out=self._scratch)
        parameters -= self._scratch


class Adam:
    """Adam with bias correction, as ``torch.optim.Adam`` computes it."""

    def __init__(self, size: int, betas=ADAM_BETAS, eps: float = ADAM_EPS) -> None:
        self.beta1, self.beta2 = betas
        self.eps = eps
        self.first_moment = np.zeros(size)
        self.second_moment = np.zeros(size)
        self._scratch = np.empty(size)
        self.steps = 0

    def reset(self) -> None:
        """Forget the moments (a fresh start)."""
        self.first_moment.fill(0.0)
        self.second_moment.fill(0.0)
        self.steps = 0

    def update(self, parameters: np.ndarray, gradient: np.ndarray, learning_rate: float) -> None:
        """One step, in place."""
        self.steps += 1
        scratch, first, second = self._scratch, self.first_moment, self.second_moment
        # m = b1 m + (1 - b1) g   (torch: m.lerp_(g, 1 - b1))
        np.subtract(gradient, first, out=scratch)
        scratch *= 1.0 - self.beta1
        first += scratch
        # v = b2 v + (1 - b2) g^2
        second *= self.beta2
        np.multiply(gradient, gradient, out=scratch)
        scratch *= 1.0 - self.beta2
        second += scratch
        correction1 = 1.0 - self.beta1**self.steps
        correction2 = 1.0 - self.beta2**self.steps
        # p -= lr / c1 * m / (sqrt(v) / sqrt(c2) + eps)
        np.sqrt(second, out=scratch)
        scratch /= math.sqrt(correction2)
        scratch += self.eps
        np.divide(first, scratch, out=scratch)
        scratch *= learning_rate / correction1
        parameters -= scratch


def make_optimizer(name: str, size: int):
    """An optimiser by name (one of :data:`OPTIMIZERS`) for a parameter vector of ``size``."""
    if name == "sgd":
        return SGD(size)
    if name == "adam":
        return Adam(size)
    raise ValueError(f"optimizer must be one of {', '.join(OPTIMIZERS)}, got {name!r}")
