"""actplay: a desktop playground for activation functions and small neural networks.

The package is also a library for scripts and notebooks (``docs/python-api.md``)::

    >>> import actplay
    >>> gelu = actplay.activation("gelu")
    >>> round(float(gelu.derivative(0.0)), 3)
    0.5

The API's names (``actplay.api.__all__``) and the layers (``actplay.core``,
``actplay.model``) load on first use, so ``import actplay`` stays instant for the
``actplay`` command, and no Qt is imported until a picture is drawn.
"""

import importlib

__version__ = "0.1.0"

_API_NAMES = frozenset(
    {
        "BoundActivation",
        "Network",
        "Picture",
        "Playground",
        "RaceResult",
        "TrainingResult",
        "activation",
        "activation_names",
        "custom_activation",
        "dataset",
        "load_session",
        "load_state_dict",
        "network",
        "playground_with",
        "plot",
        "race",
        "save_session",
        "to_numpy_script",
        "to_torch_script",
        "train",
    }
)
_SUBPACKAGES = frozenset({"api", "app", "core", "model", "resources", "ui"})


def __getattr__(name: str):
    if name in _API_NAMES:
        return getattr(importlib.import_module("actplay.api"), name)
    if name in _SUBPACKAGES:
        return importlib.import_module(f"actplay.{name}")
    raise AttributeError(f"module 'actplay' has no attribute {name!r}")


def __dir__():
    return sorted(set(globals()) | _API_NAMES | _SUBPACKAGES)


__all__ = sorted(_API_NAMES)
