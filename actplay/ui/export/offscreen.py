"""Drawing without a display: the one offscreen QApplication set-up, and pictures.

The command line's ``export`` and ``--screenshot`` and the Python API's plotting
all draw with the window's own widgets on Qt's offscreen platform; the export and
the API draw each picture with `offscreen_picture`. That platform logs one
harmless notice per window ("does not support propagateSizeHints");
`quiet_offscreen_messages` drops exactly that and passes every other Qt message
on to standard error.
"""

from __future__ import annotations

import os
import sys

#: Qt log lines the offscreen platform prints for every window; harmless.
OFFSCREEN_NOISE = ("This plugin does not support propagateSizeHints()",)


def _print_unless_noise(_kind, _context, message) -> None:
    if message not in OFFSCREEN_NOISE:
        print(message, file=sys.stderr)


def quiet_offscreen_messages() -> None:
    """Install the Qt message handler that drops `OFFSCREEN_NOISE` and prints the rest."""
    from PySide6.QtCore import qInstallMessageHandler

    qInstallMessageHandler(_print_unless_noise)


def use_offscreen_platform() -> None:
    """Draw without a display: call before the QApplication exists."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    quiet_offscreen_messages()


def offscreen_application(name: str = "actplay"):
    """The running QApplication, or a new one on the offscreen platform.

    An application that already runs (the window, a notebook's Qt loop, the
    tests) is used as it is.
    """
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        use_offscreen_platform()
        app = QApplication([name])
    return app


def offscreen_picture(widget, export_format: str, size, scale: float = 1.0) -> bytes:
    """Draw ``widget``, made for this one picture, at ``size`` and return the encoded bytes.

    The widget is shown without reaching a screen, so plots get their resize
    events and lay out their axes and curves as in the window. Afterwards it
    is closed, with the panel that fed it (its ``export_panel``, if any).

    Raises
    ------
    ValueError
        A format the widget cannot be drawn in (SVG of the whole window), or a
        picture over the pixel budget.
    """
    from PySide6.QtCore import Qt

    from actplay.ui.export import formats

    try:
        widget.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        widget.resize(*size)
        widget.show()
        return formats.image_bytes(widget, export_format, size, scale)
    finally:
        for part in (widget, getattr(widget, "export_panel", None)):
            if part is not None:
                part.close()
                part.deleteLater()
