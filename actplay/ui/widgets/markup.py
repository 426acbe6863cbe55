"""Escaping text for Qt's rich text, without the ``html`` module.

``html`` loads ``html.entities`` (a 2,000-entry table, slow to import: see
``benchmarks/RESULTS.md``) that escaping never uses; the help box escapes at
every start, so the first frame paid for it.
"""

from __future__ import annotations

_REPLACEMENTS = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"))
_QUOTES = (('"', "&quot;"), ("'", "&#x27;"))


def escape(text: str, quote: bool = True) -> str:
    """``text`` with ``&``, ``<``, ``>`` (and quotes when ``quote``) as entities.

    Same result as :func:`html.escape`.

    Examples
    --------
    >>> escape("a < b & 'c'")
    'a &lt; b &amp; &#x27;c&#x27;'
    """
    for plain, entity in _REPLACEMENTS + (_QUOTES if quote else ()):
        text = text.replace(plain, entity)
    return text
