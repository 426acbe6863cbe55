"""The architecture editor: layer sizes, per-layer activations, init scheme and seed.

Every control is bound to the model (`ui.binding`): it writes through a model
setter, and a refused value is shown in ``status`` while the control snaps back
to the model's value. The status stays until the network next changes.
"""

from __future__ import annotations

from functools import partial

import numpy as np
from PySide6 import QtWidgets

from actplay.core.initialisation import INIT_SCHEMES
from actplay.core.network import SOFTMAX, SOFTMAX_NAME
from actplay.model import limits
from actplay.model.errors import InvalidValue
from actplay.ui import theme
from actplay.ui.binding import Binding, apply_command, bind_choice, bind_float
from actplay.ui.i18n import translate
from actplay.ui.widgets.elided_combo import ElidedComboBox
from actplay.ui.widgets.pair_grid import PairGrid
from actplay.ui.widgets.retire import retire

NEW_LAYER_UNITS = 4  # a hidden layer added with the count spin starts this wide
SEED_MAX = min(limits.MAX_SEED, 2**31 - 1)  # what a QSpinBox holds
ACTIVATION_MIN_CHARACTERS = 12  # "Sigmoid (log" readable in a 1024-px window's dock


def _spin(name, lo, hi, tooltip):
    spin = QtWidgets.QSpinBox()
    spin.setObjectName(name)
    spin.setRange(lo, hi)
    spin.setKeyboardTracking(False)
    spin.setToolTip(tooltip)
    spin.setAccessibleName(tooltip)
    return spin


def _name_in_tooltip(combo, layer):
    """Say the layer's whole function title in the tooltip (the field may elide it)."""
    combo.setToolTip(
        translate("network", "Activation of layer {layer}: {function}").format(
            layer=layer, function=combo.currentText()
        )
    )


def _row(*widgets):
    """The widgets side by side in one borderless widget, so they move as one."""
    row = QtWidgets.QWidget()
    layout = QtWidgets.QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget)
    return row


