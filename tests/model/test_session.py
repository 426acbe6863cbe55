"""Sessions: round trip, atomic save, and every kind of bad file rejected cleanly."""

import copy
import json
import math
import os

import pytest

from actplay.model import presets, session
from actplay.model.errors import InvalidValue
from actplay.model.playground import Playground
from actplay.model.session import SessionError


@pytest.fixture
def edited() -> Playground:
    """A Playground far from the defaults in every section."""
    pg = Playground()
    presets.apply(pg, "xor")
    pg.release_neuron()  # the preset opened its first hidden unit; edit the own neuron
    pg.set_linked(False)
    pg.set_curve_activation("elu")
    pg.set_curve_param("alpha", 0.3)
    pg.add_compare("softplus", {"beta": 2.0})
    pg.set_visible("d2f", True)
    pg.set_x_range(-2.5, 7.0)
    pg.set_points(333)
    pg.set_input_count(4)
    pg.set_neuron_weight(3, 1.0 / 3.0)
    pg.set_neuron_activation("leaky_relu")
    pg.set_neuron_param("negative_slope", 0.2)
    pg.set_layer_activation(2, "softmax")
    pg.select_network_neuron(1, 1)
    return pg


def test_round_trip_through_a_file_is_exact(edited, tmp_path):
    path = tmp_path / "mine.actplay.json"
    session.save(edited, path)
    loaded = session.load(path)
    assert loaded.state_dict() == edited.state_dict()
    assert loaded.neuron_target == (1, 1) and loaded.neuron_weights == edited.neuron_weights
    assert session.from_dict(session.to_dict(edited)).state_dict() == edited.state_dict()
    assert json.loads(path.read_text())["format"] == "actplay-session"
    assert not [p for p in tmp_path.iterdir() if p.name != path.name], "temp file left behind"


def test_read_state_then_apply_state_keeps_subscribers(edited, tmp_path, pg, recorder):
    path = tmp_path / "s.actplay.json"
    session.save(edited, path)
    pg.apply_state(session.read_state(path))
    assert pg.state_dict() == edited.state_dict()
    assert recorder.events == [frozenset({"curve", "neuron", "network"})]


def test_optional_sections_are_kept_as_given(pg, tmp_path):
    # dataset/training sections are validated too (tests/model/test_training_state.py)
    state = pg.state_dict()
    state["dataset"] = {
        **state["dataset"],
        "source": "custom",
        "custom_points": [[0.5, 1.0, 1.0], [2.0, -3.0, 0.0]],
    }
    pg.apply_state(state)
    path = tmp_path / "extra.actplay.json"
    session.save(pg, path)
    assert session.load(path).state_dict()["dataset"] == state["dataset"]


