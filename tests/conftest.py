"""Shared test set-up: offscreen Qt, isolated settings and data folders."""

import os
import tempfile

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
