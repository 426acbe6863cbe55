"""The neuron builder: one neuron built by hand, from inputs and weights to its output.

The panel stacks, top to bottom: which neuron is edited (the standalone one or
a network unit picked in the network panel), presets and the yes/no switch,
the input and weight sliders with the bias (:mod:`neuron_inputs`), the
activation and its parameters (:mod:`neuron_activation`), the equation with
the current numbers (:mod:`neuron_equation`), a bar chart of the terms
(:mod:`neuron_bars`) and, in binary mode, the truth table (:mod:`truth_table`).

Widgets write to the model through its setters only; the main window's
``RedrawScheduler`` calls :meth:`NeuronPanel.refresh` after a change, which
pushes values into the existing widgets without emitting (no echo loops).
"""

from __future__ import annotations

from functools import partial

from PySide6 import QtCore, QtGui, QtWidgets

from actplay.model import limits, presets
from actplay.ui import theme
from actplay.ui.binding import bind_bool
from actplay.ui.i18n import translate
from actplay.ui.neuron.activation import ActivationPicker
from actplay.ui.neuron.bars import CHART_HEIGHT, NeuronBars
from actplay.ui.neuron.equation_label import EquationLabel
from actplay.ui.neuron.inputs import InputRows
from actplay.ui.widgets.collapsible import CollapsibleSection
from actplay.ui.widgets.focus_order import place_after
from actplay.ui.widgets.names import unit_label
from actplay.ui.widgets.pair_grid import PairGrid

TRUTH_TABLE_MAX_INPUTS = limits.MAX_INPUTS  # the standalone neuron's most inputs: 256 rows

# Presets about the single neuron; the rest of presets.PRESETS set up the network.
NEURON_PRESETS = ("perceptron", "sigmoid_neuron", "dead_relu")


