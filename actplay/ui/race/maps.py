"""A small decision map per contestant, with the data and its dead/saturated units.

Each map is the first seed's network over the plane on the shared diverging
scale (orange class 0, grey undecided, blue class 1; regression: the value),
with the training points on top. The title is the contestant's label in its
colour; under it, per hidden layer, the share of dead and of saturated units.
All maps live in one graphics scene (cheap to build, one picture to export).
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6 import QtCore

from actplay.core.race_limits import MAX_CONTESTANTS
from actplay.ui import theme
from actplay.ui.race.colours import contestant_colour
from actplay.ui.widgets.diverging import VALUE_LEVELS, brushes_for, diverging_lut

POINT_SIZE = 4  # px: the data reads on a 120 px map without hiding it
POINT_PEN = pg.mkPen(255, 255, 255, 160, width=0.6)


def health_caption(health) -> str:
    """``dead 0·0·12 % · sat 0·25·50 %`` over the hidden layers ("" for no data)."""
    if health is None:
        return ""

    def shares(values) -> str:
        return "\u00b7".join(f"{round(100 * v)}" for v in values[:-1])

    return f"dead {shares(health.dead)} % \u00b7 sat {shares(health.saturated)} %"


class MapsLayout(pg.GraphicsLayout):
    """Up to ``MAX_CONTESTANTS`` decision maps in a row (a layout item: the pane's
    widget and the exported figure both hold one)."""

    def __init__(self) -> None:
        super().__init__()
        self.layout.setSpacing(2)
        self.setContentsMargins(2, 2, 2, 2)
        self.titles, self.views, self.images, self.points, self.captions = [], [], [], [], []
        muted = theme.muted_text_colour()
        for index in range(MAX_CONTESTANTS):
            title = pg.LabelItem("", size="8pt", bold=True, color=contestant_colour(index))
            view = pg.ViewBox(lockAspect=True, enableMouse=False, enableMenu=False)
            image = pg.ImageItem(axisOrder="row-major", lut=diverging_lut(), levels=VALUE_LEVELS)
            points = pg.ScatterPlotItem(size=POINT_SIZE, pen=POINT_PEN)
            view.addItem(image)
            view.addItem(points)
            caption = pg.LabelItem("", size="7pt", color=muted)
            self.addItem(title, row=0, col=index)
            self.addItem(view, row=1, col=index)
            self.addItem(caption, row=2, col=index)
            self.titles.append(title)
            self.views.append(view)
            self.images.append(image)
            self.points.append(points)
            self.captions.append(caption)
        self.layout.setRowStretchFactor(1, 1)
        self._shown = -1
        self._labels: tuple = ()
        self._extent = None
        self._data_key = None

    def follow_theme(self) -> None:
        """Titles in the contestants' colours and captions in the muted ink of the theme."""
        muted = theme.muted_text_colour()
        for index, (title, caption) in enumerate(zip(self.titles, self.captions, strict=True)):
            title.setText(title.text, color=contestant_colour(index))
            caption.setText(caption.text, color=muted)

    def set_labels(self, labels) -> None:
        """One map per label; the others are hidden."""
        if tuple(labels) == self._labels:
            return
        self._labels = tuple(labels)
        for index, title in enumerate(self.titles):
            title.setText(labels[index] if index < len(labels) else "")
        if len(labels) != self._shown:
            self._shown = len(labels)
            for index in range(MAX_CONTESTANTS):
                on = index < len(labels)
                for item in (self.titles[index], self.views[index], self.captions[index]):
                    item.setVisible(on)
                self.layout.setColumnStretchFactor(index, 1 if on else 0)
                self.layout.setColumnMaximumWidth(index, 10_000 if on else 0)

    def set_data(self, data, regression: bool, extent) -> None:
        """The training points of ``data`` (a Dataset) drawn on every map, coloured by
        class (or value, for regression); nothing to do for the same data set again."""
        key = (id(data), extent)
        if key == self._data_key:
            return
        self._data_key = key
        points, targets = data.train
        brushes = brushes_for(targets if regression else 2.0 * targets - 1.0)
        for scatter in self.points:
            scatter.setData(pos=points, brush=brushes)
        lo, hi = extent
        for view in self.views:
            view.setRange(xRange=(lo, hi), yRange=(lo, hi), padding=0)
        self._extent = extent

    def set_surface(self, index: int, surface) -> None:
        """Map ``index``: a (res, res) surface in [-1, 1], row 0 on top (None clears it)."""
        image = self.images[index]
        if surface is None or self._extent is None:
            image.clear()
            return
        image.setImage(surface, autoLevels=False, levels=VALUE_LEVELS)
        lo, hi = self._extent
        image.setRect(QtCore.QRectF(lo, hi, hi - lo, lo - hi))  # row 0 is the top (y = hi)

    def set_caption(self, index: int, text: str) -> None:
        """The line under map ``index``."""
        if self.captions[index].text != text:
            self.captions[index].setText(text)


class RaceMaps(pg.GraphicsView):
    """The pane's widget around a :class:`MapsLayout` (``maps``)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("race_maps")
        self.setBackground(theme.plot_background())
        self.maps = MapsLayout()
        self.setCentralItem(self.maps)
        for name in ("images", "captions", "titles", "views", "points"):
            setattr(self, name, getattr(self.maps, name))
        self.set_labels = self.maps.set_labels
        self.set_data = self.maps.set_data
        self.set_surface = self.maps.set_surface
        self.set_caption = self.maps.set_caption
        self.follow_theme = self.maps.follow_theme  # theme.apply_theme calls it
