"""Derived results: right values (checked against PyTorch), cached, recomputed only when due."""

import numpy as np
import pytest
import torch

from actplay.core import activations as acts
from actplay.core.grid import plane_grid
from actplay.model.derived import function_of_label
from actplay.model.unit_function import intervals


def _counts(pg):
    return dict(pg.recompute_counts)


def _touch_everything(pg):
    pg.curve_data()
    pg.neuron_result()
    pg.truth_table()
    pg.network_trace()
    pg.network_heatmaps()
    pg.network_diagnostics()
    pg.linear_equivalent()


def _recomputed(pg, change):
    _touch_everything(pg)
    before = _counts(pg)
    change()
    _touch_everything(pg)
    return {k for k, v in pg.recompute_counts.items() if v != before[k]}


def test_asking_twice_computes_once(pg):
    _touch_everything(pg)
    first = _counts(pg)
    _touch_everything(pg)
    assert pg.recompute_counts == first
    assert all(v == 1 for v in first.values())


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda pg: pg.set_neuron_input(0, 0.2), {"neuron", "truth_table"}),
        (lambda pg: pg.set_neuron_bias(0.3), {"neuron", "truth_table"}),
        (lambda pg: pg.set_neuron_activation("relu"), {"neuron", "truth_table", "curve"}),
        (lambda pg: pg.set_visible("d2f", True), {"curve"}),
        (lambda pg: pg.set_x_range(-3.0, 3.0), {"curve", "curve x"}),  # new samples
        (lambda pg: pg.set_points(501), {"curve", "curve x"}),
        (lambda pg: pg.add_compare("elu"), {"curve"}),
        (lambda pg: pg.set_network_input(0, 0.3), {"trace"}),
        (lambda pg: pg.set_plane_range(-2.0, 2.0), {"heatmaps", "diagnostics"}),
        (lambda pg: pg.set_weight(1, 0, 0, 0.3), {"trace", "heatmaps", "diagnostics", "linear"}),
        (lambda pg: pg.select_weight(1, 0, 0), set()),
        (lambda pg: pg.set_neuron_input(0, 1.0), set()),  # equal value
    ],
)
def test_a_change_recomputes_only_what_depends_on_it(pg, change, expected):
    assert _recomputed(pg, lambda: change(pg)) == expected


def test_a_network_input_change_reaches_a_targeted_neuron_but_not_the_heatmaps(pg):
    pg.select_network_neuron(2, 0)
    changed = _recomputed(pg, lambda: pg.set_network_input(0, -1.0))
    assert changed == {"trace", "neuron", "truth_table"}


def test_curve_data_samples_the_visible_kinds_against_torch(pg):
    pg.set_linked(False)
    pg.set_curve_activation("elu")
    pg.set_curve_param("alpha", 0.7)
    pg.set_visible("d2f", True)
    pg.add_compare("tanh")
    data = pg.curve_data()
    assert data.x.shape == (1001,) and data.x[0] == -6.0 and data.x[-1] == 6.0
    assert [s.key for s in data.series] == [
        "main:f",
        "main:df",
        "main:d2f",
        "cmp0:f",
        "cmp0:df",
        "cmp0:d2f",
    ]
    x = torch.tensor(data.x, requires_grad=True)
    y = torch.nn.functional.elu(x, alpha=0.7)
    (slope,) = torch.autograd.grad(y.sum(), x)
    np.testing.assert_allclose(data.series[0].y, y.detach().numpy(), rtol=1e-12)
    np.testing.assert_allclose(data.series[1].y, slope.numpy(), rtol=1e-12)
    np.testing.assert_allclose(data.series[3].y, np.tanh(data.x), rtol=1e-12)
    assert data.series[0].params == {"alpha": 0.7}
    with pytest.raises(ValueError):
        data.series[0].y[0] = 1.0  # cached arrays are read-only


