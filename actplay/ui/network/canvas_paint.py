"""How the canvas turns values into pixels: tile images and link strokes.

Tiles go through the shared diverging lookup table (orange negative, grey
zero, blue positive, clamped at +-1); outputs that are probabilities are
centred on 0.5 first (``2p - 1``), as everywhere in the window.

A link's width follows |w| continuously up to ``WEIGHT_CAP`` and its colour
fades toward the background as |w| goes to 0. Links are drawn in batches of
equal pen: widths are rounded to ``WIDTH_STEP`` px (finer than the eye can
tell), so a network of 1,500 links is a few dozen ``drawPath`` calls.
"""

from __future__ import annotations

import numpy as np
from PySide6 import QtGui

from actplay.ui.widgets.diverging import LUT_SIZE, diverging_lut, opaque_lut

WEIGHT_CAP = 4.0  # |w| at which a link reaches its full width and colour
MIN_WIDTH = 0.6  # px of a zero weight: still visible, so the wiring reads
WIDTH_STEP = 0.25  # px: links of widths closer than this share one pen
MIN_ALPHA = 0.18  # opacity of a zero weight's link


def max_link_width(tile: float, fan_in: int, fan_out: int) -> float:
    """Width (px) of a link at ``WEIGHT_CAP``: a share of the tile, thinner where many
    links meet so that a dense layer still shows single links."""
    density = min(1.0, (8.0 / max(fan_in, fan_out, 1)) ** 0.5)
    return float(np.clip(tile * 0.2, 2.0, 8.0) * max(density, 0.45))


def link_widths(weights: np.ndarray, full_width: np.ndarray) -> np.ndarray:
    """Drawn width of each link: continuous in |w|, capped at ``WEIGHT_CAP``."""
    share = np.minimum(np.abs(weights), WEIGHT_CAP) / WEIGHT_CAP
    return MIN_WIDTH + (full_width - MIN_WIDTH) * share


def link_alphas(weights: np.ndarray) -> np.ndarray:
    """Opacity of each link: toward ``MIN_ALPHA`` as |w| goes to 0."""
    share = np.minimum(np.abs(weights), WEIGHT_CAP) / WEIGHT_CAP
    return MIN_ALPHA + (1.0 - MIN_ALPHA) * np.sqrt(share)


def link_batches(weights: np.ndarray, widths: np.ndarray):
    """Group links by pen: ``[(sign, width, alpha, indices), ...]``, thin ones first so
    strong links are drawn on top.

    Grouped with a sort rather than ``np.unique``, whose first call imports
    ``numpy.ma`` (start-up time: benchmarks/RESULTS.md, "Costs the code relies on").
    """
    steps = np.rint(widths / WIDTH_STEP).astype(int)
    keys = steps * 2 + (weights >= 0)
    order = np.argsort(keys, kind="stable")
    sorted_keys = keys[order]
    starts = np.flatnonzero(np.diff(sorted_keys, prepend=-1))
    ends = np.append(starts[1:], len(order))
    batches = []
    for start, end in zip(starts, ends, strict=True):
        members = order[start:end]
        key = int(sorted_keys[start])
        sign = 1 if key % 2 else -1
        width = (key // 2) * WIDTH_STEP
        alpha = float(link_alphas(np.abs(weights[members]).max(keepdims=True))[0])
        batches.append((sign, max(width, MIN_WIDTH), alpha, members))
    return batches


def sign_colour(sign: int, alpha: float) -> QtGui.QColor:
    """The diverging map's end colour for a sign, at an opacity."""
    lut = diverging_lut()
    r, g, b, _ = (int(c) for c in lut[-1 if sign > 0 else 0])
    return QtGui.QColor(r, g, b, int(round(255 * alpha)))


def lut_rows(values: np.ndarray, centred_probability: bool = False) -> np.ndarray:
    """Row of the diverging lookup table for each value (uint8, the values' shape)."""
    half = (LUT_SIZE - 1) / 2
    values = np.asarray(values, dtype=np.float64)
    if centred_probability:  # 2p - 1, folded into the scaling
        scaled = values * (2.0 * half)
    else:
        scaled = values * half + half
    np.clip(scaled, 0.0, LUT_SIZE - 1, out=scaled)  # +-inf to the ends; NaN stays
    scaled[np.isnan(scaled)] = half  # a NaN is shown as zero, the grey
    return np.rint(scaled, out=scaled).astype(np.uint8)


class TileImages:
    """Images of a stack of grids, kept alive with their pixel buffer."""

    def __init__(self, grids: np.ndarray, centred_probability: bool = False) -> None:
        self.rows = lut_rows(grids, centred_probability)  # (n, h, w): what tests compare
        self._pixels = np.ascontiguousarray(opaque_lut()[self.rows])
        n, height, width = self._pixels.shape
        fmt = QtGui.QImage.Format.Format_RGB32
        self.images = [
            QtGui.QImage(self._pixels[i].data, width, height, 4 * width, fmt) for i in range(n)
        ]


def cubic_path(paths: QtGui.QPainterPath, start, end) -> None:
    """Add one link as a true cubic (horizontal tangents at both ends) to ``paths``."""
    mid_x = (start[0] + end[0]) / 2
    paths.moveTo(start[0], start[1])
    paths.cubicTo(mid_x, start[1], mid_x, end[1], end[0], end[1])
