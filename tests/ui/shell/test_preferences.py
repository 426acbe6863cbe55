"""Settings round trip (QSettings in a test file): layout, theme, last function and range."""

from __future__ import annotations

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from actplay.app import create_window
from actplay.ui import theme
from actplay.ui.shell import preferences


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "actplay.ini"), QSettings.Format.IniFormat)


@pytest.fixture(autouse=True)
def light_again():
    """The palette and pyqtgraph options are global: every test ends in the light theme."""
    yield
    theme.apply_theme("light")


def new_window(qtbot):
    window = create_window()
    qtbot.addWidget(window)
    return window


def test_preferences_round_trip(qtbot, settings):
    first = new_window(qtbot)
    first.use_settings(settings)
    first.model.set_curve_activation("elu")
    first.model.set_x_range(-3.5, 4.25)
    first.findChild(type(first.undo_action), "theme_dark_action").trigger()
    first.neuron_dock.hide()
    first.show()
    first.close()  # saves

    second = new_window(qtbot)
    assert second.model.curve_activation == "sigmoid"  # create_window restores nothing
    second.use_settings(settings)
    assert second.model.curve_activation == "elu"
    assert second.model.x_range == (-3.5, 4.25)
    assert second.theme_mode == "dark"
    assert second.theme_actions["dark"].isChecked()
    second.show()
    assert not second.neuron_dock.isVisible()
    assert second.undo_stack.count() == 0  # restoring is not an undo step
    assert not second.isWindowModified()
    second.close()


def test_bad_saved_values_fall_back_to_defaults(qtbot, settings):
    settings.setValue(preferences.THEME_KEY, "purple")
    settings.setValue(preferences.CURVE_ACTIVATION_KEY, "no_such_function")
    settings.setValue(preferences.X_RANGE_KEY, [5, -5])
    window = new_window(qtbot)
    window.use_settings(settings)
    assert window.theme_mode == preferences.DEFAULT_THEME
    assert window.model.curve_activation == "sigmoid"
    assert window.model.x_range == (-6.0, 6.0)


def test_dark_theme_darkens_widgets_and_every_plot_stays_readable(window):
    views = window.findChildren(pg.GraphicsView)
    assert views
    effective = window.set_theme("dark")
    assert effective == "dark"
    app = QApplication.instance()
    window_colour = app.palette().color(QPalette.ColorRole.Window)
    assert window_colour.lightness() < 80
    background = QColor(theme.DARK_PLOT_BACKGROUND)
    for view in views:
        assert view.backgroundBrush().color() == background
        for item in view.scene().items():
            if isinstance(item, pg.AxisItem):
                # axis ink much lighter than the background: readable
                assert item.pen().color().lightness() - background.lightness() > 120
    window.set_theme("light")
    for view in views:
        assert view.backgroundBrush().color() == QColor(theme.PLOT_BACKGROUND)
    assert app.palette().color(QPalette.ColorRole.Window).lightness() > 150


def test_follow_system_resolves_to_a_real_theme(window):
    assert window.set_theme("system") in ("light", "dark")
    assert window.theme_actions["system"].isChecked()
    with pytest.raises(ValueError, match="unknown theme"):
        theme.resolve_theme("sepia")
