"""Every fact the shipped lessons state, checked against the library and PyTorch (lessons
1 to 5 here, the rest in ``test_lesson_facts_activations.py``).

The lessons show numbers live from the model; what their sentences claim in
words (the sigmoid's slope peaks at 0.25, the step's slope is 0, a weight's
slope of the loss is three factors multiplied) is checked here, so a change to
the library that makes a lesson wrong fails a test.
"""

import itertools
import math
import re
import sys
from pathlib import Path

import numpy as np
import pytest
import torch

from actplay import resources
from actplay.core import activations
from actplay.core.formula import make_custom_activation
from actplay.model import lesson_actions, lesson_checks, lessons
from actplay.model.playground import Playground

sys.path.insert(0, str(Path(__file__).resolve().parent))
from lesson_cases import GRID, KEYS, after_setup, read  # noqa: E402


def test_ten_lessons_ship_in_teaching_order_and_load():
    paths = resources.lesson_files()
    assert len(paths) >= 10
    assert [path.name[:3] for path in paths] == [f"{i:02d}-" for i in range(1, len(paths) + 1)]
    titles = [lessons.load(path).title for path in paths]
    assert titles[0].startswith("The neuron") and titles[-1] == "Your own function"
    # why bend at all comes before the lessons that compare the bends
    assert KEYS.index("05-nonlinearity") < KEYS.index("06-squashing") < KEYS.index("07-relu")


def test_every_task_is_open_right_after_its_setup():
    for path in resources.lesson_files():
        for number, step in enumerate(lessons.load(path).steps, start=1):
            playground = Playground()
            lesson_actions.apply_actions(playground, step.setup)
            if step.check is not None:
                assert not lesson_checks.holds(step.check, playground), f"{path.name} step {number}"


def _played_with() -> Playground:
    """A Playground a learner has changed everywhere before opening a lesson."""
    playground = Playground()
    playground.set_dataset(source="spiral")  # proposes its own network and training
    playground.set_training(learning_rate=0.001, optimizer="sgd", batch_size=50)
    playground.set_layer_sizes((2, 5, 3, 1))
    playground.set_init("he")
    playground.set_seed(7)
    playground.set_network_input(0, 4.0)
    playground.set_input_count(5)
    playground.set_neuron_activation("relu")
    playground.set_curve_activation("tanh")
    playground.add_compare("elu")
    playground.set_plane_range(-2.0, 2.0)
    playground.train_epoch()
    return playground


NETWORK_SETTINGS = ("network.", "layer", "dataset.", "training.", "deep_", "xor", "linear_")


def _fields(parts) -> list:
    """The quantity placeholders of parsed text, those divided by one another too."""
    fields = []
    for part in parts:
        operands = part[:2] if isinstance(part, lesson_checks.Quotient) else (part,)
        fields += [o for o in operands if isinstance(o, lesson_checks.Field)]
    return fields


def _shown_quantities(step):
    names = [field.reference.name for field in _fields([*step.text, *(step.task or ())])]
    if step.check is not None:
        names += lesson_checks.quantities_in(step.check)
    return names


@pytest.mark.parametrize("path", resources.lesson_files(), ids=lambda p: p.name)
def test_a_step_shows_the_same_numbers_whatever_the_learner_did_before(path):
    """A step's set-up makes every number its text and task show, and its check reads,
    the same from a fresh window and from one a learner has played with."""
    for number, step in enumerate(lessons.load(path).steps, start=1):
        fresh, used = Playground(), _played_with()
        for playground in (fresh, used):
            lesson_actions.apply_actions(playground, step.setup)
        for name in _shown_quantities(step):
            value, other = read(fresh, name), read(used, name)
            if isinstance(value, float | np.ndarray):
                value = pytest.approx(value)  # the same sums, a hair apart
            assert value == other, f"step {number}: {name}"
        targets = [str(action.target) for action in step.setup]
        if any(target.startswith(NETWORK_SETTINGS) for target in targets):
            for part in ("layer_sizes", "layer_activations", "network_input"):
                assert np.array_equal(getattr(fresh, part), getattr(used, part)), (
                    f"step {number}: {part}"
                )
            for mine, theirs in zip(fresh.weights, used.weights, strict=True):
                np.testing.assert_array_equal(mine, theirs)
        if "training.reset" in targets:  # a run the step trains: same data and settings
            assert fresh.training_settings == used.training_settings, f"step {number}"
            assert fresh.dataset_spec == used.dataset_spec, f"step {number}"


# -- no typed numbers, except worked examples that are checked here ----------------------------
NUMBER = re.compile(r"(?<![\w.′])[−-]?\d+(?:\.\d+)?%?")
PLACEHOLDER = re.compile(r"\{[^{}]*\}")
DEFINITIONS = {0.0, 1.0, -1.0}  # 0 and 1 in definitions ("between 0 and 1", "max(0, z)")
EXAMPLE_PARTS = ("3x + 1", "2y + 5")  # the made-up units of the one-number collapse
SHORTCUTS = ("Ctrl+1", "Ctrl+2")  # checked against the window in tests/ui/lessons
NOTATION = ("×10",)  # explaining the window's a×10ⁿ form


