"""The curve plot's legend: one entry per function, above the data, wrapping to the width.

Each function shown (the main one, then each comparison) gets one entry in its
colour, whichever of f, f′ and f″ are on: the kinds are told apart by the
style key beside the f/f′/f″ switches, not by three entries per function.
Shading (saturated, dead) adds an entry each. The legend sits in the plot's
title row, so it never covers a curve; it wraps onto more rows when the
entries do not fit the plot's width. A click on a comparison's entry asks to
remove it.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGraphicsSimpleTextItem

from actplay.ui import theme
from actplay.ui.i18n import translate

SAMPLE_WIDTH = 22  # px of an entry's sample line
LABEL_GAP = 4  # px between a sample line and its text
ENTRY_GAP = 10  # px between entries on a row
ROW_MARGIN = 4  # px under the rows
MAX_ROWS = 2  # rows the legend may take; entries beyond fold into "+N more"
KEY_ICON_SIZE = (28, 12)  # px of a style key line beside a switch
LABEL_POINTS = 9.0
ROW_PADDING = 6  # px a row is taller than its text


class EntryText(QGraphicsSimpleTextItem):
    """An entry's plain text. A parameter drag re-texts the main entry ("ELU, α = 1.2")
    every step: pyqtgraph's ``LabelItem`` would lay out rich text and ask the whole
    plot for a new layout each time, this only repaints its own few pixels."""

    def __init__(self, text: str, colour, parent) -> None:
        super().__init__(text, parent)
        font = QFont()
        font.setPointSizeF(LABEL_POINTS)
        self.setFont(font)
        self.set_colour(colour)

    def set_colour(self, colour) -> None:
        self.setBrush(pg.mkBrush(colour))


class LegendSample(pg.ItemSample):
    """A legend sample that reports clicks instead of hiding its curve."""

    def mouseClickEvent(self, event):  # noqa: N802 (pyqtgraph's name)
        if event.button() == Qt.MouseButton.LeftButton:
            self.sigClicked.emit(self.item)
        event.accept()


class FunctionLegend(pg.GraphicsWidget):
    """Entries ``(key, label)`` flowing left to right in the title row of ``plot_item``.

    Keys are ``"main"``, ``"cmp0"`` .. ``"cmp5"`` (a function, drawn in its
    curve colour), ``"saturated"`` / ``"dead"`` (a shading swatch) or
    ``"note"`` (text only). At most `MAX_ROWS` rows: entries that do not fit
    fold into a last "+N more" entry whose tooltip names them.

    Attributes
    ----------
    items : list of (LegendSample, EntryText)
        The entries, in order (folded ones hidden).

    Signals
    -------
    removeRequested(int)
        The user clicked comparison ``index``'s entry.
    """

    removeRequested = Signal(int)

    def __init__(self, plot_item: pg.PlotItem) -> None:
        super().__init__()
        self.setObjectName("curve_legend")
        self._plot_item = plot_item
        layout = plot_item.layout
        layout.removeItem(plot_item.titleLabel)
        plot_item.titleLabel.hide()
        layout.addItem(self, 0, 1)
        self._swatches: dict[str, pg.PlotDataItem] = {}
        self.items: list = []
        self.entries: tuple = ()
        self.more = EntryText("", self._text_colour(), self)
        self.more.hide()
        self._placed_width = -1.0
        self._row_height = -1.0
        plot_item.getViewBox().sigResized.connect(self._place)

    # -- content ----------------------------------------------------------------------------
    def show_entries(self, entries: tuple) -> None:
        """Show ``entries``; texts change in place when the keys are the same (a drag)."""
        if entries == self.entries:
            return
        if [key for key, _ in entries] == [key for key, _ in self.entries]:
            for (_sample, label), (_key, text) in zip(self.items, entries, strict=True):
                if label.text() != text:
                    label.setText(text)
        else:
            for sample, label in self.items:
                for part in (sample, label):
                    part.setParentItem(None)
                    if part.scene() is not None:
                        part.scene().removeItem(part)
            self.items = []
            for key, text in entries:
                sample = LegendSample(self._swatch(key))
                sample.setParentItem(self)
                sample.sigClicked.connect(self._on_sample_clicked)
                if key.startswith("cmp"):
                    sample.setToolTip(translate("curve", "Click to remove this curve"))
                label = EntryText(text, self._text_colour(), self)
                self.items.append((sample, label))
        self.entries = entries
        self._placed_width = -1.0
        self._place()

    def _swatch(self, key: str) -> pg.PlotDataItem:
        """The item an entry's sample copies its look from (never drawn on the plot)."""
        if key not in self._swatches:
            self._swatches[key] = pg.PlotDataItem()
            self._style_swatch(key)
        return self._swatches[key]

    def _style_swatch(self, key: str) -> None:
        swatch = self._swatches[key]
        if key in ("saturated", "dead"):
            swatch.setPen(pg.mkPen(theme.plot_colour("zero_line")))
            swatch.setFillLevel(0)
            swatch.setFillBrush(pg.mkBrush(theme.plot_colour(f"{key}_shade")))
        elif key == "note":
            swatch.setPen(pg.mkPen(None))
        else:
            index = 0 if key == "main" else int(key[3:]) + 1
            swatch.setPen(theme.curve_pen(index, "f"))

    @staticmethod
    def _text_colour():
        return theme.plot_colour("legend_text")

    def follow_theme(self) -> None:
        """Samples and texts in the active theme's colours."""
        for key in self._swatches:
            self._style_swatch(key)
        for sample, label in self.items:
            label.set_colour(self._text_colour())
            sample.update()
        self.more.set_colour(self._text_colour())

    # -- layout -----------------------------------------------------------------------------
    def _place(self, *_args) -> None:
        """Flow the entries over at most `MAX_ROWS` rows of the plot's width; size the row."""
        width = self._plot_item.getViewBox().width() or self._plot_item.width() or 400.0
        if width == self._placed_width:
            return
        self._placed_width = width
        row_height = ROW_PADDING + max(
            (label.boundingRect().height() for _s, label in self.items), default=0
        )
        x = y = 0.0
        rows = 1 if self.items else 0
        folded = []
        for index, (sample, label) in enumerate(self.items):
            entry = SAMPLE_WIDTH + LABEL_GAP + label.boundingRect().width()
            if x > 0 and x + entry > width:
                if rows == MAX_ROWS:
                    folded = self.items[index:]
                    break
                x, y, rows = 0.0, y + row_height, rows + 1
            sample.setPos(x, y + (row_height - 20) / 2)
            label.setPos(x + SAMPLE_WIDTH + LABEL_GAP, y + ROW_PADDING / 2)
            sample.show()
            label.show()
            x += entry + ENTRY_GAP
        if folded:
            # Make room for "+N more" on the last row by folding one more entry if needed.
            self._fold(folded, x, y, width)
        else:
            self.more.hide()
        height = rows * row_height + ROW_MARGIN if rows else 0
        if height != self._row_height:  # a new height lays the whole plot out again
            self._row_height = height
            self._plot_item.layout.setRowFixedHeight(0, height)

    def _fold(self, folded: list, x: float, y: float, width: float) -> None:
        shown = [entry for entry in self.items if entry not in folded]
        while True:
            self.more.setText(translate("curve", "+{count} more").format(count=len(folded)))
            if x + self.more.boundingRect().width() <= width or not shown:
                break
            last = shown.pop()
            folded.insert(0, last)
            x = last[0].pos().x()
        for sample, label in folded:
            sample.hide()
            label.hide()
        self.more.setToolTip("Also shown: " + ", ".join(label.text() for _s, label in folded))
        self.more.setPos(x, y + ROW_PADDING / 2)
        self.more.show()

    # -- clicks -----------------------------------------------------------------------------
    def _on_sample_clicked(self, item) -> None:
        for key, swatch in self._swatches.items():
            if swatch is item and key.startswith("cmp"):
                self.removeRequested.emit(int(key[3:]))
                return

    def texts(self) -> list[str]:
        """The entries' texts (folded ones too), for tests."""
        return [label.text() for _sample, label in self.items]


def kind_icon(kind: str, device_pixel_ratio: float = 1.0):
    """A short line in the main curve's pen for ``kind``: the f/f′/f″ style key.

    Shown beside each of the pane's f, f′, f″ switches, so the legend needs one
    entry per function, not three.
    """
    from PySide6.QtGui import QIcon, QPainter, QPixmap

    width, height = KEY_ICON_SIZE
    pixmap = QPixmap(round(width * device_pixel_ratio), round(height * device_pixel_ratio))
    pixmap.setDevicePixelRatio(device_pixel_ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(theme.curve_pen(0, kind))
    painter.drawLine(1, height // 2, width - 1, height // 2)
    painter.end()
    return QIcon(pixmap)
