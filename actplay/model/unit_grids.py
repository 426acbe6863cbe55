"""What every unit of the network computes over the input plane, at a chosen resolution.

The network canvas draws each unit as a small heatmap tile. Its grids are
computed at the resolution the tile is drawn at (a 30 px tile needs 30 x 30
points, not 100 x 100), and a change recomputes only the layers it reaches: a
weight of layer 3 leaves layers 1 and 2 as they were, an input-feature or
plane change recomputes everything. Each resolution in use (tiles, the
enlarged hover view, an export) keeps its own entry.

The plane is the model's input plane; the network's inputs over it are the
data set's enabled features (``x1``, ``x1^2``, ``sin_x2``...) when the input
layer matches them, else the raw point ``(x1, x2)`` for a 2-input network.
Other networks have no plane view (``None``).
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass

import numpy as np

from actplay.core.grid import feature_planes, forward_planes

MAX_ENTRIES = 4  # resolutions kept at once: tiles, the hover view, an export, one spare
RAW_PLANE = ("x1", "x2")  # the inputs of a 2-input network that does not use the features


@dataclass(frozen=True)
class UnitGrids:
    """Every unit's value over the input plane.

    Attributes
    ----------
    resolution : int
        Points per axis.
    plane : (float, float)
        ``(lo, hi)`` of both axes.
    features : tuple of str
        What each network input is (``core.datasets.FEATURES`` names).
    inputs : ndarray, (n_inputs, res, res) float64
        Each input over the plane.
    layers : tuple of ndarray
        One ``(out_i, res, res)`` float64 array per layer (the input is not a layer).
        Row 0 is the top of the plane (x2 = hi), column 0 its left edge (x1 = lo).
    """

    resolution: int
    plane: tuple
    features: tuple
    inputs: np.ndarray
    layers: tuple


def plane_features(layer_sizes, features) -> tuple | None:
    """What the inputs of a network with ``layer_sizes`` are over the plane, or None."""
    if layer_sizes[0] == len(features):
        return tuple(features)
    if layer_sizes[0] == 2:
        return RAW_PLANE
    return None


def _layer_signature(net, index):
    function, params = net.activations[index]
    return net.weights[index], net.biases[index], function, dict(params)


def _same_layer(old, new) -> bool:
    return (
        old[2] is new[2]
        and old[3] == new[3]
        and np.array_equal(old[0], new[0])
        and np.array_equal(old[1], new[1])
    )


def _read_only(array: np.ndarray) -> np.ndarray:
    array.setflags(write=False)
    return array


class UnitGridCache:
    """Keeps the last grids per resolution and recomputes from the first changed layer.

    ``recomputed_layers`` counts the layer evaluations done (for tests).
    """

    def __init__(self) -> None:
        self._entries: OrderedDict[int, dict] = OrderedDict()
        self.recomputed_layers = 0

    def grids(self, net, features, plane, resolution: int) -> UnitGrids:
        """The grids of ``net`` whose inputs are ``features`` over ``plane``.

        Parameters
        ----------
        net : core.network.Network
        features : tuple of str
            One name per network input.
        plane : (float, float)
        resolution : int
            2..``core.grid.MAX_RESOLUTION``.
        """
        lo, hi = plane
        key = (tuple(features), (float(lo), float(hi)))
        entry = self._entries.get(resolution)
        if entry is None or entry["key"] != key:
            inputs = feature_planes(features, lo, hi, resolution)
            inputs = _read_only(inputs.reshape(len(features), resolution, resolution))
            entry = {"key": key, "inputs": inputs, "signatures": [], "values": []}
        self._entries[resolution] = entry
        self._entries.move_to_end(resolution)
        while len(self._entries) > MAX_ENTRIES:
            self._entries.popitem(last=False)

        signatures = [_layer_signature(net, i) for i in range(net.n_layers)]
        first_changed = 0
        old = entry["signatures"]
        while first_changed < min(len(old), len(signatures)) and _same_layer(
            old[first_changed], signatures[first_changed]
        ):
            first_changed += 1
        if first_changed < len(signatures) or len(old) != len(signatures):
            below = entry["inputs"] if first_changed == 0 else entry["values"][first_changed - 1]
            fresh = forward_planes(net, below.reshape(len(below), -1), start=first_changed)
            self.recomputed_layers += len(fresh)
            shape = (resolution, resolution)
            fresh = [_read_only(values.reshape(-1, *shape)) for values in fresh]
            entry["values"] = [*entry["values"][:first_changed], *fresh]
            entry["signatures"] = [
                (np.array(w), np.array(b), function, params)
                for w, b, function, params in signatures
            ]
            entry["grids"] = None
        if entry.get("grids") is None:
            entry["grids"] = UnitGrids(
                resolution=resolution,
                plane=key[1],
                features=key[0],
                inputs=entry["inputs"],
                layers=tuple(entry["values"]),
            )
        return entry["grids"]
