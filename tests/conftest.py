"""Shared test set-up: offscreen Qt, isolated settings and data folders."""

import os
import re
import tempfile
import zlib

# Before any Qt import: no screen in CI, and no user's files touched.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
_HOME = tempfile.mkdtemp(prefix="actplay-test-home-")
os.environ["HOME"] = _HOME
os.environ["XDG_CONFIG_HOME"] = os.path.join(_HOME, ".config")
os.environ["XDG_DATA_HOME"] = os.path.join(_HOME, ".local", "share")
os.environ["XDG_CACHE_HOME"] = os.path.join(_HOME, ".cache")
os.environ["XDG_RUNTIME_DIR"] = os.path.join(_HOME, "runtime")
os.makedirs(os.environ["XDG_RUNTIME_DIR"], mode=0o700, exist_ok=True)

import pytest  # noqa: E402


@pytest.fixture(scope="session", autouse=True)
def _isolated_qt_paths():
    """Put QSettings and QStandardPaths in test mode when Qt is available."""
    try:
        from PySide6.QtCore import QStandardPaths
    except ImportError:  # pure-core test runs without Qt installed
        yield
        return
    QStandardPaths.setTestModeEnabled(True)
    yield
    from PySide6.QtWidgets import QApplication

    # A clipboard still holding a test's copy when Python exits makes the process die
    # of SIGSEGV after every test passed (Qt tears it down after the interpreter).
    if QApplication.instance() is not None:
        QApplication.clipboard().clear()


@pytest.fixture
def window(qtbot):
    """The real main window, shown offscreen at its default size; closed afterwards."""
    from actplay.app import create_window

    win = create_window()
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.scheduler.flush()
    yield win
    win.close()


def _pdf_content(data: bytes) -> bytes:
    """Every content stream of a PDF, inflated (Qt compresses them with Flate); a
    stream that is not Flate (an image's own encoding, JPEG) is left out."""
    assert data.startswith(b"%PDF-")
    inflated = []
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        try:
            # A stream whose last byte is a CR loses it to the pattern's \r?: inflate
            # what is there rather than refuse the whole stream (and miss the page).
            inflated.append(zlib.decompressobj().decompress(stream))
        except zlib.error:
            pass
    return b"\n".join(inflated)


@pytest.fixture
def pdf_content():
    """``pdf_content(data)``: a PDF's content streams, inflated, to search for paths
    (``m``/``l`` operators) and text (``Tj``/``TJ``) in an exported picture."""
    return _pdf_content


@pytest.fixture
def watch_events():
    """Count (and keep the regions of) one type of event delivered to a widget.

    ``recorder = watch_events(widget, QEvent.Type.Paint)`` installs an event
    filter on ``widget``; ``recorder.count`` and ``recorder.regions`` (Paint
    events' regions) grow as events arrive, ``recorder.reset()`` starts over.
    Every filter is removed when the test ends.
    """
    from PySide6.QtCore import QEvent, QObject

    class EventRecorder(QObject):
        def __init__(self, event_type):
            super().__init__()
            self.event_type = event_type
            self.count = 0
            self.regions = []

        def reset(self):
            self.count, self.regions = 0, []

        def eventFilter(self, _watched, event):  # noqa: N802 (Qt's name)
            if event.type() == self.event_type:
                self.count += 1
                if event.type() == QEvent.Type.Paint:
                    self.regions.append(event.region())
            return False

    installed = []

    def watch(widget, event_type):
        recorder = EventRecorder(event_type)
        widget.installEventFilter(recorder)
        installed.append((widget, recorder))
        return recorder

    yield watch
    for widget, recorder in installed:
        try:
            widget.removeEventFilter(recorder)
        except RuntimeError:  # the widget was deleted with its window
            pass


@pytest.fixture
def show_network_panel(qtbot):
    """``show_network_panel(model)``: a NetworkPanel of ``model``, shown at dock size,
    redrawn on every model change (as the window's scheduler would)."""
    from actplay.ui.network.panel import NetworkPanel

    def show(model):
        panel = NetworkPanel(model)
        model.changed.connect(panel.refresh)
        qtbot.addWidget(panel)
        panel.resize(480, 800)
        panel.show()
        qtbot.waitExposed(panel)
        return panel

    return show
