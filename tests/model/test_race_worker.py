"""A race lent to the worker process trains exactly as the headless race, and comes back.

The reference is the core race run in this process the way the command line runs
it (``run_for`` to the last epoch), itself equal to single training (test_race.py);
for one contestant the test also compares with a single ``Trainer`` directly.
One worker serves the module; each test attaches it to a fresh Playground.
"""

from __future__ import annotations

import time

import numpy as np
import pytest

from actplay.core.network import Network
from actplay.core.race import Race
from actplay.core.race_setup import initial_parameters
from actplay.core.race_summary import lane_health
from actplay.core.training import Trainer
from actplay.model.errors import InvalidValue
from actplay.model.playground import Playground
from actplay.model.race_worker import RaceWorker

CUSTOM = {"name": "softsign_p", "formula": "x / (1 + abs(x))**p", "params": {"p": (1.5, 0.2, 4.0)}}
SIX = [
    {"activation": "sigmoid", "params": {}},
    {"activation": "tanh", "params": {}},
    {"activation": "relu", "params": {}},
    {"activation": "gelu", "params": {}},
    {"activation": "leaky_relu", "params": {"negative_slope": 0.2}},
    {"activation": "softsign_p", "params": {"p": 1.5}},
]
SPIRAL = {
    "dataset": {"source": "spiral", "points": 200, "noise": 0.0, "test_fraction": 0.5, "seed": 0},
    "hidden": [8, 8, 8, 8],
    "loss": "bce",
    "optimizer": "adam",
    "learning_rate": 0.03,
    "batch_size": 10,
}


@pytest.fixture(scope="module")
def worker():
    worker = RaceWorker()
    yield worker
    worker.close()


@pytest.fixture
def lent(worker):
    """A Playground whose race trains in the module's worker (detached afterwards)."""
    pg = Playground()
    pg.add_custom_activation(CUSTOM)
    pg.race.attach_worker(worker)
    yield pg
    pg.race.reset()
    if pg.race.worker is worker:
        pg.race.attach_worker(None)


def _play(pg, until=None, timeout=60.0, every=None):
    """Collect as the window does until the race stops (or ``until(pg)`` holds)."""
    deadline = time.monotonic() + timeout
    while pg.race.running and not (until is not None and until(pg)):
        assert time.monotonic() < deadline, "the race did not end in time"
        pg.race.collect()
        if every is not None:
            every(pg)
        time.sleep(0.005)


def _headless(pg, epochs):
    race = Race(pg.race.setup())
    race.run_for(600.0, until_epoch=epochs)
    return race


def _assert_same_race(pg, reference):
    race = pg.race._race
    assert not pg.race.in_background and race.epochs == reference.epochs
    for s in range(len(reference.lanes)):
        for c in range(len(reference.lanes[0])):
            assert np.array_equal(race.parameters(s, c), reference.parameters(s, c))
    record = pg.race.record()
    np.testing.assert_allclose(record.curves, reference.curves(), rtol=1e-12, atol=1e-12)
    np.testing.assert_array_equal(record.diverged_at, reference.diverged_at())


@pytest.mark.parametrize("contestants", [SIX[1:2], SIX], ids=["one", "six"])
def test_a_race_in_the_worker_equals_the_headless_race(lent, contestants):
    pg = lent
    pg.race.set(**SPIRAL, contestants=contestants, repeats=2, epochs=12)
    reference, weights = _headless_by_epoch(pg, 12)
    pg.race.set_running(True)
    assert pg.race.in_background
    seen = []

    def look(pg):  # mid-race, the window is shown the race's own numbers
        if not pg.race.in_background:
            return
        mirror, record = pg.race._lent.mirror, pg.race.record()
        n = record.curves.shape[-1]
        seen.append(n)
        np.testing.assert_array_equal(record.curves, reference.curves()[..., :n])
        if mirror.parameters is not None:
            for c in range(len(contestants)):
                expected = weights[mirror.parameters_epoch][c]
                assert np.array_equal(mirror.parameters[c], expected)
                network = pg.race.network(c)
                assert np.array_equal(
                    network.weights[0],
                    expected[: network.weights[0].size].reshape(network.weights[0].shape),
                )

    _play(pg, every=look)
    assert not pg.race.running and pg.race.finished and pg.race.epoch == 12
    _assert_same_race(pg, reference)
    assert len(seen) > 1 and max(seen) > 1
    if len(contestants) == 1:  # and so single training, step for step
        single = _single_training(pg)
        for _ in range(12):
            single.epoch()
        assert np.array_equal(pg.race._race.parameters(0, 0), single.parameters)


