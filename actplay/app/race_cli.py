"""``actplay race ...``: run an activation race without a window and write what it showed.

::

    actplay race --data spiral --hidden 6x8 --activations sigmoid,tanh,relu,gelu \\
                 --epochs 500 --seeds 5 --out race.csv

The race starts from the default settings, a ``--preset`` or the race of a
``--session``; every other option changes one setting. The format comes from
``--format`` or the extension of ``--out`` (``--out -`` writes to standard
output): ``csv`` (every lane's curves), ``json`` (a session holding the race and
its results, plus the full data), or a picture, ``png`` ``jpg`` ``bmp`` ``svg``
``pdf``: the race window's figure (question, curves, gradient flow, decision
maps), drawn offscreen. The results table is printed on
standard output. Bad input exits with status 2 and one line on stderr; every
check runs before the race trains, and the file is written through a temporary
file and a rename, so a failed run leaves ``--out`` as it was.
"""

from __future__ import annotations

import argparse
import os
import sys

from actplay.app.cli import CliError, OneLineParser, subcommand_main
from actplay.app.cli import one_line as _one_line

PROG = "actplay race"
RACE_FORMATS = ("csv", "json", "png", "jpg", "bmp", "svg", "pdf")


class RaceInputError(CliError):
    """Bad ``actplay race`` input; the message is the one line the user sees."""


def build_parser() -> argparse.ArgumentParser:
    """The ``actplay race`` argument parser (raises `CliError` on bad input)."""
    from actplay.app.cli_output import add_output_options, add_picture_options
    from actplay.model import race_presets

    parser = OneLineParser(
        prog=PROG,
        description="Train one network with several activations side by side, from the "
        "same weights and batches, and write the curves (CSV, JSON) or a picture (PNG, SVG).",
    )
    start = parser.add_mutually_exclusive_group()
    start.add_argument("--preset", choices=race_presets.names(), help="start from a preset")
    start.add_argument("--session", metavar="FILE", help="start from the race of a session")
    data = parser.add_argument_group("data")
    data.add_argument("--data", metavar="SOURCE", help="gaussian, circle, xor, spiral, regression")
    data.add_argument("--points", type=int, metavar="N", help="points in the data set")
    data.add_argument("--noise", type=float, metavar="X", help="noise, 0..1")
    data.add_argument("--test-fraction", type=float, metavar="X", help="held-out share, 0..0.9")
    data.add_argument("--data-seed", type=int, metavar="N", help="seed of the points")
    data.add_argument("--features", metavar="LIST", help="input features, e.g. x1,x2,x1*x2")
    net = parser.add_argument_group("contestants and network")
    net.add_argument("--hidden", metavar="SIZES", help="hidden layers: 6x8 or 8,8,4")
    net.add_argument(
        "--activations",
        metavar="LIST",
        help="contestants, one activation each: sigmoid,tanh,leaky_relu:negative_slope=0.2",
    )
    net.add_argument(
        "--contestant",
        action="append",
        default=[],
        metavar="SPEC",
        help="one contestant (repeatable): NAME[:KEY=VALUE,...], or one per hidden layer "
        "joined by '/': tanh/tanh/relu",
    )
    train = parser.add_argument_group("training (shared by every contestant)")
    train.add_argument("--loss", metavar="LOSS", help="bce, cross_entropy or mse")
    train.add_argument("--optimizer", metavar="NAME", help="adam or sgd")
    train.add_argument("--learning-rate", type=float, metavar="X")
    train.add_argument("--batch", type=int, metavar="N", help="batch size")
    train.add_argument("--l2", type=float, metavar="X")
    train.add_argument("--init", metavar="SCHEME", help="zeros, normal, xavier or he")
    train.add_argument("--bias-init", type=float, metavar="X", help="every hidden bias's start")
    train.add_argument("--seed", type=int, metavar="N", help="first seed (weights, batch order)")
    train.add_argument("--seeds", type=int, metavar="N", help="repeats over seeds, 1..20")
    train.add_argument("--epochs", type=int, metavar="N")
    train.add_argument(
        "--target", metavar="METRIC=VALUE", help="e.g. test_accuracy=0.95 or test_loss=0.1"
    )
    out = parser.add_argument_group("output")
    add_picture_options(out)
    out.add_argument(
        "--kind",
        choices=("loss", "accuracy"),
        default="loss",
        help="what a picture's curves show (default loss)",
    )
    out.add_argument("--log", action="store_true", help="losses on a log axis in a picture")
    out.add_argument("--quiet", action="store_true", help="print no table")
    add_output_options(out, RACE_FORMATS)
    return parser


