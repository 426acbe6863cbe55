"""Two-way bindings between one widget and one model value.

Widget -> model: the widget's change signal calls the model setter. When the
model refuses the value (``InvalidValue``) the reason is shown where the user
acted, in a note just under the field (`InlineMessage`), and the widget goes
back to the model's value; the status bar is kept for confirmations. Any other
exception is a fault, not a refusal: it goes to the error report
(``model.events.report_fault``) and the widget shows the model's value.
Model -> widget: `Binding.refresh` pushes the model's value into the widget
with its signals blocked, so a refresh never calls the setter again (no echo
loops).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QPoint, QSignalBlocker, QTimer
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QFrame,
    QLabel,
    QMainWindow,
    QWidget,
)

from actplay.model.errors import InvalidValue
from actplay.model.events import report_fault

ERROR_MESSAGE_MS = 6000  # how long a refused value's reason stays beside its field
MESSAGE_MIN_WIDTH = 220  # px: a reason reads on two or three lines, not one word a line


class InlineMessage(QLabel):
    """A refused value's reason, in a small note just under the field that was edited.

    One per window, made the first time a value is refused. It hides after
    `ERROR_MESSAGE_MS`, or at once when that field takes a value.
    """

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("inline_message")
        self.setWordWrap(True)
        self.setFrameShape(QFrame.Shape.Box)
        self.setMargin(4)
        self.setAutoFillBackground(True)
        self.setForegroundRole(QPalette.ColorRole.ToolTipText)
        self.setBackgroundRole(QPalette.ColorRole.ToolTipBase)
        self.field: QWidget | None = None  # the widget the message is about
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.dismiss)
        self.hide()

    def show_for(self, field: QWidget, message: str) -> None:
        """Show ``message`` under ``field`` (above it when there is no room below)."""
        window = self.parentWidget()
        self.field = field
        self.setText(message)
        width = min(max(field.width(), MESSAGE_MIN_WIDTH), window.width() - 8)
        self.setFixedWidth(width)
        self.adjustSize()
        below = field.mapTo(window, QPoint(0, field.height() + 2))
        top = below.y()
        if top + self.height() > window.height():
            top = field.mapTo(window, QPoint(0, 0)).y() - self.height() - 2
        left = min(max(below.x(), 4), window.width() - width - 4)
        self.move(left, max(top, 0))
        self.raise_()
        self.show()
        self.setAccessibleName(message)
        self._timer.start(ERROR_MESSAGE_MS)

    def dismiss(self, field: QWidget | None = None) -> None:
        """Hide the message (only if it is about ``field``, when one is given)."""
        if field is None or field is self.field:
            self._timer.stop()
            self.hide()
            self.field = None


class Binding:
    """Connects one widget to a getter and a setter of the model.

    Parameters
    ----------
    widget : QWidget
        The bound widget.
    getter : callable
        ``getter() -> value`` reads the model.
    setter : callable
        ``setter(value)`` writes the model; may raise ``InvalidValue``.
    push : callable
        ``push(widget, value)`` shows a value in the widget (called with signals blocked).
    report : callable, optional
        ``report(message)`` shows why a value was refused; by default the window's
        status bar (or, outside a main window, the widget's tooltip).
    """

    def __init__(
        self,
        widget: QWidget,
        getter: Callable[[], Any],
        setter: Callable[[Any], None],
        push: Callable[[QWidget, Any], None],
        report: Callable[[str], None] | None = None,
    ) -> None:
        self.widget = widget
        self.getter = getter
        self.setter = setter
        self._push = push
        self._report = report
        self._default_tooltip = widget.toolTip()
        self.last_error: str | None = None

    def refresh(self) -> None:
        """Show the model's current value in the widget without emitting anything."""
        with QSignalBlocker(self.widget):
            self._push(self.widget, self.getter())

    def write(self, value: Any) -> None:
        """Send a value from the widget to the model; if refused (``InvalidValue``) show why
        and revert; any other exception is reported as a fault and the widget reverts."""
        try:
            self.setter(value)
        except InvalidValue as error:
            self.last_error = str(error)
            if self._report is None:
                _show_error(self.widget, self.last_error, self._default_tooltip)
            else:
                self._report(self.last_error)
            self.refresh()
        except Exception as error:  # a bug, not the user's value: never shown as "refused"
            report_fault(error)
            self.refresh()
        else:
            if self.last_error is not None:
                self.last_error = None
                self.widget.setToolTip(self._default_tooltip)
                _dismiss_error(self.widget)


def apply_command(
    widget: QWidget, command: Callable[[], None], report: Callable[[str], None] | None = None
) -> bool:
    """Run a button's or menu's model command the way a binding writes a value.

    A refusal (``InvalidValue``) is shown as a binding shows one (``report``, or
    the status bar near ``widget``); any other exception is reported as a fault.

    Returns
    -------
    bool
        True when the command ran without an exception.
    """
    try:
        command()
    except InvalidValue as error:
        if report is None:
            _show_error(widget, str(error), widget.toolTip())
        else:
            report(str(error))
    except Exception as error:  # a bug, not the user's request: never shown as "refused"
        report_fault(error)
    else:
        return True
    return False


def inline_message(window: QWidget) -> InlineMessage:
    """The window's note for refused values (made on first use)."""
    message = window.findChild(InlineMessage, "inline_message")
    return message if message is not None else InlineMessage(window)


def _show_error(widget: QWidget, message: str, default_tooltip: str) -> None:
    """Show a refused value's reason under the widget; outside a main window, in its
    tooltip."""
    for window in (widget.window(), QApplication.activeWindow()):
        if isinstance(window, QMainWindow) and window.isAncestorOf(widget):
            inline_message(window).show_for(widget, message)
            return
    widget.setToolTip(f"{default_tooltip}\n{message}" if default_tooltip else message)


def _dismiss_error(widget: QWidget) -> None:
    window = widget.window()
    message = window.findChild(InlineMessage, "inline_message") if window else None
    if message is not None:
        message.dismiss(widget)


def _push_value(widget: QWidget, value: float) -> None:
    if widget.value() != value:  # an equal value would still repaint a spin box
        widget.setValue(value)


def _push_checked(widget: QAbstractButton, value: bool) -> None:
    widget.setChecked(bool(value))


def _push_choice(widget: QComboBox, value: Any) -> None:
    index = widget.findData(value)
    if index < 0:
        index = widget.findText(str(value))
    widget.setCurrentIndex(index)


def bind_float(
    widget: QWidget,
    getter: Callable[[], float],
    setter: Callable[[float], None],
    report: Callable[[str], None] | None = None,
) -> Binding:
    """Bind a widget with ``valueChanged`` and ``setValue`` (a `FloatSlider`, a
    ``QDoubleSpinBox``, a ``QSpinBox`` for whole numbers) to a model value.

    ``report`` is as for `Binding`; the other ``bind_*`` functions take it too.

    Returns
    -------
    Binding
        Already refreshed from the model.
    """
    binding = Binding(widget, getter, setter, _push_value, report)
    widget.valueChanged.connect(binding.write)
    binding.refresh()
    return binding


def bind_bool(
    widget: QAbstractButton,
    getter: Callable[[], bool],
    setter: Callable[[bool], None],
    report: Callable[[str], None] | None = None,
) -> Binding:
    """Bind a checkable button (``QCheckBox``, checkable ``QToolButton``) to a bool."""
    binding = Binding(widget, getter, setter, _push_checked, report)
    widget.toggled.connect(binding.write)
    binding.refresh()
    return binding


def bind_choice(
    widget: QComboBox,
    getter: Callable[[], Any],
    setter: Callable[[Any], None],
    report: Callable[[str], None] | None = None,
) -> Binding:
    """Bind a combo box to a model value: the item's data if it has any, else its text."""
    binding = Binding(widget, getter, setter, _push_choice, report)

    def on_index_changed(index: int) -> None:
        if index < 0:
            return
        data = widget.itemData(index)
        binding.write(widget.itemText(index) if data is None else data)

    widget.currentIndexChanged.connect(on_index_changed)
    binding.refresh()
    return binding