def _headless_by_epoch(pg, epochs):
    """The headless race to ``epochs``, and its first seed's weights at every epoch end."""
    race = Race(pg.race.setup())
    contestants = range(len(race.lanes[0]))
    weights = [[race.parameters(0, c) for c in contestants]]
    while race.epochs < epochs:
        race.run_for(600.0, until_epoch=race.epochs + 1)  # the same chunks as to the end
        weights.append([race.parameters(0, c) for c in contestants])
    return race, weights


def _single_training(pg):
    """Single training of the race's first seed and contestant (tanh), as the app builds it."""
    setup, seed = pg.race.setup(), pg.race.settings["seed"]
    weights, biases = initial_parameters(setup, seed)
    network = Network.from_arrays(weights, biases, [("tanh", {})] * 4 + [("sigmoid", {})])
    return Trainer(network, *setup.train, loss="bce", learning_rate=0.03, seed=seed)


def test_the_mirror_answers_with_the_race_s_own_numbers_mid_race(lent):
    pg = lent
    pg.race.set(**SPIRAL, contestants=SIX[:3], repeats=1, epochs=400)
    pg.race.set_running(True)
    _play(pg, until=lambda pg: pg.race._lent.mirror.health is not None and pg.race.epoch >= 3)
    mirror = pg.race._lent.mirror
    reference = Race(pg.race.setup())
    reference.run_to(mirror.health_epoch)
    assert 1 <= mirror.health_epoch <= mirror.epochs
    for c in range(3):
        assert pg.race.health(c) == lane_health(reference, 0, c)
    reference.run_to(mirror.epochs)
    np.testing.assert_array_equal(pg.race.record().curves, reference.curves())
    pg.race.set_running(False)  # pausing brings the race home, at least as far
    assert not pg.race.in_background and pg.race.epoch >= mirror.epochs
    assert pg.race.health(0) == lane_health(pg.race._race, 0, 0)


def test_pausing_stepping_and_playing_again_change_nothing(lent):
    pg = lent
    # Long enough that a fast worker cannot finish while the loop below polls; the
    # length is cut to a few epochs past the pauses afterwards.
    pg.race.set(**SPIRAL, contestants=SIX[2:5], repeats=2, epochs=400)
    for _ in range(3):
        pg.race.set_running(True)
        _play(pg, until=lambda pg: pg.race.epoch >= 2 and pg.race.epoch % 1 > 0)
        pg.race.set_running(False)  # mid-epoch, mid-sweep perhaps: it comes back whole
        assert not pg.race.in_background and not pg.race.finished
        pg.race.step()
    end = int(np.ceil(pg.race.epoch)) + 3
    pg.race.set(epochs=end)
    pg.race.set_running(True)
    _play(pg)
    assert pg.race.epoch == end and pg.race.finished
    _assert_same_race(pg, _headless(pg, end))


def test_divergence_in_the_worker_is_the_headless_divergence(lent):
    pg = lent
    contestants = [{"activation": "identity", "params": {}}, SIX[1]]
    pg.race.set(**{**SPIRAL, "hidden": [8, 8]}, contestants=contestants, epochs=8)
    pg.race.set(optimizer="sgd", learning_rate=10.0)
    pg.race.set_running(True)
    _play(pg)
    reference = _headless(pg, 8)
    assert np.isfinite(reference.diverged_at()[0, 0])
    _assert_same_race(pg, reference)


def test_the_length_follows_while_it_runs_and_reset_drops_the_race(lent, worker):
    pg = lent
    pg.race.set(**SPIRAL, contestants=SIX[:2], epochs=3)
    pg.race.set_running(True)
    pg.race.set(epochs=9)  # raised before the worker got to 3
    _play(pg)
    assert pg.race.epoch == 9 and pg.race.finished
    _assert_same_race(pg, _headless(pg, 9))
    pg.race.set(epochs=400)
    pg.race.set_running(True)
    _play(pg, until=lambda pg: pg.race.epoch >= 11)
    pg.race.reset()
    assert not pg.race.started and not pg.race.in_background and not pg.race.running
    time.sleep(0.1)
    assert worker.race_updates() == []  # the dropped race sends nothing more


def test_a_lost_worker_stops_the_race_where_it_was_lent(lent):
    pg = lent
    pg.race.set(**SPIRAL, contestants=SIX[:2], epochs=400)
    pg.race.step()
    pg.race.set_running(True)
    _play(pg, until=lambda pg: pg.race.epoch >= 3)
    worker = pg.race.worker
    worker._process.kill()
    worker._process.join(5)
    with pytest.raises(InvalidValue, match="training process ended.*back at epoch 1"):
        pg.race.collect()
    assert pg.race.worker is None and not pg.race.running and pg.race.epoch == 1
    pg.race.set_running(True)  # without a worker, Play trains here
    pg.race.train_for(0.2)
    assert not pg.race.in_background and pg.race.epoch > 1
    pg.race.set_running(False)
    worker.close()
