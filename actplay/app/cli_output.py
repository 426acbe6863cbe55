"""Where a subcommand writes: ``--out`` (a file, or ``-`` for standard output), the
format it takes, and the picture scale; shared by ``actplay export`` and ``actplay race``.

Every check raises `CliError` naming the option, before anything is computed;
a file is written through a temporary file and a rename, so a failed run leaves
``--out`` as it was.
"""

from __future__ import annotations

import sys

from actplay.app.cli import CliError, one_line

#: ``--out`` value meaning standard output.
STANDARD_OUTPUT = "-"
#: Largest device-pixel scale; 8x a window is already a poster.
MAX_SCALE = 8.0


def add_picture_options(parser) -> None:
    """``--size WxH`` or ``--scale S`` (one of them): read by `picture_size`."""
    size = parser.add_mutually_exclusive_group()
    size.add_argument("--size", metavar="WxH", help="picture size in pixels")
    size.add_argument(
        "--scale",
        type=float,
        metavar="S",
        help="device pixel ratio of the picture (2 = crisp on a high-DPI screen)",
    )


def add_output_options(parser, formats) -> None:
    """``--format`` (one of ``formats``) and ``--out``: read by `output_format`."""
    parser.add_argument(
        "--format",
        choices=formats,
        help="what to write (default: from the extension of --out; needed with --out -)",
    )
    parser.add_argument(
        "--out", required=True, metavar="PATH", help="file to write, or - for standard output"
    )


def check_scale(scale: float) -> float:
    """The ``--scale`` value if it is a finite number in (0, MAX_SCALE]."""
    if not 0.0 < scale <= MAX_SCALE:  # also false for NaN
        raise CliError(f"--scale must be above 0 and at most {MAX_SCALE:g}, got {scale!r}")
    return scale


def picture_size(args, export_format: str, default) -> tuple[int, int]:
    """``--size`` (parsed; ``default`` when not given) after checking it and ``--scale``
    (stored back checked) for a picture in ``export_format``.

    Raises
    ------
    CliError
        A scale out of range, a size that is not ``WxH``, or a picture over the pixel
        budget (the scale counts for pixel formats only).
    """
    from actplay.ui.export import sizes
    from actplay.ui.export.formats import RASTER_FORMATS

    if args.scale is not None:
        args.scale = check_scale(args.scale)
    try:
        size = sizes.parse_size(args.size) if args.size else default
        sizes.check_pixels(*size, (args.scale or 1.0) if export_format in RASTER_FORMATS else 1.0)
    except ValueError as error:
        raise CliError(f"--size: {one_line(error)}") from None
    return size


def output_format(args) -> str:
    """The format to write: ``--format``, else the extension of ``--out`` (checked).

    Raises
    ------
    CliError
        ``--out -`` without ``--format``, an ``--out`` that cannot be written (no such
        folder, a folder), an unknown extension without ``--format``, or a ``--format``
        the extension contradicts.
    """
    from actplay.ui.export.formats import check_target, format_for_path

    to_stdout = args.out == STANDARD_OUTPUT
    if to_stdout and args.format is None:
        raise CliError("--out - (standard output) needs --format")
    named = None
    if not to_stdout:
        try:
            check_target(args.out)
            named = format_for_path(args.out)
        except ValueError as error:
            if args.format is None or "extension" not in str(error):
                raise CliError(f"--out: {one_line(error)}") from None
    if args.format is not None and named is not None and named != args.format:
        raise CliError(f"--format {args.format} does not match --out {args.out}")
    return args.format or named


def write_output(args, data: bytes) -> None:
    """``data`` to ``--out``: standard output, or the file, atomically."""
    if args.out == STANDARD_OUTPUT:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        from actplay.ui.export import formats

        formats.write_atomic(args.out, data)
