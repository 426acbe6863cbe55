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
import importlib
import os
import sys

from actplay.app.cli import CliError, OneLineParser, subcommand_main
from actplay.app.cli import one_line as _one_line
from actplay.ui.export import sizes
from actplay.ui.export.formats import FORMATS, IMAGE_FORMATS, check_target, format_for_path

PROG = "actplay export"
PANES = ("curve", "neuron", "network", "heatmaps", "window")
#: Formats that write the session's network as a Python script.
SCRIPT_FORMATS = ("torch", "numpy")
#: Every value ``--format`` takes.
FORMAT_NAMES = tuple(dict.fromkeys(FORMATS.values())) + SCRIPT_FORMATS
#: ``--out`` value meaning standard output.
STANDARD_OUTPUT = "-"
#: Qt's QWIDGETSIZE_MAX: no maximum size.
MAX_WIDGET_SIZE = 16777215
#: Largest device-pixel scale; 8x a window is already a poster.
MAX_SCALE = 8.0
#: The window's own widget class drawing each pane (module, class).
PANE_CLASSES = {
    "curve": ("actplay.ui.curve.pane", "CurvePane"),
    "neuron": ("actplay.ui.neuron.panel", "NeuronPanel"),
    "network": ("actplay.ui.network.panel", "NetworkPanel"),
    "heatmaps": ("actplay.ui.network.panel", "NetworkPanel"),
}
#: Logical size of each pane's plot when ``--size`` is not given (``--scale`` multiplies it).
DEFAULT_PANE_SIZES = {
    "curve": (900, 560),
    "neuron": (640, 420),
    "network": (760, 520),
    "heatmaps": (560, 760),
    "window": (1400, 900),
}


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
    size = parser.add_mutually_exclusive_group()
    size.add_argument("--size", metavar="WxH", help="picture size in pixels")
    size.add_argument(
        "--scale",
        type=float,
        metavar="S",
        help="device pixel ratio of the picture (2 = crisp on a high-DPI screen)",
    )
    parser.add_argument(
        "--format",
        choices=FORMAT_NAMES,
        help="what to write (default: from the extension of --out; needed with --out -)",
    )
    parser.add_argument(
        "--out", required=True, metavar="PATH", help="file to write, or - for standard output"
    )
    return parser


def check_scale(scale: float) -> float:
    """The ``--scale`` value if it is a finite number in (0, MAX_SCALE]."""
    if not 0.0 < scale <= MAX_SCALE:  # also false for NaN
        raise ExportInputError(f"--scale must be above 0 and at most {MAX_SCALE:g}, got {scale!r}")
    return scale


def parse_assignment(text: str, option: str) -> tuple[str, float]:
    """``"alpha=0.5"`` -> ``("alpha", 0.5)``."""
    key, sep, value = text.partition("=")
    if not sep or not key.strip():
        raise ExportInputError(f"{option} expects KEY=VALUE, got {text!r}")
    try:
        return key.strip(), float(value)
    except ValueError:
        raise ExportInputError(f"{option} {key.strip()}: {value!r} is not a number") from None


def resolve_function(name: str, assignments, option: str) -> tuple[str, dict]:
    """Check an activation name and its parameters against the library.

    Returns
    -------
    (str, dict)
        The name and its resolved parameters (defaults filled in).
    """
    from actplay.core import activations as acts

    if name not in acts.names():
        raise ExportInputError(
            f"unknown activation {name!r}; valid names: {', '.join(acts.names())}"
        )
    params = {}
    for text in assignments:
        key, value = parse_assignment(text, option)
        if key in params:
            raise ExportInputError(f"{option} for {name}: {key} is given twice")
        params[key] = value
    try:
        return name, acts.get(name).resolve_params(params)
    except ValueError as error:
        raise ExportInputError(f"{option} for {name}: {_one_line(error)}") from None


def parse_compare(text: str) -> tuple[str, dict]:
    """``"elu:alpha=0.5,..."`` -> ``("elu", {"alpha": 0.5})`` (checked)."""
    name, _, rest = text.partition(":")
    assignments = [part for part in rest.split(",") if part.strip()]
    return resolve_function(name.strip(), assignments, "--compare")


def playground_from_args(args):
    """A Playground whose curve pane shows what the arguments ask for."""
    from actplay.model.playground import Playground

    name, params = resolve_function(args.activation, args.param, "--param")
    compares = [parse_compare(text) for text in args.compare]
    model = Playground()
    try:
        with model.batch():
            model.set_curve_activation(name)
            for key, value in params.items():
                model.set_curve_param(key, value)
            for compare_name, compare_params in compares:
                model.add_compare(compare_name, compare_params)
            model.set_visible("f", True)
            model.set_visible("df", args.derivative)
            model.set_visible("d2f", args.second_derivative)
            if args.range is not None:
                model.set_x_range(*args.range)
            if args.points is not None:
                model.set_points(args.points)
    except ValueError as error:
        raise ExportInputError(_one_line(error)) from None
    return model


