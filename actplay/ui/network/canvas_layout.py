"""Where the network canvas puts each tile and link, and what lies under a point.

Pure geometry (numpy, no widgets): columns are the input column and one per
layer, left to right; units are tiles stacked from the top of their column.
Links are cubic curves from the right edge of a source tile to the left edge
of a target tile, their ends fanned a little over the target's edge (as the
TensorFlow Playground draws them) so that a tile's incoming links stay apart.
Each curve is also kept as a polyline of ``CURVE_SAMPLES`` points, for hit
tests and for drawing.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

MIN_TILE = 10.0  # px: below this a tile is a coloured dot, not a picture
MAX_TILE = 72.0  # px: larger tiles say nothing more and starve the links of room
ROW_PITCH = 1.2  # tile heights from one row's top to the next's (room for the bias mark)
LINK_ROOM = 0.8  # at least this many tile widths between two columns, for the links
MAX_STEP = 4.5  # at most this many tile widths from one column to the next: a wide canvas
# centres the network instead of stretching its links across the screen
FAN = 0.32  # share of a tile's height the incoming links spread over at its left edge
CURVE_SAMPLES = 17  # points per link polyline: smooth at any width seen on screen
HIT_SLACK = 3.0  # px added to half a link's width when testing for the mouse


@dataclass(frozen=True)
class CanvasLayout:
    """The placed network.

    Attributes
    ----------
    tile : float
        Side of every tile, px.
    columns : tuple of ndarray
        Per column, an ``(n, 2)`` array of the top-left corners of its tiles (column 0 is
        the input column, column ``l`` the network's layer ``l``).
    column_x : ndarray
        Left edge of each column's tiles.
    link_layer, link_out, link_in : ndarray of int
        For every link: its layer (1-based, as the model counts weights), the unit it
        feeds and the unit (or input) it comes from. Links into layer 1 come from the
        input tiles listed in ``input_rows``.
    link_points : ndarray, (n_links, CURVE_SAMPLES, 2)
        Each link's curve as a polyline.
    input_rows : tuple of int
        For each network input, the row of the input column that feeds it.
    """

    tile: float
    columns: tuple
    column_x: np.ndarray
    link_layer: np.ndarray
    link_out: np.ndarray
    link_in: np.ndarray
    link_points: np.ndarray
    input_rows: tuple

    def tile_rect(self, column: int, row: int) -> tuple[float, float, float, float]:
        """``(x, y, width, height)`` of a tile."""
        x, y = self.columns[column][row]
        return float(x), float(y), self.tile, self.tile


def place(
    sizes,
    input_count: int,
    input_rows,
    width: float,
    height: float,
    top: float,
    left: float,
    right: float = 6.0,
) -> CanvasLayout:
    """Lay out a network in a ``width`` x ``height`` area.

    Parameters
    ----------
    sizes : sequence of int
        ``(inputs, layer 1, ..., outputs)``.
    input_count : int
        Tiles in the input column (the features on offer may outnumber the inputs).
    input_rows : sequence of int
        For each network input, its row in the input column.
    width, height : float
        The area, px.
    top, left, right : float
        Room kept above the tiles (headers), left of the input column (labels) and
        right of the last column (its header is wider than its tiles).
    """
    sizes = tuple(int(s) for s in sizes)
    rows = (input_count, *sizes[1:])
    n_columns = len(rows)
    margin = 6.0
    usable_h = max(height - top - margin, 1.0)
    by_height = usable_h / (max(rows) - 1 + 1 / ROW_PITCH) / ROW_PITCH
    usable_w = max(width - left - right, 1.0)
    # n tiles and (n - 1) gaps of at least LINK_ROOM tiles across the width
    by_width = usable_w / (n_columns + (n_columns - 1) * LINK_ROOM)
    tile = float(np.clip(min(by_height, by_width), MIN_TILE, MAX_TILE))
    step_x = min((usable_w - tile) / max(n_columns - 1, 1), tile * MAX_STEP)
    spread = step_x * (n_columns - 1) + tile
    column_x = left + (usable_w - spread) / 2 + step_x * np.arange(n_columns)
    pitch = tile * ROW_PITCH
    block_h = pitch * (max(rows) - 1) + tile
    first_y = top + max(usable_h - block_h, 0.0) / 2  # the tallest column centred
    columns = tuple(
        np.column_stack([np.full(n, column_x[c]), first_y + pitch * np.arange(n)]).astype(float)
        for c, n in enumerate(rows)
    )

    layer_ids, outs, ins, starts, ends = [], [], [], [], []
    for layer in range(1, len(sizes)):
        n_out, n_in = sizes[layer], sizes[layer - 1]
        out_idx, in_idx = np.meshgrid(np.arange(n_out), np.arange(n_in), indexing="ij")
        out_idx, in_idx = out_idx.ravel(), in_idx.ravel()
        source_rows = np.asarray(input_rows)[in_idx] if layer == 1 else in_idx
        source = columns[layer - 1][source_rows] + (tile, tile / 2)
        # fan: the first input lands highest on the target's left edge
        spread = (in_idx - (n_in - 1) / 2) / max(n_in - 1, 1) * tile * FAN
        target = columns[layer][out_idx] + np.column_stack(
            [np.zeros(len(out_idx)), tile / 2 + spread]
        )
        layer_ids.append(np.full(len(out_idx), layer))
        outs.append(out_idx)
        ins.append(in_idx)
        starts.append(source)
        ends.append(target)
    if layer_ids:
        start, end = np.concatenate(starts), np.concatenate(ends)
        link_layer, link_out, link_in = (np.concatenate(a) for a in (layer_ids, outs, ins))
    else:
        start = end = np.zeros((0, 2))
        link_layer = link_out = link_in = np.zeros(0, dtype=int)
    return CanvasLayout(
        tile=tile,
        columns=columns,
        column_x=column_x,
        link_layer=link_layer,
        link_out=link_out,
        link_in=link_in,
        link_points=curve_points(start, end),
        input_rows=tuple(int(r) for r in input_rows),
    )


def curve_points(start: np.ndarray, end: np.ndarray) -> np.ndarray:
    """Sample the cubic curves from ``start`` to ``end`` (both ``(n, 2)``): horizontal
    tangents at both ends, control points half-way across."""
    t = np.linspace(0.0, 1.0, CURVE_SAMPLES)[np.newaxis, :, np.newaxis]
    mid_x = (start[:, 0] + end[:, 0]) / 2
    p0 = start[:, np.newaxis, :]
    p1 = np.column_stack([mid_x, start[:, 1]])[:, np.newaxis, :]
    p2 = np.column_stack([mid_x, end[:, 1]])[:, np.newaxis, :]
    p3 = end[:, np.newaxis, :]
    u = 1.0 - t
    return u**3 * p0 + 3 * u**2 * t * p1 + 3 * u * t**2 * p2 + t**3 * p3


def tile_at(layout: CanvasLayout, x: float, y: float) -> tuple[int, int] | None:
    """``(column, row)`` of the tile under a point, or None."""
    size = layout.tile
    for column, corners in enumerate(layout.columns):
        if not len(corners) or not corners[0, 0] <= x <= corners[0, 0] + size:
            continue
        inside = (corners[:, 1] <= y) & (y <= corners[:, 1] + size)
        hits = np.flatnonzero(inside)
        if hits.size:
            return column, int(hits[0])
    return None


def link_at(layout: CanvasLayout, x: float, y: float, widths: np.ndarray) -> int | None:
    """Index of the link nearest a point within its half width plus ``HIT_SLACK``, or None.

    ``widths`` holds each link's drawn width (px).
    """
    points = layout.link_points
    if not len(points):
        return None
    a, b = points[:, :-1, :], points[:, 1:, :]
    segment = b - a
    length2 = np.maximum((segment**2).sum(axis=-1), 1e-12)
    offset = np.array([x, y]) - a
    t = np.clip((offset * segment).sum(axis=-1) / length2, 0.0, 1.0)
    nearest = a + segment * t[..., np.newaxis]
    distance = np.sqrt(((np.array([x, y]) - nearest) ** 2).sum(axis=-1)).min(axis=1)
    reach = np.asarray(widths) / 2 + HIT_SLACK
    candidates = np.flatnonzero(distance <= reach)
    if not candidates.size:
        return None
    return int(candidates[np.argmin(distance[candidates])])
