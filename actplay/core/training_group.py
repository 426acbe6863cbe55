"""Several trainers advanced together, epoch for epoch (lockstep).

A *round* takes every trainer in the group to the end of its current pass over
the data, so after each round all of them have trained the same number of
epochs (a race between activations is fair whatever their speed). A round is
cut into *slices* of at most :data:`SLICE_STEPS` steps per trainer, so whoever
drives the group (the training worker) can look at its messages between slices
even when one epoch is long (5,000 points in batches of 1).

A trainer whose step produced non-finite parameters gets its parameters back
from before that slice and leaves the round: it is marked *diverged* and no
longer trains until it is replaced.
"""

from __future__ import annotations

import math

import numpy as np

from actplay.core.training import Trainer

SLICE_STEPS = 64  # steps per trainer between two looks at the outside: a few ms (4x8 tanh)


class TrainerGroup:
    """Trainers in numbered slots, stepped in lockstep by :meth:`step_slice`.

    Attributes
    ----------
    trainers : dict
        slot -> :class:`~actplay.core.training.Trainer`.
    diverged : set
        Slots whose trainer stopped because a step made its parameters non-finite.
    """

    def __init__(self) -> None:
        self.trainers: dict[int, Trainer] = {}
        self.diverged: set[int] = set()
        self._done: set[int] = set()  # slots that finished their pass of this round
        self._backup = np.empty(0)

    def put(self, slot: int, trainer: Trainer) -> None:
        """Place ``trainer`` in ``slot`` (replacing any); it joins at its current position."""
        self.trainers[slot] = trainer
        self.diverged.discard(slot)
        self._done.discard(slot)

    def remove(self, slot: int) -> None:
        """Empty ``slot`` (nothing happens if it is empty)."""
        self.trainers.pop(slot, None)
        self.diverged.discard(slot)
        self._done.discard(slot)

    @property
    def active(self) -> list[int]:
        """Slots that train (not diverged), in slot order."""
        return sorted(slot for slot in self.trainers if slot not in self.diverged)

    def slice_steps(self) -> int:
        """Slices per round: enough that no trainer runs more than SLICE_STEPS per slice."""
        return max(
            (math.ceil(self.trainers[s].steps_per_epoch / SLICE_STEPS) for s in self.active),
            default=1,
        )

    def step_slice(self) -> bool:
        """Advance every active trainer by one slice of its pass.

        Returns
        -------
        bool
            True when this slice ended a round: every active trainer has just
            finished a pass over its data (and the next slice starts a new round).
        """
        slices = self.slice_steps()
        for slot in self.active:
            if slot in self._done:
                continue
            trainer = self.trainers[slot]
            steps = min(math.ceil(trainer.steps_per_epoch / slices), trainer.steps_left_in_epoch)
            if self._backup.shape != trainer.parameters.shape:
                self._backup = np.empty_like(trainer.parameters)
            self._backup[...] = trainer.parameters
            ends_pass = steps == trainer.steps_left_in_epoch
            trainer.step(steps)
            if not trainer.finite:
                trainer.parameters[...] = self._backup
                self.diverged.add(slot)
            elif ends_pass:
                self._done.add(slot)
        if self._done.issuperset(self.active):
            self._done.clear()
            return True
        return False

    def run_rounds(self, rounds: int) -> None:
        """Run ``rounds`` whole rounds (the first one finishes any round under way)."""
        for _ in range(rounds):
            if not self.active:
                return
            while not self.step_slice():
                pass


__all__ = ["SLICE_STEPS", "TrainerGroup"]
