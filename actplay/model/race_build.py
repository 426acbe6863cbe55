"""From race settings to the core race: the setup, and a network from saved weights."""

from __future__ import annotations

import numpy as np

from actplay.core import datasets
from actplay.core.network import Network
from actplay.core.race_setup import Contestant, RaceSetup
from actplay.model import limits as lim
from actplay.model import race_schema as schema
from actplay.model.race_labels import contestant_labels


def build_setup(settings: dict, custom, data: datasets.Dataset) -> RaceSetup:
    """The :class:`RaceSetup` that clean race ``settings`` describe, on ``data``.

    Contestants' activation names resolve through ``custom`` (name -> Activation)
    as everywhere in the model; seeds run from ``seed`` to ``seed + repeats - 1``.
    """
    features = settings["dataset"]["features"]
    output, units = schema.output_layer(settings)
    n_hidden = len(settings["hidden"])
    contestants = tuple(
        Contestant(
            label,
            tuple(
                (lim.find_activation(name, custom), dict(params))
                for name, params in schema.contestant_layers(entry, n_hidden)
            ),
        )
        for label, entry in zip(
            contestant_labels(settings, custom), settings["contestants"], strict=True
        )
    )
    (train_x, train_y), (test_x, test_y) = data.train, data.test
    seed = settings["seed"]
    return RaceSetup(
        layer_sizes=(len(features), *settings["hidden"], units),
        output=(output, {}),
        contestants=contestants,
        train=(datasets.feature_matrix(train_x, features), train_y),
        test=(datasets.feature_matrix(test_x, features), test_y),
        loss=settings["loss"],
        optimizer=settings["optimizer"],
        learning_rate=settings["learning_rate"],
        batch_size=settings["batch_size"],
        l2=settings["l2"],
        init_scheme=settings["init"],
        bias_init=settings["bias_init"],
        seeds=tuple(range(seed, seed + settings["repeats"])),
        classification=data.kind == datasets.CLASSIFICATION,
    )


def network_from_flat(setup: RaceSetup, contestant: int, flat) -> Network:
    """One contestant's network from a flat parameter vector (``Trainer.parameters`` layout)."""
    flat = np.asarray(flat, dtype=np.float64)
    weights, biases, offset = [], [], 0
    sizes = setup.layer_sizes
    for fan_in, fan_out in zip(sizes[:-1], sizes[1:], strict=True):
        weights.append(flat[offset : offset + fan_out * fan_in].reshape(fan_out, fan_in))
        offset += fan_out * fan_in
        biases.append(flat[offset : offset + fan_out])
        offset += fan_out
    return Network.from_arrays(
        weights, biases, [*setup.contestants[contestant].layers, setup.output]
    )
