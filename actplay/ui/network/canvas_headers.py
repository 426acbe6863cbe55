"""The controls above the canvas's columns: layer sizes and activations, in place.

Above the input column: how many hidden layers, with - and +. Above each layer:
its size with - and +, and its activation. Every change goes to the model
(new weights are drawn for a new shape, as in the TensorFlow Playground); a
refused change is shown in the canvas's hint line, the model is unchanged.
"""

from __future__ import annotations

from PySide6 import QtCore, QtWidgets

from actplay.core.network import SOFTMAX, SOFTMAX_NAME
from actplay.model import limits
from actplay.ui.i18n import translate
from actplay.ui.network.short_names import short_name
from actplay.ui.widgets.elided_combo import SHORT_TEXT_ROLE, ElidedComboBox
from actplay.ui.widgets.names import layer_label

NEW_LAYER_UNITS = 4  # units of a hidden layer added with +
ROW_HEIGHT = 24  # px of one header row
HEADER_HEIGHT = 2 * ROW_HEIGHT + 6  # px above the tiles
COMPACT_BELOW = 56  # px: a narrower layer header shows its size without - and +


def _tool_button(text: str, name: str, tooltip: str, parent) -> QtWidgets.QToolButton:
    button = QtWidgets.QToolButton(parent)
    button.setObjectName(name)
    button.setText(text)
    button.setToolTip(tooltip)
    button.setAccessibleName(tooltip)
    button.setAutoRaise(True)
    button.setFixedSize(20, 20)
    return button


class LayerHeader(QtWidgets.QWidget):
    """``- 8 +`` and the activation of one layer (1-based ``layer``)."""

    def __init__(self, model, layer: int, n_layers: int, parent, on_error) -> None:
        super().__init__(parent)
        self._model = model
        self.layer = layer
        self._on_error = on_error
        is_output = layer == n_layers - 1
        name = layer_label(layer, n_layers)
        self.setObjectName(f"network_canvas_header_{layer}")
        self.minus = _tool_button(
            "\u2212",
            f"network_canvas_{layer}_minus",
            translate("network", "One unit fewer in {name}").format(name=name),
            self,
        )
        self.plus = _tool_button(
            "+",
            f"network_canvas_{layer}_plus",
            translate("network", "One unit more in {name}").format(name=name),
            self,
        )
        self.size_label = QtWidgets.QLabel(self)
        self.size_label.setAlignment(QtCore.Qt.AlignmentFlag.AlignCenter)
        self.combo = ElidedComboBox(self)  # "sigm" in a narrow column, not "s…"
        self.combo.setObjectName(f"network_canvas_{layer}_activation")
        self._name = name
        self.combo.setToolTip(translate("network", "Activation of {name}").format(name=name))
        self.combo.setAccessibleName(translate("network", "Activation of {name}").format(name=name))
        self.combo.setSizeAdjustPolicy(
            QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.combo.setMinimumContentsLength(4)
        # Short (PyTorch) names fit a column; the title is the item's tooltip.
        for function in model.activation_names():
            if function != SOFTMAX_NAME:
                self._add_function(function, model.activation(function).title)
        if is_output:
            self._add_function(SOFTMAX_NAME, SOFTMAX.title)
        self._limit = limits.MAX_OUTPUTS if is_output else limits.MAX_HIDDEN_UNITS
        self._lowest = limits.MIN_OUTPUTS if is_output else limits.MIN_HIDDEN_UNITS
        self.minus.clicked.connect(lambda: self._resize(-1))
        self.plus.clicked.connect(lambda: self._resize(+1))
        self.combo.activated.connect(self._on_activation_chosen)
        top = QtWidgets.QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.setSpacing(0)
        top.addWidget(self.minus)
        top.addWidget(self.size_label, 1)
        top.addWidget(self.plus)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.combo)

    def _add_function(self, name: str, title: str) -> None:
        self.combo.addItem(name, name)
        index = self.combo.count() - 1
        self.combo.setItemData(index, title, QtCore.Qt.ItemDataRole.ToolTipRole)
        self.combo.setItemData(index, short_name(name), SHORT_TEXT_ROLE)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        # Too narrow for "- 8 +": the size alone (its tooltip says how to change it).
        compact = event.size().width() < COMPACT_BELOW
        self.minus.setVisible(not compact)
        self.plus.setVisible(not compact)
        super().resizeEvent(event)

    def update_view(self, size: int, activation: str) -> None:
        self.size_label.setText(f"{size}")
        self.size_label.setToolTip(
            translate(
                "network",
                "{size} unit{plural} (- and + beside it when the canvas is wider, "
                "or the Architecture tab)",
            ).format(size=size, plural="s" if size != 1 else "")
        )
        self.minus.setEnabled(size > self._lowest)
        self.plus.setEnabled(size < self._limit)
        self.combo.setToolTip(
            translate("network", "Activation of {_name}: {activation}").format(
                _name=self._name, activation=activation
            )
        )  # if shown elided
        index = self.combo.findData(activation)
        if index != self.combo.currentIndex():
            with QtCore.QSignalBlocker(self.combo):
                self.combo.setCurrentIndex(index)

    def _resize(self, step: int) -> None:
        sizes = list(self._model.layer_sizes)
        sizes[self.layer] += step
        self._apply(lambda: self._model.set_layer_sizes(tuple(sizes)))

    def _on_activation_chosen(self, index: int) -> None:
        name = self.combo.itemData(index)
        self._apply(lambda: self._model.set_layer_activation(self.layer, name))

    def _apply(self, action) -> None:
        try:
            action()
        except ValueError as error:
            self._on_error(str(error))


