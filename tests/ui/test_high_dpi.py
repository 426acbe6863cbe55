"""High DPI: plot pens scale with the device pixel ratio, pictures at a scale look like the
window on a screen of that scale (text and lines as heavy, in more pixels)."""

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel

from actplay.ui import theme
from actplay.ui.export.render import render_widget


@pytest.fixture(autouse=True)
def _screen_scale_back():
    yield
    theme.set_pen_scale(1.0)


def _pixels(image) -> np.ndarray:
    image = image.convertToFormat(image.Format.Format_RGB32)
    raw = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.width(), 4)
    return raw[:, :, 2::-1].astype(int)  # BGRA in memory -> RGB


def _crop(pixels, rect: QRect, scale: int) -> np.ndarray:
    return pixels[
        rect.top() * scale : (rect.bottom() + 1) * scale,
        rect.left() * scale : (rect.right() + 1) * scale,
    ]


def _near(pixels, colour: QColor, tolerance: int = 40) -> np.ndarray:
    target = np.array([colour.red(), colour.green(), colour.blue()])
    return np.abs(pixels - target).sum(axis=2) < tolerance


def test_pens_are_made_for_the_pen_scale(window):
    plot = window.curve_pane.plot
    base = theme.KIND_WIDTHS["f"]
    assert plot.curves["main:f"].opts["pen"].widthF() == pytest.approx(base)
    assert theme.set_pen_scale(2.0, window)
    assert plot.curves["main:f"].opts["pen"].widthF() == pytest.approx(2 * base)
    assert plot.tangent.opts["pen"].widthF() == pytest.approx(2 * theme.CURVE_WIDTH)
    assert not theme.set_pen_scale(2.0, window)  # no change, no work
    assert theme.set_pen_scale(1.0, window)
    assert plot.curves["main:f"].opts["pen"].widthF() == pytest.approx(base)


def test_a_picture_at_scale_two_has_lines_and_text_twice_as_big(window):
    window.resize(1280, 800)
    images = {scale: _pixels(render_widget(window, scale=scale)) for scale in (1, 2)}
    assert images[2].shape[:2] == (2 * images[1].shape[0], 2 * images[1].shape[1])
    assert theme.pen_scale() == 1.0  # the window's own pens are back

    # The main curve's ink: its area grows 4x when its width doubles (2x if it did not).
    plot = window.curve_pane.plot
    area = QRect(plot.mapTo(window, QPoint(0, 0)), plot.size())
    ink = QColor(theme.curve_colour(0))
    counts = {s: int(_near(_crop(images[s], area, s), ink).sum()) for s in (1, 2)}
    assert counts[1] > 100 and counts[2] > 3.2 * counts[1], counts

    # A text's height doubles too: it is not drawn at the 100 % size in a larger picture.
    label = next(w for w in window.findChildren(QLabel) if w.isVisible() and len(w.text()) > 8)
    box = QRect(label.mapTo(window, QPoint(0, 0)), label.size())
    text = label.palette().windowText().color()
    heights = {}
    for s in (1, 2):
        rows = np.flatnonzero(_near(_crop(images[s], box, s), text, 120).any(axis=1))
        heights[s] = rows[-1] - rows[0] + 1
    assert heights[2] >= 1.6 * heights[1], heights  # about 2x, less the hinting
