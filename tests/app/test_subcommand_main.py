"""The shell every subcommand's ``main`` shares (`cli.subcommand_main`): help, parse,
run, and bad input as one line on stderr with exit status 2, nothing written."""

from __future__ import annotations

import pytest

from actplay.app import cli
from actplay.app.export_cli import main as export_main
from actplay.app.import_cli import main as import_main
from actplay.app.race_cli import main as race_main
from actplay.app.train_cli import main as train_main


def _parser() -> cli.OneLineParser:
    parser = cli.OneLineParser(prog="actplay toy")
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--out", required=True)
    return parser


def _write_count(args) -> None:
    """Checks first, then writes: what every subcommand's ``run`` does."""
    if args.count < 0:
        raise cli.CliError(f"--count must be 0 or more, got {args.count}")
    with open(args.out, "w", encoding="utf-8") as file:
        file.write(str(args.count))


def _toy(argv, capsys, **options):
    code = cli.subcommand_main("actplay toy", argv, _parser, _write_count, **options)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_good_input_runs_and_exits_0(capsys, tmp_path):
    out = tmp_path / "count.txt"
    assert _toy(["--count", "3", "--out", str(out)], capsys) == (0, "", "")
    assert out.read_text() == "3"


@pytest.mark.parametrize(
    ("argv", "line"),
    [
        (["--count", "-1"], "actplay toy: error: --count must be 0 or more, got -1\n"),
        (["--count", "many"], "actplay toy: error: argument --count: invalid int value: 'many'\n"),
        (["--count", "1", "--colour", "red"], "actplay toy: error: unrecognized arguments: "),
    ],
)
def test_bad_input_is_one_line_naming_it_exit_2_and_no_file(capsys, tmp_path, argv, line):
    out = tmp_path / "count.txt"
    code, printed, err = _toy([*argv, "--out", str(out)], capsys)
    assert (code, printed) == (cli.EXIT_BAD_INPUT, "")
    assert err.startswith(line) and err.count("\n") == 1
    assert not out.exists()


def test_a_failed_write_names_the_target(capsys, tmp_path):
    out = tmp_path / "no-such-folder" / "count.txt"
    code, _, err = _toy(["--count", "1", f"--out={out}"], capsys)
    assert code == cli.EXIT_BAD_INPUT and err.count("\n") == 1
    assert err.startswith(f"actplay toy: error: cannot write {out}: ")


def test_errors_outside_refused_are_not_hidden(capsys, tmp_path):
    def broken(_args):
        raise ValueError("a bug, not bad input")

    with pytest.raises(ValueError, match="a bug"):
        cli.subcommand_main("actplay toy", ["--count", "1", "--out", "x"], _parser, broken)
    code = cli.subcommand_main(
        "actplay toy", ["--count", "1", "--out", "x"], _parser, broken, refused=ValueError
    )
    assert code == cli.EXIT_BAD_INPUT and "a bug, not bad input" in capsys.readouterr().err


def test_help_anywhere_prints_the_help_and_runs_nothing(capsys):
    assert _toy(["--count", "-1", "--help"], capsys)[:2] == (0, _parser().format_help())


@pytest.mark.parametrize(
    ("main", "argv", "named"),
    [
        (export_main, ["--activation", "nosuch"], "unknown activation 'nosuch'"),
        (race_main, ["--hidden", "six"], "--hidden must look like"),
        (train_main, ["--epochs", "-1"], "--epochs must be within"),
        # the --compare syntax of a layer is checked by export's rules: still one line
        (import_main, ["weights.pt", "--activation", "nosuch"], "unknown activation 'nosuch'"),
    ],
)
def test_every_subcommand_refuses_bad_input_in_one_line(capsys, tmp_path, main, argv, named):
    out = tmp_path / "never.actplay.json"
    code = main([*argv, "--out", str(out)])
    err = capsys.readouterr().err
    assert code == cli.EXIT_BAD_INPUT and err.count("\n") == 1 and named in err
    assert "Traceback" not in err and not out.exists()
