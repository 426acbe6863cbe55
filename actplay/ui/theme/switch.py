"""Light, dark or the system's theme: switching the application palette, the widgets
styled with colour roles and every plot, at start and from View > Theme.

A widget's style sheet is a template of roles (``"color: $error_text"``), kept on the
widget and filled in again at each switch; plots built later take the colours from
pyqtgraph's global options.
"""

from __future__ import annotations

from string import Template

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from actplay.ui.theme.colours import (
    DARK_DISABLED_TEXT,
    DARK_PALETTE,
    THEME_PROPERTY,
    WIDGET_COLOURS,
    active_theme,
    plot_colours,
)
from actplay.ui.theme.plot_style import follow_theme_under

THEMES = ("light", "dark", "system")  # what View > Theme offers; "system" follows the desktop
STYLE_PROPERTY = "actplay_style"  # a widget's style sheet template, kept for theme switches


def resolve_theme(mode: str) -> str:
    """``"light"`` or ``"dark"``: what ``mode`` means now (``"system"`` asks Qt)."""
    if mode not in THEMES:
        raise ValueError(f"unknown theme {mode!r}; known: {', '.join(THEMES)}")
    if mode != "system":
        return mode
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    scheme = app.styleHints().colorScheme() if app is not None else Qt.ColorScheme.Unknown
    return "dark" if scheme == Qt.ColorScheme.Dark else "light"


def dark_palette():
    """A dark widget palette (window, text, buttons, highlight, disabled text)."""
    from PySide6.QtGui import QPalette

    roles = QPalette.ColorRole
    palette = QPalette()
    for role, colour in DARK_PALETTE.items():
        palette.setColor(getattr(roles, role), QColor(colour))
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(DARK_DISABLED_TEXT))
    return palette


def style_widget(widget, template: str) -> None:
    """Give ``widget`` a style sheet whose colours are roles: ``"color: $error_text"``.

    The template is kept on the widget; `apply_theme` fills it in again with the
    new theme's colours, so a styled widget follows a theme switch.
    """
    widget.setProperty(STYLE_PROPERTY, template)
    _apply_style(widget, template, active_theme())


def _apply_style(widget, template: str, effective: str) -> None:
    colours = {role: shades[effective] for role, shades in WIDGET_COLOURS.items()}
    widget.setStyleSheet(Template(template).substitute(colours))


def apply_theme(mode: str, root=None) -> str:
    """Switch the application palette and every plot under ``root`` to ``mode``.

    Plots made later pick the colours up from pyqtgraph's global options.

    Returns
    -------
    str
        The effective theme, ``"light"`` or ``"dark"``.
    """
    from PySide6.QtWidgets import QApplication

    effective = resolve_theme(mode)
    app = QApplication.instance()
    if app is not None:
        app.setPalette(dark_palette() if effective == "dark" else app.style().standardPalette())
        app.setProperty(THEME_PROPERTY, effective)
    background, foreground = plot_colours(effective)
    pg.setConfigOptions(background=background, foreground=foreground)
    if root is not None:
        _restyle_widgets(root, effective)
        follow_theme_under(root)
        _recolour_plots(root, background, foreground, effective)
    return effective


def _restyle_widgets(root, effective: str) -> None:
    from PySide6.QtWidgets import QWidget

    for widget in (root, *root.findChildren(QWidget)):
        template = widget.property(STYLE_PROPERTY)
        if template:
            _apply_style(widget, template, effective)


def _recolour_plots(root, background: str, foreground: str, effective: str) -> None:
    """Every plot under ``root`` in the new background and ink."""
    other_foreground = QColor(plot_colours("light" if effective == "dark" else "dark")[1])
    for view in root.findChildren(pg.GraphicsView):
        view.setBackground(background)
        for item in view.scene().items():
            # Labels in the other theme's ink (not deliberately coloured ones) follow.
            if isinstance(item, pg.TextItem) and item.color == other_foreground:
                item.setColor(foreground)
            # Titles and legend labels without a colour of their own took the ink
            # pyqtgraph had when their text was set: set it again in the new ink.
            if isinstance(item, pg.LabelItem) and item.opts.get("color") is None:
                item.setText(item.text)
            if isinstance(item, pg.AxisItem):
                item.setPen(pg.mkPen(foreground))
                item.setTextPen(pg.mkPen(foreground))
                if item.label.toPlainText():
                    item.label.setDefaultTextColor(QColor(foreground))