def parse_function(text: str, option: str) -> list:
    """``"elu:alpha=0.5"`` -> ``["elu", {"alpha": 0.5}]`` (names are checked by the model)."""
    from actplay.app.export_sources import parse_assignment

    name, _, rest = text.partition(":")
    parts = (part for part in rest.split(",") if part.strip())
    params = dict(parse_assignment(part, f"{option} {name}") for part in parts)
    if not name.strip():
        raise RaceInputError(f"{option}: an activation name is missing in {text!r}")
    return [name.strip(), params]


def parse_activations(text: str) -> list[dict]:
    """``"sigmoid,leaky_relu:negative_slope=0.2,relu"`` -> contestant entries.

    A comma-separated part holding ``=`` but no ``:`` continues the parameters of
    the contestant before it, so ``softplus:beta=2,threshold=10,relu`` is two.
    """
    specs: list[str] = []
    for part in (p.strip() for p in text.split(",")):
        if not part:
            raise RaceInputError(f"--activations has an empty entry in {text!r}")
        if "=" in part and ":" not in part and specs:
            specs[-1] += "," + part
        else:
            specs.append(part)
    entries = []
    for spec in specs:
        name, params = parse_function(spec, "--activations")
        entries.append({"activation": name, "params": params})
    return entries


def parse_contestant(text: str) -> dict:
    """One ``--contestant``: a function, or one per hidden layer joined by ``/``."""
    layers = [parse_function(part, "--contestant") for part in text.split("/")]
    if len(layers) == 1:
        return {"activation": layers[0][0], "params": layers[0][1]}
    return {"layers": layers}


def parse_hidden(text: str) -> list[int]:
    """``"6x8"`` -> ``[8] * 6``; ``"8,8,4"`` -> ``[8, 8, 4]``."""
    try:
        if "x" in text.lower():
            count, size = text.lower().split("x")
            return [int(size)] * int(count)
        return [int(part) for part in text.split(",")]
    except ValueError:
        raise RaceInputError(f"--hidden must look like 6x8 or 8,8,4, got {text!r}") from None


def parse_target(text: str) -> dict:
    """``"test_accuracy=0.95"`` -> ``{"metric": "test_accuracy", "value": 0.95}``."""
    metric, sep, value = text.partition("=")
    try:
        number = float(value)
    except ValueError:
        number = None
    if not sep or number is None:
        raise RaceInputError(f"--target must look like test_accuracy=0.95, got {text!r}")
    return {"metric": metric.strip(), "value": number}


def setting_changes(args) -> dict:
    """The race settings the options change (checked by the model, not here)."""
    changes: dict = {}
    dataset = {
        key: value
        for key, value in (
            ("source", args.data),
            ("points", args.points),
            ("noise", args.noise),
            ("test_fraction", args.test_fraction),
            ("seed", args.data_seed),
        )
        if value is not None
    }
    if args.features is not None:
        dataset["features"] = [f.strip() for f in args.features.split(",") if f.strip()]
    if dataset:
        changes["dataset"] = dataset
    if args.hidden is not None:
        changes["hidden"] = parse_hidden(args.hidden)
    contestants = parse_activations(args.activations) if args.activations else []
    contestants += [parse_contestant(text) for text in args.contestant]
    if contestants:
        changes["contestants"] = contestants
    for option, key in (
        ("loss", "loss"),
        ("optimizer", "optimizer"),
        ("learning_rate", "learning_rate"),
        ("batch", "batch_size"),
        ("l2", "l2"),
        ("init", "init"),
        ("bias_init", "bias_init"),
        ("seed", "seed"),
        ("seeds", "repeats"),
        ("epochs", "epochs"),
    ):
        value = getattr(args, option)
        if value is not None:
            changes[key] = value
    if args.target is not None:
        changes["target"] = parse_target(args.target)
    return changes


