"""The neuron's inputs and weights: one row per input, add/remove buttons, the bias.

Each row holds a value slider ``neuron_input_<i>`` (or, in binary mode, a
yes/no check box ``neuron_input_<i>_check``) and a weight slider
``neuron_weight_<i>``. Rows are rebuilt only when the number of inputs
changes; every other redraw pushes the model's values into the existing
widgets without emitting (``Binding.refresh``), since this runs on every
slider drag. Slider ranges can be widened from the range box or per slider
from its context menu; the spin boxes always accept any value the model does.
"""

from __future__ import annotations

from functools import partial

from PySide6 import QtCore, QtWidgets

from actplay.model import limits
from actplay.ui.binding import Binding, apply_command, bind_bool, bind_float
from actplay.ui.i18n import translate
from actplay.ui.widgets.float_slider import FloatSlider
from actplay.ui.widgets.names import input_label
from actplay.ui.widgets.pair_grid import PairGrid
from actplay.ui.widgets.retire import retire

# Half-widths a slider range may take: small for fine work up to the model's limit.
RANGE_CHOICES = (1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0, 1e3, 1e4, 1e5, limits.VALUE_LIMIT)
DEFAULT_RANGE = 5.0  # inputs and weights: -5..5 covers every textbook example
BIAS_RANGE_FACTOR = 2.0  # the bias slider spans twice the weights' range (-10..10)

INPUT_TIP = translate(
    "neuron",
    "Input x{n}: the value arriving at the neuron. Drag, or type an exact value "
    "in the box. Right-click for the slider's range.",
)
WEIGHT_TIP = translate(
    "neuron",
    "Weight w{n}: how strongly input {n} counts; negative weights hold the "
    "neuron back. Right-click for the slider's range.",
)
CHECK_TIP = translate("neuron", "Input x{n}: ticked is yes (1), unticked no (0). Space toggles it.")
READ_ONLY_TIP = translate(
    "neuron",
    "This input is an output of the previous network layer, so it is read "
    "here; change the network input in the network panel instead.",
)
BIAS_TIP = translate(
    "neuron",
    "Bias b: added to the weighted sum; it shifts where the neuron switches on. "
    "Right-click for the slider's range.",
)


def range_menu(slider: FloatSlider, parent: QtWidgets.QWidget) -> QtWidgets.QMenu:
    """A menu of symmetric ranges for one slider (the current one checked)."""
    menu = QtWidgets.QMenu(translate("neuron", "Slider range"), parent)
    group = QtWidgets.QActionGroup(menu)
    for half in RANGE_CHOICES:
        action = menu.addAction(f"\u2212{half:g} \u2026 {half:g}")
        action.setCheckable(True)
        action.setChecked(slider.range() == (-half, half))
        action.triggered.connect(partial(slider.setRange, -half, half))
        group.addAction(action)
    return menu


def _allow_range_menu(slider: FloatSlider) -> None:
    slider.setContextMenuPolicy(QtCore.Qt.ContextMenuPolicy.CustomContextMenu)
    slider.customContextMenuRequested.connect(
        lambda pos: range_menu(slider, slider).exec(slider.mapToGlobal(pos))
    )


