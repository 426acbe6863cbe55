"""Lessons: short sequences of steps that set the app up, ask for one thing and check it.

A lesson is a TOML file (``*.lesson.toml``, format in ``docs/lessons-format.md``).
Loading checks everything before anything is used and reports the first problem
as one :class:`LessonError` line naming the file, the step and the field::

    neuron.lesson.toml: step 2: check.quantity: unknown quantity 'neuron.q'; known: ...

The shipped lessons live in ``resources/lessons/`` (``actplay.resources`` finds
them in a checkout, a wheel and the frozen app alike); a teacher's lesson is
any file of the same format, opened with ``actplay --lesson FILE``.
"""

from __future__ import annotations

import pathlib
from typing import NamedTuple

from actplay.model import lesson_actions as actions
from actplay.model import lesson_checks as checks
from actplay.model import lesson_quantities as quantities

FORMAT = "actplay-lesson"
VERSION = 1
SUFFIX = ".lesson.toml"
MAX_FILE_BYTES = 1024 * 1024  # a lesson is a few kB of text
TOP_FIELDS = {"format", "version", "title", "summary", "steps"}
STEP_FIELDS = {
    "title",
    "text",
    "setup",
    "highlight",
    "task",
    "check",
    "done",
    "demo",
    "remember",
    "remember_at_start",
}
# How a step's task can be done with the mouse and keys: the play-through test (and a
# teacher checking a new lesson) performs these gestures on the real widgets.
GESTURES = {
    "drag": {"to"},  # a FloatSlider's name; the value to drag it to
    "click": {"dialog"},  # a button, check box or menu action's object name
    # a combo box's object name; the item's function name or text; "dialog" lists the
    # gestures to make in a dialog the click or choice opens
    "choose": {"item", "dialog"},
    "type": {"text"},  # a line edit's object name; the text typed (then Enter)
    "accept": set(),  # a dialog's object name: press its OK button
}
REQUIRED_GESTURE_FIELDS = {"drag": {"to"}, "choose": {"item"}, "type": {"text"}}


class LessonError(ValueError):
    """A lesson file that cannot be used; the message is ``"<file>: <problem>"``."""


class Step(NamedTuple):
    """One parsed step. Text fields are parsed templates (see ``lesson_checks.parse_text``)."""

    title: str
    text: tuple
    setup: tuple  # of lesson_actions.Action
    highlight: str | None  # object name of the one control to use
    task: tuple | None  # the task statement, or None for a reading step
    check: object | None  # the parsed predicate, None for a reading step
    done: tuple | None  # shown once the task holds
    demo: tuple  # gesture dicts, as validated
    # (name, quantity reference) pairs kept when the task is met, for later steps'
    # {remembered.name} placeholders
    remember: tuple = ()
    # the same, kept when the step opens (after its set-up, before the learner acts)
    remember_at_start: tuple = ()


class Lesson(NamedTuple):
    """A parsed lesson; ``key`` names it in saved progress (the file name without suffix)."""

    key: str
    title: str
    summary: str
    steps: tuple[Step, ...]
    source: str
    path: str | None = None  # the file it was loaded from, for exporting a copy


def lesson_key(path) -> str:
    """``"03-squashing"`` for ``.../03-squashing.lesson.toml``."""
    name = pathlib.Path(path).name
    return name[: -len(SUFFIX)] if name.endswith(SUFFIX) else pathlib.Path(name).stem


def load(path) -> Lesson:
    """Read and check one lesson file.

    Raises
    ------
    LessonError
        ``"<file name>: <problem>"`` for a missing, unreadable, too large or
        invalid file.
    """
    path = pathlib.Path(path)
    source = path.name
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise LessonError(f"{source}: {size} bytes is too large for a lesson")
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise LessonError(f"{source}: cannot read: {reason}") from None
    return from_text(text, source, lesson_key(path))._replace(path=str(path))


def from_text(text: str, source: str = "<text>", key: str = "lesson") -> Lesson:
    """Parse and check a lesson from TOML text (see :func:`load`)."""
    import tomllib  # here, not at the top: resources imports SUFFIX at every start

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise LessonError(f"{source}: not valid TOML: {error}") from None
    try:
        return from_dict(data, source, key)
    except LessonError:
        raise
    except ValueError as error:
        raise LessonError(f"{source}: {error}") from None


def from_dict(data, source: str = "<dict>", key: str = "lesson") -> Lesson:
    """Check a lesson given as a dict (the parsed TOML); raises :class:`LessonError`."""
    try:
        return _lesson(data, source, key)
    except ValueError as error:
        raise LessonError(f"{source}: {error}") from None


def _lesson(data, source: str, key: str) -> Lesson:
    if not isinstance(data, dict):
        raise ValueError("a lesson is a table of fields")
    if data.get("format") != FORMAT:
        raise ValueError(f"format: must be {FORMAT!r}, got {data.get('format')!r}")
    if data.get("version") != VERSION:
        raise ValueError(
            f"version: this actplay reads version {VERSION}, got {data.get('version')!r}"
        )
    extra = set(data) - TOP_FIELDS
    if extra:
        raise ValueError(f"unknown field {sorted(extra)[0]!r}")
    title = _string(data.get("title"), "title")
    summary = _string(data.get("summary", ""), "summary", empty=True)
    steps = data.get("steps")
    if not isinstance(steps, list) or not steps:
        raise ValueError("steps: needs at least one [[steps]] table")
    parsed = tuple(_step(step, f"step {i + 1}") for i, step in enumerate(steps))
    _check_remembered(parsed)
    return Lesson(key, title, summary, parsed, source)


