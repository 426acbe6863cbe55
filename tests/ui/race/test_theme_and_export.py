"""The race window follows a theme switch, and exports its figure and data from File."""

from __future__ import annotations

import csv
import json
import xml.etree.ElementTree as ET

import numpy as np
import pytest
from PySide6 import QtGui

from actplay.core.race_limits import METRICS
from actplay.ui import theme
from actplay.ui.race import export
from actplay.ui.race.colours import contestant_colour

SMALL = {
    "dataset": {
        "source": "xor",
        "points": 100,
        "noise": 0.1,
        "test_fraction": 0.5,
        "seed": 0,
        "features": ["x1", "x2"],
    },
    "hidden": [4, 4],
    "contestants": [
        {"activation": "tanh", "params": {}},
        {"activation": "relu", "params": {}},
        {"activation": "gelu", "params": {}},  # the third colour is the theme's ink
    ],
    "repeats": 2,
    "epochs": 6,
}
INK = 2  # the palettes' third colour is each theme's ink


def _open(window, qtbot):
    window.findChild(QtGui.QAction, "race_window_action").trigger()
    qtbot.waitExposed(window.race_window)
    window.model.race.set(**SMALL)
    window.model.race.run()
    window.scheduler.flush()
    return window.race_window


def _colours(pane, index):
    """What contestant ``index`` is drawn in: curves, band, flow, map title; and a caption."""
    line = pane.curves.lines[index]
    flow = pane.flow.lines[index]
    return {
        "test": line.test.opts["pen"].color().name(),
        "train": line.train.opts["pen"].color().name(),
        "band": line.band.brush().color().name(),
        "flow": flow.opts["pen"].color().name(),
        "symbol": pg_colour(flow.opts["symbolBrush"]),
        "title": QtGui.QColor(pane.maps.titles[index].opts["color"]).name(),
        "caption": QtGui.QColor(pane.maps.captions[index].opts["color"]).name(),
        "legend": QtGui.QColor(pane.curves.plot.legend.items[index][1].opts["color"]).name(),
    }


def pg_colour(value) -> str:
    import pyqtgraph as pg

    return pg.mkBrush(value).color().name()


@pytest.mark.parametrize("mode", ["dark", "light"])
def test_the_race_window_recolours_on_a_theme_switch(window, qtbot, mode):
    race_window = _open(window, qtbot)
    pane = race_window.pane
    window.set_theme("light" if mode == "dark" else "dark")
    before = _colours(pane, INK)
    window.set_theme(mode)
    window.scheduler.flush()
    ink = theme.plot_foreground().name()
    after = _colours(pane, INK)
    assert after != before
    for key in ("test", "train", "band", "flow", "symbol", "title"):
        assert after[key] == ink == contestant_colour(INK), key
    assert after["caption"] == theme.muted_text_colour().lower()
    assert after["legend"] == ink
    # a label's colour is baked into its text: the rendered text follows too
    assert ink.lower() in pane.maps.titles[INK].item.toHtml().lower()
    assert _colours(pane, 0)["test"] == theme.CONTESTANT_PALETTES[mode][0].lower()
    assert pane.curves.backgroundBrush().color() == theme.plot_background()


def test_file_export_writes_the_race_as_png_svg_csv_and_json(window, qtbot, tmp_path, monkeypatch):
    race_window = _open(window, qtbot)
    action = race_window.findChild(QtGui.QAction, "race_export_action")
    assert action in race_window.file_menu.actions()
    record = window.model.race.record()
    written = {}
    for extension in ("png", "svg", "csv", "json"):
        path = tmp_path / f"race.{extension}"
        monkeypatch.setattr(export, "ask_export_path", lambda _parent, p=path: str(p))
        action.trigger()
        assert path.is_file(), extension
        assert str(path) in race_window.statusBar().currentMessage()
        written[extension] = path
    image = QtGui.QImage(str(written["png"]))
    assert (image.width(), image.height()) == (1200, 800)
    svg = ET.parse(written["svg"]).getroot()
    assert svg.tag.endswith("svg") and len(list(svg.iter())) > 50
    rows = list(csv.DictReader(written["csv"].read_text().splitlines()))
    assert len(rows) == 2 * 3 * 7  # seeds x contestants x epochs 0..6
    last = [r for r in rows if r["seed"] == "0" and r["contestant"] == "2" and r["epoch"] == "6"]
    expected = record.curves[0, 1, :, -1]
    np.testing.assert_array_equal([float(last[0][m]) for m in METRICS], expected)
    data = json.loads(written["json"].read_text())
    assert data["data"]["labels"] == list(record.labels)
    np.testing.assert_array_equal(data["data"]["curves"]["test_loss"], record.curve("test_loss"))


def test_export_refusals_are_one_line_in_a_dialog(window, qtbot, tmp_path, monkeypatch):
    race_window = _open(window, qtbot)
    action = race_window.findChild(QtGui.QAction, "race_export_action")
    told = []
    monkeypatch.setattr(export, "tell_export_error", lambda _parent, message: told.append(message))
    for path, message in (
        (tmp_path / "race.pdf", "exported as png, svg, csv, json"),
        (tmp_path / "missing" / "race.csv", "cannot write"),
    ):
        monkeypatch.setattr(export, "ask_export_path", lambda _parent, p=path: str(p))
        action.trigger()
        assert message in told[-1] and "\n" not in told[-1]
        assert not path.exists()
    window.model.race.reset()
    monkeypatch.setattr(export, "ask_export_path", lambda _parent: str(tmp_path / "r.csv"))
    action.trigger()
    assert "has not run yet" in told[-1]
    monkeypatch.setattr(export, "ask_export_path", lambda _parent: "")  # cancelled
    action.trigger()
    assert len(told) == 3 and list(tmp_path.iterdir()) == []
