"""The truth table's headings: named when the names fit, never cut short."""

from PySide6.QtCore import Qt

from actplay.model import presets


def _show(window, size, dock_width=None):
    window.resize(*size)
    if dock_width is not None:
        window.resizeDocks([window.neuron_dock], [dock_width], Qt.Orientation.Horizontal)
    window.apply_preset("perceptron")
    window.scheduler.flush()
    window.layout().activate()
    table = window.neuron_panel.truth_table
    table.parentWidget().layout().activate()
    return table


def _nothing_cut(table) -> None:
    header = table.horizontalHeader()
    for column in range(table.columnCount()):
        assert header.sectionSize(column) >= header.sectionSizeHint(column), table.headings()[
            column
        ]


def test_a_wide_table_heads_its_columns_with_the_input_names(window):
    table = _show(window, (1920, 1080), dock_width=520)
    named = [f"x{i + 1} {name}" for i, name in enumerate(presets.PERCEPTRON_INPUTS)]
    assert table.headings() == [*named, "z", "a"]
    _nothing_cut(table)


def test_a_narrow_table_keeps_short_headings_with_the_names_as_tooltips(window):
    table = _show(window, (1024, 640), dock_width=240)
    assert table.headings() == ["x1", "x2", "x3", "z", "a"]
    tips = [table.horizontalHeaderItem(c).toolTip() for c in range(3)]
    assert tips == [f"x{i + 1} {name}" for i, name in enumerate(presets.PERCEPTRON_INPUTS)]
    _nothing_cut(table)


def test_widening_the_table_brings_the_names_back(window):
    table = _show(window, (1024, 640), dock_width=240)
    window.resize(1920, 1080)
    window.resizeDocks([window.neuron_dock], [520], Qt.Orientation.Horizontal)
    window.layout().activate()
    table.parentWidget().layout().activate()
    assert table.headings()[0] == "x1 weather"
    _nothing_cut(table)
