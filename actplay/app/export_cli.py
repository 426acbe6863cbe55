"""``actplay export ...``: a plot, its data or the network, written without a window.

Two forms (the format comes from ``--format``, else from the extension of ``--out``:
.png .jpg .bmp .svg .pdf .csv .json; ``--out -`` writes to standard output)::

    actplay export --activation NAME [--param KEY=VALUE ...] [--derivative]
                   [--second-derivative] [--compare NAME[:KEY=VALUE,...] ...]
                   [--range LO HI] [--points N] [--size WxH | --scale S]
                   [--format FORMAT] --out PATH
    actplay export --session FILE [--pane curve|neuron|network|heatmaps|window]
                   [--size WxH | --scale S] [--format FORMAT] --out PATH

``--format torch`` and ``--format numpy`` write the session's network as a Python
script (``build_model()`` returning an ``nn.Sequential``, or ``forward(x)``).

Pictures are drawn by the same widgets the window shows, offscreen, so no
display is needed. A pane's picture is its plot (axes, legend) without the
controls around it, ``--size`` pixels; ``window`` is the whole window. Bad
input exits with status 2 and one line on stderr naming the problem; every
check runs before anything is drawn, and files are written through a
temporary file and a rename, so a failed export leaves ``--out`` as it was.
"""

from __future__ import annotations

import argparse

from actplay.app.cli import CliError, OneLineParser, subcommand_main
from actplay.app.cli import one_line as _one_line
from actplay.app.cli_output import (
    add_output_options,
    add_picture_options,
    output_format,
    picture_size,
    write_output,
)
from actplay.app.export_sources import playground_from_args, playground_from_session
from actplay.app.offscreen_panes import DEFAULT_PANE_SIZES, PANES, pane_widget
from actplay.ui.export.formats import FORMATS, IMAGE_FORMATS

PROG = "actplay export"
#: Formats that write the session's network as a Python script.
SCRIPT_FORMATS = ("torch", "numpy")
#: Every value ``--format`` takes.
FORMAT_NAMES = tuple(dict.fromkeys(FORMATS.values())) + SCRIPT_FORMATS


class ExportInputError(CliError):
    """Bad ``actplay export`` input; the message is the one line the user sees."""


def build_parser() -> argparse.ArgumentParser:
    """The ``actplay export`` argument parser (raises `CliError` on bad input)."""
    parser = OneLineParser(
        prog=PROG,
        description="Export a plot (PNG, SVG) or its data (CSV, JSON) without opening a window.",
    )
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--activation", metavar="NAME", help="main function of the curve")
    source.add_argument("--session", metavar="FILE", help="session file to draw")
    parser.add_argument(
        "--param",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="parameter of the main function (repeatable)",
    )
    parser.add_argument("--derivative", action="store_true", help="also plot f'")
    parser.add_argument("--second-derivative", action="store_true", help="also plot f''")
    parser.add_argument(
        "--compare",
        action="append",
        default=[],
        metavar="NAME[:KEY=VALUE,...]",
        help="comparison curve (repeatable)",
    )
    parser.add_argument(
        "--range", nargs=2, type=float, metavar=("LO", "HI"), help="x range (default -6 6)"
    )
    parser.add_argument("--points", type=int, metavar="N", help="samples per curve (default 1001)")
    parser.add_argument(
        "--pane",
        choices=PANES,
        default="curve",
        help="which part of the window to draw (default curve)",
    )
    add_picture_options(parser)
    add_output_options(parser, FORMAT_NAMES)
    return parser


def check_arguments(args) -> str:
    """Checks that need no model: option combinations, output path, size. Returns the format."""
    if args.session is not None:
        curve_only = {
            "--param": args.param,
            "--compare": args.compare,
            "--range": args.range,
            "--points": args.points,
            "--derivative": args.derivative,
            "--second-derivative": args.second_derivative,
        }
        used = [option for option, value in curve_only.items() if value not in (None, [], False)]
        if used:
            raise ExportInputError(f"{used[0]} needs --activation, not --session")
    if args.format in SCRIPT_FORMATS and args.session is None:
        raise ExportInputError(f"--format {args.format} writes a session's network: give --session")
    export_format = output_format(args)
    if export_format in IMAGE_FORMATS or args.size is not None or args.scale is not None:
        args.size = picture_size(args, export_format, DEFAULT_PANE_SIZES[args.pane])
    return export_format


def run_export(args) -> None:
    """Check everything, then draw or collect and write ``args.out``."""
    export_format = check_arguments(args)
    if args.session is not None:
        model = playground_from_session(args.session)
    else:
        model = playground_from_args(args)

    from actplay.ui.export import formats as export_formats

    if export_format == "csv":
        write_output(args, export_formats.curve_csv_text(model.curve_data()).encode("utf-8"))
    elif export_format == "json":
        write_output(args, export_formats.export_json_text(model).encode("utf-8"))
    elif export_format in SCRIPT_FORMATS:
        from actplay.model import network_script

        write_output(args, network_script.script_text(model, export_format).encode("utf-8"))
    else:
        assert export_format in IMAGE_FORMATS
        from actplay.ui.export.offscreen import offscreen_application, offscreen_picture

        offscreen_application(PROG)
        # A bare function (--activation) has no neuron to mark on it; a session has one.
        widget = pane_widget(model, args.pane, show_neuron=args.session is not None)
        try:
            data = offscreen_picture(widget, export_format, args.size, args.scale or 1.0)
        except ValueError as error:  # e.g. SVG of the whole window
            raise ExportInputError(f"--pane {args.pane}: {_one_line(error)}") from None
        write_output(args, data)


def main(argv=None) -> int:
    """Run ``actplay export`` with ``argv`` (the words after ``export``).

    Returns
    -------
    int
        0 on success, 2 for bad input (after one line on stderr).
    """
    return subcommand_main(PROG, argv, build_parser, run_export)
