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

THEME_KEY = "view/theme"
CURVE_ACTIVATION_KEY = "curve/activation"
X_RANGE_KEY = "curve/x_range"
DEFAULT_THEME = "system"
THEME_TITLES = {"light": "&Light", "dark": "&Dark", "system": "Follow &system"}


def install_theme_menu(window, view_menu) -> dict[str, QAction]:
    """Add View > Theme with one checkable action per theme; kept as ``window.theme_actions``."""
    menu = view_menu.addMenu("&Theme")
    menu.setObjectName("theme_menu")
    group = QActionGroup(window)
    group.setExclusive(True)
    actions = {}
    for mode in theme.THEMES:
        action = QAction(THEME_TITLES[mode], window)
        action.setObjectName(f"theme_{mode}_action")
        action.setCheckable(True)
        action.triggered.connect(lambda _=False, mode=mode: set_theme(window, mode))
        group.addAction(action)
        menu.addAction(action)
        actions[mode] = action
    window.theme_actions = actions
    window.theme_mode = DEFAULT_THEME
    actions[DEFAULT_THEME].setChecked(True)
    return actions


def set_theme(window, mode: str) -> str:
    """Apply theme ``mode`` to the application and every plot of ``window``; returns the
    effective theme (``"light"`` or ``"dark"``)."""
    effective = theme.apply_theme(mode, window)
    scheduler = getattr(window, "scheduler", None)
    if scheduler is not None:  # rich text (equation, help) picks its colours when painted
        scheduler.refresh_all()
    window.theme_mode = mode
    action = getattr(window, "theme_actions", {}).get(mode)
    if action is not None:
        action.setChecked(True)
    return effective


def _float_pair(value):
    try:
        lo, hi = (float(item) for item in value)
    except (TypeError, ValueError):
        return None
    return lo, hi


def restore_preferences(window, settings) -> None:
    """Apply the saved theme, curve function, x range and recent files to ``window``."""
    mode = settings.value(THEME_KEY, DEFAULT_THEME)
    set_theme(window, mode if mode in theme.THEMES else DEFAULT_THEME)
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
    settings.setValue(THEME_KEY, getattr(window, "theme_mode", DEFAULT_THEME))
    settings.setValue(CURVE_ACTIVATION_KEY, window.model.curve_activation)
    settings.setValue(X_RANGE_KEY, [float(value) for value in window.model.x_range])
