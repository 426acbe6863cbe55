"""Uncaught exceptions in slots: logged to a file, shown with a copyable report, window usable."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QPushButton

from actplay.app import error_report


@pytest.fixture
def hook(window, tmp_path):
    installed = error_report.install_excepthook(window, tmp_path / "errors.log")
    yield installed
    installed.uninstall()
    if installed.dialog is not None:
        installed.dialog.close()


def failing_slot():
    raise ZeroDivisionError("a slot divided by zero")


def test_an_exception_in_a_slot_is_logged_shown_and_the_window_survives(
    qtbot, window, hook, tmp_path
):
    assert sys.excepthook is hook
    QTimer.singleShot(0, failing_slot)  # Qt calls the slot from its event loop
    qtbot.waitUntil(lambda: bool(hook.reports), timeout=3000)

    log = (tmp_path / "errors.log").read_text()
    assert "ZeroDivisionError: a slot divided by zero" in log
    assert "failing_slot" in log  # the traceback, not just the message
    assert "actplay" in log.splitlines()[0]

    dialog = hook.dialog
    assert dialog is not None and dialog.isVisible()
    text = dialog.findChild(QPlainTextEdit, "error_report_text")
    assert text.isReadOnly() and "ZeroDivisionError" in text.toPlainText()
    dialog.findChild(QPushButton, "copy_report_button").click()
    assert QApplication.clipboard().text() == hook.reports[0]
    assert "divided by zero" in window.statusBar().currentMessage()

    window.model.set_neuron_bias(0.42)  # the state is still usable
    window.scheduler.flush()
    assert window.model.neuron_bias == 0.42


def test_repeated_errors_open_one_dialog_and_append_to_the_log(hook, tmp_path):
    for number in range(3):
        try:
            raise ValueError(f"problem {number}")
        except ValueError:
            sys.excepthook(*sys.exc_info())
    log = (tmp_path / "errors.log").read_text()
    assert [f"problem {n}" in log for n in range(3)] == [True, True, True]
    dialogs = [
        w
        for w in QApplication.topLevelWidgets()
        if w.objectName() == "error_dialog" and w.isVisible()
    ]
    assert dialogs == [hook.dialog]


def test_keyboard_interrupt_goes_to_the_previous_hook(hook, monkeypatch):
    seen = []
    monkeypatch.setattr(hook, "previous", lambda *info: seen.append(info[0]))
    hook(KeyboardInterrupt, KeyboardInterrupt(), None)
    assert seen == [KeyboardInterrupt] and not hook.reports


def test_log_lives_in_the_data_folder_and_uninstall_restores(window):
    assert error_report.log_path().name == error_report.LOG_NAME
    assert error_report.log_path().parent.is_dir()
    before = sys.excepthook
    hook = error_report.install_excepthook(window, show_dialog=False)
    hook.uninstall()
    assert sys.excepthook is before
