"""`limit_native_caches` fixes glibc's mmap threshold: big freed buffers leave the heap.

Each case runs in a fresh interpreter (the setting is process-wide and cannot be
undone): it frees one 4 MiB block, which raises glibc's *dynamic* threshold to
4 MiB, then asks for 1 MiB and reads from ``mallinfo2`` whether that block got
its own mapping. Without the call it comes from the heap; with it, it is mapped.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

from actplay.app import process as native_memory

ROOT = Path(__file__).resolve().parents[2]
PROBE = """
import ctypes, ctypes.util, sys
from actplay.app.process import limit_native_caches
class Info(ctypes.Structure):
    _fields_ = [(n, ctypes.c_size_t) for n in ("arena", "ordblks", "smblks", "hblks",
                "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks", "keepcost")]
libc = ctypes.CDLL(ctypes.util.find_library("c"))
libc.mallinfo2.restype = Info
libc.malloc.restype = ctypes.c_void_p
libc.malloc.argtypes = [ctypes.c_size_t]
libc.free.argtypes = [ctypes.c_void_p]
applied = limit_native_caches() if sys.argv[1] == "limit" else {}
libc.free(libc.malloc(4 << 20))  # mapped, then freed: a dynamic threshold rises to 4 MiB
mapped_before = libc.mallinfo2().hblks
block = libc.malloc(1 << 20)
print(applied.get("mmap_threshold", 0), libc.mallinfo2().hblks - mapped_before)
libc.free(block)
"""


def _on_glibc() -> bool:
    try:
        ctypes.CDLL(ctypes.util.find_library("c")).mallinfo2  # noqa: B018
    except (OSError, AttributeError):
        return False
    return sys.platform.startswith("linux")


def _probe(mode: str) -> tuple[int, int]:
    # MALLOC_*_ variables would fix the threshold in the plain case too.
    env = {k: v for k, v in os.environ.items() if not k.startswith("MALLOC_")}
    done = subprocess.run(
        [sys.executable, "-c", PROBE, mode],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    threshold, new_mappings = done.stdout.split()
    return int(threshold), int(new_mappings)


@pytest.mark.skipif(not _on_glibc(), reason="glibc's malloc only")
def test_a_megabyte_is_mapped_with_the_limit_and_heap_allocated_without():
    assert _probe("plain") == (0, 0)  # the dynamic threshold kept 1 MiB in the heap
    assert _probe("limit") == (native_memory.MMAP_THRESHOLD_BYTES, 1)


def test_a_threshold_that_is_not_positive_is_refused():
    with pytest.raises(ValueError, match="positive"):
        native_memory.limit_native_caches(0)


def test_off_glibc_nothing_is_applied(monkeypatch):
    monkeypatch.setattr(native_memory, "_glibc", lambda: None)
    assert native_memory.limit_native_caches() == {}
