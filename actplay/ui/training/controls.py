"""The training panel's controls: data set, input features and training settings.

Every control is bound to the model with the binding helpers (a refused value
reverts and its reason shows in the status bar); `TrainingControls.refresh`
pushes the model's values back without echo.
"""

from __future__ import annotations

from PySide6 import QtWidgets

from actplay.core import datasets
from actplay.core.training import LOSS_TITLES
from actplay.model.errors import InvalidValue
from actplay.model.sections.dataset import CUSTOM_SOURCE
from actplay.model.sections.training import MAX_BATCH_SIZE
from actplay.ui.binding import bind_bool, bind_choice, bind_float
from actplay.ui.i18n import translate
from actplay.ui.widgets.float_slider import FloatSlider

SOURCE_TITLES = {
    "gaussian": "Two Gaussian clusters",
    "circle": "Circle in a ring",
    "xor": "XOR quadrants",
    "spiral": "Two spirals",
    "regression": "Regression surface",
    CUSTOM_SOURCE: "Loaded from CSV",
}
# The TensorFlow Playground's choices, so its recipes carry over.
LEARNING_RATES = (0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0)
L2_RATES = (0.0, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0)
OPTIMIZER_TITLES = {"adam": "Adam", "sgd": "SGD"}


def _combo(name: str, items, tooltip: str) -> QtWidgets.QComboBox:
    combo = QtWidgets.QComboBox()
    combo.setObjectName(name)
    combo.setToolTip(tooltip)
    combo.setAccessibleName(tooltip)
    for data, title in items:
        combo.addItem(title, data)
    return combo


def _ensure_item(combo: QtWidgets.QComboBox, value) -> None:
    """A value from a session that is not in the list gets an item of its own."""
    if combo.findData(value) < 0:
        combo.addItem(f"{value:g}", value)


