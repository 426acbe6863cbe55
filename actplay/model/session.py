"""Saving and loading the whole Playground as a JSON session file.

The format is documented in ``docs/session-format.md``. Loading checks
everything (size, JSON syntax, version, every field's type, shape and range)
before it touches any state, and reports any problem as one
:class:`SessionError` ``"<file name>: <problem>"``. Saving writes a temporary
file beside the target, flushes it to disk and renames it over the target, so
a crash leaves either the old file or the new one, never half of one.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

from actplay.model.atomic_file import write_atomic
from actplay.model.errors import InvalidValue
from actplay.model.playground import Playground
from actplay.model.state_schema import FORMAT, VERSION, validate_state

MAX_FILE_BYTES = 10 * 1024 * 1024  # a session is a few kB; anything this big is not one
# A session's integers (sizes, a seed) have <= 10 digits and JavaScript writes floats from 1e21
# on with an exponent; beyond this a number is noise, and a float field's int overflows at 309.
MAX_INT_DIGITS = 30
SUFFIX = ".actplay.json"
INLINE_WIDTH = 60  # nested lists shorter than this stay on one line, e.g. ["elu", {"alpha": 1.0}]
NEW_FILE_MODE = 0o644  # readable by others, like any document the user saves

__all__ = [
    "FORMAT",
    "MAX_FILE_BYTES",
    "SUFFIX",
    "VERSION",
    "SessionError",
    "from_dict",
    "load",
    "read_state",
    "save",
    "to_dict",
]


class SessionError(InvalidValue):
    """A session file (or dict) that cannot be loaded; the message names the source.

    A refused value like any other (``InvalidValue``, so a ``ValueError``): nothing
    changed, and the message is meant for the user.
    """


def to_dict(playground: Playground) -> dict:
    """The JSON-ready state of ``playground`` (what :func:`save` writes): ``state_dict()``
    and, when the race keeps them, the race's results (never in ``state_dict``: undo
    snapshots it on every change)."""
    state = playground.state_dict()
    results = playground.race.results_state()
    if results is not None:
        state["race"]["results"] = results
    return state


#: Top-level key an export (actplay.ui.export.formats) adds with the plotted arrays.
#: It is derived from the rest, so loading ignores it and the file opens as a session.
EXPORT_DATA_KEY = "data"


def _checked(state, source: str) -> dict:
    if isinstance(state, dict) and EXPORT_DATA_KEY in state:
        state = {key: value for key, value in state.items() if key != EXPORT_DATA_KEY}
    try:
        return validate_state(state)
    except RecursionError:
        raise SessionError(f"{source}: the data is nested too deeply") from None
    except (ValueError, OverflowError) as error:  # Overflow: a huge int in a float field
        raise SessionError(f"{source}: {error}") from None


def from_dict(state: dict, source: str = "<dict>") -> Playground:
    """Build a new Playground from a session dict.

    Raises
    ------
    SessionError
        ``"<source>: <problem>"`` for anything invalid.
    """
    clean = _checked(state, source)
    playground = Playground()
    playground.apply_state(clean)
    return playground


def _reject_constant(name: str):
    raise ValueError(f"{name} is not allowed (numbers must be finite)")


def _parse_int(text: str) -> int:
    # Python refuses integers over 4300 digits with advice for programmers (call
    # sys.set_int_max_str_digits), and a 400-digit one raised OverflowError in the float
    # checks; the user gets words about their file instead. Counting first is instant.
    if len(text.lstrip("-")) > MAX_INT_DIGITS:
        raise ValueError(f"a number has too many digits (more than {MAX_INT_DIGITS})")
    return int(text)


def read_state(path: str | os.PathLike) -> dict:
    """Read and validate a session file; return its clean state dict.

    Pass the result to ``Playground.apply_state`` to load it into an existing
    Playground (its subscribers stay connected).

    Raises
    ------
    SessionError
        ``"<file name>: <problem>"`` for a missing, unreadable, too big, malformed
        or invalid file.
    """
    path = Path(path)
    name = path.name
    try:
        # Non-blocking, so a FIFO or a device cannot hang the open; then only a regular
        # file is read (a FIFO's reader would otherwise wait for a writer forever).
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(descriptor, "rb") as handle:
            status = os.fstat(handle.fileno())
            if not stat.S_ISREG(status.st_mode):
                raise SessionError(f"{name}: not a regular file (a folder, pipe or device)")
            size = status.st_size
            if size > MAX_FILE_BYTES:
                raise SessionError(
                    f"{name}: the file is {size / 1e6:.1f} MB; a session "
                    f"holds at most {MAX_FILE_BYTES // (1024 * 1024)} MB"
                )
            # Read one byte more than allowed: catches a file that grew after the stat.
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise SessionError(f"{name}: cannot read the file ({error.strerror or error})") from None
    if len(data) > MAX_FILE_BYTES:
        raise SessionError(f"{name}: the file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SessionError(f"{name}: the file is not UTF-8 text") from None
    try:
        state = json.loads(text, parse_constant=_reject_constant, parse_int=_parse_int)
    except RecursionError:
        raise SessionError(f"{name}: the JSON is nested too deeply") from None
    except json.JSONDecodeError as error:
        raise SessionError(
            f"{name}: not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})"
        ) from None
    except ValueError as error:
        raise SessionError(f"{name}: {error}") from None
    return _checked(state, name)


def load(path: str | os.PathLike) -> Playground:
    """Read a session file into a new Playground (see :func:`read_state`)."""
    clean = read_state(path)
    playground = Playground()
    playground.apply_state(clean)
    return playground


def format_json(value, level: int = 0) -> str:
    """JSON text indented by two spaces, with lists of plain values on one line.

    A weight matrix then reads as one row per line, a short pair like
    ``["elu", {"alpha": 1.0}]`` stays on one line.
    Raises ``ValueError`` for NaN or infinity, which JSON cannot carry.
    """
    pad = "  " * level
    if isinstance(value, dict) and value:
        items = [
            f"{pad}  {json.dumps(key)}: {format_json(item, level + 1)}"
            for key, item in value.items()
        ]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    compact = json.dumps(value, allow_nan=False)
    if (
        isinstance(value, list)
        and len(compact) > INLINE_WIDTH
        and any(isinstance(item, (dict, list)) for item in value)
    ):
        items = [f"{pad}  {format_json(item, level + 1)}" for item in value]
        return "[\n" + ",\n".join(items) + "\n" + pad + "]"
    return compact


def save(playground: Playground, path: str | os.PathLike) -> None:
    """Write ``playground``'s state to ``path`` atomically.

    Raises
    ------
    OSError
        If the folder is not writable; the target file is then left as it was.
    """
    write_atomic(path, (format_json(to_dict(playground)) + "\n").encode("utf-8"), NEW_FILE_MODE)
