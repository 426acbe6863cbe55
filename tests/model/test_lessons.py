"""Lesson files: loading, and one clear line naming file, step and field for each problem."""

import pytest

from actplay.model import lesson_actions, lesson_checks, lessons
from actplay.model.playground import Playground

GOOD = """
format = "actplay-lesson"
version = 1
title = "A test lesson"

[[steps]]
title = "Read this"
text = "z is {neuron.z}."

[[steps]]
title = "Do this"
text = "Drag the bias."
setup = [{ preset = "sigmoid_neuron" }, { set = "neuron.bias", to = -2 }, { show = "neuron_dock" }]
highlight = "neuron_bias"
task = "Make a above 0.5."
check = { quantity = "neuron.a", above = 0.5 }
done = "a = {neuron.a}"
demo = [{ drag = "neuron_bias", to = 3 }]
"""


def good_with(old: str, new: str) -> str:
    assert old in GOOD
    return GOOD.replace(old, new)


def test_a_good_lesson_loads(tmp_path):
    path = tmp_path / "my-first.lesson.toml"
    path.write_text(GOOD, encoding="utf-8")
    lesson = lessons.load(path)
    assert lesson.key == "my-first"
    assert lesson.title == "A test lesson"
    assert [step.title for step in lesson.steps] == ["Read this", "Do this"]
    reading, task = lesson.steps
    assert reading.check is None and reading.task is None and reading.setup == ()
    assert task.highlight == "neuron_bias"
    assert [action.verb for action in task.setup] == ["preset", "set", "show"]
    assert lesson_actions.places(task.setup) == ("neuron_dock",)
    assert task.demo == ({"drag": "neuron_bias", "to": 3},)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('format = "actplay-lesson"', 'format = "x"', "format: must be 'actplay-lesson'"),
        ("version = 1", "version = 2", "version: this actplay reads version 1, got 2"),
        ('title = "A test lesson"', 'title = ""', "title: must be a non-empty string"),
        ('title = "A test lesson"', 'title = "t"\ncolour = 1', "unknown field 'colour'"),
        (
            'text = "z is {neuron.z}."',
            'text = "z is {neuron.q}."',
            "step 1: text: unknown quantity 'neuron.q'",
        ),
        ('text = "z is {neuron.z}."', 'text = "z is {neuron.z."', "step 1: text: "),
        (
            'text = "z is {neuron.z}."',
            'text = "{neuron.z:Q}"',
            "step 1: text: {neuron.z:Q}: bad number format",
        ),
        (
            'text = "z is {neuron.z}."',
            'text = "{layer0.dead_fraction}"',
            "units and layers count from 1",
        ),
        (
            'text = "z is {neuron.z}."',
            'text = "{curve.df(x)}"',
            "the point in parentheses must be a finite number",
        ),
        (
            '{ preset = "sigmoid_neuron" }',
            '{ preset = "nope" }',
            "step 2: setup[1].preset: unknown preset 'nope'",
        ),
        (
            '{ set = "neuron.bias", to = -2 }',
            '{ set = "neuron.z", to = -2 }',
            "step 2: setup[2].set: cannot set 'neuron.z'",
        ),
        (
            '{ set = "neuron.bias", to = -2 }',
            '{ set = "neuron.bias", to = "a" }',
            "step 2: setup[2].to: must be a finite number",
        ),
        (
            '{ set = "neuron.bias", to = -2 }',
            '{ set = "neuron.bias" }',
            "step 2: setup[2]: 'set' needs 'to'",
        ),
        (
            '{ set = "neuron.bias", to = -2 }',
            "{ jump = 1 }",
            "step 2: setup[2]: needs exactly one of preset, set, show, layout",
        ),
        (
            '{ show = "neuron_dock" }',
            '{ layout = "spiral" }',
            "step 2: setup[3].layout: must be one of curve, network, got 'spiral'",
        ),
        (
            'done = "a = {neuron.a}"',
            'done = "a = {neuron.a}"\nremember = { my_a = "neuron.q" }',
            "step 2: remember.my_a: unknown quantity 'neuron.q'",
        ),
        (
            'done = "a = {neuron.a}"',
            'done = "a = {neuron.a}"\nremember = { "My A" = "neuron.a" }',
            "step 2: remember.My A: a remembered name is lower_case_words",
        ),
        (
            'done = "a = {neuron.a}"',
            'done = "a = {neuron.a}"\nremember = ["neuron.a"]',
            "step 2: remember: must be a table",
        ),
        (
            'text = "z is {neuron.z}."',
            'text = "z is {neuron.z}."\nremember = { z = "neuron.z" }',
            "step 1: remember: only a step with a task keeps values",
        ),
        (
            'text = "Drag the bias."',
            'text = "Before: {remembered.my_a}."',
            "step 2: text: {remembered.my_a}: no earlier step remembers 'my_a'",
        ),
        (
            'text = "z is {neuron.z}."',
            'text = "{remembered.Z}"',
            "step 1: text: {remembered.Z}: a remembered name is lower_case_words",
        ),
        (
            'text = "Drag the bias."',
            'text = "{neuron.a / neuron.function}"',
            "step 2: text: {neuron.a / neuron.function}: neuron.function is no number",
        ),
        (
            'text = "Drag the bias."',
            'text = "{neuron.a / neuron.z / neuron.bias}"',
            "divide one number by one other",
        ),
        (
            'text = "Drag the bias."',
            'text = "{neuron.a / remembered.gone}"',
            "step 2: text: {remembered.gone}: no earlier step remembers 'gone'",
        ),
        (
            'text = "z is {neuron.z}."',
            'text = "z is {neuron.z}."\nremember_at_start = { z = "neuron.q" }',
            "step 1: remember_at_start.z: unknown quantity 'neuron.q'",
        ),
        (
            'check = { quantity = "neuron.a", above = 0.5 }',
            "",
            "step 2: 'task' and 'check' go together",
        ),
        ("above = 0.5 }", 'above = "x" }', "step 2: check.above: must be a number"),
        ("above = 0.5 }", "equals = 1, below = 2 }", "step 2: check: needs exactly one of"),
        (
            'quantity = "neuron.a", above',
            'quantity = "neuron.function", above',
            "neuron.function is text, not a number",
        ),
        (
            'check = { quantity = "neuron.a", above = 0.5 }',
            "check = { all = [] }",
            "step 2: check.all: must be a non-empty list",
        ),
        (
            'demo = [{ drag = "neuron_bias", to = 3 }]',
            'demo = [{ drag = "neuron_bias" }]',
            "step 2: demo[1]: 'drag' needs 'to'",
        ),
        (
            'demo = [{ drag = "neuron_bias", to = 3 }]',
            "demo = [{ wave = 1 }]",
            "step 2: demo[1]: needs exactly one of",
        ),
        (
            '[[steps]]\ntitle = "Read this"',
            '[[steps]]\ntitle = "Read this"\ndone = "x"',
            "step 1: done: only a step with a task",
        ),
    ],
)
def test_each_problem_is_one_line_naming_file_step_and_field(tmp_path, old, new, message):
    path = tmp_path / "bad.lesson.toml"
    path.write_text(good_with(old, new), encoding="utf-8")
    with pytest.raises(lessons.LessonError) as caught:
        lessons.load(path)
    text = str(caught.value)
    assert text.startswith("bad.lesson.toml: ")
    assert message in text
    assert "\n" not in text


