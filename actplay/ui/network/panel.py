"""The network dock panel: the canvas above, tabs of detail below.

The canvas (`CanvasView`: the network drawn as heatmap tiles and links, with
the selected weight's slider) sits on top; under it, tabs: the network's
input sliders and the linear-collapse note, per-layer z/a bars,
diagnostics, and the architecture editor. Only the visible tab is redrawn;
a hidden tab that missed changes redraws when shown. The Layers, Diagnostics
and Architecture pages are built the first time they are shown (or asked
for: ``panel.bars`` and the like build on access), so the window's first
frame does not pay for them.

In the network layout the main window takes the canvas view into its centre
(`take_canvas`) and gives it back (`return_canvas`); the panel keeps
refreshing it wherever it is.
"""

from __future__ import annotations

from functools import partial

import numpy as np
from PySide6 import QtCore, QtWidgets

from actplay.ui import theme
from actplay.ui.binding import bind_float
from actplay.ui.i18n import translate
from actplay.ui.network.canvas_view import CanvasView
from actplay.ui.widgets.fitting_tabs import TabTitleFitter
from actplay.ui.widgets.float_slider import FloatSlider
from actplay.ui.widgets.focus_order import place_after
from actplay.ui.widgets.held_size import SteadyLabel
from actplay.ui.widgets.lazy_tabs import LazyTab
from actplay.ui.widgets.retire import retire

SPLIT_SIZES = [470, 330]  # initial px of canvas / tabs in an ~800 px high dock
# The tabs after Inputs: (attribute, tab title), built on first show.
LAZY_TABS = (
    ("bars", translate("network", "Layers")),
    ("diagnostics", translate("network", "Diagnostics")),
    ("architecture", translate("network", "Architecture")),
)
# Shown instead when the full titles would not fit a narrow dock's tab bar (the full
# title stays the tooltip and the accessible name).
SHORT_TAB_TITLES = {
    translate("network", "Diagnostics"): translate("network", "Diag."),
    translate("network", "Architecture"): translate("network", "Arch."),
}


