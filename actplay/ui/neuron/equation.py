"""The neuron's equation written out with the current numbers, as styled runs of text.

``z = 0.80·1.00 + (−0.40)·0.50 + 0.10 = 0.70`` and then
``a = sigmoid(0.70) = 0.67``: the user reads the same sum the bars draw. The
number format is short but honest for every value the model allows (up to
±1e6 and down to tiny outputs such as sigmoid(−30)).
"""

from __future__ import annotations

from typing import NamedTuple

from actplay.ui import theme
from actplay.ui.widgets.markup import escape
from actplay.ui.widgets.numbers import MINUS, format_number

DOT = "\u00b7"  # the multiplication dot between a weight and its input


def _operand(value: float) -> str:
    """A number inside a product or a sum: negative numbers in brackets."""
    text = format_number(value)
    return f"({text})" if text.startswith(MINUS) else text


class Run(NamedTuple):
    """A piece of the equation drawn in one style.

    Attributes
    ----------
    text : str
        Plain text.
    colour : str or None
        ``#RRGGBB``, or None for the widget's text colour.
    bold, italic, sub : bool
        Bold, italic, subscript (smaller, lowered).
    """

    text: str
    colour: str | None = None
    bold: bool = False
    italic: bool = False
    sub: bool = False


# An equation is lines of words; a word is runs that stay together; a line may wrap
# between its words (a space apart) when the panel is narrow.
Word = tuple[Run, ...]
Line = tuple[Word, ...]


def _signed_colour(value: float, colours: tuple[str, str]) -> str | None:
    """The text colour of a value with that sign, like its bar (blue +, orange −);
    ``colours`` is the theme's (negative, positive) pair."""
    if value > 0:
        return colours[1]
    if value < 0:
        return colours[0]
    return None


def _symbol(symbol: str, index: int) -> Word:
    return (Run(symbol, italic=True), Run(str(index + 1), sub=True))


def equation_lines(result) -> tuple[Line, ...]:
    """The whole equation of a neuron result, as lines of styled runs.

    Parameters
    ----------
    result : NeuronResult
        From ``Playground.neuron_result()``: ``inputs``, ``weights``, ``bias``,
        ``terms``, ``z``, ``a``, ``slope``, ``activation`` (name) and ``params``.

    Returns
    -------
    tuple of Line
        Four lines: the symbolic sum, the sum with numbers, the output, the slope.
        Colours are resolved for the active theme, so a new theme gives new lines.
    """
    signed = theme.signed_text_colours()
    plus = (Run("+"),)
    equals = (Run("="),)
    symbolic: list[Word] = [(Run("z", italic=True),), equals]
    for i in range(len(result.weights)):
        symbolic += [_symbol("w", i) + _symbol("x", i), plus]
    symbolic.append((Run("b", italic=True),))
    numbers: list[Word] = [(Run("\u2002\u2002="),)]  # indented under "z ="
    for w, x in zip(result.weights, result.inputs, strict=True):
        colour = _signed_colour(w * x, signed)
        numbers += [(Run(f"{_operand(w)}{DOT}{_operand(x)}", colour),), plus]
    z_text = format_number(result.z)
    numbers += [
        (Run(_operand(result.bias), _signed_colour(result.bias, signed)),),
        equals,
        (Run(z_text, _signed_colour(result.z, signed), bold=True),),
    ]
    name: Word = (Run(_activation_name(result.activation)),)
    if result.params:
        parts = ", ".join(f"{key}={format_number(value)}" for key, value in result.params.items())
        name += (Run(parts, sub=True),)
    output: list[Word] = [
        (Run("a", italic=True),),
        equals,
        name + (Run(f"({z_text})"),),
        equals,
        (Run(format_number(result.a), bold=True),),
    ]
    muted = theme.muted_text_colour()
    slope: list[Word] = [
        (Run("slope", muted),),
        (
            Run("f", muted, italic=True),
            Run("\u2032(", muted),
            Run("z", muted, italic=True),
            Run(")", muted),
        ),
        (Run("=", muted),),
        (Run(format_number(result.slope), muted),),
    ]
    return tuple(tuple(line) for line in (symbolic, numbers, output, slope))


def _run_html(run: Run) -> str:
    text = escape(run.text, quote=False)
    for flag, tag in ((run.sub, "sub"), (run.italic, "i"), (run.bold, "b")):
        if flag:
            text = f"<{tag}>{text}</{tag}>"
    return f'<span style="color:{run.colour}">{text}</span>' if run.colour else text


def lines_html(lines) -> str:
    """Rich text of equation lines (for copying into documents and for tests)."""
    return "<br>".join(
        " ".join("".join(_run_html(run) for run in word) for word in line) for line in lines
    )


def lines_plain(lines) -> str:
    """Plain text of equation lines, one per line (subscripts written inline)."""
    return "\n".join(" ".join("".join(run.text for run in word) for word in line) for line in lines)


def _activation_name(activation) -> str:
    """The registry name, whether the result holds a name or an ``Activation``."""
    return str(getattr(activation, "name", activation))
