"""Play in a worker process: the Playground stays the one truth (edits, pause, step, reset)."""

from __future__ import annotations

import time

import numpy as np
import pytest

from actplay.model import session
from actplay.model.playground import Playground
from actplay.model.training_worker import TrainingWorker


@pytest.fixture(scope="module")
def worker():
    worker = TrainingWorker()
    yield worker
    worker.close()


@pytest.fixture
def pg(worker):
    pg = Playground()
    pg.attach_training_worker(worker)
    yield pg
    pg.set_running(False)
    pg.attach_training_worker(None)


def _publish_until(pg, condition, timeout=20.0):
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        pg.collect_training()
        time.sleep(0.01)


def _same_weights(a, b) -> bool:
    return all(
        np.array_equal(x, y)
        for x, y in zip(a.weights + a.biases, b.weights + b.biases, strict=True)
    )


def test_a_run_in_the_worker_is_the_run_in_this_process(pg):
    pg.set_running(True)
    assert pg.training_in_background and pg.epoch == 0.0
    _publish_until(pg, lambda: pg.epoch >= 3)
    published = pg.loss_history()
    assert published["epoch"][0] == 0.0 and np.all(np.diff(published["epoch"]) > 0)
    pg.set_running(False)  # the trainer comes back, published
    assert not pg.training_in_background and not pg.running
    steps = pg._parts.run._trainer.steps
    reference = Playground()
    reference.train_steps(steps)
    assert _same_weights(pg, reference) and pg.epoch == reference.epoch
    assert pg.loss_history()["train"][-1] == pytest.approx(reference.loss_history()["train"][-1])
    pg.train_epoch()  # Step after a pause goes on from the worker's state
    reference.train_epoch()
    assert _same_weights(pg, reference)


def test_a_weight_edited_while_running_wins_over_older_snapshots(pg):
    pg.set_running(True)
    _publish_until(pg, lambda: pg.epoch >= 1)
    pg.set_weight(1, 0, 0, 2.5)
    assert not pg.collect_training()  # sends the edit; nothing older is published
    assert pg.weights[0][0, 0] == 2.5
    pg.set_weight(1, 0, 1, -1.5)
    pg.set_running(False)  # an edit after the last collect wins too
    assert pg.weights[0][0, 1] == -1.5 and pg.weights[0][0, 0] != 0.0
    np.testing.assert_array_equal(pg._parts.run._trainer.weights[0], pg.weights[0])


def test_step_while_running_trains_here_and_goes_back(pg):
    pg.set_running(True)
    _publish_until(pg, lambda: pg.epoch >= 1)
    before = pg.epoch
    pg.train_epoch()
    assert pg.running and pg.training_in_background
    assert pg.epoch >= before + 1 and pg.epoch == int(pg.epoch)


def test_reset_and_new_settings_start_a_new_run(pg):
    pg.set_running(True)
    _publish_until(pg, lambda: pg.epoch >= 2)
    pg.reset_training()
    assert pg.epoch == 0.0 and not pg.training_in_background
    _publish_until(pg, lambda: pg.epoch >= 1)
    assert pg.loss_history()["epoch"][0] == 0.0
    pg.set_training(batch_size=25)  # a new trainer, from the weights shown
    shown = pg.weights
    pg.collect_training()
    assert pg.training_in_background and pg._parts.run._dispatch.trainer_key[2] == 25
    assert all(
        np.array_equal(a, b) for a, b in zip(shown, pg._parts.run._trainer.weights, strict=True)
    )
    pg.set_training(learning_rate=0.001)  # follows the run in progress
    pg.collect_training()
    assert pg._parts.run._dispatch.rates == (0.001, 0.0)


def test_a_session_saved_mid_run_holds_the_published_state(pg, tmp_path):
    pg.set_running(True)
    _publish_until(pg, lambda: pg.epoch >= 2)
    path = tmp_path / "mid.actplay.json"
    session.save(pg, path)
    loaded = session.load(path)
    assert loaded.epoch == pg.epoch and _same_weights(loaded, pg)
    pg.set_running(False)
    assert pg.epoch >= loaded.epoch
    pg.apply_state(loaded.state_dict())  # opening it drops any run
    assert not pg.running and _same_weights(loaded, pg)


def test_losing_the_worker_stops_with_a_message_and_keeps_the_weights(pg, worker):
    pg.set_running(True)
    _publish_until(pg, lambda: pg.epoch >= 1)
    shown = pg.weights
    worker._process.kill()
    worker._process.join(5)
    pg.collect_training()
    assert not pg.running and "training process ended" in pg.training_error
    assert pg.training_worker is None
    assert all(np.array_equal(a, b) for a, b in zip(shown, pg.weights, strict=True))
    pg.train_epoch()  # trains here again, from the weights shown
    assert pg.epoch >= 2