class NetworkPanel(QtWidgets.QWidget):
    """Everything about the model's small network, for a dock.

    Parameters
    ----------
    model : actplay.model.playground.Playground
    parent : QWidget, optional

    Notes
    -----
    The panel does not listen to the model itself: the main window registers it
    with the redraw scheduler, which calls :meth:`refresh` with the sections
    that changed.
    """

    SECTIONS = frozenset({"network", "view", "dataset"})

    def __init__(self, model, parent=None):
        super().__init__(parent)
        self.setObjectName("network_panel")
        self.model = model
        self._sizes = ()
        self._bars_sizes = ()  # the layer sizes the Layers tab's plots were built for
        self._dirty_tabs: set = set()

        self.canvas_view = CanvasView(model)
        self.canvas = self.canvas_view.canvas
        self.selected_weight = self.canvas_view.selected_weight

        self.inputs_page = QtWidgets.QWidget()
        self.inputs_page.setObjectName("network_inputs_page")
        inputs_layout = QtWidgets.QVBoxLayout(self.inputs_page)
        inputs_layout.setContentsMargins(6, 4, 6, 4)
        self.inputs_box = QtWidgets.QWidget()
        self._inputs_layout = QtWidgets.QVBoxLayout(self.inputs_box)
        self._inputs_layout.setContentsMargins(0, 0, 0, 0)
        self._inputs_layout.setSpacing(0)
        self.input_sliders: list[FloatSlider] = []
        self._input_bindings: list = []
        self._rebuild_inputs(len(model.network_input))
        # The output beside the inputs that make it: a learner dragging x1 reads y1 here,
        # without opening the Layers tab.
        # Re-texted on every input step: held in a frame so only the label is laid out.
        self.output_frame = SteadyLabel()
        self.output_label = self.output_frame.label
        self.output_label.setObjectName("network_inputs_output")
        self.output_label.setTextFormat(QtCore.Qt.TextFormat.RichText)
        self.linear_note = QtWidgets.QLabel()
        self.linear_note.setObjectName("network_linear_note")
        self.linear_note.setTextFormat(QtCore.Qt.TextFormat.RichText)
        self.linear_note.setWordWrap(True)
        theme.style_widget(
            self.linear_note,
            "background: $note_background; border: 1px solid $note_border; "
            "border-radius: 3px; padding: 4px",
        )
        self.linear_note.hide()
        inputs_layout.addWidget(self.inputs_box)
        inputs_layout.addWidget(self.output_frame)
        inputs_layout.addWidget(self.linear_note)
        inputs_layout.addStretch(1)

        self.tabs = QtWidgets.QTabWidget()
        self.tabs.setObjectName("network_tabs")
        self.tabs.addTab(_scrolling(self.inputs_page), translate("network", "Inputs"))
        self._lazy_tabs = {
            attribute: LazyTab(
                self.tabs,
                f"network_{attribute}_page",
                title,
                partial(self._make_tab_content, attribute),
                wrap=_scrolling,
                on_built=self._on_tab_built,
            )
            for attribute, title in LAZY_TABS
        }
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.tab_titles = TabTitleFitter(self.tabs, SHORT_TAB_TITLES)

        # A splitter, so the user decides how much of a narrow dock the canvas gets.
        self.splitter = QtWidgets.QSplitter(QtCore.Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.canvas_view)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes(SPLIT_SIZES)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.splitter)
        self.refresh(self.SECTIONS)

    # -- the canvas, lent to the network layout ---------------------------------------------
    def take_canvas(self) -> CanvasView:
        """Hand the canvas view over (the caller places it); the panel keeps the tabs."""
        self.canvas_view.setParent(None)
        return self.canvas_view

    def sight_widgets(self) -> tuple:
        """Where this panel draws (the scheduler skips it when none is on screen): itself
        and its canvas, which may be lent to the network layout's centre."""
        return (self, self.canvas_view)

    def return_canvas(self) -> None:
        """Put the canvas view back above the tabs."""
        if self.canvas_view.parent() is not self.splitter:
            self.splitter.insertWidget(0, self.canvas_view)
            self.splitter.setSizes(SPLIT_SIZES)
            self.canvas_view.show()

    # -- the tabs built on first show ------------------------------------------------------
    @property
    def bars(self):
        """The Layers tab's per-layer z/a bars (built on first access)."""
        return self._lazy_tabs["bars"].content()

    @property
    def diagnostics(self):
        """The Diagnostics tab's view (built on first access)."""
        return self._lazy_tabs["diagnostics"].content()

    @property
    def architecture(self):
        """The Architecture tab's editor (built on first access)."""
        return self._lazy_tabs["architecture"].content()

    def _make_tab_content(self, attribute):
        if attribute == "bars":
            from actplay.ui.network.bars import LayerBars

            return LayerBars()
        if attribute == "diagnostics":
            from actplay.ui.network.diagnostics import LayerDiagnosticsView

            return LayerDiagnosticsView(self.model)
        from actplay.ui.network.architecture import ArchitectureEditor

        editor = ArchitectureEditor(self.model)
        editor.update_view()  # kept current by refresh() from now on
        return editor

    def _on_tab_built(self, content):
        self._dirty_tabs.add(content)  # drawn when it is shown

    def _built(self, attribute):
        """A lazy tab's content, or None while it is unbuilt."""
        return self._lazy_tabs[attribute].built

    # -- model -> view ---------------------------------------------------------------------
    def refresh(self, sections):
        """Redraw what ``sections`` (a set of model section names) changed."""
        model = self.model
        sizes = tuple(model.layer_sizes)
        rebuilt = sizes != self._sizes
        if rebuilt:
            self._rebuild(sizes)
        self.canvas_view.refresh(sections)
        if "network" in sections or rebuilt:
            architecture = self._built("architecture")
            if architecture is not None:
                architecture.update_view()
            for binding in self._input_bindings:
                binding.refresh()
            self._update_output_label()
            self._update_linear_note()
            self._dirty_tabs = {tab.built for tab in self._lazy_tabs.values() if tab.built}
            self._refresh_tab(self._current_tab())

    def _rebuild(self, sizes):
        """Recreate the size-dependent items (only when the layer sizes change)."""
        self._sizes = sizes
        # The Layers tab's plots (slow to build, benchmarks/RESULTS.md) wait until it shows.
        if self._built("bars") is not None and self._lazy_tabs["bars"].is_current():
            self._rebuild_bars()
        if len(self.input_sliders) != sizes[0]:
            self._rebuild_inputs(sizes[0])
            place_after(self.tabs.tabBar(), self.inputs_box)  # not after the tabs' widgets

    def _rebuild_bars(self):
        self.bars.rebuild(self._sizes)
        self._bars_sizes = self._sizes

    def _rebuild_inputs(self, count):
        for slider in self.input_sliders:
            self._inputs_layout.removeWidget(slider)
            retire(slider)
        self.input_sliders, self._input_bindings = [], []
        lo, hi = self.model.plane_range
        for i in range(count):
            slider = FloatSlider(
                # Labelled from 1 (x1, x2), like the neuron's inputs; names stay 0-based.
                f"network_input_{i}",
                f"x{i + 1}",
                lo,
                hi,
                tooltip=translate("network", "Network input x{n}").format(n=i + 1),
            )
            binding = bind_float(
                slider,
                lambda i=i: self._network_input_item(i),
                lambda value, i=i: self.model.set_network_input(i, value),
            )
            self._inputs_layout.addWidget(slider)
            self.input_sliders.append(slider)
            self._input_bindings.append(binding)

    def _network_input_item(self, i):
        # A slider may outlive the model's input until the pending repaint removes it.
        values = self.model.network_input
        return values[i] if i < len(values) else 0.0

    def _update_output_label(self):
        from actplay.ui.network.bars import output_text

        outputs = np.ravel(self.model.network_trace().a[-1])
        softmax = self.model.layer_activations[-1][0] == "softmax"
        self.output_label.setText(output_text(outputs, softmax))

    def _update_linear_note(self):
        equivalent = self.model.linear_equivalent()
        if equivalent is None:
            self.linear_note.hide()
            return
        from actplay.ui.network.diagnostics import linear_note_text

        trace = self.model.network_trace()
        self.linear_note.setText(
            linear_note_text(equivalent, self.model.network_input, trace.a[-1])
        )
        self.linear_note.show()

    def _current_tab(self):
        """The shown tab's content (a lazy tab's is built here, the first time)."""
        for tab in self._lazy_tabs.values():
            if tab.is_current():
                return tab.content()
        return self.tabs.currentWidget()

    def _refresh_tab(self, tab):
        if tab not in self._dirty_tabs:
            return
        if tuple(self.model.layer_sizes) != self._sizes:
            return  # a tab shown before the pending repaint: that repaint rebuilds, then draws it
        self._dirty_tabs.discard(tab)
        if tab is self._built("bars"):
            if self._bars_sizes != self._sizes:
                self._rebuild_bars()
            name = self.model.layer_activations[-1][0]
            self.bars.update_values(self.model.network_trace(), name == "softmax")
        elif tab is not self._built("architecture"):  # kept current in refresh()
            tab.update_view()

    def _on_tab_changed(self, _index):
        self._refresh_tab(self._current_tab())


def _scrolling(widget):
    """Wrap a tab's page so tall content scrolls instead of squeezing the dock."""
    area = QtWidgets.QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
    return area
