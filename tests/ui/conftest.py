"""Fixtures for UI tests: the real main window, built by ``create_window()``."""

from __future__ import annotations

import pytest

from actplay.app import create_window


@pytest.fixture
def window(qtbot):
    """The real main window, shown offscreen at its default size; closed afterwards."""
    win = create_window()
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.scheduler.flush()
    yield win
    win.close()
