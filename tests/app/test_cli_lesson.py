"""``actplay --lesson FILE``: a lesson a teacher hands out opens in the lessons panel."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6 import QtWidgets

from actplay import resources
from actplay.app import cli
from actplay.app import launch as app
from actplay.model.lessons import LessonError


def test_the_option_parses_and_defaults_to_none():
    assert cli.parse_window_args(["--lesson", "a.lesson.toml"]).lesson == "a.lesson.toml"
    assert cli.parse_window_args([]).lesson is None
    assert cli.parse_window_args(["x.json"]).lesson is None


@pytest.mark.parametrize("content", ["title = ", 'format = "actplay-lesson"\nversion = 1\n', None])
def test_a_bad_lesson_is_one_line_and_exit_2_before_any_window(tmp_path, capsys, content):
    path = tmp_path / "bad.lesson.toml"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    for argv in (
        ["--lesson", str(path)],
        ["--screenshot", str(tmp_path / "s.png"), "--lesson", str(path)],
    ):
        code = app.main(argv)
        _out, err = capsys.readouterr()
        assert code == cli.EXIT_BAD_INPUT
        assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
        assert err.startswith("actplay: cannot open lesson: bad.lesson.toml: ")
    assert not (tmp_path / "s.png").exists()


def test_create_window_opens_the_lesson(qtbot):
    path = resources.lesson_files()[2]
    window = app.create_window(["--lesson", str(path)])
    qtbot.addWidget(window)
    dock = window.findChild(QtWidgets.QDockWidget, "lessons_dock")
    assert dock is not None and not dock.isHidden()
    assert dock.widget().lesson.key == path.name.removesuffix(".lesson.toml")
    with pytest.raises(LessonError):
        app.create_window(["--lesson", str(path.with_name("missing.lesson.toml"))])


def test_screenshot_with_a_lesson_renders(tmp_path):
    out = tmp_path / "shot.png"
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    lesson = resources.lesson_files()[0]
    result = subprocess.run(
        [sys.executable, "-m", "actplay", "--screenshot", str(out), "--lesson", str(lesson)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert out.stat().st_size > 0
