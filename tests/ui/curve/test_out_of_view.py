"""State out of view is flagged: a neuron's z beyond the x axis, a value beyond its
slider's reach, and a crosshair readout from before the axis moved or after the mouse
left."""

import pytest
from PySide6.QtCore import QEvent, QPointF
from PySide6.QtWidgets import QApplication

from actplay.model import presets
from actplay.ui.widgets.numbers import format_number


def test_a_z_beyond_the_axis_gets_an_edge_arrow_with_its_value(window):
    presets.apply(window.model, "xor")  # h1 unit 1: z = 10 on a -6..6 axis
    window.scheduler.flush()
    plot = window.curve_pane.plot
    z = window.model.neuron_result().z
    assert z > window.model.x_range[1]
    assert not plot.marker.isVisible() and plot.edge_cue.isVisible()
    assert plot.edge_cue.text() == f"z = {format_number(z)} \u25b6"
    view = plot.getPlotItem().getViewBox()
    cue = plot.edge_cue.mapRectToItem(view, plot.edge_cue.boundingRect())
    assert cue.right() <= view.rect().right() and cue.left() > view.rect().center().x()
    window.model.set_x_range(-20.0, 20.0)  # now it is in view: the marker, no arrow
    window.scheduler.flush()
    assert plot.marker.isVisible() and not plot.edge_cue.isVisible()
    window.model.set_x_range(15.0, 30.0)  # left of the axis now
    window.scheduler.flush()
    assert plot.edge_cue.text().startswith("\u25c0")


def test_a_weight_beyond_its_slider_shows_an_arrow_at_the_pinned_end(window):
    slider = window.neuron_panel.inputs.weight_sliders[0]
    assert slider.range_cue is None  # made only when first needed
    window.model.set_neuron_weight(0, 20.0)
    window.scheduler.flush()
    assert slider.beyond_range() == 1
    assert slider.range_cue.isVisible() and slider.range_cue.text() == "\u25b6"
    assert "beyond the slider's range" in slider.range_cue.toolTip()
    window.model.set_neuron_weight(0, -7.5)
    window.scheduler.flush()
    assert slider.range_cue.text() == "\u25c0"
    window.model.set_neuron_weight(0, 1.0)
    window.scheduler.flush()
    assert not slider.range_cue.isVisible()


def _hover(qtbot, pane, x: float, y: float) -> None:
    """Move the mouse over the plot's data point (x, y) and wait for the readout."""
    view = pane.plot.getPlotItem().getViewBox()
    position = pane.plot.mapFromScene(view.mapViewToScene(QPointF(x, y)))
    qtbot.mouseMove(pane.plot.viewport(), position)
    qtbot.waitUntil(lambda: pane._crosshair_x is not None, timeout=2000)


def test_the_readout_never_keeps_an_x_from_before_the_axis_moved(qtbot, window):
    pane = window.curve_pane
    _hover(qtbot, pane, 1.5, 0.5)
    assert "x</b> = 1" in pane.readout.text()
    window.model.set_x_range(-100.0, 100.0)
    window.scheduler.flush()
    assert pane._crosshair_x is None and not pane.plot.crosshair.isVisible()
    assert "Move the mouse" in pane.readout.text()
    window.model.set_curve_activation("tanh")  # other changes keep a live reading
    window.scheduler.flush()
    assert pane._crosshair_x is None


@pytest.mark.parametrize("z", [-50.0, 50.0])
def test_the_edge_arrow_stays_inside_the_view_at_any_height(window, z):
    window.model.set_curve_activation("identity")  # a = z: far above or below the view too
    window.model.set_neuron_activation("identity")
    window.model.set_neuron_bias(z)
    window.scheduler.flush()
    plot = window.curve_pane.plot
    view = plot.getPlotItem().getViewBox()
    cue = plot.edge_cue.mapRectToItem(view, plot.edge_cue.boundingRect())
    assert view.rect().contains(cue)


def test_the_readout_goes_back_to_its_hint_when_the_mouse_leaves(qtbot, window):
    pane = window.curve_pane
    # Not where another test left the pointer: a move to the same spot sends no event.
    _hover(qtbot, pane, 2.5, 0.5)
    assert pane.plot.crosshair.isVisible() and "x</b> = 2" in pane.readout.text()
    QApplication.sendEvent(pane.plot, QEvent(QEvent.Type.Leave))
    assert pane._crosshair_x is None and not pane.plot.crosshair.isVisible()
    assert "Move the mouse" in pane.readout.text()
