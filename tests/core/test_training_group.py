"""Trainers that travel (pickled with their whole state) and train in lockstep."""

from __future__ import annotations

import math
import pickle

import numpy as np
import pytest

from actplay.core import activations as acts
from actplay.core import datasets
from actplay.core.network import Network
from actplay.core.training import Trainer, split_parameters
from actplay.core.training_group import SLICE_STEPS, TrainerGroup


@pytest.fixture(scope="module")
def circle():
    return datasets.generate("circle", 300, noise=0.1, test_fraction=0.5, seed=2)


def _trainer(data, batch_size=10, learning_rate=0.03, optimizer="adam", seed=0, points=None):
    x, y = data.train
    if points is not None:
        x, y = x[:points], y[:points]
    net = Network.from_init((2, 5, 4, 1), ["tanh", "tanh", "sigmoid"], "xavier", seed)
    return Trainer(
        net,
        x,
        y,
        loss="bce",
        optimizer=optimizer,
        learning_rate=learning_rate,
        batch_size=batch_size,
        seed=seed,
    )


def test_a_pickled_trainer_carries_on_exactly_as_the_original(circle):
    original = _trainer(circle)
    original.step(37)  # mid-epoch, Adam moments built up
    travelled = pickle.loads(pickle.dumps(original))
    for trainer in (original, travelled):
        trainer.step(60)
    np.testing.assert_array_equal(travelled.parameters, original.parameters)
    assert travelled.epoch_progress == original.epoch_progress
    # the per-layer views are views of the flat vector again, not copies
    travelled.weights[0][0, 0] = 123.0
    assert travelled.parameters[0] == 123.0
    assert np.shares_memory(travelled.bias_gradients[-1], travelled.gradient)


@pytest.mark.parametrize("name", acts.names())
def test_a_trainer_of_every_built_in_activation_travels(circle, name):
    # Some built-ins are made of lambdas: they travel as their registry name.
    net = Network.from_init((2, 4, 1), [name, "sigmoid"], "xavier", 0)
    original = Trainer(net, *circle.train, loss="bce", learning_rate=0.01)
    original.step(3)
    travelled = pickle.loads(pickle.dumps(original))
    assert travelled.network().activations[0][0] is acts.get(name)
    for trainer in (original, travelled):
        trainer.step(5)
    np.testing.assert_array_equal(travelled.parameters, original.parameters)


def test_split_parameters_matches_the_trainers_views(circle):
    trainer = _trainer(circle)
    views = split_parameters(trainer.parameters, trainer.sizes)
    for ours, theirs in zip(views, trainer.weights + trainer.biases, strict=True):
        np.testing.assert_array_equal(ours, theirs)
    with pytest.raises(ValueError, match="do not fit"):
        split_parameters(trainer.parameters[:-1], trainer.sizes)


def test_steps_left_in_epoch(circle):
    trainer = _trainer(circle, batch_size=7)
    n = len(trainer.inputs)
    assert trainer.steps_left_in_epoch == math.ceil(n / 7) == trainer.steps_per_epoch
    trainer.step(3)
    assert trainer.steps_left_in_epoch == math.ceil((n - 21) / 7)
    trainer.step(trainer.steps_left_in_epoch)
    assert trainer.epochs == 1 and trainer.steps_left_in_epoch == trainer.steps_per_epoch


def test_a_round_is_one_epoch_for_every_trainer_whatever_its_batch(circle):
    settings = [dict(batch_size=10), dict(batch_size=7, seed=1), dict(batch_size=32, points=100)]
    group = TrainerGroup()
    for slot, kwargs in enumerate(settings):
        group.put(slot, _trainer(circle, **kwargs))
    group.run_rounds(3)
    for slot, kwargs in enumerate(settings):
        reference = _trainer(circle, **kwargs)
        for _ in range(3):
            reference.epoch()
        trainer = group.trainers[slot]
        assert trainer.epochs == 3 and trainer.epoch_progress == 3.0
        np.testing.assert_array_equal(trainer.parameters, reference.parameters)


def test_long_epochs_are_cut_into_slices_that_end_together(circle):
    group = TrainerGroup()
    group.put(0, _trainer(circle, batch_size=1))  # 150 steps an epoch: 3 slices
    group.put(1, _trainer(circle, batch_size=10))  # 15 steps: 5 steps a slice
    slices = math.ceil(len(circle.train[1]) / SLICE_STEPS)
    ended = [group.step_slice() for _ in range(slices)]
    assert ended == [False] * (slices - 1) + [True]
    assert group.trainers[0].epochs == group.trainers[1].epochs == 1


def test_a_trainer_joining_mid_epoch_finishes_its_pass_in_the_first_round(circle):
    late = _trainer(circle)
    late.step(4)
    group = TrainerGroup()
    group.put(0, late)
    group.put(1, _trainer(circle, seed=3))
    group.run_rounds(2)
    assert late.epochs == 2 and late.epoch_progress == 2.0
    assert group.trainers[1].epochs == 2


@pytest.mark.filterwarnings("ignore::RuntimeWarning")  # overflow: what diverging means
def test_a_diverging_trainer_stops_with_finite_weights_and_the_others_go_on(circle):
    group = TrainerGroup()
    wild = Trainer(
        Network.from_init((2, 4, 1), ["identity", "identity"], "normal", 0, sigma=30.0),
        *circle.train,
        loss="mse",
        optimizer="sgd",
        learning_rate=10.0,
        batch_size=10,
    )
    group.put(0, wild)
    group.put(1, _trainer(circle))
    group.run_rounds(3)
    assert group.diverged == {0} and group.active == [1]
    assert wild.finite and group.trainers[1].epochs == 3
    group.put(0, _trainer(circle))  # a new trainer in the slot trains again
    assert group.diverged == set() and group.active == [0, 1]
    group.remove(1)
    assert list(group.trainers) == [0]