def test_a_step_remembers_values_for_its_done_text_and_later_steps():
    text = good_with(
        'done = "a = {neuron.a}"',
        'done = "a = {remembered.a_then}"\n'
        'remember = { a_then = "neuron.a", bias_then = "neuron.bias" }',
    )
    text += '\n[[steps]]\ntitle = "Later"\ntext = "It was {remembered.a_then:.2f}."\n'
    lesson = lessons.from_text(text, "x")
    names = [name for name, _reference in lesson.steps[1].remember]
    assert names == ["a_then", "bias_then"]
    playground = Playground()
    lesson_actions.apply_actions(playground, lesson.steps[1].setup)
    playground.set_neuron_bias(3.0)
    kept = lesson_checks.remember(lesson.steps[1].remember, playground)
    assert kept == {"a_then": playground.neuron_result().a, "bias_then": 3.0}
    later = lesson_checks.render_text(lesson.steps[2].text, Playground(), memory=kept)
    assert later == f"It was {kept['a_then']:.2f}."
    assert lesson_checks.render_text(lesson.steps[2].text, Playground()) == "It was \u2014."


def test_a_step_keeps_values_at_its_start_and_divides_two_numbers():
    text = good_with(
        'done = "a = {neuron.a}"',
        'done = "{neuron.bias / remembered.bias_before:.1f} times the bias it had"\n'
        'remember_at_start = { bias_before = "neuron.bias" }',
    )
    text = text.replace('text = "Drag the bias."', 'text = "Bias {remembered.bias_before}."')
    text += '\n[[steps]]\ntitle = "Later"\ntext = "It was {remembered.bias_before}."\n'
    lesson = lessons.from_text(text, "x")
    step = lesson.steps[1]
    assert [name for name, _reference in step.remember_at_start] == ["bias_before"]
    assert step.remember == ()
    playground = Playground()
    lesson_actions.apply_actions(playground, step.setup)
    kept = lesson_checks.remember(step.remember_at_start, playground)
    assert kept == {"bias_before": -2.0}
    playground.set_neuron_bias(-5.0)
    done = lesson_checks.render_text(step.done, playground, memory=kept)
    assert done == "2.5 times the bias it had"
    playground.set_neuron_bias(0.0)
    assert lesson_checks.render_text(step.done, playground, memory=kept).startswith("0.0 ")
    # a value that is missing, or a division by 0, shows as missing
    assert lesson_checks.render_text(step.done, playground).startswith("\u2014 ")
    zero = lessons.from_text(good_with('"a = {neuron.a}"', '"{neuron.a / neuron.bias}"'), "x")
    playground.set_neuron_bias(0.0)
    assert lesson_checks.render_text(zero.steps[1].done, playground) == "\u2014"