def test_saturated_and_dead_intervals_of_relu_and_sigmoid(pg):
    pg.set_neuron_activation("relu")
    data = pg.curve_data()
    # relu'(0) = 0 (PyTorch's convention), so the dead region includes x = 0.
    assert data.dead == ((-6.0, data.x[data.x <= 0][-1]),)
    assert data.saturated == ()  # flat but dead is reported as dead only
    pg.set_neuron_activation("sigmoid")
    data = pg.curve_data()
    assert data.dead == ()
    # |sigmoid'(x)| < 0.05 beyond |x| ~ 2.89: check the interval ends against torch.
    x = torch.tensor(data.x, requires_grad=True)
    (slope,) = torch.autograd.grad(torch.sigmoid(x).sum(), x)
    flat = slope.abs().numpy() < acts.SATURATION_THRESHOLD
    assert data.saturated == (
        (-6.0, data.x[flat & (data.x < 0)][-1]),
        (data.x[flat & (data.x > 0)][0], 6.0),
    )


def test_only_flat_stretches_reaching_an_end_are_saturated(pg):
    """tanh flattens towards both ends; ReLU is dead on the left, not saturated; Swish's
    flat minimum (x near -1.28) is a turning point, only its left end saturates."""
    x = torch.tensor(np.linspace(-6.0, 6.0, pg.points), requires_grad=True)
    for name, torch_function in (("tanh", torch.tanh), ("silu", torch.nn.functional.silu)):
        pg.set_neuron_activation(name)
        data = pg.curve_data()
        (slope,) = torch.autograd.grad(torch_function(x).sum(), x)
        flat = slope.abs().numpy() < acts.SATURATION_THRESHOLD
        left_end = data.x[np.argmin(flat)]  # the first sample that is not flat
        assert data.saturated[0] == (-6.0, data.x[np.argmin(flat) - 1]), name
        if name == "tanh":
            assert len(data.saturated) == 2 and data.saturated[1][1] == 6.0
        else:
            minimum = data.x[np.argmin(torch_function(x).detach().numpy())]
            assert flat[np.argmin(np.abs(data.x - minimum))]  # flat at its minimum...
            assert data.saturated == ((-6.0, data.x[data.x < left_end][-1]),)  # ...unshaded
            assert all(not lo <= minimum <= hi for lo, hi in data.saturated)
    pg.set_neuron_activation("relu")
    data = pg.curve_data()
    assert data.saturated == () and data.dead[0][0] == -6.0


def test_intervals_ignore_single_samples():
    x = np.arange(8.0)
    mask = np.array([1, 0, 1, 1, 0, 0, 1, 1], bool)
    assert intervals(x, mask) == ((2.0, 3.0), (6.0, 7.0))
    assert intervals(x, np.zeros(8, bool)) == ()


def test_neuron_result_against_torch(pg):
    pg.set_neuron_activation("gelu")
    result = pg.neuron_result()
    x = torch.tensor(pg.neuron_inputs, dtype=torch.float64)
    w = torch.tensor(pg.neuron_weights, dtype=torch.float64)
    z = (w @ x + pg.neuron_bias).requires_grad_()
    a = torch.nn.functional.gelu(z)
    (slope,) = torch.autograd.grad(a, z)
    assert result.z == pytest.approx(z.item(), abs=1e-15)
    assert result.a == pytest.approx(a.item(), rel=1e-12)
    assert result.slope == pytest.approx(slope.item(), rel=1e-9)
    assert result.terms == pytest.approx(tuple((w * x).tolist()))


def test_truth_table_lists_every_combination_and_marks_the_current_one(pg):
    pg.set_binary_mode(True)
    rows = pg.truth_table()
    assert [r.inputs for r in rows[:3]] == [(0, 0, 0), (0, 0, 1), (0, 1, 0)]
    assert len(rows) == 8
    assert [r.inputs for r in rows if r.current] == [(1, 1, 0)]  # (1, 0.5, -0.5) snapped
    for row in rows:
        z = np.dot(row.inputs, pg.neuron_weights) + pg.neuron_bias
        assert row.z == pytest.approx(z) and row.a == pytest.approx(1 / (1 + np.exp(-z)))


