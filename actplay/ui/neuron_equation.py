"""The neuron's equation written out with the current numbers, as rich text.

``z = 0.80·1.00 + (−0.40)·0.50 + 0.10 = 0.70`` and then
``a = sigmoid(0.70) = 0.67``: the user reads the same sum the bars draw. The
number format is short but honest for every value the model allows (up to
±1e6 and down to tiny outputs such as sigmoid(−30)).
"""

from __future__ import annotations

import math

from PySide6 import QtCore, QtGui, QtWidgets

from actplay.ui import theme

DECIMALS = 2  # digits after the point: enough to follow the sum by eye
FIXED_MIN, FIXED_MAX = 1e-2, 1e4  # magnitudes printed as plain decimals; others as a×10ⁿ
MINUS = "\u2212"  # a real minus sign: wider than a hyphen, lines up with "+"
SUPERSCRIPTS = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")  # exponents of a×10ⁿ
DOT = "\u00b7"  # the multiplication dot between a weight and its input


def format_number(value: float, decimals: int = DECIMALS) -> str:
    """Format a number for the equation and the bar labels: plain decimals in the
    usual range, ``mantissa×10ⁿ`` for very large or very small magnitudes.

    Parameters
    ----------
    value : float
        The number; may be ±inf or nan (shown as such).
    decimals : int
        Digits after the point (of the mantissa in scientific form).

    Returns
    -------
    str
        Plain text (no markup, so labels and tooltips can use it too) with a real
        minus sign.

    Examples
    --------
    >>> format_number(0.5)
    '0.50'
    >>> format_number(-1234567.0)
    '−1.23×10⁶'
    """
    value = float(value)
    if math.isnan(value):
        return "nan"
    if math.isinf(value):
        return ("" if value > 0 else MINUS) + "\u221e"
    magnitude = abs(value)
    if value == 0 or FIXED_MIN <= magnitude < FIXED_MAX:
        text = f"{value:.{decimals}f}"
        # Rounding can reach the scientific range (9999.999 -> "10000.00"); that is fine.
        if float(text) == 0:
            text = f"{0.0:.{decimals}f}"  # no "-0.00"
        return text.replace("-", MINUS)
    mantissa, exponent = f"{value:.{decimals}e}".split("e")
    exponent_text = str(int(exponent)).translate(SUPERSCRIPTS)
    return f"{mantissa.replace('-', MINUS)}\u00d710{exponent_text}"


def _operand(value: float) -> str:
    """A number inside a product or a sum: negative numbers in brackets."""
    text = format_number(value)
    return f"({text})" if text.startswith(MINUS) else text


def _signed_span(text: str, value: float) -> str:
    """Colour ``text`` like the bar of a value with that sign (blue +, orange −)."""
    if value > 0:
        return f'<span style="color:{theme.signed_text_colours()[1]}">{text}</span>'
    if value < 0:
        return f'<span style="color:{theme.signed_text_colours()[0]}">{text}</span>'
    return text


def _subscript(symbol: str, index: int) -> str:
    return f"<i>{symbol}</i><sub>{index + 1}</sub>"


def equation_html(result) -> str:
    """The whole equation block for a neuron result.

    Parameters
    ----------
    result : NeuronResult
        From ``Playground.neuron_result()``: ``inputs``, ``weights``, ``bias``,
        ``terms``, ``z``, ``a``, ``slope``, ``activation`` (name) and ``params``.

    Returns
    -------
    str
        Three lines of rich text: the symbolic sum, the sum with numbers, the output.
    """
    inputs, weights = list(result.inputs), list(result.weights)
    symbolic = " + ".join(
        f"{_subscript('w', i)}{_subscript('x', i)}" for i in range(len(weights))
    )
    products = " + ".join(
        _signed_span(f"{_operand(w)}{DOT}{_operand(x)}", w * x)
        for w, x in zip(weights, inputs, strict=True)
    )
    bias = _signed_span(_operand(result.bias), result.bias)
    z_text = format_number(result.z)
    name = _activation_name(result.activation)
    params = _params_text(result.params)
    lines = [
        f"<i>z</i> = {symbolic} + <i>b</i>",
        f"&nbsp;&nbsp;= {products} + {bias} = <b>{_signed_span(z_text, result.z)}</b>",
        f"<i>a</i> = {name}{params}({z_text}) = <b>{format_number(result.a)}</b>",
        f"<span style='color:{theme.muted_text_colour()}'>slope <i>f</i>\u2032(<i>z</i>) = "
        f"{format_number(result.slope)}</span>",
    ]
    return "<br>".join(lines)


