"""Pictures of a pane for notebooks and scripts, drawn by the window's own widgets.

`plot` starts an offscreen QApplication the first time it is called (unless one
runs already, as in a Qt notebook), builds the pane's widget from the same classes
the window uses and renders it through the export's picture path, so a picture
here is the picture ``actplay export`` and File -> Export make. Importing this
module imports no Qt.
"""

from __future__ import annotations

import os

PANES = ("curve", "neuron", "network", "heatmaps", "window")
FORMATS = ("png", "svg", "pdf", "jpg", "bmp")


class Picture:
    """Encoded picture bytes; a notebook shows it (``_repr_png_`` / ``_repr_svg_``).

    Attributes
    ----------
    data : bytes
    format : str
        ``"png"``, ``"svg"``, ``"pdf"``, ``"jpg"`` or ``"bmp"``.
    """

    def __init__(self, data: bytes, export_format: str) -> None:
        self.data = bytes(data)
        self.format = export_format

    def __bytes__(self) -> bytes:
        return self.data

    def _repr_png_(self):
        return self.data if self.format == "png" else None

    def _repr_svg_(self):
        return self.data.decode("utf-8") if self.format == "svg" else None

    def save(self, path) -> None:
        """Write the bytes to ``path`` atomically."""
        from actplay.model.atomic_file import write_atomic

        write_atomic(os.fspath(path), self.data)

    def __repr__(self) -> str:
        return f"<Picture {self.format}, {len(self.data)} bytes>"


def _playground(source):
    from actplay.core.network import Network
    from actplay.model.playground import Playground

    if isinstance(source, Playground):
        return source
    if isinstance(source, Network):
        from actplay.api.sessions import playground_with

        return playground_with(source)
    if isinstance(source, (str, os.PathLike)):
        from actplay.model import session

        return session.load(source)
    raise TypeError(f"plot() draws a Playground, a Network or a session path, not {source!r}")


def plot(source, pane: str = "curve", size=None, scale: float = 1.0, format: str = "png"):
    """Draw ``pane`` of ``source`` and return it as a `Picture`.

    Parameters
    ----------
    source : Playground, Network or path
        A session (loaded or a file) or a network (shown in a default session).
    pane : str
        ``"curve"``, ``"neuron"``, ``"network"``, ``"heatmaps"`` or ``"window"``.
    size : (int, int), optional
        Pixels (points for PDF); default: the command line's size for the pane.
    scale : float
        Device pixel ratio of a PNG (2 = crisp on a high-DPI screen).
    format : str
        ``"png"`` (default), ``"svg"``, ``"pdf"``, ``"jpg"`` or ``"bmp"``.
    """
    if pane not in PANES:
        raise ValueError(f"unknown pane {pane!r}; use one of {', '.join(PANES)}")
    if format not in FORMATS:
        raise ValueError(f"unknown picture format {format!r}; use one of {', '.join(FORMATS)}")
    model = _playground(source)
    from actplay.app.offscreen_panes import DEFAULT_PANE_SIZES, pane_widget
    from actplay.ui.export import formats, sizes
    from actplay.ui.export.offscreen import offscreen_application, offscreen_picture

    size = tuple(size) if size is not None else DEFAULT_PANE_SIZES[pane]
    sizes.check_pixels(*size, scale if format in formats.RASTER_FORMATS else 1.0)
    offscreen_application()
    data = offscreen_picture(pane_widget(model, pane), format, size, scale)
    return Picture(data, format)
