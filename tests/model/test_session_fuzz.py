"""Fuzzing the session loader: every bad file gives one SessionError, fast, and writes nothing.

Random bytes and random JSON come from hypothesis; the named kinds (truncated,
just over 10 MB, the largest allowed file, 100,000 levels of nesting, huge
numbers, NaN tokens) from ``session_cases``. An alarm fails a test that hangs
instead of letting the suite stall.
"""

from __future__ import annotations

import json
import math
import os
import signal
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from actplay.model import session
from actplay.model.playground import Playground
from actplay.model.session import SessionError

sys.path.insert(0, str(Path(__file__).resolve().parent))
from session_cases import make_cases  # noqa: E402

HANG_SECONDS = 30  # generous: a rejection takes well under a second


@pytest.fixture(autouse=True)
def fail_on_hang():
    """Raise in the test after HANG_SECONDS (a watchdog; pytest-timeout is not required)."""
    if not hasattr(signal, "SIGALRM"):
        yield
        return

    def on_alarm(_signum, _frame):
        raise TimeoutError(f"no answer within {HANG_SECONDS} s")

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(HANG_SECONDS)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture(scope="module")
def cases(tmp_path_factory):
    return make_cases(tmp_path_factory.mktemp("bad-sessions"))


def assert_rejected(path: Path) -> str:
    """Load ``path`` every way the app does; each must raise SessionError naming the file."""
    folder_before = sorted(os.listdir(path.parent))
    with pytest.raises(SessionError) as raised:
        session.read_state(path)
    message = str(raised.value)
    assert message.startswith(f"{path.name}: ") and "\n" not in message
    assert len(message) < 400 + len(path.name)  # one readable line, not a dump of the file
    with pytest.raises(SessionError):
        session.load(path)
    pg = Playground()
    before = pg.state_dict()
    with pytest.raises(SessionError):
        pg.apply_state(session.read_state(path))
    assert pg.state_dict() == before
    assert sorted(os.listdir(path.parent)) == folder_before  # nothing written beside it
    return message


KINDS = [
    "random_bytes",
    "not_utf8",
    "empty",
    "truncated",
    "truncated_last_brace",
    "wrong_shape_list",
    "wrong_shape_string",
    "deep_lists",
    "deep_objects",
    "deep_in_a_section",
    "huge_float",
    "huge_int",
    "over_limit_number",
    "nan_token",
    "infinity_token",
    "minus_infinity_token",
    "unknown_activation",
    "bad_layer_sizes",
    "just_over_limit",
    "largest_allowed",
    "largest_allowed_numbers",
]


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_of_bad_file_is_rejected_with_one_line(cases, kind):
    message = assert_rejected(cases[kind])
    expected_words = {
        "empty": "JSON",
        "not_utf8": "UTF-8",
        "just_over_limit": "MB",
        "deep_lists": "nested",
        "deep_objects": "nested",
        "nan_token": "NaN",
        "unknown_activation": "no_such_function",
    }
    if kind in expected_words:
        assert expected_words[kind] in message


def test_the_cases_cover_every_kind(cases):
    assert sorted(cases) == sorted(KINDS)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.binary(max_size=2048))
def test_random_bytes_are_rejected(tmp_path, data):
    path = tmp_path / "random.json"
    path.write_bytes(data)
    assert_rejected(path)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=6), children, max_size=4)
    ),
    max_leaves=20,
)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(JSON_VALUES)
def test_random_json_is_rejected(tmp_path, value):
    path = tmp_path / "random.json"
    path.write_text(json.dumps(value), encoding="utf-8")
    assert_rejected(path)


SECTION_FIELDS = [
    ("curve", "activation"),
    ("curve", "x_range"),
    ("curve", "points"),
    ("curve", "compare"),
    ("neuron", "inputs"),
    ("neuron", "weights"),
    ("neuron", "bias"),
    ("neuron", "params"),
    ("neuron", "target"),
    ("network", "layer_sizes"),
    ("network", "weights"),
    ("network", "biases"),
    ("network", "activations"),
    ("network", "seed"),
    ("network", "init"),
]
BAD_FIELD_VALUES = (
    JSON_VALUES | st.sampled_from([math.inf, -math.inf, 1e7, -1e300, 2**64])
).filter(lambda v: not isinstance(v, (list, dict)) or v)


@settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.sampled_from(SECTION_FIELDS), BAD_FIELD_VALUES)
def test_a_valid_session_with_one_random_field_loads_or_is_rejected_cleanly(tmp_path, field, value):
    """One field replaced: the file either loads into a valid state or raises SessionError."""
    state = Playground().state_dict()
    section, key = field
    if key not in state[section]:
        return  # a field another version of the format names differently
    state[section][key] = value
    path = tmp_path / "one-field.json"
    path.write_text(json.dumps(state), encoding="utf-8")  # inf becomes the Infinity token
    try:
        loaded = session.load(path)
    except SessionError as error:
        assert str(error).startswith("one-field.json: ")
        return
    # Accepted: then it must be a state the model itself would produce and round-trip.
    copy = Playground()
    copy.apply_state(loaded.state_dict())
    assert copy.state_dict() == loaded.state_dict()
    json.dumps(loaded.state_dict(), allow_nan=False)  # raises for a NaN or infinity that got in


@pytest.mark.parametrize("number", ["9" * 5000, "-" + "1" * 400, "7" * 9_000_000])
def test_an_integer_with_too_many_digits_is_rejected_in_plain_words(tmp_path, number):
    # Python's own message told the user to call sys.set_int_max_str_digits().
    path = tmp_path / "digits.json"
    state = session.to_dict(Playground())
    path.write_text(json.dumps(state).replace('"seed": ', f'"seed": {number}, "x": ', 1))
    message = assert_rejected(path)
    assert "too many digits" in message and "sys." not in message


def test_an_integer_just_within_the_digit_limit_gets_the_validators_message(tmp_path):
    path = tmp_path / "seed.json"
    state = session.to_dict(Playground())
    state["network"]["seed"] = int("9" * session.MAX_INT_DIGITS)
    path.write_text(json.dumps(state))
    message = assert_rejected(path)
    assert "network seed must be" in message and "too many digits" not in message


def test_a_dict_with_a_float_field_too_big_for_a_float_is_rejected_cleanly():
    state = session.to_dict(Playground())
    state["neuron"]["bias"] = 10**400  # float(10**400) raises OverflowError, not ValueError
    with pytest.raises(SessionError, match="neuron bias|too large"):
        session.from_dict(state)
