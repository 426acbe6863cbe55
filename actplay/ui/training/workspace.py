"""The training workspace: everything about a training run on one screen, as TF lays it out.

- a top bar (``workspace_bar.TrainingBar``): Reset, Play/Pause, Step, a large
  epoch counter, learning rate, activation, regularisation and rate, loss,
  optimiser;
- a left data column: the data sets as thumbnails (choosing one proposes
  settings that learn it), the training share, noise, batch size, Regenerate
  and Load CSV;
- a centre slot (:meth:`TrainingWorkspace.set_centre_widget`) where the network
  layout puts the network canvas, which shows and toggles the input features;
- a right output column: test and training loss as numbers and a chart from
  epoch 0, the test accuracy, the output decision map (at least
  ``MAP_MIN_PX``) with the data on it, framing the data set whatever plane the
  network panel shows, test points outlined in black, the colour key, Show test
  data and Discretise output.

Play is the model's `PlayDriver`, shared with the training dock. The window
registers the workspace with its scheduler (:func:`install_training_workspace`).
"""

from __future__ import annotations

import time

from PySide6 import QtCore, QtWidgets

from actplay.model import training_recipes as recipes
from actplay.model.sections.dataset import CUSTOM_SOURCE
from actplay.model.sections.training import MAX_BATCH_SIZE
from actplay.ui import theme
from actplay.ui.binding import bind_float
from actplay.ui.i18n import translate
from actplay.ui.training.decision_map import AXIS_PX, DecisionMap
from actplay.ui.training.loss_sparkline import LossSparkline
from actplay.ui.training.play import driver_for
from actplay.ui.training.thumbnails import TITLES, DatasetPicker
from actplay.ui.training.workspace_bar import TrainingBar, captioned
from actplay.ui.widgets.diverging import DivergingLegend
from actplay.ui.widgets.float_slider import FloatSlider
from actplay.ui.widgets.held_size import hold_size
from actplay.ui.widgets.numbers import format_number

MAP_MIN_PX = 300  # the decision map is never drawn smaller
DATA_COLUMN_PX = 116  # three 32 px thumbnails a row
OUTPUT_COLUMN_PX = MAP_MIN_PX + 20  # the map and its tick labels
STATUS_MS = 6000
# While weights are dragged the map is computed at a quarter of its cells (the network's
# forward pass over the grid is most of a drag step's cost at 2 x 16^6 x 1) and drawn in
# full once the changes have rested this long.
HURRIED_RESOLUTION = 50  # cells a side (the model's full map has OUTPUT_RESOLUTION)
MAP_QUIET_MS = 200
SPIN_PX = 44  # "0.10", "100": typed values fit
LOSS_DIGITS = 3  # significant digits of a loss readout: 0.693, 4.54×10⁻⁵


def _stacked(slider: FloatSlider) -> QtWidgets.QWidget:
    """A FloatSlider with its label above it, for a narrow column."""
    slider.layout().removeWidget(slider.label)
    slider.label.hide()
    slider.layout().setContentsMargins(0, 0, 0, 0)
    slider.spin.setButtonSymbols(QtWidgets.QAbstractSpinBox.ButtonSymbols.NoButtons)
    slider.spin.setFixedWidth(SPIN_PX)  # the slider gets the rest of the narrow column
    return captioned(slider.label.text(), slider)


def _heading(text: str) -> QtWidgets.QLabel:
    label = QtWidgets.QLabel(text.upper())
    label.setStyleSheet("font-weight: 600; letter-spacing: 1px;")
    return label


