"""The ways into the lessons (Help menu, palette, first-run introduction, a file) and the
progress kept in settings."""

import pytest
from PySide6 import QtCore, QtGui, QtWidgets

from actplay.ui.lessons.dock import DOCK_NAME, open_lesson_file, open_lessons
from actplay.ui.lessons.progress import LessonProgress
from actplay.ui.shell import help_dialogs
from actplay.ui.shell.command_palette import palette_entries

TEACHER_LESSON = """
format = "actplay-lesson"
version = 1
title = "Bias drill"

[[steps]]
title = "Push the bias"
text = "b = {neuron.bias}"
setup = [{ set = "neuron.bias", to = 0 }]
highlight = "neuron_bias"
task = "Make b above 2."
check = { quantity = "neuron.bias", above = 2 }
demo = [{ drag = "neuron_bias", to = 3 }]
"""


def test_nothing_is_built_until_the_lessons_are_opened(window):
    assert window.findChild(QtWidgets.QDockWidget, DOCK_NAME) is None
    assert window.findChild(QtGui.QAction, "lessons_action") in window.help_menu.actions()


def test_help_lessons_opens_the_dock_at_the_first_lesson(window, hands):
    state = window.model.state_dict()
    hands.click("lessons_action")
    dock = window.findChild(QtWidgets.QDockWidget, DOCK_NAME)
    assert dock is not None and dock.isVisible()
    panel = dock.widget()
    assert panel.lesson.key == "01-neuron" and panel.step_index == -1
    assert panel.choice.count() >= 8
    assert window.model.state_dict() == state  # opening alone changes nothing
    assert window.findChild(QtGui.QAction, f"{DOCK_NAME}_toggle") in window.view_menu.actions()


def test_the_palette_finds_the_lessons(window):
    texts = [text for text, _run in palette_entries(window)]
    assert "Help: Lessons" in texts and "Help: Open lesson file" in texts
    run = dict(palette_entries(window))["Help: Lessons"]
    run()
    assert window.findChild(QtWidgets.QDockWidget, DOCK_NAME).isVisible()


def test_the_first_run_introduction_offers_the_lessons(window, hands, qtbot, tmp_path):
    settings = QtCore.QSettings(str(tmp_path / "s.ini"), QtCore.QSettings.Format.IniFormat)
    dialog = help_dialogs.offer_intro_on_first_run(window, settings)
    qtbot.addWidget(dialog)
    assert "Lessons" in dialog.findChild(QtWidgets.QTextBrowser).toPlainText()
    button = dialog.findChild(QtWidgets.QPushButton, "intro_lessons_button")
    qtbot.mouseClick(button, QtCore.Qt.MouseButton.LeftButton)
    assert window.findChild(QtWidgets.QDockWidget, DOCK_NAME).isVisible()
    assert not dialog.isVisible()


def test_progress_is_kept_in_settings_across_windows(qtbot, tmp_path, hands, window):
    path = str(tmp_path / "progress.ini")
    settings = QtCore.QSettings(path, QtCore.QSettings.Format.IniFormat)
    window.use_settings(settings)
    panel = open_lessons(window)
    hands.click("lesson_start")
    hands.perform({"drag": "neuron_weight_0", "to": 3})
    window.scheduler.flush()
    hands.click("lesson_next")
    assert panel.step_index == 1
    for _ in range(3):
        hands.click("lesson_skip")
    assert panel.lesson.key == "02-perceptron"  # lesson 1 finished: on to the next
    settings.sync()
    again = LessonProgress(QtCore.QSettings(path, QtCore.QSettings.Format.IniFormat))
    assert again.finished("01-neuron") and not again.finished("02-perceptron")
    hands.choose("lesson_choice", "02-perceptron")
    hands.click("lesson_start")
    hands.click("lesson_skip")
    settings.sync()
    again = LessonProgress(QtCore.QSettings(path, QtCore.QSettings.Format.IniFormat))
    assert again.step("02-perceptron") == 1
    assert panel.choice.itemText(0).startswith("\u2713")


def test_a_teachers_file_opens_and_a_bad_one_is_one_line(window, hands, tmp_path, qtbot):
    good = tmp_path / "drill.lesson.toml"
    good.write_text(TEACHER_LESSON, encoding="utf-8")
    assert open_lesson_file(window, str(good))
    panel = window.findChild(QtWidgets.QDockWidget, DOCK_NAME).widget()
    assert panel.lesson.key == "drill" and panel.choice.currentText().endswith("Bias drill")
    hands.click("lesson_start")
    assert not panel.next.isEnabled()
    hands.drag("neuron_bias", 3)
    window.scheduler.flush()
    assert panel.next.isEnabled()
    bad = tmp_path / "bad.lesson.toml"
    bad.write_text(TEACHER_LESSON.replace("above = 2", "above = true"), encoding="utf-8")
    messages = []
    window.statusBar().messageChanged.connect(messages.append)
    assert not open_lesson_file(window, str(bad))
    box = window.findChild(QtWidgets.QMessageBox, "lesson_error_box")
    qtbot.addWidget(box)
    assert box.text() == "bad.lesson.toml: step 1: check.above: must be a number, got True"
    assert messages[-1] == f"Cannot open lesson: {box.text()}"
    assert panel.lesson.key == "drill"  # the good one stays


