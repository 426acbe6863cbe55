"""Checks the soak test (and ``benchmarks/soak.py``) run on the real main window.

What is checked, and the rule for NaN:

* every plotted array of every ``PlotDataItem``/``PlotCurveItem``,
  ``ScatterPlotItem``, ``BarGraphItem`` and ``ImageItem`` in the window is
  finite; the one deliberate exception is NaN in a curve of a user-written
  (custom) function, where the function itself is undefined (the model's own
  series holds the same NaN);
* every view box's range and every image's colour levels are finite;
* axis tick strings and the rich-text labels hold no long runs of digits
  (a formatted number never needs more than a dozen), no ``nan`` and no ``inf``;
* what is shown equals what the model says: curves equal ``curve_data()``
  (and the library's function for a registered activation), the neuron's bars
  ``neuron_result()``, the canvas tiles ``unit_grids()``, the layer bars
  ``network_trace()``, and the sliders the model's values.
"""

from __future__ import annotations

import re

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QLabel

from actplay.core import activations as acts
from actplay.ui.network.canvas_paint import lut_rows
from actplay.ui.neuron.bars import bar_heights
from actplay.ui.neuron.equation_label import EquationLabel

LONG_NUMBER = re.compile(r"\d{13,}")  # 13+ digits in a row: an unformatted float
BAD_WORD = re.compile(r"\b(nan|inf)\b", re.IGNORECASE)
TAG = re.compile(r"<[^>]+>")


def scene_items(window):
    """Every graphics item of every pyqtgraph view in ``window``."""
    for view in window.findChildren(pg.GraphicsView):
        yield from view.scene().items()


def _finite(values) -> bool:
    array = np.asarray(values, dtype=np.float64)
    return bool(np.all(np.isfinite(array)))


def _custom(activation_name) -> bool:
    return activation_name not in acts.names() and activation_name != "softmax"


def non_finite_items(window) -> list[str]:
    """Descriptions of plotted arrays that break the finiteness rule (empty: all good)."""
    model = window.model
    custom_curves = {
        id(window.curve_pane.plot.curves[s.key])
        for s in model.curve_data().series
        if _custom(s.activation)
    }
    problems = []
    for item in scene_items(window):
        name = type(item).__name__
        if isinstance(item, pg.PlotDataItem):
            x, y = item.getData()
            arrays = [] if x is None else [x, y]
            if id(item) in custom_curves:
                arrays = [x, np.nan_to_num(y, nan=0.0, posinf=np.inf, neginf=-np.inf)]
        elif isinstance(item, pg.PlotCurveItem):
            if (
                isinstance(item.parentItem(), pg.PlotDataItem)
                and id(item.parentItem()) in custom_curves
            ):
                continue
            arrays = [] if item.xData is None else [item.xData, item.yData]
        elif isinstance(item, pg.ScatterPlotItem):
            arrays = [item.data["x"], item.data["y"]]
        elif isinstance(item, pg.BarGraphItem):
            arrays = [
                item.opts.get(k)
                for k in ("x", "height", "width", "y0")
                if item.opts.get(k) is not None
            ]
        elif isinstance(item, pg.ImageItem):
            image = item.image
            if image is None:
                continue
            arrays = [image, item.levels]
        elif isinstance(item, pg.ViewBox):
            arrays = [item.viewRange()]
        else:
            continue
        if not all(_finite(a) for a in arrays):
            problems.append(f"{name} {item.objectName() if hasattr(item, 'objectName') else ''}")
    return problems


def bad_texts(window) -> list[str]:
    """Axis tick strings and label texts with unformatted numbers, nan or inf."""
    texts = []
    for item in scene_items(window):
        if isinstance(item, pg.AxisItem) and item.isVisible():
            texts.extend(_tick_strings(item))
        elif isinstance(item, pg.TextItem):
            texts.append(item.toPlainText())
        elif isinstance(item, pg.LabelItem):
            texts.append(item.text)
    texts.extend(label.text() for label in window.findChildren(QLabel))
    texts.extend(label.plain_text() for label in window.findChildren(EquationLabel))
    return [
        text
        for text in texts
        if LONG_NUMBER.search(TAG.sub("", text)) or BAD_WORD.search(TAG.sub(" ", text))
    ]


