"""Soak: thousands of seeded random changes through the real main window's widgets.

After the run (and every ``CHECK_EVERY`` changes) no exception was raised, every
plotted array is finite (NaN only in custom
functions' undefined points, see ``soak_checks``), labels and axis ticks are
formatted, and what is shown equals what the model computes.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDoubleSpinBox, QPushButton

sys.path.insert(0, str(Path(__file__).resolve().parent))
import soak_checks  # noqa: E402
from soak_driver import SoakDriver, run_deferred_deletes  # noqa: E402

from actplay.ui.neuron.equation import Run  # noqa: E402

CHANGES = 2400  # a few hundred of each kind; ~25 s on two slow cores
FLUSH_EVERY = 7  # changes between scheduler flushes: bursts coalesce, as in a drag
CHECK_EVERY = 400  # full consistency checks: cheap enough to run a handful of times


def full_check(window) -> None:
    window.scheduler.flush()
    soak_checks.refresh_every_tab(window)
    assert soak_checks.non_finite_items(window) == []
    assert soak_checks.bad_texts(window) == []
    soak_checks.check_shown_matches_model(window)


@pytest.mark.slow
@pytest.mark.parametrize("seed", [11])
def test_thousands_of_random_changes_keep_the_window_correct(window, qtbot, seed):
    driver = SoakDriver(window, seed)
    with qtbot.captureExceptions() as exceptions:
        for change in range(1, CHANGES + 1):
            driver.step()
            if change % FLUSH_EVERY == 0:
                window.scheduler.flush()
            if change % 50 == 0:
                qtbot.wait(1)  # let timers and posted events run, as the event loop would
                run_deferred_deletes()
            if change % CHECK_EVERY == 0:
                full_check(window)
                assert exceptions == [], f"after {change} changes"
    full_check(window)
    assert exceptions == []
    # Every kind of change happened (undo only once the Edit menu offers it).
    assert all(
        count > 0
        for kind, count in driver.counts.items()
        if kind != "undo" or driver.undo is not None
    ), driver.counts


def test_the_checks_catch_a_nan_curve_a_stale_view_and_a_long_number(window):
    """The checks can fail: each spoiled view below is reported."""
    import numpy as np

    soak_checks.check_shown_matches_model(window)
    item = window.curve_pane.plot.curves["main:f"]
    x, y = item.getData()
    item.setData(x, np.where(np.arange(len(y)) == 3, np.nan, y))
    assert soak_checks.non_finite_items(window)
    with pytest.raises(AssertionError):
        soak_checks.check_shown_matches_model(window)
    item.setData(x, y)
    assert soak_checks.non_finite_items(window) == []
    window.neuron_panel.bars.bars.setOpts(height=np.zeros(5))
    with pytest.raises(AssertionError):
        soak_checks.check_shown_matches_model(window)
    window.neuron_panel.equation.set_lines((((Run("z = 12345678901234567.0"),),),))
    assert soak_checks.bad_texts(window)


# -- regressions the soak found: widgets used between a model change and its repaint ----------
def _start_a_frame(window):
    window.scheduler.flush()
    window.model.set_neuron_bias(window.model.neuron_bias + 0.01)  # painted; a frame starts


def test_a_stale_input_slider_moved_before_the_repaint_raises_nothing(window, qtbot):
    _start_a_frame(window)
    old_slider = window.network_panel.input_sliders[1].slider
    neuron_slider = window.findChild(type(old_slider), "neuron_input_2_slider")
    window.model.set_layer_sizes((1, 4, 1))  # the second network input is gone...
    window.model.set_input_count(2)  # ...and the third neuron input
    with qtbot.captureExceptions() as exceptions:
        old_slider.setValue(900)  # ...but their sliders live until the repaint
        neuron_slider.setValue(100)
        window.network_panel.tabs.setCurrentIndex(1)  # the layer bars, sized for 2-8-8-1
        window.network_panel.tabs.setCurrentIndex(0)
        window.model.select_network_neuron(2, 0)  # 4 inputs: no add/remove in this mode
        window.findChild(QPushButton, "neuron_add_input").click()
        window.scheduler.flush()
    assert exceptions == []
    assert window.model.network_input == (1.0,)
    window.model.release_neuron()
    window.model.set_neuron_activation("elu")
    window.scheduler.flush()
    _start_a_frame(window)
    alpha_slider = window.neuron_panel.activation.param_sliders["alpha"].slider
    window.model.set_neuron_activation("relu")  # no parameters; the alpha slider lives on
    with qtbot.captureExceptions() as exceptions:
        alpha_slider.setValue(10)
        window.scheduler.flush()
    assert exceptions == []
    soak_checks.check_shown_matches_model(window)


def test_binary_mode_on_a_16_input_network_unit_skips_the_65536_row_truth_table(window):
    window.model.set_binary_mode(True)
    window.scheduler.flush()
    assert window.neuron_panel.truth_group.isVisibleTo(window.neuron_panel)
    window.model.set_layer_sizes((2, 16, 16, 1))
    window.model.select_network_neuron(2, 0)  # 16 inputs
    window.scheduler.flush()
    assert not window.neuron_panel.truth_group.isVisibleTo(window.neuron_panel)
    assert window.neuron_panel.truth_table.rowCount() <= 2**8
    soak_checks.check_shown_matches_model(window)


def _type_into(qtbot, spin, text):
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin.lineEdit(), text)
    qtbot.keyClick(spin.lineEdit(), Qt.Key.Key_Return)


def test_extreme_values_typed_into_spin_boxes_draw_sensibly(window, qtbot):
    """±1e6 typed everywhere, params at their limits, 6 hidden layers of 16: all finite,
    labels formatted; each change is timed (reported, never asserted) and completes."""
    import time

    from actplay.core import activations as acts

    model = window.model
    model.set_layer_sizes((2,) + (16,) * 6 + (8,))
    for layer in range(1, 8):
        model.set_layer_activation(layer, "identity")
    model.select_weight(3, 15, 15)
    model.set_curve_activation("softplus")
    window.scheduler.flush()
    durations = {}
    spins = [s for s in window.findChildren(QDoubleSpinBox) if s.isEnabled() and s.maximum() >= 1e6]
    assert len(spins) >= 8
    with qtbot.captureExceptions() as exceptions:
        for index, spin in enumerate(spins):
            name = spin.objectName()
            if name.startswith("x_lo"):
                continue  # the x range needs lo < hi: typed below as a pair
            started = time.perf_counter()
            _type_into(qtbot, spin, "-1000000" if index % 2 else "1000000")
            window.scheduler.flush()
            durations[name] = time.perf_counter() - started
        for key, spec in zip(model.curve_params, acts.get("softplus").params, strict=True):
            model.set_curve_param(key, spec.hi)
        model.set_x_range(-1e6, 1e6)
        window.scheduler.flush()
    assert exceptions == []
    assert abs(model.weights[2][15, 15]) == 1e6 and abs(model.neuron_bias) == 1e6
    assert soak_checks.non_finite_items(window) == []
    assert soak_checks.bad_texts(window) == []
    soak_checks.check_shown_matches_model(window)
    print("slowest typed change:", max(durations.items(), key=lambda kv: kv[1]))
