"""A titled section whose body folds away: a disclosure arrow instead of a group title.

A dock that must fit a small screen keeps its essential groups open and lets a
secondary one (a chart, say) fold to its title line. The title is a flat tool
button with an arrow, where a group box has its title, so the section reads as
one of the groups around it; the body sits in an untitled frame.
"""

from __future__ import annotations

from PySide6 import QtCore, QtWidgets

from actplay.ui.i18n import translate


class CollapsibleSection(QtWidgets.QWidget):
    """``title`` over a framed ``body`` that a click on the title hides or shows.

    Parameters
    ----------
    title : str
        The section's title (and its toggle's accessible name).
    body : QWidget
        What folds away.
    name : str
        ``objectName`` of the section; its toggle is ``<name>_toggle``.
    parent : QWidget, optional
    """

    def __init__(self, title: str, body: QtWidgets.QWidget, name: str, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.toggle = QtWidgets.QToolButton(self)
        self.toggle.setObjectName(f"{name}_toggle")
        self.toggle.setText(title)
        self.toggle.setAccessibleName(title)
        self.toggle.setToolTip(translate("widgets", "Click to fold or unfold this part"))
        self.toggle.setAutoRaise(True)  # not checkable: a checked button draws sunken
        self.toggle.setToolButtonStyle(QtCore.Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(QtCore.Qt.ArrowType.DownArrow)
        self.frame = QtWidgets.QGroupBox(self)
        self.frame.setObjectName(f"{name}_frame")
        self.body_layout = QtWidgets.QVBoxLayout(self.frame)
        self.body_layout.setContentsMargins(6, 4, 6, 6)
        self.body_layout.addWidget(body)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toggle)
        layout.addWidget(self.frame)
        self.toggle.clicked.connect(lambda: self.set_expanded(not self.is_expanded()))

    def is_expanded(self) -> bool:
        """Whether the body is shown."""
        return not self.frame.isHidden()

    def set_expanded(self, expanded: bool) -> None:
        """Show (``True``) or fold away the body."""
        self.toggle.setArrowType(
            QtCore.Qt.ArrowType.DownArrow if expanded else QtCore.Qt.ArrowType.RightArrow
        )
        self.frame.setVisible(expanded)