def test_network_trace_against_torch(pg):
    trace = pg.network_trace()
    x = torch.tensor(pg.network_input, dtype=torch.float64)
    for (w, b, (name, _)), z, a in zip(
        zip(pg.weights, pg.biases, pg.layer_activations, strict=True), trace.z, trace.a, strict=True
    ):
        x_next = torch.tensor(w) @ x + torch.tensor(b)
        np.testing.assert_allclose(z, x_next.numpy(), rtol=1e-12)
        x = torch.tanh(x_next) if name == "tanh" else torch.sigmoid(x_next)
        np.testing.assert_allclose(a, x.numpy(), rtol=1e-12)


def test_heatmaps_cover_the_plane_grid(pg):
    pg.set_plane_range(-1.0, 3.0)
    maps = pg.network_heatmaps()
    assert [m.shape for m in maps] == [(8, 100, 100), (8, 100, 100), (1, 100, 100)]
    outputs = pg.network().forward(plane_grid(-1.0, 3.0, 100)).a[-1]
    np.testing.assert_allclose(maps[-1].reshape(-1), outputs[:, 0], rtol=1e-5)


def test_diagnostics_cover_a_coarse_plane_grid_close_to_the_heatmap_grid(pg):
    from actplay.core.diagnostics import layer_diagnostics

    pg.set_plane_range(-1.0, 3.0)
    shown = pg.network_diagnostics()
    coarse = layer_diagnostics(pg.network(), plane_grid(-1.0, 3.0, 32))
    assert shown == coarse
    # The coarse grid is a cheap stand-in for the heatmaps' 100x100 grid: same picture.
    fine = layer_diagnostics(pg.network(), plane_grid(-1.0, 3.0, 100))
    for c, f in zip(coarse, fine, strict=True):
        np.testing.assert_allclose(
            [c.z_mean, c.z_std, c.a_mean, c.mean_abs_derivative],
            [f.z_mean, f.z_std, f.a_mean, f.mean_abs_derivative],
            rtol=0.05,
            atol=0.02,
        )


def test_no_heatmaps_for_other_input_sizes_but_diagnostics_still(pg):
    pg.set_layer_sizes((3, 4, 1))
    assert pg.network_heatmaps() is None
    diagnostics = pg.network_diagnostics()
    assert len(diagnostics) == 2
    assert all(np.isfinite(d.z_std) for d in diagnostics)
    assert pg.network_diagnostics() == diagnostics  # fixed seed: same batch again


def test_a_unit_of_a_softmax_layer_shows_its_softmax_output(pg):
    pg.set_layer_sizes((2, 4, 3))
    pg.set_layer_activation(2, "softmax")
    pg.select_network_neuron(2, 1)
    assert pg.curve_activation == "softmax"
    output = pg.network_trace().a[-1]
    assert output.sum() == pytest.approx(1.0)
    assert pg.neuron_result().a == pytest.approx(output[1], rel=1e-12)
    result = pg.neuron_result()
    assert result.slope == pytest.approx(output[1] * (1 - output[1]), rel=1e-12)
    data = pg.curve_data()
    at_z = np.interp(result.z, data.x, data.series[0].y)
    assert at_z == pytest.approx(output[1], abs=1e-3)
    copy = type(pg)()
    copy.apply_state(pg.state_dict())  # a curve linked to a softmax unit round-trips
    assert copy.state_dict() == pg.state_dict() and copy.curve_activation == "softmax"


def test_a_derivative_is_labelled_before_its_function(pg):
    pg.set_curve_activation("elu")
    pg.set_visible("df", True)
    pg.set_visible("d2f", True)
    labels = {series.kind: series.label for series in pg.curve_data().series}
    assert labels == {"f": "ELU", "df": "f\u2032 (ELU)", "d2f": "f\u2033 (ELU)"}
    assert {function_of_label(label) for label in labels.values()} == {"ELU"}
