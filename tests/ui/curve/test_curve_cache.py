"""Curves are stroked while they change and drawn from a cache once they stand still."""

from __future__ import annotations

from PySide6.QtWidgets import QGraphicsItem, QSlider

CACHED = QGraphicsItem.CacheMode.DeviceCoordinateCache
STROKED = QGraphicsItem.CacheMode.NoCache


def _modes(window):
    return {key: item.cacheMode() for key, item in window.curve_pane.plot.curves.items()}


def test_a_parameter_drag_strokes_the_curves_and_they_are_cached_when_still(window, qtbot):
    window.model.set_curve_activation("elu")
    window.scheduler.flush()
    qtbot.waitUntil(lambda: set(_modes(window).values()) == {CACHED}, timeout=3000)
    slider = next(s for s in window.curve_pane.findChildren(QSlider) if s.isVisible())
    slider.setValue(slider.value() + 5)  # as a drag step does
    window.scheduler.flush()
    assert window.model.curve_params["alpha"] != 1.0
    assert set(_modes(window).values()) == {STROKED}
    qtbot.waitUntil(lambda: set(_modes(window).values()) == {CACHED}, timeout=3000)


def test_a_neuron_drag_leaves_the_still_curves_cached(window, qtbot):
    qtbot.waitUntil(lambda: set(_modes(window).values()) == {CACHED}, timeout=3000)
    window.model.set_neuron_weight(0, 0.25)  # the marker moves, the curves stay
    window.scheduler.flush()
    assert set(_modes(window).values()) == {CACHED}