def _activation_name(activation) -> str:
    """The registry name, whether the result holds a name or an ``Activation``."""
    return str(getattr(activation, "name", activation))


def _params_text(params) -> str:
    """Parameters as a subscript list, e.g. ``elu<sub>alpha=1.00</sub>``; empty if none."""
    if not params:
        return ""
    parts = ", ".join(f"{key}={format_number(value)}" for key, value in params.items())
    return f"<sub>{parts}</sub>"


class EquationLabel(QtWidgets.QLabel):
    """A selectable rich-text label showing :func:`equation_html` of the neuron."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("neuron_equation")
        self.setTextFormat(QtCore.Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setToolTip(
            "The neuron's sum z = w\u00b7x + b with the current numbers, then its output "
            "a = f(z) and the slope f\u2032(z) (the tangent on the curve). Positive terms "
            "are blue, negative terms orange, as in the bar chart."
        )
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.setFont(font)

    def show_result(self, result) -> None:
        """Write the equation of ``result`` (a ``NeuronResult``)."""
        html = equation_html(result)
        if html != self.text():  # setText re-lays out the dock; skip when nothing moved
            self.setText(html)

    def _text_document(self):
        return self.findChild(QtGui.QTextDocument)  # the QLabel's own, made for rich text

    def text_height(self) -> float:
        """Height of the text as last laid out (-1 before the first paint)."""
        document = self._text_document()
        return -1.0 if document is None else document.size().height()

    def paintEvent(self, event) -> None:
        # QLabel lays new rich text out lazily, while painting it, and that layout asks
        # for a repaint of the label being painted: a second paint pass of the whole group
        # per change. The request is dropped; the box re-lays out the group only when the
        # text's height changed.
        document = self._text_document()
        blocker = None if document is None else QtCore.QSignalBlocker(document.documentLayout())
        super().paintEvent(event)
        del blocker
        box = self.parentWidget()
        if isinstance(box, EquationBox):
            box.check_height()


class EquationBox(QtWidgets.QWidget):
    """Holds an `EquationLabel` without a layout, so new numbers do not re-lay out the dock.

    ``QLabel.setText`` always tells the parent's layout to recompute, and every
    layout level then tells the one above it: on each slider move the whole dock
    and main window were re-laid out and repainted in four or five extra passes
    (about 3 ms). The label's request stops here; this box asks its own parent
    for a new layout only when the label's height for the current width changes.
    """

    def __init__(self, label: EquationLabel, parent=None):
        super().__init__(parent)
        self.label = label
        label.setParent(self)
        policy = QtWidgets.QSizePolicy(QtWidgets.QSizePolicy.Policy.Preferred,
                                       QtWidgets.QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self._text_height = -1.0

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self.label.heightForWidth(width)

    def sizeHint(self) -> QtCore.QSize:
        hint = self.label.sizeHint()
        return QtCore.QSize(hint.width(), self.label.heightForWidth(hint.width()))

    def minimumSizeHint(self) -> QtCore.QSize:
        return self.label.minimumSizeHint()

    def resizeEvent(self, event) -> None:
        self.label.setGeometry(self.rect())
        super().resizeEvent(event)

    def check_height(self) -> None:
        """Ask the group for a new layout when the label's text height changed."""
        height = self.label.text_height()
        if self._text_height >= 0 and height != self._text_height:
            self.updateGeometry()
        self._text_height = height
