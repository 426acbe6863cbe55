"""Every export format by name, and the one path from a widget or a model to a file.

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

Pictures come from :func:`image_bytes`: PNG, JPEG and BMP are the widget
rendered by ``render.render_widget`` (the ``--screenshot`` code) at a chosen
size and device pixel ratio, within the pixel budget of ``sizes``; SVG and PDF
are vectors (``vector``).
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
FORMATS = {
    ".png": "png",
    ".jpg": "jpg",
    ".jpeg": "jpg",
    ".bmp": "bmp",
    ".svg": "svg",
    ".pdf": "pdf",
    ".csv": "csv",
    ".json": "json",
}
#: Formats that are pictures of a pane; the others hold the model's data.
IMAGE_FORMATS = ("png", "jpg", "bmp", "svg", "pdf")
#: Picture formats drawn as pixels, with the name Qt's image writer knows them by.
RASTER_FORMATS = {"png": "PNG", "jpg": "JPG", "bmp": "BMP"}

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
        A value of `FORMATS`: ``"png"``, ``"jpg"``, ``"bmp"``, ``"svg"``, ``"pdf"``,
        ``"csv"`` or ``"json"``.

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


def image_bytes(widget, export_format: str, size=None, scale: float = 1.0) -> bytes:
    """``widget`` as a picture in ``export_format`` (one of `IMAGE_FORMATS`).

    Parameters
    ----------
    widget : QWidget
    export_format : str
    size : (int, int), optional
        Logical size to lay the widget out at; default: its current size.
    scale : float
        Device pixel ratio of a raster picture (2 = crisp on a high-DPI screen).

    Raises
    ------
    ValueError
        For a format that is not a picture, a picture over the pixel budget, or
        SVG of a widget without a plot.
    """
    from actplay.ui.export import render as export
    from actplay.ui.export import sizes, vector

    if export_format not in IMAGE_FORMATS:
        raise ValueError(f"{export_format} is not a picture format")
    width, height = size if size is not None else (widget.width(), widget.height())
    sizes.check_pixels(width, height, scale if export_format in RASTER_FORMATS else 1.0)
    # A widget inside a window goes back to where its layout put it afterwards.
    geometry = widget.geometry() if size is not None and widget.parentWidget() else None
    try:
        if export_format == "svg":
            return vector.svg_bytes(widget, size)
        if export_format == "pdf":
            return vector.pdf_bytes(widget, size)
        image = (
            render_exact(widget, size, scale)
            if size is not None
            else export.render_widget(widget, None, scale)
        )
        return export.encode_image(image, RASTER_FORMATS[export_format])
    finally:
        if geometry is not None:
            widget.setGeometry(geometry)


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


def write_image(widget, path, size=None, scale: float = 1.0, export_format=None) -> None:
    """Write ``widget`` as a picture to ``path``, atomically.

    The format is ``export_format``, or else the one the extension of ``path`` names.
    """
    path = check_target(path)
    write_atomic(path, image_bytes(widget, export_format or format_for_path(path), size, scale))


def write_csv(playground, path) -> None:
    """Write the curve pane's plotted data of ``playground`` to ``path`` as CSV."""
    write_atomic(path, curve_csv_text(playground.curve_data()).encode("utf-8"))


def write_json(playground, path) -> None:
    """Write ``playground`` as a session file with its plotted data to ``path``."""
    write_atomic(path, export_json_text(playground).encode("utf-8"))