class TrainingWorkspace(QtWidgets.QWidget):
    """Controls, the network's place and the live output of a training run.

    Parameters
    ----------
    model : Playground
    parent : QWidget, optional
    """

    SECTIONS = frozenset({"dataset", "training", "network"})

    def __init__(self, model, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("training_workspace")
        self.model = model
        self.driver = driver_for(model)
        self.driver.refused.connect(self._show_status)
        self._last_network_change = -1.0  # monotonic seconds of the last weight change
        self._full_map = QtCore.QTimer(self)  # the full map once a drag rests
        self._full_map.setSingleShot(True)
        self._full_map.setInterval(MAP_QUIET_MS)
        self._full_map.timeout.connect(lambda: self._refresh_map(points=False))
        self.bar = TrainingBar(model, self.driver)
        self.centre = QtWidgets.QWidget()
        self.centre.setObjectName("training_workspace_centre")
        self._centre_layout = QtWidgets.QVBoxLayout(self.centre)
        self._centre_layout.setContentsMargins(0, 0, 0, 0)
        self._centre_widget: QtWidgets.QWidget | None = None
        placeholder = QtWidgets.QLabel(
            translate("training", "The network canvas appears here in the network layout.")
        )
        placeholder.setAlignment(QtCore.Qt.AlignmentFlag.AlignCenter)
        placeholder.setWordWrap(True)
        self.set_centre_widget(placeholder)

        columns = QtWidgets.QHBoxLayout()
        columns.setContentsMargins(2, 0, 2, 2)
        columns.setSpacing(4)
        columns.addWidget(self._data_column())
        columns.addWidget(self.centre, 1)
        columns.addWidget(self._output_column())
        outer = QtWidgets.QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(2)
        outer.addWidget(self.bar)
        self.error = QtWidgets.QLabel()
        self.error.setObjectName("training_workspace_error")
        self.error.setWordWrap(True)
        theme.style_widget(self.error, "color: $error_text; padding-left: 6px;")
        self.error.hide()
        outer.addWidget(self.error)
        outer.addLayout(columns, 1)
        self.refresh(self.SECTIONS)

    # -- the centre ----------------------------------------------------------------------
    def set_centre_widget(self, widget: QtWidgets.QWidget) -> None:
        """Put ``widget`` (the network canvas) in the centre; the one before is let go,
        not deleted (its owner takes it back)."""
        old = self._centre_widget
        if old is widget and widget.parent() is self.centre:
            return  # already here (a widget taken back by its owner is placed again)
        if old is not None and old is not widget:
            self._centre_layout.removeWidget(old)
            if old.parent() is self.centre:
                old.hide()
                old.setParent(None)
        self._centre_widget = widget
        self._centre_layout.addWidget(widget)
        widget.show()

    def centre_widget(self) -> QtWidgets.QWidget | None:
        """What the centre shows now."""
        return self._centre_widget

    # -- the columns ------------------------------------------------------------------------
    def _data_column(self) -> QtWidgets.QWidget:
        column = QtWidgets.QWidget()
        column.setObjectName("training_workspace_data")
        column.setFixedWidth(DATA_COLUMN_PX)
        layout = QtWidgets.QVBoxLayout(column)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(_heading(translate("training", "Data")))
        self.picker = DatasetPicker()
        self.picker.chosen.connect(self._on_dataset_chosen)
        layout.addWidget(self.picker)
        self.training_share = FloatSlider(
            "workspace_training_share",
            translate("training", "Training share %"),
            10,
            100,
            tooltip=translate(
                "training",
                "How many of the points are trained on; the rest are held out for testing",
            ),
            decimals=0,
        )
        self.noise = FloatSlider(
            "workspace_noise",
            translate("training", "Noise"),
            0.0,
            1.0,
            tooltip=translate("training", "Jitter of each point"),
            decimals=2,
        )
        self.batch_size = FloatSlider(
            "workspace_batch_size",
            translate("training", "Batch size"),
            1,
            50,
            tooltip=translate("training", "Points per step (1..{MAX_BATCH_SIZE})").format(
                MAX_BATCH_SIZE=MAX_BATCH_SIZE
            ),
            decimals=0,
        )
        for slider in (self.training_share, self.noise, self.batch_size):
            layout.addWidget(_stacked(slider))
        model = self.model
        spec = lambda key: lambda: model.dataset_spec[key]  # noqa: E731
        self.bindings = [
            bind_float(
                self.training_share,
                lambda: round(100.0 * (1.0 - model.dataset_spec["test_fraction"])),
                lambda v: model.set_dataset(test_fraction=round(1.0 - v / 100.0, 4)),
            ),
            bind_float(self.noise, spec("noise"), lambda v: model.set_dataset(noise=v)),
            bind_float(
                self.batch_size,
                lambda: model.training_settings["batch_size"],
                lambda v: model.set_training(batch_size=int(round(v))),
            ),
        ]
        self.regenerate = QtWidgets.QPushButton(translate("training", "Regenerate"))
        self.regenerate.setObjectName("workspace_regenerate")
        self.regenerate.setToolTip(translate("training", "Draw new points with the next seed"))
        self.regenerate.clicked.connect(model.regenerate_dataset)
        self.load_csv = QtWidgets.QPushButton(translate("training", "Load CSV\u2026"))
        self.load_csv.setObjectName("workspace_load_csv")
        self.load_csv.setToolTip(
            translate("training", "Rows of x1, x2, label (or x1, label); a header row is allowed")
        )
        self.load_csv.clicked.connect(self._on_load_csv_clicked)
        layout.addWidget(self.regenerate)
        layout.addWidget(self.load_csv)
        layout.addStretch(1)
        return column

    def _output_column(self) -> QtWidgets.QWidget:
        column = QtWidgets.QWidget()
        column.setObjectName("training_workspace_output")
        column.setFixedWidth(OUTPUT_COLUMN_PX)
        layout = QtWidgets.QVBoxLayout(column)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(_heading(translate("training", "Output")))
        self.test_loss = QtWidgets.QLabel()
        self.test_loss.setObjectName("workspace_test_loss")
        self.train_loss = QtWidgets.QLabel()
        self.train_loss.setObjectName("workspace_train_loss")
        self.accuracy = QtWidgets.QLabel()
        self.accuracy.setObjectName("workspace_accuracy")
        numbers = QtWidgets.QVBoxLayout()
        numbers.setSpacing(0)
        # Held at their widest text: they change with every snapshot while training.
        widest = "8.88\u00d710\u207b\u2078"  # what format_number writes for a loss: 8.88×10⁻⁸
        test_text = translate("training", "Test loss <b>{test}</b>")
        train_text = translate("training", "Training loss {train}")
        hold_size(self.test_loss, test_text.format(test=widest), test_text.format(test="0.888"))
        hold_size(self.train_loss, train_text.format(train=widest))
        hold_size(
            self.accuracy,
            translate("training", "Test accuracy {accuracy:.1%}").format(accuracy=1.0),
        )
        for label in (self.test_loss, self.train_loss, self.accuracy):
            numbers.addWidget(label)
        self.loss_chart = LossSparkline()
        top = QtWidgets.QHBoxLayout()
        top.addLayout(numbers)
        top.addWidget(self.loss_chart, 1)
        layout.addLayout(top)
        self.output_map = DecisionMap()
        # The plot square is MAP_MIN_PX; the tick labels take AXIS_PX left and below.
        self.output_map.setFixedSize(OUTPUT_COLUMN_PX, MAP_MIN_PX + AXIS_PX + 1)
        layout.addWidget(self.output_map)
        layout.addWidget(DivergingLegend("Colours: data, units and weights"))
        self.show_test = QtWidgets.QCheckBox(translate("training", "Show test data"))
        self.show_test.setObjectName("workspace_show_test")
        self.show_test.setChecked(True)
        self.discretise = QtWidgets.QCheckBox(translate("training", "Discretise output"))
        self.discretise.setObjectName("workspace_discretise")
        for box in (self.show_test, self.discretise):
            box.toggled.connect(lambda _on: self._refresh_map(points=True))
        options = QtWidgets.QHBoxLayout()
        options.addWidget(self.show_test)
        options.addWidget(self.discretise)
        layout.addLayout(options)
        layout.addStretch(1)
        return column

    # -- model -> view ---------------------------------------------------------------------
    def refresh(self, sections) -> None:
        """Show what ``sections`` changed (called by the redraw scheduler)."""
        model = self.model
        if sections & {"dataset", "training"}:
            self.bar.refresh()
            for binding in self.bindings:
                binding.refresh()
            source = model.dataset_spec["source"]
            self.picker.set_current(source)
            self.noise.setEnabled(source != CUSTOM_SOURCE)
            self.error.setText(model.training_error)
            self.error.setVisible(bool(model.training_error))
            self._refresh_losses()
            self._refresh_map(points="dataset" in sections)
        elif "network" in sections:
            self.bar.refresh()  # activations and epoch
            now = time.monotonic()
            hurried = now - self._last_network_change < MAP_QUIET_MS / 1000.0
            self._last_network_change = now
            self._refresh_map(points=False, hurried=hurried)
        else:
            self._refresh_map(points="dataset" in sections)

    def _refresh_losses(self) -> None:
        history = self.model.loss_history()
        self.loss_chart.set_history(history)
        if len(history["epoch"]):
            test, train = history["test"][-1], history["train"][-1]
            self.test_loss.setText(
                translate("training", "Test loss <b>{test}</b>").format(
                    test=format_number(test, significant=LOSS_DIGITS)
                )
                if test == test
                else ""
            )
            self.train_loss.setText(
                translate("training", "Training loss {train}").format(
                    train=format_number(train, significant=LOSS_DIGITS)
                )
            )
        else:
            self.test_loss.setText(translate("training", "Test loss \u2013"))
            self.train_loss.setText(translate("training", "Training loss \u2013"))

    def _refresh_map(self, points: bool, hurried: bool = False) -> None:
        """The map (at fewer cells while a drag goes on), its points and the accuracy."""
        model = self.model
        if hurried:
            surface = model.output_surface(resolution=HURRIED_RESOLUTION)
            self._full_map.start()
        else:
            self._full_map.stop()
            surface = model.output_surface()
        self.output_map.set_surface(surface, model.data_frame(), self.discretise.isChecked())
        if points:
            self.output_map.set_points(model.dataset(), self.show_test.isChecked())
        accuracy = model.accuracy(test=True)
        self.accuracy.setText(
            ""
            if accuracy is None
            else translate("training", "Test accuracy {accuracy:.1%}").format(accuracy=accuracy)
        )

    # -- view -> model ---------------------------------------------------------------------
    def _on_dataset_chosen(self, source: str) -> None:
        try:
            self.model.set_dataset(source=source)
        except ValueError as error:
            self._show_status(str(error))
            self.picker.set_current(self.model.dataset_spec["source"])
            return
        proposal = recipes.proposal(source)
        if proposal is not None:
            self._show_status(f"{TITLES[source]}: proposed {proposal.describe()} (change any)")

    def _on_load_csv_clicked(self) -> None:
        path, _ = QtWidgets.QFileDialog.getOpenFileName(
            self,
            translate("training", "Load points"),
            "",
            translate("training", "CSV files (*.csv *.txt);;All files (*)"),
        )
        if path:
            try:
                self.model.load_dataset_csv(path)
            except ValueError as error:
                self._show_status(f"Cannot load points: {error}")

    def _show_status(self, message: str) -> None:
        window = self.window()
        if isinstance(window, QtWidgets.QMainWindow):
            window.statusBar().showMessage(message, STATUS_MS)
        else:
            self.error.setText(message)
            self.error.show()


def install_training_workspace(window) -> TrainingWorkspace:
    """Build the window's workspace, register it, and make it the network layout's host.

    Idempotent (the window's part ``training_workspace``). Play in it trains in the
    window's worker, and its Step is one undo step, as the dock's. The caller (the
    layout switcher's host factory) makes it the network layout's host.
    """

    def build() -> TrainingWorkspace:
        from actplay.ui.training.undo import connect_training_undo
        from actplay.ui.training.worker_link import install_training_worker

        install_training_worker(window)
        workspace = TrainingWorkspace(window.model)
        window.scheduler.register(workspace, TrainingWorkspace.SECTIONS)
        connect_training_undo(window.model, window.undo_recorder, workspace.driver)
        return workspace

    return window.part("training_workspace", build)


__all__ = ["MAP_MIN_PX", "TrainingWorkspace", "install_training_workspace"]
