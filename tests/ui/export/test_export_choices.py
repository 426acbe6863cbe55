"""The export dialog's choices: a picture big enough to use, only pairs that can be
written, and a colour key in every picture of the network canvas."""

import pytest
from PySide6.QtGui import QColor, QImage

from actplay.app.export_cli import main as export_main
from actplay.ui.export import dialog as export_dialog
from actplay.ui.export import pane_export
from actplay.ui.widgets.diverging import PROBABILITY_CAPTION, VALUE_CAPTION


@pytest.fixture
def dialog(window, qtbot):
    box = export_dialog.ExportDialog(window, "curve")
    qtbot.addWidget(box)
    return box


def test_the_default_picture_is_at_least_1200_px_and_2x(window, dialog):
    widget = pane_export.pane_widgets(window)["curve"]
    scale = dialog.scale_spin.value()
    assert scale >= 2.0 and widget.width() * scale >= pane_export.MIN_EXPORT_WIDTH
    assert "x" in dialog.size_label.text()


def test_svg_of_the_whole_window_cannot_be_chosen(dialog):
    def selectable(combo, data):
        return combo.model().item(combo.findData(data)).isEnabled()

    dialog.set_format("svg")
    assert not selectable(dialog.pane_combo, "window")
    assert selectable(dialog.pane_combo, "network")
    dialog.set_format("png")
    dialog.set_pane("window")
    assert not selectable(dialog.format_combo, "svg")
    assert selectable(dialog.format_combo, "pdf")


def test_the_file_field_label_reads_file_with_a_shortcut(dialog):
    from PySide6.QtWidgets import QLabel

    label = next(lb for lb in dialog.findChildren(QLabel) if lb.text() == "F&ile:")
    assert label.buddy() is dialog.path_edit  # shown as "File:", Alt+I jumps to the field


def _has_key(image: QImage) -> bool:
    """A run of 100+ pixels on one row, every one a colour of the diverging map, going
    from its orange end to its blue end: the key's gradient (a tile is a third as wide,
    and holds no such sweep)."""
    from actplay.ui.widgets.diverging import LUT_SIZE, diverging_lut

    index = {QColor(*(int(c) for c in row[:3])).rgb(): i for i, row in enumerate(diverging_lut())}
    ends = LUT_SIZE // 20  # the frame covers the bar's outermost pixels
    for y in range(image.height()):
        run = []
        for x in range(image.width() + 1):
            place = index.get(image.pixelColor(x, y).rgb()) if x < image.width() else None
            if place is not None:
                run.append(place)
                continue
            if len(run) >= 100 and run[0] < ends and run[-1] >= LUT_SIZE - ends:
                return True
            run = []
    return False


def test_a_network_picture_carries_the_colour_key(window, tmp_path):
    path = tmp_path / "network.png"
    pane_export.export_pane(window, "network", path, 1.0)
    assert _has_key(QImage(str(path)))
    canvas = pane_export.pane_widgets(window)["network"]
    assert not canvas.key_in_picture  # on screen the key stays under the canvas
    assert not _has_key(canvas.grab().toImage())


def test_the_command_line_network_picture_carries_the_key_too(tmp_path, capsys):
    path = tmp_path / "heatmaps.png"
    assert export_main(["--activation", "sigmoid", "--pane", "heatmaps", "--out", str(path)]) == 0
    assert _has_key(QImage(str(path)))


def test_the_key_says_when_the_output_is_a_probability(window):
    legend = window.network_panel.canvas_view.legend
    assert window.model.layer_activations[-1][0] == "sigmoid"
    assert legend.caption == PROBABILITY_CAPTION
    window.model.set_layer_activation(len(window.model.layer_sizes) - 1, "tanh")
    window.scheduler.flush()
    assert legend.caption == VALUE_CAPTION
