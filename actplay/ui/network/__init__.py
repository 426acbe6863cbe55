"""The network panel: the canvas (units drawn as heatmap tiles, links), inputs, layer bars,
diagnostics and the architecture editor."""

from actplay.ui.network.panel import NetworkPanel

__all__ = ["NetworkPanel"]