def test_hidden_panel_catches_up_when_shown(window, hands):
    panel = open_lessons(window)
    hands.click("lesson_start")
    window.lessons_dock.hide()
    hands.drag("neuron_weight_0", 3)
    window.scheduler.flush()
    assert not panel.next.isEnabled()  # not re-checked while nobody sees it
    window.lessons_dock.show()
    assert panel.next.isEnabled()


def test_the_done_text_reports_the_moment_the_task_was_met(window, hands):
    panel = open_lessons(window)
    hands.click("lesson_start")
    hands.drag("neuron_weight_0", 3)
    window.scheduler.flush()
    assert "z = 2.75." in panel.page.done.text()  # shown at once when the task is met
    hands.drag("neuron_weight_0", 4)
    window.scheduler.flush()
    assert "z = 2.75." in panel.page.done.text()  # still met: nothing repainted
    hands.drag("neuron_weight_0", 1)
    window.scheduler.flush()
    assert "z = " not in panel.page.done.text() and not panel.next.isEnabled()
    hands.drag("neuron_weight_0", 4)
    window.scheduler.flush()
    assert "z = 3.75." in panel.page.done.text()  # met anew: filled in anew
    assert panel.page.text.text().count("0.55") == 1  # the step's own text keeps its set-up


def test_a_lesson_exports_as_its_file(window, hands, tmp_path, monkeypatch):
    from actplay import resources
    from actplay.model import lessons
    from actplay.ui.lessons import dock

    panel = open_lessons(window)
    assert panel.export.isVisible()
    target = tmp_path / "for-my-class.lesson.toml"
    monkeypatch.setattr(
        dock.QtWidgets.QFileDialog, "getSaveFileName", lambda *args: (str(target), "")
    )
    hands.click("lesson_export")
    shipped = resources.lesson_files()[0]
    assert target.read_bytes() == shipped.read_bytes()
    assert lessons.load(target).title == panel.lesson.title
    hands.click("lesson_start")
    assert not panel.export.isVisible()  # offered with the overview, not in the steps


def test_without_shipped_lessons_the_panel_says_so(window, monkeypatch, tmp_path):
    from actplay.ui.lessons import dock

    monkeypatch.setattr(dock, "shipped_lessons", list)
    panel = open_lessons(window)
    assert panel.page.title.text() == "No lessons found in this installation."
    assert not panel.start.isEnabled()
    good = tmp_path / "drill.lesson.toml"
    good.write_text(TEACHER_LESSON, encoding="utf-8")
    assert open_lesson_file(window, str(good))
    assert panel.start.isEnabled() and panel.lesson.key == "drill"


def _wholly_shown(widget) -> bool:
    """Whether every pixel of ``widget`` is on screen (no scroll area or edge clips it)."""
    return widget.isVisible() and widget.visibleRegion().boundingRect() == widget.rect()


@pytest.mark.parametrize("size", [(1280, 800), (1024, 640)])
def test_the_task_stays_in_view_however_long_the_step_text(qtbot, window, size):
    window.resize(*size)
    panel = open_lessons(window)
    qtbot.waitExposed(panel)
    steps = 0
    for index, lesson in enumerate(panel.lessons):
        panel.show_overview(index)
        for number, step in enumerate(lesson.steps):
            if step.check is None:
                continue
            panel.show_step(number)
            QtWidgets.QApplication.processEvents()
            where = f"{lesson.key} step {number + 1} at {size}"
            assert "Your task:" in panel.page.live.text(), where
            assert _wholly_shown(panel.page.live), where
            assert _wholly_shown(panel.next), where
            if step.highlight is not None:
                assert _wholly_shown(panel.highlight.target), f"{where}: {step.highlight}"
            steps += 1
    assert steps > 20  # every lesson's tasks were visited


def test_dock_title_and_error_box_title_are_translated(window, tmp_path, monkeypatch, qtbot):
    from actplay.ui.lessons import dock as lessons_dock

    # a stand-in translation that marks every text it is asked for
    monkeypatch.setattr(lessons_dock, "translate", lambda context, text: f"[{context}] {text}")
    open_lessons(window)
    assert window.findChild(QtWidgets.QDockWidget, DOCK_NAME).windowTitle() == "[lessons] Lessons"
    bad = tmp_path / "bad.lesson.toml"
    bad.write_text(TEACHER_LESSON.replace("above = 2", "above = true"), encoding="utf-8")
    assert not open_lesson_file(window, str(bad))
    box = window.findChild(QtWidgets.QMessageBox, "lesson_error_box")
    qtbot.addWidget(box)
    assert box.windowTitle() == "[lessons] Cannot open lesson"
