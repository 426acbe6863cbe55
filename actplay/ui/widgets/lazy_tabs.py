"""Tab pages whose content is built the first time the tab is shown.

The curve pane's Compare tab and the network panel's detail tabs start as
empty pages, so the window's first frame does not pay for widgets it hides.
`fill_page` puts the content in when it is first needed: shown at once and
reached by Tab right after the tab bar, as if it had been there from the start.
"""

from __future__ import annotations

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
