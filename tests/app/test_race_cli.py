"""``actplay race``: a headless race from the command line (actplay.app.race_cli).

Each test opens what the command wrote and checks it against the model run the
same way (itself checked against single training in tests/model), or against
the session reader.
"""

from __future__ import annotations

import csv
import json
import subprocess
import sys

import numpy as np
import pytest

from actplay.app.race_cli import main, parse_activations
from actplay.core.race_limits import METRICS
from actplay.model import session
from actplay.model.playground import Playground

ISSUE_COMMAND = (
    "--data spiral --hidden 6x8 --activations sigmoid,tanh,relu,gelu --epochs 4 --seeds 2"
).split()


def _run(capsys, *argv):
    code = main([str(word) for word in argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _reference(**settings):
    playground = Playground()
    playground.race.set(**settings)
    playground.race.run()
    return playground.race.record()


def test_the_issues_command_writes_every_lanes_curves(capsys, tmp_path):
    out = tmp_path / "race.csv"
    code, printed, err = _run(capsys, *ISSUE_COMMAND, "--out", out)
    assert code == 0 and err == ""
    with open(out, newline="", encoding="utf-8") as stream:
        rows = list(csv.reader(stream))
    assert rows[0] == ["seed", "contestant", "label", "epoch", *METRICS]
    assert len(rows) == 1 + 2 * 4 * 5
    reference = _reference(
        dataset={**Playground().race.settings["dataset"], "source": "spiral"},
        hidden=[8] * 6,
        contestants=[{"activation": n, "params": {}} for n in ("sigmoid", "tanh", "relu", "gelu")],
        epochs=4,
        repeats=2,
    )
    for row in rows[1:]:
        seed, contestant, label, epoch = int(row[0]), int(row[1]), row[2], int(row[3])
        assert label == reference.labels[contestant - 1]
        expected = reference.curves[seed, contestant - 1, :, epoch]
        assert [float(cell) for cell in row[4:]] == list(expected)  # repr reads back exactly
    assert "target: test accuracy" in printed and "Sigmoid" in printed and "GELU" in printed


def test_json_opens_as_a_session_showing_the_finished_race(capsys, tmp_path):
    out = tmp_path / "race.json"
    code, _, _ = _run(capsys, "--preset", "linear", "--epochs", "3", "--quiet", "--out", out)
    assert code == 0
    data = json.loads(out.read_text())["data"]
    assert data["labels"] == ["Identity", "Tanh"] and data["epochs"] == [0, 1, 2, 3]
    assert [row["label"] for row in data["table"]] == ["Identity", "Tanh"]
    loaded = session.load(out)
    assert loaded.race.settings["preset"] == "linear" and loaded.race.finished
    record = loaded.race.record()
    np.testing.assert_allclose(record.curve("test_loss"), data["curves"]["test_loss"], rtol=1e-5)


def test_a_session_race_may_use_the_sessions_custom_function(capsys, tmp_path):
    playground = Playground()
    playground.add_custom_activation({"name": "cube", "formula": "x**3 / 10"})
    playground.race.set(hidden=[4], contestants=[{"activation": "cube", "params": {}}], epochs=2)
    path = tmp_path / "custom.actplay.json"
    session.save(playground, path)
    out = tmp_path / "custom.csv"
    code, printed, err = _run(capsys, "--session", path, "--seeds", "2", "--out", out)
    assert code == 0, err
    assert printed.splitlines()[2].startswith("cube ")
    assert len(out.read_text().splitlines()) == 1 + 2 * 1 * 3


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--activations", "nope"], "unknown activation 'nope'"),
        (["--activations", "elu:alpha=big"], "'big' is not a number"),
        (["--activations", "sigmoid,,tanh"], "empty entry"),
        (["--activations", ",".join(["tanh"] * 7)], "1..6 entries"),
        (["--hidden", "six"], "--hidden must look like"),
        (["--hidden", "3x8", "--contestant", "tanh/relu"], "per hidden layer (3)"),
        (["--target", "accuracy"], "--target must look like"),
        (["--target", "test_accuracy=1.5"], "share within 0..1"),
        (["--seeds", "21"], "race repeats"),
        (["--data", "moons"], "race dataset source"),
        (["--epochs", "0"], "race epochs"),
        (["--size", "800x600"], "apply to pictures"),
        (["--log"], "apply to pictures"),
        (["--size", "90000x10"], "--size"),
        (["--format", "json"], "does not match --out"),
        (["--preset", "fastest"], "invalid choice"),
        (["--session", "missing.json"], "session file not found"),
    ],
)
def test_bad_input_exits_2_with_one_line_and_writes_nothing(capsys, tmp_path, argv, message):
    out = tmp_path / "race.csv"
    out.write_text("kept")
    code, printed, err = _run(capsys, *argv, "--out", out)
    assert code == 2 and printed == ""
    assert err.count("\n") == 1 and message in err and err.startswith("actplay race: error: ")
    assert out.read_text() == "kept"


