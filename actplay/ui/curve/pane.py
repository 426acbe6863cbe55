"""The curve pane: activation curves, their derivatives and parameters, live.

From the top: the function picker, which kinds to show and the x range, the
parameter sliders, the plot with a crosshair readout under it, and tabs with
the chosen function's help and the comparison curves. Widgets write the model through bindings;
`refresh` (called by the scheduler) reads the model back into the widgets
with their signals blocked and moves the plot items. The rows of controls are
built in `pane_controls`.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from actplay.core import activations
from actplay.model.derived import function_of_label
from actplay.ui import theme
from actplay.ui.binding import Binding, apply_command
from actplay.ui.curve.pane_controls import RANGE_LIMIT, CurveControls
from actplay.ui.curve.plot import CurvePlot
from actplay.ui.i18n import translate
from actplay.ui.widgets.help_box import HelpBox
from actplay.ui.widgets.lazy_tabs import LazyTab
from actplay.ui.widgets.numbers import format_number
from actplay.ui.widgets.pair_grid import PairGrid

DEFAULT_X_RANGE = (-6.0, 6.0)  # the model's default; the range "Reset" goes back to
TABS_HEIGHT = (110, 190)  # px: the help text or the compare controls; the plot comes first
# Below this pane height the tabs give up height to the plot, half a px for every px
# less, down to their smallest (a 640-px window: the plot about 340 px, not 260).
TABS_FULL_FROM = 750
READOUT_DIGITS = 4  # significant digits under the mouse: finer than the labels' two decimals


class CurvePane(CurveControls, QWidget):
    """The central pane: curves of the chosen activation, its derivatives and comparisons.

    Parameters
    ----------
    model : Playground
    parent : QWidget, optional
    """

    SECTIONS = ("curve", "neuron", "network")  # network: a network unit may be the neuron

    def __init__(self, model, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("curve_pane")
        self.model = model
        self._bindings: list[Binding] = []
        self._shown_data = None
        self._shown_marker: tuple | None = None
        self._crosshair_x: float | None = None
        self._hint_colour: str | None = None  # the readout's hint is shown in this colour
        self._readout_range = model.x_range  # the x range the crosshair's x was read in
        self._neuron_shown = True

        self.plot = CurvePlot(self)
        self.readout = QLabel(self)
        self.readout.setObjectName("crosshair_readout")
        self.readout.setTextFormat(Qt.TextFormat.RichText)
        self.readout.setWordWrap(True)
        self.readout.setMinimumHeight(34)
        self.readout.setToolTip(
            translate("curve", "Values under the mouse for every visible curve")
        )
        self.help_box = HelpBox(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 4)
        layout.setSpacing(4)
        # Each row's two halves sit side by side, or stack when the pane is narrow.
        for halves in (self._build_function_row(), self._build_view_row()):
            row = PairGrid(self, stretch=(1, 0))
            row.add_row(*halves)
            layout.addWidget(row)
        layout.addWidget(self.params)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.readout)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("curve_tabs")
        self.tabs.addTab(self.help_box, translate("curve", "About this function"))
        self._compare_tab = LazyTab(
            self.tabs, "compare_page", translate("curve", "Compare"), self._make_compare_box
        )
        self.tabs.setMinimumHeight(TABS_HEIGHT[0])
        self.tabs.setMaximumHeight(TABS_HEIGHT[1])
        layout.addWidget(self.tabs)

        self.plot.xRangeDragged.connect(self._on_plot_x_range_dragged)
        self.plot.crosshairMoved.connect(self._on_crosshair_moved)
        self.plot.crosshairLeft.connect(lambda: self._on_crosshair_moved(None))
        self.plot.compareRemoveRequested.connect(self._remove_compare)
        self.refresh(frozenset(self.SECTIONS))

    # -- construction ---------------------------------------------------------------
    @property
    def compare_box(self):
        """The Compare tab's controls (built on first access: the first frame hides them)."""
        return self._compare_tab.content()

    def _make_compare_box(self):
        from actplay.ui.curve.compare_box import CompareBox

        return CompareBox(self.model)

    def _remove_compare(self, index: int) -> None:
        """A legend click removed comparison ``index`` (the Compare tab may be unbuilt)."""
        if self._compare_tab.built is not None:
            self._compare_tab.built.remove(index)  # also lists what is left
        else:
            self.model.remove_compare(index)

    # -- view -----------------------------------------------------------------------
    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        self.tabs.setMaximumHeight(tabs_height(event.size().height()))
        super().resizeEvent(event)

    def refresh(self, sections: frozenset) -> None:
        """Show the model's state: widgets (signals blocked), curves, marker, readout."""
        # Widgets, curves and readout follow the curve section only: touching them for a
        # neuron or network change repaints spin boxes and the plot for nothing.
        if "curve" in sections:
            self.picker.refresh_functions()  # custom functions come and go
            for binding in self._bindings:
                binding.refresh()
            self.params.refresh()
            if self._compare_tab.built is not None:
                self._compare_tab.built.refresh()
            self.help_box.show_function(self.model.curve_activation, self.model.activation)
            self.edit_custom_button.setVisible(
                self.model.curve_activation in self.model.custom_activations
            )
            data = self.model.curve_data()
            if data is not self._shown_data:  # cached result: same object when unchanged
                self.plot.show_curves(data)
                self._shown_data = data
        self._show_neuron_marker()
        if "curve" in sections:
            if self.model.x_range != self._readout_range:
                # The axis moved under the mouse: the x read out last is no longer where
                # the mouse is. Back to the hint until the mouse moves again.
                self._readout_range = self.model.x_range
                self._crosshair_x = None
                self.plot.show_crosshair(None)
            self._show_readout()

    def set_neuron_shown(self, shown: bool) -> None:
        """Whether the plot may mark the neuron's (z, a), tangent and readout.

        Off for an export of a bare function (``actplay export --activation``),
        which has no neuron of its own.
        """
        self._neuron_shown = bool(shown)
        self._shown_marker = None
        self._show_neuron_marker()

    def _show_neuron_marker(self) -> None:
        model = self.model
        result = model.neuron_result()
        same_function = (
            result.activation == model.curve_activation and result.params == model.curve_params
        )
        visible = same_function and model.visible["f"] and self._neuron_shown
        shown = (result.z, result.a, result.slope, visible, model.x_range)
        if shown == self._shown_marker:  # e.g. a network weight of a unit not shown here
            return
        self._shown_marker = shown
        self.plot.show_marker(result.z, result.a, result.slope, visible)

    def reset_range(self) -> None:
        """Back to the default x range (the y axis fits the curves as always)."""
        apply_command(self, lambda: self.model.set_x_range(*DEFAULT_X_RANGE))

    # -- crosshair --------------------------------------------------------------------
    def readout_values(self, x: float) -> list[tuple[str, str, dict]]:
        """Values at ``x`` of every visible curve: ``[(function label, colour, {kind: value})]``."""
        data = self.model.curve_data()
        functions: dict[str, tuple[str, str, dict]] = {}
        for series in data.series:
            prefix = series.key.split(":", 1)[0]
            if prefix not in functions:
                colour = theme.curve_colour(0 if prefix == "main" else int(prefix[3:]) + 1)
                label = function_of_label(series.label)
                functions[prefix] = (label, colour, {})
            functions[prefix][2][series.kind] = _value_at(series, data.x, x)
        return list(functions.values())

    def readout_text(self, x: float) -> str:
        """The readout line (rich text) for data ``x``."""
        parts = [f"<b>x</b> = {format_number(x, significant=READOUT_DIGITS)}"]
        for label, colour, values in self.readout_values(x):
            numbers = ", ".join(
                f"{theme.KIND_LABELS[kind].replace('(x)', '')} = "
                f"{format_number(value, significant=READOUT_DIGITS)}"
                for kind, value in values.items()
            )
            parts.append(f"<span style='color:{colour}'><b>{label}</b></span>: {numbers}")
        return " &nbsp;\u2502&nbsp; ".join(parts)

    def _show_readout(self) -> None:
        if self._crosshair_x is None:
            muted = theme.muted_text_colour()
            if muted == self._hint_colour:
                return  # the hint is on screen already, in this theme's ink
            self._hint_colour = muted
            self.readout.setText(
                f"<span style='color:{muted}'>"
                + translate(
                    "curve", "Move the mouse over the plot to read f, f\u2032 and f\u2033 at any x."
                )
                + "</span>"
            )
        else:
            self._hint_colour = None
            self.readout.setText(self.readout_text(self._crosshair_x))

    def _on_crosshair_moved(self, x: float | None) -> None:
        self._crosshair_x = x
        self._show_readout()

    def _on_plot_x_range_dragged(self, lo: float, hi: float) -> None:
        lo, hi = max(lo, -RANGE_LIMIT), min(hi, RANGE_LIMIT)
        try:
            self.model.set_x_range(lo, hi)
        except ValueError:
            # A zoom past the model's limits: put the plot back on the model's range.
            self.plot.set_x_range(*self.model.x_range)


def _value_at(series, x_samples: np.ndarray, x: float) -> float:
    """Exact value of a library function at ``x``; interpolated for others (softmax units)."""
    try:
        function = activations.get(series.activation)
    except KeyError:
        return float(np.interp(x, x_samples, series.y))
    evaluate = {"f": function, "df": function.derivative, "d2f": function.second_derivative}[
        series.kind
    ]
    return float(evaluate(x, **series.params))


def tabs_height(pane_height: int) -> int:
    """Most height the help and compare tabs take in a pane ``pane_height`` px high."""
    low, high = TABS_HEIGHT
    return int(min(high, max(low, high - (TABS_FULL_FROM - pane_height) / 2)))
