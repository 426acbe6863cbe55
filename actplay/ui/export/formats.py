"""Data formats of an export (CSV, JSON) and the atomic file write they all share.

Every export, image or data, ends in :func:`write_atomic`: the bytes go to a
temporary file in the target folder, which is then renamed over the target
(``os.replace``, atomic on one file system). A failure at any point leaves the
target as it was: never a half-written file, never a stray new one.

CSV holds the curve pane's plotted data: ``x``, then one column per visible
curve and derivative (main function first, then each comparison), in the
order of ``Playground.curve_data().series``. The header names each column's
function, its parameters and the derivative order, e.g. ``d/dx elu(alpha=1.0)``.
Numbers are ``repr`` of the float, so they read back bit for bit.

JSON is a session file (``session.to_dict``) plus a ``"data"`` key holding the
plotted arrays, so the same file opens again as a session.

PNG is the widget rendered by ``export.render_widget`` (the ``--screenshot``
code) at a chosen size and device pixel ratio. SVG is pyqtgraph's SVG exporter
run on the widget's plot (its largest pyqtgraph view), with every curve drawn
as one path; a widget without a plot has no SVG form.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os

import numpy as np

from actplay.model import atomic_file

#: File extensions an export understands, and the format each one means.
FORMATS = {".png": "png", ".svg": "svg", ".csv": "csv", ".json": "json"}
#: Formats that are pictures of a pane; the others hold the curve data.
IMAGE_FORMATS = ("png", "svg")

#: How the header names each kind of series (the derivative order).
KIND_PREFIX = {"f": "", "df": "d/dx ", "d2f": "d2/dx2 "}


def format_for_path(path) -> str:
    """The export format a file name asks for, from its extension.

    Parameters
    ----------
    path : str or os.PathLike

    Returns
    -------
    str
        One of ``"png"``, ``"svg"``, ``"csv"``, ``"json"``.

    Raises
    ------
    ValueError
        For any other extension, naming the ones we know.
    """
    extension = os.path.splitext(os.fspath(path))[1].lower()
    try:
        return FORMATS[extension]
    except KeyError:
        known = " ".join(FORMATS)
        shown = repr(extension) if extension else "none"
        raise ValueError(f"unknown file extension {shown}; use one of {known}") from None


def check_target(path) -> str:
    """Check that ``path`` can be written as an export; return it as a string.

    Raises
    ------
    ValueError
        When the folder does not exist or ``path`` is a folder.
    """
    path = os.fspath(path)
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise ValueError(f"output folder does not exist: {folder}")
    if os.path.isdir(path):
        raise ValueError(f"output path is a folder: {path}")
    return path


def write_atomic(path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename.

    Parameters
    ----------
    path : str or os.PathLike
        Target file; its folder must exist.
    data : bytes

    Raises
    ------
    ValueError
        When the folder is missing or ``path`` is a folder (:func:`check_target`).
    OSError
        When the folder is not writable or the disk is full; the target is then
        untouched and no temporary file is left behind.
    """
    atomic_file.write_atomic(check_target(path), data)


def function_title(activation: str, params: dict) -> str:
    """``name(key=value, ...)``: a function with its parameters, for headers and legends."""
    if not params:
        return activation
    inside = ", ".join(f"{key}={float(value)!r}" for key, value in params.items())
    return f"{activation}({inside})"


def series_header(series) -> str:
    """The CSV column name of one plotted series (function, params, derivative order)."""
    return KIND_PREFIX[series.kind] + function_title(series.activation, series.params)


def curve_csv_text(curve_data) -> str:
    """The CSV text of a ``CurveData``: header row, then one row per x sample.

    Parameters
    ----------
    curve_data : CurveData
        ``Playground.curve_data()``.

    Returns
    -------
    str
        Comma-separated, ``\\n`` line ends, every number ``repr(float)``.
    """
    columns = [np.asarray(curve_data.x, dtype=np.float64)]
    columns += [np.asarray(series.y, dtype=np.float64) for series in curve_data.series]
    text_columns = [list(map(repr, column.tolist())) for column in columns]
    stream = io.StringIO()
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(["x"] + [series_header(series) for series in curve_data.series])
    writer.writerows(zip(*text_columns, strict=True))
    return stream.getvalue()


def _json_floats(values) -> list:
    """Floats for JSON; non-finite samples become ``null`` (JSON has no NaN)."""
    return [
        value if math.isfinite(value) else None
        for value in np.asarray(values, dtype=np.float64).tolist()
    ]


def curve_data_dict(curve_data) -> dict:
    """The ``"data"`` entry of a JSON export: x and every plotted series."""
    return {
        "x": _json_floats(curve_data.x),
        "series": [
            {
                "key": series.key,
                "label": series.label,
                "activation": series.activation,
                "params": {key: float(value) for key, value in series.params.items()},
                "kind": series.kind,
                "y": _json_floats(series.y),
            }
            for series in curve_data.series
        ],
    }


def export_json_dict(playground) -> dict:
    """A session dictionary of ``playground`` plus its plotted data under ``"data"``."""
    from actplay.model import session

    document = session.to_dict(playground)
    document["data"] = curve_data_dict(playground.curve_data())
    return document


def export_json_text(playground) -> str:
    """The JSON text of :func:`export_json_dict`, indented, strict (no NaN)."""
    return json.dumps(export_json_dict(playground), indent=2, allow_nan=False) + "\n"


