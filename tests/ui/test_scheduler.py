"""RedrawScheduler with a real Playground: immediate first paint, one paint per frame."""

from __future__ import annotations

import time

import pytest

from actplay.model.playground import Playground
from actplay.ui.scheduler import FRAME_MS, RedrawScheduler


class RecordingView:
    """Remembers every refresh: the sections and the model value it would draw."""

    def __init__(self, model):
        self.model = model
        self.calls = []

    def refresh(self, sections):
        self.calls.append((sections, self.model.neuron_bias))


@pytest.fixture
def setup(qtbot):
    model = Playground()
    scheduler = RedrawScheduler(model)
    view = RecordingView(model)
    scheduler.register(view, ("neuron",))
    yield model, scheduler, view
    scheduler.stop()


def test_first_change_after_quiet_is_painted_at_once(setup):
    model, scheduler, view = setup
    model.set_neuron_bias(0.7)
    assert scheduler.redraw_count == 1
    assert view.calls == [(frozenset({"neuron"}), 0.7)]


def test_burst_is_coalesced_and_ends_on_the_final_state(qtbot, setup):
    model, scheduler, view = setup
    for step in range(1, 51):
        model.set_neuron_bias(step / 100)
    assert scheduler.redraw_count == 1  # the first; the rest wait for the frame
    qtbot.waitUntil(lambda: not scheduler.pending, timeout=2000)
    assert scheduler.redraw_count == 2
    assert view.calls[-1][1] == 0.5


def test_at_most_one_redraw_per_frame_during_a_drag(qtbot, setup):
    model, scheduler, view = setup
    start = time.perf_counter()
    for step in range(60):
        model.set_neuron_bias(step / 100 + 0.01)
        qtbot.wait(1)  # the event loop runs between moves, as in a real drag
    qtbot.waitUntil(lambda: not scheduler.pending, timeout=2000)
    elapsed_ms = (time.perf_counter() - start) * 1000
    assert scheduler.redraw_count < 60
    # One immediate paint plus at most one per elapsed frame.
    assert scheduler.redraw_count <= 2 + elapsed_ms / FRAME_MS
    assert view.calls[-1][1] == pytest.approx(0.6)


def test_flush_paints_pending_now(setup):
    model, scheduler, view = setup
    model.set_neuron_bias(0.2)
    model.set_neuron_bias(0.3)
    assert view.calls[-1][1] == 0.2
    scheduler.flush()
    assert view.calls[-1][1] == 0.3
    count = scheduler.redraw_count
    scheduler.flush()  # nothing pending: no paint
    assert scheduler.redraw_count == count


def test_views_only_see_their_sections(setup):
    model, scheduler, view = setup
    model.set_network_input(0, 0.25)
    scheduler.flush()
    assert view.calls == []


def test_batch_is_one_paint_naming_every_section(setup):
    model, scheduler, view = setup
    with model.batch():
        model.set_neuron_bias(0.9)
        model.set_x_range(-2.0, 2.0)
    assert scheduler.redraw_count == 1
    assert view.calls == [(frozenset({"neuron"}), 0.9)]


def test_stop_disconnects(setup):
    model, scheduler, view = setup
    scheduler.stop()
    model.set_neuron_bias(0.4)
    assert view.calls == [] and scheduler.redraw_count == 0


def test_a_view_behind_an_inactive_tab_waits_until_it_is_shown(qtbot, window):
    """The network panel behind the training tab does not recompute on every change."""
    model, panel = window.model, window.network_panel
    calls = []
    refresh = panel.refresh
    panel.refresh = lambda sections: (calls.append(sections), refresh(sections))
    window.training_dock.show()
    window.training_dock.raise_()  # the network dock's tab is now behind
    qtbot.waitUntil(lambda: panel.visibleRegion().isEmpty())
    model.set_weight(1, 0, 0, 1.25)
    model.set_weight(1, 0, 1, -0.75)
    window.scheduler.flush()
    assert calls == []
    window.network_dock.raise_()
    qtbot.waitUntil(lambda: bool(calls))
    assert calls == [frozenset({"network"})]  # once, with what it missed
    model.set_weight(1, 0, 0, 0.5)
    window.scheduler.flush()
    assert len(calls) == 2  # shown: painted as before


def test_the_canvas_lent_to_the_network_layout_follows_while_its_panel_is_behind_a_tab(
    qtbot, window
):
    window.layouts.show_layout("network")
    panel = window.network_panel
    window.neuron_dock.raise_()  # the network panel's own tab is behind
    qtbot.waitUntil(lambda: window.network_dock.visibleRegion().isEmpty())
    assert panel.canvas_view.isVisible()
    calls = []
    refresh = panel.refresh
    panel.refresh = lambda sections: (calls.append(sections), refresh(sections))
    window.model.set_weight(1, 0, 0, 1.25)
    window.scheduler.flush()
    assert calls == [frozenset({"network"})]  # the canvas is on screen: it is drawn
