"""The Playground's training state: data set, settings, runs, events and sessions."""

from __future__ import annotations

import numpy as np
import pytest

from actplay.core import datasets
from actplay.core.training import Trainer
from actplay.model import session
from actplay.model.errors import InvalidValue
from actplay.model.playground import Playground


@pytest.fixture
def events(pg):
    seen = []
    pg.changed.connect(seen.append)
    return seen


def test_defaults_are_the_circle_and_bce_on_the_default_network(pg):
    spec, settings = pg.dataset_spec, pg.training_settings
    assert (spec["source"], spec["points"], spec["noise"], spec["test_fraction"]) == (
        "circle",
        500,
        0.1,
        0.5,
    )
    assert pg.features == ("x1", "x2") and settings["loss"] == "bce"
    data = pg.dataset()
    reference = datasets.generate("circle", 500, 0.1, 0.5, 0)
    np.testing.assert_array_equal(data.points, reference.points)
    assert pg.state_dict()["dataset"] == spec and pg.state_dict()["training"] == settings


def test_training_writes_the_trainers_weights_into_the_network_once(pg, events):
    start = pg.network()
    pg.train_steps(30)
    assert events == [frozenset({"network", "training"})]
    x, y = pg.dataset().train
    reference = Trainer(
        start, x, y, loss="bce", optimizer="adam", learning_rate=0.03, batch_size=10, seed=0
    )
    reference.step(30)
    for ours, theirs in zip(
        pg.weights + pg.biases, reference.weights + reference.biases, strict=True
    ):
        np.testing.assert_array_equal(ours, theirs)
    assert pg.epoch == pytest.approx(30 * 10 / len(y))
    history = pg.loss_history()
    assert history["train"][-1] == pytest.approx(reference.loss(x, y))
    assert history["test"][-1] == pytest.approx(reference.loss(*pg.dataset().test))
    epochs, grads = pg.gradient_history()
    assert grads.shape == (2, 3) and np.all(grads > 0)  # the start, then the steps
    assert epochs[0] == 0.0 and history["epoch"][0] == 0.0


def test_a_weight_edited_between_steps_is_trained_from(pg):
    pg.set_training(optimizer="sgd", batch_size=250, learning_rate=0.1)  # full batch
    pg.train_steps(2)
    pg.set_weight(1, 0, 0, 2.5)
    edited = pg.network()
    pg.train_steps(1)
    reference = Trainer(
        edited, *pg.dataset().train, loss="bce", optimizer="sgd", learning_rate=0.1, batch_size=250
    )
    reference.step(1)
    np.testing.assert_allclose(pg.weights[0], reference.weights[0], rtol=1e-12)


def test_epoch_step_and_reset(pg):
    pg.train_epoch()
    assert pg.epoch == pytest.approx(1.0)
    pg.reset_training()
    assert pg.epoch == 0.0 and pg.loss_history()["epoch"].tolist() == [0.0]
    fresh = Playground()
    for ours, theirs in zip(pg.weights, fresh.weights, strict=True):
        np.testing.assert_array_equal(ours, theirs)


def test_features_resize_the_input_layer_and_a_linear_net_then_solves_the_circle(pg):
    for layer in (1, 2):
        pg.set_layer_activation(layer, "identity")
    pg.set_feature("x1^2", True)
    pg.set_feature("x2^2", True)
    pg.set_feature("x1", False)
    pg.set_feature("x2", False)
    assert pg.features == ("x1^2", "x2^2") and pg.layer_sizes[0] == 2
    pg.set_training(learning_rate=0.01)
    pg.train_steps(1500)
    assert pg.accuracy(test=True) >= 0.9  # a circle is a line in (x1², x2²)
    pg.set_feature("x1*x2", True)
    assert pg.layer_sizes[0] == 3 and pg.epoch == 0.0
    with pytest.raises(InvalidValue, match="at least one"):
        for name in pg.features:
            pg.set_feature(name, False)


