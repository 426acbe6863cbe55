"""What a race recorded, apart from the trainers that made it.

A :class:`RaceRecord` is what the results table, the plots, the exports and a
saved session read; a running race makes one on demand (``Race.record()``) and a
session file holds a thinned one.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from actplay.core.race_limits import METRICS


@dataclass(frozen=True)
class RaceRecord:
    """What a race recorded, without its trainers: what tables, plots and files read.

    Attributes
    ----------
    labels : tuple of str
        The contestants' labels, in order.
    seeds : tuple of int
    epochs : ndarray, shape (n,)
        The epoch of each record, increasing from 0 (every epoch, or every k-th of a
        long race that was thinned, the last one always kept).
    curves : ndarray, shape (n_seeds, n_contestants, len(METRICS), n)
        NaN after a lane diverged (and accuracies for regression).
    wall_time : ndarray, shape (n_seeds, n_contestants)
        Seconds each lane trained.
    diverged_at : ndarray, shape (n_seeds, n_contestants)
        The epoch a lane's weights stopped being finite; NaN if they never did.
    """

    labels: tuple
    seeds: tuple
    epochs: np.ndarray
    curves: np.ndarray
    wall_time: np.ndarray
    diverged_at: np.ndarray

    def curve(self, metric: str) -> np.ndarray:
        """One metric's records, ``(n_seeds, n_contestants, n)``."""
        if metric not in METRICS:
            raise ValueError(f"metric must be one of {', '.join(METRICS)}, got {metric!r}")
        return self.curves[:, :, METRICS.index(metric)]

    @property
    def last_epoch(self) -> int:
        """The epoch of the latest record."""
        return int(self.epochs[-1])

    def thinned(self, max_records: int) -> RaceRecord:
        """Every k-th record (the last one kept) so that at most ``max_records`` remain."""
        n = len(self.epochs)
        if n <= max_records:
            return self
        stride = -(-(n - 1) // (max_records - 1))
        keep = np.arange(0, n, stride)
        if keep[-1] != n - 1:
            keep = np.append(keep, n - 1)
        return RaceRecord(
            self.labels,
            self.seeds,
            self.epochs[keep],
            self.curves[..., keep],
            self.wall_time,
            self.diverged_at,
        )


__all__ = ["METRICS", "RaceRecord"]
