"""Tab titles that fit their bar: the full words where there is room, short ones where not.

A QTabWidget narrower than its titles hides the last tabs behind scroll arrows,
where nobody finds them. `TabTitleFitter` watches the tab widget's width and,
when the full titles would not all fit, shows each tab's short title instead
("Arch." for "Architecture"). The full title stays the tab's tooltip and its
accessible name, so a screen reader and a hovering user always get the word.
"""

from __future__ import annotations

from PySide6 import QtCore, QtWidgets

BAR_SLACK = 4  # px the style keeps between the tab widget's edge and its bar


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

    def needed_width(self, titles: list[str]) -> int:
        """Width in px the tab bar takes with ``titles`` (one per tab)."""
        bar = self._tabs.tabBar()
        metrics = bar.fontMetrics()
        total = 0
        for index, title in enumerate(titles):
            # A tab is its text plus the style's padding: swap the text's width.
            padding = bar.tabSizeHint(index).width() - metrics.horizontalAdvance(bar.tabText(index))
            total += padding + metrics.horizontalAdvance(title)
        return total

    def available_width(self) -> int:
        """Width in px the tab bar may take beside the tab widget's corner widgets."""
        width = self._tabs.width() - BAR_SLACK
        for corner in (QtCore.Qt.Corner.TopLeftCorner, QtCore.Qt.Corner.TopRightCorner):
            widget = self._tabs.cornerWidget(corner)
            if widget is not None and widget.isVisible():
                width -= widget.width()
        return width

    def fit(self) -> None:
        """Show the full titles if they all fit, else the short ones."""
        compact = self.needed_width(self.full_titles) > self.available_width()
        if compact == self.compact and self._shown_match(compact):
            return
        self.compact = compact
        bar = self._tabs.tabBar()
        for index, title in enumerate(self.short_titles if compact else self.full_titles):
            bar.setTabText(index, title)

    def _shown_match(self, compact: bool) -> bool:
        titles = self.short_titles if compact else self.full_titles
        bar = self._tabs.tabBar()
        return all(bar.tabText(i) == title for i, title in enumerate(titles))