def test_loss_sets_the_output_layer_and_regression_switches_to_mse(pg):
    pg.set_training(loss="cross_entropy")
    assert pg.layer_sizes[-1] == 2 and pg.layer_activations[-1][0] == "softmax"
    pg.train_steps(5)
    assert pg.output_surface().shape == (100, 100)
    pg.set_dataset(source="regression")
    assert pg.training_settings["loss"] == "mse" and pg.layer_sizes[-1] == 1
    assert pg.layer_activations[-1][0] == "tanh" and pg.accuracy() is None
    with pytest.raises(InvalidValue, match="mean squared error"):
        pg.set_training(loss="bce")
    pg.train_steps(3)


def test_mismatched_input_layer_refuses_to_train_with_a_message(pg):
    pg.set_layer_sizes((3, 4, 1))
    with pytest.raises(InvalidValue, match="3 inputs but 2 input features"):
        pg.set_running(True)
    assert not pg.running


def test_dataset_changes_emit_and_reset(pg, events):
    pg.train_steps(5)
    events.clear()
    pg.set_dataset(source="spiral", noise=0.0)
    assert events == [frozenset({"dataset", "training", "network"})]
    assert pg.epoch == 0.0 and pg.dataset_spec["source"] == "spiral"
    pg.set_dataset(source="spiral")
    assert len(events) == 1  # equal value: no event
    before = pg.dataset().is_test.copy()  # a noiseless spiral: only the split is random
    pg.regenerate_dataset()
    assert pg.dataset_spec["seed"] == 1 and not np.array_equal(before, pg.dataset().is_test)
    with pytest.raises(InvalidValue, match="noise"):
        pg.set_dataset(noise=2.0)


def test_add_point_is_a_training_point(pg, events):
    n_train = len(pg.dataset().train[1])
    pg.add_point(0.5, -1.0, 1.0)
    assert len(pg.dataset().train[1]) == n_train + 1
    assert pg.dataset().train[0][-1].tolist() == [0.5, -1.0]
    assert events == [frozenset({"dataset", "training"})]


def test_csv_load_and_errors_leave_the_state(pg, tmp_path):
    good = tmp_path / "pts.csv"
    good.write_text("x1,x2,label\n" + "".join(f"{i},{-i},{i % 2}\n" for i in range(20)))
    pg.load_dataset_csv(good)
    assert pg.dataset_spec["source"] == "custom" and len(pg.dataset().points) == 20
    before = pg.state_dict()
    bad = tmp_path / "bad.csv"
    bad.write_text("1,2,0\n3,x,1\n")
    with pytest.raises(InvalidValue, match=r"bad.csv: line 2, column 2"):
        pg.load_dataset_csv(bad)
    with pytest.raises(InvalidValue, match="missing.csv"):
        pg.load_dataset_csv(tmp_path / "missing.csv")
    assert pg.state_dict() == before


def test_session_round_trip_of_dataset_and_training(pg, tmp_path):
    pg.set_dataset(source="xor", points=300, noise=0.2, test_fraction=0.3, seed=7)
    pg.set_feature("sin_x1", True)
    pg.add_point(1.0, 2.0, 0.0)
    pg.set_training(optimizer="sgd", learning_rate=0.1, batch_size=20, l2=0.001, seed=3)
    pg.train_steps(10)
    path = tmp_path / "t.actplay.json"
    session.save(pg, path)
    loaded = session.load(path)
    assert loaded.state_dict() == pg.state_dict()
    assert loaded.dataset_spec["custom_points"] == [[1.0, 2.0, 0.0]]
    assert loaded.epoch == pg.epoch and loaded.layer_sizes[0] == 3
    fresh = Playground()
    seen = []
    fresh.changed.connect(seen.append)
    fresh.apply_state(session.read_state(path))
    assert {"dataset", "training", "network"} <= seen[0]


