"""Puts the training panel in the main window, and its two exports.

`make_training_dock` is the empty dock the main window tabs behind the
network dock (so the default layout stays as it was). The panel itself (slow
to build, see ``benchmarks/RESULTS.md``, and a repaint on every network change)
is built by `build_training_panel` when the dock first shows, or when code asks
for ``window.training_panel``; it then registers with the redraw scheduler. The
exports (right-click on the panel) write the loss history as CSV and the
decision surface as PNG or SVG, atomically.
"""

from __future__ import annotations

import numpy as np
from PySide6 import QtCore, QtGui, QtWidgets

from actplay.ui.i18n import translate

DOCK_NAME = "training_dock"
SURFACE_SIZE = (600, 600)  # px of an exported decision surface


def loss_history_csv(model) -> str:
    """The loss and gradient history as CSV text: epoch, train_loss, test_loss, grad_layer_i."""
    history = model.loss_history()
    epochs, gradients = model.gradient_history()
    header = ["epoch", "train_loss", "test_loss"] + [
        f"mean_abs_grad_layer_{i + 1}" for i in range(gradients.shape[1])
    ]
    lines = [",".join(header)]
    for row in range(len(history["epoch"])):
        values = [
            history["epoch"][row],
            history["train"][row],
            history["test"][row],
            *gradients[row],
        ]
        lines.append(",".join("" if np.isnan(v) else repr(float(v)) for v in values))
    return "\n".join(lines) + "\n"


def write_loss_csv(model, path) -> None:
    """Write :func:`loss_history_csv` to ``path`` (atomically)."""
    from actplay.ui.export.formats import write_atomic

    write_atomic(path, loss_history_csv(model).encode("utf-8"))


def write_surface_png(panel, path, size=SURFACE_SIZE) -> None:
    """Render the panel's decision-surface plot (with its points) to a PNG file.

    Through the export's one picture path (`formats.write_image`), as every pane's PNG.
    """
    from actplay.ui.export.formats import write_image

    write_image(panel.output_map, path, size, export_format="png")


def write_surface_svg(panel, path) -> None:
    """Write the decision-surface plot (image, points, axes) as SVG, atomically.

    The one SVG path of the app (`export_formats.write_image`, with its pyqtgraph
    patch); the plot is exported at its size on screen.
    """
    from actplay.ui.export.formats import write_image

    write_image(panel.output_map, path)


def _install_exports(window, panel) -> None:
    def ask_and_write(title, default, pattern, write):
        path, _ = QtWidgets.QFileDialog.getSaveFileName(window, title, default, pattern)
        if path:
            try:
                write(path)
            except (OSError, ValueError) as error:
                window.statusBar().showMessage(
                    translate("training", "Cannot export: {error}").format(error=error), 8000
                )

    csv_action = QtGui.QAction(translate("training", "Export loss history as CSV\u2026"), panel)
    csv_action.setObjectName("training_export_csv_action")
    csv_action.triggered.connect(
        lambda: ask_and_write(
            "Export loss history",
            "loss_history.csv",
            "CSV (*.csv)",
            lambda path: write_loss_csv(panel.model, path),
        )
    )
    png_action = QtGui.QAction(translate("training", "Export decision surface as PNG\u2026"), panel)
    png_action.setObjectName("training_export_png_action")
    png_action.triggered.connect(
        lambda: ask_and_write(
            "Export decision surface",
            "decision_surface.png",
            "PNG (*.png)",
            lambda path: write_surface_png(panel, path),
        )
    )
    svg_action = QtGui.QAction(translate("training", "Export decision surface as SVG\u2026"), panel)
    svg_action.setObjectName("training_export_svg_action")
    svg_action.triggered.connect(
        lambda: ask_and_write(
            "Export decision surface",
            "decision_surface.svg",
            "SVG (*.svg)",
            lambda path: write_surface_svg(panel, path),
        )
    )
    for widget in (panel.output_map, panel.loss_chart, panel.gradient_chart):
        widget.setContextMenuPolicy(QtCore.Qt.ContextMenuPolicy.ActionsContextMenu)
        for action in (csv_action, png_action, svg_action):
            widget.addAction(action)


def make_training_dock(parent) -> QtWidgets.QDockWidget:
    """The Training dock, empty: its panel is built on first show (`build_training_panel`).

    The window places it (tabbed behind the network dock) and lists its toggle.
    """
    dock = QtWidgets.QDockWidget("Training", parent)
    dock.setObjectName(DOCK_NAME)
    dock.setWidget(QtWidgets.QWidget())  # stands in until the dock first shows
    return dock


def build_training_panel(window):
    """Build the `TrainingPanel` into ``window.training_dock`` and register it; returns it.

    Call once (the window keeps the panel): when the dock first shows, or when
    code first asks for ``window.training_panel``.
    """
    from actplay.ui.training.panel import TrainingPanel
    from actplay.ui.training.undo import connect_training_undo
    from actplay.ui.training.worker_link import install_training_worker

    install_training_worker(window)  # Play trains in a process beside the GUI thread
    panel = TrainingPanel(window.model, window)
    window.scheduler.register(panel, TrainingPanel.SECTIONS)
    stand_in = window.training_dock.widget()
    window.training_dock.setWidget(panel)
    if stand_in is not None:
        stand_in.deleteLater()
    _install_exports(window, panel)
    connect_training_undo(window.model, window.undo_recorder, panel.driver)  # a run: one step
    return panel


__all__ = [
    "build_training_panel",
    "make_training_dock",
    "loss_history_csv",
    "write_loss_csv",
    "write_surface_png",
    "write_surface_svg",
]
