"""The race section of the Playground: settings, events, the run, presets, custom functions."""

from __future__ import annotations

import numpy as np
import pytest

from actplay.core import datasets
from actplay.core.network import Network
from actplay.core.race_summary import decision_surface
from actplay.core.training import Trainer
from actplay.model import race_presets
from actplay.model.errors import InvalidValue
from actplay.model.playground import Playground
from actplay.model.race_schema import DEFAULT_RACE

SMALL = {
    "dataset": {"source": "circle", "points": 120, "noise": 0.1, "test_fraction": 0.5},
    "hidden": [6, 6],
    "contestants": [{"activation": "tanh", "params": {}}, {"activation": "relu", "params": {}}],
    "epochs": 6,
}


@pytest.fixture
def small(pg):
    pg.race.set(**SMALL)
    return pg


def test_defaults_and_the_state_dict(pg):
    assert pg.race.settings == DEFAULT_RACE
    assert pg.state_dict()["race"] == DEFAULT_RACE
    assert not pg.race.started and pg.race.record() is None and pg.race.table() is None
    assert pg.race.labels() == ("Sigmoid", "Tanh", "ReLU")


def test_a_change_emits_race_once_and_an_equal_one_nothing(pg, recorder):
    pg.race.set(learning_rate=0.1, repeats=3)
    assert recorder.events == [frozenset({"race"})]
    pg.race.set(learning_rate=0.1)
    assert recorder.count == 1
    assert pg.race.settings["repeats"] == 3


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"learning_rate": 0}, "race learning_rate"),
        ({"repeats": 21}, "race repeats"),
        ({"epochs": 0}, "race epochs"),
        ({"hidden": []}, "race hidden"),
        ({"hidden": [8, 17]}, "race hidden layer 2 size"),
        ({"contestants": []}, "race contestants"),
        ({"contestants": [{"activation": "nope", "params": {}}]}, "race contestant 1"),
        ({"contestants": [{"activation": "softmax", "params": {}}]}, "race contestant 1"),
        ({"contestants": [{"activation": "elu", "params": {"alpha": -1}}]}, "race contestant 1"),
        ({"contestants": [{"layers": [["tanh", {}]]}]}, "race contestant 1 layers must list"),
        ({"dataset": {"source": "custom"}}, "race dataset source"),
        ({"dataset": {"points": 3}}, "race dataset points"),
        ({"target": {"metric": "test_accuracy", "value": 2}}, "race a test_accuracy target"),
        ({"target": {"metric": "score", "value": 2}}, "race target metric"),
        ({"bias_init": 1e9}, "race bias_init"),
        ({"colour": "red"}, "unknown key"),
        ({"loss": "bce", "dataset": {"source": "regression"}}, "mse for the regression"),
    ],
)
def test_bad_settings_are_refused_and_change_nothing(pg, recorder, changes, field):
    before = pg.race.settings
    with pytest.raises(InvalidValue, match=field):
        pg.race.set(**changes)
    assert pg.race.settings == before and recorder.count == 0


def test_presets_carry_a_question_until_the_experiment_changes(pg):
    for name in race_presets.names():
        pg.race.apply_preset(name)
        assert pg.race.settings["preset"] == name and pg.race.question
    pg.race.apply_preset("deep")
    pg.race.set(repeats=10, epochs=50, target={"metric": "test_loss", "value": 0.2})
    assert pg.race.question.startswith("Six layers")
    pg.race.set(learning_rate=0.1)
    assert pg.race.question == "" and pg.race.settings["preset"] == ""
    with pytest.raises(InvalidValue, match="race preset"):
        pg.race.apply_preset("fastest")


def test_the_dying_preset_starts_every_hidden_bias_at_minus_two(pg):
    pg.race.apply_preset("dying")
    pg.race.step()
    race_setup = pg.race.setup()
    assert race_setup.bias_init == -2.0 and race_setup.seeds == (0, 1, 2, 3, 4)
    assert [c.label for c in race_setup.contestants] == [
        "ReLU",
        "Leaky ReLU",
        "Leaky ReLU (negative_slope=0.1)",
    ]


def test_step_play_and_the_end_of_the_race(small, recorder):
    pg = small
    pg.race.step()
    assert pg.race.epoch == 1 and recorder.events == [frozenset({"race"})]
    record = pg.race.record()
    assert record.curves.shape == (1, 2, 4, 2) and record.labels == ("Tanh", "ReLU")
    pg.race.set_running(True)
    assert pg.race.running
    while pg.race.running:
        pg.race.train_for(0.01)
    assert pg.race.epoch == 6 and pg.race.finished
    with pytest.raises(InvalidValue, match="finished"):
        pg.race.set_running(True)
    rows = pg.race.table()
    assert [row.label for row in rows] == ["Tanh", "ReLU"]
    pg.race.set(epochs=10)  # a longer race goes on from where it is
    assert pg.race.epoch == 6 and not pg.race.finished
    pg.race.run()
    assert pg.race.epoch == 10
    pg.race.reset()
    assert not pg.race.started and pg.race.epoch == 0