class TrainingControls(QtWidgets.QWidget):
    """Data set, feature and setting controls bound to the model."""

    def __init__(self, model, parent=None):
        super().__init__(parent)
        self.model = model
        self.bindings = []
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self._data_box())
        layout.addWidget(self._features_box())
        layout.addWidget(self._settings_box())

    # -- data ----------------------------------------------------------------------------
    def _data_box(self) -> QtWidgets.QGroupBox:
        box = QtWidgets.QGroupBox(translate("training", "Data"))
        grid = QtWidgets.QGridLayout(box)
        grid.setContentsMargins(6, 2, 6, 2)
        self.source = _combo("training_source", SOURCE_TITLES.items(), "Which points to learn")
        self.regenerate = QtWidgets.QPushButton(translate("training", "Regenerate"))
        self.regenerate.setObjectName("training_regenerate")
        self.regenerate.setToolTip(translate("training", "Draw new points with the next seed"))
        self.load_csv = QtWidgets.QPushButton(translate("training", "Load CSV\u2026"))
        self.load_csv.setObjectName("training_load_csv")
        self.load_csv.setToolTip(
            translate("training", "Rows of x1, x2, label (or x1, label); a header row is allowed")
        )
        self.points = FloatSlider(
            "training_points",
            translate("training", "Points"),
            datasets.MIN_POINTS,
            2000,
            tooltip=translate("training", "How many points to draw"),
            decimals=0,
        )
        self.noise = FloatSlider(
            "training_noise",
            translate("training", "Noise"),
            0.0,
            1.0,
            tooltip=translate("training", "Jitter of each point (1 = half the data radius)"),
            decimals=2,
        )
        self.test_fraction = FloatSlider(
            "training_test_fraction",
            translate("training", "Test share"),
            0.0,
            0.9,
            tooltip=translate("training", "Share of the points held out for testing"),
            decimals=2,
        )
        grid.addWidget(self.source, 0, 0)
        grid.addWidget(self.regenerate, 0, 1)
        grid.addWidget(self.load_csv, 0, 2)
        for row, widget in enumerate((self.points, self.noise, self.test_fraction), start=1):
            grid.addWidget(widget, row, 0, 1, 3)
        spec = lambda key: lambda: self.model.dataset_spec[key]  # noqa: E731
        self.bindings += [
            bind_choice(self.source, spec("source"), self._set_source),
            bind_float(
                self.points, spec("points"), lambda v: self.model.set_dataset(points=int(round(v)))
            ),
            bind_float(self.noise, spec("noise"), lambda v: self.model.set_dataset(noise=v)),
            bind_float(
                self.test_fraction,
                spec("test_fraction"),
                lambda v: self.model.set_dataset(test_fraction=v),
            ),
        ]
        self.regenerate.clicked.connect(self.model.regenerate_dataset)
        return box

    def _set_source(self, source: str) -> None:
        if source == CUSTOM_SOURCE:
            raise InvalidValue("use Load CSV\u2026 to load your own points")
        self.model.set_dataset(source=source)

    # -- features ------------------------------------------------------------------------
    def _features_box(self) -> QtWidgets.QGroupBox:
        box = QtWidgets.QGroupBox(translate("training", "Inputs the network sees"))
        row = QtWidgets.QHBoxLayout(box)
        row.setContentsMargins(6, 2, 6, 2)
        self.feature_boxes = {}
        for name in datasets.FEATURES:
            check = QtWidgets.QCheckBox(datasets.FEATURE_TITLES[name])
            check.setObjectName(f"training_feature_{name}")
            check.setToolTip(
                translate(
                    "training",
                    "Feed {value} to the network (changes the input layer and resets the weights)",
                ).format(value=datasets.FEATURE_TITLES[name])
            )
            row.addWidget(check)
            self.feature_boxes[name] = check
            self.bindings.append(
                bind_bool(
                    check,
                    lambda name=name: name in self.model.features,
                    lambda on, name=name: self.model.set_feature(name, on),
                )
            )
        row.addStretch(1)
        return box

    # -- settings ------------------------------------------------------------------------
    def _settings_box(self) -> QtWidgets.QGroupBox:
        box = QtWidgets.QGroupBox(translate("training", "Training"))
        grid = QtWidgets.QGridLayout(box)
        grid.setContentsMargins(6, 2, 6, 2)
        self.loss = _combo(
            "training_loss",
            LOSS_TITLES.items(),
            "The loss; BCE and cross-entropy set the output layer they need",
        )
        self.optimizer = _combo(
            "training_optimizer", OPTIMIZER_TITLES.items(), "How the gradient moves the weights"
        )
        self.learning_rate = _combo(
            "training_learning_rate", ((v, f"{v:g}") for v in LEARNING_RATES), "Step size"
        )
        self.l2 = _combo(
            "training_l2",
            ((v, f"{v:g}") for v in L2_RATES),
            "L2 regularisation: pulls every weight towards 0",
        )
        self.batch_size = FloatSlider(
            "training_batch_size",
            translate("training", "Batch"),
            1,
            50,
            tooltip=translate("training", "Points per step (1..{MAX_BATCH_SIZE})").format(
                MAX_BATCH_SIZE=MAX_BATCH_SIZE
            ),
            decimals=0,
        )
        for row, (label, widget) in enumerate((("Loss", self.loss), ("Optimizer", self.optimizer))):
            grid.addWidget(QtWidgets.QLabel(label), row, 0)
            grid.addWidget(widget, row, 1, 1, 3)
        grid.addWidget(QtWidgets.QLabel(translate("training", "Learning rate")), 2, 0)
        grid.addWidget(self.learning_rate, 2, 1)
        grid.addWidget(QtWidgets.QLabel("L2"), 2, 2)
        grid.addWidget(self.l2, 2, 3)
        grid.addWidget(self.batch_size, 3, 0, 1, 4)
        setting = lambda key: lambda: self.model.training_settings[key]  # noqa: E731
        self.bindings += [
            bind_choice(self.loss, setting("loss"), lambda v: self.model.set_training(loss=v)),
            bind_choice(
                self.optimizer, setting("optimizer"), lambda v: self.model.set_training(optimizer=v)
            ),
            bind_choice(
                self.learning_rate,
                setting("learning_rate"),
                lambda v: self.model.set_training(learning_rate=v),
            ),
            bind_choice(self.l2, setting("l2"), lambda v: self.model.set_training(l2=v)),
            bind_float(
                self.batch_size,
                setting("batch_size"),
                lambda v: self.model.set_training(batch_size=int(round(v))),
            ),
        ]
        return box

    def refresh(self) -> None:
        """Show the model's values (no signals reach the model)."""
        settings = self.model.training_settings
        _ensure_item(self.learning_rate, settings["learning_rate"])
        _ensure_item(self.l2, settings["l2"])
        for binding in self.bindings:
            binding.refresh()
        generated = self.model.dataset_spec["source"] != CUSTOM_SOURCE
        for widget in (self.points, self.noise):
            widget.setEnabled(generated)
