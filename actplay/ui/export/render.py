"""Rendering widgets to images and encoding them: the raster half of every picture.

``actplay --screenshot``, the window's own export, the training panel's
decision surface and the Python API all draw through `render_widget` and
`encode_image`, reached through ``formats.image_bytes``, so their pictures are
the same. Writing files is ``formats.write_image``'s job.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QBuffer, QIODevice, QPoint, QSize
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication, QGraphicsItem, QGraphicsView, QWidget

from actplay.ui import theme


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


@contextmanager
def drawn_afresh(widget: QWidget) -> Iterator[None]:
    """Paint every graphics item under ``widget`` afresh while a picture is made.

    On screen some items are drawn from pixmap caches (still curves, the curve
    plot's axes, a view's background). A cache is a bitmap at the screen's scale: a
    PDF would embed it as an image and a 2x picture would enlarge it. The cache
    modes come back after.
    """
    views = widget.findChildren(QGraphicsView)
    if isinstance(widget, QGraphicsView):
        views.append(widget)
    cached = []
    backgrounds = [(view, view.cacheMode()) for view in views]  # pyqtgraph caches it too
    for view, _mode in backgrounds:
        view.setCacheMode(QGraphicsView.CacheModeFlag.CacheNone)
        scene = view.scene()
        for item in scene.items() if scene is not None else ():
            mode = item.cacheMode()
            if mode != QGraphicsItem.CacheMode.NoCache:
                cached.append((item, mode))
                item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
    try:
        yield
    finally:
        for item, mode in cached:
            item.setCacheMode(mode)
        for view, mode in backgrounds:
            view.setCacheMode(mode)


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
    width, height = round(logical.width() * scale), round(logical.height() * scale)
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    if image.isNull():  # Qt could not allocate it; say so before painting into nothing
        raise MemoryError(f"not enough memory for a {width}x{height} picture")
    image.setDevicePixelRatio(scale)
    image.fill(widget.palette().window().color())
    # Plot pens are drawn in device pixels: made for the picture's scale, as a window on
    # a screen of that scale would have them, then for the screen again.
    shown_scale = theme.pen_scale()
    theme.set_pen_scale(scale, widget)
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        # QWidget.render explicitly: QGraphicsView (every pyqtgraph plot) overrides render()
        # with a scene-drawing one; PySide6 also needs the offset argument.
        with drawn_afresh(widget):
            QWidget.render(widget, painter, QPoint())
    finally:
        painter.end()
        theme.set_pen_scale(shown_scale, widget)
    return image.convertToFormat(QImage.Format.Format_RGB32)


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
