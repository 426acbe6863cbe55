"""The curve plot's y range: every curve always in view, steady during a drag."""

import numpy as np
import pytest

from actplay.ui.curve.plot_content import Y_FILL, steady_y_range


def test_every_value_fits_and_the_range_is_tidy():
    y = np.array([-0.37, 0.2, 1.93])
    lo, hi = steady_y_range([y], (0.0, 1.0))
    assert lo <= y.min() and y.max() <= hi
    step = 10.0 ** np.floor(np.log10(hi - lo)) / 10
    assert lo / step == pytest.approx(round(lo / step)) and hi / step == pytest.approx(
        round(hi / step)
    )


def test_a_small_change_keeps_the_range_and_a_big_one_moves_it():
    first = steady_y_range([np.linspace(-1.0, 3.0, 50)], (0.0, 1.0))
    assert steady_y_range([np.linspace(-0.9, 3.0, 50)], first) == first  # still fits
    grown = steady_y_range([np.linspace(-2.0, 3.0, 50)], first)
    assert grown[0] <= -2.0
    small = np.linspace(0.0, 0.1, 50)  # fills less than Y_FILL of the range: shrink
    assert (small.max() - small.min()) < Y_FILL * (grown[1] - grown[0])
    shrunk = steady_y_range([small], grown)
    assert shrunk[0] <= 0.0 and 0.1 <= shrunk[1] and shrunk[1] - shrunk[0] < 0.5


def test_nan_and_flat_curves():
    assert steady_y_range([np.array([np.nan, np.inf])], (-1.0, 1.0)) == (-1.0, 1.0)
    lo, hi = steady_y_range([np.full(10, 2.0)], (-10.0, -9.0))
    assert lo < 2.0 < hi


def test_the_plot_shows_every_curve_of_the_model_during_a_drag(window):
    model, plot = window.model, window.curve_pane.plot
    model.set_curve_activation("elu")
    view = plot.getPlotItem().getViewBox()
    for alpha in np.linspace(0.1, 3.0, 12):
        model.set_curve_param("alpha", float(alpha))
        window.scheduler.flush()
        lo, hi = view.viewRange()[1]
        for series in model.curve_data().series:
            finite = series.y[np.isfinite(series.y)]
            assert lo <= finite.min() and finite.max() <= hi
