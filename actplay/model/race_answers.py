"""What the race's results say: its record, the results table, one lane's health,
network and decision map, live, lent to a worker, or loaded from a session.

A mixin of :class:`~actplay.model.race_state.RaceState` (the results half of one
object): a live race answers from its lanes, a race lent to a worker from the
mirror of what the worker sent (``race_background.py``), a loaded one from the
session's record and first-seed weights.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from actplay.core import datasets

if TYPE_CHECKING:
    from actplay.core.network import Network
    from actplay.core.race_record import RaceRecord
    from actplay.core.race_summary import LaneHealth, ResultRow

MAP_RESOLUTION = 48  # cells per axis of a contestant's decision map


class RaceAnswersMixin:
    """``record``, ``table``, ``health``, ``network``, ``surface`` of the race."""

    def record(self) -> RaceRecord | None:
        """What the race recorded so far (live or loaded); None before it starts."""
        if self._lent is not None:
            return self._lent_record()
        if self._race is not None:
            key = (self._race.epochs, len(self._race.lanes))
            if self._record_cache is None or self._record_cache[0] != key:
                self._record_cache = (key, self._race.record())
            return self._record_cache[1]
        return self._loaded[0] if self._loaded else None

    def table(self) -> tuple[ResultRow, ...] | None:
        """The results table for the current target; None before the race starts."""
        record = self.record()
        if record is None:
            return None
        from actplay.core.race_summary import results_table

        target = self._settings["target"]
        return results_table(record, target["metric"], target["value"])

    def health(self, contestant: int, seed_index: int = 0) -> LaneHealth | None:
        """Gradient flow and dead/saturated fractions of one lane (live races only)."""
        if self._race is None:
            return None
        lent = self._lent_health(contestant, seed_index)
        if lent is not None:
            return lent
        from actplay.core.race_summary import lane_health

        return lane_health(self._race, seed_index, contestant)

    def network(self, contestant: int) -> Network | None:
        """The first seed's current network of one contestant (live or loaded)."""
        lent = self._lent_network(contestant)
        if lent is not None:
            return lent
        if self._race is not None:
            return self._race.network(0, contestant)
        if self._loaded is None:
            return None
        from actplay.model.race_build import network_from_flat

        return network_from_flat(self.setup(), contestant, self._loaded[1][contestant])

    def surface(self, contestant: int, resolution: int = MAP_RESOLUTION) -> np.ndarray | None:
        """The first seed's decision map of one contestant, (res, res) in [-1, 1]."""
        network = self.network(contestant)
        if network is None:
            return None
        from actplay.core.race_summary import decision_surface

        settings = self._settings
        regression = settings["dataset"]["source"] == "regression"
        extent = (-datasets.DATA_RADIUS - 1.0, datasets.DATA_RADIUS + 1.0)
        return decision_surface(
            network, settings["dataset"]["features"], extent, resolution, regression
        )

    # -- while the race is lent: the mirror of what the worker sent ---------------------
    def _parameters(self, contestant: int) -> np.ndarray:
        """The first seed's latest weights of one contestant (the worker's, if it sent any)."""
        mirror = self._lent.mirror if self._lent is not None else None
        if mirror is not None and mirror.parameters is not None:
            return mirror.parameters[contestant]
        return self._race.parameters(0, contestant)

    def _lent_network(self, contestant: int):
        """The first seed's network the worker last sent of one contestant, or None."""
        if self._lent is None or self._lent.mirror.parameters is None:
            return None
        from actplay.model.race_build import network_from_flat

        flat = self._lent.mirror.parameters[contestant]
        return network_from_flat(self._race.setup, contestant, flat)

    def _lent_health(self, contestant: int, seed_index: int):
        """The first seed's health the worker last sent of one contestant, or None."""
        if self._lent is None or seed_index != 0 or self._lent.mirror.health is None:
            return None
        return self._lent.mirror.health[contestant]

    def _lent_record(self):
        """The lent race's record, as ``Race.record()`` would make it there."""
        from actplay.core.race_record import RaceRecord

        mirror = self._lent.mirror
        key = ("lent", id(mirror), mirror.version)
        if self._record_cache is None or self._record_cache[0] != key:
            setup = self._race.setup
            record = RaceRecord(
                labels=tuple(contestant.label for contestant in setup.contestants),
                seeds=tuple(setup.seeds),
                epochs=np.arange(mirror.epochs + 1, dtype=np.float64),
                curves=mirror.curves(),
                wall_time=mirror.wall_time.copy(),
                diverged_at=mirror.diverged_at.copy(),
            )
            self._record_cache = (key, record)
        return self._record_cache[1]
