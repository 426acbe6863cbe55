"""docs/session-format.md describes exactly the fields the section objects declare: a field
added to a section and not to the document (or the other way round) fails here, and so
does a default or an *optional* mark the document states differently from the code."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from actplay.model import race_schema, state_schema
from actplay.model.sections.curve import CurveSection
from actplay.model.sections.custom import CustomFunctions
from actplay.model.sections.dataset import DatasetSection
from actplay.model.sections.network import NetworkSection
from actplay.model.sections.neuron import NeuronSection
from actplay.model.sections.training import TrainingSection

DOC = Path(__file__).resolve().parents[2] / "docs" / "session-format.md"
KEY_CELL = re.compile(r"`([a-z_0-9]+)`")


class Declared:
    """What the code declares for one session object: its keys, defaults, optional keys."""

    def __init__(self, defaults: dict, optional, checked_defaults):
        self.keys = tuple(defaults)
        self.defaults = defaults
        self.optional = tuple(optional)
        self.checked_defaults = tuple(checked_defaults)  # keys whose default the doc states


def declared(section) -> Declared:
    return Declared(section.DEFAULTS, section.OPTIONAL, section.OPTIONAL)


SECTIONS = {
    "curve": declared(CurveSection),
    "neuron": declared(NeuronSection),
    "network": declared(NetworkSection),
    # One entry of the object; the title's default is the function's name.
    "custom_activations": Declared(CustomFunctions.DEFAULTS, CustomFunctions.OPTIONAL, ["params"]),
    # Both sections may be left out whole, so every key may be: each states its default
    # (the document says so once, not on every row).
    "dataset": Declared(DatasetSection.DEFAULTS, (), DatasetSection.DEFAULTS),
    "training": Declared(TrainingSection.DEFAULTS, (), TrainingSection.DEFAULTS),
    # The race's settings, and the results a session may carry; its defaults are prose.
    "race": Declared({**race_schema.DEFAULT_RACE, "results": None}, (), ()),
}


def table_rows(heading: str) -> dict[str, str]:
    """Key -> its row's text, from the first table after ``## heading``."""
    text = DOC.read_text(encoding="utf-8")
    start = text.index(f"\n## {heading}") + 1
    rows, in_table = {}, False
    for line in text[start:].splitlines()[1:]:
        if line.startswith("## "):
            break
        if line.startswith("| `"):
            in_table = True
            first_cell, _, rest = line[2:].partition(" | ")
            for key in KEY_CELL.findall(first_cell):
                rows[key] = rest
        elif in_table and not line.startswith("|"):
            break
    assert rows, f"no table of keys under '## {heading}'"
    return rows


def default_texts(value) -> set[str]:
    """The ways the document may write a default value."""
    texts = {json.dumps(value)}
    if isinstance(value, float):
        texts.add(f"{value:g}")
    return (
        {f"default {text}" for text in texts}
        | {f"default `{text}`" for text in texts}
        | {f"`{text}` (default" for text in texts}
    )


@pytest.mark.parametrize("name", list(SECTIONS))
def test_each_section_documents_exactly_its_fields(name):
    rows = table_rows(f"`{name}`")
    code = SECTIONS[name]
    assert sorted(rows) == sorted(code.keys), (
        f"docs/session-format.md '{name}' lists {sorted(rows)}; the code declares "
        f"{sorted(code.keys)}"
    )
    marked = sorted(key for key, row in rows.items() if "*optional*" in row)
    assert marked == sorted(code.optional), f"'{name}': *optional* marks {marked}"
    for key in code.checked_defaults:
        value = code.defaults[key]
        assert any(text in rows[key] for text in default_texts(value)), (
            f"'{name}' {key}: the document does not state the default {value!r}"
        )


def test_the_top_level_lists_every_section():
    rows = table_rows("Top level")
    sections = state_schema.REQUIRED_SECTIONS + state_schema.OPTIONAL_SECTIONS
    assert sorted(rows) == sorted(sections)
    assert sorted(SECTIONS) == sorted(set(sections) - {"format", "version"})


def test_the_check_sees_a_field_missing_from_the_document(monkeypatch):
    monkeypatch.setitem(SECTIONS["curve"].__dict__, "keys", (*CurveSection.DEFAULTS, "zoom"))
    with pytest.raises(AssertionError, match="zoom"):
        test_each_section_documents_exactly_its_fields("curve")
