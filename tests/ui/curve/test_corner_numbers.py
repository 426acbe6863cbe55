"""The corner numbers (z, a, f'(z)) sit in a band below the curves, never on them."""

import numpy as np
import pytest
from PySide6.QtCore import QPointF

from actplay.ui.curve.plot_content import LABEL_BAND, steady_y_range


def test_the_band_below_the_curves_is_kept_free():
    x = np.linspace(-6.0, 6.0, 200)
    sigmoid = 1.0 / (1.0 + np.exp(-x))
    for current in ((0.0, 1.0), (-5.0, 5.0), (0.4, 0.6)):
        lo, hi = steady_y_range([sigmoid, sigmoid * (1 - sigmoid)], current, LABEL_BAND)
        assert lo + LABEL_BAND * (hi - lo) <= sigmoid.min() and sigmoid.max() <= hi
    # A range that already leaves the band free stays as it is.
    steady = steady_y_range([sigmoid], (0.0, 1.0), LABEL_BAND)
    assert steady_y_range([sigmoid], steady, LABEL_BAND) == steady


@pytest.mark.parametrize("preset", [None, "dead_relu", "xor", "perceptron"])
@pytest.mark.parametrize("size", [(1024, 640), (1280, 800)])
def test_no_curve_point_lies_under_the_corner_numbers(window, preset, size):
    window.resize(*size)
    if preset is not None:
        window.apply_preset(preset)
    window.scheduler.flush()
    window.layout().activate()
    plot = window.curve_pane.plot
    view = plot.getPlotItem().getViewBox()
    view.updateMatrix()
    label = plot.marker_label
    assert label.isVisible() and label.text()
    box = label.sceneBoundingRect()
    shown = [item for item in plot.curves.values() if item.isVisible()]
    assert shown
    for item in shown:
        xs, ys = item.getData()
        for x, y in zip(xs[::2], ys[::2], strict=True):
            if np.isfinite(y):
                point = view.mapViewToScene(QPointF(float(x), float(y)))
                assert not box.contains(point), (item, x, y)
