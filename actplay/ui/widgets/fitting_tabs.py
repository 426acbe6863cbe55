"""Tab titles that fit their bar: the full words where there is room, short ones where not.

A QTabWidget narrower than its titles hides the last tabs behind scroll arrows,
where nobody finds them. `TabTitleFitter` watches the tab widget's size and
picks the first of: the full titles on top, the short titles on top ("Arch."
for "Architecture"), then, for a dock too narrow even for those, the tabs down
the left side (full titles, else short), where a tall narrow dock has the room.
The full title stays each tab's tooltip and accessible name, so a screen reader
and a hovering user always get the word.
"""

from __future__ import annotations

from PySide6 import QtCore, QtWidgets

BAR_SLACK = 4  # px the style keeps between the tab widget's edge and its bar
NORTH = QtWidgets.QTabWidget.TabPosition.North
WEST = QtWidgets.QTabWidget.TabPosition.West


class TabTitleFitter(QtCore.QObject):
    """Switch the tabs of ``tabs`` between full and short titles to fit its width.

    Parameters
    ----------
    tabs : QTabWidget
        Its tabs' current texts are the full titles.
    short_titles : dict of str to str
        Full title -> short title; a tab without an entry keeps its full title.
    """

    def __init__(self, tabs: QtWidgets.QTabWidget, short_titles: dict[str, str]) -> None:
        super().__init__(tabs)
        self._tabs = tabs
        bar = tabs.tabBar()
        self.full_titles = [bar.tabText(i) for i in range(bar.count())]
        self.short_titles = [short_titles.get(title, title) for title in self.full_titles]
        self.compact = False
        self.position = tabs.tabPosition()
        for index, title in enumerate(self.full_titles):
            bar.setTabToolTip(index, title)
            bar.setAccessibleTabName(index, title)
        tabs.installEventFilter(self)
        self.fit()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if watched is self._tabs and event.type() in (
            QtCore.QEvent.Type.Resize,
            QtCore.QEvent.Type.Show,
            QtCore.QEvent.Type.FontChange,
            QtCore.QEvent.Type.StyleChange,
        ):
            self.fit()
        return False

    def needed_length(self, titles: list[str]) -> int:
        """Length in px along the bar that the tabs take with ``titles`` (one per tab)."""
        bar = self._tabs.tabBar()
        metrics = bar.fontMetrics()
        along_width = self._tabs.tabPosition() in (NORTH, QtWidgets.QTabWidget.TabPosition.South)
        total = 0
        for index, title in enumerate(titles):
            # A tab is its text plus the style's padding: swap the text's width.
            hint = bar.tabSizeHint(index)
            length = hint.width() if along_width else hint.height()
            padding = length - metrics.horizontalAdvance(bar.tabText(index))
            total += padding + metrics.horizontalAdvance(title)
        return total

    def available_width(self) -> int:
        """Width in px the tab bar may take on top, beside the corner widgets."""
        width = self._tabs.width() - BAR_SLACK
        for corner in (QtCore.Qt.Corner.TopLeftCorner, QtCore.Qt.Corner.TopRightCorner):
            widget = self._tabs.cornerWidget(corner)
            if widget is not None and widget.isVisible():
                width -= widget.width()
        if self._tabs.tabPosition() == WEST:
            # Back on top the pages get the bar's width back: count it, or the tabs
            # would flip between top and side as the dock's width follows them.
            width += self._tabs.tabBar().width()
        return width

    def fit(self) -> None:
        """Show the first arrangement that fits: full or short titles, on top or left."""
        height = self._tabs.height() - BAR_SLACK
        choices = (
            (NORTH, False, self.needed_length(self.full_titles) <= self.available_width()),
            (NORTH, True, self.needed_length(self.short_titles) <= self.available_width()),
            (WEST, False, self.needed_length(self.full_titles) <= height),
            (WEST, True, True),
        )
        position, compact = next((p, c) for p, c, fits in choices if fits)
        if (position, compact) == (self.position, self.compact) and self._shown_match(compact):
            return
        self.position, self.compact = position, compact
        if self._tabs.tabPosition() != position:
            self._tabs.setTabPosition(position)
        bar = self._tabs.tabBar()
        for index, title in enumerate(self.short_titles if compact else self.full_titles):
            bar.setTabText(index, title)

    def _shown_match(self, compact: bool) -> bool:
        titles = self.short_titles if compact else self.full_titles
        bar = self._tabs.tabBar()
        return all(bar.tabText(i) == title for i, title in enumerate(titles))
