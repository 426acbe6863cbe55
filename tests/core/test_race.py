"""A race trains every contestant exactly as single training would.

The reference is the core `Trainer` on its own (itself checked against PyTorch in
test_training_torch.py), built the way single training builds it: weights from
``Network.from_init`` and the same seed for the shuffling.
"""

from __future__ import annotations

import numpy as np
import pytest

from actplay.core import datasets
from actplay.core.formula import make_custom_activation
from actplay.core.initialisation import init_parameters
from actplay.core.network import Network
from actplay.core.race import CHUNK_STEPS, Race
from actplay.core.race_setup import MAX_CONTESTANTS, MAX_SEEDS, Contestant, RaceSetup
from actplay.core.training import Trainer

SIZES = (2, 8, 8, 8, 8, 1)  # the spiral 4x8 recipe
HIDDEN = len(SIZES) - 2
SIX = (
    ("sigmoid", {}),
    ("tanh", {}),
    ("relu", {}),
    ("gelu", {}),
    ("leaky_relu", {"negative_slope": 0.2}),
    (make_custom_activation("softsign_p", "x / (1 + abs(x))**p", {"p": (1.5, 0.2, 4.0)}), {}),
)


@pytest.fixture(scope="module")
def spiral():
    return datasets.generate("spiral", 200, noise=0.0, test_fraction=0.5, seed=0)


def _setup(data, contestants, seeds=(0,), sizes=SIZES, **settings):
    return RaceSetup(
        layer_sizes=sizes,
        output=("sigmoid", {}),
        contestants=tuple(
            Contestant.uniform(name, params, len(sizes) - 2) for name, params in contestants
        ),
        train=data.train,
        test=data.test,
        seeds=seeds,
        **settings,
    )


def _single(data, activation, params, seed, sizes=SIZES, **settings):
    """Single training as the app builds it: one Trainer, weights from the seed."""
    n_hidden = len(sizes) - 2
    net = Network.from_init(sizes, [(activation, params)] * n_hidden + ["sigmoid"], "xavier", seed)
    x, y = data.train
    return Trainer(net, x, y, seed=seed, **settings)


def _accuracy(trainer, x, y):
    return float(np.mean((trainer.outputs(x)[:, 0] > 0.5) == (y > 0.5)))


def test_one_contestant_equals_single_training_bit_for_bit(spiral):
    race = Race(_setup(spiral, [("tanh", {})], seeds=(3,)))
    single = _single(spiral, "tanh", {}, 3)
    assert race.steps_per_epoch == single.steps_per_epoch == 10
    # Chunks that stop inside an epoch, end on its boundary and cross several.
    for chunk in (1, 2, 7, 10, 3, 25, 1, 40):
        race.step(chunk)
        for _ in range(chunk):
            single.step(1)
        assert single.steps == race.lanes[0][0].trainer.steps
        assert np.array_equal(race.parameters(0, 0), single.parameters)
    assert race.epochs == single.epochs == 8
    assert race.epoch_progress == single.epoch_progress


def test_two_contestants_with_the_same_activation_are_identical(spiral):
    race = Race(_setup(spiral, [("gelu", {}), ("gelu", {})], seeds=(0, 1)))
    race.run_to(12)
    curves = race.curves()
    for s in range(2):
        assert np.array_equal(race.parameters(s, 0), race.parameters(s, 1))
        assert np.array_equal(curves[s, 0], curves[s, 1], equal_nan=True)
    assert not np.array_equal(race.parameters(0, 0), race.parameters(1, 0))


def test_six_contestants_curves_equal_six_single_trainings(spiral):
    epochs = 15
    race = Race(_setup(spiral, SIX, seeds=(0, 7)))
    race.run_to(epochs)
    train, test = spiral.train, spiral.test
    for s, seed in enumerate((0, 7)):
        for c, (activation, params) in enumerate(SIX):
            single = _single(spiral, activation, params, seed)
            expected = []
            for epoch in range(epochs + 1):
                if epoch:
                    single.epoch()
                expected.append(
                    (
                        single.loss(*train),
                        single.loss(*test),
                        _accuracy(single, *train),
                        _accuracy(single, *test),
                    )
                )
            got = race.curves()[s, c].T  # (epochs + 1, metrics)
            np.testing.assert_allclose(got, np.array(expected), rtol=1e-12, atol=1e-12)
            np.testing.assert_allclose(race.parameters(s, c), single.parameters, rtol=1e-12)


def test_every_contestant_of_a_seed_starts_from_the_same_weights(spiral):
    race = Race(_setup(spiral, SIX[:4], seeds=(5, 6), bias_init=-0.5))
    weights, _ = init_parameters(SIZES, "xavier", 5)
    for c in range(4):
        network = race.network(0, c)
        for got, drawn in zip(network.weights, weights, strict=True):
            assert np.array_equal(got, drawn)
        assert all(np.all(b == -0.5) for b in network.biases[:-1])
        assert np.all(network.biases[-1] == 0.0)  # the output's bias keeps the usual start
    assert not np.array_equal(race.network(1, 0).weights[0], weights[0])


