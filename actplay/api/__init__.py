"""The Python API: what ``import actplay`` offers scripts and notebooks (no Qt until a picture).

Activation functions (`activation`, `custom_activation`, `activation_names`),
networks (`network`, ``Network``), data sets and training (`dataset`, `train`),
sessions (`load_session`, `save_session`, ``Playground``, `playground_with`),
pictures of any pane (`plot`, returning a `Picture` a notebook displays) and
PyTorch (`to_torch_script`, `to_numpy_script`, `load_state_dict`), and activation
races (`race`, returning a ``RaceResult``). Documented,
with examples that run as tests, in ``docs/python-api.md``.
"""

from actplay.api.functions import (
    BoundActivation,
    activation,
    activation_names,
    custom_activation,
)
from actplay.api.networks import TrainingResult, dataset, network, train
from actplay.api.pictures import Picture, plot
from actplay.api.pytorch import load_state_dict, to_numpy_script, to_torch_script
from actplay.api.race import RaceResult, race
from actplay.api.sessions import load_session, playground_with, save_session
from actplay.core.network import Network
from actplay.model.playground import Playground

__all__ = [
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
]