def playground_from_session(path: str):
    """Load a session file; `ExportInputError` names what is wrong with it."""
    from actplay.model import session

    if os.path.isdir(path):
        raise ExportInputError(f"session path is a folder, not a file: {path}")
    if not os.path.exists(path):
        raise ExportInputError(f"session file not found: {path}")
    try:
        return session.load(path)
    except (OSError, ValueError) as error:  # SessionError is a ValueError
        raise ExportInputError(f"cannot read session {path}: {_one_line(error)}") from None


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
    if export_format in SCRIPT_FORMATS and args.session is None:
        raise ExportInputError(
            f"--format {export_format} writes a session's network: give --session"
        )
    if args.size is not None:
        try:
            args.size = sizes.parse_size(args.size)
        except ValueError as error:
            raise ExportInputError(f"--size: {_one_line(error)}") from None
    if args.scale is not None:
        args.scale = check_scale(args.scale)
    if export_format in IMAGE_FORMATS:
        width, height = args.size or DEFAULT_PANE_SIZES[args.pane]
        raster = export_format not in ("svg", "pdf")
        try:
            sizes.check_pixels(width, height, (args.scale or 1.0) if raster else 1.0)
        except ValueError as error:
            raise ExportInputError(f"--size: {_one_line(error)}") from None
    return export_format


def output_format(args) -> str:
    """The format to write: ``--format``, else the extension of ``--out`` (checked)."""
    to_stdout = args.out == STANDARD_OUTPUT
    if to_stdout and args.format is None:
        raise ExportInputError("--out - (standard output) needs --format")
    named = None
    if not to_stdout:
        try:
            check_target(args.out)
            named = format_for_path(args.out)
        except ValueError as error:
            if args.format is None or "extension" not in str(error):
                raise ExportInputError(f"--out: {_one_line(error)}") from None
    if args.format is not None and named is not None and named != args.format:
        raise ExportInputError(f"--format {args.format} does not match --out {args.out}")
    return args.format or named


def _write(args, data: bytes) -> None:
    """``data`` to ``--out``: standard output, or the file, atomically."""
    if args.out == STANDARD_OUTPUT:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        from actplay.ui.export import formats as export_formats

        export_formats.write_atomic(args.out, data)


def run_export(args) -> None:
    """Check everything, then draw or collect and write ``args.out``."""
    export_format = check_arguments(args)
    if args.session is not None:
        model = playground_from_session(args.session)
    else:
        model = playground_from_args(args)

    from actplay.ui.export import formats as export_formats

    if export_format == "csv":
        _write(args, export_formats.curve_csv_text(model.curve_data()).encode("utf-8"))
    elif export_format == "json":
        _write(args, export_formats.export_json_text(model).encode("utf-8"))
    elif export_format in SCRIPT_FORMATS:
        from actplay.model import network_script

        _write(args, network_script.script_text(model, export_format).encode("utf-8"))
    else:
        assert export_format in IMAGE_FORMATS
        from actplay.ui.export.offscreen import offscreen_application

        offscreen_application(PROG)
        from PySide6.QtCore import Qt

        # A bare function (--activation) has no neuron to mark on it; a session has one.
        widget = pane_widget(model, args.pane, show_neuron=args.session is not None)
        try:
            size = args.size or DEFAULT_PANE_SIZES[args.pane]
            # Shown (never on a screen), so plots get their resize events and lay
            # out their axes and curves the way the window does.
            widget.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
            widget.resize(*size)
            widget.show()
            data = export_formats.image_bytes(widget, export_format, size, args.scale or 1.0)
        except ValueError as error:  # e.g. SVG of the whole window
            raise ExportInputError(f"--pane {args.pane}: {_one_line(error)}") from None
        finally:
            for part in (widget, getattr(widget, "export_panel", None)):
                if part is not None:
                    part.close()
                    part.deleteLater()
        _write(args, data)


def pane_widget(model, pane: str, show_neuron: bool = True):
    """A fresh, unshown widget drawing ``pane`` of ``model``, made by the window's own classes.

    For a pane this is the panel's plot (``export_actions.pane_plot``) taken out of
    the panel as a window of its own, so that ``--size`` is the plot's size
    exactly; the panel that feeds it is kept as ``widget.export_panel``.
    ``window`` is the whole main window. ``show_neuron=False`` leaves the
    neuron's marker, tangent and (z, a) readout off the curve plot.
    """
    if pane == "window":
        from actplay.ui.shell.main_window import MainWindow

        return MainWindow(model)
    from actplay.ui import theme
    from actplay.ui.export.dialog import pane_plot

    theme.apply_plot_defaults()  # what MainWindow does first: plots in the theme's colours
    module_name, class_name = PANE_CLASSES[pane]
    pane_class = getattr(importlib.import_module(module_name), class_name)
    panel = pane_class(model)
    panel.refresh(frozenset(pane_class.SECTIONS))
    if pane == "curve" and not show_neuron:
        panel.set_neuron_shown(False)
    if pane == "heatmaps" and model.unit_grids(2) is None:
        panel.deleteLater()
        raise ExportInputError(
            "heatmaps need a network whose inputs are a point of the plane (2 inputs) "
            "or the data set's features"
        )
    widget = pane_plot(panel, pane)
    widget.setParent(None)
    widget.setMaximumSize(MAX_WIDGET_SIZE, MAX_WIDGET_SIZE)  # a dock's height cap is no limit here
    widget.export_panel = panel
    if hasattr(widget, "key_in_picture"):
        widget.key_in_picture = True  # the network canvas carries its colour key in a corner
    return widget


def main(argv=None) -> int:
    """Run ``actplay export`` with ``argv`` (the words after ``export``).

    Returns
    -------
    int
        0 on success, 2 for bad input (after one line on stderr).
    """
    return subcommand_main(PROG, argv, build_parser, run_export)
