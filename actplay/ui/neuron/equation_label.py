"""The neuron's equation on screen: styled runs of text laid out and painted here.

A rich-text ``QLabel`` parses its HTML and lays the whole document out again on
every change, and each ``setText`` asks the dock's layouts to recompute. This
widget measures the equation's words with texts shaped once and cached
(``QStaticText``), wraps them to its width and draws each run, in a fraction of
the label's time (``benchmarks/RESULTS.md``); it asks for a new layout only when
the wrapped equation needs more height (it does not shrink back during a drag).
It is opaque, so the group box behind it is not repainted.

Text is copied with the context menu or Ctrl+C (plain text and rich text).
"""

from __future__ import annotations

import math

from PySide6 import QtCore, QtGui, QtWidgets

from actplay.ui.i18n import translate
from actplay.ui.neuron.equation import equation_lines, lines_html, lines_plain

FONT_SCALE = 1.1  # a little larger than the panel's text: the equation is what one reads
SUB_SCALE = 0.75  # subscripts' point size, of the equation's
SUB_DROP = 0.3  # how far a subscript's baseline sits below the line's, of the ascent
WRAP_INDENT_EM = 2.0  # a wrapped line starts this many "M" widths in
MAX_HINT_WIDTH = 380  # px: the widest the equation asks for; longer sums wrap
MIN_HINT_WIDTH = 160  # px: narrower than this, words would overlap the frame
TEXT_CACHE_SIZE = 512  # shaped (style, text) pairs kept: a few steps of numbers, all symbols