def _check_remembered(steps) -> None:
    """Every ``{remembered.NAME}`` names a value an earlier step keeps (its own done text
    may use what the step itself keeps: it is filled in once the task is met; all of its
    text may use what it keeps at the start)."""
    kept: set[str] = set()
    for number, step in enumerate(steps, start=1):
        own = {name for name, _reference in step.remember}
        start = kept | {name for name, _reference in step.remember_at_start}
        for field, parts, known in (
            ("text", step.text, start),
            ("task", step.task or (), start),
            ("done", step.done or (), start | own),
        ):
            for name in checks.remembered_names(parts):
                if name not in known:
                    raise ValueError(
                        f"step {number}: {field}: {{remembered.{name}}}: "
                        f"no earlier step remembers {name!r}"
                    )
        kept = start | own


def _string(value, field: str, empty: bool = False) -> str:
    if not isinstance(value, str) or (not empty and not value.strip()):
        raise ValueError(f"{field}: must be {'a' if empty else 'a non-empty'} string")
    return value.strip()


def _step(data, where: str) -> Step:
    if not isinstance(data, dict):
        raise ValueError(f"{where}: must be a table")
    extra = set(data) - STEP_FIELDS
    if extra:
        raise ValueError(f"{where}: unknown field {sorted(extra)[0]!r}")
    title = _string(data.get("title"), f"{where}: title")
    text = checks.parse_text(_string(data.get("text"), f"{where}: text"), f"{where}: text")
    setup = data.get("setup", [])
    if not isinstance(setup, list):
        raise ValueError(f"{where}: setup: must be a list of actions")
    setup = tuple(
        actions.parse_action(item, f"{where}: setup[{i + 1}]") for i, item in enumerate(setup)
    )
    highlight = data.get("highlight")
    if highlight is not None:
        highlight = _string(highlight, f"{where}: highlight")
    has_task, has_check = "task" in data, "check" in data
    if has_task != has_check:
        raise ValueError(f"{where}: 'task' and 'check' go together (a task the app can check)")
    task = check = done = None
    if has_task:
        task = checks.parse_text(_string(data["task"], f"{where}: task"), f"{where}: task")
        check = checks.parse_predicate(data["check"], f"{where}: check")
    if "done" in data:
        if not has_task:
            raise ValueError(f"{where}: done: only a step with a task has one")
        done = checks.parse_text(_string(data["done"], f"{where}: done"), f"{where}: done")
    demo = data.get("demo", [])
    if not isinstance(demo, list):
        raise ValueError(f"{where}: demo: must be a list of gestures")
    demo = tuple(_gesture(item, f"{where}: demo[{i + 1}]") for i, item in enumerate(demo))
    remember = _remember(data.get("remember", {}), has_task, f"{where}: remember")
    at_start = _remember(data.get("remember_at_start", {}), True, f"{where}: remember_at_start")
    return Step(title, text, setup, highlight, task, check, done, demo, remember, at_start)


def _remember(data, has_task: bool, where: str) -> tuple:
    """``remember = { name = "quantity", ... }``: values kept when the step's task is met
    (``remember_at_start``: when the step opens, so any step may keep them)."""
    if not isinstance(data, dict):
        raise ValueError(f'{where}: must be a table such as {{ my_loss = "training.loss" }}')
    if data and not has_task:
        raise ValueError(f"{where}: only a step with a task keeps values (when it is met)")
    pairs = []
    for name, quantity in data.items():
        if not checks.REMEMBERED_NAME.match(name):
            raise ValueError(f"{where}.{name}: a remembered name is lower_case_words")
        try:
            pairs.append((name, quantities.parse(quantity)))
        except ValueError as error:
            raise ValueError(f"{where}.{name}: {error}") from None
    return tuple(pairs)


def _gesture(data, where: str) -> dict:
    if not isinstance(data, dict):
        raise ValueError(f'{where}: must be a table such as {{click = "name"}}')
    verbs = [verb for verb in GESTURES if verb in data]
    if len(verbs) != 1:
        raise ValueError(f"{where}: needs exactly one of {', '.join(GESTURES)}")
    verb = verbs[0]
    extra = set(data) - GESTURES[verb] - {verb}
    if extra:
        raise ValueError(f"{where}: unknown field {sorted(extra)[0]!r}")
    missing = REQUIRED_GESTURE_FIELDS.get(verb, set()) - set(data)
    if missing:
        raise ValueError(f"{where}: '{verb}' needs {sorted(missing)[0]!r}")
    if not isinstance(data[verb], str) or not data[verb]:
        raise ValueError(f"{where}.{verb}: must name a widget")
    if "to" in data:
        if isinstance(data["to"], bool) or not isinstance(data["to"], (int, float)):
            raise ValueError(f"{where}.to: must be a number")
    for field in ("item", "text"):
        if field in data and not isinstance(data[field], str):
            raise ValueError(f"{where}.{field}: must be a string")
    if "dialog" in data:
        inner = data["dialog"]
        if not isinstance(inner, list):
            raise ValueError(f"{where}.dialog: must be a list of gestures")
        clean = dict(data)
        clean["dialog"] = tuple(
            _gesture(item, f"{where}.dialog[{i + 1}]") for i, item in enumerate(inner)
        )
        return clean
    return dict(data)
