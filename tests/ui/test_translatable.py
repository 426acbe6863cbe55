"""Every text a person reads in the window can be translated.

The texts passed to ``translate`` are extracted from the sources (the same way
``scripts/extract_strings.py`` writes ``resources/i18n/actplay.ts``); the real
window is then walked, lazily built tabs opened, and every visible text of
labels, buttons, menus and actions, group boxes, tab titles, tooltips and
window titles must come from one of them (numbers and other values filled
into a text's placeholders are allowed), or be data shown as it is (a
function's or preset's name). Rooms of ``ui/`` are converted one by one:
a text only found in a room not converted yet is listed as pending, not failed.
"""

from __future__ import annotations

import ast
import html
import importlib.util
import re
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QDockWidget,
    QGroupBox,
    QLabel,
    QMenu,
    QTabWidget,
    QWidget,
)

from actplay.core import activations
from actplay.model import presets

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "actplay" / "ui"
# Rooms whose texts all go through translate(); the others are still to do.
TRANSLATED_ROOMS = {
    "shell",
    "curve",
    "neuron",
    "network",
    "widgets",
    "export",
    "training",
    "lessons",
    "race",
}
NUMBER = re.compile(
    r"[\u2212+-]?\d+(?:[.,]\d+)*(?:e[+-]?\d+)?(?:\u00d710[\u207b\u2070-\u2079\u00b9\u00b2\u00b3]+)?"
)
IDENTIFIER = re.compile(r"[a-z0-9_.]+")  # object names and keys, never shown
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def _extractor():
    spec = importlib.util.spec_from_file_location("extract", ROOT / "scripts/extract_strings.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def normalised(text: str) -> str:
    """Plain text: markup, mnemonics and numbers out, spaces collapsed."""
    text = re.sub(r"<br\s*/?>|</p>|</tr>|</li>", "\n", text)
    text = html.unescape(re.sub(r"<[^>]+>", "", text))
    text = re.sub(r"&(?=\S)", "", text.replace("&&", "\0")).replace("\0", "&")
    # Qt drops a trailing ellipsis from an action's tooltip: compare without it
    text = NUMBER.sub("#", text.replace("\u2026", "").replace("...", ""))
    return re.sub(r"[ \t]+", " ", text).strip()


def source_pattern(source: str) -> re.Pattern:
    """A regex for what ``source`` looks like once its placeholders are filled in."""
    parts = PLACEHOLDER.split(source)
    return re.compile(".*".join(re.escape(normalised(part)) for part in parts), re.DOTALL)


def room_literals() -> dict[str, list[str]]:
    """Room -> the literal parts of every string in its sources (f-strings split)."""
    rooms: dict[str, list[str]] = {}
    for path in UI.rglob("*.py"):
        relative = path.relative_to(UI).parts
        room = relative[0] if len(relative) > 1 else path.stem
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                rooms.setdefault(room, []).append(normalised(node.value))
    return rooms


def visible_texts(window, qapp) -> set[str]:
    """Every text of the built window a person can read, lazily built parts included."""
    for name in ("lessons_action", "race_window_action"):  # parts built on first use
        action = window.findChild(QAction, name)
        if action is not None:
            action.trigger()
    for dock in window.findChildren(QDockWidget):
        dock.show()
    qapp.processEvents()
    for tabs in window.findChildren(QTabWidget):
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            qapp.processEvents()
    texts = set()
    for widget in window.findChildren(QWidget):
        if widget.toolTip():
            texts.add(widget.toolTip())
        if isinstance(widget, QLabel) and widget.isVisibleTo(window):
            texts.add(widget.text())
        elif isinstance(widget, QAbstractButton) and widget.isVisibleTo(window):
            texts.add(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.add(widget.title())
        elif isinstance(widget, QTabWidget):
            texts.update(widget.tabText(i) for i in range(widget.count()))
        elif isinstance(widget, QMenu):
            texts.add(widget.title())
        elif isinstance(widget, QDockWidget):
            texts.add(widget.windowTitle())
    for action in window.findChildren(QAction):
        texts.update((action.text(), action.toolTip()))
    texts.add(window.windowTitle())
    return {text for text in texts if re.search(r"[A-Za-z]{2}", normalised(text))}


def data_texts() -> set[str]:
    """Texts shown as the library or the model names them (not the window's words)."""
    names = set(activations.names())
    for name in activations.names():
        names.add(activations.get(name).title)
    names.update(presets.PRESETS.values())
    return {normalised(name) for name in names}


def covered(text: str, patterns, data) -> bool:
    plain = normalised(text)
    if plain in data or any(pattern.fullmatch(plain) for pattern in patterns):
        return True
    lines = [line.strip() for line in plain.split("\n") if re.search(r"[A-Za-z]{2}", line)]
    return len(lines) > 1 and all(covered(line, patterns, data) for line in lines)


def rooms_with(text: str, literals) -> set[str]:
    """The rooms whose sources hold ``text``: as a whole string, or else its longest run
    between values when that run is long enough to be telling."""
    plain = normalised(text)
    exact = {room for room, strings in literals.items() if plain in strings}
    if exact:
        return exact
    longest = max((run.strip() for run in plain.split("#")), key=len)
    if len(longest) < 12:
        return set()
    return {room for room, strings in literals.items() if any(longest in s for s in strings)}


def test_the_ts_file_lists_every_translated_text():
    extract = _extractor()
    assert extract.main(["--check"]) == 0, "run: python scripts/extract_strings.py"


def test_every_visible_text_of_a_translated_room_is_translatable(window, qapp):
    contexts = _extractor().collect()
    sources = [text for texts in contexts.values() for text in texts]
    assert len(sources) > 50
    patterns = [source_pattern(source) for source in sources]
    data, literals = data_texts(), room_literals()
    untranslated, pending = [], []
    for text in sorted(visible_texts(window, qapp)):
        if covered(text, patterns, data):
            continue
        rooms = rooms_with(text, literals)
        (untranslated if rooms & TRANSLATED_ROOMS else pending).append((text, sorted(rooms)))
    assert not untranslated, "\n".join(f"{rooms}: {text!r}" for text, rooms in untranslated)


@pytest.mark.parametrize("room", sorted(TRANSLATED_ROOMS))
def test_a_translated_room_has_no_plain_text_left_in_its_widgets(room):
    # Static check: in a translated room, a literal given to a text setter is a translate() call.
    setters = {
        "setText", "setToolTip", "setWindowTitle", "setTitle", "setPlaceholderText",
        "addTab", "setTabText", "addMenu", "addAction", "QLabel", "QPushButton", "QCheckBox",
        "QGroupBox", "QRadioButton", "QAction", "QMenu", "menu_action", "setStatusTip",
    }  # fmt: skip
    plain = []
    for path in sorted((UI / room).rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if name not in setters:
                continue
            for argument in node.args:
                if isinstance(argument, ast.JoinedStr):  # its words are its literal parts
                    words = "".join(
                        part.value for part in argument.values if isinstance(part, ast.Constant)
                    )
                elif isinstance(argument, ast.Constant) and isinstance(argument.value, str):
                    words = argument.value
                else:
                    continue
                if re.search(r"[A-Za-z]{2}", words) and not IDENTIFIER.fullmatch(words):
                    plain.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not plain, plain


def test_an_installed_translation_is_used(tmp_path, monkeypatch):
    import shutil
    import subprocess

    from PySide6.QtCore import QCoreApplication, QTranslator

    from actplay.ui import i18n

    beside_python = str(Path(sys.executable).parent)
    lrelease = shutil.which("pyside6-lrelease", path=beside_python) or shutil.which(
        "pyside6-lrelease"
    )
    if lrelease is None:
        pytest.skip("pyside6-lrelease is not installed")
    assert i18n.translate("curve", "Compare") == "Compare"  # nothing installed: as written
    source = tmp_path / "de.ts"
    source.write_text(
        '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="de">'
        "<context><name>curve</name><message><source>Compare</source>"
        "<translation>Vergleichen</translation></message></context></TS>",
        encoding="utf-8",
    )
    subprocess.run([lrelease, str(source), "-qm", str(tmp_path / "de.qm")], check=True)
    translator = QTranslator()
    assert translator.load(str(tmp_path / "de.qm"))
    monkeypatch.setattr(i18n, "_translating", False)
    try:
        i18n.use_translator(translator)
        assert i18n.translate("curve", "Compare") == "Vergleichen"
        assert i18n.translate("shell", "Compare") == "Compare"  # another context
    finally:
        QCoreApplication.removeTranslator(translator)
