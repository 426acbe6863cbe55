"""The "Custom..." editor: type a formula, see it and its slope, add it to the model.

The user gives a name, a formula in ``x`` and parameters (name, default, min,
max). Every edit re-parses the formula with the same whitelist parser the
model uses (``actplay.core.formula``): the message line says what is wrong and
where (column and text), and the preview draws f and f' over the curve pane's
x range, with gaps where the function is undefined or infinite. OK adds the
function to the model (``Playground.add_custom_activation``); a refusal from the
model is shown and the dialog stays open.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from actplay.core.formula import FUNCTION_NAMES, make_custom_activation
from actplay.ui import theme
from actplay.ui.i18n import translate
from actplay.ui.widgets.light_plot import house_numbers
from actplay.ui.widgets.markup import escape

PREVIEW_POINTS = 401  # smooth enough for a small plot, instant to evaluate
PARAM_COLUMNS = ("name", "default", "min", "max")
EXAMPLE = "x * tanh(softplus(x))"
HELP = (
    translate("shell", "Use x, your parameters, numbers, + - * / **, pi, e and the functions ")
    + ", ".join(FUNCTION_NAMES)
    + translate(
        "shell",
        ". where(x > 0, a, b) picks a or b. "
        "Derivatives are exact; where the function is undefined (log of x <= 0, ...) "
        "the curve has a gap.",
    )
)


class CustomActivationDialog(QDialog):
    """Define a custom activation from a formula.

    Parameters
    ----------
    model : Playground
        Where OK adds the function; its ``x_range`` sets the preview's range.
    parent : QWidget, optional
    edit : str, optional
        The name of a custom function to edit: the fields start with its formula,
        title and parameters, the name is fixed, and OK replaces it everywhere it
        is used (``Playground.add_custom_activation`` with the same name).

    Attributes
    ----------
    added_name : str or None
        The name of the function OK added (None until then).
    """

    def __init__(self, model, parent: QWidget | None = None, edit: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("custom_dialog")
        self.setWindowTitle(
            translate("shell", "Edit custom activation function")
            if edit
            else translate("shell", "Custom activation function")
        )
        self.model = model
        self.added_name: str | None = None
        self._title: str | None = None  # kept when editing a function that has one

        self.name_edit = QLineEdit(self._free_name(), self)
        self.name_edit.setObjectName("custom_name")
        self.formula_edit = QLineEdit(EXAMPLE, self)
        self.formula_edit.setObjectName("custom_formula")
        self.formula_edit.setToolTip(HELP)
        self.params_table = QTableWidget(0, len(PARAM_COLUMNS), self)
        self.params_table.setObjectName("custom_params")
        self.params_table.setHorizontalHeaderLabels(list(PARAM_COLUMNS))
        self.params_table.verticalHeader().setVisible(False)
        self.params_table.setMaximumHeight(120)
        add_button = QPushButton(translate("shell", "Add parameter"), self)
        add_button.setObjectName("custom_add_param")
        add_button.clicked.connect(lambda: self.add_parameter(f"p{self.params_table.rowCount()}"))
        remove_button = QPushButton(translate("shell", "Remove parameter"), self)
        remove_button.setObjectName("custom_remove_param")
        remove_button.clicked.connect(self._on_remove_clicked)
        self.message = QLabel(self)
        self.message.setObjectName("custom_message")
        self.message.setWordWrap(True)
        self.preview = pg.PlotWidget(self)
        self.preview.setObjectName("custom_preview")
        self.preview.setMinimumHeight(160)
        theme.style_plot(self.preview.getPlotItem(), "x", "f(x)")
        house_numbers(self.preview.getPlotItem())
        self.value_curve = self.preview.plot(pen=theme.curve_pen(0, "f"))
        self.slope_curve = self.preview.plot(pen=theme.curve_pen(0, "df"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(translate("shell", "Name"), self.name_edit)
        form.addRow("f(x) =", self.formula_edit)
        buttons_row = QHBoxLayout()
        buttons_row.addWidget(add_button)
        buttons_row.addWidget(remove_button)
        buttons_row.addStretch(1)
        help_label = QLabel(HELP, self)
        help_label.setWordWrap(True)
        theme.style_widget(help_label, "color: $muted_text")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(help_label)
        layout.addWidget(self.params_table)
        layout.addLayout(buttons_row)
        layout.addWidget(self.message)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.buttons)

        if edit is not None:
            self._prefill(edit)
        self.name_edit.textChanged.connect(self.validate)
        self.formula_edit.textChanged.connect(self.validate)
        self.params_table.itemChanged.connect(self.validate)
        self.validate()

    # -- contents -----------------------------------------------------------------------
    def _prefill(self, name: str) -> None:
        """Fill the fields from the model's custom function ``name`` (its saved entry)."""
        entry = self.model.state_dict().get("custom_activations", {}).get(name)
        if entry is None:
            raise ValueError(f"no custom activation {name!r}")
        self.name_edit.setText(name)
        self.name_edit.setReadOnly(True)
        self.name_edit.setToolTip(
            translate("shell", "Editing keeps the name: every use of it follows")
        )
        self.formula_edit.setText(entry["formula"])
        self._title = entry.get("title")
        for key, spec in entry.get("params", {}).items():
            self.add_parameter(key, spec["default"], spec["lo"], spec["hi"])

    def add_parameter(
        self, name: str, default: float = 1.0, lo: float = 0.0, hi: float = 2.0
    ) -> None:
        """Append a parameter row."""
        row = self.params_table.rowCount()
        self.params_table.insertRow(row)
        for column, value in enumerate((name, f"{default:g}", f"{lo:g}", f"{hi:g}")):
            self.params_table.setItem(row, column, QTableWidgetItem(value))
        self.validate()

    def _on_remove_clicked(self) -> None:
        row = self.params_table.currentRow()
        self.params_table.removeRow(row if row >= 0 else self.params_table.rowCount() - 1)
        self.validate()

    def _free_name(self) -> str:
        taken = set(self.model.activation_names())
        return next(f"custom{i}" for i in range(1, 1000) if f"custom{i}" not in taken)

    def spec(self) -> dict:
        """What the fields say, in the form ``Playground.add_custom_activation`` takes.

        Raises
        ------
        ValueError
            For a parameter cell that is not a number.
        """
        params = {}
        for row in range(self.params_table.rowCount()):
            cells = [self.params_table.item(row, column) for column in range(len(PARAM_COLUMNS))]
            texts = [cell.text().strip() if cell is not None else "" for cell in cells]
            try:
                numbers = tuple(float(text) for text in texts[1:])
            except ValueError:
                raise ValueError(
                    f"parameter row {row + 1}: default, min and max must be numbers"
                ) from None
            params[texts[0]] = numbers
        spec = {
            "name": self.name_edit.text().strip(),
            "formula": self.formula_edit.text(),
            "params": params,
        }
        if self._title:
            spec["title"] = self._title
        return spec

    # -- validation and preview ---------------------------------------------------------
    def validate(self) -> bool:
        """Check the fields, show the message and the preview; True when OK would work."""
        ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        try:
            spec = self.spec()
            if (
                spec["name"] in self.model.activation_names()
                and spec["name"] not in self.model.custom_activations
            ):
                raise ValueError(f"{spec['name']!r} is a built-in function; choose another name")
            # the preview draws the curve only: no property sampling on every keystroke
            activation = make_custom_activation(
                spec["name"], spec["formula"], spec["params"], infer=False
            )
        except ValueError as error:
            self.message.setText(_coloured("error_text", escape(str(error))))
            self.value_curve.setData([], [])
            self.slope_curve.setData([], [])
            ok_button.setEnabled(False)
            return False
        x = np.linspace(*self.model.x_range, PREVIEW_POINTS)
        values = activation(x)
        slopes = activation.derivative(x)
        gaps = ~np.isfinite(values)
        note = (
            f" Undefined or infinite at {int(gaps.sum())} of {PREVIEW_POINTS} "
            "samples: drawn as gaps."
            if gaps.any()
            else ""
        )
        self.message.setText(_coloured("ok_text", "OK.") + note)
        self.value_curve.setData(x, _finite_or_nan(values), connect="finite")
        self.slope_curve.setData(x, _finite_or_nan(slopes), connect="finite")
        ok_button.setEnabled(True)
        return True

    def accept(self) -> None:
        """Add the function to the model and close; on a refusal, say why and stay open."""
        if not self.validate():
            return
        spec = self.spec()
        try:
            self.model.add_custom_activation(spec)
        except ValueError as error:
            self.message.setText(_coloured("error_text", escape(str(error))))
            return
        self.added_name = spec["name"]
        super().accept()


def _finite_or_nan(values: np.ndarray) -> np.ndarray:
    """inf and NaN both as NaN: pyqtgraph leaves a gap there (connect='finite')."""
    return np.where(np.isfinite(values), values, np.nan)


def edit_custom_activation(model, name: str, parent: QWidget | None = None) -> bool:
    """Run the dialog on custom function ``name``; True if OK replaced it."""
    dialog = CustomActivationDialog(model, parent, edit=name)
    dialog.exec()
    return dialog.added_name is not None


def define_custom_activation(model, parent: QWidget | None = None) -> str | None:
    """Run the dialog; return the name of the function it added, or None if cancelled."""
    dialog = CustomActivationDialog(model, parent)
    dialog.exec()
    return dialog.added_name


def _coloured(role: str, html: str) -> str:
    """``html`` in the theme's colour for ``role`` (rich text)."""
    return f"<span style='color:{theme.widget_colour(role)}'>{html}</span>"
