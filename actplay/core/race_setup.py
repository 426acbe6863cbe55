"""Who races and on what: the contestants and the setup every one of them shares.

A contestant is a label and one activation per hidden layer; the setup holds the
rest (architecture, output layer, data, loss, optimiser, learning rate, batch,
L2, initial weights, seeds), which is the same for every contestant, so the
activations of the hidden layers are the only difference. For each seed the
weights are drawn once (``init_parameters`` with the race's scheme and seed,
hidden biases then set to ``bias_init``) and every contestant starts from them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from actplay.core.initialisation import INIT_SCHEMES, init_parameters
from actplay.core.network import Network
from actplay.core.race_limits import MAX_BIAS_INIT, MAX_CONTESTANTS, MAX_SEEDS


@dataclass(frozen=True)
class Contestant:
    """One entry of a race: a label and the activation of every hidden layer.

    Attributes
    ----------
    label : str
        What the legend and the table call it.
    layers : tuple of (Activation or name, dict)
        One ``(activation, params)`` pair per hidden layer, first hidden layer first.
    """

    label: str
    layers: tuple

    @classmethod
    def uniform(cls, activation, params=None, n_hidden: int = 1, label: str | None = None):
        """The same activation (and parameters) in every one of ``n_hidden`` layers."""
        name = activation if isinstance(activation, str) else activation.name
        params = dict(params or {})
        return cls(label or name, tuple((activation, dict(params)) for _ in range(n_hidden)))


@dataclass(frozen=True)
class RaceSetup:
    """Everything a race needs; every contestant shares all of it but its hidden activations.

    Attributes
    ----------
    layer_sizes : tuple of int
        ``(in, h1, ..., out)``; at least one hidden layer.
    output : (Activation or name, dict)
        The output layer's activation, the same for every contestant.
    contestants : tuple of Contestant
        1..``MAX_CONTESTANTS``.
    train, test : (inputs, targets)
        Inputs with the features already applied; the test set may be empty.
    loss, optimizer, learning_rate, batch_size, l2
        As for :class:`~actplay.core.training.Trainer`.
    init_scheme : str
        One of ``INIT_SCHEMES``; the weights each seed starts from.
    bias_init : float
        Every hidden unit's starting bias (0 is the usual start; a negative one
        starts ReLU units dead).
    seeds : tuple of int
        1..``MAX_SEEDS`` distinct seeds; each one is a repeat of the whole race.
    classification : bool
        Whether accuracy means anything (targets are class labels).
    """

    layer_sizes: tuple
    output: tuple
    contestants: tuple
    train: tuple
    test: tuple
    loss: str = "bce"
    optimizer: str = "adam"
    learning_rate: float = 0.03
    batch_size: int = 10
    l2: float = 0.0
    init_scheme: str = "xavier"
    bias_init: float = 0.0
    seeds: tuple = (0,)
    classification: bool = True

    def check(self) -> None:
        """Raise ``ValueError`` naming the first field a race cannot run with."""
        sizes = tuple(self.layer_sizes)
        if len(sizes) < 3:
            raise ValueError("a race needs at least one hidden layer: the activations differ there")
        if not 1 <= len(self.contestants) <= MAX_CONTESTANTS:
            raise ValueError(
                f"a race has 1 to {MAX_CONTESTANTS} contestants, got {len(self.contestants)}"
            )
        for contestant in self.contestants:
            if len(contestant.layers) != len(sizes) - 2:
                raise ValueError(
                    f"contestant {contestant.label!r} names {len(contestant.layers)} hidden "
                    f"layer activation(s) for {len(sizes) - 2} hidden layer(s)"
                )
        seeds = tuple(self.seeds)
        if not 1 <= len(seeds) <= MAX_SEEDS:
            raise ValueError(f"a race runs 1 to {MAX_SEEDS} seeds, got {len(seeds)}")
        if len(set(seeds)) != len(seeds):
            raise ValueError(f"the seeds of a race must differ, got {seeds}")
        if self.init_scheme not in INIT_SCHEMES:
            raise ValueError(
                f"init scheme must be one of {', '.join(INIT_SCHEMES)}, got {self.init_scheme!r}"
            )
        if not (math.isfinite(self.bias_init) and abs(self.bias_init) <= MAX_BIAS_INIT):
            raise ValueError(
                f"bias init must be a number within ±{MAX_BIAS_INIT:g}, got {self.bias_init!r}"
            )


def initial_parameters(setup: RaceSetup, seed: int) -> tuple[list, list]:
    """The weights and biases every contestant of ``seed`` starts from."""
    weights, biases = init_parameters(setup.layer_sizes, setup.init_scheme, seed)
    for hidden in biases[:-1]:
        hidden[...] = setup.bias_init
    return weights, biases


def contestant_network(setup: RaceSetup, contestant: Contestant, seed: int) -> Network:
    """The untrained network of one contestant for ``seed``."""
    weights, biases = initial_parameters(setup, seed)
    return Network.from_arrays(weights, biases, [*contestant.layers, setup.output])


__all__ = [
    "MAX_BIAS_INIT",
    "MAX_CONTESTANTS",
    "MAX_SEEDS",
    "Contestant",
    "RaceSetup",
    "contestant_network",
    "initial_parameters",
]
