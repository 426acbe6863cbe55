"""The curve pane: an activation, its derivatives, comparisons and help."""

from actplay.ui.curve.pane import CurvePane

__all__ = ["CurvePane"]
