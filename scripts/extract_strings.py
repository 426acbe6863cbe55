"""Write resources/i18n/actplay.ts: every text of the window that is passed to `translate`.

Usage::

    python scripts/extract_strings.py          # rewrite the .ts file
    python scripts/extract_strings.py --check  # exit 1 if the file is out of date

Reads ``translate("context", "text")`` calls (`actplay.ui.i18n.translate`) with
Python's ``ast`` from every file under ``actplay/``, so it needs no Qt tools; the
output is Qt Linguist's ``.ts`` format, which ``pyside6-lupdate`` also writes
(its ``-ts`` output for the same sources lists the same texts) and
``pyside6-lrelease`` compiles to a ``.qm`` file.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "actplay"
TS_FILE = ROOT / "resources" / "i18n" / "actplay.ts"


def translate_calls(path: Path) -> list[tuple[str, str, int]]:
    """``(context, text, line)`` of every ``translate("ctx", "text")`` call in ``path``."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if not isinstance(node, ast.Call) or len(node.args) < 2:
            continue
        name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
        context, text = node.args[:2]
        if (
            name == "translate"
            and isinstance(context, ast.Constant)
            and isinstance(text, ast.Constant)
            and isinstance(context.value, str)
            and isinstance(text.value, str)
        ):
            found.append((context.value, text.value, node.lineno))
    return found


def collect(root: Path = SOURCES) -> dict[str, dict[str, list[tuple[str, int]]]]:
    """Context -> text -> [(file, line)], over every Python file under ``root``."""
    contexts: dict[str, dict[str, list[tuple[str, int]]]] = {}
    for path in sorted(root.rglob("*.py")):
        relative = path.relative_to(ROOT).as_posix()
        for context, text, line in translate_calls(path):
            contexts.setdefault(context, {}).setdefault(text, []).append((relative, line))
    return contexts


def ts_text(contexts) -> str:
    """The .ts document for ``contexts`` (sorted, so it only changes with the texts)."""
    lines = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>", '<TS version="2.1">']
    for context in sorted(contexts):
        lines += ["<context>", f"    <name>{escape(context)}</name>"]
        for text in sorted(contexts[context]):
            lines.append("    <message>")
            # files without line numbers: an edit elsewhere in a file leaves this one alone
            for filename in sorted({filename for filename, _line in contexts[context][text]}):
                lines.append(f'        <location filename="../../{filename}"/>')
            lines.append(f"        <source>{escape(text)}</source>")
            lines.append('        <translation type="unfinished"></translation>')
            lines.append("    </message>")
        lines.append("</context>")
    lines.append("</TS>")
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    wanted = ts_text(collect())
    if "--check" in argv:
        current = TS_FILE.read_text(encoding="utf-8") if TS_FILE.exists() else ""
        if current != wanted:
            print(f"{TS_FILE.relative_to(ROOT)} is out of date: run {Path(__file__).name}")
            return 1
        return 0
    TS_FILE.parent.mkdir(parents=True, exist_ok=True)
    TS_FILE.write_text(wanted, encoding="utf-8")
    count = sum(len(texts) for texts in collect().values())
    print(f"wrote {TS_FILE.relative_to(ROOT)}: {count} texts")
    return 0


if __name__ == "__main__":
    sys.exit(main())
