"""The network panel: the graph, unit heatmaps, layer bars, diagnostics and architecture."""

from actplay.ui.network.panel import NetworkPanel

__all__ = ["NetworkPanel"]