def playground_for(args):
    """A Playground whose race is what the arguments ask for (every value checked)."""
    from actplay.model import session
    from actplay.model.errors import InvalidValue
    from actplay.model.playground import Playground

    if args.session is not None:
        if not os.path.isfile(args.session):
            raise RaceInputError(f"session file not found: {args.session}")
        try:
            playground = session.load(args.session)
        except (OSError, InvalidValue) as error:
            raise RaceInputError(
                f"cannot read session {args.session}: {_one_line(error)}"
            ) from None
        playground.race.reset()  # its saved results are not this run's
    else:
        playground = Playground()
    try:
        if args.preset is not None:
            playground.race.apply_preset(args.preset)
        changes = setting_changes(args)
        if "dataset" in changes:
            changes["dataset"] = {**playground.race.settings["dataset"], **changes["dataset"]}
        playground.race.set(**changes)
    except InvalidValue as error:
        raise RaceInputError(_one_line(error)) from None
    return playground


def check_output(args) -> str:
    """The format to write (``--format``, else the extension of ``--out``), after checking
    that ``--out`` can be written and the picture options fit."""
    from actplay.app.cli_output import output_format, picture_size

    export_format = output_format(args)  # the same rules as actplay export
    if export_format not in RACE_FORMATS:
        raise RaceInputError(f"a race is written as {', '.join(RACE_FORMATS)}, not {export_format}")
    picture = export_format not in ("csv", "json")
    if not picture and (args.size or args.scale or args.log or args.kind != "loss"):
        raise RaceInputError(
            f"--size, --scale, --kind and --log apply to pictures, not .{export_format}"
        )
    if picture:
        from actplay.ui.race.figure import FIGURE_SIZE

        args.size = picture_size(args, export_format, FIGURE_SIZE)
    return export_format


def race_bytes(playground, export_format: str, args) -> bytes:
    """What ``--out`` receives: the race's data, or its figure drawn offscreen."""
    from actplay.model import race_export

    if export_format == "csv":
        return race_export.race_csv_text(playground.race.record()).encode("utf-8")
    if export_format == "json":
        return race_export.race_json_text(playground).encode("utf-8")
    from actplay.ui.export.offscreen import offscreen_application
    from actplay.ui.race.figure import figure_bytes

    offscreen_application()
    return figure_bytes(
        playground, export_format, args.size, args.scale or 1.0, args.kind, args.log
    )


def _progress(epoch: int, total: int) -> None:
    print(f"\r{PROG}: epoch {epoch}/{total}", end="", file=sys.stderr, flush=True)


def run_race(args) -> None:
    """Check everything, train the race, write ``--out``, print the table."""
    from actplay.app.cli_output import STANDARD_OUTPUT, write_output

    export_format = check_output(args)
    playground = playground_for(args)
    race = playground.race
    show_progress = not args.quiet and sys.stderr.isatty()
    race.run(progress=_progress if show_progress else None)
    if show_progress:
        print(file=sys.stderr)
    write_output(args, race_bytes(playground, export_format, args))
    if not args.quiet:
        from actplay.ui.race.table_text import table_lines

        settings = race.settings
        lines = table_lines(race.table(), settings["target"], settings["epochs"])
        # The data went to standard output: the table goes beside it, not into it.
        stream = sys.stderr if args.out == STANDARD_OUTPUT else sys.stdout
        print("\n".join(lines), file=stream)


def main(argv=None) -> int:
    """Run ``actplay race`` with ``argv`` (the words after ``race``); 0, or 2 for bad input."""
    # CliError covers ours and the output checks shared with actplay export.
    return subcommand_main(PROG, argv, build_parser, run_race)
