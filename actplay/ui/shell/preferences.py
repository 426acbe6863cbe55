"""Preferences kept between runs with QSettings: theme, last function and range, recent files.

The window's geometry and dock layout are saved by ``MainWindow.use_settings``
/ ``save_settings``; those call `restore_preferences` and `save_preferences`
for the rest. Only ``main()`` hands the window a QSettings object, so a window
from ``create_window()`` never reads anything saved.

Restored values are not undo steps: the history starts at the restored state.
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup

from actplay.ui import theme
from actplay.ui.i18n import translate

THEME_KEY = "view/theme"
CURVE_ACTIVATION_KEY = "curve/activation"
X_RANGE_KEY = "curve/x_range"
DEFAULT_THEME = "system"
THEME_TITLES = {
    "light": translate("shell", "&Light"),
    "dark": translate("shell", "&Dark"),
    "system": translate("shell", "Follow &system"),
}


def theme_actions(window) -> dict[str, QAction]:
    """One checkable action per theme, exclusive, calling ``window.set_theme(mode)``.

    The window puts them into View > Theme; the one for `DEFAULT_THEME` starts checked.
    """
    group = QActionGroup(window)
    group.setExclusive(True)
    actions = {}
    for mode in theme.THEMES:
        action = QAction(THEME_TITLES[mode], window)
        action.setObjectName(f"theme_{mode}_action")
        action.setCheckable(True)
        action.triggered.connect(lambda _=False, mode=mode: window.set_theme(mode))
        group.addAction(action)
        actions[mode] = action
    actions[DEFAULT_THEME].setChecked(True)
    return actions


def _float_pair(value):
    try:
        lo, hi = (float(item) for item in value)
    except (TypeError, ValueError):
        return None
    return lo, hi


def restore_preferences(window, settings) -> None:
    """Apply the saved theme, curve function, x range and recent files to ``window``."""
    mode = settings.value(THEME_KEY, DEFAULT_THEME)
    window.set_theme(mode if mode in theme.THEMES else DEFAULT_THEME)
    model = window.model
    with window.undo_recorder.paused():
        name = settings.value(CURVE_ACTIVATION_KEY)
        if isinstance(name, str):
            try:
                model.set_curve_activation(name)
            except (KeyError, ValueError):  # a function that no longer exists: keep the default
                pass
        x_range = _float_pair(settings.value(X_RANGE_KEY) or ())
        if x_range is not None:
            try:
                model.set_x_range(*x_range)
            except ValueError:
                pass
    window.file_actions.load_recent()


def save_preferences(window, settings) -> None:
    """Store the theme, curve function and x range of ``window`` in ``settings``."""
    settings.setValue(THEME_KEY, window.theme_mode)
    settings.setValue(CURVE_ACTIVATION_KEY, window.model.curve_activation)
    settings.setValue(X_RANGE_KEY, [float(value) for value in window.model.x_range])
