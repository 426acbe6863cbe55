"""Softmax over one axis, for output layers.

It is not in the registry because it maps a whole layer to a probability
vector instead of acting on each number alone.
"""

from __future__ import annotations

import numpy as np


def softmax(z: object, axis: int = -1) -> np.ndarray:
    """Return exp(z) / sum(exp(z)) along ``axis``, stable for any finite logits.

    Parameters
    ----------
    z : array_like
        Logits, at least one-dimensional. float32 input gives float32 output,
        anything else float64.
    axis : int
        The axis that sums to 1.

    Returns
    -------
    ndarray
        Same shape as ``z``; every slice along ``axis`` is non-negative and sums to 1.

    Notes
    -----
    Subtracting the largest logit first keeps every exponent <= 0, so logits of
    +-1e4 (or +-1e300) neither overflow nor turn into 0/0.
    """
    logits = np.asarray(z)
    dtype = np.float32 if logits.dtype == np.float32 else np.float64
    logits = logits.astype(np.float64, copy=False)
    if logits.ndim == 0:
        raise ValueError("softmax needs at least one dimension (a layer of values)")
    shifted = logits - np.max(logits, axis=axis, keepdims=True)
    weights = np.exp(shifted)
    return (weights / np.sum(weights, axis=axis, keepdims=True)).astype(dtype)
