"""The help box: what the chosen activation is, and when to use it.

Shows the formula, the derivative's formula, the output range, the
function's properties and the library's description, as read-only rich text.
"""

from __future__ import annotations

import math

from PySide6.QtWidgets import QTextBrowser, QWidget

from actplay.core import activations
from actplay.ui import theme
from actplay.ui.widgets.edge_fade import BottomFade
from actplay.ui.widgets.markup import escape

PROPERTY_NAMES = (
    ("monotonic", "monotonic"),
    ("smooth", "smooth"),
    ("zero_centred", "zero-centred"),
    ("bounded", "bounded"),
)


def format_bound(value: float) -> str:
    """A range end for people: ``-inf`` as ``-\u221e``, numbers compactly."""
    if math.isinf(value):
        return "\u221e" if value > 0 else "\u2212\u221e"
    return f"{value:g}".replace("-", "\u2212")


def format_range(output_range: tuple[float, float]) -> str:
    """``(lo, hi)`` as an interval, open at infinite ends, e.g. ``[0, \u221e)``."""
    lo, hi = output_range
    left = "(" if math.isinf(lo) else "["
    right = ")" if math.isinf(hi) else "]"
    return f"{left}{format_bound(lo)}, {format_bound(hi)}{right}"


def properties_text(activation) -> str:
    """``"monotonic, smooth; not zero-centred, not bounded"`` for an activation, with
    ``"; unknown: smooth"`` for what sampling a custom function could not decide."""
    unknown = getattr(activation, "unknown", frozenset())
    known = [(attribute, label) for attribute, label in PROPERTY_NAMES if attribute not in unknown]
    has = [label for attribute, label in known if getattr(activation, attribute, False)]
    lacks = [
        f"not {label}" for attribute, label in known if not getattr(activation, attribute, False)
    ]
    undecided = [label for attribute, label in PROPERTY_NAMES if attribute in unknown]
    parts = [", ".join(has), ", ".join(lacks)]
    if undecided:
        parts.append("unknown: " + ", ".join(undecided))
    return "; ".join(part for part in parts if part)


def help_html(name: str, lookup=None) -> str:
    """The help box's rich text for activation ``name`` (``lookup``: name -> Activation,
    the registry when not given)."""
    try:
        activation = (lookup or activations.get)(name)
    except (KeyError, ValueError):
        return f"<p><b>{escape(name)}</b>: no help for this function.</p>"
    rows = [
        ("Formula", f"<code>{escape(activation.formula)}</code>"),
        ("Derivative", f"<code>{escape(activation.derivative_formula)}</code>"),
        ("Output range", escape(format_range(activation.output_range))),
        ("Properties", escape(properties_text(activation))),
    ]
    for spec in activation.params:
        rows.append(
            (
                f"<i>{escape(spec.name)}</i>",
                escape(f"{spec.description} (default {spec.default:g})"),
            )
        )
    muted = theme.muted_text_colour()
    table = "".join(
        f"<tr><td style='padding-right:8px; color:{muted}'>{label}</td><td>{value}</td></tr>"
        for label, value in rows
    )
    return (
        f"<h3 style='margin:0'>{escape(activation.title)} "
        f"<span style='color:{muted}; font-weight:normal'>({escape(activation.name)}, "
        f"{escape(activation.group)})</span></h3>"
        f"<table cellspacing='2'>{table}</table>"
        f"<p style='margin-top:6px'>{escape(activation.description)}</p>"
    )


class HelpBox(QTextBrowser):
    """Read-only help text for the curve pane's main function."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("help_box")
        self.setOpenExternalLinks(False)
        self.setReadOnly(True)
        self._shown: str | None = None
        self._shown_key = None  # (name, theme colour, Activation) the text was written for
        self.bottom_fade = BottomFade(self)  # the line cut by the box's edge fades out

    def show_function(self, name: str, lookup=None) -> None:
        """Show the help of activation ``name`` (does nothing if it is already shown)."""
        # the function object too: an edited custom function keeps its name
        try:
            function = (lookup or activations.get)(name)
        except (KeyError, ValueError):
            function = None
        key = (name, theme.muted_text_colour(), function)
        if key == self._shown_key:
            return
        self._shown, self._shown_key = name, key
        self.setHtml(help_html(name, lookup))

    def shown(self) -> str | None:
        """Name of the function whose help is shown."""
        return self._shown
