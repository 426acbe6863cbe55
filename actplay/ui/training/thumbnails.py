"""The data set picker: a thumbnail of each built-in set, the chosen one highlighted.

Each thumbnail draws the set's points in the class colours of the diverging
scale (orange class 0, blue class 1; a regression set's values along the scale),
as the TensorFlow Playground does; the sets not chosen are faded.
"""

from __future__ import annotations

from PySide6 import QtCore, QtGui, QtWidgets

from actplay.core import datasets
from actplay.ui import theme
from actplay.ui.i18n import translate
from actplay.ui.widgets.diverging import diverging_lut, lut_index

THUMB_PX = 32  # each tile's drawing (TF's are 34 px); 3 tiles a row fit a 120 px column
THUMB_POINTS = 200  # points drawn per tile, as TF's
FADED_OPACITY = 0.35  # a set not chosen
TITLES = {
    "circle": "Circle",
    "xor": "Exclusive or",
    "gaussian": "Gaussian",
    "spiral": "Spiral",
    "regression": "Regression surface",
}


def thumbnail(source: str, faded: bool) -> QtGui.QPixmap:
    """``source``'s points drawn on a ``THUMB_PX`` square (not cached at module level:
    a pixmap must not outlive the application)."""
    data = datasets.generate(source, THUMB_POINTS, 0.0, 0.0, seed=0)
    pixmap = QtGui.QPixmap(THUMB_PX, THUMB_PX)
    pixmap.fill(theme.plot_colour("thumbnail_background"))
    painter = QtGui.QPainter(pixmap)
    painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
    painter.setPen(QtCore.Qt.PenStyle.NoPen)
    if faded:
        painter.setOpacity(FADED_OPACITY)
    x1_lo, x1_hi, x2_lo, x2_hi = datasets.frame(data.points)
    scale = (THUMB_PX - 1) / (x1_hi - x1_lo)
    values = data.targets if data.kind == datasets.REGRESSION else 2.0 * data.targets - 1.0
    colours = diverging_lut()[lut_index(values)]
    for (x1, x2), colour in zip(data.points, colours, strict=True):
        painter.setBrush(QtGui.QColor(int(colour[0]), int(colour[1]), int(colour[2])))
        painter.drawEllipse(QtCore.QPointF((x1 - x1_lo) * scale, (x2_hi - x2) * scale), 1.6, 1.6)
    painter.end()
    return pixmap


class DatasetPicker(QtWidgets.QWidget):
    """A grid of checkable thumbnails, one per built-in data set.

    Signals
    -------
    chosen(str) : the user clicked the thumbnail of a data set.
    """

    chosen = QtCore.Signal(str)

    def __init__(self, parent=None, columns: int = 3) -> None:
        super().__init__(parent)
        self.setObjectName("training_dataset_picker")
        grid = QtWidgets.QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(2)
        self.group = QtWidgets.QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[str, QtWidgets.QToolButton] = {}
        for index, source in enumerate(TITLES):
            button = QtWidgets.QToolButton(self)
            button.setObjectName(f"training_dataset_{source}")
            button.setCheckable(True)
            button.setAutoRaise(True)
            icon = QtGui.QIcon()
            icon.addPixmap(
                thumbnail(source, faded=True), QtGui.QIcon.Mode.Normal, QtGui.QIcon.State.Off
            )
            icon.addPixmap(
                thumbnail(source, faded=False), QtGui.QIcon.Mode.Normal, QtGui.QIcon.State.On
            )
            button.setIcon(icon)
            button.setIconSize(QtCore.QSize(THUMB_PX, THUMB_PX))
            button.setToolTip(
                translate(
                    "training", "{dataset}: choose it (proposes settings that learn it)"
                ).format(dataset=TITLES[source])
            )
            button.setAccessibleName(
                translate("training", "Data set {dataset}").format(dataset=TITLES[source])
            )
            button.setStyleSheet(
                "QToolButton { border: 2px solid transparent; border-radius: 3px; padding: 1px; }"
                "QToolButton:checked { border-color: palette(text); }"
            )
            button.clicked.connect(lambda _on=False, source=source: self.chosen.emit(source))
            self.group.addButton(button)
            grid.addWidget(button, index // columns, index % columns)
            self.buttons[source] = button

    def set_current(self, source: str) -> None:
        """Highlight ``source`` (nothing for loaded points); emits nothing."""
        button = self.buttons.get(source)
        self.group.setExclusive(button is not None)
        for each in self.buttons.values():
            with QtCore.QSignalBlocker(each):
                each.setChecked(each is button)
        self.group.setExclusive(True)


__all__ = ["DatasetPicker", "THUMB_PX", "TITLES", "thumbnail"]