def png_bytes(widget, size=None, scale: float = 1.0) -> bytes:
    """``widget`` rendered to PNG bytes: ``size`` logical pixels times ``scale``."""
    from actplay.ui.export import render as export

    image = (
        render_exact(widget, size, scale)
        if size is not None
        else export.render_widget(widget, None, scale)
    )
    return export.encode_image(image, "PNG")


def render_exact(widget, size, scale: float = 1.0):
    """Render ``widget`` to an image of exactly ``size * scale`` pixels.

    A pane cannot shrink below its layout's minimum size; when asked for less,
    it is laid out at a proportionally larger size and drawn with a smaller
    device pixel ratio, so the picture keeps its layout and still has the
    requested pixel size.
    """
    from PySide6.QtCore import QSize, Qt

    from actplay.ui.export import render as export

    width, height = size
    target = QSize(round(width * scale), round(height * scale))
    image = export.render_widget(widget, (width, height), scale)
    actual = widget.size()
    if (actual.width(), actual.height()) != (width, height):
        enlarge = max(actual.width() / width, actual.height() / height, 1.0)
        logical = (math.ceil(width * enlarge), math.ceil(height * enlarge))
        image = export.render_widget(widget, logical, scale / enlarge)
    if image.size() != target:  # at most a pixel of rounding; stretch it away
        image = image.scaled(
            target, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
    image.setDevicePixelRatio(scale)
    return image


def vector_view(widget):
    """The pyqtgraph view an SVG of ``widget`` shows: itself, or its largest visible one."""
    import pyqtgraph as pg
    from PySide6.QtWidgets import QMainWindow

    if isinstance(widget, QMainWindow):  # many plots and controls: no single vector picture
        return None
    if isinstance(widget, pg.GraphicsView):
        return widget
    views = [view for view in widget.findChildren(pg.GraphicsView) if view.isVisibleTo(widget)]
    if not views:
        return None
    return max(views, key=lambda view: view.width() * view.height())


def svg_bytes(widget, size=None) -> bytes:
    """The plot of ``widget`` as SVG bytes, every curve one ``<path>``.

    Raises
    ------
    ValueError
        When ``widget`` holds no plot (e.g. the whole window: export it as PNG).
    """
    import pyqtgraph as pg
    from pyqtgraph.exporters import SVGExporter

    from actplay.ui import theme
    from actplay.ui.export import render as export
    from actplay.ui.export.svg_patch import apply_svg_patch

    apply_svg_patch()
    if size is not None:
        widget.resize(*size)
    export.settle(widget)
    if getattr(widget, "PAINTS_VECTORS", False):
        return painted_svg_bytes(widget)
    view = vector_view(widget)
    if view is None:
        raise ValueError("SVG is available for the plot panes; export this one as PNG")
    curves = [item for item in view.scene().items() if isinstance(item, pg.PlotCurveItem)]
    # A pen wider than 1 px is drawn as thousands of two-point segments in 'auto'
    # mode; one path per curve is what an SVG editor expects.
    modes = [curve.opts["segmentedLineMode"] for curve in curves]
    try:
        for curve in curves:
            curve.setSegmentedLineMode("off")
        exporter = SVGExporter(view.scene())
        # An opaque backdrop in the theme's colour: a view without a brush would
        # export transparent, which reads as black on a dark slide.
        exporter.parameters()["background"] = theme.plot_background()
        return bytes(exporter.export(toBytes=True))
    finally:
        for curve, mode in zip(curves, modes, strict=True):
            curve.setSegmentedLineMode(mode)


def painted_svg_bytes(widget) -> bytes:
    """SVG of a widget that paints itself with QPainter (the network canvas): its own
    paint code drawn into Qt's SVG generator, with ``widget.vector_output`` set so that
    it draws lines as paths rather than from a cached picture."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPoint, QRect, QSize
    from PySide6.QtGui import QPainter
    from PySide6.QtSvg import QSvgGenerator

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(QSize(widget.width(), widget.height()))
    generator.setViewBox(QRect(0, 0, widget.width(), widget.height()))
    generator.setTitle(widget.accessibleName() or widget.objectName())
    painter = QPainter(generator)
    widget.vector_output = True
    try:
        widget.render(painter, QPoint(0, 0))
    finally:
        widget.vector_output = False
        painter.end()
    buffer.close()
    return bytes(data)


def write_image(widget, path, size=None, scale: float = 1.0) -> None:
    """Write ``widget`` as PNG or SVG (from the extension of ``path``), atomically."""
    path = check_target(path)
    export_format = format_for_path(path)
    if export_format == "png":
        data = png_bytes(widget, size, scale)
    elif export_format == "svg":
        data = svg_bytes(widget, size)
    else:
        raise ValueError(f"{os.path.basename(path)}: not an image format")
    write_atomic(path, data)


def write_csv(playground, path) -> None:
    """Write the curve pane's plotted data of ``playground`` to ``path`` as CSV."""
    write_atomic(path, curve_csv_text(playground.curve_data()).encode("utf-8"))


def write_json(playground, path) -> None:
    """Write ``playground`` as a session file with its plotted data to ``path``."""
    write_atomic(path, export_json_text(playground).encode("utf-8"))
