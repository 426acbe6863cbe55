"""The race's summaries: spread over seeds, epochs to a target, table, health, maps."""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch

from actplay.core import datasets
from actplay.core.diagnostics import layer_diagnostics
from actplay.core.race import Race
from actplay.core.race_setup import Contestant, RaceSetup
from actplay.core.race_summary import (
    NOT_REACHED,
    Stat,
    decision_surface,
    epochs_to_target,
    lane_health,
    results_table,
    spread,
)
from actplay.model.playground import Playground


@pytest.fixture(scope="module")
def circle():
    return datasets.generate("circle", 160, noise=0.1, test_fraction=0.5, seed=0)


def _race(data, names, seeds=(0, 1, 2), sizes=(2, 6, 6, 1), **settings):
    return Race(
        RaceSetup(
            layer_sizes=sizes,
            output=("sigmoid", {}),
            contestants=tuple(Contestant.uniform(n, None, len(sizes) - 2) for n in names),
            train=data.train,
            test=data.test,
            seeds=seeds,
            **settings,
        )
    )


def test_spread_is_median_and_range_over_seeds_ignoring_nan():
    values = np.array([[1.0, np.nan, 5.0], [3.0, np.nan, np.nan], [2.0, np.nan, 7.0]])
    median, low, high = spread(values)
    np.testing.assert_array_equal(median, [2.0, np.nan, 6.0])
    np.testing.assert_array_equal(low, [1.0, np.nan, 5.0])
    np.testing.assert_array_equal(high, [3.0, np.nan, 7.0])


def test_epochs_to_target_counts_from_epoch_zero():
    losses = np.array([[0.9, 0.5, 0.2, 0.1], [0.9, 0.8, 0.7, np.nan]])
    np.testing.assert_array_equal(epochs_to_target(losses, "test_loss", 0.5), [1, NOT_REACHED])
    accuracy = np.array([[0.5, 0.8, 0.95, 0.99]])
    np.testing.assert_array_equal(epochs_to_target(accuracy, "test_accuracy", 0.95), [2])
    np.testing.assert_array_equal(epochs_to_target(accuracy, "test_accuracy", 0.4), [0])
    with pytest.raises(ValueError, match="share within 0..1"):
        epochs_to_target(accuracy, "test_accuracy", 1.5)
    with pytest.raises(ValueError, match="target metric"):
        epochs_to_target(accuracy, "accuracy", 0.5)


def test_stat_counts_not_reached_as_the_worst():
    assert Stat.of([3, NOT_REACHED, 5]) == Stat(5.0, 3.0, math.inf)
    assert Stat.of([NOT_REACHED, NOT_REACHED, 4]) == Stat(math.inf, 4.0, math.inf)
    nothing = Stat.of([np.nan])
    assert math.isnan(nothing.median)


def test_results_table_reads_the_curves(circle):
    race = _race(circle, ["tanh", "identity"])
    race.run_to(30)
    rows = results_table(race.record(), "test_accuracy", 0.9)
    accuracy = race.curves("test_accuracy")
    for c, row in enumerate(rows):
        first = []
        for s in range(3):
            hits = np.flatnonzero(accuracy[s, c] >= 0.9)
            first.append(float(hits[0]) if hits.size else math.inf)
        assert row.epochs_to_target == Stat(
            float(np.median(first)), float(min(first)), float(max(first))
        )
        assert row.reached == sum(math.isfinite(f) for f in first)
        assert row.final["test_accuracy"].median == float(np.median(accuracy[:, c, -1]))
        assert row.seeds == 3 and row.diverged == 0
        assert row.wall_time.low > 0
    assert [row.label for row in rows] == ["tanh", "identity"]
    # The classic result: a linear network cannot draw a circle.
    assert rows[0].reached == 3 and rows[1].reached == 0


def _torch_weight_gradients(network, x, y):
    a = torch.tensor(x)
    params = []
    for w, b, (function, _) in zip(
        network.weights, network.biases, network.activations, strict=True
    ):
        w = torch.tensor(w, requires_grad=True)
        b = torch.tensor(b)
        params.append(w)
        z = a @ w.T + b
        a = {"tanh": torch.tanh, "relu": torch.relu, "sigmoid": lambda t: t}[function.name](z)
    loss = torch.nn.functional.binary_cross_entropy_with_logits(a[:, 0], torch.tensor(y))
    loss.backward()
    return [float(w.grad.abs().mean()) for w in params]


def test_lane_health_matches_autograd_and_the_diagnostics(circle):
    race = _race(circle, ["tanh", "relu"], seeds=(0,), bias_init=-1.0)
    race.run_to(3)
    x, y = circle.train
    for c in range(2):
        health = lane_health(race, 0, c)
        network = race.network(0, c)
        expected = _torch_weight_gradients(network, x, y)
        np.testing.assert_allclose(health.gradient, expected, rtol=1e-9)
        diagnostics = layer_diagnostics(network, x)
        assert health.dead == tuple(d.dead_fraction for d in diagnostics)
        assert health.saturated == tuple(d.saturated_fraction for d in diagnostics)


def test_asking_for_health_does_not_disturb_the_race(circle):
    watched, alone = _race(circle, ["relu"], seeds=(0,)), _race(circle, ["relu"], seeds=(0,))
    for _ in range(6):
        watched.step(3)
        lane_health(watched, 0, 0)
        alone.step(3)
    assert np.array_equal(watched.parameters(0, 0), alone.parameters(0, 0))


def test_decision_surface_is_the_models_output_surface(circle):
    race = _race(circle, ["tanh"], seeds=(0,), sizes=(2, 8, 8, 1))
    race.run_to(5)
    network = race.network(0, 0)
    pg = Playground()
    with pg.batch():
        pg.set_dataset(source="circle")
        for layer, (w, b) in enumerate(zip(network.weights, network.biases, strict=True)):
            for out in range(w.shape[0]):
                pg.set_bias(layer + 1, out, float(b[out]))
                for inp in range(w.shape[1]):
                    pg.set_weight(layer + 1, out, inp, float(w[out, inp]))
    surface = decision_surface(network, ("x1", "x2"), pg.plane_range, 100)
    np.testing.assert_array_equal(surface, pg.output_surface())
    assert surface.dtype == np.float32 and surface.shape == (100, 100)


def test_a_thinned_record_keeps_the_ends_and_its_epochs(circle):
    race = _race(circle, ["tanh", "relu"], seeds=(0, 1))
    race.run_to(23)
    record = race.record()
    thin = record.thinned(6)
    assert thin.epochs.tolist() == [0, 5, 10, 15, 20, 23]
    np.testing.assert_array_equal(thin.curves, record.curves[..., [0, 5, 10, 15, 20, 23]])
    assert record.thinned(100) is record and thin.last_epoch == 23
    # Epochs to a target read the epoch of each kept record, not its index.
    losses = np.array([[0.9, 0.6, 0.3, 0.2, 0.1, 0.05]])
    np.testing.assert_array_equal(epochs_to_target(losses, "test_loss", 0.3, thin.epochs), [10])
    np.testing.assert_array_equal(epochs_to_target(losses, "test_loss", 0.05, thin.epochs), [23])