def test_the_layout_action_is_left_to_the_window():
    text = good_with('{ show = "neuron_dock" }', '{ show = "neuron_dock" }, { layout = "network" }')
    step = lessons.from_text(text, "x").steps[1]
    assert lesson_actions.layout(step.setup) == "network"
    assert lesson_actions.places(step.setup) == ("neuron_dock",)
    assert lesson_actions.layout(lessons.from_text(GOOD, "x").steps[1].setup) is None
    playground = Playground()
    lesson_actions.apply_actions(playground, step.setup)  # the model part runs as before
    assert playground.neuron_bias == -2.0


def test_the_network_init_can_be_set_and_is_checked():
    playground = Playground()
    action = lesson_actions.parse_action({"set": "network.init", "to": "he"}, "x")
    lesson_actions.apply_actions(playground, [action])
    assert playground.init_scheme == "he"
    bad = lesson_actions.parse_action({"set": "network.init", "to": "magic"}, "x")
    with pytest.raises(ValueError, match="init scheme"):
        lesson_actions.apply_actions(playground, [bad])
    assert playground.init_scheme == "he"


def test_unreadable_files_are_reported_in_one_line(tmp_path):
    with pytest.raises(lessons.LessonError, match=r"^nothing.lesson.toml: cannot read"):
        lessons.load(tmp_path / "nothing.lesson.toml")
    broken = tmp_path / "broken.lesson.toml"
    broken.write_text("title = ", encoding="utf-8")
    with pytest.raises(lessons.LessonError, match=r"^broken.lesson.toml: not valid TOML"):
        lessons.load(broken)
    binary = tmp_path / "binary.lesson.toml"
    binary.write_bytes(b"\xff\xfe\x00")
    with pytest.raises(lessons.LessonError, match=r"^binary.lesson.toml: cannot read"):
        lessons.load(binary)
    huge = tmp_path / "huge.lesson.toml"
    huge.write_bytes(b"#" * (lessons.MAX_FILE_BYTES + 1))
    with pytest.raises(lessons.LessonError, match="too large"):
        lessons.load(huge)
    no_steps = tmp_path / "empty.lesson.toml"
    no_steps.write_text('format = "actplay-lesson"\nversion = 1\ntitle = "t"\n', encoding="utf-8")
    with pytest.raises(lessons.LessonError, match="steps: needs at least one"):
        lessons.load(no_steps)


def test_setup_runs_as_one_event_and_a_refused_action_changes_nothing():
    lesson = lessons.from_text(GOOD, "good.lesson.toml")
    playground = Playground()
    events = []
    playground.changed.connect(events.append)
    lesson_actions.apply_actions(playground, lesson.steps[1].setup)
    assert len(events) == 1
    assert playground.neuron_bias == -2.0 and playground.neuron_weights == (0.8, -0.4, 0.3)
    lesson_actions.apply_actions(playground, lesson.steps[1].setup)
    assert len(events) == 1  # already in that state: nothing to tell
    refused = lessons.from_text(
        good_with('{ set = "neuron.bias", to = -2 }', '{ set = "neuron.x9", to = 1 }'), "x"
    )
    before = playground.state_dict()
    with pytest.raises(ValueError):
        lesson_actions.apply_actions(playground, refused.steps[1].setup)
    assert playground.state_dict() == before
    assert len(events) == 1


def test_the_format_docs_complete_example_loads_and_its_task_starts_open():
    import pathlib
    import re

    from actplay.model import lesson_checks

    doc = pathlib.Path(__file__).resolve().parents[2] / "docs" / "lessons-format.md"
    section = doc.read_text(encoding="utf-8").split("## A complete example", 1)[1]
    example = re.search(r"```toml\n(.*?)```", section, re.S).group(1)
    lesson = lessons.from_text(example, "example.lesson.toml")
    assert len(lesson.steps) == 2 and lesson.steps[1].check is not None
    playground = Playground()
    lesson_actions.apply_actions(playground, lesson.steps[1].setup)
    assert not lesson_checks.holds(lesson.steps[1].check, playground)
    playground.set_neuron_input(0, 4.0)  # what its demo drags the slider to
    assert lesson_checks.holds(lesson.steps[1].check, playground)


def test_the_format_doc_lists_every_quantity_and_setter():
    import pathlib
    import re

    from actplay.model import lesson_quantities

    doc = pathlib.Path(__file__).resolve().parents[2] / "docs" / "lessons-format.md"
    text = doc.read_text(encoding="utf-8")
    table = text.split("### Quantities", 1)[1].split("### Setup actions", 1)[0]
    named = {
        re.sub(r"(?<=[a-z_])N(?=[.(]|$)", "{n}", name)
        for row in table.splitlines()
        if row.startswith("| `")
        for name in re.findall(r"`([^`]+)`", row.split("|")[1])
    }
    assert set(lesson_quantities.QUANTITIES) <= named, set(lesson_quantities.QUANTITIES) - named
    settable = text.split("Settable:", 1)[1].split("### Checks", 1)[0]
    for key in lesson_actions.SETTERS:
        assert f"`{key.replace('{n}', 'N')}`" in settable, key
