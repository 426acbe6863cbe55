"""The race's per-epoch record, from one forward pass into kept buffers, is exact.

The reference is single training's own evaluation: ``Trainer.loss`` on each set
and the share of its ``Trainer.outputs`` classified right, computed apart.
"""

from __future__ import annotations

import pickle

import numpy as np
import pytest

from actplay.core import datasets
from actplay.core.network import Network
from actplay.core.race_metrics import EpochMetrics, metrics
from actplay.core.training import Trainer, target_matrix

CASES = {  # loss: (data set, layer sizes, output activation)
    "bce": ("spiral", (2, 6, 5, 1), "sigmoid"),
    "mse": ("circle", (2, 6, 5, 1), "tanh"),
    "cross_entropy": ("gaussian", (2, 6, 5, 2), "softmax"),
}


def _trainer(loss, data, sizes, output, seed=0):
    hidden = ["tanh", ("elu", {"alpha": 0.5})][: len(sizes) - 2]
    network = Network.from_init(sizes, [*hidden, output], "xavier", seed)
    return Trainer(network, *data.train, loss=loss, seed=seed)


def _recorder(trainer, data, loss, classification=True):
    (train_x, train_y), (test_x, test_y) = data.train, data.test
    n_out = trainer.sizes[-1]
    return EpochMetrics(
        np.vstack([train_x, test_x]),
        len(train_x),
        np.vstack([target_matrix(train_y, n_out), target_matrix(test_y, n_out)]),
        loss,
        classification,
        trainer.sizes,
    )


def _share_right(trainer, x, y):
    outputs = trainer.outputs(x)
    if outputs.shape[1] > 1:
        return float(np.mean(np.argmax(outputs, axis=1) == y))
    return float(np.mean((outputs[:, 0] > 0.5) == (y > 0.5)))


@pytest.mark.parametrize("loss", CASES)
def test_each_epochs_record_equals_single_trainings_own_evaluation(loss):
    source, sizes, output = CASES[loss]
    data = datasets.generate(source, 160, noise=0.2, test_fraction=0.3, seed=2)
    trainer = _trainer(loss, data, sizes, output)
    recorder = _recorder(trainer, data, loss)
    for _ in range(6):
        got = recorder.measure(trainer)
        expected = (
            trainer.loss(*data.train),
            trainer.loss(*data.test),
            _share_right(trainer, *data.train),
            _share_right(trainer, *data.test),
        )
        assert got == expected  # bit for bit, every epoch
        trainer.epoch()


@pytest.mark.parametrize("loss", CASES)
def test_the_record_equals_the_per_set_metrics(loss):
    source, sizes, output = CASES[loss]
    data = datasets.generate(source, 120, noise=0.3, test_fraction=0.5, seed=5)
    trainer = _trainer(loss, data, sizes, output, seed=3)
    trainer.step(7)
    logits = loss != "mse"
    expected = []
    for x, y in (data.train, data.test):
        expected.append(
            metrics(loss, trainer.outputs(x, logits=logits), target_matrix(y, sizes[-1]), True)
        )
    (train_loss, train_acc), (test_loss, test_acc) = expected
    assert _recorder(trainer, data, loss).measure(trainer) == (
        train_loss,
        test_loss,
        train_acc,
        test_acc,
    )


def test_without_a_test_set_or_classes_the_missing_numbers_are_nan():
    data = datasets.generate("regression", 60, noise=0.0, test_fraction=0.0, seed=0)
    assert len(data.test[0]) == 0
    trainer = _trainer("mse", data, (2, 4, 1), "identity")
    train_loss, test_loss, train_acc, test_acc = _recorder(
        trainer, data, "mse", classification=False
    ).measure(trainer)
    assert train_loss == trainer.loss(*data.train)
    assert np.isnan(test_loss) and np.isnan(train_acc) and np.isnan(test_acc)


def test_a_pickled_recorder_rebuilds_its_buffers_and_measures_the_same():
    data = datasets.generate("spiral", 100, noise=0.1, test_fraction=0.5, seed=1)
    trainer = _trainer("bce", data, CASES["bce"][1], "sigmoid")
    recorder = _recorder(trainer, data, "bce")
    before = recorder.measure(trainer)
    copy = pickle.loads(pickle.dumps(recorder))
    assert copy._scratch is None  # buffers do not travel
    assert copy.measure(trainer) == before == recorder.measure(trainer)


def test_outputs_into_scratch_buffers_equal_fresh_outputs():
    data = datasets.generate("spiral", 80, noise=0.1, test_fraction=0.0, seed=4)
    trainer = _trainer("bce", data, CASES["bce"][1], "sigmoid")
    trainer.step(5)
    x = data.train[0]
    scratch = [np.full((len(x), size), np.nan) for size in trainer.sizes[1:]]
    for logits in (False, True):
        assert np.array_equal(
            trainer.outputs(x, logits=logits, scratch=scratch), trainer.outputs(x, logits=logits)
        )
