"""A quicker answer to PySide's question, asked of every module imported after it.

Once PySide6 is imported, its ``__feature__`` support looks at each newly
imported module to decide whether the module may switch PySide features
(``snake_case``, ``true_property``): it asks ``inspect.getsource`` for the
module's whole source and searches it for "PySide6". ``inspect`` finds the
file, reads it through ``linecache`` (which then keeps every line of it in
memory) and decodes it: about 0.1 ms a module. pyqtgraph and actplay import
~400 modules after PySide6, so the start-up paid ~40 ms of CPU for the question
(benchmarks/RESULTS.md, "Costs the code relies on").

`quicken` puts in a check that gives the same answer by reading the module's
file and searching its bytes; anything that is not a plain ``.py`` file goes to
PySide's own check. It changes nothing when PySide's internals are not the ones
it was written for (another PySide version): the question is then asked as
before.
"""

from __future__ import annotations

import sys

FEATURE_MODULE = "shibokensupport.feature"  # where PySide keeps the hook (6.4 and later)
MARK = b"PySide6"  # what PySide's check searches the source for


def uses_pyside(module, fallback) -> bool:
    """Whether ``module``'s source mentions PySide6; ``fallback(module)`` if not a .py file."""
    try:
        origin = module.__spec__.origin
    except Exception:  # noqa: BLE001 (no spec, or a module-like object that raises on reads)
        origin = None
    if isinstance(origin, str) and origin.endswith(".py"):
        try:
            with open(origin, "rb") as source:
                return MARK in source.read()
        except OSError:
            pass  # not a file after all (a zip archive's member): ask PySide
    return fallback(module)


def quicken() -> bool:
    """Answer PySide's per-import question the quick way; True when it now is.

    Call after PySide6 is imported and before the bulk of the imports (pyqtgraph,
    the window's modules). Calling it again does nothing more.
    """
    feature = sys.modules.get(FEATURE_MODULE)
    original = getattr(feature, "_mod_uses_pyside", None)
    if original is None or not callable(original):
        return False
    if getattr(original, "quickened", False):
        return True
    names = getattr(getattr(feature, "feature_imported", None), "__code__", None)
    if names is None or "_mod_uses_pyside" not in names.co_names:
        return False  # the hook no longer asks this function: leave PySide as it is

    def quick(module) -> bool:
        return uses_pyside(module, original)

    quick.quickened = True
    quick.original = original
    feature._mod_uses_pyside = quick
    return True
