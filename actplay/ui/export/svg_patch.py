"""A small fix for pyqtgraph 0.14.0's SVG exporter on Qt >= 6.11.

Why this exists: since Qt 6.11, ``QSvgGenerator`` ends closed sub-paths with a
separate ``Z`` (closepath) token, e.g. the view box frame becomes
``d="M0,0 L563.5,0 L563.5,378.5 L0,378.5 L0,0 Z"``. pyqtgraph 0.14.0's
``correctCoordinates`` splits every token of a path at a comma and fails with
``ValueError: not enough values to unpack`` on the lone ``Z``, so every SVG
export of a plot fails (pyqtgraph issue #3495; fixed upstream after 0.14.0).

We patch rather than pin PySide6 below 6.11: 6.11.3 is the version we trust
(see DESIGN.md, "Known traps"), and the fix is small. The wrapper takes the
closepath tokens out of every ``<path d=...>``, lets pyqtgraph transform the
coordinates as before (it maps one token to one token), then puts the ``Z``
tokens back at their places. It is applied once, and only where it is needed
(pyqtgraph <= 0.14.0 on Qt >= 6.11), by our own SVG export (`apply_svg_patch`)
when it first runs. pyqtgraph's own export dialog is out of reach: no plot of
the window has its context menu (``theme.style_plot`` turns it off).
"""

from __future__ import annotations

import importlib
import re

import pyqtgraph
from pyqtgraph.Qt import QtCore

#: Newest pyqtgraph release with the bug; later ones parse closepath themselves.
LAST_BROKEN_PYQTGRAPH = (0, 14, 0)
#: First Qt that writes closepath tokens the old parser cannot read.
FIRST_QT_WITH_CLOSEPATH = (6, 11)

SVG_EXPORTER_MODULE = "pyqtgraph.exporters.SVGExporter"

_CLOSEPATH_TOKENS = ("Z", "z")
_applied = False


def _version_tuple(text: str) -> tuple[int, ...]:
    """Leading numeric parts of a version string: "0.14.0.dev1" -> (0, 14, 0)."""
    parts = []
    for piece in text.split("."):
        match = re.match(r"\d+", piece)
        if match is None:
            break
        parts.append(int(match.group()))
        if match.end() != len(piece):
            break
    return tuple(parts)


def patch_needed(pyqtgraph_version: str | None = None, qt_version: str | None = None) -> bool:
    """Whether the running (or given) pyqtgraph and Qt need the closepath fix.

    Parameters
    ----------
    pyqtgraph_version, qt_version : str, optional
        Versions to judge; default the ones imported.

    Returns
    -------
    bool
        True for pyqtgraph <= 0.14.0 together with Qt >= 6.11.
    """
    pg_version = _version_tuple(pyqtgraph_version or pyqtgraph.__version__)
    qt = _version_tuple(qt_version or QtCore.qVersion())
    return pg_version <= LAST_BROKEN_PYQTGRAPH and qt[:2] >= FIRST_QT_WITH_CLOSEPATH


def _split_closepaths(path_data: str) -> tuple[str, list[int]]:
    """Remove closepath tokens; return the rest and the token indices they had."""
    tokens = path_data.strip().split(" ")
    positions = [i for i, token in enumerate(tokens) if token in _CLOSEPATH_TOKENS]
    kept = [token for token in tokens if token not in _CLOSEPATH_TOKENS]
    return " ".join(kept), positions


def _restore_closepaths(path_data: str, positions: list[int]) -> str:
    """Put closepath tokens back at the indices recorded by `_split_closepaths`."""
    tokens = path_data.strip().split(" ") if path_data.strip() else []
    for index in positions:  # ascending, so earlier insertions keep later indices right
        tokens.insert(index, "Z")
    return " ".join(tokens) + " "


def tolerant_correct_coordinates(original):
    """Wrap pyqtgraph's ``correctCoordinates`` so it accepts closepath tokens.

    Parameters
    ----------
    original : callable
        ``pyqtgraph.exporters.SVGExporter.correctCoordinates``.

    Returns
    -------
    callable
        Same signature; ``Z`` tokens survive the coordinate transform.
    """

    def correct_coordinates(node, defs, item, options):
        # The original moves (never copies) path elements between groups, so
        # the element objects we remember are the ones it rewrites.
        closed_paths = []
        for path in node.getElementsByTagName("path"):
            stripped, positions = _split_closepaths(path.getAttribute("d"))
            if positions:
                path.setAttribute("d", stripped)
                closed_paths.append((path, positions))
        result = original(node, defs, item, options)
        for path, positions in closed_paths:
            path.setAttribute("d", _restore_closepaths(path.getAttribute("d"), positions))
        return result

    correct_coordinates.__wrapped__ = original
    return correct_coordinates


def apply_svg_patch(force: bool = False) -> bool:
    """Install the closepath fix into pyqtgraph's SVG exporter, once.

    Parameters
    ----------
    force : bool
        Install even when the versions say it is not needed (for tests).

    Returns
    -------
    bool
        True when the patch is installed (now or before).
    """
    if _applied:
        return True
    if not (force or patch_needed()):
        return False
    # The package re-exports the class under the module's name, so import the module by path.
    _patch_module(importlib.import_module(SVG_EXPORTER_MODULE))
    return True


def _patch_module(module) -> None:
    """Wrap ``module.correctCoordinates`` (once)."""
    global _applied
    if not _applied:
        module.correctCoordinates = tolerant_correct_coordinates(module.correctCoordinates)
        _applied = True