@pytest.mark.parametrize(
    "section, change, message",
    [
        ("dataset", {"source": "moons"}, "dataset source"),
        ("dataset", {"features": ["x9"]}, "unknown feature"),
        ("dataset", {"custom_points": [[1, 2]]}, "custom_points"),
        ("dataset", {"test_fraction": 0.95}, "test_fraction"),
        ("training", {"learning_rate": 0}, "learning_rate"),
        ("training", {"batch_size": 0}, "batch_size"),
        ("training", {"optimizer": "rmsprop"}, "optimizer"),
        ("training", {"colour": 1}, "unknown key"),
    ],
)
def test_bad_sections_are_refused(pg, section, change, message):
    state = pg.state_dict()
    state[section] = {**state[section], **change}
    before = pg.state_dict()
    with pytest.raises(InvalidValue, match=message):
        pg.apply_state(state)
    assert pg.state_dict() == before


def test_dead_units_are_counted(pg):
    pg.set_layer_activation(1, "relu")
    pg.set_bias(1, 0, -1e3)  # unit 0 of layer 1 never fires on the data
    assert pg.dead_unit_counts() == [1, 0]


def test_unpublished_training_reaches_the_model_on_pause_in_one_event(pg, events):
    start = pg.network()
    pg.set_running(True)
    events.clear()
    pg.train_for(0.002, publish=False)
    pg.train_for(0.002, publish=False)
    assert events == [] and pg.epoch == 0.0
    np.testing.assert_array_equal(pg.weights[0], start.weights[0])
    pg.set_running(False)  # pausing publishes
    assert events == [frozenset({"network", "training"})]
    trainer = pg._parts.run._trainer
    steps = round(trainer.epoch_progress * len(pg.dataset().train[1]) / 10)
    reference = Trainer(
        start,
        *pg.dataset().train,
        loss="bce",
        optimizer="adam",
        learning_rate=0.03,
        batch_size=10,
        seed=0,
    )
    reference.step(steps)
    assert steps >= 10 and pg.epoch == pytest.approx(trainer.epoch_progress)
    for ours, theirs in zip(
        pg.weights + pg.biases, reference.weights + reference.biases, strict=True
    ):
        np.testing.assert_array_equal(ours, theirs)


def test_a_weight_edited_after_unpublished_training_survives_the_pause(pg):
    pg.set_running(True)
    pg.train_for(0.002, publish=False)
    pg.set_weight(1, 0, 0, 2.5)
    pg.set_running(False)
    assert pg.weights[0][0, 0] == 2.5


def _bce_by_hand(network, points, labels) -> float:
    p = np.clip(network(points)[:, 0], 1e-15, 1 - 1e-15)
    return float(-np.mean(labels * np.log(p) + (1 - labels) * np.log(1 - p)))


def test_the_loss_before_the_first_step_is_the_first_history_point(pg):
    data = pg.dataset()
    start_train = _bce_by_hand(pg.network(), *data.train)
    start_test = _bce_by_hand(pg.network(), *data.test)
    history = pg.loss_history()  # nothing trained yet: one point, the weights as they are
    assert history["epoch"].tolist() == [0.0]
    assert history["train"][0] == pytest.approx(start_train, rel=1e-9)
    assert history["test"][0] == pytest.approx(start_test, rel=1e-9)
    pg.set_weight(1, 0, 0, 3.0)  # before training the point follows the weights
    assert pg.loss_history()["train"][0] == pytest.approx(
        _bce_by_hand(pg.network(), *data.train), rel=1e-9
    )
    edited_train = pg.loss_history()["train"][0]
    pg.train_epoch()
    pg.train_epoch()
    history = pg.loss_history()
    assert history["epoch"].tolist() == [0.0, 1.0, 2.0]
    assert history["train"][0] == edited_train  # kept as recorded before the first step
    assert history["train"][-1] == pytest.approx(_bce_by_hand(pg.network(), *data.train), rel=1e-9)
    epochs, gradients = pg.gradient_history()
    assert epochs.tolist() == [0.0, 1.0, 2.0] and gradients.shape == (3, 3)
    pg.reset_training()
    assert pg.loss_history()["epoch"].tolist() == [0.0]
    assert pg.loss_history()["train"][0] == pytest.approx(start_train, rel=1e-9)


def test_no_history_when_the_network_cannot_train(pg):
    pg.set_layer_sizes((3, 4, 1))  # three inputs, two features
    assert len(pg.loss_history()["epoch"]) == 0
    assert pg.gradient_history()[1].shape == (0, 2)
