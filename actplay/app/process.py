"""Keep the C heap from hoarding freed buffers over a long session.

glibc's malloc serves a request above its *mmap threshold* with a private
mapping that goes back to the system on ``free``; smaller ones come from the
heap, whose freed holes stay resident. The threshold starts at 128 KiB but is
*dynamic*: each time a mapped block is freed, the threshold rises to that
block's size (up to 32 MiB). After the first big image or array is freed, the
large, short-lived buffers of a repaint (pixmap and image rasters, heatmap
arrays) land in the heap instead, and the holes they leave between longer-lived
allocations keep resident memory 10-20 MiB above what is live, a little more
after every new peak. A soak of 20,000 random changes held 13-25 MiB free in
the heap with the dynamic threshold and 3-10 MiB with a fixed one, RSS flat
(``benchmarks/RESULTS.md``, the "Soak memory" section).

Setting the threshold once, at start-up, also fixes it (glibc stops adjusting
it and the trim threshold), so big buffers keep going back to the system.
Elsewhere than glibc (macOS, Windows, musl) this does nothing.
"""

from __future__ import annotations

import ctypes
import sys

# Above this, an allocation is its own mapping, returned on free. Larger than a
# typical widget's or small plot's scratch buffer, smaller than a plot-sized raster.
MMAP_THRESHOLD_BYTES = 256 * 1024
M_MMAP_THRESHOLD = -3  # glibc's mallopt parameter number (malloc.h)


def _glibc():
    """The process's C library when it is glibc (it has ``mallopt``), else None."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        # The process's own symbols: find_library("c") would spawn ldconfig, a process.
        libc = ctypes.CDLL(None)
        gnu_version = libc.gnu_get_libc_version  # glibc only: musl has no such symbol
        libc.mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
        libc.mallopt.restype = ctypes.c_int
    except (OSError, AttributeError):
        return None
    gnu_version.restype = ctypes.c_char_p
    return libc


def limit_native_caches(mmap_threshold: int = MMAP_THRESHOLD_BYTES) -> dict:
    """Fix glibc's mmap threshold so large freed buffers go back to the system.

    Call once, early (before the window is built); later calls just set the
    same value again. Affects the whole process.

    Parameters
    ----------
    mmap_threshold : int
        Allocations of at least this many bytes get their own mapping.

    Returns
    -------
    dict
        What was applied: ``{"mmap_threshold": bytes}``, or ``{}`` when the C
        library is not glibc or refused the setting.
    """
    if mmap_threshold <= 0:
        raise ValueError(f"mmap_threshold must be positive, got {mmap_threshold}")
    libc = _glibc()
    if libc is None or libc.mallopt(M_MMAP_THRESHOLD, mmap_threshold) != 1:
        return {}
    return {"mmap_threshold": mmap_threshold}
