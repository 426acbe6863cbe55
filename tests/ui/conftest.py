"""Fixtures for the window at a given size."""

import pytest


@pytest.fixture
def window_at(qtbot, qapp):
    """``window_at((w, h))``: the real window opened at that size (as ``--screenshot
    --size`` does), so its docks take their share of that width, not of the default
    size's (a window shown at 1400x900 and then shrunk keeps its wide docks)."""
    from actplay.app import create_window

    def open_at(size):
        window = create_window()
        qtbot.addWidget(window)
        window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        window.scheduler.flush()
        qapp.processEvents()
        return window

    return open_at