def _formula(side: str) -> str:
    """A worked example's side as an actplay formula: '2·(3x + 1)' -> '2*(3*x + 1)'."""
    return re.sub(r"(\d)([a-z(])", r"\1*\2", side.replace("·", "*"))


def _same_function(equation: str) -> bool:
    left, right = equation.split("=")
    x = np.linspace(-5, 5, 11)
    sides = [make_custom_activation("side", _formula(side), {})(x) for side in (left, right)]
    return bool(np.allclose(*sides))


WORKED = {  # text -> whether it is true, by the library
    "e ≈ 2.718": lambda: round(math.e, 3) == 2.718,
    "2·(3x + 1) + 5 = 6x + 7": lambda: _same_function("2·(3x + 1) + 5 = 6x + 7"),
}


def literal_numbers(text: str) -> set[float]:
    for allowed in (*WORKED, *EXAMPLE_PARTS, *SHORTCUTS, *NOTATION):
        text = text.replace(allowed, " ")
    found = NUMBER.findall(PLACEHOLDER.sub(" ", text))
    return {float(n.rstrip("%").replace("−", "-")) / (100 if n.endswith("%") else 1) for n in found}


def predicate_values(predicate) -> set[float]:
    if isinstance(predicate, lesson_checks.Combination):
        return set().union(*(predicate_values(part) for part in predicate.parts))
    values = predicate.value if isinstance(predicate.value, tuple) else (predicate.value,)
    point = predicate.reference.point  # "slope at x = 6" names the 6 of curve.df(6)
    return {float(v) for v in values if isinstance(v, float)} | ({point} - {None})


def source_texts(path):
    import tomllib

    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return data, data["steps"]


def test_the_worked_examples_are_true_and_used():
    texts = " ".join(
        step.get(field, "")
        for path in resources.lesson_files()
        for step in source_texts(path)[1]
        for field in ("text", "done")
    )
    for example, holds in WORKED.items():
        assert example in texts and holds(), example
    assert all(part in texts for part in EXAMPLE_PARTS)


def test_the_number_check_reads_percentages_and_skips_worked_examples():
    assert literal_numbers("at least 90% right, e ≈ 2.718, Ctrl+2, x1 = 4") == {0.9, 4.0}


@pytest.mark.parametrize("path", resources.lesson_files(), ids=lambda p: p.name)
def test_no_number_is_typed_into_lesson_text(path):
    """Values come from {placeholders}; a task's own thresholds match its check."""
    data, steps = source_texts(path)
    parsed = lessons.load(path)
    for number, (raw, step) in enumerate(zip(steps, parsed.steps, strict=True), start=1):
        for field in ("text", "done"):
            text = raw.get(field, "")
            points = {
                float(part.reference.point)
                for part in _fields(lesson_checks.parse_text(text, field))
                if part.reference.point is not None
            }
            stray = literal_numbers(text) - DEFINITIONS - points
            assert not stray, f"step {number} {field}: typed numbers {stray}"
        if step.check is not None:
            stray = literal_numbers(raw["task"]) - DEFINITIONS - predicate_values(step.check)
            assert not stray, f"step {number} task: numbers {stray} not in its check"


# -- 01-neuron ---------------------------------------------------------------------------------
def test_the_sigmoid_is_one_half_at_0_and_above_it_exactly_when_z_is_positive():
    sigmoid = activations.get("sigmoid")
    values = sigmoid(GRID)
    assert sigmoid(np.array([0.0]))[0] == 0.5
    assert np.all((values > 0.5) == (GRID > 0))
    assert np.all((values > 0) & (values < 1))
    np.testing.assert_allclose(values, torch.sigmoid(torch.tensor(GRID)).numpy(), atol=1e-15)
    playground = after_setup("01-neuron", 3)  # z = x1 + b: switches on once x1 passes -b
    assert playground.neuron_weights == (1.0,) and playground.neuron_bias < 0


# -- 02-perceptron -----------------------------------------------------------------------------
def test_the_film_perceptron_truth_table():
    playground = after_setup("02-perceptron", 1)
    assert playground.neuron_weights == (4.0, 2.0, 2.0) and playground.neuron_bias == -3.0
    step = activations.get("binary_step")
    assert step(np.array([1e-9]))[0] == 1.0 and step(np.array([0.0]))[0] == 0.0  # 1 when z > 0
    rows = {row.inputs: row.a for row in playground.truth_table()}
    for inputs in itertools.product((0, 1), repeat=3):
        weighted = 4 * inputs[0] + 2 * inputs[1] + 2 * inputs[2]
        assert rows[inputs] == (1.0 if weighted > 3 else 0.0)
    assert sum(rows.values()) == 5 and rows[(1, 0, 0)] == 1.0 and rows[(0, 1, 1)] == 1.0
    playground.set_neuron_bias(-5.0)  # the demo's bias: weather alone is no longer enough
    yes = {row.inputs for row in playground.truth_table() if row.a == 1.0}
    assert yes == {(1, 1, 0), (1, 0, 1), (1, 1, 1)}