def _tick_strings(axis) -> list[str]:
    """The strings the axis draws for its current range (as ``generateDrawSpecs`` would)."""
    if axis._tickLevels is not None:  # fixed ticks set by the view
        return [label for level in axis._tickLevels for _value, label in level]
    lo, hi = axis.range
    if not (np.isfinite(lo) and np.isfinite(hi)) or lo == hi:
        return [f"bad range {lo} {hi}"] if not (np.isfinite(lo) and np.isfinite(hi)) else []
    length = max(axis.width() if axis.orientation in ("left", "right") else axis.height(), 100)
    strings = []
    for spacing, values in axis.tickValues(lo, hi, length):
        strings.extend(axis.tickStrings(values, axis.autoSIPrefixScale, spacing))
    return strings


def _library_values(series, x):
    function = acts.get(series.activation)
    method = {"f": function, "df": function.derivative, "d2f": function.second_derivative}[
        series.kind
    ]
    return method(x, **series.params)


def check_shown_matches_model(window) -> None:
    """Assert every view shows the model's current results (call after ``flush()``)."""
    refresh_every_tab(window)  # the network panel repaints hidden tabs when shown
    model = window.model
    plot = window.curve_pane.plot
    data = model.curve_data()
    lo, hi = model.x_range
    np.testing.assert_allclose(data.x, np.linspace(lo, hi, model.points), rtol=1e-12)
    shown = {series.key: series for series in data.series}
    for key, item in plot.curves.items():
        assert item.isVisible() == (key in shown), key
    for series in data.series:
        x, y = plot.curves[series.key].getData()
        # Drawn: the model's samples at the plot's stride (about one per pixel), ends kept.
        picked = np.searchsorted(data.x, x)
        assert x[0] == data.x[0] and x[-1] == data.x[-1], series.key
        np.testing.assert_array_equal(x, data.x[picked])
        np.testing.assert_array_equal(y, series.y[picked])
        if (
            series.key.startswith("main")
            and series.activation in acts.names()
            and series.activation == model.curve_activation
        ):
            assert series.params == model.curve_params
            np.testing.assert_allclose(y, _library_values(series, x), rtol=1e-12, atol=1e-300)

    result = model.neuron_result()
    panel = window.neuron_panel
    np.testing.assert_array_equal(panel.bars.heights(), bar_heights(result))
    assert len(result.terms) == len(model.neuron_inputs)

    network = window.network_panel
    trace = model.network_trace()
    for (z_shown, a_shown), z, a in zip(
        network.bars.output_values(), trace.z, trace.a, strict=True
    ):
        np.testing.assert_array_equal(z_shown, np.ravel(z))
        np.testing.assert_array_equal(a_shown, np.ravel(a))
    canvas = network.canvas
    if canvas.isVisible():
        canvas.refresh()
        grids = model.unit_grids(canvas.tile_resolution())
        assert (grids is None) == (not canvas._plane_mode)
        if grids is not None:
            last = len(grids.layers)
            for column, layer in enumerate(grids.layers, start=1):
                centred = column == last and canvas._centred_output
                np.testing.assert_array_equal(canvas.tile_rows(column), lut_rows(layer, centred))
    for slider, value in zip(network.input_sliders, model.network_input, strict=True):
        assert slider.value() == value


def refresh_every_tab(window) -> None:
    """Show each network tab once, so every lazily refreshed view holds the current state."""
    tabs = window.network_panel.tabs
    current = tabs.currentIndex()
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
    tabs.setCurrentIndex(current)