def test_save_replaces_atomically_and_a_failed_write_keeps_the_old_file(pg, tmp_path, monkeypatch):
    path = tmp_path / "keep.actplay.json"
    session.save(pg, path)
    original = path.read_bytes()
    pg.set_neuron_bias(0.9)

    def broken_fsync(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(OSError):
        session.save(pg, path)
    assert path.read_bytes() == original
    assert [p.name for p in tmp_path.iterdir()] == [path.name]
    monkeypatch.undo()
    session.save(pg, path)
    assert session.load(path).neuron_bias == 0.9
    assert path.stat().st_mode & 0o777 == 0o644


def _mutate(change):
    """A bad session dict made from the default state by ``change(state)``."""
    state = Playground().state_dict()
    change(state)
    return state


def _set(path, value):
    def change(state):
        target = state
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return change


def _delete(path):
    def change(state):
        target = state
        for key in path[:-1]:
            target = target[key]
        del target[path[-1]]

    return change


BAD_STATES = {
    "unknown top-level key": (_set(("colour",), "red"), "unknown key"),
    "missing section": (_delete(("neuron",)), "missing 'neuron'"),
    "unknown section key": (_set(("curve", "zoom"), 2), "unknown key"),
    "wrong format": (_set(("format",), "other-app"), "not an actplay session"),
    "newer version": (_set(("version",), 2), "newer actplay"),
    "older version": (_set(("version",), 0), "unsupported"),
    "version as text": (_set(("version",), "1"), "version"),
    "section not an object": (_set(("curve",), [1, 2]), "curve must be an object"),
    "unknown activation": (_set(("neuron", "activation"), "sigmoidal"), "unknown activation"),
    "unknown layer activation": (
        _set(("network", "activations", 0), ["swishy", {}]),
        "unknown activation",
    ),
    "softmax on a hidden layer": (
        _set(("network", "activations", 0), ["softmax", {}]),
        "last layer",
    ),
    "unknown param": (_set(("curve", "params"), {"alpha": 1.0}), "alpha"),
    "param out of range": (
        lambda s: (
            _set(("neuron", "activation"), "elu")(s),
            _set(("neuron", "params"), {"alpha": 50.0})(s),
        ),
        "alpha",
    ),
    "weight as text": (_set(("neuron", "weights", 0), "0.8"), "number"),
    "bool as number": (_set(("neuron", "bias"), True), "number"),
    "value too large": (_set(("network", "input", 0), 1e7), "1e+06"),
    "weights shorter than inputs": (_set(("neuron", "weights"), [1.0, 2.0]), "3 numbers"),
    "too many inputs": (_set(("neuron", "inputs"), [0.0] * 9), "1..8"),
    "hidden layer too big": (_set(("network", "layer_sizes"), [2, 17, 8, 1]), "hidden layer 1"),
    "too many hidden layers": (_set(("network", "layer_sizes"), [2] + [4] * 7 + [1]), "hidden"),
    "weights do not match sizes": (_set(("network", "layer_sizes"), [2, 8, 7, 1]), "weights[1]"),
    "weight row too short": (_set(("network", "weights", 0, 0), [0.1]), "weights[0][0]"),
    "biases wrong length": (_set(("network", "biases", 2), [0.0, 0.0]), "biases[2]"),
    "too few activations": (_set(("network", "activations"), [["tanh", {}]]), "activations"),
    "input wrong length": (_set(("network", "input"), [1.0]), "network input"),
    "bad init": (_set(("network", "init"), "orthogonal"), "init"),
    "negative seed": (_set(("network", "seed"), -3), "seed"),
    "fractional seed": (_set(("network", "seed"), 1.5), "seed"),
    "reversed range": (_set(("curve", "x_range"), [3.0, -3.0]), "low < high"),
    "range not a pair": (_set(("network", "plane_range"), [1.0]), "pair"),
    "too few points": (_set(("curve", "points"), 3), "points"),
    "visible not bool": (_set(("curve", "visible", "f"), 1), "true or false"),
    "unknown visible kind": (_set(("curve", "visible", "d3f"), True), "unknown key"),
    "too many compare curves": (
        _set(("curve", "compare"), [{"activation": "relu", "params": {}}] * 7),
        "at most 6",
    ),
    "compare entry extra key": (
        _set(("curve", "compare"), [{"activation": "relu", "params": {}, "colour": 1}]),
        "unknown key",
    ),
    "target out of range": (_set(("neuron", "target"), [3, 5]), "unit"),
    "binary mode not bool": (_set(("neuron", "binary_mode"), "yes"), "true or false"),
    "optional section not an object": (_set(("training",), [1, 2]), "training must be"),
    "optional section too deep": (
        _set(("dataset",), json.loads('{"a":' * 70 + "1" + "}" * 70)),
        "unknown key",
    ),
}


@pytest.mark.parametrize("case", list(BAD_STATES))
def test_each_bad_state_is_rejected_naming_the_file_and_the_state_is_unchanged(
    case, tmp_path, edited
):
    change, words = BAD_STATES[case]
    path = tmp_path / "bad.actplay.json"
    path.write_text(json.dumps(_mutate(change)))
    before = edited.state_dict()
    events = []
    edited.changed.connect(events.append)
    with pytest.raises(SessionError) as info:
        edited.apply_state(session.read_state(path))
    message = str(info.value)
    assert message.startswith("bad.actplay.json: "), message
    assert words.lower() in message.lower(), message
    with pytest.raises(InvalidValue):  # apply_state checks the same way
        edited.apply_state(_mutate(change))
    assert edited.state_dict() == before and events == []


BAD_FILES = {
    "not json": (b'{"format": "actplay-session",', "not valid JSON"),
    "empty": (b"", "not valid JSON"),
    "not an object": (b"[1, 2, 3]", "JSON object"),
    "not utf-8": (b"\xff\xfe{}\x00", "UTF-8"),
    "NaN": (json.dumps(Playground().state_dict()).replace("0.1", "NaN", 1).encode(), "NaN"),
    "Infinity": (
        json.dumps(Playground().state_dict()).replace("-6.0", "-Infinity", 1).encode(),
        "Infinity",
    ),
    "overflowing number": (
        json.dumps(Playground().state_dict()).replace("0.1", "1e400", 1).encode(),
        "finite",
    ),
    "deeply nested": (b"[" * 200_000 + b"]" * 200_000, "nested too deeply"),
}


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_each_bad_file_is_rejected_cleanly(case, tmp_path):
    data, words = BAD_FILES[case]
    path = tmp_path / "broken.actplay.json"
    path.write_bytes(data)
    with pytest.raises(SessionError) as info:
        session.load(path)
    assert str(info.value).startswith("broken.actplay.json: ")
    assert words.lower() in str(info.value).lower(), str(info.value)


def test_a_file_over_10_mb_is_rejected_before_reading(tmp_path, monkeypatch):
    path = tmp_path / "huge.actplay.json"
    with path.open("wb") as handle:
        handle.truncate(session.MAX_FILE_BYTES + 1)  # sparse: costs no disk
    monkeypatch.setattr(json, "loads", lambda *a, **k: pytest.fail("file was parsed"))
    with pytest.raises(SessionError, match=r"huge\.actplay\.json: .*10 MB"):
        session.read_state(path)


def test_a_missing_file_is_a_session_error(tmp_path):
    with pytest.raises(SessionError, match="nothing.actplay.json: cannot read"):
        session.load(tmp_path / "nothing.actplay.json")


def test_from_dict_names_its_source_and_does_not_touch_the_input():
    state = Playground().state_dict()
    state["neuron"]["bias"] = math.nan
    kept = copy.deepcopy(state)
    with pytest.raises(SessionError, match="undo: neuron bias must be finite"):
        session.from_dict(state, source="undo")
    assert str(state) == str(kept)


def test_hand_written_sessions_may_leave_out_the_optional_keys(pg):
    state = pg.state_dict()
    for key in ("points", "linked"):
        del state["curve"][key]
    del state["neuron"]["target"]
    state["curve"]["visible"] = {"d2f": True}
    loaded = session.from_dict(state)
    assert loaded.points == 1001 and loaded.linked and loaded.neuron_target is None
    assert loaded.visible == {"f": True, "df": True, "d2f": True}
