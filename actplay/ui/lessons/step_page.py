"""The words of a lesson step on the lessons panel: its title and text, what it says once
its task is done, and the task with its state.

The title, text and done text scroll; the task and its state stay pinned under them,
so a long step never pushes "Your task" below the dock's edge. Each part is set only
when its text changes: the task follows the model at every drag, and an unchanged
label costs no re-wrap and no repaint.
"""

from __future__ import annotations

from PySide6 import QtCore, QtWidgets

from actplay.ui.widgets.edge_fade import BottomFade


def _rich_label(name: str) -> QtWidgets.QLabel:
    """A selectable, word-wrapped rich-text label, text at its top."""
    label = QtWidgets.QLabel()
    label.setObjectName(name)
    label.setTextFormat(QtCore.Qt.TextFormat.RichText)
    label.setWordWrap(True)
    label.setAlignment(QtCore.Qt.AlignmentFlag.AlignTop)
    label.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class StepPage(QtWidgets.QWidget):
    """A step's title, text, done text (scrolling) and task with its state (pinned).

    Knows nothing of lessons: the panel hands it the texts, as rich text.
    """

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._shown_task = None  # None: the first set_task, even of "", hides an empty task
        self._shown_done = ""
        self.title = QtWidgets.QLabel()
        self.title.setObjectName("lesson_step_title")
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.text = _rich_label("lesson_text")
        # What the step says once done can run to a paragraph: it follows the step's text in
        # the scrolling part (scrolled to when it appears), the task stays pinned below.
        self.done = _rich_label("lesson_done")
        self.done.hide()
        # The task follows the model: it lives in a label of its own, so a change repaints
        # a few lines, not the whole step text.
        self.live = _rich_label("lesson_live")
        self.status = QtWidgets.QLabel()
        self.status.setObjectName("lesson_status")
        self.status.setWordWrap(True)

        body = QtWidgets.QWidget()
        body_layout = QtWidgets.QVBoxLayout(body)
        body_layout.setContentsMargins(2, 2, 2, 2)
        body_layout.addWidget(self.title)
        body_layout.addWidget(self.text)
        body_layout.addWidget(self.done)
        body_layout.addStretch(1)
        self.scroll = QtWidgets.QScrollArea()
        self.scroll.setWidget(body)
        self.scroll.setWidgetResizable(True)
        # A scroll bar that came and went with the live text's height re-wrapped the whole
        # step text at every change near the dock's bottom edge.
        self.scroll.setVerticalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.scroll.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
        BottomFade(self.scroll)  # the line cut by the dock's edge fades out
        # The task and its state stay in view under the scrolling text: in a long step,
        # "Your task" had scrolled below the dock's edge where a learner never looked.
        self.task_box = QtWidgets.QFrame()
        self.task_box.setObjectName("lesson_task_box")
        self.task_box.setFrameShape(QtWidgets.QFrame.Shape.StyledPanel)
        task_layout = QtWidgets.QVBoxLayout(self.task_box)
        task_layout.setContentsMargins(4, 2, 4, 2)
        task_layout.addWidget(self.live)
        task_layout.addWidget(self.status)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.task_box)

    def set_text(self, html: str) -> None:
        """The step's (or the overview's) text."""
        if html != self.text.text():
            self.text.setText(html)

    def set_task(self, html: str) -> None:
        """The task ("" for none): it changes with the model, so an equal text is skipped."""
        if html != self._shown_task:  # a drag that changes no shown number costs nothing
            self._shown_task = html
            self.live.setText(html)
            self.live.setVisible(bool(html))

    def set_status(self, text: str) -> None:
        """The task's state, or a note on the overview ("" for none)."""
        if text != self.status.text():
            self.status.setText(text)
            self.status.setVisible(bool(text))
        self.task_box.setVisible(bool(self._shown_task) or bool(text))

    def set_done(self, html: str) -> None:
        """What the step says once done ("" hides it); scrolled into sight when it appears."""
        if html == self._shown_done:
            return
        self._shown_done = html
        self.done.setText(html)
        self.done.setVisible(bool(html))
        if html:  # scroll to it once it is laid out
            QtCore.QTimer.singleShot(0, self._scroll_to_done)

    def _scroll_to_done(self) -> None:
        """Bring the done text into sight, its first line first if it does not fit."""
        if self.done.height() <= self.scroll.viewport().height():
            self.scroll.ensureWidgetVisible(self.done, 0, 0)
        else:
            self.scroll.verticalScrollBar().setValue(self.done.y())
