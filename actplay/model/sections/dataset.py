"""The ``dataset`` section: the points the network trains on.

Source, size, noise, split and seed of a generated set (or ``"custom"``
points loaded from a CSV file), the input features that feed the network, and
points the user added by clicking. A new set of points resets the run (new
weights from the init scheme and seed, as the TensorFlow Playground does);
choosing another built-in source also applies the settings proposed for it
(``training_recipes``), in the same event.
"""

from __future__ import annotations

import copy
from pathlib import Path

import numpy as np

from actplay.core import datasets
from actplay.model import limits as lim
from actplay.model import training_recipes as recipes
from actplay.model.errors import InvalidValue
from actplay.model.sections.base import Section

CUSTOM_SOURCE = "custom"  # points loaded from a CSV file (all in custom_points)
SOURCES = (*datasets.SOURCES, CUSTOM_SOURCE)
MAX_CUSTOM_POINTS = datasets.MAX_CSV_POINTS


class DatasetSection(Section):
    """The data set's state (session key ``dataset``), its checks and its setters.

    Every change replaces the held dict (never edits it), so :meth:`dataset`
    can key its cache on the dict's identity (a repr of 20,000 custom rows is too slow
    to key on: benchmarks/RESULTS.md, "Costs the code relies on").
    """

    KEY = "dataset"
    DEFAULTS = {
        "source": "circle",
        "points": 500,
        "noise": 0.1,
        "test_fraction": 0.5,
        "seed": 0,
        "features": list(datasets.DEFAULT_FEATURES),
        "custom_points": [],  # [x1, x2, target] rows
    }
    OPTIONAL = tuple(DEFAULTS)  # a file may leave out any key, or the whole section

    def __init__(self, parts) -> None:
        super().__init__(parts)
        self._data_cache: tuple[dict, datasets.Dataset] | None = None

    # -- properties -------------------------------------------------------------
    @property
    def spec(self) -> dict:
        """The held section object (read it, do not change it)."""
        return self._values

    @property
    def dataset_spec(self) -> dict:
        """The ``dataset`` section (a copy)."""
        return copy.deepcopy(self._values)

    @property
    def features(self) -> tuple[str, ...]:
        """The input features that feed the network, in ``datasets.FEATURES`` order."""
        return tuple(self._values["features"])

    def dataset(self) -> datasets.Dataset:
        """The current points (generated or custom, plus added ones), cached."""
        spec = self._values
        if self._data_cache is not None and self._data_cache[0] is spec:
            return self._data_cache[1]
        custom = np.array(spec["custom_points"], dtype=np.float64).reshape(-1, 3)
        if spec["source"] == CUSTOM_SOURCE:
            targets, kind = datasets.label_kind(custom[:, 2])
            rng = np.random.Generator(np.random.PCG64(spec["seed"]))
            is_test = datasets.split_mask(len(custom), spec["test_fraction"], rng)
            data = datasets.Dataset(custom[:, :2], targets, is_test, kind)
        else:
            data = datasets.generate(
                spec["source"], spec["points"], spec["noise"], spec["test_fraction"], spec["seed"]
            )
            if len(custom):  # points the user added: always training points
                data = datasets.Dataset(
                    np.vstack([data.points, custom[:, :2]]),
                    np.concatenate([data.targets, custom[:, 2]]),
                    np.concatenate([data.is_test, np.zeros(len(custom), bool)]),
                    data.kind,
                )
        for array in (data.points, data.targets, data.is_test):
            array.setflags(write=False)
        self._data_cache = (spec, data)
        return data

    def data_frame(self) -> tuple[float, float, float, float]:
        """``(x1_lo, x1_hi, x2_lo, x2_hi)``: the square the output map shows, framing
        every data point (``datasets.frame``; [-6, 6]^2 for the built-in sets),
        whatever input plane the network panel shows."""
        data = self.dataset()
        return datasets.frame(data.points, self._values["source"] != CUSTOM_SOURCE)

    # -- setters ----------------------------------------------------------------
    def set_dataset(self, **changes) -> None:
        """Change ``dataset`` fields (source, points, noise, test_fraction, seed).

        Choosing another built-in source also applies the settings proposed for it
        (``training_recipes.PROPOSALS``: features, layers, activations, loss, optimiser,
        learning rate, batch, L2), in the same event; change any of them afterwards.

        A new set of points resets the run (weights re-drawn from the init scheme
        and seed, as the TensorFlow Playground does). Touches ``dataset``,
        ``training`` and ``network``; the loss follows a switch to regression.
        """
        if "features" in changes or "custom_points" in changes:
            raise InvalidValue("use set_feature / add_point / load_dataset_csv for those")
        spec = self.validate({**self._values, **changes})
        if spec == self._values:
            return
        new_source = spec["source"] != self._values["source"]
        parts = self._parts
        with parts.batch():
            self._values = spec
            parts.touch({"dataset"})
            recipe = recipes.proposal(spec["source"]) if new_source else None
            if recipe is not None:
                recipes.apply_recipe(parts.playground, recipe)
            parts.training.fit_loss_to_data()
            parts.training.reset_training()

    def regenerate_dataset(self) -> None:
        """Draw new points with the next seed (added points are dropped)."""
        spec = self._values
        with self._parts.batch():
            self._values = {
                **spec,
                "custom_points": [] if spec["source"] != CUSTOM_SOURCE else spec["custom_points"],
            }
            self.set_dataset(seed=(spec["seed"] + 1) % (2**32))

    def set_feature(self, name: str, on: bool) -> None:
        """Switch an input feature on or off; the network's input layer follows (new weights)."""
        chosen = set(self._values["features"])
        chosen = chosen | {name} if on else chosen - {name}
        try:
            features = list(datasets.check_features(chosen))
        except ValueError as error:
            raise InvalidValue(f"features: {error}") from None
        if features == self._values["features"]:
            return
        parts = self._parts
        with parts.batch():
            self._values = {**self._values, "features": features}
            parts.touch({"dataset"})
            sizes = parts.network.layer_sizes
            if sizes[0] != len(features):
                parts.network.set_layer_sizes((len(features), *sizes[1:]))
            parts.training.reset_training()

    def add_point(self, x1: float, x2: float, target: float) -> None:
        """Add a training point (class 0/1, or a value for regression). Touches ``dataset``."""
        row = list(lim.check_numbers("point", (x1, x2, target), 3, 3))
        self._values = self.validate(
            {**self._values, "custom_points": [*self._values["custom_points"], row]}
        )
        self._parts.touch({"dataset", "training"})

    def load_dataset_csv(self, path) -> None:
        """Replace the points with a CSV file's (``x1, x2, label`` or ``x1, label`` rows).

        Raises
        ------
        InvalidValue
            ``"<file name>: <problem>"`` (line and column for a bad value); nothing changes.
        """
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8-sig")
            points, targets, _ = datasets.parse_csv(text)
        except (OSError, UnicodeDecodeError, ValueError) as error:
            raise InvalidValue(f"{path.name}: {error}") from None
        rows = np.column_stack([points, targets]).tolist()
        spec = self.validate({**self._values, "source": CUSTOM_SOURCE, "custom_points": rows})
        parts = self._parts
        with parts.batch():
            self._values = spec
            parts.touch({"dataset"})
            parts.training.fit_loss_to_data()
            parts.training.reset_training()

    # -- session form ---------------------------------------------------------------
    @classmethod
    def validate(cls, section) -> dict:
        """A clean copy of a ``dataset`` object (``None``: the defaults)."""
        if section is None:
            return copy.deepcopy(cls.DEFAULTS)
        merged = cls.checked_keys(section)
        source = lim.check_choice("dataset source", merged["source"], SOURCES)
        points = lim.check_int(
            "dataset points", merged["points"], datasets.MIN_POINTS, datasets.MAX_POINTS
        )
        noise = lim.check_interval("dataset noise", merged["noise"], 0.0, 1.0)
        test_fraction = lim.check_interval(
            "dataset test_fraction", merged["test_fraction"], 0.0, 0.9
        )
        seed = lim.check_int("dataset seed", merged["seed"], 0, lim.MAX_SEED)
        features = merged["features"]
        if not isinstance(features, list) or not all(isinstance(f, str) for f in features):
            raise InvalidValue(f"dataset features must be a list of names, got {features!r}")
        try:
            features = list(datasets.check_features(features))
        except ValueError as error:
            raise InvalidValue(f"dataset features: {error}") from None
        custom = merged["custom_points"]
        if not isinstance(custom, list) or len(custom) > MAX_CUSTOM_POINTS:
            raise InvalidValue(
                f"dataset custom_points must be a list of at most "
                f"{MAX_CUSTOM_POINTS} [x1, x2, target] rows"
            )
        clean_custom = [
            list(lim.check_numbers(f"dataset custom_points[{i}]", row, 3, 3))
            for i, row in enumerate(custom)
        ]
        if source == CUSTOM_SOURCE and not clean_custom:
            raise InvalidValue("dataset source 'custom' needs at least one row in custom_points")
        return {
            "source": source,
            "points": points,
            "noise": noise,
            "test_fraction": test_fraction,
            "seed": seed,
            "features": features,
            "custom_points": clean_custom,
        }
