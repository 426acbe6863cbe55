"""FloatSlider: the float <-> integer mapping, signals, and the spin box beside it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from actplay.ui.widgets.float_slider import SLIDER_STEPS, FloatSlider


@pytest.fixture
def slider(qtbot):
    widget = FloatSlider("gain", "Gain", -2.0, 3.0, value=0.5, tooltip="how much")
    qtbot.addWidget(widget)
    return widget


def test_names_tooltips_and_initial_value(slider):
    assert slider.slider.objectName() == "gain_slider"
    assert slider.spin.objectName() == "gain_spin"
    for part in (slider.label, slider.slider, slider.spin):
        assert part.toolTip() == "how much"
    assert slider.value() == 0.5
    assert slider.spin.value() == 0.5
    assert slider.slider.value() == round((0.5 + 2.0) / 5.0 * SLIDER_STEPS)


def test_set_value_updates_both_and_emits_nothing(qtbot, slider):
    seen = []
    slider.valueChanged.connect(seen.append)
    slider.setValue(-1.0)
    assert seen == []
    assert slider.spin.value() == -1.0
    assert slider.slider.value() == round(1.0 / 5.0 * SLIDER_STEPS)


def test_dragging_the_slider_emits_the_mapped_float(qtbot, slider):
    seen = []
    slider.valueChanged.connect(seen.append)
    slider.slider.setValue(SLIDER_STEPS)  # what a drag to the right end does
    assert seen == [3.0]
    assert slider.value() == 3.0 and slider.spin.value() == 3.0
    qtbot.keyClick(slider.slider, Qt.Key.Key_Left)
    assert seen[-1] == pytest.approx(3.0 - 5.0 / SLIDER_STEPS)


def test_typed_value_outside_the_slider_range_is_kept_exactly(qtbot, slider):
    seen = []
    slider.valueChanged.connect(seen.append)
    slider.spin.setValue(42.25)
    assert seen == [42.25]
    assert slider.value() == 42.25
    assert slider.slider.value() == SLIDER_STEPS  # pinned at its end


def test_set_range_remaps_without_emitting(slider):
    seen = []
    slider.valueChanged.connect(seen.append)
    slider.setRange(0.0, 1.0)
    assert slider.range() == (0.0, 1.0)
    assert slider.slider.value() == SLIDER_STEPS // 2
    assert seen == []
    with pytest.raises(ValueError):
        slider.setRange(1.0, 1.0)


def test_a_new_value_repaints_the_row_not_the_widgets_behind_it(qtbot, watch_events):
    parent = QWidget()
    qtbot.addWidget(parent)
    row = FloatSlider("row", "w", -1.0, 1.0)
    QVBoxLayout(parent).addWidget(row)
    parent.show()
    qtbot.waitExposed(parent)
    qtbot.wait(50)  # the first paint after showing is whole
    behind = watch_events(parent, QEvent.Type.Paint)
    own = watch_events(row.spin, QEvent.Type.Paint)
    row.setValue(0.25)
    qtbot.waitUntil(lambda: own.count > 0)  # the new number was painted
    qtbot.wait(20)
    assert behind.count == 0
    assert row.spin.value() == 0.25
