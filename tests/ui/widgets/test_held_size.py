"""Labels re-texted all the time lay out only themselves."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from actplay.ui.widgets.held_size import SteadyLabel, hold_size


class LayoutRequests(QObject):
    """Counts the LayoutRequest events a widget receives."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__()
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, _watched, event) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LayoutRequest:
            self.count += 1
        return False


def _host(qtbot, widget: QWidget) -> tuple[QWidget, LayoutRequests]:
    host = QWidget()
    layout = QVBoxLayout(host)
    layout.addWidget(widget)
    layout.addStretch(1)
    qtbot.addWidget(host)
    host.resize(220, 300)
    host.show()
    qtbot.waitExposed(host)
    QApplication.processEvents()
    return host, LayoutRequests(host)


@pytest.mark.parametrize("steady", [True, False])
def test_a_new_text_of_the_same_height_lays_out_nothing_but_the_label(qtbot, steady):
    frame = SteadyLabel() if steady else None
    label = frame.label if steady else QLabel()
    label.setWordWrap(True)
    label.setText("Output: y = 0.61")
    _shown, requests = _host(qtbot, frame if steady else label)
    label.setText("Output: y = 0.62")
    QApplication.processEvents()
    # A plain wrapped QLabel asks the window for a layout on every text: the case to avoid.
    assert requests.count == (0 if steady else 1)
    assert label.text() == "Output: y = 0.62"


def test_a_text_that_needs_more_lines_gets_them(qtbot):
    frame = SteadyLabel()
    frame.label.setText("Output: y = 0.61")
    host, requests = _host(qtbot, frame)
    one_line = frame.height()
    frame.label.setText("Output: " + ", ".join(f"y{i} = 0.{i}1" for i in range(12)))
    # The frame hears of the label's new text first, then asks the window's layout.
    qtbot.waitUntil(lambda: frame.height() > one_line, timeout=2000)
    assert requests.count >= 1
    assert frame.height() >= frame.label.heightForWidth(frame.width())
    assert frame.label.geometry() == frame.rect()  # the label fills its frame
    assert frame.label.width() <= host.width()


def test_hold_size_fixes_the_size_to_the_widest_sample(qtbot):
    label = QLabel("7")
    qtbot.addWidget(label)
    hold_size(label, "000,000", "7")
    assert label.text() == "7"
    assert label.minimumSize() == label.maximumSize()
    wide = QLabel("000,000")
    qtbot.addWidget(wide)
    assert label.width() >= wide.sizeHint().width()


def test_a_text_set_while_hidden_gets_its_height_when_shown(qtbot):
    frame = SteadyLabel()
    frame.label.setText("Output: y = 0.61")
    host, _requests = _host(qtbot, frame)
    one_line = frame.height()
    host.hide()  # as a tab behind another: the label's new text reaches no one
    frame.label.setText("Output: " + ", ".join(f"y{i} = 0.{i}1" for i in range(12)))
    QApplication.processEvents()
    host.show()
    qtbot.waitUntil(lambda: frame.height() > one_line, timeout=2000)
    assert frame.height() >= frame.label.heightForWidth(frame.width())
