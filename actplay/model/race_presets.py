"""Races that test the classic claims about activations, each with its question.

Each preset is a complete set of race settings (the rest of the defaults fill
in) and one line the race pane shows above the race. What each one showed over
10 seeds is written up in ``docs/race.md``.
"""

from __future__ import annotations

import copy

from actplay.model import race_schema as schema
from actplay.model.errors import InvalidValue


def _uniform(*names, **params_by_name) -> list[dict]:
    return [{"activation": name, "params": dict(params_by_name.get(name, {}))} for name in names]


PRESETS = {
    "deep": {
        "title": "Deep and narrow",
        "question": (
            "Six layers of eight: which activation still gets a gradient to the first layer?"
        ),
        "settings": {
            "dataset": {"source": "spiral", "points": 500, "noise": 0.0, "test_fraction": 0.5},
            "hidden": [8] * 6,
            "contestants": _uniform("sigmoid", "tanh", "relu", "gelu"),
            "optimizer": "adam",
            "learning_rate": 0.003,  # 0.03 shakes every deep stack loose, whatever its activation
            "epochs": 300,
            "repeats": 5,
            "target": {"metric": "test_accuracy", "value": 0.9},
        },
    },
    "dying": {
        "title": "Dying ReLU",
        "question": (
            "Every hidden bias starts at \u22122: can a dead ReLU come back? Does a leak save it?"
        ),
        "settings": {
            "dataset": {"source": "circle", "points": 500, "noise": 0.1, "test_fraction": 0.5},
            "hidden": [8, 8],
            "contestants": [
                {"activation": "relu", "params": {}},
                {"activation": "leaky_relu", "params": {"negative_slope": 0.01}},
                {"activation": "leaky_relu", "params": {"negative_slope": 0.1}},
            ],
            "optimizer": "sgd",
            "learning_rate": 0.03,
            "bias_init": -2.0,
            "epochs": 100,
            "repeats": 5,
            "target": {"metric": "test_accuracy", "value": 0.9},
        },
    },
    "centred": {
        "title": "Zero-centred",
        "question": (
            "Same circle, same start: does tanh's zero-centred output learn faster than sigmoid's?"
        ),
        "settings": {
            "dataset": {"source": "circle", "points": 500, "noise": 0.1, "test_fraction": 0.5},
            "hidden": [8, 8],
            "contestants": _uniform("tanh", "sigmoid"),
            "optimizer": "sgd",
            "learning_rate": 0.03,
            "epochs": 100,
            "repeats": 5,
            "target": {"metric": "test_accuracy", "value": 0.95},
        },
    },
    "linear": {
        "title": "No nonlinearity",
        "question": "Can a network without a nonlinearity separate XOR, however deep it is?",
        "settings": {
            "dataset": {"source": "xor", "points": 500, "noise": 0.1, "test_fraction": 0.5},
            "hidden": [8, 8],
            "contestants": _uniform("identity", "tanh"),
            "optimizer": "sgd",
            "learning_rate": 0.03,
            "epochs": 100,
            "repeats": 5,
            "target": {"metric": "test_accuracy", "value": 0.95},
        },
    },
}


def names() -> tuple[str, ...]:
    """The presets' names, in the order the pane lists them."""
    return tuple(PRESETS)


def title(name: str) -> str:
    """A preset's short title."""
    return _preset(name)["title"]


def question(name: str) -> str:
    """A preset's one-line question ("" for the user's own race or an unknown name)."""
    return PRESETS.get(name, {}).get("question", "")


def settings(name: str) -> dict:
    """The whole settings of preset ``name``: its own over the defaults (a fresh copy)."""
    preset = _preset(name)["settings"]
    merged = {**schema.default_race(), **copy.deepcopy(preset), "preset": name}
    merged["dataset"] = {**schema.DEFAULT_RACE["dataset"], **preset.get("dataset", {})}
    return merged


def _preset(name: str) -> dict:
    if name not in PRESETS:
        raise InvalidValue(f"race preset must be one of {', '.join(PRESETS)}, got {name!r}")
    return PRESETS[name]
