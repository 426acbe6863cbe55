"""Export from the window: File > Export... (Ctrl+E), right-click "Export...", copy image.

``make_export_actions(window)`` is what the main window asks for: an
"Export..." action opening :class:`ExportDialog` and a "Copy Image" action for
its File menu, and on every pane a right-click menu with "Export..." (the
dialog, that pane preselected) and "Copy Image". The files are written by
``export_formats`` (the same code as ``actplay export``), atomically.
"""

from __future__ import annotations

import contextlib
import math
import os

from PySide6 import QtCore, QtGui, QtWidgets

from actplay.ui.export import render as export
from actplay.ui.i18n import translate

#: Panes the dialog offers, in menu order, with their titles.
PANE_TITLES = {
    "curve": "Curve plot",
    "neuron": "Neuron chart",
    "network": "Network canvas",
    "window": "Whole window",
}
#: Formats the dialog offers: (format, title, extension).
FORMAT_CHOICES = (
    ("png", "PNG image", ".png"),
    ("svg", "SVG vector image (plots only)", ".svg"),
    ("pdf", "PDF vector document", ".pdf"),
    ("csv", "CSV data of the curve pane", ".csv"),
    ("json", "JSON session with the plotted data", ".json"),
    ("torch", "PyTorch script of the network", ".py"),
    ("numpy", "NumPy script of the network", ".py"),
)
#: Formats that write the network as a Python script (the extension cannot tell them apart).
SCRIPT_FORMATS = ("torch", "numpy")
MAX_EXPORT_SCALE = 8.0  # same ceiling as the command line


#: What an export of each pane draws: the panel (a window attribute), then the path to its
#: plot. Slides want the plot with its axes and legend, not the sliders around it.
PANE_PLOTS = {
    "curve": ("curve_pane", "plot"),
    "neuron": ("neuron_panel", "bars"),
    "network": ("network_panel", "canvas"),
    # the canvas draws every unit as its heatmap: "heatmaps" is kept as another name for it
    "heatmaps": ("network_panel", "canvas"),
}


def pane_plot(panel, pane: str):
    """The plot widget of ``panel`` that an export of ``pane`` draws (None when missing).

    Parameters
    ----------
    panel : QWidget
        The panel holding the pane: a `CurvePane`, `NeuronPanel` or `NetworkPanel`.
    pane : str
        A key of `PANE_PLOTS`.
    """
    widget = panel
    for name in PANE_PLOTS[pane][1:]:
        widget = getattr(widget, name, None)
    return widget


def pane_widgets(window) -> dict:
    """The widgets of ``window`` that can be exported, by pane name (missing ones left out).

    Each pane is its plot only; ``"window"`` is the whole window.
    """
    candidates = {}
    for pane, (panel_name, *_path) in PANE_PLOTS.items():
        if pane not in PANE_TITLES:  # another name for a pane listed already
            continue
        panel = getattr(window, panel_name, None)
        candidates[pane] = None if panel is None else pane_plot(panel, pane)
    candidates["window"] = window
    return {pane: widget for pane, widget in candidates.items() if widget is not None}


MIN_EXPORT_WIDTH = 1200  # px: a picture for a slide or a page, not a thumbnail
SCALE_STEP = 0.25  # the scale box's resolution


def default_scale(widget) -> float:
    """At least 2x (and the screen's ratio), and at least `MIN_EXPORT_WIDTH` pixels wide.

    A plot pane is ~500 px on screen: at 1x its picture was too small to use.
    """
    wanted = max(2.0, float(widget.devicePixelRatioF()), MIN_EXPORT_WIDTH / max(widget.width(), 1))
    return min(MAX_EXPORT_SCALE, math.ceil(wanted / SCALE_STEP) * SCALE_STEP)


