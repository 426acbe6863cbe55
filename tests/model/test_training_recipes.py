"""Choosing a data set proposes settings that learn it; the user's changes then stay."""

from __future__ import annotations

import numpy as np
import pytest

from actplay.core import datasets
from actplay.model import session
from actplay.model import training_recipes as recipes
from actplay.model.playground import Playground


def _settings(pg) -> dict:
    training = pg.training_settings
    return {
        "features": pg.features,
        "layer_sizes": pg.layer_sizes,
        "activations": tuple(name for name, _ in pg.layer_activations),
        **{
            key: training[key] for key in ("loss", "optimizer", "learning_rate", "batch_size", "l2")
        },
    }


def _expected(recipe: recipes.Recipe) -> dict:
    return {
        "features": recipe.features,
        "layer_sizes": (len(recipe.features), *recipe.hidden, 1),
        "activations": (recipe.activation,) * len(recipe.hidden) + (recipe.output,),
        "loss": recipe.loss,
        "optimizer": recipe.optimizer,
        "learning_rate": recipe.learning_rate,
        "batch_size": recipe.batch_size,
        "l2": recipe.l2,
    }


def test_the_default_state_is_the_circles_proposal():
    pg = Playground()
    assert pg.dataset_spec["source"] == "circle"
    assert _settings(pg) == _expected(recipes.PROPOSALS["circle"])


@pytest.mark.parametrize("source", ["gaussian", "xor", "spiral", "regression"])
def test_choosing_a_data_set_applies_its_proposal_in_one_event(pg, recorder, source):
    pg.set_feature("sin_x1", True)  # the user's own settings before the choice
    pg.set_training(optimizer="sgd", learning_rate=0.3, l2=0.01)
    recorder.clear()
    pg.set_dataset(source=source)
    assert _settings(pg) == _expected(recipes.PROPOSALS[source])
    assert recorder.count == 1 and {"dataset", "training", "network"} <= recorder.last
    assert pg.epoch == 0.0


def test_changes_after_the_proposal_stay_until_another_data_set_is_chosen(pg):
    pg.set_dataset(source="spiral")
    pg.set_training(learning_rate=0.003, batch_size=25)
    pg.set_layer_sizes((2, 8, 8, 8, 1))
    pg.set_feature("x1*x2", True)
    mine = _settings(pg)
    pg.set_dataset(noise=0.3, test_fraction=0.2, points=300)  # same data set: nothing proposed
    pg.regenerate_dataset()
    assert _settings(pg) == mine
    state = pg.state_dict()
    reopened = Playground()
    reopened.apply_state(state)  # a session keeps exactly what was set
    assert _settings(reopened) == mine
    pg.set_dataset(source="xor")
    assert _settings(pg) == _expected(recipes.PROPOSALS["xor"])
    pg.set_dataset(source="spiral")
    assert _settings(pg) == _expected(recipes.PROPOSALS["spiral"])


def test_loaded_points_keep_the_settings(pg, tmp_path):
    pg.set_training(learning_rate=0.1)
    path = tmp_path / "points.csv"
    path.write_text("".join(f"{i},{-i},{i % 2}\n" for i in range(20)))
    pg.load_dataset_csv(path)
    assert pg.training_settings["learning_rate"] == 0.1


def test_a_session_file_with_a_spiral_and_own_settings_opens_as_saved(pg, tmp_path):
    pg.set_dataset(source="spiral")
    pg.set_training(optimizer="sgd", learning_rate=0.1)
    path = tmp_path / "mine.actplay.json"
    session.save(pg, path)
    assert _settings(session.load(path)) == _settings(pg)


def test_the_tf_recipe_trains_classes_as_minus_one_and_one_with_half_squared_error(pg):
    pg.set_dataset(**recipes.TF_SPIRAL_DATA)
    recipes.apply_recipe(pg, recipes.TF_SPIRAL)
    assert _settings(pg) == _expected(recipes.TF_SPIRAL)
    pg.train_epoch()
    trainer = pg._parts.run._trainer
    data = pg.dataset()
    np.testing.assert_array_equal(trainer.targets[:, 0], 2.0 * data.train[1] - 1.0)
    outputs = pg.network()(data.test[0])[:, 0]
    by_hand = 0.5 * np.mean((outputs - (2.0 * data.test[1] - 1.0)) ** 2)
    assert pg.loss_history()["test"][-1] == pytest.approx(by_hand, rel=1e-12)
    assert pg.accuracy(test=True) == np.mean((outputs > 0) == (data.test[1] > 0.5))
    grid = datasets.feature_matrix(
        np.column_stack([np.linspace(-6, 6, 100), np.full(100, 6.0)]), pg.features
    )
    np.testing.assert_allclose(pg.output_surface()[0], pg.network()(grid)[:, 0], atol=1e-6)


def test_bce_keeps_zero_one_targets_and_the_surface_is_two_p_minus_one(pg):
    pg.train_epoch()
    np.testing.assert_array_equal(pg._parts.run._trainer.targets[:, 0], pg.dataset().train[1])
    grid = datasets.feature_matrix(
        np.column_stack([np.linspace(-6, 6, 100), np.full(100, 6.0)]), pg.features
    )
    expected = 2.0 * pg.network()(grid)[:, 0] - 1.0
    np.testing.assert_allclose(pg.output_surface()[0], expected, atol=1e-6)


def test_describe_names_the_settings():
    text = recipes.PROPOSALS["spiral"].describe()
    assert text == "2 \u00d7 16 tanh, sigmoid output, Adam, learning rate 0.01, batch 10"