def test_batch_order_is_shared_across_contestants(spiral):
    race = Race(_setup(spiral, [("tanh", {}), ("relu", {})], seeds=(2,)))
    orders = [lane.trainer._order for lane in race.lanes[0]]
    assert np.array_equal(*orders)
    race.run_to(3)
    assert np.array_equal(*(lane.trainer._order for lane in race.lanes[0]))


def test_run_for_stops_at_the_epoch_asked(spiral):
    race = Race(_setup(spiral, [("tanh", {})]))
    race.run_for(60.0, until_epoch=4)
    assert race.epochs == 4 and race.epoch_progress == 4.0
    race.run_for(60.0, until_epoch=4)
    assert race.epochs == 4
    assert race.curves("test_loss").shape == (1, 1, 5)
    assert race.wall_times()[0, 0] > 0


def test_curves_grow_past_the_first_buffer(spiral):
    race = Race(_setup(spiral, [("relu", {})], sizes=(2, 4, 1)))
    race.run_to(70)
    losses = race.curves("train_loss")
    assert losses.shape == (1, 1, 71) and np.all(np.isfinite(losses))


def test_a_diverging_lane_stops_and_keeps_its_last_finite_weights(spiral):
    contestants = [("identity", {}), ("tanh", {})]
    race = Race(
        _setup(spiral, contestants, sizes=(2, 8, 8, 1), optimizer="sgd", learning_rate=10.0)
    )
    race.run_to(10)
    diverged = race.diverged_at()
    assert np.isfinite(diverged[0, 0]) and np.isnan(diverged[0, 1])
    assert np.all(np.isfinite(race.parameters(0, 0)))
    curve = race.curves("train_loss")[0, 0]
    after = int(np.floor(diverged[0, 0])) + 1
    assert np.all(np.isnan(curve[after:])) and np.isfinite(curve[0])
    assert np.all(np.isfinite(race.curves("train_loss")[0, 1]))
    assert race.epochs == 10


def test_losses_match_the_trainer_for_every_loss():
    data = datasets.generate("gaussian", 120, noise=0.3, test_fraction=0.25, seed=1)
    for loss, output, n_out in (
        ("mse", "sigmoid", 1),
        ("bce", "sigmoid", 1),
        ("cross_entropy", "softmax", 2),
    ):
        setup = RaceSetup(
            layer_sizes=(2, 5, n_out),
            output=(output, {}),
            contestants=(Contestant.uniform("elu", {"alpha": 0.5}, 1),),
            train=data.train,
            test=data.test,
            loss=loss,
            seeds=(4,),
        )
        race = Race(setup)
        race.run_to(3)
        trainer = race.lanes[0][0].trainer
        outputs = trainer.outputs(data.test[0])
        predicted = np.argmax(outputs, axis=1) if n_out > 1 else outputs[:, 0] > 0.5
        assert race.curves("train_loss")[0, 0, -1] == trainer.loss(*data.train)
        assert race.curves("test_loss")[0, 0, -1] == trainer.loss(*data.test)
        assert race.curves("test_accuracy")[0, 0, -1] == np.mean(predicted == data.test[1])


def test_regression_has_no_accuracy():
    data = datasets.generate("regression", 80, noise=0.0, test_fraction=0.5, seed=0)
    setup = RaceSetup(
        layer_sizes=(2, 4, 1),
        output=("tanh", {}),
        contestants=(Contestant.uniform("tanh", None, 1),),
        train=data.train,
        test=data.test,
        loss="mse",
        classification=False,
    )
    race = Race(setup)
    race.run_to(2)
    assert np.all(np.isnan(race.curves("test_accuracy")))
    assert np.all(np.isfinite(race.curves("test_loss")))


