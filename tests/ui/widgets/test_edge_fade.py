"""Scrolling text ends in a fade, not in a line cut in half by the edge."""

from PySide6 import QtGui, QtWidgets

EDGE_ROWS = 3  # px at the viewport's bottom that must show no letter


def _edge_colours(area) -> set:
    viewport = area.viewport()
    image = viewport.grab().toImage()
    ratio = image.devicePixelRatio()
    rows = range(image.height() - int(EDGE_ROWS * ratio), image.height())
    return {image.pixelColor(x, y).rgb() for y in rows for x in range(image.width())}


def test_the_help_box_fades_its_cut_line_until_scrolled_to_the_end(window_at, qapp):
    window = window_at((1024, 640))
    box = window.findChild(QtWidgets.QTextBrowser, "help_box")
    bar = box.verticalScrollBar()
    assert bar.maximum() > 0  # more text than the box shows: a line is cut at its edge
    fade = box.bottom_fade
    viewport = box.viewport()
    assert fade.isVisible()
    assert fade.geometry().bottom() == viewport.rect().bottom()
    assert fade.height() >= viewport.fontMetrics().lineSpacing()
    background = viewport.palette().color(viewport.backgroundRole()).rgb()
    assert _edge_colours(box) == {background}  # no half letters at the edge
    bar.setValue(bar.maximum())
    qapp.processEvents()
    assert not fade.isVisible()  # the last line shows whole
    bar.setValue(0)
    assert fade.isVisible()


def test_a_fade_lets_clicks_through(qtbot):
    area = QtWidgets.QTextBrowser()
    qtbot.addWidget(area)
    area.setPlainText("\n".join(f"line {n}" for n in range(100)))
    area.resize(200, 100)
    area.show()
    qtbot.waitExposed(area)
    from actplay.ui.widgets.edge_fade import BottomFade

    fade = BottomFade(area)
    assert fade.isVisible()
    assert fade.testAttribute(QtGui.Qt.WidgetAttribute.WA_TransparentForMouseEvents)
