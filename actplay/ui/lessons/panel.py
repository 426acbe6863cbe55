"""The lessons panel: pick a lesson, read a step, do its task, go on.

A step opens by running its setup (one undo step), bringing forward the
places it names and ringing the one control to use. Its task is checked on
every repaint the model's events cause (the panel is registered with the
window's scheduler like any view): when the check holds, the step says so
and Next unlocks. Back and Skip are always there; Skip moves on without
counting the task as done. Text is filled in from the model at the moments
it describes: the step's text and task when the step opens (the state its
set-up made), what it says once done when the task is met (again each time it
is met anew). Between those moments a change costs one check and no repaint.
"""

from __future__ import annotations

from PySide6 import QtCore, QtWidgets

from actplay.model import lesson_actions, lesson_checks
from actplay.model.events import SECTIONS
from actplay.ui.i18n import translate
from actplay.ui.lessons.highlight import HighlightFrame, find_widget, show_layout, show_place
from actplay.ui.lessons.progress import LessonProgress
from actplay.ui.lessons.step_page import StepPage
from actplay.ui.widgets.markup import escape
from actplay.ui.widgets.numbers import format_number

DONE_MARK = "\u2713"  # shown before finished lessons and met tasks
TASK_OPEN = translate("lessons", "Not done yet: the app checks as you go.")
TASK_MET = translate("lessons", "{mark} Done!").format(mark=DONE_MARK)


def paragraphs_html(text: str) -> str:
    """Plain lesson text as rich text: blank lines part paragraphs, other breaks are spaces."""
    blocks = [" ".join(block.split()) for block in text.split("\n\n")]
    return "".join(f"<p>{escape(block)}</p>" for block in blocks if block)


def _button(text: str, name: str, tip: str | None = None) -> QtWidgets.QPushButton:
    """A push button with its object name (tests and lessons find it by that) and tooltip."""
    button = QtWidgets.QPushButton(text)
    button.setObjectName(name)
    if tip:
        button.setToolTip(tip)
    return button


