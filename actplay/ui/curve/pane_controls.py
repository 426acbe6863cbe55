"""The curve pane's two rows of controls above the plot.

The function row: the function picker, "Edit…" for a custom function, and
whether the curve is the neuron's function. The view row: which of f, f′, f″
to show (each with its line style as an icon) and the x range with its reset.
Every control writes the model through a binding the pane refreshes.

A mixin of `CurvePane`: it builds the widgets and bindings; the pane lays them
out and reads the model back into them.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QWidget,
)

from actplay.model import limits
from actplay.ui import theme
from actplay.ui.binding import Binding, bind_bool, bind_float
from actplay.ui.curve.legend import KEY_ICON_SIZE, kind_icon
from actplay.ui.i18n import translate
from actplay.ui.widgets.function_picker import FunctionPicker
from actplay.ui.widgets.param_sliders import ParamSliders
from actplay.ui.widgets.signed_spin import SignedSpinBox

RANGE_LIMIT = limits.VALUE_LIMIT  # zooming out stops where the model's values do
RANGE_SPIN_TEXT = "-10000.00"  # the widest x end shown whole; wider ones scroll in the box
KIND_TEXT = {"f": "f", "df": "f\u2032", "d2f": "f\u2033"}
KIND_STYLE = {
    "f": translate("curve", "solid, heavy"),
    "df": translate("curve", "dashed, lighter"),
    "d2f": translate("curve", "dash-dotted, lightest"),
}


class CurveControls:
    """The control rows of `CurvePane`: built once, bound to the model."""

    def _build_function_row(self) -> tuple[QWidget, QWidget]:
        model = self.model
        self.picker = FunctionPicker(
            "curve_function", self, model=model, define_custom=self._define_custom_function
        )
        self._bindings.append(self._bind_picker())
        self.linked_check = QCheckBox(translate("curve", "Neuron's function"), self)
        self.linked_check.setObjectName("curve_linked")
        self.linked_check.setToolTip(
            translate(
                "curve",
                "When on, this curve is the neuron's activation function "
                "and shows the neuron's z as a point with its tangent",
            )
        )
        self._bindings.append(bind_bool(self.linked_check, lambda: model.linked, model.set_linked))
        self.params = ParamSliders(
            "curve",
            lambda: (model.curve_activation, model.curve_params),
            model.set_curve_param,
            self,
            lookup=model.activation,
        )
        self.edit_custom_button = QPushButton(translate("curve", "Edit\u2026"), self)
        self.edit_custom_button.setObjectName("curve_edit_custom")
        self.edit_custom_button.setToolTip(
            translate(
                "curve",
                "Edit this custom function's formula and parameters "
                "(every place that uses it follows)",
            )
        )
        self.edit_custom_button.clicked.connect(self.edit_custom_function)
        return _row_of(self, (self.picker, 1), self.edit_custom_button), _row_of(
            self, self.linked_check, None
        )

    def _define_custom_function(self, parent) -> str | None:
        """Open the formula editor; the name of the function it added, or None."""
        from actplay.ui.shell.custom_dialog import define_custom_activation

        return define_custom_activation(self.model, parent)

    def edit_custom_function(self) -> bool:
        """Reopen the formula editor on the shown custom function; True if it was replaced."""
        from actplay.ui.shell.custom_dialog import edit_custom_activation

        name = self.model.curve_activation
        if name not in self.model.custom_activations:
            return False
        return edit_custom_activation(self.model, name, self)

    def _bind_picker(self) -> Binding:
        binding = Binding(
            self.picker,
            lambda: self.model.curve_activation,
            self.model.set_curve_activation,
            lambda picker, name: picker.set_current(name),
        )
        self.picker.activationChosen.connect(binding.write)
        binding.refresh()
        return binding

    def _build_view_row(self) -> tuple[QWidget, QWidget]:
        """Which kinds to show, and the x range."""
        model = self.model
        kinds, x_range = QWidget(self), QWidget(self)
        row = QHBoxLayout(kinds)
        row.setContentsMargins(0, 0, 0, 0)
        self.kind_checks: dict[str, QCheckBox] = {}
        for kind, text in KIND_TEXT.items():
            check = QCheckBox(text, self)
            check.setObjectName(f"show_{kind}")
            check.setToolTip(
                translate("curve", "Show {kind} of every function ({style} lines)").format(
                    kind=theme.KIND_LABELS[kind], style=KIND_STYLE[kind]
                )
            )
            self._bindings.append(
                bind_bool(
                    check,
                    lambda kind=kind: model.visible[kind],
                    lambda on, kind=kind: model.set_visible(kind, on),
                )
            )
            check.setIcon(kind_icon(kind, self.devicePixelRatioF()))
            check.setIconSize(QSize(*KEY_ICON_SIZE))
            row.addWidget(check)
            self.kind_checks[kind] = check
        row.addStretch(1)
        row = QHBoxLayout(x_range)
        row.setContentsMargins(0, 0, 0, 0)
        row.addStretch(1)
        row.addWidget(QLabel("x", self))
        self.range_spins = {}
        for end, index in (("lo", 0), ("hi", 1)):
            if end == "hi":
                row.addWidget(QLabel("\u2026", self))
            spin = SignedSpinBox(self)
            spin.setObjectName(f"x_{end}_spin")
            spin.setRange(-RANGE_LIMIT, RANGE_LIMIT)
            spin.setDecimals(2)
            spin.setFixedWidth(_spin_width(spin, RANGE_SPIN_TEXT))  # slimmer than ±1e6 needs
            spin.setKeyboardTracking(False)
            spin.setToolTip(
                translate("curve", "Lower end of the x axis (drag the plot to pan, wheel to zoom)")
                if end == "lo"
                else translate(
                    "curve", "Upper end of the x axis (drag the plot to pan, wheel to zoom)"
                )
            )
            spin.setAccessibleName(
                translate("curve", "x axis from")
                if end == "lo"
                else translate("curve", "x axis to")
            )

            def write(value, index=index):
                lo, hi = model.x_range
                model.set_x_range(value, hi) if index == 0 else model.set_x_range(lo, value)

            self._bindings.append(bind_float(spin, lambda index=index: model.x_range[index], write))
            self.range_spins[end] = spin
            row.addWidget(spin)
        self.range_reset = QToolButton(self)
        self.range_reset.setText(translate("curve", "Reset"))
        self.range_reset.setObjectName("x_range_reset")
        self.range_reset.setToolTip(
            translate("curve", "Back to x from -6 to 6 and fit the y axis to the curves")
        )
        self.range_reset.clicked.connect(self.reset_range)
        row.addWidget(self.range_reset)
        return kinds, x_range

    def follow_theme(self) -> None:
        """The style key beside the f/f′/f″ switches in the active theme's ink."""
        for kind, check in self.kind_checks.items():
            check.setIcon(kind_icon(kind, self.devicePixelRatioF()))


def _row_of(parent: QWidget, *parts) -> QWidget:
    """Widgets (or ``(widget, stretch)``) in one plain row; None is a stretch."""
    container = QWidget(parent)
    row = QHBoxLayout(container)
    row.setContentsMargins(0, 0, 0, 0)
    for part in parts:
        if part is None:
            row.addStretch(1)
        else:
            widget, stretch = part if isinstance(part, tuple) else (part, 0)
            row.addWidget(widget, stretch)
    return container


def _spin_width(spin: QDoubleSpinBox, widest: str) -> int:
    """The width at which ``spin`` shows ``widest`` whole, with its arrows and frame."""
    metrics = spin.fontMetrics()
    longest = spin.textFromValue(spin.minimum())
    chrome = spin.sizeHint().width() - metrics.horizontalAdvance(longest)
    return chrome + metrics.horizontalAdvance(widest)
