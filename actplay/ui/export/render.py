"""Rendering widgets to images and writing them to disk.

The whole-window PNG here is what ``actplay --screenshot`` writes; the window's
own export uses the same functions, so the two pictures are the same.
Files are written atomically (a temporary file in the same folder, then
``os.replace``) so a failed export never leaves half a file behind.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QPoint, QSize
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication, QWidget

from actplay.model.atomic_file import write_atomic

IMAGE_FORMATS = {".png": "PNG", ".jpg": "JPG", ".jpeg": "JPG", ".bmp": "BMP"}


def settle(widget: QWidget) -> None:
    """Let pending layout and repaint requests run, and paint pending model changes.

    A window built a moment ago has layouts that have not run yet; rendering it
    before they do would draw every child at its default size.
    """
    app = QApplication.instance()
    if app is not None:
        app.processEvents()
    scheduler = getattr(widget, "scheduler", None)
    if scheduler is not None:
        scheduler.flush()
    if widget.layout() is not None:
        widget.layout().activate()
    if app is not None:
        app.processEvents()


def render_widget(
    widget: QWidget, size: QSize | tuple[int, int] | None = None, scale: float = 1.0
) -> QImage:
    """Render a widget and all its children into an image.

    Parameters
    ----------
    widget : QWidget
        Usually the main window; need not be shown on a screen.
    size : QSize or (width, height), optional
        Resize the widget to this logical size first; default: its current size.
    scale : float
        Device pixel ratio of the image (2.0 gives a sharp picture for print).

    Returns
    -------
    QImage
        ``size * scale`` pixels, opaque, with its device pixel ratio set to ``scale``.
    """
    if not scale > 0:
        raise ValueError(f"scale must be positive, got {scale!r}")
    if size is not None:
        if not isinstance(size, QSize):
            size = QSize(int(size[0]), int(size[1]))
        if size.width() < 1 or size.height() < 1:
            raise ValueError(f"image size must be positive, got {size.width()}x{size.height()}")
        widget.resize(size)
    settle(widget)
    logical = widget.size()
    image = QImage(
        round(logical.width() * scale),
        round(logical.height() * scale),
        QImage.Format.Format_ARGB32_Premultiplied,
    )
    image.setDevicePixelRatio(scale)
    image.fill(widget.palette().window().color())
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        # QWidget.render explicitly: QGraphicsView (every pyqtgraph plot) overrides render()
        # with a scene-drawing one; PySide6 also needs the offset argument.
        QWidget.render(widget, painter, QPoint())
    finally:
        painter.end()
    return image.convertToFormat(QImage.Format.Format_RGB32)


def save_image(image: QImage, path: str | os.PathLike) -> Path:
    """Write ``image`` to ``path`` atomically; the format follows the suffix (PNG default).

    Returns
    -------
    Path
        The written path.

    Raises
    ------
    OSError
        When the folder is not writable or Qt cannot encode the image.
    """
    path = Path(path)
    write_atomic(path, encode_image(image, IMAGE_FORMATS.get(path.suffix.lower(), "PNG")))
    return path


def encode_image(image: QImage, image_format: str = "PNG") -> bytes:
    """``image`` encoded as ``image_format`` (``"PNG"``, ``"JPG"``, ``"BMP"``) bytes.

    Raises
    ------
    OSError
        When Qt cannot encode the image.
    """
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, image_format):
        raise OSError(f"Qt could not encode the image as {image_format}")
    return bytes(buffer.data())


def widget_size(text: str) -> QSize:
    """Parse ``"WIDTHxHEIGHT"`` (e.g. ``"1400x900"``) into a QSize.

    Raises
    ------
    ValueError
        For anything but two positive integers joined by ``x``.
    """
    parts = text.lower().replace("\u00d7", "x").split("x")
    try:
        width, height = (int(part) for part in parts)
    except ValueError:
        raise ValueError(f"size must look like 1400x900, got {text!r}") from None
    if not (0 < width <= 16384 and 0 < height <= 16384):
        raise ValueError(f"size must be between 1x1 and 16384x16384, got {text!r}")
    return QSize(width, height)
