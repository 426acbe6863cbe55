"""The training workspace's top bar: Reset, Play, Step, the epoch, and the settings.

Laid out like the TensorFlow Playground's: the run's buttons and a large epoch
counter on the left, then one captioned drop-down per setting (learning rate,
the hidden layers' activation, regularisation and its rate, loss, optimiser).
Each drop-down is bound to the model; a refused value reverts and says why.
"""

from __future__ import annotations

from PySide6 import QtCore, QtGui, QtWidgets

from actplay.core.training import LOSSES
from actplay.ui import theme
from actplay.ui.binding import bind_choice
from actplay.ui.i18n import translate
from actplay.ui.training.controls import L2_RATES, LEARNING_RATES, OPTIMIZER_TITLES, _ensure_item
from actplay.ui.widgets.held_size import hold_size

LOSS_SHORT = {  # the bar is narrow: short names, the full ones in the tooltip
    "mse": "Mean squared",
    "squared": "Squared \u00bd(a\u2212t)\u00b2",
    "bce": "Cross-entropy",
    "cross_entropy": "Softmax CE",
}
LOSS_TIPS = {
    "mse": "Mean squared error (a \u2212 t)\u00b2",
    "squared": "Half the squared error, \u00bd(a \u2212 t)\u00b2, as the TensorFlow Playground "
    "(classes as \u22121/+1 on a tanh output)",
    "bce": "Binary cross-entropy on one sigmoid output",
    "cross_entropy": "Cross-entropy on a softmax output layer",
}
NO_REGULARISATION, L2 = "none", "l2"
DEFAULT_L2 = 0.001  # the rate L2 starts at when it is switched on
MIXED = "mixed"  # the hidden layers do not share one activation
EPOCH_FONT_PX = 24
COMBO_CHARS = {"training_bar_activation": 7, "training_bar_loss": 8}  # others: 4 characters


def captioned(caption: str, widget: QtWidgets.QWidget) -> QtWidgets.QWidget:
    """``widget`` under a small grey caption, as the TF Playground labels its controls."""
    box = QtWidgets.QWidget()
    column = QtWidgets.QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(1)
    label = QtWidgets.QLabel(caption)
    label.setObjectName("training_caption")
    label.setStyleSheet(f"color: {theme.muted_text_colour()}; font-size: 11px;")
    label.setBuddy(widget)
    column.addWidget(label)
    column.addWidget(widget)
    return box


def _combo(name: str, tooltip: str) -> QtWidgets.QComboBox:
    combo = QtWidgets.QComboBox()
    combo.setObjectName(name)
    combo.setToolTip(tooltip)
    # Narrow in the bar (it must fit beside the docks at 1280 px); the list shows full names.
    combo.setSizeAdjustPolicy(
        QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
    )
    combo.setMinimumContentsLength(COMBO_CHARS.get(name, 4))
    return combo


