"""To and from PyTorch: a network as a PyTorch or NumPy script, and back from a state_dict."""

from __future__ import annotations

import os

from actplay.core.network import Network
from actplay.model import network_import, network_script


def _network(source) -> Network:
    if isinstance(source, Network):
        return source
    if isinstance(source, (str, os.PathLike)):
        from actplay.model import session

        source = session.load(source)
    return source.network()


def to_torch_script(source) -> str:
    """Python source defining ``build_model()``: a float64 ``nn.Sequential`` equal to the network.

    ``source`` is a Network, a Playground or a session path. Save the text as a
    ``.py`` file and import it; actplay itself never imports torch.
    """
    return network_script.torch_script(_network(source))


def to_numpy_script(source) -> str:
    """Python source defining ``forward(x)`` with numpy only, equal to the network."""
    return network_script.numpy_script(_network(source))


def load_state_dict(path, activations=None, script=None) -> Network:
    """A Network from ``torch.save(model.state_dict(), path)`` of an MLP (needs torch).

    The activations come from ``activations`` (one per Linear layer) or from the
    header of the script ``to_torch_script`` wrote (``script``). Loaded with
    ``weights_only=True``; layers other than Linear (and PReLU) are refused.
    """
    return network_import.load_state_dict(path, activations, script)