class DepthHeader(QtWidgets.QWidget):
    """``- 2 hidden +``: add or remove a hidden layer (before the output)."""

    def __init__(self, model, parent, on_error) -> None:
        super().__init__(parent)
        self.setObjectName("network_canvas_depth")
        self._model = model
        self._on_error = on_error
        self.title = QtWidgets.QLabel(self)
        self.minus = _tool_button(
            "\u2212",
            "network_canvas_layers_minus",
            translate("network", "Remove the last hidden layer"),
            self,
        )
        self.plus = _tool_button(
            "+", "network_canvas_layers_plus", translate("network", "Add a hidden layer"), self
        )
        self.count = QtWidgets.QLabel(self)
        self._hidden: int | None = None  # hidden layers shown
        self.count.setAlignment(QtCore.Qt.AlignmentFlag.AlignCenter)
        self.minus.clicked.connect(lambda: self._change(-1))
        self.plus.clicked.connect(lambda: self._change(+1))
        top = QtWidgets.QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.setSpacing(0)
        top.addWidget(self.minus)
        top.addWidget(self.count, 1)
        top.addWidget(self.plus)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addLayout(top)

    def update_view(self, sizes, input_title: str) -> None:
        hidden = len(sizes) - 2
        self.title.setText(input_title)
        self._hidden = hidden
        self._fit_count()
        self.count.setToolTip(
            translate("network", "{hidden} hidden layer{plural}").format(
                hidden=hidden, plural="s" if hidden != 1 else ""
            )
        )
        self.minus.setEnabled(hidden > 0)
        self.plus.setEnabled(hidden < limits.MAX_HIDDEN_LAYERS)

    def _fit_count(self) -> None:
        """ "2 hidden" where it fits, else "2" (a narrow dock's columns are ~56 px)."""
        hidden = self._hidden
        if hidden is None:
            return
        text = translate("network", "{hidden} hidden").format(hidden=hidden)
        if self.count.fontMetrics().horizontalAdvance(text) > self.count.width():
            text = f"{hidden}"
        self.count.setText(text)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self.layout().activate()
        self._fit_count()

    def _change(self, step: int) -> None:
        sizes = list(self._model.layer_sizes)
        if step > 0:
            fill = sizes[-2] if len(sizes) > 2 else NEW_LAYER_UNITS
            sizes.insert(len(sizes) - 1, fill)
        else:
            del sizes[-2]
        try:
            self._model.set_layer_sizes(tuple(sizes))
        except ValueError as error:
            self._on_error(str(error))
