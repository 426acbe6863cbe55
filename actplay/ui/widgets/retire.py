"""The one way to take a widget out of a live window.

Rows of sliders and spin boxes are rebuilt while the window runs (a new
function, another input count, a deeper network). ``deleteLater`` alone leaves
the old widget drawn and findable by name until the event loop gets to it, and
deleting it at once can pull it out from under a signal it is still sending.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def retire(widget: QWidget) -> None:
    """Hide ``widget`` and drop its names (and its children's) now; delete it later.

    Until the event loop deletes it, it is neither drawn nor found by
    ``findChild`` in place of its replacement, and a signal it is sending
    finishes safely. Take it out of its layout first if the layout stays.
    """
    widget.hide()
    for part in (widget, *widget.findChildren(QWidget)):
        part.setObjectName("")
    widget.deleteLater()
