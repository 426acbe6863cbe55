"""What the legend, the table and the files call a race's contestants.

A contestant's own label wins; otherwise it is named after its activation's
title (without the parenthesised alias: "Sigmoid", not "Sigmoid (logistic)")
with the parameters that differ from their defaults, and a per-layer
contestant lists its runs of layers: "Tanh ×2 / ReLU ×4".
"""

from __future__ import annotations

from actplay.model import limits as lim
from actplay.model.race_schema import contestant_layers


def short_title(name: str, custom=None) -> str:
    """An activation's title without a trailing parenthesis ("Identity (linear)" -> "Identity")."""
    title = lim.find_activation(name, custom).title or name
    return title.split(" (")[0] if title.endswith(")") and " (" in title else title


def activation_label(name: str, params: dict, custom=None) -> str:
    """``"Leaky ReLU (negative_slope=0.2)"``: the parameters that differ from the defaults."""
    defaults = lim.find_activation(name, custom).defaults
    changed = [f"{key}={value:g}" for key, value in params.items() if defaults.get(key) != value]
    title = short_title(name, custom)
    return f"{title} ({', '.join(changed)})" if changed else title


def contestant_label(entry: dict, n_hidden: int, custom=None) -> str:
    """The label of a clean contestant entry of a race with ``n_hidden`` hidden layers."""
    if entry.get("label"):
        return entry["label"]
    layers = contestant_layers(entry, n_hidden)
    runs: list[list] = []
    for name, params in layers:
        if runs and runs[-1][0] == (name, params):
            runs[-1][1] += 1
        else:
            runs.append([(name, params), 1])
    if len(runs) == 1:
        (name, params), _ = runs[0]
        return activation_label(name, params, custom)
    return " / ".join(
        activation_label(name, params, custom) + (f" \u00d7{count}" if count > 1 else "")
        for (name, params), count in runs
    )


def contestant_labels(settings: dict, custom=None) -> tuple[str, ...]:
    """The label of every contestant of clean race ``settings``."""
    n_hidden = len(settings["hidden"])
    return tuple(contestant_label(entry, n_hidden, custom) for entry in settings["contestants"])
