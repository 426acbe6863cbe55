"""The ``view`` section: what the views highlight, never saved in a session.

Today that is one weight of the network, picked on the network canvas; its
slider edits it. A change of the network's layer sizes (or a loaded session)
releases a selection that no longer exists.
"""

from __future__ import annotations

from actplay.model import limits as lim


def weight_exists(sizes, layer: int, out: int, in_: int) -> bool:
    """True when a network of ``sizes`` has weight ``(layer, out, in_)`` (layer 1-based)."""
    return 1 <= layer < len(sizes) and out < sizes[layer] and in_ < sizes[layer - 1]


class ViewSection:
    """The highlighted weight; setters touch ``view``.

    Parameters
    ----------
    parts : Parts
        The Playground's sections (the selection is checked against the network).
    """

    def __init__(self, parts) -> None:
        self._parts = parts
        self._selected: tuple[int, int, int] | None = None

    @property
    def selected_weight(self) -> tuple[int, int, int] | None:
        """``None`` or ``(layer, out, in)`` of the weight the network panel highlights."""
        return self._selected

    def select_weight(self, layer: int, out: int, in_: int) -> None:
        """Highlight one weight of the network (layer 1-based). Touches ``view``."""
        sizes = self._parts.network.layer_sizes
        layer = lim.check_int("layer", layer, 1, len(sizes) - 1)
        selection = (
            layer,
            lim.check_int("selected weight row", out, 0, sizes[layer] - 1),
            lim.check_int("selected weight column", in_, 0, sizes[layer - 1] - 1),
        )
        if selection == self._selected:
            return
        self._selected = selection
        self._parts.touch({"view"})

    def clear_selected_weight(self) -> None:
        """Remove the weight highlight. Touches ``view``."""
        if self._selected is None:
            return
        self._selected = None
        self._parts.touch({"view"})

    def release_missing(self, sizes) -> bool:
        """Forget a selection a network of ``sizes`` does not have (no event); True if so."""
        if self._selected is None or weight_exists(sizes, *self._selected):
            return False
        self._selected = None
        return True
