"""The lessons dock and the ways in: Help > Lessons, the command palette, the first-run
introduction and ``actplay --lesson FILE``.

Nothing is built at start-up but two menu actions (`menu_entries`, which the main
window puts in its Help menu): the dock, its panel, the lesson modules and the
shipped lessons are loaded the first time the lessons are opened, so the first
frame and every drag before that pay nothing for them.
"""

from __future__ import annotations

import pathlib

from PySide6 import QtCore, QtGui, QtWidgets

from actplay.ui.i18n import translate
from actplay.ui.shell.menu_actions import menu_action

DOCK_NAME = "lessons_dock"
DOCK_HEIGHT = 400  # px: the lesson and the neuron's controls share their column evenly
DOCK_WIDTH = 340  # px: a step's text in lines that read easily, the curve keeps the rest
LESSON_FILTER = translate("lessons", "actplay lessons (*.lesson.toml);;All files (*)")


def menu_entries(window) -> list[QtGui.QAction]:
    """Help > Lessons and Help > Open lesson file, for the main window to put in place
    (found again by their object names, ``lessons_action`` and ``open_lesson_action``)."""
    lessons = menu_action(
        window,
        translate("lessons", "&Lessons"),
        lambda: open_lessons(window),
        None,
        "lessons_action",
    )
    open_file = menu_action(
        window,
        translate("lessons", "Open lesson file\u2026"),
        lambda: open_lesson_dialog(window),
        None,
        "open_lesson_action",
    )
    for action, tip in (
        (lessons, translate("lessons", "Lessons that walk you through the ideas, step by step")),
        (open_file, translate("lessons", "Open a lesson a teacher wrote (*.lesson.toml)")),
    ):
        action.setToolTip(tip)
        action.setStatusTip(tip)
    return [lessons, open_file]


def shipped_lessons():
    """The lessons shipped with actplay, loaded; a broken file is reported and left out."""
    from actplay import resources
    from actplay.model import lessons as lesson_files

    found = []
    try:
        paths = resources.lesson_files()
    except FileNotFoundError:
        return found
    for path in paths:
        try:
            found.append(lesson_files.load(path))
        except lesson_files.LessonError:
            continue  # the shipped files are tested; a broken install still opens the rest
    return found


def lessons_panel(window):
    """The window's lessons panel (its part ``lessons_panel``), built and docked on first
    call."""
    return window.part("lessons_panel", lambda: _build_lessons_panel(window))


def _build_lessons_panel(window):
    from actplay.ui.lessons.panel import LessonsPanel
    from actplay.ui.lessons.progress import LessonProgress

    settings = window.settings  # set only by main(): tests keep progress in memory
    panel = LessonsPanel(window, shipped_lessons(), LessonProgress(settings))
    dock = QtWidgets.QDockWidget(translate("lessons", "Lessons"), window)
    dock.setObjectName(DOCK_NAME)
    dock.setWidget(panel)
    window.addDockWidget(QtCore.Qt.DockWidgetArea.LeftDockWidgetArea, dock)
    neuron_dock = getattr(window, "neuron_dock", None)
    if (
        neuron_dock is not None
        and neuron_dock.isVisible()
        and not neuron_dock.isFloating()
        # In the network layout the neuron's controls are one tab among several: the
        # lesson there would hide behind the network's tab, so it keeps the left column.
        and not window.tabifiedDockWidgets(neuron_dock)
    ):
        # Above the neuron's controls, in the same column: a third column does not fit
        # beside the curve and the network at 1280 px, and most tasks use the neuron.
        window.splitDockWidget(neuron_dock, dock, QtCore.Qt.Orientation.Vertical)
        window.splitDockWidget(dock, neuron_dock, QtCore.Qt.Orientation.Vertical)
        window.resizeDocks(
            [dock, neuron_dock], [DOCK_HEIGHT, DOCK_HEIGHT], QtCore.Qt.Orientation.Vertical
        )
        window.resizeDocks([dock], [DOCK_WIDTH], QtCore.Qt.Orientation.Horizontal)
    view_menu = getattr(window, "view_menu", None)
    if view_menu is not None:
        toggle = dock.toggleViewAction()
        toggle.setObjectName(f"{DOCK_NAME}_toggle")
        view_menu.insertAction(view_menu.actions()[-1] if view_menu.actions() else None, toggle)
    # The ring goes with the dock: closed, it would point at a task nobody reads.
    dock.visibilityChanged.connect(
        lambda visible: panel.ring_control() if visible else panel.highlight.point_at(None)
    )
    panel.export.clicked.connect(lambda: export_lesson_dialog(window, panel.lesson))
    window.scheduler.register(panel, panel.SECTIONS)
    return panel


def open_lessons(window):
    """Show the lessons dock (building it the first time); returns the panel."""
    panel = lessons_panel(window)
    window.lessons_dock.show()
    window.lessons_dock.raise_()
    return panel


def open_lesson(window, lesson):
    """Show ``lesson`` (a loaded Lesson, e.g. from ``--lesson FILE``) in the dock."""
    panel = open_lessons(window)
    panel.show_overview(panel.add_lesson(lesson))
    return panel


def open_lesson_file(window, path) -> bool:
    """Load the lesson at ``path`` and show it; a bad file is reported in one line."""
    from actplay.model import lessons as lesson_files

    try:
        lesson = lesson_files.load(path)
    except lesson_files.LessonError as error:
        window.show_status(translate("lessons", "Cannot open lesson: {error}").format(error=error))
        box = QtWidgets.QMessageBox(
            QtWidgets.QMessageBox.Icon.Warning,
            translate("lessons", "Cannot open lesson"),
            str(error),
            parent=window,
        )
        box.setObjectName("lesson_error_box")
        box.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()  # not exec(): the window stays usable, nothing waits on the answer
        return False
    open_lesson(window, lesson)
    return True


def export_lesson_file(window, lesson, path) -> bool:
    """Write a copy of ``lesson``'s file to ``path`` (atomically), to edit or hand out."""
    from actplay.model.atomic_file import write_atomic

    try:
        write_atomic(path, pathlib.Path(lesson.path).read_bytes())
    except (OSError, TypeError) as error:
        window.show_status(
            translate("lessons", "Cannot export the lesson: {error}").format(error=error)
        )
        return False
    window.show_status(translate("lessons", "Lesson saved as {path}").format(path=path))
    return True


def export_lesson_dialog(window, lesson) -> bool:
    """Ask where to save a copy of ``lesson``'s file and write it there."""
    from actplay.model.lessons import SUFFIX

    name = lesson.key + SUFFIX
    path, _filter = QtWidgets.QFileDialog.getSaveFileName(
        window, translate("lessons", "Export lesson"), name, LESSON_FILTER
    )
    return bool(path) and export_lesson_file(window, lesson, path)


def open_lesson_dialog(window) -> bool:
    """Ask for a lesson file and open it."""
    path, _filter = QtWidgets.QFileDialog.getOpenFileName(
        window, translate("lessons", "Open lesson"), "", LESSON_FILTER
    )
    return bool(path) and open_lesson_file(window, path)
