"""Bad session files of every kind, shared by the fuzz tests and ``benchmarks/session_reject.py``.

Each maker writes one file that no loader may accept and returns its path.
The kinds: random bytes, text that is not UTF-8, an empty file, truncated JSON,
JSON of the wrong shape, a file just over the size limit, the largest allowed
files (a bad value after 10 MB of padding or of numbers), nesting 100,000 levels deep (lists and
objects), numbers too big for a float or an int, and NaN/Infinity tokens.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from actplay.model.playground import Playground
from actplay.model.session import MAX_FILE_BYTES

DEEP = 100_000  # nesting levels: far past Python's recursion limit


def _valid_text() -> str:
    return json.dumps(Playground().state_dict(), indent=1)


def _with(field_path, value) -> str:
    """A valid session with one field (a path of keys/indices) replaced by raw JSON text."""
    state = Playground().state_dict()
    target = state
    for key in field_path[:-1]:
        target = target[key]
    target[field_path[-1]] = "@@VALUE@@"
    return json.dumps(state).replace('"@@VALUE@@"', value)


def _padded_to(text_before: str, text_after: str, size: int) -> str:
    """JSON ``text_before + spaces + text_after`` of exactly ``size`` bytes."""
    return text_before + " " * (size - len(text_before) - len(text_after)) + text_after


def make_cases(folder: Path, seed: int = 0) -> dict[str, Path]:
    """Write every kind of bad session into ``folder``; return kind -> path."""
    folder = Path(folder)
    rng = random.Random(seed)
    valid = _valid_text()
    contents: dict[str, bytes | str] = {
        "random_bytes": bytes(rng.randrange(256) for _ in range(4096)),
        "not_utf8": b'{"format": "actplay-session", "name": "\xff\xfe\xfa"}',
        "empty": "",
        "truncated": valid[: len(valid) // 2],
        "truncated_last_brace": valid.rstrip()[:-1],
        "wrong_shape_list": "[1, 2, 3]",
        "wrong_shape_string": '"actplay-session"',
        "deep_lists": "[" * DEEP + "]" * DEEP,
        "deep_objects": '{"a":' * DEEP + "1" + "}" * DEEP,
        "deep_in_a_section": _with(["neuron", "inputs"], "[" * DEEP + "]" * DEEP),
        "huge_float": _with(["neuron", "bias"], "1e400"),
        "huge_int": _with(["network", "layer_sizes"], "[" + "9" * 5000 + ", 1]"),
        "over_limit_number": _with(["neuron", "bias"], "10000000.0"),
        "nan_token": _with(["neuron", "bias"], "NaN"),
        "infinity_token": _with(["neuron", "weights"], "[Infinity, 1.0, 2.0]"),
        "minus_infinity_token": _with(["neuron", "bias"], "-Infinity"),
        "unknown_activation": _with(["neuron", "activation"], '"no_such_function"'),
        "bad_layer_sizes": _with(["network", "layer_sizes"], "[2, 0, 1]"),
        "just_over_limit": _padded_to('{"format": "actplay-session"', "}", MAX_FILE_BYTES + 1),
    }
    # The largest file a loader must read to the end: a valid session padded with spaces
    # to exactly the limit, with one bad value after the padding.
    bad_tail = valid.rstrip().removesuffix("}") + ', "neuron_bias_again": NaN}'
    contents["largest_allowed"] = (
        bad_tail[:1] + " " * (MAX_FILE_BYTES - len(bad_tail)) + bad_tail[1:]
    )
    # The slowest file to reject: the limit filled with numbers the loader parses (an export's
    # "data" key, which loading ignores) and one out-of-range value it checks afterwards.
    head = _with(["neuron", "bias"], "1e7").removesuffix("}") + ', "data": ['
    count = (MAX_FILE_BYTES - len(head) - 2) // len("0.1234567, ")
    body = ", ".join(["0.1234567"] * count)
    contents["largest_allowed_numbers"] = _padded_to(head + body, "]}", MAX_FILE_BYTES)
    paths = {}
    for kind, content in contents.items():
        path = folder / f"{kind}.json"
        data = content if isinstance(content, bytes) else content.encode("utf-8")
        path.write_bytes(data)
        paths[kind] = path
    assert paths["largest_allowed"].stat().st_size == MAX_FILE_BYTES
    assert paths["largest_allowed_numbers"].stat().st_size == MAX_FILE_BYTES
    assert paths["just_over_limit"].stat().st_size == MAX_FILE_BYTES + 1
    return paths
