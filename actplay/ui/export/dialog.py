"""File > Export...: the dialog that chooses a pane, a format, a scale and a file.

Errors are shown in the dialog's own message line, never a modal box, so the user
can fix the path and try again. What it draws and writes is `pane_export`'s.
"""

from __future__ import annotations

import os

from PySide6 import QtCore, QtWidgets

from actplay.ui.export.pane_export import (
    MAX_EXPORT_SCALE,
    SCRIPT_FORMATS,
    copy_pane_image,
    default_scale,
    export_pane,
    pane_title,
    pane_widgets,
)
from actplay.ui.i18n import translate

#: Formats the dialog offers: (format, title, extension).
FORMAT_EXTENSIONS = {
    "png": ".png",
    "svg": ".svg",
    "pdf": ".pdf",
    "csv": ".csv",
    "json": ".json",
    "torch": ".py",
    "numpy": ".py",
}


def format_title(export_format: str) -> str:
    """The dialog's title of ``export_format`` (a key of `FORMAT_EXTENSIONS`), translated."""
    return {
        "png": translate("export", "PNG image"),
        "svg": translate("export", "SVG vector image (plots only)"),
        "pdf": translate("export", "PDF vector document"),
        "csv": translate("export", "CSV data of the curve pane"),
        "json": translate("export", "JSON session with the plotted data"),
        "torch": translate("export", "PyTorch script of the network"),
        "numpy": translate("export", "NumPy script of the network"),
    }[export_format]


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
            self.pane_combo.addItem(pane_title(name), name)
        self.format_combo = QtWidgets.QComboBox(objectName="export_format")
        for name in FORMAT_EXTENSIONS:
            self.format_combo.addItem(format_title(name), name)
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
        extension = FORMAT_EXTENSIONS[self.export_format()]
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
                    pane=pane_title(self.pane()), path=path
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
        extension = FORMAT_EXTENSIONS[self.export_format()]
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
                pane=pane_title(self.pane())
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