class ArchitectureEditor(QtWidgets.QWidget):
    """Spin boxes and combos that edit the model's network shape and initialisation."""

    def __init__(self, model, parent=None):
        super().__init__(parent)
        self._model = model
        self.status = QtWidgets.QLabel()
        self.status.setObjectName("network_architecture_status")
        self.status.setWordWrap(True)
        theme.style_widget(self.status, "color: $error_text")

        self.input_spin = _spin(
            "network_input_size",
            limits.MIN_INPUTS,
            limits.MAX_INPUTS,
            translate("network", "Number of network inputs"),
        )
        self.hidden_spin = _spin(
            "network_hidden_count",
            0,
            limits.MAX_HIDDEN_LAYERS,
            translate("network", "Number of hidden layers"),
        )
        top = QtWidgets.QHBoxLayout()
        for text, widget in (
            (translate("network", "Inputs"), self.input_spin),
            (translate("network", "Hidden layers"), self.hidden_spin),
        ):
            top.addWidget(QtWidgets.QLabel(text))
            top.addWidget(widget)
        top.addStretch(1)

        self.layers_grid = QtWidgets.QGridLayout()
        self.layers_grid.setColumnStretch(2, 1)
        self.size_spins: list[QtWidgets.QSpinBox] = []
        self.activation_combos: list[QtWidgets.QComboBox] = []

        self.init_combo = QtWidgets.QComboBox()
        self.init_combo.setObjectName("network_init")
        self.init_combo.addItems(INIT_SCHEMES)
        self.init_combo.setToolTip(
            translate("network", "How weights are drawn when the network is (re)initialised")
        )
        self.init_combo.setAccessibleName(translate("network", "Weight initialisation"))
        self.seed_spin = _spin(
            "network_seed", 0, SEED_MAX, translate("network", "Random seed of the initialisation")
        )
        self.randomise_button = QtWidgets.QPushButton(translate("network", "Randomise"))
        self.randomise_button.setObjectName("network_randomise")
        self.randomise_button.setToolTip(
            translate("network", "Pick a new seed and draw fresh weights")
        )
        self.randomise_button.clicked.connect(self.randomise)
        init_label = QtWidgets.QLabel(translate("network", "Init"))
        seed_label = QtWidgets.QLabel(translate("network", "Seed"))
        # One width for both labels, so the combo and the spin line up when stacked.
        label_width = max(init_label.sizeHint().width(), seed_label.sizeHint().width())
        for label in (init_label, seed_label):
            label.setMinimumWidth(label_width)
        init_half = _row(init_label, self.init_combo)
        seed_half = _row(seed_label, self.seed_spin, self.randomise_button)
        init_half.layout().setStretchFactor(self.init_combo, 1)
        seed_half.layout().setStretchFactor(self.seed_spin, 1)
        # Seed and Randomise go under Init when the dock is too narrow for one line.
        self.init_row = PairGrid(stretch=(0, 1))
        self.init_row.setObjectName("network_init_row")
        self.init_row.add_row(init_half, seed_half)

        report = self.status.setText
        self._bindings: list[Binding] = [
            bind_float(self.input_spin, lambda: model.layer_sizes[0], self._set_input_size, report),
            bind_float(
                self.hidden_spin, lambda: len(model.layer_sizes) - 2, self._set_hidden_count, report
            ),
            bind_choice(self.init_combo, lambda: model.init_scheme, model.set_init, report),
            bind_float(self.seed_spin, lambda: int(model.seed), self._set_seed, report),
        ]
        self._row_bindings: list[Binding] = []

        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(self.layers_grid)
        layout.addWidget(self.init_row)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self._built_layers = -1
        self._listed = ()  # the function names the layer combos list
        self.update_view()

    # -- model -> view ---------------------------------------------------------------------
    def update_view(self):
        """Show the model's sizes, activations, init scheme and seed."""
        model = self._model
        n_layers = len(model.layer_sizes) - 1
        names = model.activation_names()  # custom functions come and go
        if n_layers != self._built_layers or names != self._listed:
            self._listed = names
            self._build_rows(n_layers)
        for binding in (*self._bindings, *self._row_bindings):
            binding.refresh()
        for layer, combo in enumerate(self.activation_combos, start=1):
            _name_in_tooltip(combo, layer)
        self.status.clear()  # a refused edit is forgotten once the network changes

    def _build_rows(self, n_layers):
        while self.layers_grid.count():
            widget = self.layers_grid.takeAt(0).widget()
            if widget is not None:
                retire(widget)
        self.size_spins, self.activation_combos, self._row_bindings = [], [], []
        report = self.status.setText
        for layer in range(1, n_layers + 1):
            is_output = layer == n_layers
            title = (
                translate("network", "Output")
                if is_output
                else translate("network", "Hidden {layer}").format(layer=layer)
            )
            name = "network_output_size" if is_output else f"network_layer_{layer}_size"
            lo, hi = (
                (limits.MIN_OUTPUTS, limits.MAX_OUTPUTS)
                if is_output
                else (limits.MIN_HIDDEN_UNITS, limits.MAX_HIDDEN_UNITS)
            )
            spin = _spin(
                name,
                lo,
                hi,
                translate("network", "Units in {layer} layer").format(layer=title.lower()),
            )
            combo = self._activation_combo(layer, is_output)
            self.layers_grid.addWidget(QtWidgets.QLabel(title), layer - 1, 0)
            self.layers_grid.addWidget(spin, layer - 1, 1)
            self.layers_grid.addWidget(combo, layer - 1, 2)
            self.size_spins.append(spin)
            self.activation_combos.append(combo)
            row = "output" if is_output else layer
            self._row_bindings += [
                bind_float(
                    spin, partial(self._layer_size, row), partial(self._set_size, row), report
                ),
                bind_choice(
                    combo,
                    partial(self._layer_activation, row),
                    partial(self._set_activation, row),
                    report,
                ),
            ]
        self._built_layers = n_layers

    def _activation_combo(self, layer, is_output):
        combo = ElidedComboBox()
        combo.setObjectName(f"network_layer_{layer}_activation")
        combo.setAccessibleName(
            translate("network", "Activation of layer {layer}").format(layer=layer)
        )
        # As wide as the dock allows, not as the longest title: a narrow dock elides,
        # the tooltip and the popup give the title whole.
        combo.setSizeAdjustPolicy(
            QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        combo.setMinimumContentsLength(ACTIVATION_MIN_CHARACTERS)
        for name in self._model.activation_names():  # built-in, then custom
            if name != SOFTMAX_NAME:
                combo.addItem(self._model.activation(name).title, name)
        if is_output:
            combo.addItem(SOFTMAX.title, SOFTMAX_NAME)
        return combo

    # -- getters and setters of the bindings -----------------------------------------------
    # A row is the output row or a hidden layer's number. Rows are rebuilt by the repaint
    # after the model's depth changes; until then a row may stand for no layer at all.
    def _model_layer(self, row):
        """The model's layer index (1 = first hidden) a row edits now, or None."""
        n_layers = len(self._model.layer_sizes) - 1
        if row == "output":
            return n_layers
        return row if row < n_layers else None

    def _layer_size(self, row):
        layer = self._model_layer(row)
        return 1 if layer is None else self._model.layer_sizes[layer]

    def _layer_activation(self, row):
        layer = self._model_layer(row)
        return None if layer is None else self._model.layer_activations[layer - 1][0]

    def _set_size(self, row, units):
        sizes = list(self._model.layer_sizes)
        sizes[self._existing_layer(row)] = units
        self._model.set_layer_sizes(sizes)

    def _set_activation(self, row, name):
        self._model.set_layer_activation(self._existing_layer(row), name)

    def _existing_layer(self, row):
        layer = self._model_layer(row)
        if layer is None:
            raise InvalidValue(f"hidden layer {row} was just removed")
        return layer

    def _set_input_size(self, units):
        sizes = list(self._model.layer_sizes)
        sizes[0] = units
        self._model.set_layer_sizes(sizes)

    def _set_hidden_count(self, n_hidden):
        """More hidden layers repeat the last one's width (or `NEW_LAYER_UNITS`); fewer
        drop the last ones."""
        sizes = list(self._model.layer_sizes)
        hidden = sizes[1:-1]
        fill = hidden[-1] if hidden else NEW_LAYER_UNITS
        hidden = (hidden + [fill] * n_hidden)[:n_hidden]
        self._model.set_layer_sizes([sizes[0], *hidden, sizes[-1]])

    def _set_seed(self, seed):
        self._model.set_seed(int(seed))

    # -- commands ---------------------------------------------------------------------------
    def randomise(self):
        """Draw a new seed and re-initialise the weights with it."""
        seed = int(np.random.default_rng().integers(0, SEED_MAX))
        model = self._model

        def reseed():
            with model.batch():
                model.set_seed(seed)
                model.reinitialise()

        apply_command(self, reseed, self.status.setText)
