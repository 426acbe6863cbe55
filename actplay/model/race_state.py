"""The race section of the Playground: settings, the live race and its results.

A :class:`RaceState` is one typed section object: the Playground holds one as
``playground.race`` and lends it its event batch (``touch``) and its custom functions.
Every setter validates through ``race_schema`` and touches ``race`` once;
training touches ``race`` when it publishes. The run is derived state: it is
never saved (the settings make it again, step for step); a session may keep its
results (``results_state``), which a loaded race shows until it is reset.
Play may lend the race to a worker process (``race_background.py``); what the
results say, live, lent or loaded, is in ``race_answers.py``.
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING

import numpy as np

from actplay.core import datasets
from actplay.model import race_presets
from actplay.model import race_schema as schema
from actplay.model.errors import InvalidValue
from actplay.model.race_answers import RaceAnswersMixin
from actplay.model.race_background import RaceBackgroundMixin
from actplay.model.race_labels import contestant_labels
from actplay.model.race_results import record_from_json, results_to_json

if TYPE_CHECKING:
    from actplay.core.race import Race
    from actplay.core.race_record import RaceRecord
    from actplay.core.race_setup import RaceSetup

# The race's own classes are imported when a race is first built or read, not at
# start-up: most sessions never race (see core/race_limits.py).

# Changing only these keeps the race that is running (or shown).
KEEPS_THE_RUN = ("target", "keep_results", "epochs", "preset")
# Changing only these keeps the preset's question on screen: the experiment is the same.
KEEPS_THE_PRESET = ("target", "keep_results", "epochs", "repeats", "seed")


class RaceState(RaceAnswersMixin, RaceBackgroundMixin):
    """Settings, run and results of the race (``playground.race``).

    Play trains it with ``train_for`` in the caller's thread, or, with a worker
    attached (``attach_worker``), in the worker's process (``race_background.py``).

    Parameters
    ----------
    touch : callable
        Called with ``{"race"}`` for every change (the Playground's batch).
    custom : callable
        Returns the name -> ``Activation`` dict of the custom functions.

    Events
    ------
    Touches ``race`` for settings, run controls and published training.
    """

    def __init__(self, touch, custom) -> None:
        self._touch = touch
        self._custom = custom
        self._settings = schema.default_race()
        self._settings_version = 0  # bumps whenever the settings change
        self._labels_cache: tuple | None = None
        self._clear_run()

    def _clear_run(self) -> None:
        self._forget_lent()
        self._race: Race | None = None
        self._loaded: tuple[RaceRecord, list] | None = None  # results read from a session
        self._running = False
        self._unpublished = False
        self._record_cache: tuple[int, RaceRecord] | None = None
        self._data_cache = None

    # -- settings -------------------------------------------------------------------
    @property
    def settings_version(self) -> int:
        """A counter that changes whenever the settings do (a cheap "did they change?")."""
        return self._settings_version

    @property
    def settings(self) -> dict:
        """The whole section's settings (a deep copy)."""
        return copy.deepcopy(self._settings)

    def set(self, **changes) -> None:
        """Change settings (any key of the section). Touches ``race``.

        Changing anything but the target, the epoch count or ``keep_results``
        resets the run; changing the experiment itself (not the seeds or repeats)
        drops the preset's name and question.

        Raises
        ------
        ValueError
            Naming the bad field; nothing changes.
        """
        merged = {**self._settings, **changes}
        if "hidden" in changes and "contestants" not in changes:
            merged["contestants"] = schema.fit_layers(merged["contestants"], merged["hidden"])
        if (
            isinstance(merged.get("dataset"), dict)
            and merged["dataset"].get("source") == "regression"
        ):
            # Regression trains with mse and has no accuracy: follow, unless told otherwise.
            if "loss" not in changes:
                merged["loss"] = "mse"
            if "target" not in changes and merged["target"]["metric"].endswith("accuracy"):
                merged["target"] = dict(schema.REGRESSION_TARGET)
        if "preset" not in changes and any(
            merged[key] != self._settings[key] for key in schema.KEYS if key not in KEEPS_THE_PRESET
        ):
            merged["preset"] = ""
        clean = schema.validate_race(merged, self._custom())
        if clean == self._settings:
            return
        resets = any(
            clean[key] != self._settings[key] for key in schema.KEYS if key not in KEEPS_THE_RUN
        )
        self._settings = clean
        self._settings_version += 1
        if resets:
            self._clear_run()
        elif self._running and self.finished:
            self._recall()
            self._running = False
        self._touch({"race"})

    def set_contestants(self, contestants: list) -> None:
        """Replace the contestants (entries as the section holds them)."""
        self.set(contestants=contestants)

    def apply_preset(self, name: str) -> None:
        """Load one of ``race_presets.PRESETS`` (its settings, its question). Resets the run."""
        self.set(**race_presets.settings(name))

    @property
    def question(self) -> str:
        """The question of the preset the settings come from ("" if they are the user's own)."""
        return race_presets.question(self._settings["preset"])

    # -- setup ----------------------------------------------------------------------
    def labels(self) -> tuple[str, ...]:
        """What the legend and table call each contestant."""
        if self._labels_cache is None or self._labels_cache[0] != self._settings_version:
            self._labels_cache = (
                self._settings_version,
                contestant_labels(self._settings, self._custom()),
            )
        return self._labels_cache[1]

    def dataset(self) -> datasets.Dataset:
        """The race's points (cached per data set settings)."""
        spec = self._settings["dataset"]
        if self._data_cache is None or self._data_cache[0] != spec:
            data = datasets.generate(
                spec["source"], spec["points"], spec["noise"], spec["test_fraction"], spec["seed"]
            )
            self._data_cache = (copy.deepcopy(spec), data)
        return self._data_cache[1]

    def setup(self) -> RaceSetup:
        """The core setup the settings describe."""
        from actplay.model.race_build import build_setup

        return build_setup(self._settings, self._custom(), self.dataset())

    def _ready(self) -> Race:
        if self._race is None:
            from actplay.core.race import Race

            try:
                self._race = Race(self.setup())
            except ValueError as error:  # a limit of the core the settings' checks missed
                raise InvalidValue(str(error)) from None
            self._loaded = None
        return self._race

    # -- run ------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        """True while the window should keep training the race (Play)."""
        return self._running

    @property
    def started(self) -> bool:
        """Whether there is a race to show (trained, or loaded from a session)."""
        return self._race is not None or self._loaded is not None

    @property
    def epoch(self) -> float:
        """Epochs every lane has trained (fractional inside one)."""
        if self._lent is not None:
            return self._lent.mirror.epoch_progress
        if self._race is not None:
            return self._race.epoch_progress
        return float(self._loaded[0].last_epoch) if self._loaded else 0.0

    @property
    def finished(self) -> bool:
        """True once the race reached its epoch count, or every lane diverged."""
        if self._lent is not None:
            mirror = self._lent.mirror
            return mirror.epochs >= self._settings["epochs"] or mirror.all_diverged
        if self._race is not None:
            return self._race.epochs >= self._settings["epochs"] or self._race.finished
        return self._loaded is not None

    def set_running(self, on: bool) -> None:
        """Start or pause the race (the window trains it in time slices while running).

        Raises
        ------
        ValueError
            When the race cannot start: bad settings, or finished (Reset first).
        """
        on = bool(on)
        if on == self._running:
            return
        if on:
            if self.finished:
                raise InvalidValue("the race is finished: press Reset to run it again")
            self._ready()
        else:
            self._unpublished = False
            self._recall()
        self._running = on
        self._touch({"race"})
        if on and self._worker is not None:
            self._lend()

    def step(self) -> None:
        """Train every lane to the end of the current epoch (a whole one at its start)."""
        if self.finished:
            raise InvalidValue("the race is finished: press Reset to run it again")
        self._recall()
        race = self._ready()
        race.run_to(race.epochs + 1)
        self._publish()

    def reset(self) -> None:
        """Drop the run and any loaded results; the next start trains from epoch 0."""
        if not self.started and not self._running:
            return
        self._clear_run()
        self._touch({"race"})

    def train_for(self, seconds: float, publish: bool = True) -> None:
        """Train in small chunks for ``seconds`` (one tick of Play); stops at the end.

        With ``publish=False`` no event is sent: the next publishing call, or
        :meth:`publish`, shows everything trained meanwhile.
        """
        self._recall()
        race = self._ready()
        race.run_for(seconds, until_epoch=self._settings["epochs"])
        self._unpublished = True
        if self.finished:
            self._running = False
            publish = True
        if publish:
            self._publish()

    def publish(self) -> None:
        """Touch ``race`` if training ran since the last event."""
        if self._unpublished:
            self._publish()

    def _publish(self) -> None:
        self._unpublished = False
        self._touch({"race"})

    def _stop(self) -> None:
        """Pause (the end of the race, or a failure) and show it."""
        self._running = False
        self._publish()

    def run(self, progress=None, chunk_seconds: float = 0.5) -> RaceRecord:
        """Train the whole race now (headless), then return its record.

        ``progress(epoch, total)``, when given, is called after each chunk.
        Touches ``race`` once at the end.
        """
        self._recall()
        race = self._ready()
        total = self._settings["epochs"]
        while not self.finished:
            race.run_for(chunk_seconds, until_epoch=total)
            if progress is not None:
                progress(race.epochs, total)
        self._running = False
        self._publish()
        return self.record()

    # -- sessions -------------------------------------------------------------------
    def state(self) -> dict:
        """The settings as ``state_dict`` holds them (no results: those are derived)."""
        return self.settings

    def results_state(self, always: bool = False) -> dict | None:
        """The results a session keeps (``keep_results`` on, or ``always``, and a race to
        keep), or None."""
        if not (self._settings["keep_results"] or always):
            return None
        if self._race is not None:
            weights = [self._parameters(c) for c in range(len(self._race.lanes[0]))]
            return results_to_json(self.record(), weights)
        if self._loaded is not None:
            return results_to_json(*self._loaded)
        return None

    def load(self, clean: dict) -> bool:
        """Replace the section with a clean one (see :func:`validate_section`).

        Returns True if anything changed. Settings that differ reset the run;
        results in the section replace the run with a finished, loaded race.
        """
        settings = {key: value for key, value in clean.items() if key != "results"}
        results = clean.get("results")
        if settings == self._settings and results is None:
            return False
        self._settings = copy.deepcopy(settings)
        self._settings_version += 1
        self._clear_run()
        if results is not None:
            seed = settings["seed"]
            record = record_from_json(
                results, self.labels(), range(seed, seed + settings["repeats"])
            )
            self._loaded = (record, [np.array(w) for w in results["weights"]])
        return True

    def activations_used(self) -> set[str]:
        """Every activation name a contestant uses."""
        return schema.activations_used(self._settings)

    def refit_custom(self, name: str) -> None:
        """A custom function changed: contestants keep the parameters it still accepts."""
        if name not in self.activations_used():
            return
        custom = self._custom()
        activation = custom[name]

        def refit(params):
            return schema.refit_params(activation, params)

        contestants = []
        for entry in self._settings["contestants"]:
            entry = copy.deepcopy(entry)
            if "layers" in entry:
                entry["layers"] = [[n, refit(p) if n == name else p] for n, p in entry["layers"]]
            elif entry["activation"] == name:
                entry["params"] = refit(entry["params"])
            contestants.append(entry)
        self._settings = schema.validate_race(
            {**self._settings, "contestants": contestants}, custom
        )
        self._settings_version += 1
        self._clear_run()
        self._touch({"race"})