@contextlib.contextmanager
def picture_of(widget):
    """While ``widget`` is drawn for a picture: a pane that has a colour key shows it
    (the network canvas draws the key under it into its own corner), and a plot that
    thins its curves for the screen draws every sample."""
    has_key = hasattr(widget, "key_in_picture")
    every_sample = getattr(widget, "draw_every_sample", None)
    if has_key:
        widget.key_in_picture = True
    if every_sample is not None:
        every_sample(True)
    try:
        yield widget
    finally:
        if has_key:
            widget.key_in_picture = False
        if every_sample is not None:
            every_sample(False)


def export_pane(window, pane: str, path, scale: float = 1.0, export_format=None) -> None:
    """Write ``pane`` of ``window`` to ``path`` in ``export_format`` (default: the extension's).

    CSV and JSON hold the curve data and session of ``window.model`` whatever the pane;
    ``"torch"`` and ``"numpy"`` write its network as a script.

    Raises
    ------
    ValueError
        Unknown extension, missing folder, or SVG of a pane without a plot.
    OSError
        When the file cannot be written (the target is then untouched).
    """
    from actplay.ui.export import (
        formats as export_formats,  # csv and json: not needed to start the window
    )

    export_format = export_format or export_formats.format_for_path(path)
    if export_format in SCRIPT_FORMATS:
        from actplay.model import network_script

        text = network_script.script_text(window.model, export_format)
        export_formats.write_atomic(path, text.encode("utf-8"))
    elif export_format == "csv":
        export_formats.write_csv(window.model, path)
    elif export_format == "json":
        export_formats.write_json(window.model, path)
    else:  # a picture of the pane as it is on screen, with its colour key
        with picture_of(pane_widgets(window)[pane]) as widget:
            export_formats.write_image(widget, path, None, scale)


def copy_pane_image(window, pane: str = "window") -> QtGui.QImage:
    """Put ``pane`` of ``window`` on the clipboard as an image, at screen sharpness."""
    with picture_of(pane_widgets(window)[pane]) as widget:
        image = export.render_widget(widget, None, default_scale(widget))
    QtWidgets.QApplication.clipboard().setImage(image)
    return image


