"""Heatmap images follow the network and plane, and are kept as they are for an input step."""

from __future__ import annotations

import numpy as np
import pytest

from actplay.core.grid import grid_activations
from actplay.core.network import Network
from actplay.model.playground import Playground


@pytest.fixture
def setup(show_network_panel):
    model = Playground()
    return model, show_network_panel(model)


def expected_maps(model):
    net = Network.from_arrays(model.weights, model.biases, model.layer_activations)
    lo, hi = model.plane_range
    return grid_activations(net, lo, hi, 100)


def assert_images_match(model, panel, layer=-1, unit=0):
    maps = expected_maps(model)
    np.testing.assert_allclose(panel.heatmaps.large_image(), maps[layer][unit][::-1], atol=1e-6)
    first_tile = maps[0][0].reshape(50, 2, 50, 2).mean(axis=(1, 3))
    np.testing.assert_allclose(panel.heatmaps.thumbnails.image[:50, :50], first_tile, atol=1e-5)


def test_an_input_step_keeps_the_images_and_a_weight_step_redraws_them(setup):
    model, panel = setup
    mosaic, large = panel.heatmaps.thumbnails.image, panel.heatmaps.large_image()
    model.set_network_input(0, 0.75)
    assert panel.heatmaps.thumbnails.image is mosaic  # the plane did not change
    assert panel.heatmaps.large_image() is large
    assert_images_match(model, panel)
    model.set_weight(1, 0, 0, 2.5)
    assert panel.heatmaps.thumbnails.image is not mosaic
    assert_images_match(model, panel)
    model.set_plane_range(-3.0, 3.0)
    assert_images_match(model, panel)


def test_a_new_large_target_redraws_only_the_large_image(setup):
    model, panel = setup
    mosaic = panel.heatmaps.thumbnails.image
    panel.heatmaps.large_target = (1, 3)
    panel.heatmaps.update_view()
    assert panel.heatmaps.thumbnails.image is mosaic
    assert_images_match(model, panel, layer=0, unit=3)
