"""``actplay train``: the command line chooses data sets and trains through the model."""

from __future__ import annotations

import json

import pytest

from actplay.app.train_cli import main
from actplay.model import session
from actplay.model import training_recipes as recipes
from actplay.model.playground import Playground


def _run(capsys, *argv):
    code = main([str(word) for word in argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_a_data_set_chosen_on_the_command_line_gets_the_windows_proposal(capsys, tmp_path):
    out = tmp_path / "spiral.actplay.json"
    code, text, err = _run(capsys, "--dataset", "spiral", "--epochs", "0", "--out", out)
    assert code == 0 and err == ""
    window_way = Playground()
    window_way.set_dataset(source="spiral")  # what a click on the thumbnail does
    written = session.load(out)
    assert written.layer_sizes == window_way.layer_sizes
    assert written.training_settings == window_way.training_settings
    assert text.splitlines()[0].startswith("epoch      0  train loss")


def test_options_override_the_proposal_and_training_is_the_models(capsys, tmp_path):
    out = tmp_path / "t.actplay.json"
    code, text, _ = _run(
        capsys,
        "--dataset",
        "xor",
        "--learning-rate",
        "0.003",
        "--epochs",
        "3",
        "--seed",
        "2",
        "--every",
        "1",
        "--out",
        out,
    )
    assert code == 0 and len(text.splitlines()) == 4  # epoch 0, then 1, 2, 3
    written = session.load(out)
    assert written.training_settings["learning_rate"] == 0.003 and written.epoch == 3.0
    reference = Playground()
    with reference.batch():
        reference.set_dataset(seed=2)
        reference.set_seed(2)
        reference.set_training(seed=2)
        reference.set_dataset(source="xor")
        reference.set_training(learning_rate=0.003)
        reference.reset_training()
    for _ in range(3):
        reference.train_epoch()
    assert (
        written.state_dict()["network"]["weights"] == reference.state_dict()["network"]["weights"]
    )


def test_the_tf_recipe(capsys, tmp_path):
    out = tmp_path / "tf.actplay.json"
    code, _, _ = _run(capsys, "--tf-recipe", "--epochs", "2", "--out", out)
    state = json.loads(out.read_text())
    assert code == 0 and state["training"]["loss"] == "squared"
    assert state["network"]["layer_sizes"] == [2, *recipes.TF_SPIRAL.hidden, 1]
    assert state["dataset"]["noise"] == 0.0


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--dataset", "moons"], "invalid choice"),
        (["--learning-rate", "0"], "learning_rate"),
        (["--epochs", "-1"], "--epochs"),
        (["--session", "missing.actplay.json"], "missing.actplay.json"),
    ],
)
def test_bad_input_is_one_line_and_writes_nothing(capsys, tmp_path, argv, message):
    out = tmp_path / "never.actplay.json"
    code, _, err = _run(capsys, *argv, "--out", out)
    assert code == 2 and message in err and len(err.strip().splitlines()) == 1
    assert not out.exists()


def test_an_unwritable_out_is_refused_before_any_epoch(capsys, tmp_path):
    out = tmp_path / "no-such-folder" / "trained.actplay.json"
    code, printed, err = _run(capsys, "--epochs", "5", "--out", out)
    assert code == 2 and printed == ""  # not even the first epoch's line
    assert err.count("\n") == 1 and "output folder does not exist" in err
