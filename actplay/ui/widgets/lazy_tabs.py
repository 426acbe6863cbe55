"""Tab pages whose content is built the first time the tab is shown.

The curve pane's Compare tab and the network panel's detail tabs start as
empty pages, so the window's first frame does not pay for widgets it hides.
A `LazyTab` builds its content when its tab first becomes current, or when
code first asks for it (`LazyTab.content()`): shown at once and reached by Tab
right after the tab bar, as if it had been there from the start.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from actplay.ui.widgets.focus_order import place_after


def empty_page(name: str) -> QWidget:
    """A page named ``name`` with a margin-less layout, for content added later."""
    page = QWidget()
    page.setObjectName(name)
    QVBoxLayout(page).setContentsMargins(0, 0, 0, 0)
    return page


def fill_page(tabs: QTabWidget, page: QWidget, content: QWidget) -> None:
    """Put ``content`` into ``page`` (one of ``tabs``' pages, made by `empty_page`)."""
    page.layout().addWidget(content)
    content.show()  # now, not at the next idle (the layout's default)
    place_after(tabs.tabBar(), page)  # Tab: the tab bar, then the page


class LazyTab:
    """One tab of ``tabs`` whose content ``build()`` makes on first show or first use.

    Parameters
    ----------
    tabs : QTabWidget
        The tab is appended to it.
    name : str
        ``objectName`` of the (at first empty) page.
    title : str
        The tab's text.
    build : callable
        ``() -> QWidget``, the content; called once.
    wrap : callable, optional
        ``content -> QWidget`` put into the page instead of the content itself
        (a scroll area, say).
    on_built : callable, optional
        ``content -> None``, called once the content is in its page.

    Attributes
    ----------
    page : QWidget
        The tab's page.
    built : QWidget or None
        The content once built; None before.
    """

    def __init__(
        self,
        tabs: QTabWidget,
        name: str,
        title: str,
        build: Callable[[], QWidget],
        wrap: Callable[[QWidget], QWidget] | None = None,
        on_built: Callable[[QWidget], None] | None = None,
    ) -> None:
        self.page = empty_page(name)
        self.built: QWidget | None = None
        self._tabs = tabs
        self._build = build
        self._wrap = wrap
        self._on_built = on_built
        tabs.addTab(self.page, title)
        tabs.currentChanged.connect(self._on_current_changed)

    def content(self) -> QWidget:
        """The content, built now if it was not yet."""
        if self.built is None:
            content = self._build()
            self.built = content
            fill_page(self._tabs, self.page, content if self._wrap is None else self._wrap(content))
            if self._on_built is not None:
                self._on_built(content)
        return self.built

    def is_current(self) -> bool:
        """Whether this tab is the one shown."""
        return self._tabs.currentWidget() is self.page

    def _on_current_changed(self, _index: int) -> None:
        if self.built is None and self.is_current():
            self.content()
