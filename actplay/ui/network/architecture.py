"""The architecture editor: layer sizes, per-layer activations, init scheme and seed.

Every control writes through a model setter; a ``ValueError`` from the model is
shown in ``status`` and the controls snap back to the model's state.
"""

from __future__ import annotations

import numpy as np
from PySide6 import QtCore, QtWidgets

from actplay.core.initialisation import INIT_SCHEMES
from actplay.core.network import SOFTMAX, SOFTMAX_NAME
from actplay.model import limits
from actplay.ui.widgets.retire import retire

NEW_LAYER_UNITS = 4  # a hidden layer added with the count spin starts this wide
SEED_MAX = 2**31 - 1  # fits a QSpinBox


def _spin(name, lo, hi, tooltip):
    spin = QtWidgets.QSpinBox()
    spin.setObjectName(name)
    spin.setRange(lo, hi)
    spin.setKeyboardTracking(False)
    spin.setToolTip(tooltip)
    return spin


def _set_quietly(widget, setter, value):
    blocker = QtCore.QSignalBlocker(widget)
    setter(value)
    del blocker


class ArchitectureEditor(QtWidgets.QWidget):
    """Spin boxes and combos that edit the model's network shape and initialisation."""

    def __init__(self, model, parent=None):
        super().__init__(parent)
        self._model = model
        self.input_spin = _spin(
            "network_input_size", limits.MIN_INPUTS, limits.MAX_INPUTS, "Number of network inputs"
        )
        self.hidden_spin = _spin(
            "network_hidden_count", 0, limits.MAX_HIDDEN_LAYERS, "Number of hidden layers"
        )
        self.input_spin.valueChanged.connect(self._on_sizes_edited)
        self.hidden_spin.valueChanged.connect(self._on_hidden_count_edited)
        top = QtWidgets.QHBoxLayout()
        for text, widget in (("Inputs", self.input_spin), ("Hidden layers", self.hidden_spin)):
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
        self.init_combo.setToolTip("How weights are drawn when the network is (re)initialised")
        self.init_combo.currentTextChanged.connect(self._on_init_edited)
        self.seed_spin = _spin("network_seed", 0, SEED_MAX, "Random seed of the initialisation")
        self.seed_spin.valueChanged.connect(self._on_seed_edited)
        self.randomise_button = QtWidgets.QPushButton("Randomise")
        self.randomise_button.setObjectName("network_randomise")
        self.randomise_button.setToolTip("Pick a new seed and draw fresh weights")
        self.randomise_button.clicked.connect(self.randomise)
        init_row = QtWidgets.QHBoxLayout()
        init_row.addWidget(QtWidgets.QLabel("Init"))
        init_row.addWidget(self.init_combo)
        init_row.addWidget(QtWidgets.QLabel("Seed"))
        init_row.addWidget(self.seed_spin, 1)
        init_row.addWidget(self.randomise_button)

        self.status = QtWidgets.QLabel()
        self.status.setObjectName("network_architecture_status")
        self.status.setWordWrap(True)
        self.status.setStyleSheet("color: #b00020")
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(self.layers_grid)
        layout.addLayout(init_row)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self._built_layers = -1
        self._listed = ()  # the function names the layer combos list
        self.update_view()

    # -- model -> view ---------------------------------------------------------------------
    def update_view(self):
        """Show the model's sizes, activations, init scheme and seed."""
        model = self._model
        sizes = tuple(model.layer_sizes)
        names = model.activation_names()  # custom functions come and go
        if len(sizes) - 1 != self._built_layers or names != self._listed:
            self._listed = names
            self._build_rows(len(sizes) - 1)
        _set_quietly(self.input_spin, self.input_spin.setValue, sizes[0])
        _set_quietly(self.hidden_spin, self.hidden_spin.setValue, len(sizes) - 2)
        for spin, size in zip(self.size_spins, sizes[1:], strict=True):
            _set_quietly(spin, spin.setValue, size)
        for combo, (name, _params) in zip(
            self.activation_combos, model.layer_activations, strict=True
        ):
            _set_quietly(combo, combo.setCurrentIndex, combo.findData(name))
        _set_quietly(self.init_combo, self.init_combo.setCurrentText, model.init_scheme)
        _set_quietly(self.seed_spin, self.seed_spin.setValue, int(model.seed))

    def _build_rows(self, n_layers):
        while self.layers_grid.count():
            item = self.layers_grid.takeAt(0)
            widget = item.widget()
            if widget is not None:
                retire(widget)
        self.size_spins, self.activation_combos = [], []
        for layer in range(1, n_layers + 1):
            is_output = layer == n_layers
            title = "Output" if is_output else f"Hidden {layer}"
            name = "network_output_size" if is_output else f"network_layer_{layer}_size"
            lo, hi = (
                (limits.MIN_OUTPUTS, limits.MAX_OUTPUTS)
                if is_output
                else (limits.MIN_HIDDEN_UNITS, limits.MAX_HIDDEN_UNITS)
            )
            spin = _spin(name, lo, hi, f"Units in {title.lower()} layer")
            spin.valueChanged.connect(self._on_sizes_edited)
            combo = self._activation_combo(layer, is_output)
            self.layers_grid.addWidget(QtWidgets.QLabel(title), layer - 1, 0)
            self.layers_grid.addWidget(spin, layer - 1, 1)
            self.layers_grid.addWidget(combo, layer - 1, 2)
            self.size_spins.append(spin)
            self.activation_combos.append(combo)
        self._built_layers = n_layers

    def _activation_combo(self, layer, is_output):
        combo = QtWidgets.QComboBox()
        combo.setObjectName(f"network_layer_{layer}_activation")
        combo.setToolTip(f"Activation of layer {layer}")
        for name in self._model.activation_names():  # built-in, then custom
            if name != SOFTMAX_NAME:
                combo.addItem(self._model.activation(name).title, name)
        if is_output:
            combo.addItem(SOFTMAX.title, SOFTMAX_NAME)
        combo.currentIndexChanged.connect(
            lambda _index, layer=layer, combo=combo: self._on_activation_edited(layer, combo)
        )
        return combo

    # -- view -> model ---------------------------------------------------------------------
    def _apply(self, action):
        try:
            action()
            self.status.clear()
        except ValueError as error:
            self.status.setText(str(error))
            self.update_view()

    def _sizes_from_spins(self, n_hidden):
        hidden = [spin.value() for spin in self.size_spins[:-1]]
        if n_hidden > len(hidden):
            fill = hidden[-1] if hidden else NEW_LAYER_UNITS
            hidden += [fill] * (n_hidden - len(hidden))
        return (self.input_spin.value(), *hidden[:n_hidden], self.size_spins[-1].value())

    def _on_sizes_edited(self, _value=None):
        sizes = self._sizes_from_spins(len(self.size_spins) - 1)
        self._apply(lambda: self._model.set_layer_sizes(sizes))

    def _on_hidden_count_edited(self, n_hidden):
        sizes = self._sizes_from_spins(n_hidden)
        self._apply(lambda: self._model.set_layer_sizes(sizes))

    def _on_activation_edited(self, layer, combo):
        name = combo.currentData()
        self._apply(lambda: self._model.set_layer_activation(layer, name))

    def _on_init_edited(self, scheme):
        self._apply(lambda: self._model.set_init(scheme))

    def _on_seed_edited(self, seed):
        self._apply(lambda: self._model.set_seed(int(seed)))

    def randomise(self):
        """Draw a new seed and re-initialise the weights with it."""
        seed = int(np.random.default_rng().integers(0, SEED_MAX))
        model = self._model

        def action():
            with model.batch():
                model.set_seed(seed)
                model.reinitialise()

        self._apply(action)
