"""Vector pictures of a pane: SVG through pyqtgraph's exporter, PDF through Qt's PDF writer.

SVG holds one plot: the widget's largest pyqtgraph view, every curve one path
(a widget without a plot, like the whole window, has no SVG form). PDF holds
the whole widget as Qt paints it, on a page of the widget's size (one pixel is
one point): lines, curves and text stay vectors, and images (heatmaps) stay
images, so every pane and the whole window have a PDF form.
"""

from __future__ import annotations

import math

from actplay.ui.export import render as export


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


def pdf_bytes(widget, size=None, title: str = "actplay") -> bytes:
    """``widget`` as a one-page vector PDF, the page ``size`` points (default: its size).

    Qt's PDF writer records the widget's painting (paths, text, images) as PDF
    drawing operations; nothing is rasterised except what is an image already.
    """
    from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QPoint, QSizeF
    from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter
    from PySide6.QtWidgets import QWidget

    from actplay import __version__

    enlarge = 1.0
    if size is not None:
        widget.resize(*size)
        export.settle(widget)
        # A widget that cannot shrink to ``size`` (its layout's minimum) is laid out at a
        # proportionally larger size and drawn scaled down onto a page of ``size``.
        enlarge = max(widget.width() / size[0], widget.height() / size[1], 1.0)
        if enlarge > 1.0:
            widget.resize(math.ceil(size[0] * enlarge), math.ceil(size[1] * enlarge))
    export.settle(widget)
    width, height = size if size is not None else (widget.width(), widget.height())
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(72)  # one widget pixel is one point of the page
    writer.setCreator(f"actplay {__version__}")
    writer.setTitle(title)
    page = QPageSize(
        QSizeF(width, height), QPageSize.Unit.Point, "actplay", QPageSize.SizeMatchPolicy.ExactMatch
    )
    writer.setPageLayout(QPageLayout(page, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
    painter = QPainter(writer)
    paints_vectors = False
    try:
        painter.fillRect(0, 0, width, height, widget.palette().window())
        painter.scale(1.0 / enlarge, 1.0 / enlarge)
        # A self-painting widget (the network canvas) draws its lines as paths, not
        # from its cached picture, while vector_output is set.
        paints_vectors = getattr(widget, "PAINTS_VECTORS", False)
        if paints_vectors:
            widget.vector_output = True
        # QWidget.render explicitly: a QGraphicsView's own render() draws its scene only.
        with export.drawn_afresh(widget):  # cached items would be embedded as bitmaps
            QWidget.render(widget, painter, QPoint())
    finally:
        if paints_vectors:
            widget.vector_output = False
        painter.end()
    buffer.close()
    return bytes(buffer.data())
