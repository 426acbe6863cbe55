"""The training dock: train the network on a 2-D data set and watch it learn.

Play, Step and the timer that feeds the views while training runs belong to
the model's `PlayDriver` (``play.py``), shared with the training workspace.
"""

from __future__ import annotations

from PySide6 import QtCore, QtWidgets

from actplay.core import datasets
from actplay.core.network import SOFTMAX_NAME
from actplay.ui import theme
from actplay.ui.i18n import translate
from actplay.ui.training.controls import TrainingControls
from actplay.ui.training.play import driver_for
from actplay.ui.training.plots import GradientChart, LossChart, OutputMap
from actplay.ui.widgets.diverging import PROBABILITY_CAPTION, DivergingLegend
from actplay.ui.widgets.numbers import format_number, format_percent

CHART_HEIGHT = 130  # px for each of the loss and gradient charts
OUTPUT_CAPTION = translate("training", "output")
LOSS_DIGITS = 3  # significant digits of a loss readout: 0.693, 4.54×10⁻⁵


class TrainingPanel(QtWidgets.QWidget):
    """Play/Pause/Step/Reset, data and settings, and the live views of a training run.

    Parameters
    ----------
    model : actplay.model.playground.Playground
    parent : QWidget, optional
    """

    SECTIONS = frozenset({"dataset", "training", "network"})

    def __init__(self, model, parent=None):
        super().__init__(parent)
        self.setObjectName("training_panel")
        self.model = model
        self.driver = driver_for(model)  # Play, Step and the feeding timer
        self.driver.refused.connect(self._show_status)

        self.play = QtWidgets.QPushButton(translate("training", "Play"))
        self.play.setObjectName("training_play")
        self.play.setCheckable(True)
        self.play.setToolTip(translate("training", "Train continuously / pause"))
        self.step = QtWidgets.QPushButton(translate("training", "Step"))
        self.step.setObjectName("training_step")
        self.step.setToolTip(
            translate("training", "Train one epoch (a pass over the training points)")
        )
        self.reset = QtWidgets.QPushButton(translate("training", "Reset"))
        self.reset.setObjectName("training_reset")
        self.reset.setToolTip(
            translate("training", "New weights from the init scheme and seed; epoch 0")
        )
        self.epoch_label = QtWidgets.QLabel()
        self.epoch_label.setObjectName("training_epoch")
        buttons = QtWidgets.QHBoxLayout()
        for widget in (self.play, self.step, self.reset):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        buttons.addWidget(self.epoch_label)
        self.play.toggled.connect(self._on_play_toggled)
        self.step.clicked.connect(self._on_step_clicked)
        self.reset.clicked.connect(self.model.reset_training)

        self.controls = TrainingControls(model)
        self.output_map = OutputMap()
        self.output_map.setMinimumHeight(260)
        self.output_map.pointClicked.connect(self._on_map_clicked)
        self.show_test = QtWidgets.QCheckBox(translate("training", "Show test data"))
        self.show_test.setObjectName("training_show_test")
        self.discretise = QtWidgets.QCheckBox(translate("training", "Discretise output"))
        self.discretise.setObjectName("training_discretise")
        self.click_class = QtWidgets.QComboBox()
        self.click_class.setObjectName("training_click_class")
        self.click_class.setToolTip(
            translate("training", "Class (or value) of a point added by clicking the map")
        )
        self.click_class.setAccessibleName(translate("training", "Class of a clicked point"))
        self.click_class.addItem(translate("training", "Click adds class 1 (orange)"), 0.0)
        self.click_class.addItem(translate("training", "Click adds class 2 (blue)"), 1.0)
        for box in (self.show_test, self.discretise):
            box.toggled.connect(lambda _on: self._refresh_map())
        options = QtWidgets.QHBoxLayout()
        options.addWidget(self.show_test)
        options.addWidget(self.discretise)
        options.addStretch(1)
        self.output_key = DivergingLegend(OUTPUT_CAPTION)
        self.output_key.setObjectName("training_output_key")
        options.addWidget(self.output_key)

        self.stats = QtWidgets.QLabel()
        self.stats.setObjectName("training_stats")
        self.stats.setWordWrap(True)
        self.error = QtWidgets.QLabel()
        self.error.setObjectName("training_error")
        self.error.setWordWrap(True)
        theme.style_widget(self.error, "color: $error_text")
        self.loss_chart = LossChart()
        self.gradient_chart = GradientChart()
        for chart in (self.loss_chart, self.gradient_chart):
            chart.setFixedHeight(CHART_HEIGHT)

        content = QtWidgets.QWidget()
        layout = QtWidgets.QVBoxLayout(content)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(3)
        layout.addLayout(buttons)
        layout.addWidget(self.error)
        layout.addWidget(self.output_map, 1)
        layout.addLayout(options)
        layout.addWidget(self.click_class)
        layout.addWidget(self.stats)
        layout.addWidget(self.loss_chart)
        layout.addWidget(self.gradient_chart)
        layout.addWidget(self.controls)
        scroll = QtWidgets.QScrollArea()
        scroll.setWidget(content)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
        outer = QtWidgets.QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.controls.load_csv.clicked.connect(self._on_load_csv_clicked)
        self.refresh(self.SECTIONS)

    # -- model -> view -------------------------------------------------------------------
    def refresh(self, sections) -> None:
        """Repaint what ``sections`` changed (called by the redraw scheduler)."""
        model = self.model
        if sections & {"dataset", "training"}:
            self.controls.refresh()
            with QtCore.QSignalBlocker(self.play):
                self.play.setChecked(model.running)
            self.play.setText(
                translate("training", "Pause") if model.running else translate("training", "Play")
            )
            self.error.setText(model.training_error)
            self.error.setVisible(bool(model.training_error))
            self.loss_chart.set_history(model.loss_history())
            self.gradient_chart.set_history(*model.gradient_history())
            regression = model.dataset().kind == datasets.REGRESSION
            self.click_class.setItemText(
                0,
                translate("training", "Click adds value -1")
                if regression
                else translate("training", "Click adds class 1 (orange)"),
            )
            self.click_class.setItemText(
                1,
                translate("training", "Click adds value +1")
                if regression
                else translate("training", "Click adds class 2 (blue)"),
            )
        self.epoch_label.setText(
            translate("training", "Epoch {epoch:,}").format(epoch=int(model.epoch))
        )
        self._refresh_map(points="dataset" in sections)
        self._refresh_stats()

    def _refresh_map(self, points: bool = True) -> None:
        model = self.model
        self.output_map.set_surface(
            model.output_surface(), model.data_frame(), self.discretise.isChecked()
        )
        self.output_key.set_caption(
            PROBABILITY_CAPTION if self.output_is_probability() else OUTPUT_CAPTION
        )
        if points:
            self.output_map.set_points(model.dataset(), self.show_test.isChecked())

    def output_is_probability(self) -> bool:
        """Whether the map shows a class probability p as 2p - 1 (p = 0.5 grey): a
        classification whose output is softmax or a function onto [0, 1]."""
        model = self.model
        if model.dataset().kind == datasets.REGRESSION:
            return False
        name = model.layer_activations[-1][0]
        return name == SOFTMAX_NAME or tuple(model.activation(name).output_range) == (0.0, 1.0)

    def _refresh_stats(self) -> None:
        model = self.model
        history = model.loss_history()
        parts = []
        if len(history["epoch"]):
            train, test = history["train"][-1], history["test"][-1]
            parts.append(
                translate("training", "train loss {loss}").format(
                    loss=format_number(train, significant=LOSS_DIGITS)
                )
            )
            parts.append(
                translate("training", "test loss {loss}").format(
                    loss=format_number(test, significant=LOSS_DIGITS)
                )
            )
        accuracy = model.accuracy(test=True)
        if accuracy is not None:
            parts.append(
                translate("training", "test accuracy {accuracy}").format(
                    accuracy=format_percent(accuracy)
                )
            )
        dead = model.dead_unit_counts()
        if dead and any(dead):
            parts.append(
                translate("training", "dead units per hidden layer {counts}").format(
                    counts=", ".join(map(str, dead))
                )
            )
        self.stats.setText(" \u00b7 ".join(parts) or translate("training", "Press Play to train."))

    # -- view -> model -------------------------------------------------------------------
    def _on_play_toggled(self, on: bool) -> None:
        if not self.driver.play(on):
            with QtCore.QSignalBlocker(self.play):
                self.play.setChecked(False)

    def _on_step_clicked(self) -> None:
        self.driver.step()

    def _on_map_clicked(self, x1: float, x2: float) -> None:
        value = self.click_class.currentData()
        if self.model.dataset().kind == datasets.REGRESSION:
            value = 2.0 * value - 1.0
        try:
            self.model.add_point(x1, x2, value)
        except ValueError as error:
            self._show_status(str(error))

    def _on_load_csv_clicked(self) -> None:
        path, _ = QtWidgets.QFileDialog.getOpenFileName(
            self,
            translate("training", "Load points"),
            "",
            translate("training", "CSV files (*.csv *.txt);;All files (*)"),
        )
        if path:
            self.load_csv(path)

    def load_csv(self, path: str) -> bool:
        """Load points from a CSV file; a bad file is reported and changes nothing."""
        try:
            self.model.load_dataset_csv(path)
        except ValueError as error:
            self._show_status(f"Cannot load points: {error}")
            return False
        return True

    def _show_status(self, message: str) -> None:
        window = self.window()
        if isinstance(window, QtWidgets.QMainWindow):
            window.statusBar().showMessage(message, 8000)
        else:
            self.error.setText(message)
            self.error.show()