class LessonsPanel(QtWidgets.QWidget):
    """The dock's content: lesson choice, step text, task state and navigation.

    Parameters
    ----------
    window : MainWindow
        Supplies the model, the widgets to ring (by object name) and the undo stack.
    lessons : list of Lesson
        The lessons offered, in order.
    progress : LessonProgress, optional
    """

    SECTIONS = frozenset(SECTIONS)

    def __init__(self, window, lessons, progress: LessonProgress | None = None) -> None:
        super().__init__(window)
        self.setObjectName("lessons_panel")
        self.window_ = window
        self.model = window.model
        self.lessons = list(lessons)
        self.progress = progress or LessonProgress()
        self.lesson = None
        self.step_index = -1  # -1: the lesson's overview, not a step
        self.task_met = False
        self.highlight = HighlightFrame(window)
        # (step index, task met) the task text was last filled in for: refilling it at
        # every change re-wrapped the label, and a deferred refill landed on later frames
        self._live_state = None
        self._dirty = False
        # Values steps kept when their tasks were met, per lesson key, for later steps'
        # {remembered.NAME}: held for the window's lifetime, never saved.
        self.memory: dict[str, dict] = {}
        self._build()
        self._list_lessons()
        if self.lessons:
            self.show_overview(self._first_unfinished())
        else:  # a broken install: say so instead of failing
            self.page.title.setText(translate("lessons", "No lessons found in this installation."))
            self._show_buttons(overview=True)
            self.start.setEnabled(False)

    # -- layout ---------------------------------------------------------------------------------
    def _build(self) -> None:
        self.choice = QtWidgets.QComboBox()
        self.choice.setObjectName("lesson_choice")
        self.choice.setToolTip(translate("lessons", "Choose a lesson"))
        self.choice.setAccessibleName(translate("lessons", "Lesson"))
        self.choice.activated.connect(self.show_overview)
        # Long titles must not widen the dock: the column also holds the neuron's controls.
        self.choice.setSizeAdjustPolicy(
            QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.choice.setMinimumContentsLength(12)
        self.position = QtWidgets.QLabel()
        self.position.setObjectName("lesson_position")
        self.page = StepPage()
        self.export = _button(
            translate("lessons", "Export\u2026"),
            "lesson_export",
            translate("lessons", "Save a copy of this lesson's file, to change it or hand it out"),
        )
        self.again = _button(
            translate("lessons", "Set up again"),
            "lesson_again",
            translate("lessons", "Put the app back the way this step started"),
        )
        self.again.clicked.connect(lambda: self.show_step(self.step_index))
        # "Set up again" and Export sit beside the step count, not in the row of Back, Skip
        # and Next: one row of five buttons made the dock wider than the network layout
        # leaves it at 1280 px.
        place = QtWidgets.QHBoxLayout()
        place.addWidget(self.position, 1)
        place.addWidget(self.again)
        place.addWidget(self.export)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.choice)
        layout.addLayout(place)
        layout.addWidget(self.page, 1)
        layout.addLayout(self._navigation_row())

    def _navigation_row(self) -> QtWidgets.QHBoxLayout:
        """Back on the left; Skip, Next (Finish on the last step) and Start on the right.

        The overview shows Start, a step Back, Skip and Next (`_show_buttons`).
        """
        self.back = _button(
            translate("lessons", "Back"),
            "lesson_back",
            translate("lessons", "The previous step (its set-up runs again)"),
        )
        self.back.clicked.connect(self.go_back)
        self.skip = _button(
            translate("lessons", "Skip"),
            "lesson_skip",
            translate("lessons", "Go on without doing this task"),
        )
        self.skip.clicked.connect(self.go_on)
        self.next = _button(translate("lessons", "Next"), "lesson_next")
        self.next.setDefault(True)
        self.next.clicked.connect(self.go_on)
        self.start = _button(translate("lessons", "Start"), "lesson_start")
        self.start.clicked.connect(self._on_start_clicked)
        row = QtWidgets.QHBoxLayout()
        row.addWidget(self.back)
        row.addStretch(1)
        for button in (self.skip, self.next, self.start):
            row.addWidget(button)
        return row

    def _list_lessons(self) -> None:
        self.choice.clear()
        for number, lesson in enumerate(self.lessons, start=1):
            mark = f"{DONE_MARK} " if self.progress.finished(lesson.key) else ""
            self.choice.addItem(f"{mark}{number}. {lesson.title}", lesson.key)

    def _first_unfinished(self) -> int:
        for index, lesson in enumerate(self.lessons):
            if not self.progress.finished(lesson.key):
                return index
        return 0

    # -- navigation ---------------------------------------------------------------------------
    def add_lesson(self, lesson) -> int:
        """Offer ``lesson`` (a file opened from disk), replacing one with the same key."""
        self.start.setEnabled(True)
        for index, known in enumerate(self.lessons):
            if known.key == lesson.key:
                self.lessons[index] = lesson
                break
        else:
            self.lessons.append(lesson)
            index = len(self.lessons) - 1
        self._list_lessons()
        return index

    def show_overview(self, index: int) -> None:
        """Show lesson ``index``'s title, summary and steps; the app is not changed yet."""
        self.lesson = self.lessons[index]
        self.choice.setCurrentIndex(index)
        self.step_index = -1
        self.task_met = False
        self.highlight.point_at(None)
        lesson = self.lesson
        steps = "".join(f"<li>{escape(step.title)}</li>" for step in lesson.steps)
        resume = self.progress.step(lesson.key)
        self.page.title.setText(lesson.title)
        self.page.set_text(f"{paragraphs_html(lesson.summary)}<ol>{steps}</ol>")
        self.page.set_task("")
        self.page.set_done("")
        self._live_state = None
        self.page.set_status(
            translate(
                "lessons",
                "Start changes the app's settings step by step (Edit \u2192 Undo takes each back).",
            )
        )
        self.start.setText(
            translate("lessons", "Continue at step {step}").format(step=resume + 1)
            if resume > 0
            else translate("lessons", "Start")
        )
        self.position.setText(translate("lessons", "{count} steps").format(count=len(lesson.steps)))
        self._show_buttons(overview=True)

    def _on_start_clicked(self) -> None:
        resume = self.progress.step(self.lesson.key)
        self.show_step(min(resume, len(self.lesson.steps) - 1))

    def show_step(self, index: int) -> None:
        """Open step ``index`` (0-based): run its set-up, bring its places forward, ring its
        control and show its text and task."""
        lesson = self.lesson
        step = lesson.steps[index]
        self.step_index = index
        self._live_state = None  # the live text is shown afresh
        self.progress.set_step(lesson.key, index)
        self._run_setup(step)
        layout = lesson_actions.layout(step.setup)
        if layout is not None and not show_layout(self.window_, layout):
            self.window_.show_status(
                translate("lessons", "Lesson: this window has no {layout} layout").format(
                    layout=layout
                )
            )
        for place in lesson_actions.places(step.setup):
            if not show_place(self.window_, place):
                self.window_.show_status(
                    translate("lessons", "Lesson: no place called {place} in this window").format(
                        place=repr(place)
                    )
                )
        self.page.title.setText(f"{index + 1}. {step.title}")
        self.position.setText(
            translate("lessons", "Step {step} of {count}").format(
                step=index + 1, count=len(lesson.steps)
            )
        )
        self._show_buttons(overview=False)
        self.window_.scheduler.flush()  # the set-up's repaint, so the text reads the new state
        if step.remember_at_start:
            kept = lesson_checks.remember(step.remember_at_start, self.model)
            self.memory.setdefault(lesson.key, {}).update(kept)
        # The text describes the situation the step set up, so it is filled in once, here:
        # doing the task must not turn "this sigmoid network" into numbers of another one.
        # The task and what the step says once it is done follow the model live.
        self.page.set_text(paragraphs_html(self._render(step.text)))
        self.evaluate()
        self.ring_control()
        # A control the set-up just built (a rebuilt row of sliders) is shown by Qt a
        # moment later, from the event queue: ring it then, not at the next tick.
        QtCore.QTimer.singleShot(0, self.highlight.follow)

    def ring_control(self) -> None:
        """Ring the current step's control (again, after the dock was closed and reopened)."""
        step = self.lesson.steps[self.step_index] if self.step_index >= 0 else None
        target = find_widget(self.window_, step.highlight) if step and step.highlight else None
        self.highlight.point_at(target)

    def _run_setup(self, step) -> None:
        recorder = getattr(self.window_, "undo_recorder", None)
        try:
            if recorder is None:
                lesson_actions.apply_actions(self.model, step.setup)
            else:
                with recorder.step(
                    translate("lessons", "Lesson step: {title}").format(title=step.title)
                ):
                    lesson_actions.apply_actions(self.model, step.setup)
        except ValueError as error:
            self.window_.show_status(translate("lessons", "Lesson: {error}").format(error=error))

    def go_on(self) -> None:
        """Next or Skip: the next step, or the lesson's end."""
        if self.step_index < 0:
            return
        if self.step_index + 1 < len(self.lesson.steps):
            self.show_step(self.step_index + 1)
            return
        self.progress.set_finished(self.lesson.key)
        self.progress.set_step(self.lesson.key, 0)
        index = self.choice.currentIndex()
        self._list_lessons()
        following = index + 1 if index + 1 < len(self.lessons) else index
        self.show_overview(following)
        self.window_.show_status(
            translate("lessons", "Lesson finished: {title}").format(title=self.lessons[index].title)
        )

    def go_back(self) -> None:
        """The previous step, or the overview from the first."""
        if self.step_index > 0:
            self.show_step(self.step_index - 1)
        elif self.step_index == 0:
            self.show_overview(self.choice.currentIndex())

    def _show_buttons(self, overview: bool) -> None:
        self.start.setVisible(overview)
        self.export.setVisible(overview and self.lesson is not None and bool(self.lesson.path))
        for button in (self.back, self.skip, self.next, self.again):
            button.setVisible(not overview)

    # -- live checking ------------------------------------------------------------------------
    def refresh(self, _sections) -> None:
        """A model change: check the task again and refill the numbers (hidden: later)."""
        if not self.isVisible():
            self._dirty = True
            return
        self.evaluate()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self._dirty:
            self._dirty = False
            self.evaluate()

    def evaluate(self) -> bool:
        """Check the current step's task against the model now; returns whether it holds."""
        if self.step_index < 0:
            return False
        step = self.lesson.steps[self.step_index]
        is_last = self.step_index + 1 == len(self.lesson.steps)
        if step.check is None:
            self.task_met = True
            status = ""
        else:
            self.task_met = lesson_checks.holds(step.check, self.model)
            status = TASK_MET if self.task_met else TASK_OPEN
        state = (self.step_index, self.task_met)
        if state != self._live_state:
            self._live_state = state
            if self.task_met and step.remember:
                kept = lesson_checks.remember(step.remember, self.model)
                self.memory.setdefault(self.lesson.key, {}).update(kept)
            self.page.set_task("" if step.check is None else self._live_html(step))
            met = self.task_met and step.check is not None and step.done is not None
            self.page.set_done(paragraphs_html(self._render(step.done)) if met else "")
        self.page.set_status(status)
        self.next.setEnabled(self.task_met)
        self.next.setText(
            translate("lessons", "Finish") if is_last else translate("lessons", "Next")
        )
        return self.task_met

    def _render(self, parts) -> str:
        memory = self.memory.get(self.lesson.key) if self.lesson is not None else None
        return lesson_checks.render_text(parts, self.model, format_number, memory)

    def _live_html(self, step) -> str:
        task = self._render(step.task)
        task = escape(" ".join(task.split()))
        return translate("lessons", "<p><b>Your task:</b> {task}</p>").format(task=task)