# -- 03-learning -------------------------------------------------------------------------------
def test_learning_from_one_evening_changes_other_evenings_too():
    playground = after_setup("03-learning", 1)
    assert playground.neuron_inputs == (0.0, 1.0, 0.0) and playground.neuron_result().a == 0
    yes_before = read(playground, "neuron.yes_rows")
    playground.set_neuron_weight(1, 4.0)  # the demo
    assert playground.neuron_result().a == 1
    assert read(playground, "neuron.yes_rows") != yes_before


def test_a_slope_estimates_the_change_a_small_rise_of_a_weight_makes():
    playground = after_setup("03-learning", 3)
    result = playground.neuron_result()
    z_change = read(playground, "neuron.z_change_w1(0.1)")
    estimate = read(playground, "neuron.a_change_estimate_w1(0.1)")
    exact = read(playground, "neuron.a_change_w1(0.1)")
    weight = torch.tensor(playground.neuron_weights[0], dtype=torch.float64, requires_grad=True)
    x1, bias = playground.neuron_inputs[0], playground.neuron_bias
    torch.sigmoid(weight * x1 + bias).backward()
    assert estimate == pytest.approx(weight.grad.item() * 0.1, rel=1e-12)  # f'(z)·x1 · rise
    assert z_change == 0.1 * x1 and estimate > 0  # raising w1 helps a rise
    assert abs(estimate - exact) < 0.1 * exact  # "the slope's estimate is close"
    playground.set_neuron_weight(0, playground.neuron_weights[0] + 0.1)
    after = playground.neuron_result()
    assert after.z - result.z == pytest.approx(z_change, rel=1e-12)
    assert after.a - result.a == pytest.approx(exact, rel=1e-9)


def test_a_weights_slope_of_the_loss_is_three_factors():
    """dL/dw = dL/da · f'(z) · x: the learning signal dL/dz times the weight's input."""
    inputs = torch.tensor([1.5, -0.5, 2.0], dtype=torch.float64)
    weights = torch.tensor([0.3, -0.2, 0.1], dtype=torch.float64, requires_grad=True)
    z = (weights * inputs).sum() - 0.4
    a = torch.sigmoid(z)
    a.retain_grad()
    loss = torch.nn.functional.binary_cross_entropy(a, torch.tensor(1.0, dtype=torch.float64))
    loss.backward()
    slope = activations.get("sigmoid").derivative(np.array([z.item()]))[0]
    np.testing.assert_allclose(weights.grad.numpy(), a.grad.item() * slope * inputs.numpy())


def test_a_step_has_no_slope_even_at_its_jump_and_the_sigmoid_always_has_one():
    step = activations.get("binary_step")
    assert np.all(step.derivative(GRID) == 0)  # GRID holds 0, the jump
    assert np.all(activations.get("sigmoid").derivative(np.linspace(-30, 30, 601)) > 0)
    playground = after_setup("03-learning", 6)
    assert read(playground, "neuron.a_change_w1(0.1)") == 0


# -- 04-network --------------------------------------------------------------------------------
def test_a_new_shape_gets_new_weights():
    playground = after_setup("04-network", 1)
    before = [weights.copy() for weights in playground.weights]
    playground.set_layer_sizes((2, 4, 1))  # the demo's +
    assert not np.any(np.isclose(playground.weights[0][:3], before[0]))
    assert playground.layer_sizes == (2, 4, 1) and read(playground, "layer1.units") == 4


def test_the_circle_data_is_a_blue_disc_in_an_orange_ring_half_kept_for_testing():
    playground = after_setup("04-network", 4)
    data = playground.dataset()
    radius = np.hypot(*data.points.T)
    assert radius[data.targets == 1].max() < radius[data.targets == 0].min()
    assert abs(np.mean(data.is_test) - 0.5) < 0.05


# -- 05-nonlinearity ---------------------------------------------------------------------------
def test_stacked_linear_layers_are_one_w_and_b():
    playground = after_setup("05-nonlinearity", 2)
    assert activations.get("identity").title == "Identity (linear)"
    w, b = np.eye(playground.layer_sizes[0]), np.zeros(playground.layer_sizes[0])
    for weights, biases in zip(playground.weights, playground.biases, strict=True):
        w, b = weights @ w, weights @ b + biases
    collapsed_w, collapsed_b = playground.linear_equivalent()
    np.testing.assert_allclose(collapsed_w, w, atol=1e-12)
    np.testing.assert_allclose(collapsed_b, b, atol=1e-12)
    points = np.random.default_rng(1).uniform(-6, 6, size=(50, 2))
    np.testing.assert_allclose(playground.network()(points), points @ w.T + b, atol=1e-9)
    for row in (1, 2):  # "output n = (w)·x1 + (w)·x2 + (b)" is row n of W and b
        terms = read(playground, f"network.collapsed_output{row}")
        assert terms == ((w[row - 1, 0], "x1"), (w[row - 1, 1], "x2"), (b[row - 1], ""))
    playground.set_layer_activation(1, "sigmoid")
    assert playground.linear_equivalent() is None
    assert read(playground, "network.nonlinearity") > 0.1
