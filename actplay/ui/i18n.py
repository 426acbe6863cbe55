"""Translatable text: every string a person reads in the window goes through `translate`.

``translate("curve", "Compare with\u2026")`` returns the text of the installed
translation, or the text itself. Until `use_translator` installs one it is a
plain Python function that returns its argument, so the thousands of labels
built at start-up cost nothing extra. The contexts are the rooms of ``ui/``
(``"curve"``, ``"shell"``, ...). Texts with values keep named placeholders and
are formatted after the lookup: ``translate("network", "Hidden {n}").format(n=2)``.

``scripts/extract_strings.py`` collects every call into
``resources/i18n/actplay.ts`` (Qt Linguist's format; ``pyside6-lupdate`` reads
the same calls); see docs/internals.md.
"""

from __future__ import annotations

_translating = False  # True once a translator is installed


def translate(context: str, text: str, disambiguation: str | None = None) -> str:
    """The translation of ``text`` in ``context`` (the text itself when there is none).

    Parameters
    ----------
    context : str
        The room of ``ui/`` the text belongs to, e.g. ``"curve"``.
    text : str
        The English text, a literal (extractors read it from the source).
    disambiguation : str, optional
        Tells two identical texts with different meanings apart.
    """
    if not _translating:
        return text
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate(context, text, disambiguation)


def use_translator(translator) -> None:
    """Install a loaded ``QTranslator``; later `translate` calls look texts up in it."""
    global _translating
    from PySide6.QtCore import QCoreApplication

    QCoreApplication.installTranslator(translator)
    _translating = True