class TrainingBar(QtWidgets.QWidget):
    """Reset / Play / Step, the epoch counter and the setting drop-downs.

    Parameters
    ----------
    model : Playground
    driver : PlayDriver
        The model's Play (``play.driver_for(model)``).
    """

    def __init__(self, model, driver, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("training_bar")
        self.model = model
        self.driver = driver
        row = QtWidgets.QHBoxLayout(self)
        # minimumSizeHint decides how narrow the bar may be: the settings wrap below it.
        row.setSizeConstraint(QtWidgets.QLayout.SizeConstraint.SetNoConstraint)
        row.setContentsMargins(6, 2, 6, 2)
        row.setSpacing(8)
        style = self.style()
        self.reset = self._button(
            "training_reset", "Reset", QtWidgets.QStyle.StandardPixmap.SP_BrowserReload
        )
        self.reset.setToolTip(
            translate("training", "New weights from the init scheme and seed; epoch 0")
        )
        self.play = self._button(
            "training_play", "Play", QtWidgets.QStyle.StandardPixmap.SP_MediaPlay
        )
        self.play.setCheckable(True)
        self.play.setToolTip(
            translate(
                "training", "Train continuously / pause (the training runs beside the window)"
            )
        )
        self.play.setIconSize(QtCore.QSize(28, 28))
        self.step = self._button(
            "training_step", "Step", QtWidgets.QStyle.StandardPixmap.SP_MediaSkipForward
        )
        self.step.setToolTip(
            translate("training", "Train one epoch (a pass over the training points)")
        )
        self._play_icon = style.standardIcon(QtWidgets.QStyle.StandardPixmap.SP_MediaPlay)
        self._pause_icon = style.standardIcon(QtWidgets.QStyle.StandardPixmap.SP_MediaPause)
        for button in (self.reset, self.play, self.step):
            row.addWidget(button)
        self.epoch = QtWidgets.QLabel("000,000")
        self.epoch.setObjectName("training_epoch_counter")
        font = self.epoch.font()
        font.setPixelSize(EPOCH_FONT_PX)
        font.setWeight(QtGui.QFont.Weight.Light)
        self.epoch.setFont(font)
        self.epoch.setAccessibleName(translate("training", "Epoch"))
        hold_size(self.epoch, "000,000", "8,888,888")  # counts on every snapshot
        row.addWidget(captioned(translate("training", "Epoch"), self.epoch))
        row.addSpacing(6)

        self.learning_rate = _combo("training_bar_learning_rate", "Step size of each update")
        for value in LEARNING_RATES:
            self.learning_rate.addItem(f"{value:g}", value)
        self.activation = _combo("training_bar_activation", "The activation of every hidden layer")
        self.regularisation = _combo(
            "training_bar_regularisation", "L2 pulls every weight towards 0"
        )
        self.regularisation.addItem("None", NO_REGULARISATION)
        self.regularisation.addItem("L2", L2)
        self.rate = _combo("training_bar_l2_rate", "Strength of the L2 pull")
        for value in L2_RATES:
            self.rate.addItem(f"{value:g}", value)
        self.loss = _combo(
            "training_bar_loss",
            "The loss (problem type): cross-entropy sets one sigmoid output, softmax "
            "cross-entropy a softmax layer; a regression set trains with a squared error",
        )
        for name in LOSSES:
            self.loss.addItem(LOSS_SHORT[name], name)
            self.loss.setItemData(
                self.loss.count() - 1, LOSS_TIPS[name], QtCore.Qt.ItemDataRole.ToolTipRole
            )
        self.optimizer = _combo("training_bar_optimizer", "How the gradient moves the weights")
        for name, title in OPTIMIZER_TITLES.items():
            self.optimizer.addItem(title, name)
        self.settings = QtWidgets.QGridLayout()
        self.settings.setContentsMargins(0, 0, 0, 0)
        self.settings.setHorizontalSpacing(8)
        self.settings.setVerticalSpacing(2)
        self._captioned = [
            captioned(caption, combo)
            for caption, combo in (
                ("Learning rate", self.learning_rate),
                ("Activation", self.activation),
                ("Regularisation", self.regularisation),
                ("Rate", self.rate),
                ("Loss", self.loss),
                ("Optimiser", self.optimizer),
            )
        ]
        self._columns = 0
        self._arrange(len(self._captioned))
        row.addLayout(self.settings)
        row.addStretch(1)

        setting = lambda key: lambda: model.training_settings[key]  # noqa: E731
        self.bindings = [
            bind_choice(
                self.learning_rate,
                setting("learning_rate"),
                lambda v: model.set_training(learning_rate=v),
            ),
            bind_choice(self.activation, self._hidden_activation, self._set_hidden_activation),
            bind_choice(self.regularisation, self._regularisation, self._set_regularisation),
            bind_choice(self.rate, setting("l2"), lambda v: model.set_training(l2=v)),
            bind_choice(self.loss, setting("loss"), lambda v: model.set_training(loss=v)),
            bind_choice(
                self.optimizer, setting("optimizer"), lambda v: model.set_training(optimizer=v)
            ),
        ]
        self.play.toggled.connect(self._on_play_toggled)
        self.step.clicked.connect(driver.step)
        self.reset.clicked.connect(model.reset_training)

    def _arrange(self, columns: int) -> None:
        """The settings in one row, or in rows of ``columns`` when the bar is narrow."""
        if columns == self._columns:
            return
        self._columns = columns
        for widget in self._captioned:
            self.settings.removeWidget(widget)
        for index, widget in enumerate(self._captioned):
            self.settings.addWidget(widget, index // columns, index % columns)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        one_row = sum(w.sizeHint().width() for w in self._captioned) + 8 * len(self._captioned)
        self._arrange(len(self._captioned) if self._run_width() + one_row <= self.width() else 3)

    def _run_width(self) -> int:
        """Width of the buttons and the epoch counter, with the gaps and margins."""
        widgets = (self.reset, self.play, self.step, self.epoch.parentWidget())
        return sum(w.sizeHint().width() for w in widgets) + 8 * len(widgets) + 18

    def minimumSizeHint(self) -> QtCore.QSize:  # noqa: N802 (Qt's name)
        """As narrow as the settings in rows of three (they wrap below that width)."""
        hint = super().minimumSizeHint()
        widest_row = sum(sorted(w.sizeHint().width() for w in self._captioned)[-3:]) + 16
        return QtCore.QSize(min(hint.width(), self._run_width() + widest_row), hint.height())

    def _button(self, name: str, text: str, icon) -> QtWidgets.QToolButton:
        button = QtWidgets.QToolButton()
        button.setObjectName(name)
        button.setText(text)
        button.setAccessibleName(text)
        button.setIcon(self.style().standardIcon(icon))
        button.setIconSize(QtCore.QSize(20, 20))
        button.setToolButtonStyle(QtCore.Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
        button.setAutoRaise(True)
        return button

    # -- the hidden layers' activation, regularisation -------------------------------------
    def _hidden_activation(self) -> str:
        names = {name for name, _ in self.model.layer_activations[:-1]}
        return names.pop() if len(names) == 1 else MIXED

    def _set_hidden_activation(self, name: str) -> None:
        if name == MIXED:
            return
        model = self.model
        with model.batch():
            for layer in range(1, len(model.layer_sizes) - 1):
                model.set_layer_activation(layer, name)

    def _regularisation(self) -> str:
        return L2 if self.model.training_settings["l2"] > 0 else NO_REGULARISATION

    def _set_regularisation(self, kind: str) -> None:
        if kind == NO_REGULARISATION:
            self.model.set_training(l2=0.0)
        elif self.model.training_settings["l2"] == 0:
            self.model.set_training(l2=DEFAULT_L2)

    def _fill_activations(self) -> None:
        model = self.model
        wanted = [(model.activation(name).title, name) for name in model.activation_names()]
        wanted.append(("(mixed)", MIXED))
        current = [
            (self.activation.itemText(i), self.activation.itemData(i))
            for i in range(self.activation.count())
        ]
        if current != wanted:
            with QtCore.QSignalBlocker(self.activation):
                self.activation.clear()
                for title, name in wanted:
                    self.activation.addItem(title, name)

    # -- model -> view ------------------------------------------------------------------
    def refresh(self) -> None:
        """Show the model's settings, run state and epoch (emits nothing)."""
        model = self.model
        settings = model.training_settings
        _ensure_item(self.learning_rate, settings["learning_rate"])
        _ensure_item(self.rate, settings["l2"])
        self._fill_activations()
        for binding in self.bindings:
            binding.refresh()
        self.activation.setEnabled(len(model.layer_sizes) > 2)
        self.rate.setEnabled(settings["l2"] > 0)
        running = model.running
        with QtCore.QSignalBlocker(self.play):
            self.play.setChecked(running)
        shown = translate("training", "Pause") if running else translate("training", "Play")
        if self.play.text() != shown:
            # Only on a change: setIcon always asks for a new layout of the bar.
            self.play.setText(shown)
            self.play.setAccessibleName(shown)
            self.play.setIcon(self._pause_icon if running else self._play_icon)
        self.set_epoch(model.epoch)

    def set_epoch(self, epoch: float) -> None:
        """The counter, six digits with a thousands comma as TF's: ``000,042``."""
        whole = int(epoch)
        self.epoch.setText(
            f"{whole // 1000:03d},{whole % 1000:03d}" if whole < 10**6 else f"{whole:,}"
        )

    def _on_play_toggled(self, on: bool) -> None:
        if not self.driver.play(on):
            with QtCore.QSignalBlocker(self.play):
                self.play.setChecked(False)


__all__ = ["TrainingBar", "captioned"]
