"""Where the network's nodes, edges and heatmap tiles go: pure numpy, no Qt.

The graph view and the heatmap view draw from these arrays and use them to
turn a mouse position back into "which neuron" or "which weight".
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

# |w| bucket edges for drawing: a handful of pens instead of one item per edge.
WEIGHT_BUCKET_EDGES = (0.25, 0.75, 1.5)  # below, between, above -> 4 widths
BUCKET_WIDTHS = (1.0, 2.0, 3.5, 5.0)  # px, thin for small |w|, thick for large
BUCKET_LEVELS = (0.35, 0.6, 0.85, 1.0)  # how far from grey along the colour map


@dataclass(frozen=True)
class GraphGeometry:
    """Positions of every node and the end points of every connection.

    Attributes
    ----------
    layer_sizes : tuple of int
        ``(in, h1, ..., out)``.
    node_x, node_y : ndarray (n_nodes,)
        Node centres; layer ``l`` sits at ``x = l``, its units centred on ``y = 0``
        with unit 0 at the top.
    node_layer, node_unit : ndarray (n_nodes,) of int
        Which layer (0 = input) and unit each node is.
    edge_x, edge_y : ndarray (n_edges, 2)
        Start (source, left) and end (target, right) of every connection.
    edge_index : ndarray (n_edges, 3) of int
        ``(layer, out, in)`` of every connection, layer 1-based as in the model,
        in the same order as the flattened weight matrices.
    """

    layer_sizes: tuple
    node_x: np.ndarray
    node_y: np.ndarray
    node_layer: np.ndarray
    node_unit: np.ndarray
    edge_x: np.ndarray
    edge_y: np.ndarray
    edge_index: np.ndarray


def graph_geometry(layer_sizes) -> GraphGeometry:
    """Lay out a fully connected network as columns of nodes.

    Parameters
    ----------
    layer_sizes : sequence of int
        Units per layer, the input layer first.

    Returns
    -------
    GraphGeometry
    """
    sizes = tuple(int(n) for n in layer_sizes)
    layer_of = np.concatenate([np.full(n, layer) for layer, n in enumerate(sizes)])
    unit_of = np.concatenate([np.arange(n) for n in sizes])
    offsets = np.array([(n - 1) / 2.0 for n in sizes])
    node_x = layer_of.astype(float)
    node_y = offsets[layer_of] - unit_of
    starts = np.concatenate([[0], np.cumsum(sizes)])

    edge_x, edge_y, edge_index = [], [], []
    for layer in range(1, len(sizes)):
        n_out, n_in = sizes[layer], sizes[layer - 1]
        out_idx, in_idx = np.meshgrid(np.arange(n_out), np.arange(n_in), indexing="ij")
        out_idx, in_idx = out_idx.ravel(), in_idx.ravel()
        src = starts[layer - 1] + in_idx
        dst = starts[layer] + out_idx
        edge_x.append(np.stack([node_x[src], node_x[dst]], axis=1))
        edge_y.append(np.stack([node_y[src], node_y[dst]], axis=1))
        edge_index.append(np.stack([np.full_like(out_idx, layer), out_idx, in_idx], axis=1))
    if edge_x:
        ex, ey, ei = np.concatenate(edge_x), np.concatenate(edge_y), np.concatenate(edge_index)
    else:
        ex, ey, ei = np.zeros((0, 2)), np.zeros((0, 2)), np.zeros((0, 3), dtype=int)
    return GraphGeometry(sizes, node_x, node_y, layer_of, unit_of, ex, ey, ei)


def weight_buckets(flat_weights: np.ndarray) -> np.ndarray:
    """Bucket number per weight: ``0..3`` for negative, ``4..7`` for positive.

    The width part grows with ``|w|`` (see ``WEIGHT_BUCKET_EDGES``).
    """
    width = np.searchsorted(np.asarray(WEIGHT_BUCKET_EDGES), np.abs(flat_weights), side="right")
    return np.where(flat_weights < 0, 0, len(BUCKET_WIDTHS)) + width


def nearest_node(geometry: GraphGeometry, x, y, px_w, px_h, radius_px):
    """Index of the node under a point, or None.

    Distances are measured in screen pixels (``px_w``, ``px_h`` are the view
    units per pixel) so the hit area is round whatever the aspect ratio.
    """
    if geometry.node_x.size == 0:
        return None
    dist = np.hypot((geometry.node_x - x) / px_w, (geometry.node_y - y) / px_h)
    best = int(np.argmin(dist))
    return best if dist[best] <= radius_px else None


def nearest_edge(geometry: GraphGeometry, x, y, px_w, px_h, tolerance_px):
    """Index of the connection nearest a point within ``tolerance_px``, or None."""
    if geometry.edge_x.size == 0:
        return None
    ax, bx = geometry.edge_x[:, 0] / px_w, geometry.edge_x[:, 1] / px_w
    ay, by = geometry.edge_y[:, 0] / px_h, geometry.edge_y[:, 1] / px_h
    px, py = x / px_w, y / px_h
    dx, dy = bx - ax, by - ay
    length2 = dx * dx + dy * dy
    t = np.clip(((px - ax) * dx + (py - ay) * dy) / np.maximum(length2, 1e-12), 0.0, 1.0)
    dist = np.hypot(ax + t * dx - px, ay + t * dy - py)
    best = int(np.argmin(dist))
    return best if dist[best] <= tolerance_px else None


def block_mean(images: np.ndarray, factor: int) -> np.ndarray:
    """Shrink ``(n, h, w)`` images by averaging ``factor x factor`` blocks."""
    n, h, w = images.shape
    h2, w2 = h // factor, w // factor
    trimmed = images[:, : h2 * factor, : w2 * factor]
    return trimmed.reshape(n, h2, factor, w2, factor).mean(axis=(2, 4), dtype=np.float32)


def tile_mosaic(rows, tile: int, gap: int) -> np.ndarray:
    """Tile per-layer stacks of square images into one float32 array.

    Parameters
    ----------
    rows : list of ndarray (n_i, tile, tile)
        One stack per layer; layer ``i`` becomes row ``i`` of the mosaic, unit
        ``j`` column ``j``.
    tile, gap : int
        Tile side and the gap between tiles, in pixels.

    Returns
    -------
    ndarray (n_rows * (tile + gap) - gap, max_n * (tile + gap) - gap), float32
        Row 0 at index 0; gaps and unused slots are NaN (drawn transparent).
    """
    step = tile + gap
    width = max(len(r) for r in rows) * step - gap
    mosaic = np.full((len(rows) * step - gap, width), np.nan, dtype=np.float32)
    for i, stack in enumerate(rows):
        n = len(stack)
        # (n, t, t) -> (t, n, t) -> (t, n*t); then put gaps in with a strided view.
        padded = np.full((tile, n, step), np.nan, dtype=np.float32)
        padded[:, :, :tile] = np.transpose(stack, (1, 0, 2))
        mosaic[i * step : i * step + tile, : n * step - gap] = padded.reshape(tile, n * step)[
            :, : n * step - gap
        ]
    return mosaic


def mosaic_tile_at(col: float, row: float, tile: int, gap: int, counts):
    """Which ``(row_index, unit)`` tile contains a mosaic pixel, or None."""
    step = tile + gap
    if col < 0 or row < 0:
        return None
    r, c = int(row // step), int(col // step)
    if r >= len(counts) or c >= counts[r] or row - r * step >= tile or col - c * step >= tile:
        return None
    return r, c
