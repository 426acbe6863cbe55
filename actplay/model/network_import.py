"""A multilayer perceptron from a PyTorch ``state_dict`` file, as a ``Network``.

The file is what ``torch.save(model.state_dict(), path)`` writes for an
``nn.Sequential`` of ``Linear`` layers and activations (the PyTorch script of
``network_script`` builds exactly that). It is read with
``torch.load(weights_only=True)``, which unpickles tensors only, never code.
torch is needed for this alone and is imported here, on use: without it the
import fails with one line saying so.

A ``state_dict`` holds weights, not the activations between them: those come
from the caller (names, or ``(name, params)`` pairs, one per Linear layer) or from
the ``# actplay-network:`` header of a script that ``network_script`` wrote. A
PReLU's learnt weight in the file replaces the one the header or caller gave.
Anything that is not a chain of Linear layers (convolutions, normalisation,
embeddings, layers that do not chain) is refused, naming the first such key.
"""

from __future__ import annotations

import json
import os
import re

import numpy as np

from actplay.core.network import Network
from actplay.model.network_script import HEADER_PREFIX

MAX_FILE_BYTES = 64 * 1024 * 1024  # far beyond any network the playground can show
_KEY = re.compile(r"^(?:(?P<prefix>.*)\.)?(?P<index>\d+)\.(?P<name>weight|bias)$")


class NetworkImportError(ValueError):
    """A state_dict that cannot become a Network; the message is one line for the user."""


def _load_tensors(path) -> dict:
    try:
        import torch
    except ImportError:
        raise NetworkImportError(
            "importing PyTorch weights needs torch: pip install torch (a CPU build is enough)"
        ) from None
    path = os.fspath(path)
    if not os.path.isfile(path):
        raise NetworkImportError(f"not a file: {path}")
    if os.path.getsize(path) > MAX_FILE_BYTES:
        raise NetworkImportError(f"{os.path.basename(path)}: larger than 64 MB")
    try:
        loaded = torch.load(path, map_location="cpu", weights_only=True)
    except Exception as error:  # torch raises many types for a file that is not its own
        reason = " ".join(str(error).split())[:160]
        raise NetworkImportError(
            f"{os.path.basename(path)}: not a PyTorch state_dict ({reason})"
        ) from None
    if hasattr(loaded, "state_dict") and not isinstance(loaded, dict):
        loaded = loaded.state_dict()
    if not isinstance(loaded, dict) or not loaded:
        raise NetworkImportError(
            f"{os.path.basename(path)}: holds {type(loaded).__name__}, not a state_dict"
        )
    tensors = {}
    for key, value in loaded.items():
        if not hasattr(value, "detach"):
            raise NetworkImportError(f"{key}: not a tensor ({type(value).__name__})")
        tensors[str(key)] = value.detach().to("cpu").double().numpy()
    return tensors


def read_header(script_path) -> list:
    """The per-layer ``(name, params)`` of a script written by ``network_script``."""
    try:
        with open(script_path, encoding="utf-8") as stream:
            first = stream.readline(1_000_000)
    except OSError as error:
        raise NetworkImportError(f"cannot read {script_path}: {error.strerror or error}") from None
    if not first.startswith(HEADER_PREFIX):
        raise NetworkImportError(
            f"{os.path.basename(script_path)}: no '{HEADER_PREFIX.strip()}' line; "
            "give the activations instead"
        )
    try:
        record = json.loads(first[len(HEADER_PREFIX) :])
        return [(layer["activation"], dict(layer["params"])) for layer in record["layers"]]
    except (ValueError, KeyError, TypeError) as error:
        raise NetworkImportError(
            f"{os.path.basename(script_path)}: its header is damaged ({error})"
        ) from None


def linear_layers(tensors: dict) -> tuple[list, list, dict]:
    """Weights and biases of the Linear layers in module order, and PReLU weights by module.

    Returns
    -------
    (weights, biases, prelu)
        ``prelu`` maps the module index of each PReLU to its weight (a 1-element array).
    """
    modules: dict[int, dict] = {}
    for key, value in tensors.items():
        match = _KEY.match(key)
        if match is None:
            raise NetworkImportError(
                f"unsupported layer: {key!r} (only Linear layers and PReLU, in an nn.Sequential)"
            )
        modules.setdefault(int(match["index"]), {})[match["name"]] = value
    weights, biases, prelu = [], [], {}
    for index in sorted(modules):
        parts = modules[index]
        weight, bias = parts.get("weight"), parts.get("bias")
        if weight is not None and weight.ndim == 1 and bias is None and weight.size == 1:
            prelu[index] = weight
            continue
        if weight is None or weight.ndim != 2:
            shape = None if weight is None else weight.shape
            raise NetworkImportError(
                f"unsupported layer {index}: weight of shape {shape}; only Linear layers "
                "(2-D weights) and single-parameter PReLU can be imported"
            )
        if bias is None:
            bias = np.zeros(weight.shape[0])
        weights.append(weight)
        biases.append(bias)
    return weights, biases, prelu


def load_state_dict(path, activations=None, script=None) -> Network:
    """A ``Network`` from a ``state_dict`` file.

    Parameters
    ----------
    path : path-like
        The file ``torch.save(model.state_dict(), path)`` wrote.
    activations : sequence, optional
        One activation per Linear layer: a name or a ``(name, params)`` pair.
    script : path-like, optional
        A script from ``network_script``; its header gives the activations.

    Raises
    ------
    NetworkImportError
        (a ``ValueError``) when torch is missing, the file is not a state_dict,
        a layer is not supported, the activations are missing or do not fit.
    """
    if activations is None and script is None:
        raise NetworkImportError("give the activations, or the script exported with the weights")
    layers = list(activations) if activations is not None else read_header(script)
    weights, biases, prelu = linear_layers(_load_tensors(path))
    if len(layers) != len(weights):
        raise NetworkImportError(
            f"the file has {len(weights)} Linear layers but {len(layers)} activations were given"
        )
    layers = [(layer, {}) if isinstance(layer, str) else tuple(layer) for layer in layers]
    learnt = iter(value for _index, value in sorted(prelu.items()))
    for position, (name, params) in enumerate(layers):
        if name == "prelu":
            value = next(learnt, None)
            if value is not None:
                layers[position] = (name, {**dict(params), "weight": float(value.ravel()[0])})
    try:
        return Network(weights, biases, layers)
    except ValueError as error:
        raise NetworkImportError(" ".join(str(error).split())) from None


def playground_with(network: Network, playground=None):
    """A Playground (a new default one unless given) whose network is ``network``.

    Raises
    ------
    ValueError
        When the network is outside what the window shows (1-8 inputs, up to 6
        hidden layers of 1-16 units, 1-8 outputs) or uses a function that is not
        in the library.
    """
    from actplay.model.playground import Playground  # the model's top: not at import

    model = Playground() if playground is None else playground
    state = model.state_dict()
    sizes = list(network.layer_sizes)
    previous = state["network"]
    state["network"] = {
        **previous,
        "layer_sizes": sizes,
        "activations": [[f.name, dict(params)] for f, params in network.activations],
        "weights": [np.asarray(w).tolist() for w in network.weights],
        "biases": [np.asarray(b).tolist() for b in network.biases],
        "input": (list(previous["input"]) + [0.0] * sizes[0])[: sizes[0]],
    }
    model.apply_state(state)
    return model
