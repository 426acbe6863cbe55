"""Training behaviour: learning the circle, the identity network's limit, determinism."""

from __future__ import annotations

import math

import numpy as np
import pytest

from actplay.core import datasets
from actplay.core.network import Network
from actplay.core.training import Trainer, check_loss_fits, target_matrix


@pytest.fixture(scope="module")
def circle():
    # The setting: 500 points, noise 0.1, half of them held out, seed 0.
    return datasets.generate("circle", 500, noise=0.1, test_fraction=0.5, seed=0)


def _train(data, hidden, steps, seed=0, **settings):
    x, y = data.train
    net = Network.from_init((2, 8, 8, 1), [hidden, hidden, "sigmoid"], "xavier", seed)
    trainer = Trainer(
        net, x, y, loss="bce", optimizer="adam", learning_rate=0.03, batch_size=10, **settings
    )
    trainer.step(steps)
    return trainer


def _accuracy(trainer, data):
    x, y = data.test
    return float(np.mean((trainer.outputs(x)[:, 0] > 0.5) == (y > 0.5)))


def test_tanh_network_learns_the_circle(circle):
    # 2-8-8-1 tanh (sigmoid output, BCE), Adam lr 0.03, batch 10, 2000 steps.
    trainer = _train(circle, "tanh", 2000)
    assert _accuracy(trainer, circle) >= 0.95
    assert trainer.loss(*circle.test) < 0.2


def test_identity_network_stays_near_chance(circle):
    # Without a nonlinearity the hidden layers collapse to one line through the plane.
    trainer = _train(circle, "identity", 2000)
    assert _accuracy(trainer, circle) <= 0.7
    assert trainer.loss(*circle.test) > 0.65  # chance is log 2 = 0.693


def test_same_seed_same_run_and_reset_repeats_it(circle):
    first, second = _train(circle, "tanh", 300), _train(circle, "tanh", 300)
    np.testing.assert_array_equal(first.parameters, second.parameters)
    other = _train(circle, "tanh", 300, seed=1)
    assert not np.array_equal(first.parameters, other.parameters)


def test_epoch_counts_and_steps_per_epoch(circle):
    x, y = circle.train
    net = Network.from_init((2, 3, 1), ["tanh", "sigmoid"], "xavier", 0)
    trainer = Trainer(net, x, y, loss="bce", batch_size=10)
    assert trainer.steps_per_epoch == math.ceil(len(x) / 10) == 25
    assert trainer.epoch() == 25
    trainer.step(3)
    assert trainer.epochs == 1 and trainer.epoch_progress == pytest.approx(1 + 30 / len(x))
    assert trainer.epoch() == 22 and trainer.epochs == 2


def test_partial_last_batch_uses_every_point():
    x = np.arange(14.0).reshape(7, 2)
    net = Network.from_init((2, 1), ["sigmoid"], "xavier", 0)
    trainer = Trainer(net, x, np.zeros(7), loss="bce", batch_size=3, optimizer="sgd")
    assert trainer.epoch() == 3 and trainer.epochs == 1


def test_sgd_lowers_the_loss(circle):
    trainer = _train(circle, "tanh", 0)
    trainer = Trainer(
        trainer.network(),
        *circle.train,
        loss="bce",
        optimizer="sgd",
        learning_rate=0.1,
        batch_size=10,
    )
    before = trainer.loss(*circle.train)
    trainer.step(500)
    assert trainer.loss(*circle.train) < 0.8 * before


def test_l2_shrinks_weights(circle):
    plain, decayed = _train(circle, "tanh", 500), _train(circle, "tanh", 500, l2=0.05)
    assert np.linalg.norm(decayed.weights[0]) < np.linalg.norm(plain.weights[0])


def test_loss_must_fit_the_output_layer():
    tanh_out = Network.from_init((2, 2), ["tanh"], "xavier", 0)
    with pytest.raises(ValueError, match="one sigmoid output"):
        check_loss_fits("bce", tanh_out)
    with pytest.raises(ValueError, match="softmax output"):
        check_loss_fits("cross_entropy", tanh_out)
    with pytest.raises(ValueError, match="loss must be one of"):
        check_loss_fits("hinge", tanh_out)
    check_loss_fits("mse", tanh_out)


def test_bad_settings_raise():
    net = Network.from_init((2, 1), ["sigmoid"], "xavier", 0)
    x, y = np.zeros((4, 2)), np.zeros(4)
    for kwargs, message in (
        ({"batch_size": 0}, "batch size"),
        ({"learning_rate": -1.0}, "learning rate"),
        ({"l2": math.nan}, "L2"),
        ({"optimizer": "rmsprop"}, "optimizer"),
    ):
        with pytest.raises(ValueError, match=message):
            Trainer(net, x, y, **kwargs)
    with pytest.raises(ValueError, match="class labels"):
        target_matrix([0.0, 2.0], 2)


def test_cross_entropy_loss_is_stable_for_huge_logits():
    net = Network.from_arrays([[[1e4, 0.0], [-1e4, 0.0]]], [[0.0, 0.0]], ["softmax"])
    trainer = Trainer(net, [[1.0, 0.0]], [1.0], loss="cross_entropy")
    assert trainer.loss([[1.0, 0.0]], [1.0]) == pytest.approx(2e4)
    assert trainer.loss([[1.0, 0.0]], [0.0]) == 0.0


def test_bce_loss_is_stable_for_huge_logits():
    net = Network.from_arrays([[[1e3]]], [[0.0]], ["sigmoid"])
    trainer = Trainer(net, [[1.0]], [0.0], loss="bce")
    assert trainer.loss([[1.0]], [0.0]) == pytest.approx(1e3)
    assert trainer.loss([[1.0]], [1.0]) == 0.0


def test_classes_are_minus_one_and_one_only_for_a_squared_loss_on_one_tanh_like_output():
    from actplay.core import activations as acts
    from actplay.core.training import class_target_values

    tanh, sigmoid = acts.get("tanh"), acts.get("sigmoid")
    assert class_target_values("squared", tanh, 1) == (-1.0, 1.0)
    assert class_target_values("mse", acts.get("identity"), 1) == (-1.0, 1.0)
    assert class_target_values("mse", sigmoid, 1) == (0.0, 1.0)
    assert class_target_values("bce", sigmoid, 1) == (0.0, 1.0)
    assert class_target_values("squared", tanh, 2) == (0.0, 1.0)  # one-hot outputs


def test_network_outputs_equal_the_networks_forward_pass():
    from actplay.core.training import network_outputs

    rng = np.random.default_rng(3)
    x = rng.normal(0, 3, (50, 3))
    for activations in (["tanh", "elu", "sigmoid"], ["relu", "gelu", "softmax"]):
        sizes = (3, 5, 4, 1 if activations[-1] == "sigmoid" else 3)
        net = Network.from_init(sizes, activations, "xavier", 1)
        np.testing.assert_allclose(network_outputs(net, x), net(x), rtol=1e-12, atol=1e-15)
