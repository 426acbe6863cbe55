"""The race's controls bar: preset and its question, Play/Step/Reset, seeds, target, view.

The preset picker lists "Your own race" and the presets; choosing one loads
its settings and puts its question on screen, where it stays until the
experiment itself changes. Seeds, epochs and the target are race settings
(bound to the model); what the curves show (loss or accuracy, log scale) is
the view's own choice, passed on through ``view_changed``.
"""

from __future__ import annotations

from PySide6 import QtCore, QtWidgets

from actplay.core.race_limits import MAX_SEEDS, METRICS
from actplay.model import race_presets
from actplay.model.race_schema import MAX_EPOCHS
from actplay.ui.binding import apply_command, bind_float
from actplay.ui.i18n import translate
from actplay.ui.race.table_text import METRIC_TITLES

OWN_RACE = ""  # the picker's data for settings that are not a preset


class RaceControls(QtWidgets.QWidget):
    """Preset, question, run buttons, seeds, epochs, target and curve options.

    Signals
    -------
    view_changed(str, bool)
        The curves' kind (``"loss"`` or ``"accuracy"``) and whether losses use a log axis.
    """

    view_changed = QtCore.Signal(str, bool)

    def __init__(self, model, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("race_controls")
        self.model = model
        race = model.race
        self.preset = QtWidgets.QComboBox()
        self.preset.setObjectName("race_preset")
        self.preset.setAccessibleName(translate("race", "Race preset"))
        self.preset.addItem("Your own race", OWN_RACE)
        for name in race_presets.names():
            self.preset.addItem(race_presets.title(name), name)
        self.preset.activated.connect(self._on_preset_chosen)
        self.question = QtWidgets.QLabel()
        self.question.setObjectName("race_question")
        self.question.setWordWrap(True)
        font = self.question.font()
        font.setBold(True)
        self.question.setFont(font)

        self.play = QtWidgets.QPushButton(translate("race", "Play"))
        self.play.setObjectName("race_play")
        self.play.setCheckable(True)
        self.play.setToolTip(translate("race", "Train every contestant together / pause"))
        self.step = QtWidgets.QPushButton(translate("race", "Step"))
        self.step.setObjectName("race_step")
        self.step.setToolTip(translate("race", "Train every contestant one more epoch"))
        self.reset = QtWidgets.QPushButton(translate("race", "Reset"))
        self.reset.setObjectName("race_reset")
        self.reset.setToolTip(
            translate("race", "Back to epoch 0: the same start, the same batches")
        )
        self.epoch = QtWidgets.QLabel()
        self.epoch.setObjectName("race_epoch")
        self.play.toggled.connect(self._on_play_toggled)
        self.step.clicked.connect(lambda: apply_command(self.step, race.step))
        self.reset.clicked.connect(lambda: apply_command(self.reset, race.reset))

        self.seeds = QtWidgets.QSpinBox()
        self.seeds.setObjectName("race_seeds")
        self.seeds.setRange(1, MAX_SEEDS)
        self.seeds.setToolTip(
            translate("race", "Run the race from this many seeds; curves show median and range")
        )
        self.epochs = QtWidgets.QSpinBox()
        self.epochs.setObjectName("race_epochs")
        self.epochs.setRange(1, MAX_EPOCHS)
        self.epochs.setSingleStep(50)
        self.epochs.setToolTip(translate("race", "Length of the race in epochs"))
        self.target_metric = QtWidgets.QComboBox()
        self.target_metric.setObjectName("race_target_metric")
        self.target_metric.setAccessibleName(translate("race", "Target metric"))
        for metric in METRICS:
            self.target_metric.addItem(METRIC_TITLES[metric], metric)
        self.target_value = QtWidgets.QDoubleSpinBox()
        self.target_value.setObjectName("race_target_value")
        self.target_value.setRange(0.0, 1e3)
        self.target_value.setDecimals(3)
        self.target_value.setSingleStep(0.01)
        self.target_value.setToolTip(
            translate("race", "Accuracy as a share (0.9 = 90 %) or a loss")
        )
        self.target_value.setAccessibleName(translate("race", "Target value"))
        for spin in (self.seeds, self.epochs, self.target_value):
            spin.setKeyboardTracking(False)
        self.bindings = [
            bind_float(self.seeds, lambda: race.settings["repeats"], lambda v: race.set(repeats=v)),
            bind_float(self.epochs, lambda: race.settings["epochs"], lambda v: race.set(epochs=v)),
            bind_float(
                self.target_value,
                lambda: race.settings["target"]["value"],
                lambda v: race.set(target={**race.settings["target"], "value": v}),
            ),
        ]
        self.target_metric.activated.connect(self._on_target_metric)

        self.kind = QtWidgets.QComboBox()
        self.kind.setObjectName("race_curve_kind")
        self.kind.setAccessibleName(translate("race", "Curves show"))
        self.kind.addItem("Loss", "loss")
        self.kind.addItem("Accuracy", "accuracy")
        self.log_y = QtWidgets.QCheckBox(translate("race", "Log"))
        self.log_y.setObjectName("race_log_y")
        self.log_y.setToolTip(translate("race", "Losses on a log axis"))
        self.kind.currentIndexChanged.connect(lambda _i: self._emit_view())
        self.log_y.toggled.connect(lambda _on: self._emit_view())

        top = QtWidgets.QHBoxLayout()
        top.addWidget(self.preset)
        top.addWidget(self.question, 1)
        bottom = QtWidgets.QHBoxLayout()
        for widget in (self.play, self.step, self.reset, self.epoch):
            bottom.addWidget(widget)
        bottom.addStretch(1)
        for text, widget in (
            (translate("race", "Seeds"), self.seeds),
            (translate("race", "Epochs"), self.epochs),
            (translate("race", "Target"), self.target_metric),
            (None, self.target_value),
            (translate("race", "Show"), self.kind),
            (None, self.log_y),
        ):
            if text:
                label = QtWidgets.QLabel(text)
                label.setBuddy(widget)
                bottom.addWidget(label)
            bottom.addWidget(widget)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 2)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addLayout(bottom)
        self.refresh()

    def refresh(self) -> None:
        """Show the race's settings and state."""
        race = self.model.race
        settings = race.settings
        for binding in self.bindings:
            binding.refresh()
        with QtCore.QSignalBlocker(self.target_metric):
            self.target_metric.setCurrentIndex(
                self.target_metric.findData(settings["target"]["metric"])
            )
        with QtCore.QSignalBlocker(self.preset):
            index = self.preset.findData(settings["preset"])
            self.preset.setCurrentIndex(max(index, 0))
        question = race.question
        self.question.setText(
            question or translate("race", "Pick a preset, or set up your own race on the left.")
        )
        self.refresh_run()

    def refresh_run(self) -> None:
        """Play's state and the epoch counter (cheap: called on every published tick)."""
        race = self.model.race
        with QtCore.QSignalBlocker(self.play):
            self.play.setChecked(race.running)
        self.play.setText(translate("race", "Pause") if race.running else translate("race", "Play"))
        self.play.setEnabled(race.running or not race.finished)
        self.step.setEnabled(not race.running and not race.finished)
        total = race.settings["epochs"]
        done = int(race.epoch)
        text = translate("race", "epoch {done:,} / {total:,}").format(done=done, total=total)
        if race.finished and race.started:
            text += " \u2014 finished"
        self.epoch.setText(text)

    def _on_play_toggled(self, on: bool) -> None:
        apply_command(self.play, lambda: self.model.race.set_running(on))
        self.refresh_run()

    def _on_preset_chosen(self, index: int) -> None:
        name = self.preset.itemData(index)
        if name == OWN_RACE:
            apply_command(self.preset, lambda: self.model.race.set(preset=""))
        else:
            apply_command(self.preset, lambda: self.model.race.apply_preset(name))

    def _on_target_metric(self, index: int) -> None:
        metric = self.target_metric.itemData(index)
        race = self.model.race
        value = race.settings["target"]["value"]
        if metric.endswith("accuracy") and value > 1:
            value = 0.9
        apply_command(
            self.target_metric, lambda: race.set(target={"metric": metric, "value": value})
        )
        self.refresh()

    def _emit_view(self) -> None:
        kind = self.kind.currentData()
        self.log_y.setEnabled(kind == "loss")
        self.view_changed.emit(kind, self.log_y.isChecked())
