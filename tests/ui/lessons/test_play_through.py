"""Every shipped lesson, played end to end through the real widgets of the window.

For each step: after its set-up the task must NOT be accepted (Next locked, the
status says so), the ringed control must be the one the step names and be on
screen; then the step's demo gestures (drags, clicks, choices, typed formulas)
are performed on the real widgets and the task must be accepted.
"""

import pytest
from PySide6 import QtCore, QtGui, QtWidgets

from actplay import resources
from actplay.model import lesson_checks, lessons
from actplay.ui.lessons.dock import open_lessons
from actplay.ui.lessons.panel import TASK_MET, TASK_OPEN

SHIPPED = resources.lesson_files()


def start_lesson(qtbot, window, hands, index):
    panel = open_lessons(window)
    qtbot.waitExposed(panel)
    hands.choose("lesson_choice", panel.lessons[index].key)
    hands.click("lesson_start")
    window.scheduler.flush()
    return panel


@pytest.mark.parametrize("index", range(len(SHIPPED)), ids=[path.name for path in SHIPPED])
def test_the_lesson_plays_through_with_real_widgets(qtbot, window, hands, index):
    panel = start_lesson(qtbot, window, hands, index)
    lesson = panel.lesson
    assert lesson.key == lessons.lesson_key(SHIPPED[index])
    statuses = []
    window.statusBar().messageChanged.connect(statuses.append)
    for number, step in enumerate(lesson.steps):
        where = f"{lesson.key} step {number + 1}"
        window.scheduler.flush()
        QtWidgets.QApplication.processEvents()  # what a learner's eyes wait for: rows shown
        assert panel.step_index == number, where
        assert panel.page.title.text() == f"{number + 1}. {step.title}", where
        assert "{" not in panel.page.text.text() + panel.page.live.text(), (
            where
        )  # placeholders filled
        if step.highlight is not None:
            target = panel.highlight.target
            assert target is not None and target.objectName() == step.highlight, where
            assert target.isVisible() and panel.highlight.isVisible(), where
        if step.check is not None:
            assert not lesson_checks.holds(step.check, window.model), where
            assert not panel.next.isEnabled() and panel.page.status.text() == TASK_OPEN, where
            assert step.demo, f"{where}: a task needs a demo for this test"
        for gesture in step.demo:
            hands.perform(gesture)
            window.scheduler.flush()
        if step.check is not None:
            assert panel.page.status.text() == TASK_MET, where
            assert lesson_checks.holds(step.check, window.model), where
            QtWidgets.QApplication.processEvents()  # the scroll to the done text
            if step.done is not None:  # shown, filled in, and scrolled into sight
                assert panel.page.done.isVisible() and "{" not in panel.page.done.text(), where
                seen = panel.page.done.visibleRegion().boundingRect()
                assert not seen.isEmpty() and seen.top() == 0, where  # its first line shows
            assert panel.page.live.isVisible() and "Your task:" in panel.page.live.text(), where
        assert panel.next.isEnabled(), where
        hands.click("lesson_next")
    assert not any(message.startswith("Lesson:") for message in statuses), statuses
    assert panel.progress.finished(lesson.key)
    assert panel.step_index == -1  # back at an overview: the next lesson's


def test_back_and_skip_are_always_there_but_skip_does_not_pass_a_task(qtbot, window, hands):
    panel = start_lesson(qtbot, window, hands, 0)
    assert panel.step_index == 0 and not panel.next.isEnabled()
    assert panel.skip.isEnabled() and panel.back.isEnabled()
    bias_before = window.model.neuron_bias
    hands.click("lesson_skip")
    assert panel.step_index == 1 and not panel.next.isEnabled()
    hands.click("lesson_back")
    assert panel.step_index == 0 and not panel.next.isEnabled()  # still not done
    assert window.model.neuron_bias == bias_before  # the set-up ran again
    hands.click("lesson_back")
    assert panel.step_index == -1 and panel.start.isVisible()
    assert panel.start.text() == "Continue at step 1" or panel.start.text() == "Start"


def test_a_setup_is_one_undo_step(qtbot, window, hands):
    window.model.set_neuron_bias(7.0)
    panel = start_lesson(qtbot, window, hands, 0)
    assert window.model.neuron_bias != 7.0
    window.findChild(QtWidgets.QWidget, "main_window")  # noqa: B018 (the window itself)
    undo = window.findChild(QtGui.QAction, "undo_action")
    undo.trigger()
    assert window.model.neuron_bias == 7.0
    assert panel.step_index == 0


def test_the_highlight_follows_its_control_and_lets_clicks_through(qtbot, window, hands):
    panel = start_lesson(qtbot, window, hands, 1)  # the perceptron: ring on x1's check box
    ring, target = panel.highlight, panel.highlight.target
    assert ring.testAttribute(QtCore.Qt.WidgetAttribute.WA_TransparentForMouseEvents)
    corner = target.mapTo(target.window(), QtCore.QPoint(0, 0))
    assert ring.geometry().contains(QtCore.QRect(corner, target.size()))
    window.neuron_dock.hide()
    ring.follow()
    assert not ring.isVisible()
    window.lessons_dock.hide()
    assert ring.target is None
    window.neuron_dock.show()
    window.lessons_dock.show()
    assert ring.target is target and ring.isVisible()