class EquationLabel(QtWidgets.QWidget):
    """Shows :func:`~actplay.ui.neuron.equation.equation_lines` of the neuron."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._lines: tuple = ()
        self._styles: dict = {}  # (bold, italic, sub) -> (QFont, QFontMetricsF)
        self._texts: dict = {}  # (style, text) -> QStaticText
        self._layouts: dict = {}  # width -> (height, [(x, top, style, run)])
        self._floor_shape: tuple = (-1, ())  # (width, words per line) the floor is for
        self._floor_height = 0  # the tallest this shape has been at this width
        self.setObjectName("neuron_equation")
        self.setAccessibleName(translate("neuron", "Neuron equation"))
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * FONT_SCALE)
        self.setFont(font)
        policy = QtWidgets.QSizePolicy(
            QtWidgets.QSizePolicy.Policy.Preferred, QtWidgets.QSizePolicy.Policy.Preferred
        )
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setAttribute(QtCore.Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setFocusPolicy(QtCore.Qt.FocusPolicy.ClickFocus)  # for Ctrl+C
        self.setToolTip(
            translate(
                "neuron",
                "The neuron's sum z = w\u00b7x + b with the current numbers, then its output "
                "a = f(z) and the slope f\u2032(z) (the tangent on the curve). Positive terms "
                "are blue, negative terms orange, as in the bar chart. Right-click or Ctrl+C "
                "copies it.",
            )
        )
        copy = QtGui.QAction(translate("neuron", "Copy equation"), self)
        copy.setShortcut(QtGui.QKeySequence.StandardKey.Copy)
        copy.setShortcutContext(QtCore.Qt.ShortcutContext.WidgetShortcut)
        copy.triggered.connect(self.copy_to_clipboard)
        self.addAction(copy)
        self.setContextMenuPolicy(QtCore.Qt.ContextMenuPolicy.ActionsContextMenu)

    # -- content --------------------------------------------------------------------
    def show_result(self, result) -> None:
        """Show the equation of ``result`` (a ``NeuronResult``)."""
        self.set_lines(equation_lines(result))

    def set_lines(self, lines) -> None:
        """Show ``lines`` (lines of words of `Run`); repaints only when they changed."""
        lines = tuple(lines)
        if lines == self._lines:
            return
        width = self.width()
        old_height = self.heightForWidth(width) if self._lines else None
        self._lines = lines
        self._layouts.clear()
        # While the width and the shape of the sum stay, the height only grows: a number
        # that wraps a line and unwraps it again one step later would otherwise move
        # everything below (the bar chart) and repaint it twice.
        shape = (width, tuple(len(line) for line in lines))
        if shape != self._floor_shape:
            self._floor_shape, self._floor_height = shape, 0
        self._floor_height = max(self._floor_height, self._layout(width)[0])
        if self.heightForWidth(width) != old_height:
            self.updateGeometry()  # wrapped onto more lines, or a new width or shape
        self.update()

    def text(self) -> str:
        """The equation as rich text."""
        return lines_html(self._lines)

    def plain_text(self) -> str:
        """The equation as plain text, one line per line."""
        return lines_plain(self._lines)

    def copy_to_clipboard(self) -> None:
        """Put the equation on the clipboard, as plain and as rich text."""
        data = QtCore.QMimeData()
        data.setText(self.plain_text())
        data.setHtml(self.text())
        QtGui.QGuiApplication.clipboard().setMimeData(data)

    # -- geometry -------------------------------------------------------------------
    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt's name)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt's name)
        height = self._layout(width)[0]
        return max(height, self._floor_height) if width == self._floor_shape[0] else height

    def sizeHint(self) -> QtCore.QSize:  # noqa: N802 (Qt's name)
        width = min(self._natural_width(), MAX_HINT_WIDTH)
        return QtCore.QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QtCore.QSize:  # noqa: N802 (Qt's name)
        width = min(self._natural_width(), MIN_HINT_WIDTH)
        return QtCore.QSize(width, self.heightForWidth(width))

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.type() in (QtCore.QEvent.Type.FontChange, QtCore.QEvent.Type.StyleChange):
            self._styles.clear()
            self._texts.clear()
            self._layouts.clear()
            self._floor_shape, self._floor_height = (-1, ()), 0  # heights were for the old font
            self.updateGeometry()
        super().changeEvent(event)

    # -- painting ---------------------------------------------------------------------
    def paintEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        painter = QtGui.QPainter(self)
        palette = self.palette()
        painter.fillRect(event.rect(), palette.window())
        text_colour = palette.windowText().color()
        shown_style = shown_colour = None
        for x, top, style, run in self._layout(self.width())[1]:
            if style != shown_style:
                painter.setFont(self._style(style)[0])
                shown_style = style
            colour = run.colour or text_colour
            if colour != shown_colour:
                painter.setPen(QtGui.QColor(colour))
                shown_colour = colour
            painter.drawStaticText(QtCore.QPointF(x, top), self._text(style, run.text))
        painter.end()

    # -- layout -----------------------------------------------------------------------
    def _style(self, style: tuple) -> tuple:
        """(QFont, QFontMetricsF) of a (bold, italic, sub) style, made once."""
        found = self._styles.get(style)
        if found is None:
            bold, italic, sub = style
            font = QtGui.QFont(self.font())
            font.setBold(bold)
            font.setItalic(italic)
            if sub:
                font.setPointSizeF(font.pointSizeF() * SUB_SCALE)
            found = self._styles[style] = (font, QtGui.QFontMetricsF(font))
        return found

    def _text(self, style: tuple, text: str) -> QtGui.QStaticText:
        """``text`` shaped once in ``style``: most runs ("+", "=", symbols) stay the same
        from one step to the next, and drawing a shaped text skips the layout."""
        key = (style, text)
        found = self._texts.get(key)
        if found is None:
            if len(self._texts) >= TEXT_CACHE_SIZE:
                self._texts.clear()  # numbers keep changing: start over now and then
            found = QtGui.QStaticText(text)
            found.setTextFormat(QtCore.Qt.TextFormat.PlainText)
            found.prepare(QtGui.QTransform(), self._style(style)[0])
            self._texts[key] = found
        return found

    def _advance(self, style: tuple, text: str) -> float:
        return self._text(style, text).size().width()

    def _natural_width(self) -> int:
        """Width of the longest line, unwrapped."""
        space = self._advance((False, False, False), " ")
        widths = [
            sum(self._word_width(word) for word in line) + space * (len(line) - 1)
            for line in self._lines
        ]
        return math.ceil(max(widths, default=0.0)) + 1

    def _word_width(self, word) -> float:
        return sum(self._advance((run.bold, run.italic, run.sub), run.text) for run in word)

    def _layout(self, width: int) -> tuple:
        """(height, placed runs) of the equation wrapped to ``width`` px (cached per width)."""
        found = self._layouts.get(width)
        if found is not None:
            return found
        metrics = self._style((False, False, False))[1]
        line_height = metrics.lineSpacing()
        drop = SUB_DROP * metrics.ascent()
        space = metrics.horizontalAdvance(" ")
        indent = WRAP_INDENT_EM * metrics.horizontalAdvance("M")
        placed = []
        baseline = metrics.ascent()
        rows = 0
        ascents: dict = {}  # style -> ascent, looked up once per layout
        for line in self._lines:
            x = 0.0
            rows += 1
            for index, word in enumerate(line):
                # Each run measured once: its advance places it and sums to the word's width.
                runs = [((run.bold, run.italic, run.sub), run) for run in word]
                advances = [self._advance(style, run.text) for style, run in runs]
                word_width = sum(advances)
                if index and x + space + word_width > width:
                    baseline += line_height  # wrap before this word
                    rows += 1
                    x = indent
                elif index:
                    x += space
                for (style, run), advance in zip(runs, advances, strict=True):
                    ascent = ascents.get(style)
                    if ascent is None:
                        ascent = ascents[style] = self._style(style)[1].ascent()
                    placed.append((x, baseline + drop * run.sub - ascent, style, run))
                    x += advance
            baseline += line_height
        height = math.ceil(rows * line_height + drop) if rows else 0
        if len(self._layouts) > 8:
            self._layouts.clear()  # a resize drag passes through many widths
        self._layouts[width] = (height, placed)
        return height, placed
