"""The one error the model raises when it refuses a value.

Every check of a value the user (a widget, a typed number, a session file, an
undo step) hands the model raises :class:`InvalidValue`, a ``ValueError`` whose
message names the field. It promises three things: the state is as it was,
nothing was emitted, and the message is fit to show the user ("refused").

Any other exception out of the model is a fault, a bug to report, not a
refusal: the ui shows only ``InvalidValue`` as a refused value. A
``ValueError`` from numpy or from ``core`` that reaches the model's caller
unconverted is such a fault. ``session.SessionError`` derives from this class:
a session that does not load is a refused value too, with the file's name in
front of the problem.
"""

from __future__ import annotations


class InvalidValue(ValueError):  # noqa: N818 (a refusal, not a failure: named for what it means)
    """A value the model refuses; the state is unchanged and nothing was emitted."""
