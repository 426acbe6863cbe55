"""``actplay`` entry point: list, version, sessions, screenshot, no display, export dispatch."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from actplay import __version__
from actplay.app import cli
from actplay.app import launch as app
from actplay.core import activations as acts
from actplay.model import session
from actplay.model.playground import Playground


def run_main(argv, capsys):
    code = app.main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_version(capsys):
    code, out, _err = run_main(["--version"], capsys)
    assert code == 0 and out.strip() == f"actplay {__version__}"


def test_list_prints_every_name_with_its_title(capsys):
    code, out, _err = run_main(["list"], capsys)
    assert code == 0
    rows = {
        line.split()[0]: line.split(None, 1)[1]
        for line in out.splitlines()
        if line and not line.startswith("#")
    }
    assert set(rows) == set(acts.names())
    for name in acts.names():
        assert rows[name] == acts.get(name).title
    assert [line[2:] for line in out.splitlines() if line.startswith("# ")] == list(acts.groups())


@pytest.mark.parametrize("content", ["{not json", json.dumps({"format": "other"}), None])
def test_bad_session_is_one_line_and_exit_2(tmp_path, capsys, content):
    path = tmp_path / "bad.json"
    if content is not None:
        path.write_text(content)
    for argv in (
        [str(path)],
        ["--session", str(path)],
        ["--screenshot", str(tmp_path / "s.png"), "--session", str(path)],
    ):
        code, out, err = run_main(argv, capsys)
        assert code == 2
        assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
        assert "bad.json" in err
    assert not (tmp_path / "s.png").exists()


def test_bad_arguments_exit_2(capsys, tmp_path):
    for argv in (
        ["--size", "800x600"],
        ["--screenshot", str(tmp_path / "s.png"), "--size", "big"],
        ["--bogus"],
        ["a.json", "--session", "b.json"],
    ):
        code, _out, err = run_main(argv, capsys)
        assert code == 2 and len(err.strip().splitlines()) == 1, argv


def test_no_display_prints_one_line_and_exits_1(monkeypatch, capsys):
    for key in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    code, _out, err = run_main([], capsys)
    assert code == 1
    lines = err.strip().splitlines()
    assert len(lines) == 1
    assert "no display" in lines[0]
    assert "--screenshot out.png" in lines[0] and " export ...'" in lines[0]


def _program(tmp_path, name="actplay"):
    program = tmp_path / "bin" / name
    program.parent.mkdir()
    program.write_text("#!/bin/sh\n")
    program.chmod(0o755)
    return program


def test_no_display_message_names_a_command_the_users_shell_finds(monkeypatch, tmp_path):
    program = _program(tmp_path)  # e.g. a bootstrap's .venv/bin/actplay, not on PATH
    monkeypatch.setattr(sys, "argv", [str(program)])
    monkeypatch.setenv("PATH", "/usr/bin:/bin")
    assert f"'{program} --screenshot out.png'" in cli.no_display_message()
    monkeypatch.setenv("PATH", f"{program.parent}:/usr/bin")  # installed: its name is enough
    assert "'actplay --screenshot out.png'" in cli.no_display_message()
    monkeypatch.setattr(sys, "argv", ["/x/actplay/__main__.py"])
    assert f"'{sys.executable} -m actplay export ...'" in cli.no_display_message()


def test_session_argument_forms():
    assert cli.parse_window_args(["a.json"]).session == "a.json"
    assert cli.parse_window_args(["--session", "a.json"]).session == "a.json"
    assert cli.parse_window_args([]).session is None
    with pytest.raises(cli.CliError):
        cli.parse_window_args(["a.json", "--session", "b.json"])


def test_export_subcommand_is_dispatched(capsys):
    code, _out, err = run_main(["export"], capsys)  # missing required options
    assert code == 2 and "actplay export" in err


def test_screenshot_renders_offscreen_without_a_display(tmp_path):
    model = Playground()
    model.set_linked(False)
    model.set_curve_activation("relu")
    session_path = tmp_path / "relu.json"
    session.save(model, session_path)
    out = tmp_path / "shot.png"
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "actplay",
            "--screenshot",
            str(out),
            "--size",
            "1280x800",
            "--session",
            str(session_path),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    from PySide6.QtGui import QImage

    image = QImage(str(out))
    assert (image.width(), image.height()) == (1280, 800)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["relu.json", "shot.png"]


def test_no_arguments_give_the_parsers_own_defaults():
    parsed = cli.build_parser().parse_args([])
    parsed.session = parsed.session or parsed.file
    assert vars(cli.parse_window_args([])) == vars(parsed)
    assert vars(cli.parse_window_args(())) == cli.NO_WINDOW_ARGUMENTS


def test_the_app_pins_blas_to_one_thread_before_numpy_loads():
    code = (
        "import os, sys\n"
        "for name in ('OPENBLAS_NUM_THREADS', 'OMP_NUM_THREADS', 'MKL_NUM_THREADS'):\n"
        "    os.environ.pop(name, None)\n"
        "from actplay.app import launch\n"
        "launch.main(['--version'])\n"
        "print('numpy' in sys.modules, os.environ['OPENBLAS_NUM_THREADS'])\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.endswith("_NUM_THREADS")}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split()[-2:] == ["False", "1"]


def test_screenshot_of_the_network_layout(tmp_path):
    from PySide6.QtGui import QImage

    out = tmp_path / "net.png"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "actplay",
            "--screenshot",
            str(out),
            "--size",
            "1280x800",
            "--layout",
            "network",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1280, 800)
    bad = subprocess.run(
        [sys.executable, "-m", "actplay", "--layout", "mosaic"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert bad.returncode == 2 and "--layout" in bad.stderr and len(bad.stderr.splitlines()) == 1


@pytest.mark.parametrize("subcommand", ["list", "export", "race", "import-torch"])
def test_every_subcommand_has_help(capsys, subcommand):
    code, out, err = run_main([subcommand, "--help"], capsys)
    assert code == 0 and err == ""
    assert out.startswith(f"usage: actplay {subcommand}")


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("shot.txt", ["--screenshot", "shot.txt"]),
        ("shot.svg", ["--screenshot", "SVG holds one plot"]),
        ("no-folder/shot.png", ["no-folder", "does not exist"]),
    ],
)
def test_screenshot_path_is_checked_before_any_window(capsys, tmp_path, monkeypatch, name, words):
    import actplay.ui.shell.main_window as main_window

    def no_window(*_args, **_kwargs):  # the check must come first
        raise AssertionError("a window was built")

    monkeypatch.setattr(main_window, "MainWindow", no_window)
    code, _out, err = run_main(["--screenshot", str(tmp_path / name)], capsys)
    assert code == 2 and len(err.strip().splitlines()) == 1
    for word in words:
        assert word in err
    assert ".part" not in err and list(tmp_path.iterdir()) == []


def test_screenshot_size_over_the_pixel_budget_is_refused_first(capsys, tmp_path):
    code, _out, err = run_main(
        ["--screenshot", str(tmp_path / "s.png"), "--size", "16384x16384"], capsys
    )
    assert code == 2 and "million" in err and len(err.strip().splitlines()) == 1


def test_a_session_that_is_a_fifo_is_refused_without_waiting(capsys, tmp_path):
    fifo = tmp_path / "pipe.actplay.json"
    os.mkfifo(fifo)
    code, _out, err = run_main(["--screenshot", str(tmp_path / "s.png"), str(fifo)], capsys)
    assert code == 2 and "not a regular file" in err


@pytest.mark.parametrize("value", ["0", "0.5", "5", "x", "nan", "-2", "inf"])
def test_a_bad_scale_is_one_line_and_exit_2(capsys, tmp_path, value):
    code, _out, err = run_main(["--screenshot", str(tmp_path / "s.png"), "--scale", value], capsys)
    assert code == 2 and len(err.strip().splitlines()) == 1
    assert "--scale" in err and repr(value) in err
    assert not (tmp_path / "s.png").exists()


def test_scale_without_a_screenshot_is_refused(capsys):
    code, _out, err = run_main(["--scale", "2"], capsys)
    assert code == 2 and "--scale only applies to --screenshot" in err


def test_screenshot_at_a_scale_has_that_many_more_pixels(tmp_path):
    from PySide6.QtGui import QImage

    out = tmp_path / "big.png"
    done = subprocess.run(
        [sys.executable, "-m", "actplay", "--screenshot", str(out)]
        + ["--size", "1024x640", "--scale", "1.5"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1536, 960)
