"""The race's setup: data, hidden layers, contestants and the training they share.

Every field is bound to one race setting (``ui.binding``): a change writes it
through ``model.race.set`` and a refused value is shown and undone. Changing
the experiment resets the race; the seeds, the epoch count and the target
(in the controls bar) do not.
"""

from __future__ import annotations

from PySide6 import QtWidgets

from actplay.core import datasets
from actplay.core.initialisation import INIT_SCHEMES
from actplay.core.race_limits import MAX_BIAS_INIT
from actplay.core.training import OPTIMIZERS
from actplay.model.errors import InvalidValue
from actplay.ui.binding import apply_command, bind_bool, bind_choice, bind_float
from actplay.ui.i18n import translate
from actplay.ui.race.contestants import ContestantsEditor

OPTIMIZER_TITLES = {"adam": "Adam", "sgd": "SGD"}


def _spin(name: str, lo: float, hi: float, decimals: int, step: float, tip: str):
    spin = QtWidgets.QDoubleSpinBox() if decimals else QtWidgets.QSpinBox()
    spin.setObjectName(name)
    spin.setRange(lo, hi)
    if decimals:
        spin.setDecimals(decimals)
    spin.setSingleStep(step)
    spin.setToolTip(tip)
    spin.setKeyboardTracking(False)  # typing "0.003" is one change, not four
    return spin


def parse_hidden(text: str) -> list[int]:
    """``"8, 8, 4"`` or ``"6x8"`` -> hidden sizes; ``InvalidValue`` otherwise."""
    cleaned = text.replace(" ", "").lower()
    try:
        if "x" in cleaned:
            count, size = cleaned.split("x")
            return [int(size)] * int(count)
        return [int(part) for part in cleaned.split(",") if part]
    except ValueError:
        raise InvalidValue(
            f"hidden layers: write sizes like 8, 8, 4 or 6x8, not {text!r}"
        ) from None


class SetupForm(QtWidgets.QWidget):
    """Data set, network, contestants and training settings of ``model.race``."""

    def __init__(self, model, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("race_setup")
        self.model = model
        race = model.race
        self.bindings = []

        def setting(key):
            return lambda: race.settings[key]

        def write(key):
            return lambda value: race.set(**{key: value})

        def data_setting(key):
            return lambda: race.settings["dataset"][key]

        def data_write(key):
            return lambda value: race.set(dataset={**race.settings["dataset"], key: value})

        self.source = QtWidgets.QComboBox()
        self.source.setObjectName("race_data_source")
        for source in datasets.SOURCES:
            self.source.addItem(source.capitalize(), source)
        self.points = _spin(
            "race_data_points",
            datasets.MIN_POINTS,
            datasets.MAX_POINTS,
            0,
            50,
            translate("race", "Points in the set"),
        )
        self.noise = _spin(
            "race_data_noise", 0.0, 1.0, 2, 0.05, translate("race", "Noise of the points")
        )
        self.hidden = QtWidgets.QLineEdit()
        self.hidden.setObjectName("race_hidden")
        self.hidden.setToolTip(
            translate("race", "Hidden layer sizes, e.g. 8, 8, 4 or 6x8 (1-6 layers of 1-16)")
        )
        self.hidden.editingFinished.connect(self._on_hidden_edited)
        self.contestants = ContestantsEditor(model)
        self.optimizer = QtWidgets.QComboBox()
        self.optimizer.setObjectName("race_optimizer")
        for name in OPTIMIZERS:
            self.optimizer.addItem(OPTIMIZER_TITLES.get(name, name), name)
        self.learning_rate = _spin(
            "race_learning_rate", 0.0001, 10.0, 4, 0.001, translate("race", "Learning rate")
        )
        self.batch = _spin("race_batch_size", 1, 500, 0, 1, translate("race", "Points per step"))
        self.l2 = _spin(
            "race_l2", 0.0, 10.0, 4, 0.001, translate("race", "L2 penalty on the weights")
        )
        self.init = QtWidgets.QComboBox()
        self.init.setObjectName("race_init")
        for scheme in INIT_SCHEMES:
            self.init.addItem(scheme.capitalize(), scheme)
        self.bias_init = _spin(
            "race_bias_init",
            -MAX_BIAS_INIT,
            MAX_BIAS_INIT,
            2,
            0.5,
            translate("race", "Every hidden unit's starting bias (negative: ReLUs start dead)"),
        )
        self.seed = _spin(
            "race_seed",
            0,
            2**31 - 1,
            0,
            1,
            translate("race", "First seed: weights and batch order"),
        )
        self.keep_results = QtWidgets.QCheckBox(translate("race", "Keep results in the session"))
        self.keep_results.setObjectName("race_keep_results")

        self.bindings += [
            bind_choice(self.source, data_setting("source"), data_write("source")),
            bind_float(self.points, data_setting("points"), data_write("points")),
            bind_float(self.noise, data_setting("noise"), data_write("noise")),
            bind_choice(self.optimizer, setting("optimizer"), write("optimizer")),
            bind_float(self.learning_rate, setting("learning_rate"), write("learning_rate")),
            bind_float(self.batch, setting("batch_size"), write("batch_size")),
            bind_float(self.l2, setting("l2"), write("l2")),
            bind_choice(self.init, setting("init"), write("init")),
            bind_float(self.bias_init, setting("bias_init"), write("bias_init")),
            bind_float(self.seed, setting("seed"), write("seed")),
            bind_bool(self.keep_results, setting("keep_results"), write("keep_results")),
        ]

        form = QtWidgets.QFormLayout(self)
        form.setContentsMargins(4, 4, 4, 4)
        form.setVerticalSpacing(3)
        form.addRow(self._heading(translate("race", "Data")))
        form.addRow(translate("race", "Set"), self.source)
        form.addRow(translate("race", "Points"), self.points)
        form.addRow(translate("race", "Noise"), self.noise)
        form.addRow(self._heading(translate("race", "Network")))
        form.addRow(translate("race", "Hidden"), self.hidden)
        form.addRow(self._heading(translate("race", "Contestants")))
        form.addRow(self.contestants)
        form.addRow(self._heading(translate("race", "Training (the same for all)")))
        form.addRow(translate("race", "Optimiser"), self.optimizer)
        form.addRow(translate("race", "Learning rate"), self.learning_rate)
        form.addRow(translate("race", "Batch"), self.batch)
        form.addRow("L2", self.l2)
        form.addRow(translate("race", "Init"), self.init)
        form.addRow(translate("race", "Bias init"), self.bias_init)
        form.addRow(translate("race", "Seed"), self.seed)
        form.addRow(self.keep_results)
        self.refresh()

    @staticmethod
    def _heading(text: str) -> QtWidgets.QLabel:
        label = QtWidgets.QLabel(f"<b>{text}</b>")
        return label

    def refresh(self) -> None:
        """Show the model's settings (signals blocked: no echo)."""
        for binding in self.bindings:
            binding.refresh()
        text = ", ".join(str(size) for size in self.model.race.settings["hidden"])
        if self.hidden.text() != text and not self.hidden.hasFocus():
            self.hidden.setText(text)
        self.contestants.refresh()

    def _on_hidden_edited(self) -> None:
        def write():
            sizes = parse_hidden(self.hidden.text())
            if sizes != self.model.race.settings["hidden"]:
                self.model.race.set(hidden=sizes)

        apply_command(self.hidden, write)
        self.hidden.setText(", ".join(str(s) for s in self.model.race.settings["hidden"]))


__all__ = ["SetupForm", "parse_hidden"]
