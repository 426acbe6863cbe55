"""The training worker process: snapshots, commands, answers, and its end.

One worker serves the module (a spawned process takes a moment to start);
each test loads its own trainers and leaves the worker paused.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time

import numpy as np
import pytest

from actplay.core import datasets
from actplay.core.network import Network
from actplay.core.training import Trainer
from actplay.model.training_worker import TrainingWorker


@pytest.fixture(scope="module")
def worker():
    worker = TrainingWorker(slots=3)
    yield worker
    worker.close()


@pytest.fixture(scope="module")
def spiral():
    return datasets.generate("spiral", 200, noise=0.0, test_fraction=0.5, seed=0)


def _trainer(data, seed=0, learning_rate=0.01, sizes=(2, 6, 6, 1), hidden="tanh"):
    net = Network.from_init(sizes, [hidden] * (len(sizes) - 2) + ["sigmoid"], "xavier", seed)
    return Trainer(
        net, *data.train, loss="bce", optimizer="adam", learning_rate=learning_rate, seed=seed
    )


def _progress(worker, slot) -> float:
    snapshot = worker.snapshot(slot)  # None until the worker has read the load command
    return -1.0 if snapshot is None else snapshot.epoch_progress


def _wait(condition, timeout=20.0):
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


def test_advance_trains_exactly_as_in_this_process(worker, spiral):
    generation = worker.load(0, _trainer(spiral), *spiral.test)
    worker.advance(2)
    snapshot = worker.snapshot(0)
    reference = _trainer(spiral)
    reference.epoch()
    reference.epoch()
    assert snapshot.generation == generation and snapshot.epoch_progress == 2.0
    assert snapshot.steps == reference.steps and not snapshot.diverged
    np.testing.assert_array_equal(snapshot.parameters, reference.parameters)
    assert snapshot.train_loss == pytest.approx(reference.loss(*spiral.train), rel=1e-12)
    assert snapshot.test_loss == pytest.approx(reference.loss(*spiral.test), rel=1e-12)
    np.testing.assert_allclose(snapshot.gradients, reference.mean_abs_weight_gradients())
    back = worker.collect()[0]  # the whole state comes back: it goes on as the reference
    back.epoch()
    reference.epoch()
    np.testing.assert_array_equal(back.parameters, reference.parameters)


@pytest.mark.parametrize("hidden", ["leaky_relu", "silu"])
def test_built_ins_made_of_lambdas_train_in_the_worker(worker, spiral, hidden):
    worker.load(0, _trainer(spiral, hidden=hidden))
    worker.advance(1)
    reference = _trainer(spiral, hidden=hidden)
    reference.epoch()
    np.testing.assert_array_equal(worker.snapshot(0).parameters, reference.parameters)


def test_new_parameters_and_rates_apply_from_the_next_step(worker, spiral):
    worker.load(0, _trainer(spiral), *spiral.test)
    worker.advance(1)
    reference = _trainer(spiral)
    reference.epoch()
    edited = reference.parameters.copy()
    edited[0] = 2.5
    generation = worker.set_parameters(0, edited)
    _wait(lambda: worker.snapshot(0).generation == generation)  # written on arrival
    np.testing.assert_array_equal(worker.snapshot(0).parameters, edited)
    worker.set_rates(0, 0.1, 0.001)
    worker.advance(1)
    reference.parameters[...] = edited  # the optimiser's moments carry on
    reference.learning_rate, reference.l2 = 0.1, 0.001
    reference.epoch()
    np.testing.assert_array_equal(worker.snapshot(0).parameters, reference.parameters)


def test_slots_train_in_lockstep_and_run_pauses(worker, spiral):
    worker.load(0, _trainer(spiral, seed=1), *spiral.test)
    worker.load(1, _trainer(spiral, seed=2, sizes=(2, 16, 16, 16, 1)))
    worker.run(True)
    _wait(lambda: _progress(worker, 1) >= 3)
    trainers = worker.collect()  # pauses
    assert set(trainers) == {0, 1}
    assert abs(trainers[0].epochs - trainers[1].epochs) <= 1  # within one round
    assert np.isnan(worker.snapshot(1).test_loss)  # no test points given
    paused = worker.snapshot(0).steps
    time.sleep(0.1)
    assert worker.snapshot(0).steps == paused
    worker.drop(1)
    worker.advance(1)
    assert worker.snapshot(1) is None and set(worker.collect()) == {0}


@pytest.mark.filterwarnings("ignore::RuntimeWarning")
def test_a_diverging_slot_is_reported_with_finite_weights(worker, spiral):
    wild = Trainer(
        Network.from_init((2, 4, 1), ["identity", "identity"], "normal", 0, sigma=30.0),
        *spiral.train,
        loss="mse",
        optimizer="sgd",
        learning_rate=10.0,
    )
    worker.load(2, wild)
    worker.advance(3)
    snapshot = worker.snapshot(2)
    assert snapshot.diverged and np.all(np.isfinite(snapshot.parameters))
    worker.drop(2)


def test_bad_requests_are_refused(worker, spiral):
    with pytest.raises(ValueError, match="slot"):
        worker.load(3, _trainer(spiral))
    small = TrainingWorker(capacity=10)
    with pytest.raises(ValueError, match="at most 10"):
        small.load(0, _trainer(spiral))
    assert not small.started  # refused before any process was started


def test_close_ends_the_process_and_a_new_command_starts_another(spiral):
    worker = TrainingWorker()
    worker.load(0, _trainer(spiral))
    worker.advance(1)
    process = worker._process
    worker.close()
    worker.close()
    assert not process.is_alive() and not worker.alive
    assert worker.snapshot(0) is None and worker.collect() == {}
    worker.load(0, _trainer(spiral))
    worker.advance(1)
    assert worker.alive and worker.snapshot(0).epoch_progress == 1.0
    worker.close()


ORPHAN_SCRIPT = """
import os, sys
from actplay.core import datasets
from actplay.core.network import Network
from actplay.core.training import Trainer
from actplay.model.training_worker import TrainingWorker

if __name__ == "__main__":
    data = datasets.generate("circle", 100, 0.1, 0.5, 0)
    net = Network.from_init((2, 4, 1), ["tanh", "sigmoid"], "xavier", 0)
    worker = TrainingWorker()
    worker.load(0, Trainer(net, *data.train, loss="bce"))
    worker.run(True)
    worker.advance(1)
    print(worker._process.pid, flush=True)
    os._exit(0)  # no clean-up at all: as if the window had crashed
"""


def _process_exists(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split()[2] != "Z"  # a zombie has ended
    except FileNotFoundError:
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_the_worker_ends_when_its_parent_dies_without_closing_it(tmp_path):
    script = tmp_path / "orphan.py"
    script.write_text(ORPHAN_SCRIPT)
    result = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=120, check=True
    )
    pid = int(result.stdout.split()[0])
    deadline = time.monotonic() + 10
    while _process_exists(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _process_exists(pid), "the worker outlived its parent"
    assert pid != os.getpid()