def test_settings_that_change_the_experiment_reset_the_run(small):
    pg = small
    pg.race.step()
    pg.race.set(target={"metric": "test_loss", "value": 0.3}, keep_results=False)
    assert pg.race.started
    pg.race.set(learning_rate=0.05)
    assert not pg.race.started


def test_train_for_without_publishing_sends_nothing_until_published(small, recorder):
    pg = small
    pg.race.set(epochs=5000)  # a tick never reaches the end, however fast the machine
    pg.race.set_running(True)
    recorder.clear()
    pg.race.train_for(0.005, publish=False)
    assert recorder.count == 0 and pg.race.epoch > 0
    pg.race.publish()
    assert recorder.events == [frozenset({"race"})]
    pg.race.publish()
    assert recorder.count == 1


def test_a_one_contestant_race_equals_the_playgrounds_single_training():
    seed, epochs = 3, 4
    single = Playground()
    with single.batch():
        single.set_dataset(source="spiral", points=200, noise=0.0, test_fraction=0.5)
        single.set_layer_sizes((2, 8, 8, 8, 8, 1))
        for layer in range(1, 5):
            single.set_layer_activation(layer, "tanh")
        single.set_seed(seed)
        single.set_training(seed=seed, optimizer="adam", learning_rate=0.03, batch_size=10)
        single.reset_training()
    for _ in range(epochs):
        single.train_epoch()
    racing = Playground()
    racing.race.set(
        dataset={"source": "spiral", "points": 200, "noise": 0.0, "test_fraction": 0.5},
        hidden=[8, 8, 8, 8],
        contestants=[{"activation": "tanh", "params": {}}],
        seed=seed,
        epochs=epochs,
    )
    racing.race.run()
    network = racing.race.network(0)
    for ours, theirs in zip(
        network.weights + network.biases, single.weights + single.biases, strict=True
    ):
        assert np.array_equal(ours, theirs)
    history = single.loss_history()
    record = racing.race.record()
    # both start with the loss before the first step (epoch 0)
    np.testing.assert_allclose(record.curve("train_loss")[0, 0], history["train"], rtol=1e-12)
    np.testing.assert_allclose(record.curve("test_loss")[0, 0], history["test"], rtol=1e-12)


def test_per_layer_contestants_and_their_labels(pg):
    pg.race.set(
        hidden=[4, 4, 4],
        contestants=[
            {"layers": [["tanh", {}], ["tanh", {}], ["relu", {}]]},
            {"activation": "elu", "params": {"alpha": 0.5}, "label": "soft ELU"},
        ],
    )
    assert pg.race.labels() == ("Tanh \u00d72 / ReLU", "soft ELU")
    race_setup = pg.race.setup()
    assert [f.name for f, _ in race_setup.contestants[0].layers] == ["tanh", "tanh", "relu"]
    assert race_setup.contestants[1].layers[2][1] == {"alpha": 0.5}


def test_maps_show_the_first_seeds_network(small):
    pg = small
    pg.race.step()
    network = pg.race.network(1)
    x, y = pg.race.setup().train
    reference = Trainer(
        Network.from_init((2, 6, 6, 1), ["relu", "relu", "sigmoid"], "xavier", 0), x, y, seed=0
    )
    reference.epoch()
    assert np.array_equal(network.weights[0], reference.weights[0])
    surface = pg.race.surface(1, resolution=20)
    extent = (-datasets.DATA_RADIUS - 1, datasets.DATA_RADIUS + 1)
    np.testing.assert_array_equal(
        surface, decision_surface(reference.network(), ("x1", "x2"), extent, 20)
    )
    health = pg.race.health(1)
    assert len(health.dead) == 3 and all(0 <= d <= 1 for d in health.saturated)


def test_a_custom_contestant_blocks_removal_and_follows_a_new_formula(pg):
    pg.add_custom_activation(
        {"name": "soft", "formula": "x / (1 + abs(x))**p", "params": {"p": (1.0, 0.5, 3.0)}}
    )
    pg.race.set(**{**SMALL, "contestants": [{"activation": "soft", "params": {"p": 2.5}}]})
    pg.race.step()
    with pytest.raises(ValueError, match="the race"):
        pg.remove_custom_activation("soft")
    pg.add_custom_activation(
        {"name": "soft", "formula": "x / (1 + abs(x))**p", "params": {"p": (1.0, 0.5, 2.0)}}
    )
    assert pg.race.settings["contestants"][0]["params"] == {"p": 1.0}  # 2.5 is out of range now
    assert not pg.race.started


def test_apply_state_with_the_same_race_keeps_the_run(small):
    pg = small
    pg.race.step()
    state = pg.state_dict()
    pg.apply_state(state)
    assert pg.race.started
    state["race"]["learning_rate"] = 0.5
    pg.apply_state(state)
    assert not pg.race.started and pg.race.settings["learning_rate"] == 0.5
