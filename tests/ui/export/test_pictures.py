"""The one picture path (formats.image_bytes / write_image) and its guards.

Pictures are judged from the written file: QImage for pixels, the PDF's own
drawing operators (inflated with zlib) for vector content, the file system for
what a failure leaves behind.
"""

from __future__ import annotations

import os
import re
import stat

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QGraphicsItem, QGraphicsView

from actplay.ui.export import formats, render, sizes, vector

NO_CACHE = QGraphicsItem.CacheMode.NoCache


def test_the_whole_window_as_png_has_its_size_and_leaves_no_temporary(window, tmp_path):
    path = tmp_path / "shot.png"
    formats.write_image(window, path, (1280, 800))
    loaded = QImage(os.fspath(path))
    assert (loaded.width(), loaded.height()) == (1280, 800)
    assert len({loaded.pixel(x, y) for x in range(0, 1280, 16) for y in range(0, 800, 16)}) > 20
    assert [p.name for p in tmp_path.iterdir()] == ["shot.png"]
    sharp = render.render_widget(window, scale=2.0)
    assert sharp.width() == 2 * window.width()


@pytest.mark.parametrize(("name", "magic"), [("x.jpg", b"\xff\xd8"), ("x.bmp", b"BM")])
def test_raster_formats_follow_the_extension(window, tmp_path, name, magic):
    formats.write_image(window, tmp_path / name, (400, 300))
    assert (tmp_path / name).read_bytes().startswith(magic)


def test_the_whole_window_as_pdf_is_vector_with_text(window, tmp_path, pdf_content):
    path = tmp_path / "window.pdf"
    formats.write_image(window, path, (1280, 800))
    data = path.read_bytes()
    assert re.search(rb"/MediaBox \[0 0 1280(\.0*)? 800(\.0*)?\]", data)
    content = pdf_content(data)
    # Paths (move-to, line-to or curve operators, then a fill or stroke) and text.
    assert len(re.findall(rb"\s[ml]\s", content)) > 500
    assert re.search(rb"\bBT\b", content) and re.search(rb"Tj|TJ", content)
    assert [p.name for p in tmp_path.iterdir()] == ["window.pdf"]


def test_a_failed_write_leaves_nothing_and_names_the_target(window, tmp_path):
    target = tmp_path / "missing-folder" / "x.png"
    with pytest.raises(ValueError, match="missing-folder"):
        formats.write_image(window, target, (200, 100))
    with pytest.raises(OSError, match="x.png"):  # the atomic write itself names the target
        formats.atomic_file.write_atomic(target, b"")
    assert list(tmp_path.iterdir()) == []


def test_a_read_only_file_is_not_replaced(window, tmp_path):
    path = tmp_path / "kept.png"
    path.write_bytes(b"mine")
    path.chmod(stat.S_IRUSR | stat.S_IRGRP)
    with pytest.raises(PermissionError, match="read-only"):
        formats.write_image(window, path, (200, 100))
    assert path.read_bytes() == b"mine"
    assert [p.name for p in tmp_path.iterdir()] == ["kept.png"]


def test_one_size_parser():
    assert sizes.parse_size("1400x900") == (1400, 900)
    assert sizes.parse_size(" 1400\u00d7900 ") == (1400, 900)
    for bad in ("1400", "0x10", "axb", "10x10x10", "16385x10", "-5x5"):
        with pytest.raises(ValueError, match="1400x900|each side"):
            sizes.parse_size(bad)


def test_the_pixel_budget_refuses_before_drawing(window, tmp_path):
    assert sizes.check_pixels(8000, 8000) == 64_000_000
    with pytest.raises(ValueError, match="million"):
        sizes.check_pixels(8000, 8001)
    with pytest.raises(ValueError, match="million"):
        sizes.check_pixels(6000, 6000, scale=2.0)
    with pytest.raises(ValueError, match="million"):
        formats.image_bytes(window, "png", (16384, 16384))
    assert list(tmp_path.iterdir()) == []


def _cache_modes(plot) -> list:
    return [item.cacheMode() for item in plot.scene().items()] + [plot.cacheMode()]


def test_a_plot_pdf_draws_its_cached_items_as_vectors(window, qtbot):
    plot = window.curve_pane.plot
    # On screen the axes and the still curves are drawn from pixmap caches.
    qtbot.waitUntil(lambda: plot.curves["main:f"].cacheMode() != NO_CACHE, timeout=3000)
    modes = _cache_modes(plot)
    assert plot.getPlotItem().getAxis("left").cacheMode() != NO_CACHE
    data = vector.pdf_bytes(plot)
    # No bitmap in the file (before: one per cached axis, curve and the background).
    assert not re.search(rb"/Subtype\s*/Image", data)
    assert _cache_modes(plot) == modes  # the screen's caches are back


def test_a_2x_picture_of_the_plot_is_drawn_afresh_not_enlarged(window, qtbot):
    plot = window.curve_pane.plot
    qtbot.waitUntil(lambda: plot.curves["main:f"].cacheMode() != NO_CACHE, timeout=3000)
    picture = render.render_widget(plot, scale=2.0)
    # The reference: every cache off by hand, so nothing can be a 1x bitmap scaled up.
    items = [(item, item.cacheMode()) for item in plot.scene().items()]
    background = plot.cacheMode()
    for item, _mode in items:
        item.setCacheMode(NO_CACHE)
    plot.setCacheMode(QGraphicsView.CacheModeFlag.CacheNone)
    try:
        reference = render.render_widget(plot, scale=2.0)
    finally:
        for item, mode in items:
            item.setCacheMode(mode)
        plot.setCacheMode(background)
    assert picture.size() == reference.size() == plot.size() * 2
    assert picture == reference
