"""The reference every benchmark compares against: a bare one-curve pyqtgraph window.

A logistic curve ``s(k x)`` and its derivative over 1001 points, one slider for
the steepness ``k``, fixed axes, two plot items created once and updated with
``setData``. Nothing else: no grid, no legend, no scheduler. Whatever the real
window costs beyond this is the price of its extra panes.

``make_window()`` returns it un-shown (the benchmarks show it at 1280x800).
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtWidgets

SAMPLES = np.linspace(-8.0, 8.0, 1001)
STEEPNESS_STEPS = 100  # slider integer k*10, k from 0.1 to 10


def logistic(z: np.ndarray) -> np.ndarray:
    """The logistic function in its tanh form, which never overflows."""
    return 0.5 + 0.5 * np.tanh(0.5 * z)


class BareWindow(QtWidgets.QMainWindow):
    """One plot with a curve and its slope, one slider ``bare_steepness_slider``."""

    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle("bare pyqtgraph reference")
        body = QtWidgets.QWidget()
        row = QtWidgets.QHBoxLayout(body)
        self.plot = pg.PlotWidget()
        self.plot.setRange(xRange=(-8.0, 8.0), yRange=(-0.05, 2.6), padding=0)
        self.plot.disableAutoRange()
        self.value_curve = self.plot.plot(pen=pg.mkPen("#0072b2", width=2))
        self.slope_curve = self.plot.plot(pen=pg.mkPen("#e69f00", width=2))
        row.addWidget(self.plot, stretch=1)
        self.slider = QtWidgets.QSlider(QtCore.Qt.Orientation.Vertical)
        self.slider.setObjectName("bare_steepness_slider")
        self.slider.setRange(1, STEEPNESS_STEPS)
        self.slider.setValue(10)
        self.slider.valueChanged.connect(self._on_slider_moved)
        row.addWidget(self.slider)
        self.setCentralWidget(body)
        self._on_slider_moved(self.slider.value())

    def _on_slider_moved(self, step: int) -> None:
        steepness = step / 10.0
        value = logistic(steepness * SAMPLES)
        self.value_curve.setData(SAMPLES, value)
        self.slope_curve.setData(SAMPLES, steepness * value * (1.0 - value))


def make_window() -> BareWindow:
    """The bare reference window, not shown."""
    return BareWindow()
