"""Labels whose text changes all the time, held at one size.

A QLabel whose text changes asks its parent for a new layout, and the request
climbs to the window: every widget on the way is laid out and repainted. A
label with a fixed size does not ask (Qt skips the request when the minimum
and maximum sizes agree), so a loss or an epoch counter that changes with every
step repaints only itself.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel


def hold_size(label: QLabel, *samples: str) -> QLabel:
    """Fix ``label``'s size to fit the largest of ``samples`` (its widest texts)."""
    kept = label.text()
    width = height = 0
    for sample in samples:
        label.setText(sample)
        hint = label.sizeHint()
        width, height = max(width, hint.width()), max(height, hint.height())
    label.setText(kept)
    label.setFixedSize(width + 2, height)  # +2: rounding between fonts' metrics
    return label


__all__ = ["hold_size"]
