"""The canvas's layer headers in a narrow dock: every activation readable, none elided."""

import pytest
from PySide6 import QtGui

from actplay.ui.network.short_names import short_name
from actplay.ui.widgets.elided_combo import ELLIPSIS

DEEP = (2, 16, 16, 16, 16, 16, 16, 1)  # seven layers of weights


def _headers(window, qapp, layout):
    window.model.set_layer_sizes(DEEP)
    if layout == "network":
        window.layouts.show_layout("network")
    window.scheduler.flush()
    qapp.processEvents()
    headers = window.network_panel.canvas.layer_headers
    assert len(headers) == 7
    return headers


def _assert_readable(header, name):
    combo = header.combo
    shown = combo.shown_text()
    assert not shown.endswith(ELLIPSIS), (header.layer, name, shown)
    assert shown in (name, short_name(name))
    metrics = QtGui.QFontMetrics(combo.shown_font())
    assert metrics.horizontalAdvance(shown) <= combo.text_field_width()
    assert combo.toolTip().endswith(f": {name}")  # the full name on hover


@pytest.mark.parametrize("layout", ["curve", "network"])
@pytest.mark.parametrize("size", [(1024, 640), (1280, 800), (1920, 1080)])
def test_seven_layer_headers_show_size_and_activation_whole(window_at, qapp, size, layout):
    window = window_at(size)
    headers = _headers(window, qapp, layout)
    for header, size_shown in zip(headers, DEEP[1:], strict=True):
        assert header.size_label.text() == str(size_shown)
        label_metrics = header.size_label.fontMetrics()
        assert label_metrics.horizontalAdvance(str(size_shown)) <= header.size_label.width()
        _assert_readable(header, window.model.layer_activations[header.layer - 1][0])


def test_every_activation_fits_the_narrowest_header(window_at, qapp):
    window = window_at((1024, 640))
    headers = _headers(window, qapp, "curve")
    hidden = headers[:-1]
    names = [n for n in window.model.activation_names() if n != "softmax"]
    for start in range(0, len(names), len(hidden)):
        group = names[start : start + len(hidden)]
        for header, name in zip(hidden, group, strict=False):
            window.model.set_layer_activation(header.layer, name)
        window.scheduler.flush()
        for header, name in zip(hidden, group, strict=False):
            _assert_readable(header, name)
    window.model.set_layer_activation(headers[-1].layer, "softmax")
    window.scheduler.flush()
    _assert_readable(headers[-1], "softmax")