def test_an_unwritable_target_is_refused_before_training(capsys, tmp_path):
    code, _, err = _run(capsys, "--out", tmp_path / "no" / "race.csv")
    assert code == 2 and "output folder does not exist" in err


def test_activations_continue_a_contestants_parameters_after_a_comma():
    entries = parse_activations("softplus:beta=2,threshold=10,relu")
    assert entries == [
        {"activation": "softplus", "params": {"beta": 2.0, "threshold": 10.0}},
        {"activation": "relu", "params": {}},
    ]


def test_help_and_the_subcommand_from_the_shell(tmp_path):
    out = tmp_path / "shell.csv"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "actplay",
            "race",
            "--hidden",
            "1x2",
            "--epochs",
            "1",
            "--activations",
            "tanh",
            "--quiet",
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0 and done.stderr == "" and done.stdout == ""
    assert len(out.read_text().splitlines()) == 3
    shown = subprocess.run(
        [sys.executable, "-m", "actplay", "race", "--help"], capture_output=True, text=True
    )
    assert shown.returncode == 0 and "--activations" in shown.stdout


def test_pictures_are_the_race_figure(capsys, tmp_path):
    from PySide6.QtGui import QImage

    png = tmp_path / "race.png"
    code, _, err = _run(
        capsys, "--preset", "linear", "--epochs", "3", "--size", "900x600", "--out", png
    )
    assert code == 0, err
    image = QImage(str(png))
    assert (image.width(), image.height()) == (900, 600)
    svg = tmp_path / "race.svg"
    code, _, _ = _run(
        capsys, "--preset", "linear", "--epochs", "3", "--kind", "accuracy", "--quiet", "--out", svg
    )
    assert code == 0
    import xml.etree.ElementTree as ElementTree

    root = ElementTree.parse(svg).getroot()
    texts = " ".join(t.text or "" for t in root.iter() if t.tag.endswith("text"))
    assert "Identity" in texts and "Tanh" in texts and "accuracy" in texts
    assert "separate XOR" in texts  # the preset's question is the title
    assert sum(1 for e in root.iter() if e.tag.endswith(("path", "polyline"))) > 10
    pdf = tmp_path / "race.pdf"
    assert _run(capsys, "--hidden", "1x2", "--epochs", "1", "--quiet", "--out", pdf)[0] == 0
    assert pdf.read_bytes()[:5] == b"%PDF-"


def test_standard_output_takes_the_data_and_the_table_goes_to_stderr(capsysbinary):
    code = main(
        [
            "--hidden",
            "1x2",
            "--activations",
            "tanh,relu",
            "--epochs",
            "2",
            "--format",
            "csv",
            "--out",
            "-",
        ]
    )
    captured = capsysbinary.readouterr()
    assert code == 0
    lines = captured.out.decode().splitlines()
    assert lines[0].startswith("seed,contestant,label,epoch") and len(lines) == 1 + 2 * 3
    assert "contestant" in captured.err.decode() and "ReLU" in captured.err.decode()
