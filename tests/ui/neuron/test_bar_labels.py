"""The bar chart's tick and value labels never run into each other, even with 8 inputs."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtGui import QFontMetrics

from actplay.ui import theme
from actplay.ui.neuron.bars import bar_labels


def _chart(window_at, qapp, size, n_inputs):
    window = window_at(size)
    model = window.model
    model.set_input_count(n_inputs)
    for i in range(n_inputs):
        model.set_neuron_input(i, (-1) ** i * 0.9)
        model.set_neuron_weight(i, 0.8 - 0.1 * i)
    window.scheduler.flush()
    qapp.processEvents()
    bars = window.neuron_panel.bars
    bars.setFixedWidth(bars.width())  # nothing moves while the labels are read
    qapp.processEvents()
    bars.repaint()  # text items take their place in the view when it is painted
    qapp.processEvents()
    return bars


def _shown_value_labels(bars):
    return [label for label in bars._value_labels if label.isVisible()]


@pytest.mark.parametrize(
    ("size", "n_inputs"), [((1024, 640), 8), ((1280, 800), 8), ((1920, 1080), 8), ((1024, 640), 3)]
)
def test_labels_fit_their_slots_and_stay_apart(window_at, qapp, size, n_inputs):
    bars = _chart(window_at, qapp, size, n_inputs)
    metrics = QFontMetrics(theme.axis_font())
    slot = bars.getPlotItem().getViewBox().width() / (n_inputs + 2)
    ticks = bars.tick_labels()
    assert len(ticks) == n_inputs + 2
    assert all(metrics.horizontalAdvance(tick) <= slot for tick in ticks), (slot, ticks)
    shown = _shown_value_labels(bars)
    assert bars._value_labels[-1] in shown  # z's value is always there
    assert len(shown) in (1, n_inputs + 2)  # z alone, or every bar's
    rects = [label.sceneBoundingRect() for label in shown]
    # the text's own rectangle: a text item adds a margin of its document's around it
    glyphs = [
        rect.adjusted(margin, 0, -margin, 0)
        for rect, margin in zip(
            rects, (label.textItem.document().documentMargin() for label in shown), strict=True
        )
    ]
    for (i, one), (j, other) in itertools.combinations(enumerate(glyphs), 2):
        assert not one.intersects(other), (size, n_inputs, i, j)
    chart = bars.getPlotItem().getViewBox().sceneBoundingRect()
    for rect in rects:  # inside the plot's height: no label cut at the top or bottom
        assert chart.top() - 1 <= rect.top() and rect.bottom() <= chart.bottom() + 1, rect


def test_a_wide_chart_keeps_the_full_terms_and_every_value(window_at, qapp):
    bars = _chart(window_at, qapp, (1920, 1080), 3)
    assert bars.tick_labels() == bar_labels(3)
    assert len(_shown_value_labels(bars)) == 5 and bars.term_values_shown