def test_per_layer_contestants_use_their_own_layers(spiral):
    mixed = Contestant("tanh then relu", (("tanh", {}), ("relu", {})))
    setup = RaceSetup(
        layer_sizes=(2, 6, 6, 1),
        output=("sigmoid", {}),
        contestants=(mixed,),
        train=spiral.train,
        test=spiral.test,
        seeds=(1,),
    )
    race = Race(setup)
    race.run_to(2)
    net = Network.from_init((2, 6, 6, 1), ["tanh", "relu", "sigmoid"], "xavier", 1)
    single = Trainer(net, *spiral.train, seed=1)
    single.step(2 * single.steps_per_epoch)
    assert np.array_equal(race.parameters(0, 0), single.parameters)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"contestants": ()}, "1 to 6 contestants"),
        ({"contestants": (Contestant.uniform("tanh", None, 4),) * 7}, "1 to 6 contestants"),
        ({"contestants": (Contestant.uniform("tanh", None, 3),)}, "3 hidden layer activation"),
        ({"seeds": (1, 1)}, "must differ"),
        ({"seeds": tuple(range(MAX_SEEDS + 1))}, "1 to 20 seeds"),
        ({"seeds": ()}, "1 to 20 seeds"),
        ({"bias_init": float("inf")}, "bias init"),
        ({"init_scheme": "lecun"}, "init scheme"),
        ({"layer_sizes": (2, 1)}, "at least one hidden layer"),
    ],
)
def test_bad_setups_are_refused(spiral, changes, message):
    fields = {
        "layer_sizes": SIZES,
        "output": ("sigmoid", {}),
        "contestants": (Contestant.uniform("tanh", None, HIDDEN),),
        "train": spiral.train,
        "test": spiral.test,
        **changes,
    }
    with pytest.raises(ValueError, match=message):
        Race(RaceSetup(**fields))
    assert MAX_CONTESTANTS == 6


def test_run_for_may_stop_between_lanes_and_ends_the_same(spiral):
    sliced = Race(_setup(spiral, SIX[:3], seeds=(0, 1)))
    calls = 0
    while sliced.epochs < 2:
        sliced.run_for(0.0, until_epoch=2)  # an expired budget: one lane's chunk per call
        calls += 1
        if sliced._sweep is not None:  # half a sweep: the race has not moved yet
            assert sliced._sweep[1] < 6
    assert calls >= 6 * 2 * 2  # at least one call per lane and chunk
    whole = Race(_setup(spiral, SIX[:3], seeds=(0, 1)))
    whole.run_to(2)
    for s in range(2):
        for c in range(3):
            assert np.array_equal(sliced.parameters(s, c), whole.parameters(s, c))
    np.testing.assert_array_equal(sliced.curves(), whole.curves())
    sliced.run_for(0.0, until_epoch=3)  # leaves a sweep open; step() finishes it first
    sliced.run_to(3)
    whole.run_to(3)
    assert np.array_equal(sliced.parameters(1, 2), whole.parameters(1, 2))


def test_run_for_one_epoch_at_a_time_trains_as_one_run_to_the_end(spiral):
    # How a worker drives a race (to every epoch end, to look at it there) against
    # how the command line does (run_for to the last epoch): the same chunks, so the
    # same weights, records and divergence, bit for bit.
    setup = _setup(spiral, [("identity", {}), ("tanh", {})], sizes=(2, 8, 8, 1), optimizer="sgd")
    setup = RaceSetup(**{**setup.__dict__, "learning_rate": 10.0})
    headless = Race(setup)
    headless.run_for(60.0, until_epoch=6)
    pieces = Race(setup)
    seen = []
    while pieces.epochs < 6:
        pieces.run_for(0.0005, until_epoch=pieces.epochs + 1)
        if pieces.at_epoch_end:
            seen.append(pieces.epochs)
            np.testing.assert_array_equal(
                pieces.curves(first=pieces.epochs)[..., 0], pieces.curves()[..., -1]
            )
        else:
            assert pieces._sweep is not None or pieces.epoch_progress % 1 > 0
    assert sorted(set(seen)) == [1, 2, 3, 4, 5, 6]
    assert np.isfinite(headless.diverged_at()[0, 0])
    np.testing.assert_array_equal(pieces.diverged_at(), headless.diverged_at())
    np.testing.assert_array_equal(pieces.curves(), headless.curves())
    for c in range(2):
        assert np.array_equal(pieces.parameters(0, c), headless.parameters(0, c))
    assert pieces.curves(first=4).shape == (1, 2, 4, 3)
    assert pieces.curves("test_loss", first=9).shape == (1, 2, 0)


def test_a_long_run_for_checks_divergence_every_chunk_as_a_short_one(spiral):
    # run_for sweeps many CHUNK_STEPS parts at once when it has the time (50 steps an
    # epoch here); the weights are still checked after every part, as single training
    # stepped part by part shows: the lane diverges inside the epoch's second sweep.
    sizes, settings = (2, 8, 8, 1), {"optimizer": "sgd", "learning_rate": 0.6, "batch_size": 2}
    race = Race(_setup(spiral, [("identity", {})], sizes=sizes, **settings))
    race.run_for(60.0, until_epoch=3)
    assert race.steps_per_epoch == 50
    steps = round(race.diverged_at()[0, 0] * race.steps_per_epoch)
    assert steps % CHUNK_STEPS == 0 and CHUNK_STEPS < steps < race.steps_per_epoch
    single = _single(spiral, "identity", {}, 0, sizes=sizes, **settings)
    with np.errstate(over="ignore", invalid="ignore"):
        single.step(steps)
        assert single.finite
        assert np.array_equal(race.parameters(0, 0), single.parameters)
        single.step(CHUNK_STEPS)
    assert not single.finite
