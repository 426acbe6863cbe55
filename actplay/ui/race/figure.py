"""The race as one picture: question, curves, gradient flow and decision maps.

`RaceFigure` is one graphics scene holding the pane's own plot items
(`CurvesPlot`, `FlowPlot`, `MapsLayout`), so an exported PNG shows what the pane
shows and an SVG holds the whole figure as vectors. `show_details` fills maps,
captions and the gradient flow from the model, for the pane and the figure alike.
"""

from __future__ import annotations

from contextlib import contextmanager

import pyqtgraph as pg

from actplay.core import datasets
from actplay.ui import theme
from actplay.ui.race.curves import CurvesPlot
from actplay.ui.race.flow import FlowPlot
from actplay.ui.race.maps import MapsLayout, health_caption

MAP_EXTENT = (-datasets.DATA_RADIUS - 1.0, datasets.DATA_RADIUS + 1.0)
MAP_RESOLUTION = 40  # cells per side of a decision map: ~120-200 px on screen
FIGURE_SIZE = (1200, 800)  # px of an exported figure when no size is given


def show_details(race, maps: MapsLayout, flow: FlowPlot, contestants, gradients: list) -> list:
    """Maps and captions of ``contestants`` and the gradient flow, from ``race`` (the model's).

    ``gradients`` holds each contestant's last known gradient flow (None where
    unknown); the updated list is returned.
    """
    labels = race.labels()
    maps.set_labels(labels)
    data = race.dataset()
    maps.set_data(data, data.kind == datasets.REGRESSION, MAP_EXTENT)
    gradients = (list(gradients) + [None] * len(labels))[: len(labels)]
    for index in contestants:
        maps.set_surface(index, race.surface(index, MAP_RESOLUTION))
        health = race.health(index) if race.started else None
        maps.set_caption(index, health_caption(health))
        gradients[index] = health.gradient if health is not None else None
    flow.set_gradients(gradients)
    return gradients


def figure_title(race) -> str:
    """The preset's question, or what the race is: data set, layers, seeds, epochs."""
    settings = race.settings
    hidden = " \u00d7 ".join(str(size) for size in settings["hidden"])
    what = (
        f"{settings['dataset']['source']}, hidden {hidden}, {settings['optimizer']} "
        f"{settings['learning_rate']:g}, {settings['repeats']} seed(s), epoch {int(race.epoch)}"
    )
    return f"{race.question}  ({what})" if race.question else f"Activation race: {what}"


class RaceFigure(pg.GraphicsView):
    """Title, loss (or accuracy) curves, gradient flow and maps of a race, in one scene."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("race_figure")
        self.setBackground(theme.plot_background())
        layout = pg.GraphicsLayout()
        self.setCentralItem(layout)
        self.title = pg.LabelItem("", size="10pt", bold=True, color=theme.plot_foreground())
        self.curves = CurvesPlot()
        self.flow = FlowPlot()
        self.maps = MapsLayout()
        layout.addItem(self.title, row=0, col=0, colspan=2)
        layout.addItem(self.curves, row=1, col=0)
        layout.addItem(self.flow, row=1, col=1)
        layout.addItem(self.maps, row=2, col=0, colspan=2)
        layout.layout.setColumnStretchFactor(0, 3)
        layout.layout.setColumnStretchFactor(1, 1)
        layout.layout.setRowStretchFactor(1, 3)
        layout.layout.setRowStretchFactor(2, 2)

    def draw(self, playground, kind: str = "loss", log_y: bool = False) -> None:
        """Show the race of ``playground`` (its record, and its details if it ran)."""
        race = playground.race
        self.title.setText(figure_title(race))
        self.curves.set_kind(kind)
        self.curves.set_log_y(log_y)
        self.curves.set_record(race.record())
        show_details(race, self.maps, self.flow, range(len(race.labels())), [])


@contextmanager
def drawn_figure(playground, size=FIGURE_SIZE, kind="loss", log=False):
    """A :class:`RaceFigure` of the race of ``playground``, laid out at ``size`` and drawn,
    never on screen; closed when the block ends. Needs a running QApplication."""
    from PySide6.QtCore import Qt

    theme.apply_plot_defaults()
    figure = RaceFigure()
    try:
        figure.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        figure.resize(*size)
        figure.show()
        figure.draw(playground, kind, log)
        yield figure
    finally:
        figure.close()
        figure.deleteLater()


def figure_bytes(
    playground, export_format: str, size=FIGURE_SIZE, scale: float = 1.0, kind="loss", log=False
) -> bytes:
    """The race of ``playground`` as a picture (``png``, ``jpg``, ``bmp``, ``svg`` or ``pdf``).

    Needs a running QApplication (offscreen is enough); draws an unshown figure.
    """
    from actplay.ui.export import formats

    with drawn_figure(playground, size, kind, log) as figure:
        return formats.image_bytes(figure, export_format, tuple(size), scale)
