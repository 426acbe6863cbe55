"""The neuron's activation: a picker grouped like the library, and the function's parameters.

The combo box ``neuron_activation`` lists every registry function by title,
grouped with separators; the parameter sliders ``neuron_param_<key>`` are the
curve pane's `ParamSliders`, rebuilt only when the chosen function changes. While the curve pane is
linked, its main curve is this same function (the model keeps them in step).
"""

from __future__ import annotations

from PySide6 import QtWidgets
from PySide6.QtCore import QSignalBlocker, Qt

from actplay.ui.binding import bind_choice
from actplay.ui.i18n import translate
from actplay.ui.widgets.elided_combo import ElidedComboBox
from actplay.ui.widgets.float_slider import FloatSlider
from actplay.ui.widgets.param_sliders import ParamSliders

PICKER_MIN_CHARACTERS = 12  # "Sigmoid (log" readable; the popup shows every title whole
PICKER_TIP = translate(
    "neuron",
    "The activation function f that turns the sum z into the output a = f(z). "
    "While the curve pane is linked it shows this same function.",
)


def _fill_picker(box: QtWidgets.QComboBox, model) -> None:
    """Every function the model knows (built-in, then custom) by title, a separator
    between groups."""
    previous_group = None
    for name in model.activation_names():
        activation = model.activation(name)
        if previous_group is not None and activation.group != previous_group:
            box.insertSeparator(box.count())
        previous_group = activation.group
        box.addItem(activation.title, name)
        box.setItemData(
            box.count() - 1,
            f"{activation.group}: {activation.formula}",
            Qt.ItemDataRole.ToolTipRole,
        )
    box.setMaxVisibleItems(20)


class ActivationPicker(QtWidgets.QWidget):
    """The activation combo box and one slider per parameter of the chosen function."""

    def __init__(self, model, parent=None):
        super().__init__(parent)
        self._model = model
        self.picker = ElidedComboBox()
        self.picker.setObjectName("neuron_activation")
        self.picker.setToolTip(PICKER_TIP)
        # As wide as the dock allows, not as its longest title: a narrow dock elides.
        self.picker.setSizeAdjustPolicy(
            QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.picker.setMinimumContentsLength(PICKER_MIN_CHARACTERS)
        _fill_picker(self.picker, model)
        self._listed = model.activation_names()
        self.description = QtWidgets.QLabel()
        self.description.setObjectName("neuron_activation_formula")
        self.description.setWordWrap(True)
        self.description.setTextFormat(Qt.TextFormat.PlainText)  # formulas hold "<" and ">"
        self.description.setToolTip(translate("neuron", "The formula of the chosen function."))
        self.picker_binding = bind_choice(
            self.picker, lambda: self._model.neuron_activation, self._model.set_neuron_activation
        )
        label = QtWidgets.QLabel(translate("neuron", "&Function"))
        label.setBuddy(self.picker)
        label.setToolTip(PICKER_TIP)
        row = QtWidgets.QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.picker, 1)
        self.params = ParamSliders(
            "neuron_param",
            lambda: (self._model.neuron_activation, self._model.neuron_params),
            self._model.set_neuron_param,
            self,
            lookup=self._model.activation,
            empty_text=None,  # the formula line above says enough
        )
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.description)
        layout.addWidget(self.params)
        self._shown = None  # the function whose formula is shown

    @property
    def param_sliders(self) -> dict[str, FloatSlider]:
        """The parameter sliders of the shown function, by parameter name."""
        return self.params.sliders

    def refresh(self) -> None:
        """Show the model's function and parameter values (sliders rebuilt on a new function)."""
        name = self._model.neuron_activation
        if self._model.activation_names() != self._listed:  # a custom function came or went
            self._listed = self._model.activation_names()
            with QSignalBlocker(self.picker):
                self.picker.clear()
                _fill_picker(self.picker, self._model)
        if self.picker.findData(name) < 0:
            # A layer-wide function such as softmax on a network's output unit: show it,
            # though the standalone neuron cannot choose it (the model says why).
            self.picker.addItem(name, name)
        self.picker_binding.refresh()
        if name != self._shown:
            self._show_formula(name)
        self.params.refresh()

    def _show_formula(self, name: str) -> None:
        try:
            activation = self._model.activation(name)
        except (KeyError, ValueError):
            activation = None
        self.description.setText("" if activation is None else activation.formula)
        if activation is not None:
            self.description.setToolTip(activation.description)
        self._shown = name