class ExportDialog(QtWidgets.QDialog):
    """Choose a pane, a format, a scale (PNG) and a file; then export or copy.

    Errors are shown in the dialog's own message line, never a modal box, so
    the user can fix the path and try again.
    """

    def __init__(self, window, pane: str = "curve", parent=None) -> None:
        super().__init__(parent if parent is not None else window)
        self.setWindowTitle(translate("export", "Export"))
        self.setObjectName("export_dialog")
        self.window_ = window
        self.panes = pane_widgets(window)

        self.pane_combo = QtWidgets.QComboBox(objectName="export_pane")
        for name in self.panes:
            self.pane_combo.addItem(PANE_TITLES[name], name)
        self.format_combo = QtWidgets.QComboBox(objectName="export_format")
        for name, title, _extension in FORMAT_CHOICES:
            self.format_combo.addItem(title, name)
        self.scale_spin = QtWidgets.QDoubleSpinBox(objectName="export_scale")
        self.scale_spin.setRange(0.25, MAX_EXPORT_SCALE)
        self.scale_spin.setSingleStep(0.5)
        self.scale_spin.setValue(default_scale(window))
        self.scale_spin.setToolTip(
            translate(
                "export", "Pixels per screen point: 2 is crisp on a high-DPI screen or in print."
            )
        )
        self.size_label = QtWidgets.QLabel(objectName="export_size")
        self.path_edit = QtWidgets.QLineEdit(objectName="export_path")
        browse = QtWidgets.QPushButton(translate("export", "&Browse..."))
        browse.clicked.connect(self._on_browse_clicked)
        self.message = QtWidgets.QLabel(objectName="export_message")
        self.message.setWordWrap(True)

        path_row = QtWidgets.QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)
        form = QtWidgets.QFormLayout()
        form.addRow(translate("export", "&Pane:"), self.pane_combo)
        form.addRow(translate("export", "&Format:"), self.format_combo)
        form.addRow(translate("export", "&Scale:"), self.scale_spin)
        form.addRow(translate("export", "Size:"), self.size_label)
        file_label = QtWidgets.QLabel(
            translate("export", "F&ile:")
        )  # a row of two widgets has no buddy of its own
        file_label.setBuddy(self.path_edit)
        form.addRow(file_label, path_row)

        buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Save
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel
        )
        self.copy_button = buttons.addButton(
            translate("export", "&Copy Image"), QtWidgets.QDialogButtonBox.ButtonRole.ActionRole
        )
        self.copy_button.clicked.connect(self._on_copy_clicked)
        buttons.accepted.connect(self._on_save_clicked)
        buttons.rejected.connect(self.reject)

        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

        self.pane_combo.currentIndexChanged.connect(self._update_controls)
        self.format_combo.currentIndexChanged.connect(self._on_format_changed)
        self.scale_spin.valueChanged.connect(self._update_controls)
        self.set_pane(pane)
        self._update_controls()

    # -- state ----------------------------------------------------------------------
    def pane(self) -> str:
        return self.pane_combo.currentData()

    def export_format(self) -> str:
        return self.format_combo.currentData()

    def set_pane(self, pane: str) -> None:
        index = self.pane_combo.findData(pane)
        if index >= 0:
            self.pane_combo.setCurrentIndex(index)

    def set_format(self, export_format: str) -> None:
        index = self.format_combo.findData(export_format)
        if index >= 0:
            self.format_combo.setCurrentIndex(index)

    def _update_controls(self, *_args) -> None:
        from actplay.ui.export import formats as export_formats

        is_image = self.export_format() in export_formats.IMAGE_FORMATS
        self._offer_possible_pairs()
        self.pane_combo.setEnabled(is_image)
        self.scale_spin.setEnabled(self.export_format() in export_formats.RASTER_FORMATS)
        self.copy_button.setEnabled(is_image)
        widget = self.panes[self.pane()]
        scale = self.scale_spin.value()
        self.size_label.setText(
            translate("export", "{width} x {height} pixels").format(
                width=round(widget.width() * scale), height=round(widget.height() * scale)
            )
        )

    def _offer_possible_pairs(self) -> None:
        """Grey out what cannot go together: SVG of the whole window (SVG holds plots only).

        The pair was offered and failed only after Save; now the other choice is
        simply not selectable while one is chosen.
        """
        window_chosen = self.pane() == "window"
        svg_chosen = self.export_format() == "svg"
        _enable_item(self.format_combo, "svg", not window_chosen)
        _enable_item(self.pane_combo, "window", not svg_chosen)

    def _on_format_changed(self, _index) -> None:
        # Keep the file name, change its extension to match the format.
        path = self.path_edit.text().strip()
        extension = dict((name, ext) for name, _title, ext in FORMAT_CHOICES)[self.export_format()]
        if path:
            self.path_edit.setText(os.path.splitext(path)[0] + extension)
        self._update_controls()

    # -- actions --------------------------------------------------------------------
    def export_to(self, path: str) -> bool:
        """Export the chosen pane in the chosen format to ``path``; True on success."""
        try:
            from actplay.ui.export import formats as export_formats

            export_format = self.export_format()
            extension = os.path.splitext(path)[1].lower()
            if export_format not in SCRIPT_FORMATS or extension != ".py":
                export_format = export_formats.format_for_path(path)
                self.set_format(export_format)
            export_pane(self.window_, self.pane(), path, self.scale_spin.value(), export_format)
        except (OSError, ValueError) as error:
            self.message.setText(
                translate("export", "Not exported: {reason}").format(
                    reason=" ".join(str(error).split())
                )
            )
            return False
        self.message.setText(translate("export", "Exported to {path}").format(path=path))
        status_bar = getattr(self.window_, "statusBar", None)
        if callable(status_bar):
            status_bar().showMessage(
                translate("export", "Exported {pane} to {path}").format(
                    pane=PANE_TITLES[self.pane()], path=path
                ),
                5000,
            )
        return True

    def _on_save_clicked(self) -> None:
        path = self.path_edit.text().strip()
        if not path:
            self._on_browse_clicked()
            path = self.path_edit.text().strip()
            if not path:
                return
        if self.export_to(path):
            self.accept()

    def _on_browse_clicked(self) -> None:
        extension = dict((name, ext) for name, _title, ext in FORMAT_CHOICES)[self.export_format()]
        suggestion = self.path_edit.text() or f"actplay-{self.pane()}{extension}"
        path, _filter = QtWidgets.QFileDialog.getSaveFileName(
            self,
            translate("export", "Export"),
            suggestion,
            f"{self.format_combo.currentText()} (*{extension})",
        )
        if path:
            self.path_edit.setText(path)

    def _on_copy_clicked(self) -> None:
        copy_pane_image(self.window_, self.pane())
        self.message.setText(
            translate("export", "{pane} copied to the clipboard").format(
                pane=PANE_TITLES[self.pane()]
            )
        )


