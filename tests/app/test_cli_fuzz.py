"""Fuzzing the command line with bad session files: exit 2, one stderr line, nothing written.

Both ways a session reaches the command line are driven: ``actplay FILE`` (the
window; the file is read before any window or display is needed) and
``actplay export --session FILE --out x.csv``. In-process runs cover every
kind of bad file and random bytes/JSON; real subprocesses (with a timeout, so
a hang fails instead of stalling) prove no traceback reaches the user.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from actplay.app import export_cli
from actplay.app import launch as app

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "model"))
from session_cases import make_cases  # noqa: E402

SUBPROCESS_TIMEOUT = 60  # s: generous for a cold start on a slow machine
EXIT_BAD_INPUT = 2


@pytest.fixture(scope="module")
def cases(tmp_path_factory):
    return make_cases(tmp_path_factory.mktemp("bad-sessions"))


def commands(session_path: Path, out: Path) -> dict[str, list[str]]:
    return {
        "window": [str(session_path)],
        "export": ["export", "--session", str(session_path), "--out", str(out)],
    }


def run_in_process(capsys, argv) -> tuple[int, str, str]:
    code = app.main(argv) if argv[0] != "export" else export_cli.main(argv[1:])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def assert_one_line_exit_2(code, out, err, name):
    assert code == EXIT_BAD_INPUT
    assert out == ""
    lines = err.strip("\n").split("\n")
    assert len(lines) == 1, err
    assert "Traceback" not in err and name in err


@pytest.mark.parametrize(
    "kind",
    [
        "random_bytes",
        "not_utf8",
        "empty",
        "truncated",
        "wrong_shape_list",
        "deep_lists",
        "deep_objects",
        "deep_in_a_section",
        "huge_float",
        "huge_int",
        "over_limit_number",
        "nan_token",
        "infinity_token",
        "unknown_activation",
        "bad_layer_sizes",
        "just_over_limit",
        "largest_allowed",
        "largest_allowed_numbers",
    ],
)
@pytest.mark.parametrize("command", ["window", "export"])
def test_bad_session_exits_2_with_one_line_and_writes_nothing(
    cases, tmp_path, capsys, kind, command
):
    out = tmp_path / "x.csv"
    code, stdout, stderr = run_in_process(capsys, commands(cases[kind], out)[command])
    assert_one_line_exit_2(code, stdout, stderr, cases[kind].name)
    assert os.listdir(tmp_path) == []


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    st.one_of(
        st.binary(max_size=512),
        st.recursive(
            st.none() | st.booleans() | st.floats() | st.text(max_size=5),
            lambda c: st.lists(c, max_size=3) | st.dictionaries(st.text(max_size=4), c, max_size=3),
            max_leaves=12,
        ).map(lambda v: json.dumps(v).encode()),
    ),
    st.sampled_from(["window", "export"]),
)
def test_random_files_exit_2_in_process(tmp_path_factory, capsys, data, command):
    folder = tmp_path_factory.mktemp("fuzz")
    session_path = folder / "fuzz.json"
    session_path.write_bytes(data)
    out = folder / "x.csv"
    code, stdout, stderr = run_in_process(capsys, commands(session_path, out)[command])
    assert_one_line_exit_2(code, stdout, stderr, "fuzz.json")
    assert os.listdir(folder) == ["fuzz.json"]


@pytest.mark.parametrize("kind", ["random_bytes", "deep_lists", "nan_token", "just_over_limit"])
@pytest.mark.parametrize("command", ["window", "export"])
def test_real_command_prints_one_line_and_no_traceback(cases, tmp_path, kind, command):
    out = tmp_path / "x.csv"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-m", "actplay", *commands(cases[kind], out)[command]],
        capture_output=True,
        text=True,
        timeout=SUBPROCESS_TIMEOUT,
        env=env,
        cwd=tmp_path,
        check=False,
    )
    assert_one_line_exit_2(done.returncode, done.stdout, done.stderr, cases[kind].name)
    assert os.listdir(tmp_path) == []
