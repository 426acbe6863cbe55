"""The contestants editor: up to six rows of activation, parameters and colour.

Each row is one contestant: its colour, a function picker (built-ins, then the
user's custom functions), a spin box per parameter, "Layers…" to give every
hidden layer its own function, and a remove button. Every edit writes the whole
contestant list through ``model.race.set_contestants`` (one event, one undo
step); a refused value is shown the way a binding shows one. Rows are rebuilt
only when their shape changes (count, function, parameters), so a refresh
while the race trains costs a comparison.
"""

from __future__ import annotations

import copy

from PySide6 import QtCore, QtGui, QtWidgets

from actplay.core.race_limits import MAX_CONTESTANTS
from actplay.model.race_schema import contestant_layers
from actplay.ui.binding import apply_command
from actplay.ui.i18n import translate
from actplay.ui.race.colours import contestant_colour

PER_LAYER = "__per_layer__"  # the picker's entry for a contestant with one function per layer
SWATCH = 12  # px


class ContestantsEditor(QtWidgets.QWidget):
    """Rows of contestants for ``model.race`` (refresh with :meth:`refresh`)."""

    def __init__(self, model, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("race_contestants")
        self.model = model
        self.rows_box = QtWidgets.QVBoxLayout()
        self.rows_box.setContentsMargins(0, 0, 0, 0)
        self.rows_box.setSpacing(3)
        self.add_button = QtWidgets.QPushButton(translate("race", "Add contestant"))
        self.add_button.setObjectName("race_add_contestant")
        self.add_button.setToolTip(translate("race", "Race one more activation (at most six)"))
        self.add_button.clicked.connect(self._on_add)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.rows_box)
        layout.addWidget(self.add_button)
        self.rows: list[QtWidgets.QWidget] = []
        self._shape = None
        self.refresh()

    # -- model -> view ------------------------------------------------------------------
    def refresh(self) -> None:
        """Show the model's contestants (rows rebuilt only when their shape changed)."""
        settings = self.model.race.settings
        entries = settings["contestants"]
        shape = (
            tuple(self._names(entry) for entry in entries),
            tuple(tuple(entry.get("params", {})) for entry in entries),
            self.model.activation_names(),
            len(settings["hidden"]),
        )
        if shape != self._shape:
            self._shape = shape
            self._rebuild(entries)
        for row, entry in zip(self.rows, entries, strict=True):
            for key, spin in row.spins.items():
                with QtCore.QSignalBlocker(spin):
                    spin.setValue(entry["params"][key])
        labels = self.model.race.labels()
        for row, label in zip(self.rows, labels, strict=True):
            row.setToolTip(label)
        self.add_button.setEnabled(len(entries) < MAX_CONTESTANTS)

    @staticmethod
    def _names(entry: dict):
        if "layers" in entry:
            return tuple(name for name, _ in entry["layers"])
        return entry["activation"]

    def _rebuild(self, entries) -> None:
        for row in self.rows:
            self.rows_box.removeWidget(row)
            row.hide()  # deleteLater waits for the event loop; a shown orphan would still paint
            row.deleteLater()
        self.rows = [self._make_row(index, entry) for index, entry in enumerate(entries)]
        for row in self.rows:
            self.rows_box.addWidget(row)
        if len(self.rows) == 1:  # a race needs someone to run
            self.rows[0].findChild(QtWidgets.QToolButton).setEnabled(False)

    def _make_row(self, index: int, entry: dict) -> QtWidgets.QWidget:
        row = QtWidgets.QWidget()
        row.setObjectName(f"race_contestant_{index + 1}")
        line = QtWidgets.QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.setSpacing(3)
        swatch = QtWidgets.QLabel()
        pixmap = QtGui.QPixmap(SWATCH, SWATCH)
        pixmap.fill(QtGui.QColor(contestant_colour(index)))
        swatch.setPixmap(pixmap)
        line.addWidget(swatch)
        picker = QtWidgets.QComboBox()
        picker.setObjectName(f"race_contestant_{index + 1}_function")
        picker.setAccessibleName(translate("race", "Contestant {n} activation").format(n=index + 1))
        for name in self.model.activation_names():
            picker.addItem(self.model.activation(name).title or name, name)
        picker.addItem("One per layer\u2026", PER_LAYER)
        picker.setCurrentIndex(
            picker.findData(PER_LAYER if "layers" in entry else entry["activation"])
        )
        picker.setMinimumContentsLength(8)
        picker.setSizeAdjustPolicy(
            QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        picker.currentIndexChanged.connect(lambda _i, i=index, p=picker: self._on_pick(i, p))
        line.addWidget(picker, 1)
        row.spins = {}
        for key, value in entry.get("params", {}).items():
            spin = QtWidgets.QDoubleSpinBox()
            spin.setObjectName(f"race_contestant_{index + 1}_{key}")
            lo, hi = self.model.activation(entry["activation"]).limits[key]
            spin.setRange(max(lo, -1e6), min(hi, 1e6))
            spin.setDecimals(3)
            spin.setSingleStep(0.05)
            spin.setValue(value)
            spin.setPrefix(f"{key.rsplit('_', 1)[-1]}=")  # negative_slope -> "slope=": narrow
            spin.setToolTip(
                translate("race", "{key} of contestant {n}").format(key=key, n=index + 1)
            )
            spin.setAccessibleName(
                translate("race", "Contestant {n} {key}").format(n=index + 1, key=key)
            )
            spin.valueChanged.connect(lambda v, i=index, k=key: self._on_param(i, k, v))
            line.addWidget(spin)
            row.spins[key] = spin
        if "layers" in entry:
            layers = QtWidgets.QPushButton(translate("race", "Layers\u2026"))
            layers.setObjectName(f"race_contestant_{index + 1}_layers")
            layers.clicked.connect(lambda _c=False, i=index: self.edit_layers(i))
            line.addWidget(layers)
        remove = QtWidgets.QToolButton()
        remove.setObjectName(f"race_contestant_{index + 1}_remove")
        remove.setText("\u2715")
        remove.setToolTip(translate("race", "Remove contestant {n}").format(n=index + 1))
        remove.setAccessibleName(translate("race", "Remove contestant {n}").format(n=index + 1))
        remove.clicked.connect(lambda _c=False, i=index: self._on_remove(i))
        line.addWidget(remove)
        return row

    # -- view -> model ------------------------------------------------------------------
    def _write(self, entries) -> None:
        apply_command(self, lambda: self.model.race.set_contestants(entries))
        self.refresh()  # a refused edit shows the model's contestants again

    def _entries(self) -> list[dict]:
        return copy.deepcopy(self.model.race.settings["contestants"])

    def _on_pick(self, index: int, picker: QtWidgets.QComboBox) -> None:
        name = picker.currentData()
        entries = self._entries()
        if name == PER_LAYER:
            n_hidden = len(self.model.race.settings["hidden"])
            entries[index] = {
                "layers": [list(p) for p in contestant_layers(entries[index], n_hidden)]
            }
            self._write(entries)
            self.edit_layers(index)
            return
        entries[index] = {"activation": name, "params": {}}
        self._write(entries)

    def _on_param(self, index: int, key: str, value: float) -> None:
        entries = self._entries()
        entries[index]["params"][key] = value
        self._write(entries)

    def _on_add(self) -> None:
        entries = self._entries()
        used = {entry.get("activation") for entry in entries}
        name = next(
            (n for n in ("relu", "tanh", "sigmoid", "gelu", "elu", "silu") if n not in used), "relu"
        )
        entries.append({"activation": name, "params": {}})
        self._write(entries)

    def _on_remove(self, index: int) -> None:
        entries = self._entries()
        del entries[index]
        self._write(entries)

    def edit_layers(self, index: int) -> None:
        """Ask for one function per hidden layer of contestant ``index`` (a small dialog)."""
        entries = self._entries()
        n_hidden = len(self.model.race.settings["hidden"])
        layers = contestant_layers(entries[index], n_hidden)
        dialog = LayersDialog(self.model, index, layers, self)
        if dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted:
            entries[index] = {"layers": dialog.layers()}
            self._write(entries)


class LayersDialog(QtWidgets.QDialog):
    """One function picker per hidden layer of one contestant."""

    def __init__(self, model, index: int, layers, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("race_layers_dialog")
        self.setWindowTitle(
            translate("race", "Contestant {n}: one function per layer").format(n=index + 1)
        )
        form = QtWidgets.QFormLayout(self)
        self.pickers = []
        self._params = [dict(params) for _, params in layers]
        for layer, (name, _) in enumerate(layers):
            picker = QtWidgets.QComboBox()
            picker.setObjectName(f"race_layer_{layer + 1}_function")
            for option in model.activation_names():
                picker.addItem(model.activation(option).title or option, option)
            picker.setCurrentIndex(picker.findData(name))
            form.addRow(f"h{layer + 1}", picker)
            self.pickers.append((picker, name))
        buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def layers(self) -> list:
        """``[name, params]`` per hidden layer (a layer keeps its parameters if unchanged)."""
        chosen = []
        for (picker, before), params in zip(self.pickers, self._params, strict=True):
            name = picker.currentData()
            chosen.append([name, params if name == before else {}])
        return chosen