def _enable_item(combo: QtWidgets.QComboBox, data, enabled: bool) -> None:
    """Make the item of ``combo`` holding ``data`` selectable or not."""
    index = combo.findData(data)
    item = combo.model().item(index) if index >= 0 else None
    if item is not None:
        item.setEnabled(enabled)


def open_export_dialog(window, pane: str = "curve") -> ExportDialog:
    """Show the export dialog (non-blocking) with ``pane`` chosen; returns it."""
    dialog = ExportDialog(window, pane)
    dialog.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def _add_pane_menu(window, pane: str, widget) -> list:
    """Right-click on ``widget``: "Export <pane>..." and "Copy <pane> Image"."""
    title = PANE_TITLES[pane]
    export_action = QtGui.QAction(
        translate("export", "Export {title}...").format(title=title), widget
    )
    export_action.setObjectName(f"export_{pane}_action")
    export_action.triggered.connect(lambda: open_export_dialog(window, pane))
    copy_action = QtGui.QAction(
        translate("export", "Copy {title} Image").format(title=title), widget
    )
    copy_action.setObjectName(f"copy_{pane}_action")
    copy_action.triggered.connect(lambda: copy_pane_image(window, pane))
    widget.addAction(export_action)
    widget.addAction(copy_action)
    # Right-clicks that no child handles (plots without a menu, labels, margins)
    # reach this widget, which then lists its actions.
    widget.setContextMenuPolicy(QtCore.Qt.ContextMenuPolicy.ActionsContextMenu)
    return [export_action, copy_action]


def make_export_actions(window) -> dict:
    """The export actions of ``window`` (a MainWindow, which puts them in its File menu).

    Returns
    -------
    dict
        ``"export"``, ``"import_torch"`` and ``"copy"`` (for the File menu) and the per-pane
        right-click actions as ``"export_<pane>"`` / ``"copy_<pane>"``, already
        added to each pane's plot.
    """
    export_action = QtGui.QAction(translate("export", "&Export..."), window)
    export_action.setObjectName("export_action")
    export_action.setShortcut(QtGui.QKeySequence("Ctrl+E"))
    export_action.setStatusTip(
        translate("export", "Export a pane as PNG, SVG or PDF, or the data as CSV or JSON")
    )
    export_action.triggered.connect(lambda: open_export_dialog(window))
    copy_action = QtGui.QAction(translate("export", "Copy &Image"), window)
    copy_action.setObjectName("copy_image_action")
    copy_action.setShortcut(QtGui.QKeySequence("Ctrl+Shift+C"))
    copy_action.setStatusTip(
        translate("export", "Copy the whole window to the clipboard as an image")
    )
    copy_action.triggered.connect(lambda: copy_pane_image(window, "window"))
    from actplay.ui.export.torch_import import make_import_action

    actions = {
        "export": export_action,
        "import_torch": make_import_action(window),
        "copy": copy_action,
    }
    for pane, widget in pane_widgets(window).items():
        if pane != "window":
            export_pane_action, copy_pane_action = _add_pane_menu(window, pane, widget)
            actions[f"export_{pane}"] = export_pane_action
            actions[f"copy_{pane}"] = copy_pane_action
    return actions
