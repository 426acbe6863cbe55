"""Activation races for scripts: the window's race, run headless, with its results.

`race` takes the contestants and any race setting as keywords (the names of
``actplay race``'s options), trains the whole race through the model, and
returns a `RaceResult`: the curves as arrays, the results table, files (CSV,
JSON session, pictures) and a `Picture` of the figure. No Qt until a picture.
"""

from __future__ import annotations

import os

import numpy as np

from actplay.model.errors import InvalidValue
from actplay.model.playground import Playground

#: Keyword -> race setting; the data set's keywords go into its ``dataset`` object.
SETTINGS = {
    "loss": "loss",
    "optimizer": "optimizer",
    "learning_rate": "learning_rate",
    "batch_size": "batch_size",
    "l2": "l2",
    "init": "init",
    "bias_init": "bias_init",
    "seed": "seed",
    "seeds": "repeats",
    "epochs": "epochs",
}
DATA_SETTINGS = {
    "data": "source",
    "points": "points",
    "noise": "noise",
    "test_fraction": "test_fraction",
    "data_seed": "seed",
    "features": "features",
}


class RaceResult:
    """A finished race.

    Attributes
    ----------
    playground : Playground
        Holds the race (``playground.race``): save it as a session and the window
        opens it showing the finished race.
    labels : tuple of str
    seeds : tuple of int
    epochs : ndarray
        The recorded epochs, 0 to the end.
    """

    def __init__(self, playground: Playground) -> None:
        self.playground = playground
        record = playground.race.record()
        self.labels, self.seeds, self.epochs = record.labels, record.seeds, record.epochs.copy()

    def curves(self, metric: str = "test_loss") -> np.ndarray:
        """``(seeds, contestants, epochs)``: ``train_loss``, ``test_loss``, ``train_accuracy``
        or ``test_accuracy`` (NaN after a lane diverged)."""
        return self.playground.race.record().curve(metric).copy()

    @property
    def table(self) -> list[dict]:
        """The results table as dicts (``None`` for "not reached" and for no value)."""
        from actplay.model.race_export import table_json

        return table_json(self.playground.race.table())

    def text(self) -> str:
        """The results table as ``actplay race`` prints it."""
        from actplay.ui.race.table_text import table_lines

        settings = self.playground.race.settings
        return "\n".join(
            table_lines(self.playground.race.table(), settings["target"], settings["epochs"])
        )

    def plot(self, size=None, format: str = "png", kind: str = "loss", log: bool = False):
        """The race figure (question, curves, gradient flow, maps) as a `Picture`."""
        from actplay.api.pictures import Picture
        from actplay.ui.export import sizes
        from actplay.ui.export.offscreen import offscreen_application
        from actplay.ui.race.figure import FIGURE_SIZE, figure_bytes

        size = tuple(size) if size is not None else FIGURE_SIZE
        sizes.check_pixels(*size)
        offscreen_application()
        return Picture(figure_bytes(self.playground, format, size, 1.0, kind, log), format)

    def save(self, path) -> None:
        """Write the race to ``path``: ``.csv`` curves, ``.json`` session with the data, or a
        picture (``.png``, ``.svg``, ``.pdf``, ...), atomically."""
        from actplay.model import race_export
        from actplay.ui.export.formats import format_for_path

        export_format = format_for_path(path)
        if export_format == "csv":
            race_export.write_race_csv(self.playground, path)
        elif export_format == "json":
            race_export.write_race_json(self.playground, path)
        else:
            self.plot(format=export_format).save(os.fspath(path))

    def __repr__(self) -> str:
        return self.text()


def _contestant(entry, playground: Playground) -> dict:
    """One contestant as a race entry; a custom function is added to ``playground``."""
    if isinstance(entry, list):  # one function per hidden layer
        layers = [_contestant(layer, playground) for layer in entry]
        return {"layers": [[layer["activation"], layer["params"]] for layer in layers]}
    if isinstance(entry, str):
        return {"activation": entry, "params": {}}
    if isinstance(entry, tuple) and len(entry) == 2:
        return {"activation": entry[0], "params": dict(entry[1])}
    function = getattr(entry, "function", None)
    if function is not None:  # activation(...) or custom_activation(...)
        from actplay.core import activations as acts

        if function.name not in acts.names() and function.name not in playground.custom_activations:
            formula = function.formula.removeprefix("f(x) = ")
            playground.add_custom_activation(
                {
                    "name": function.name,
                    "formula": formula,
                    "title": function.title,
                    "params": {
                        s.name: (s.default, s.lo, s.hi, s.slider_lo, s.slider_hi)
                        for s in function.params
                    },
                }
            )
        return {"activation": function.name, "params": dict(entry.params)}
    raise InvalidValue(
        f"a contestant is a name, a (name, params) pair, an activation(...) or a list "
        f"of those (one per hidden layer), got {entry!r}"
    )


def race(activations=None, *, preset: str | None = None, target=None, progress=None, **settings):
    """Train one network with several activations side by side; return a `RaceResult`.

    Parameters
    ----------
    activations : sequence, optional
        Up to six contestants, each a name (``"relu"``), a ``(name, params)`` pair,
        an ``activation(...)`` or ``custom_activation(...)``, or a list of those with
        one function per hidden layer. Default: the preset's, or the default race's.
    preset : str, optional
        ``"deep"``, ``"dying"``, ``"centred"`` or ``"linear"``: start from its settings.
    target : (str, float), optional
        ``("test_accuracy", 0.95)``: the table counts the epochs to reach it.
    progress : callable, optional
        ``progress(epoch, epochs)`` is called as the race goes.
    **settings
        ``data``, ``points``, ``noise``, ``test_fraction``, ``data_seed``, ``features``,
        ``hidden`` (a list of sizes), ``loss``, ``optimizer``, ``learning_rate``,
        ``batch_size``, ``l2``, ``init``, ``bias_init``, ``seed``, ``seeds`` (repeats),
        ``epochs``.

    Raises
    ------
    ValueError
        Naming the first setting that cannot be raced (nothing is trained then).
    """
    playground = Playground()
    race_state = playground.race
    if preset is not None:
        race_state.apply_preset(preset)
    changes: dict = {}
    dataset = {}
    for key, value in settings.items():
        if key in SETTINGS:
            changes[SETTINGS[key]] = value
        elif key in DATA_SETTINGS:
            dataset[DATA_SETTINGS[key]] = list(value) if key == "features" else value
        elif key == "hidden":
            changes["hidden"] = [int(size) for size in value]
        else:
            known = ", ".join([*DATA_SETTINGS, "hidden", *SETTINGS])
            raise InvalidValue(f"race() got an unknown setting {key!r}; known: {known}")
    if dataset:
        changes["dataset"] = {**race_state.settings["dataset"], **dataset}
    if activations is not None:
        changes["contestants"] = [_contestant(entry, playground) for entry in activations]
    if target is not None:
        if isinstance(target, dict):
            changes["target"] = dict(target)
        else:
            metric, value = target
            changes["target"] = {"metric": metric, "value": value}
    race_state.set(**changes)
    race_state.run(progress=progress)
    return RaceResult(playground)