class VerticalScrollArea(QtWidgets.QScrollArea):
    """Scrolls up and down only: always as wide as its content plus a scroll bar."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def setWidget(self, widget: QtWidgets.QWidget) -> None:
        super().setWidget(widget)
        widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        # The content's minimum width is known only once it is polished, and changes with
        # its rows: tell the dock to ask minimumSizeHint again.
        if watched is self.widget() and event.type() == QtCore.QEvent.Type.LayoutRequest:
            self.updateGeometry()
        return super().eventFilter(watched, event)

    def minimumSizeHint(self) -> QtCore.QSize:
        hint = super().minimumSizeHint()
        if self.widget() is not None:
            width = (
                self.widget().minimumSizeHint().width()
                + self.verticalScrollBar().sizeHint().width()
            )
            hint.setWidth(max(hint.width(), width))
        return hint


def _group(title: str, widget: QtWidgets.QWidget, name: str) -> QtWidgets.QGroupBox:
    box = QtWidgets.QGroupBox(title)
    box.setObjectName(name)
    layout = QtWidgets.QVBoxLayout(box)
    layout.setContentsMargins(6, 4, 6, 6)
    layout.addWidget(widget)
    return box


class NeuronPanel(QtWidgets.QWidget):
    """Build one neuron by hand and watch z = w·x + b and a = f(z) change.

    Parameters
    ----------
    model : Playground
        The state the panel shows and edits.
    parent : QWidget, optional

    Notes
    -----
    The main window registers the panel with its ``RedrawScheduler`` for
    :attr:`SECTIONS`; :meth:`refresh` repaints from the model.
    """

    SECTIONS = frozenset({"neuron"})

    def __init__(self, model, parent=None):
        super().__init__(parent)
        self.setObjectName("neuron_panel")
        self.model = model
        self.inputs = InputRows(model)
        self.activation = ActivationPicker(model)
        self.equation = EquationLabel()
        self.bars = NeuronBars()
        self._truth_table = None  # the truth table and its group: built when first needed
        self._truth_group = None

        content = QtWidgets.QWidget()
        column = QtWidgets.QVBoxLayout(content)
        column.setContentsMargins(6, 6, 6, 6)
        column.addWidget(self._build_target_bar())
        column.addLayout(self._build_tool_row())
        column.addWidget(
            _group(
                translate("neuron", "Inputs, weights and bias"), self.inputs, "neuron_inputs_group"
            )
        )
        column.addWidget(
            _group(translate("neuron", "Activation f"), self.activation, "neuron_activation_group")
        )
        column.addWidget(
            _group(translate("neuron", "Equation"), self.equation, "neuron_equation_group")
        )
        # The key wraps under the chart: as a group title it set the dock's narrowest width.
        self.bars_key = QtWidgets.QLabel(
            translate("neuron", "Blue pushes the neuron on, orange holds it back.")
        )
        self.bars_key.setObjectName("neuron_bars_key")
        self.bars_key.setWordWrap(True)
        # The chart is the one part a small screen may fold away: the sliders, f and the
        # equation above it are the neuron.
        bars_group = CollapsibleSection(
            translate("neuron", "What moves z"), self.bars, "neuron_bars_group"
        )
        bars_group.body_layout.addWidget(self.bars_key)
        column.addWidget(bars_group)
        column.addStretch(1)
        self._column = column
        self._bars_group = bars_group
        # As tall as its rows need at the dock's width (height for width), not as tall as
        # their minimum hints, which are for the narrowest width (a wrapped equation
        # asked 60 px more than it takes and pushed the chart below the fold).
        content.setSizePolicy(
            QtWidgets.QSizePolicy.Policy.Preferred, QtWidgets.QSizePolicy.Policy.Ignored
        )
        scroll = VerticalScrollArea()
        self._scroll = scroll
        scroll.setWidget(content)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        # The chart takes the height the dock has to spare, between its lowest and tallest.
        scroll.viewport().installEventFilter(self)
        content.installEventFilter(self)
        self._shown_target = ()  # nothing shown yet: the first refresh sets the bar
        self.refresh(frozenset({"neuron"}))

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        kind = event.type()
        if (watched is self._scroll.viewport() and kind == QtCore.QEvent.Type.Resize) or (
            watched is self._scroll.widget() and kind == QtCore.QEvent.Type.LayoutRequest
        ):
            self._fit_chart()
        return False

    def _fit_chart(self) -> None:
        """Give the bar chart the dock's spare height, within `CHART_HEIGHT`."""
        content = self._scroll.widget()
        # Folded away, or lent to an export (which sizes it as it likes): leave it.
        if not self.isAncestorOf(self.bars) or not self.bars.isVisibleTo(self):
            return
        others = content.layout().heightForWidth(content.width()) - self.bars.height()
        lowest, tallest = CHART_HEIGHT
        height = int(min(max(self._scroll.viewport().height() - others, lowest), tallest))
        if height != self.bars.height():
            self.bars.setFixedHeight(height)

    # -- construction -------------------------------------------------------------
    @property
    def truth_table(self):
        """The binary mode's truth table (built on first use: most sessions never need it)."""
        if self._truth_table is None:
            self._build_truth_table()
        return self._truth_table

    @property
    def truth_group(self) -> QtWidgets.QGroupBox:
        """The group box around `truth_table` (built with it)."""
        if self._truth_group is None:
            self._build_truth_table()
        return self._truth_group

    def _build_truth_table(self) -> None:
        from actplay.ui.neuron.truth_table import TruthTable

        self._truth_table = TruthTable()
        self._truth_group = _group(
            translate("neuron", "Truth table"), self._truth_table, "neuron_truth_group"
        )
        self._truth_group.hide()  # refresh() shows it in binary mode
        # Above the bar chart: in yes/no mode the table is the point (the perceptron's story),
        # and below the chart it started half out of view.
        self._column.insertWidget(self._column.indexOf(self._bars_group), self._truth_group)
        # Tab order follows the picture: the table, then the chart under it.
        place_after(self.bars, self._truth_group)
        QtWidgets.QWidget.setTabOrder(self._truth_table, self.bars)

    def _build_target_bar(self) -> QtWidgets.QWidget:
        """'Editing network neuron h1 unit 2' and the way back, shown only then."""
        self.target_label = QtWidgets.QLabel()
        self.target_label.setObjectName("neuron_target_label")
        self.target_label.setWordWrap(True)
        self.target_label.setToolTip(
            translate(
                "neuron",
                "This panel edits a neuron of the network (picked in the network panel): its "
                "weights, bias and activation are the network's, its input count is the layer's.",
            )
        )
        self.release_button = QtWidgets.QPushButton(
            translate("neuron", "&Back to standalone neuron")
        )
        self.release_button.setObjectName("neuron_release")
        self.release_button.setToolTip(
            translate(
                "neuron",
                "Stop editing the network unit and show the "
                "standalone neuron again (the network keeps its values).",
            )
        )
        self.release_button.clicked.connect(self._on_release_clicked)
        bar = QtWidgets.QFrame()
        bar.setObjectName("neuron_target_bar")
        bar.setFrameShape(QtWidgets.QFrame.Shape.StyledPanel)
        theme.style_widget(bar, "#neuron_target_bar { background: $attention_background; }")
        row = QtWidgets.QHBoxLayout(bar)
        row.setContentsMargins(6, 3, 6, 3)
        # The way back goes under the label when the dock is narrow, not beside a
        # label squeezed to one word a line.
        self.target_label.setMinimumWidth(
            self.target_label.fontMetrics().horizontalAdvance("Network neuron h1 unit 10")
        )
        pair = PairGrid(bar, stretch=(1, 0))
        pair.add_row(self.target_label, self.release_button)
        row.addWidget(pair)
        self.target_bar = bar
        return bar

    def _build_tool_row(self) -> QtWidgets.QHBoxLayout:
        self.presets_button = QtWidgets.QToolButton()
        self.presets_button.setObjectName("neuron_presets")
        self.presets_button.setText(translate("neuron", "&Presets"))
        self.presets_button.setToolTip(
            translate(
                "neuron",
                "Load a ready-made example: the film-decision "
                "perceptron, a sigmoid neuron, a dead ReLU, or a network.",
            )
        )
        self.presets_button.setPopupMode(QtWidgets.QToolButton.ToolButtonPopupMode.InstantPopup)
        self.presets_button.setMenu(self._build_presets_menu())
        self.binary_check = QtWidgets.QCheckBox(translate("neuron", "&Yes/no inputs"))
        self.binary_check.setObjectName("neuron_binary")
        self.binary_check.setToolTip(
            translate(
                "neuron",
                "Binary mode: every input is 0 (no) or 1 (yes), as for a "
                "perceptron, and a truth table lists every combination.",
            )
        )
        self.binary_binding = bind_bool(
            self.binary_check, lambda: self.model.binary_mode, self.model.set_binary_mode
        )
        row = QtWidgets.QHBoxLayout()
        row.addWidget(self.presets_button)
        row.addStretch(1)
        row.addWidget(self.binary_check)
        return row

    def _build_presets_menu(self) -> QtWidgets.QMenu:
        menu = QtWidgets.QMenu(self)
        menu.setObjectName("neuron_presets_menu")
        menu.setToolTipsVisible(True)
        network_menu = QtWidgets.QMenu(translate("neuron", "Network examples"), menu)
        for name, title in presets.PRESETS.items():
            target = menu if name in NEURON_PRESETS else network_menu
            action = target.addAction(title)
            action.setObjectName(f"neuron_preset_{name}")
            action.triggered.connect(partial(self._on_preset_chosen, name))
        if not network_menu.isEmpty():
            menu.addSeparator()
            menu.addMenu(network_menu)
        self.preset_actions = {
            action.objectName().removeprefix("neuron_preset_"): action
            for action in (*menu.actions(), *network_menu.actions())
            if action.objectName().startswith("neuron_preset_")
        }
        return menu

    # -- model -> widgets -------------------------------------------------------------
    def refresh(self, sections) -> None:
        """Repaint from the model if ``sections`` include the neuron's.

        Parameters
        ----------
        sections : frozenset of str
            The model sections that changed since the last refresh.
        """
        if not self.SECTIONS & frozenset(sections):
            return
        model = self.model
        self._show_target(model.neuron_target)
        self.binary_binding.refresh()
        self.inputs.refresh()
        self.activation.refresh()
        result = model.neuron_result()
        self.equation.show_result(result)
        self.bars.show_result(result)
        # A network unit can have 16 inputs: 65,536 rows would take seconds per repaint.
        binary = model.binary_mode and len(result.weights) <= TRUTH_TABLE_MAX_INPUTS
        if binary:
            self.truth_table.show_input_names(model.neuron_input_names)
            self.truth_table.show_rows(model.truth_table())
        group = self._truth_group
        if group is not None and group.isVisibleTo(self) != binary:
            group.setVisible(binary)
            if binary:  # switched on (a preset, the check box): bring the table into view
                QtCore.QTimer.singleShot(0, lambda: self._scroll.ensureWidgetVisible(group))

    def _show_target(self, target) -> None:
        if target == self._shown_target:
            return
        self._shown_target = target
        self.target_bar.setVisible(target is not None)
        if target is None:
            return
        layer, unit = target
        n_layers = len(self.model.layer_sizes)
        kind = "output layer" if layer == n_layers - 1 else f"hidden layer {layer}"
        self.target_label.setText(
            translate("neuron", "Network neuron <b>{unit}</b> ({kind})").format(
                unit=unit_label(layer, unit, n_layers), kind=kind
            )
        )

    # -- widgets -> model ---------------------------------------------------------------
    def _on_release_clicked(self) -> None:
        self.model.release_neuron()

    def _on_preset_chosen(self, name: str) -> None:
        # The Presets menu's own command, when the panel is in the window: one name, one
        # undo step and one status line wherever the preset was chosen.
        command = self.window().findChild(QtGui.QAction, f"preset_{name}_action")
        if command is not None:
            command.trigger()
        else:
            presets.apply(self.model, name)
