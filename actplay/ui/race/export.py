"""Export from the race window: the figure as PNG or SVG, the race's data as CSV or JSON.

File > Export race… (Ctrl+E in the race window) asks for a file; its extension
picks what is written, as ``actplay race --out`` does: a picture of the race's
figure (question, curves as the pane shows them, gradient flow, decision maps)
through the one picture path (``ui/export/formats.write_image``), or the
curves (CSV) and the session with the race's full data (JSON) through the
race's own writers (``model/race_export.py``). Every file is written
atomically; a refusal is one line in a dialog the user closes (as for sessions).
"""

from __future__ import annotations

import os

from PySide6 import QtGui, QtWidgets

from actplay.model import race_export
from actplay.model.errors import InvalidValue
from actplay.ui.binding import apply_command
from actplay.ui.export import formats
from actplay.ui.i18n import translate
from actplay.ui.race.figure import FIGURE_SIZE, drawn_figure

RACE_EXPORT_FORMATS = ("png", "svg", "csv", "json")
EXPORT_FILTER = translate(
    "race",
    "PNG picture (*.png);;SVG picture (*.svg);;CSV curves (*.csv);;"
    "JSON session with the race's data (*.json)",
)
SHORTCUT = "Ctrl+E"


def export_race(pane, path) -> str:
    """Write the race of ``pane`` (a ``RacePane``) to ``path``; returns the format written.

    Pictures show the curves as the pane does (loss or accuracy, log axis).

    Raises
    ------
    InvalidValue
        Not a race format, the race has not run yet, or the file cannot be written
        (the message names the file).
    """
    path = os.fspath(path)
    try:
        export_format = formats.format_for_path(path)
    except ValueError as error:
        raise InvalidValue(str(error)) from None
    if export_format not in RACE_EXPORT_FORMATS:
        raise InvalidValue(
            f"a race is exported as {', '.join(RACE_EXPORT_FORMATS)}, not .{export_format}"
        )
    model = pane.model
    if model.race.record() is None:
        raise InvalidValue("the race has not run yet: nothing to export")
    try:
        if export_format == "csv":
            race_export.write_race_csv(model, formats.check_target(path))
        elif export_format == "json":
            race_export.write_race_json(model, formats.check_target(path))
        else:
            plot = pane.curves.plot
            with drawn_figure(model, FIGURE_SIZE, plot.kind, plot.log_y) as figure:
                formats.write_image(figure, path, FIGURE_SIZE, export_format=export_format)
    except (OSError, ValueError) as error:
        if isinstance(error, InvalidValue):
            raise
        raise InvalidValue(f"cannot write {path}: {error}") from None
    return export_format


def ask_export_path(parent) -> str:
    """Ask where to export ("" when cancelled). Tests replace it."""
    path, _filter = QtWidgets.QFileDialog.getSaveFileName(
        parent,
        translate("race", "Export race"),
        translate("race", "actplay-race.png"),
        EXPORT_FILTER,
    )
    return path


def tell_export_error(parent, message: str) -> None:
    """Say why the race was not exported, in a dialog (not the status bar, which
    fades while the user may be looking elsewhere). Tests replace it."""
    QtWidgets.QMessageBox.warning(parent, translate("race", "Cannot export the race"), message)


def export_action(race_window) -> QtGui.QAction:
    """File > Export race…: ask for a file and write the race there."""
    action = QtGui.QAction(translate("race", "&Export race\u2026"), race_window)
    action.setObjectName("race_export_action")
    action.setShortcut(QtGui.QKeySequence(SHORTCUT))
    action.setStatusTip(
        translate("race", "Write the race's figure (PNG, SVG) or its data (CSV, JSON)")
    )

    def export() -> None:
        path = ask_export_path(race_window)
        if not path:
            return
        report = lambda message: tell_export_error(race_window, message)  # noqa: E731
        if apply_command(race_window, lambda: export_race(race_window.pane, path), report):
            race_window.statusBar().showMessage(
                translate("race", "Exported the race to {path}").format(path=path), 5000
            )

    action.triggered.connect(lambda _checked=False: export())
    return action


__all__ = [
    "RACE_EXPORT_FORMATS",
    "ask_export_path",
    "export_action",
    "export_race",
    "tell_export_error",
]
