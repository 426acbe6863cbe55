"""A pane of the window as a picture, or the window's data as a file: what File >
Export, a pane's right-click menu and Copy Image draw and write.

An export of a pane draws its plot with its axes and legend, not the controls around
it; ``"window"`` is the whole window. Pictures default to at least 2x and
`MIN_EXPORT_WIDTH` pixels wide. The files are written by ``export.formats`` (the same
code as ``actplay export``), atomically.
"""

from __future__ import annotations

import contextlib
import math

from PySide6 import QtGui, QtWidgets

from actplay.ui.export import render as export
from actplay.ui.i18n import translate

#: Panes the dialog and the right-click menus offer, in menu order.
PANE_ORDER = ("curve", "neuron", "network", "window")


def pane_title(pane: str) -> str:
    """The title of ``pane`` (a name of `PANE_ORDER`), translated when it is asked for."""
    return {
        "curve": translate("export", "Curve plot"),
        "neuron": translate("export", "Neuron chart"),
        "network": translate("export", "Network canvas"),
        "window": translate("export", "Whole window"),
    }[pane]


#: Formats that write the network as a Python script (the extension cannot tell them apart).
SCRIPT_FORMATS = ("torch", "numpy")
MAX_EXPORT_SCALE = 8.0  # same ceiling as the command line


#: What an export of each pane draws: the panel (a window attribute), then the path to its
#: plot. Slides want the plot with its axes and legend, not the sliders around it.
PANE_PLOTS = {
    "curve": ("curve_pane", "plot"),
    "neuron": ("neuron_panel", "bars"),
    "network": ("network_panel", "canvas"),
    # the canvas draws every unit as its heatmap: "heatmaps" is kept as another name for it
    "heatmaps": ("network_panel", "canvas"),
}


def pane_plot(panel, pane: str):
    """The plot widget of ``panel`` that an export of ``pane`` draws (None when missing).

    Parameters
    ----------
    panel : QWidget
        The panel holding the pane: a `CurvePane`, `NeuronPanel` or `NetworkPanel`.
    pane : str
        A key of `PANE_PLOTS`.
    """
    widget = panel
    for name in PANE_PLOTS[pane][1:]:
        widget = getattr(widget, name, None)
    return widget


def pane_widgets(window) -> dict:
    """The widgets of ``window`` that can be exported, by pane name (missing ones left out).

    Each pane is its plot only; ``"window"`` is the whole window.
    """
    candidates = {}
    for pane, (panel_name, *_path) in PANE_PLOTS.items():
        if pane not in PANE_ORDER:  # another name for a pane listed already
            continue
        panel = getattr(window, panel_name, None)
        candidates[pane] = None if panel is None else pane_plot(panel, pane)
    candidates["window"] = window
    return {pane: widget for pane, widget in candidates.items() if widget is not None}


MIN_EXPORT_WIDTH = 1200  # px: a picture for a slide or a page, not a thumbnail
SCALE_STEP = 0.25  # the scale box's resolution


def default_scale(widget) -> float:
    """At least 2x (and the screen's ratio), and at least `MIN_EXPORT_WIDTH` pixels wide.

    A plot pane is ~500 px on screen: at 1x its picture was too small to use.
    """
    wanted = max(2.0, float(widget.devicePixelRatioF()), MIN_EXPORT_WIDTH / max(widget.width(), 1))
    return min(MAX_EXPORT_SCALE, math.ceil(wanted / SCALE_STEP) * SCALE_STEP)


@contextlib.contextmanager
def picture_of(widget):
    """While ``widget`` is drawn for a picture: a pane that has a colour key shows it
    (the network canvas draws the key under it into its own corner), and a plot that
    thins its curves for the screen draws every sample."""
    has_key = hasattr(widget, "key_in_picture")
    every_sample = getattr(widget, "draw_every_sample", None)
    if has_key:
        widget.key_in_picture = True
    if every_sample is not None:
        every_sample(True)
    try:
        yield widget
    finally:
        if has_key:
            widget.key_in_picture = False
        if every_sample is not None:
            every_sample(False)


def export_pane(window, pane: str, path, scale: float = 1.0, export_format=None) -> None:
    """Write ``pane`` of ``window`` to ``path`` in ``export_format`` (default: the extension's).

    CSV and JSON hold the curve data and session of ``window.model`` whatever the pane;
    ``"torch"`` and ``"numpy"`` write its network as a script.

    Raises
    ------
    ValueError
        Unknown extension, missing folder, or SVG of a pane without a plot.
    OSError
        When the file cannot be written (the target is then untouched).
    """
    from actplay.ui.export import (
        formats as export_formats,  # csv and json: not needed to start the window
    )

    export_format = export_format or export_formats.format_for_path(path)
    if export_format in SCRIPT_FORMATS:
        from actplay.model import network_script

        text = network_script.script_text(window.model, export_format)
        export_formats.write_atomic(path, text.encode("utf-8"))
    elif export_format == "csv":
        export_formats.write_csv(window.model, path)
    elif export_format == "json":
        export_formats.write_json(window.model, path)
    else:  # a picture of the pane as it is on screen, with its colour key
        with picture_of(pane_widgets(window)[pane]) as widget:
            export_formats.write_image(widget, path, None, scale)


def copy_pane_image(window, pane: str = "window") -> QtGui.QImage:
    """Put ``pane`` of ``window`` on the clipboard as an image, at screen sharpness."""
    with picture_of(pane_widgets(window)[pane]) as widget:
        image = export.render_widget(widget, None, default_scale(widget))
    QtWidgets.QApplication.clipboard().setImage(image)
    return image
