"""Command-line parsing for ``actplay``.

Forms::

    actplay [FILE.json] [--session FILE.json]        open the window
    actplay --lesson FILE.lesson.toml                open the window at a lesson
    actplay --screenshot PATH [--size WxH] [--scale S] [--session FILE]
                                                     render the window to a PNG, no display needed
    actplay list                                     activation names and titles
    actplay export ...                               headless export (actplay.app.export_cli)
    actplay race ...                                 headless activation race (actplay.app.race_cli)
    actplay import-torch WEIGHTS.pt ...              a PyTorch state_dict as a session
    actplay train ...                                train without a window (actplay.app.train_cli)
    actplay --version

Output into a closed pipe (``actplay list | head -3``) ends quietly with
status 141, what a shell reports for any tool that SIGPIPE cut off (128 + 13),
so ``set -o pipefail`` scripts see the same as with ``seq``; no traceback.

Subcommands are plain first words, dispatched before the window's own
options are parsed, so ``actplay list`` never collides with a session file
called ``list`` (write ``./list`` for that).
"""

from __future__ import annotations

import argparse
import functools
import importlib
import importlib.util
import math
import os
import shlex
import shutil
import sys

from actplay import __version__

PROG = "actplay"
DEFAULT_SCREENSHOT_SIZE = "1400x900"
MIN_SCALE, MAX_SCALE = 1.0, 4.0  # --scale: 100 % to 400 % screens
EXIT_OK = 0
EXIT_NO_DISPLAY = 1
EXIT_BAD_INPUT = 2
EXIT_CLOSED_PIPE = 141  # 128 + SIGPIPE: a shell's status for a tool cut off by `| head`

# First words that name a subcommand -> module whose main(argv) runs it. A
# subcommand whose module is not installed is reported, not crashed on.
SUBCOMMANDS = {
    "list": "actplay.app.cli",
    "export": "actplay.app.export_cli",
    "race": "actplay.app.race_cli",
    "import-torch": "actplay.app.import_cli",
    "train": "actplay.app.train_cli",
}
# Subcommands that draw offscreen and so never need a display.
OFFSCREEN_SUBCOMMANDS = ("export", "race", "train")


def quiet_on_closed_stdout(main):
    """Wrap an entry point so output into a closed pipe ends with `EXIT_CLOSED_PIPE`, silently.

    Standard output is flushed inside the wrapper (a pipe buffers it, so the
    failing write often happens only at the flush), then pointed at the null
    device, so Python's own flush at exit has nowhere to fail.
    """

    @functools.wraps(main)
    def run(*args, **kwargs):
        try:
            status = main(*args, **kwargs)
            sys.stdout.flush()
            return status
        except BrokenPipeError:
            try:
                null = os.open(os.devnull, os.O_WRONLY)
                os.dup2(null, sys.stdout.fileno())
                os.close(null)
            except (OSError, ValueError):  # stdout without a file descriptor (tests)
                pass
            return EXIT_CLOSED_PIPE

    return run


class CliError(ValueError):
    """Bad command-line input; the message is the one line the user sees."""


class OneLineParser(argparse.ArgumentParser):
    """An argument parser that raises `error_class` instead of printing usage and exiting."""

    error_class = CliError

    def error(self, message):
        raise self.error_class(message)


def one_line(error: BaseException) -> str:
    """An exception's message on one line (our errors promise exactly one)."""
    return " ".join(str(error).split()) or type(error).__name__


def out_option(argv, default: str) -> str:
    """The ``--out`` value in raw arguments (``--out X`` or ``--out=X``), else ``default``.

    For an error message about writing, when the arguments may not have parsed.
    """
    for index, word in enumerate(argv):
        if word == "--out" and index + 1 < len(argv):
            return argv[index + 1]
        if word.startswith("--out="):
            return word.partition("=")[2]
    return default


