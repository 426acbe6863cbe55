"""A pane of the window made alone, for a picture drawn without a window.

``actplay export`` and the Python API's `plot` draw a pane with the window's own
classes: the panel is built on a model, and its plot (axes, legend, no controls
around it) is taken out as a widget of its own, so the picture's size is the
plot's size exactly. ``window`` is the whole main window.
"""

from __future__ import annotations

import importlib

from actplay.app.cli import CliError

#: The panes a picture can show.
PANES = ("curve", "neuron", "network", "heatmaps", "window")
#: Qt's QWIDGETSIZE_MAX: no maximum size.
MAX_WIDGET_SIZE = 16777215
#: The window's own widget class drawing each pane (module, class).
PANE_CLASSES = {
    "curve": ("actplay.ui.curve.pane", "CurvePane"),
    "neuron": ("actplay.ui.neuron.panel", "NeuronPanel"),
    "network": ("actplay.ui.network.panel", "NetworkPanel"),
    "heatmaps": ("actplay.ui.network.panel", "NetworkPanel"),
}
#: Logical size of each pane's plot when no size is given (a scale multiplies it).
DEFAULT_PANE_SIZES = {
    "curve": (900, 560),
    "neuron": (640, 420),
    "network": (760, 520),
    "heatmaps": (560, 760),
    "window": (1400, 900),
}


def pane_widget(model, pane: str, show_neuron: bool = True):
    """A fresh, unshown widget drawing ``pane`` of ``model``, made by the window's own classes.

    For a pane this is the panel's plot (``export.pane_export.pane_plot``) taken out of
    the panel as a window of its own, so that the picture's size is the plot's size
    exactly; the panel that feeds it is kept as ``widget.export_panel``.
    ``window`` is the whole main window. ``show_neuron=False`` leaves the
    neuron's marker, tangent and (z, a) readout off the curve plot.

    Raises
    ------
    CliError
        For ``heatmaps`` of a network whose inputs are not a point of the plane.
    """
    if pane == "window":
        from actplay.ui.shell.main_window import MainWindow

        return MainWindow(model)
    from actplay.ui import theme
    from actplay.ui.export.pane_export import pane_plot

    theme.apply_plot_defaults()  # what MainWindow does first: plots in the theme's colours
    module_name, class_name = PANE_CLASSES[pane]
    pane_class = getattr(importlib.import_module(module_name), class_name)
    panel = pane_class(model)
    panel.refresh(frozenset(pane_class.SECTIONS))
    if pane == "curve" and not show_neuron:
        panel.set_neuron_shown(False)
    if pane == "heatmaps" and model.unit_grids(2) is None:
        panel.deleteLater()
        raise CliError(
            "heatmaps need a network whose inputs are a point of the plane (2 inputs) "
            "or the data set's features"
        )
    widget = pane_plot(panel, pane)
    widget.setParent(None)
    widget.setMaximumSize(MAX_WIDGET_SIZE, MAX_WIDGET_SIZE)  # a dock's height cap is no limit here
    widget.export_panel = panel
    if hasattr(widget, "key_in_picture"):
        widget.key_in_picture = True  # the network canvas carries its colour key in a corner
    return widget