class InputRows(QtWidgets.QWidget):
    """Input and weight sliders of the model's neuron, plus add/remove and the bias."""

    def __init__(self, model, parent=None):
        super().__init__(parent)
        self._model = model
        self._range = DEFAULT_RANGE
        self.input_sliders: list[FloatSlider] = []
        self.weight_sliders: list[FloatSlider] = []
        self.input_checks: list[QtWidgets.QCheckBox] = []
        self._row_bindings: list[Binding] = []

        self.add_button = QtWidgets.QPushButton(translate("neuron", "&Add input"))
        self.add_button.setObjectName("neuron_add_input")
        self.add_button.setToolTip(
            translate("neuron", "Add an input (with weight 0); at most {MAX_INPUTS}.").format(
                MAX_INPUTS=limits.MAX_INPUTS
            )
        )
        self.add_button.clicked.connect(self._on_add_clicked)
        self.remove_button = QtWidgets.QPushButton(translate("neuron", "&Remove input"))
        self.remove_button.setObjectName("neuron_remove_input")
        self.remove_button.setToolTip(translate("neuron", "Remove the last input and its weight."))
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self.range_box = QtWidgets.QComboBox()
        self.range_box.setObjectName("neuron_range")
        for half in RANGE_CHOICES:
            self.range_box.addItem(f"\u00b1{half:g}", half)
        self.range_box.setCurrentIndex(RANGE_CHOICES.index(DEFAULT_RANGE))
        self.range_box.setToolTip(
            translate(
                "neuron",
                "Range of every input and weight slider (the bias gets twice this). The boxes "
                "next to the sliders accept any value up to ±{VALUE_LIMIT:g}.",
            ).format(VALUE_LIMIT=limits.VALUE_LIMIT)
        )
        self.range_box.currentIndexChanged.connect(self._on_range_chosen)
        range_label = QtWidgets.QLabel(translate("neuron", "Sli&der range"))
        range_label.setBuddy(self.range_box)
        range_label.setToolTip(self.range_box.toolTip())

        # Input and weight side by side on a wide dock, stacked on a narrow one.
        self.rows = PairGrid()
        self.bias_slider = FloatSlider(
            "neuron_bias",
            "b",
            -DEFAULT_RANGE * BIAS_RANGE_FACTOR,
            DEFAULT_RANGE * BIAS_RANGE_FACTOR,
            tooltip=BIAS_TIP,
        )
        _allow_range_menu(self.bias_slider)
        self.bias_binding = bind_float(
            self.bias_slider, lambda: self._model.neuron_bias, self._model.set_neuron_bias
        )

        self._tool_cells = (
            _row_of(self.add_button, self.remove_button),
            _row_of(None, range_label, self.range_box),
        )
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.rows)
        layout.addWidget(self.bias_slider)
        self._n_inputs = -1
        self._names: tuple = ()  # the input names the labels show
        self._mode = None  # (count, binary, target) last applied by _apply_mode

    # -- model -> widgets -----------------------------------------------------------
    def refresh(self) -> None:
        """Show the model's inputs, weights and bias; rebuild rows only on a new count."""
        model = self._model
        n_inputs = len(model.neuron_weights)
        if n_inputs != self._n_inputs:
            self._rebuild(n_inputs)
        for binding in self._row_bindings:
            binding.refresh()
        self.bias_binding.refresh()
        names = model.neuron_input_names
        if names != self._names:  # a preset told (or dropped) its story
            self._names = names
            for i, (slider, check) in enumerate(
                zip(self.input_sliders, self.input_checks, strict=True)
            ):
                text = input_label(i, names[i] if i < len(names) else "")
                slider.label.setText(text)
                slider.slider.setAccessibleName(text)
                slider.spin.setAccessibleName(text)
                check.setText(text)
        mode = (n_inputs, model.binary_mode, model.neuron_target)
        if mode != self._mode:  # visibility and enabled states change rarely: skip on drags
            self._apply_mode(*mode)
            self._mode = mode

    def _apply_mode(self, n_inputs: int, binary: bool, target) -> None:
        """Show sliders or check boxes, lock what a network unit does not allow."""
        read_only = target is not None and target[0] != 1
        for i, (slider, check) in enumerate(
            zip(self.input_sliders, self.input_checks, strict=True)
        ):
            slider.setVisible(not binary)
            check.setVisible(binary)
            slider.setEnabled(not read_only)
            check.setEnabled(not read_only)
            n = i + 1
            _set_tooltip(slider, READ_ONLY_TIP if read_only else INPUT_TIP.format(n=n))
            check.setToolTip(READ_ONLY_TIP if read_only else CHECK_TIP.format(n=n))
        resizable = target is None
        self.add_button.setEnabled(resizable and n_inputs < limits.MAX_INPUTS)
        self.remove_button.setEnabled(resizable and n_inputs > limits.MIN_INPUTS)
        self.add_button.setVisible(resizable)
        self.remove_button.setVisible(resizable)

    def _rebuild(self, n_inputs: int) -> None:
        """Replace the rows with ``n_inputs`` fresh ones bound to the model."""
        while self.rows.row_count():
            self.rows.remove_row(0)
        for widget in (*self.input_sliders, *self.weight_sliders, *self.input_checks):
            retire(widget)
        self.input_sliders, self.weight_sliders, self.input_checks = [], [], []
        self._row_bindings = []
        model = self._model
        half = self._range
        for i in range(n_inputs):
            n = i + 1
            value = FloatSlider(
                f"neuron_input_{i}", f"x{n}", -half, half, tooltip=INPUT_TIP.format(n=n)
            )
            weight = FloatSlider(
                f"neuron_weight_{i}", f"w{n}", -half, half, tooltip=WEIGHT_TIP.format(n=n)
            )
            check = QtWidgets.QCheckBox(f"x{n}")
            check.setObjectName(f"neuron_input_{i}_check")
            check.setToolTip(CHECK_TIP.format(n=n))
            for slider in (value, weight):
                _allow_range_menu(slider)
            self.rows.add_row((value, check), weight)
            self._row_bindings += [
                bind_float(
                    value,
                    partial(_item, model, "neuron_inputs", i),
                    partial(model.set_neuron_input, i),
                ),
                bind_float(
                    weight,
                    partial(_item, model, "neuron_weights", i),
                    partial(model.set_neuron_weight, i),
                ),
                bind_bool(check, partial(_is_on, model, i), partial(_set_on, model, i)),
            ]
            self.input_sliders.append(value)
            self.weight_sliders.append(weight)
            self.input_checks.append(check)
        self.rows.add_row(*self._tool_cells)
        self._n_inputs = n_inputs
        self._mode = None
        self._names = ()  # the new rows show x1, x2 ..: the next refresh names them

    # -- widgets -> model -------------------------------------------------------------
    def _on_add_clicked(self) -> None:
        self._change_input_count(+1)

    def _on_remove_clicked(self) -> None:
        self._change_input_count(-1)

    def _change_input_count(self, step: int) -> None:
        # A click can land before the next repaint disables the button (a network unit was
        # just opened, or the limit reached): the model refuses, and the user reads why.
        button = self.add_button if step > 0 else self.remove_button  # the note goes under it
        apply_command(
            button, lambda: self._model.set_input_count(len(self._model.neuron_weights) + step)
        )

    def _on_range_chosen(self, index: int) -> None:
        self._range = float(self.range_box.itemData(index))
        for slider in (*self.input_sliders, *self.weight_sliders):
            slider.setRange(-self._range, self._range)
        bias_half = min(self._range * BIAS_RANGE_FACTOR, limits.VALUE_LIMIT)
        self.bias_slider.setRange(-bias_half, bias_half)


def _row_of(*widgets) -> QtWidgets.QWidget:
    """Widgets side by side in one plain container; None is a stretch."""
    container = QtWidgets.QWidget()
    row = QtWidgets.QHBoxLayout(container)
    row.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        if widget is None:
            row.addStretch(1)
        else:
            row.addWidget(widget)
    return container


def _set_tooltip(slider: FloatSlider, text: str) -> None:
    for part in (slider.label, slider.slider, slider.spin):
        part.setToolTip(text)


def _item(model, field: str, i: int) -> float:
    # Row i may outlive the model's inputs until the next repaint removes it: show 0 there.
    values = getattr(model, field)
    return values[i] if i < len(values) else 0.0


def _is_on(model, i: int) -> bool:
    return _item(model, "neuron_inputs", i) >= 0.5


def _set_on(model, i: int, on: bool) -> None:
    model.set_neuron_input(i, 1.0 if on else 0.0)