def subcommand_main(prog: str, argv, build_parser, run, refused=CliError, output="the output"):
    """What every subcommand's ``main(argv)`` does around its own work.

    ``-h`` or ``--help`` anywhere prints the help; otherwise the words are
    parsed and ``run(args)`` does the work. Bad input (``refused``) and an
    `OSError` (a folder we may not write to, a full disk) each end in one
    line on stderr, ``PROG: error: ...``, and `EXIT_BAD_INPUT`; ``run`` checks
    everything before it writes, so nothing is half-written.

    Parameters
    ----------
    prog : str
        The command as the user typed it, e.g. ``"actplay export"``.
    argv : list of str or None
        The words after the subcommand's name (None: ``sys.argv[1:]``).
    build_parser : callable
        Returns the subcommand's `OneLineParser`.
    run : callable
        Takes the parsed arguments; raises ``refused`` for bad input.
    refused : exception type or tuple of them
        What counts as bad input; `CliError` unless the subcommand also lets
        the model's own `ValueError` through to the user.
    output : str
        What the error of a failed write calls the target when ``--out`` is not given.

    Returns
    -------
    int
        `EXIT_OK`, or `EXIT_BAD_INPUT` after the one line.
    """
    argv = list(sys.argv[1:] if argv is None else argv)
    if any(word in ("-h", "--help") for word in argv):
        build_parser().print_help()
        return EXIT_OK
    try:
        run(build_parser().parse_args(argv))
    except refused as error:
        print(f"{prog}: error: {one_line(error)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as error:
        target = out_option(argv, output)
        print(f"{prog}: error: cannot write {target}: {one_line(error)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    """The parser of the window's options (not the subcommands)."""
    parser = OneLineParser(
        prog=PROG,
        description="A playground for activation functions, single neurons and small networks.",
        epilog="Subcommands: 'actplay list' prints the activation functions; "
        "'actplay export --help' shows headless export; 'actplay race --help' races "
        "activations; 'actplay import-torch --help' reads a PyTorch state_dict; "
        "'actplay train --help' trains without a window.",
    )
    parser.add_argument("file", nargs="?", metavar="FILE.json", help="session file to open")
    parser.add_argument("--session", metavar="FILE", help="session file to open")
    parser.add_argument(
        "--lesson", metavar="FILE", help="open a lesson file (*.lesson.toml) in the lessons panel"
    )
    parser.add_argument(
        "--screenshot", metavar="PATH", help="render the window offscreen to a PNG and exit"
    )
    parser.add_argument(
        "--size",
        metavar="WxH",
        default=None,
        help=f"window size for --screenshot (default {DEFAULT_SCREENSHOT_SIZE})",
    )
    parser.add_argument(
        "--scale",
        metavar="S",
        default=None,
        help=f"--screenshot as on a screen at S x 100 %% ({MIN_SCALE:g} to {MAX_SCALE:g}): "
        "a WxH window drawn in (W*S)x(H*S) pixels",
    )
    parser.add_argument(
        "--layout",
        choices=("curve", "network"),
        default=None,
        help="start in the curve layout or the network layout (the canvas in the centre)",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    return parser


NO_WINDOW_ARGUMENTS = {
    "file": None,
    "session": None,
    "lesson": None,
    "screenshot": None,
    "size": None,
    "scale": None,
    "layout": None,
}


def parse_window_args(argv) -> argparse.Namespace:
    """Parse the window's options; ``args.session`` is the session path or None.

    Raises
    ------
    CliError
        For unknown options, two different session files, or ``--size`` without
        ``--screenshot``.
    """
    argv = list(argv)
    if not argv:  # a plain start: the parser's defaults, without building it (start-up)
        return argparse.Namespace(**NO_WINDOW_ARGUMENTS)
    args = build_parser().parse_args(argv)
    if args.file and args.session and args.file != args.session:
        raise CliError("give the session file once (as FILE.json or --session FILE)")
    args.session = args.session or args.file
    if args.size is not None and args.screenshot is None:
        raise CliError("--size only applies to --screenshot")
    if args.scale is not None and args.screenshot is None:
        raise CliError("--scale only applies to --screenshot")
    if args.scale is not None:
        args.scale = parse_scale(args.scale)
    return args


def parse_scale(text: str) -> float:
    """``--scale``'s value as a number from `MIN_SCALE` to `MAX_SCALE`.

    Raises
    ------
    CliError
        For anything else, naming the option and the value.
    """
    try:
        scale = float(text)
    except ValueError:
        scale = math.nan
    if not MIN_SCALE <= scale <= MAX_SCALE:
        raise CliError(
            f"--scale: give a number from {MIN_SCALE:g} to {MAX_SCALE:g} "
            f"(2 = a 200 % screen), got {text!r}"
        )
    return scale


def subcommand_of(argv) -> str | None:
    """The subcommand named by the first word of ``argv``, or None."""
    return argv[0] if argv and argv[0] in SUBCOMMANDS else None


def run_subcommand(name: str, argv) -> int:
    """Run subcommand ``name`` with the words after it; returns its exit status."""
    if name in OFFSCREEN_SUBCOMMANDS:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before any QApplication exists
    module_name = SUBCOMMANDS[name]
    if module_name == __name__:
        return list_main(argv)
    if importlib.util.find_spec(module_name) is None:
        print(f"{PROG}: '{name}' is not available in this build", file=sys.stderr)
        return EXIT_BAD_INPUT
    return int(importlib.import_module(module_name).main(list(argv)) or 0)


LIST_HELP = (
    "Print every activation function: its name (what --activation, --compare and\n"
    "session files take) and its title, grouped as in the window's picker."
)


def list_main(argv) -> int:
    """``actplay list``: one line per activation, ``name  title``, grouped by group."""
    if list(argv) in (["-h"], ["--help"]):
        print(f"usage: {PROG} list [-h]\n\n{LIST_HELP}")
        return EXIT_OK
    if argv:
        print(f"{PROG} list: takes no arguments, got {' '.join(argv)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    from actplay.core import activations

    names = activations.names()
    width = max(len(name) for name in names)
    for group in activations.groups():
        print(f"# {group}")
        for name in names:
            activation = activations.get(name)
            if activation.group == group:
                print(f"{name:<{width}}  {activation.title}")
    return EXIT_OK


def has_display() -> bool:
    """Whether a window can be shown: always off Linux; on Linux a display or a platform."""
    if not sys.platform.startswith("linux"):
        return True
    return any(os.environ.get(key) for key in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def user_command() -> str:
    """How the user runs this program from their own shell, for messages that suggest a command.

    ``actplay`` when that name on ``PATH`` is this program; otherwise its absolute path
    (a ``scripts/bootstrap`` venv is not on ``PATH``, a frozen app lives in its folder),
    or ``python -m actplay`` when started that way.
    """
    program = sys.argv[0] if sys.argv else ""
    if not program or os.path.basename(program) in ("__main__.py", "-c", "-m"):
        return f"{shlex.quote(sys.executable)} -m {PROG}"
    on_path = shutil.which(PROG)
    if on_path and os.path.realpath(on_path) == os.path.realpath(program):
        return PROG
    return shlex.quote(os.path.abspath(program))


def no_display_message() -> str:
    """The one line printed when the window cannot open, with commands that work headless."""
    command = user_command()
    return (
        f"{PROG}: no display found (DISPLAY and WAYLAND_DISPLAY are unset); to draw without one, "
        f"use '{command} --screenshot out.png' or '{command} export ...'"
    )
