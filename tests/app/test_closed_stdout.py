"""Output into a pipe that is already closed (``actplay list | head -3``).

The reader of the pipe is gone before ``actplay`` writes, so every write
fails with EPIPE, deterministically. The command must end quietly with the
status a shell reports for a tool cut off by SIGPIPE (128 + 13), no traceback.
"""

import os
import subprocess
import sys

import pytest

from actplay.app import cli


def _run_into_closed_pipe(argv):
    reader, writer = os.pipe()
    os.close(reader)  # like `head` that has read its lines and left
    try:
        result = subprocess.run(
            [sys.executable, "-m", "actplay", *argv],
            stdout=writer,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
            env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        )
    finally:
        os.close(writer)
    return result


def test_closed_stdout_ends_quietly_with_status_141():
    result = _run_into_closed_pipe(["list"])
    assert result.stderr == ""
    assert result.returncode == cli.EXIT_CLOSED_PIPE == 141


@pytest.mark.parametrize("argv", [["export", "--help"], ["--help"], ["--version"]])
def test_help_into_a_closed_pipe_ends_quietly(argv):
    # argparse drops failed writes of its own messages; whichever way, no traceback.
    result = _run_into_closed_pipe(argv)
    assert result.stderr == ""
    assert result.returncode in (0, cli.EXIT_CLOSED_PIPE)


def test_open_stdout_still_gets_everything():
    result = subprocess.run(
        [sys.executable, "-m", "actplay", "list"], capture_output=True, text=True, timeout=120
    )
    assert (result.returncode, result.stderr) == (0, "")
    assert "relu" in result.stdout.split()
