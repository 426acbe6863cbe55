"""What every state section shares: a session form declared once, copied in and out.

A section declares its session object once, as ``DEFAULTS`` (every key with
its default, in the order a file lists them) and ``OPTIONAL`` (keys a file may
leave out). It holds its values in that form; :meth:`Section.to_dict` and
:meth:`Section.load` copy them out and in, and :meth:`Section.checked_keys`
fills what a file left out from the same defaults.
"""

from __future__ import annotations

import functools
import operator
from typing import TYPE_CHECKING, ClassVar

from actplay.model import limits as lim

if TYPE_CHECKING:
    from actplay.model.playground import Parts


_CONTAINERS = frozenset((dict, list, tuple))


def copy_json(value):
    """A deep copy of a JSON-like value (dicts, lists, tuples, scalars); tuples become lists."""
    # Scalars are not passed down a call: the undo history copies the state on every change.
    kind = type(value)
    if kind is dict:
        return {
            key: copy_json(item) if type(item) in _CONTAINERS else item
            for key, item in value.items()
        }
    if kind is list or kind is tuple:
        return [copy_json(item) if type(item) in _CONTAINERS else item for item in value]
    return value


class Section:
    """One section of the state: values in their session form, and the other sections.

    Subclasses set ``KEY`` (the session key), ``DEFAULTS`` and ``OPTIONAL``, and
    add a ``validate`` class method that returns a clean copy of a section
    object or raises ``InvalidValue`` naming the field.

    Parameters
    ----------
    parts : Parts
        The Playground's sections, so this one can reach the others and emit.
    """

    KEY: ClassVar[str]
    DEFAULTS: ClassVar[dict]
    OPTIONAL: ClassVar[tuple[str, ...]] = ()

    def __init__(self, parts: Parts) -> None:
        self._parts = parts
        self._values = copy_json(self.DEFAULTS)

    @classmethod
    def fields(cls) -> tuple[str, ...]:
        """The keys of the section's session object, in file order."""
        return tuple(cls.DEFAULTS)

    @classmethod
    def checked_keys(cls, data, field: str | None = None) -> dict:
        """``data`` with every optional key it leaves out set to its default.

        Raises
        ------
        InvalidValue
            If ``data`` is not an object, misses a required key or has an unknown one.
        """
        required = tuple(key for key in cls.DEFAULTS if key not in cls.OPTIONAL)
        lim.check_keys(field or cls.KEY, data, required, cls.OPTIONAL)
        missing = {key: copy_json(cls.DEFAULTS[key]) for key in cls.OPTIONAL if key not in data}
        return {**data, **missing}

    def to_dict(self) -> dict:
        """The section's session object (JSON-ready, a fresh copy)."""
        return copy_json(self._values)

    def load(self, clean: dict) -> None:
        """Take the values of a validated session object (no event: the caller emits)."""
        self._values = copy_json(clean)


def forward(section: str, member):
    """A Playground attribute that is ``member`` of one of its sections.

    Parameters
    ----------
    section : str
        Attribute of ``Playground._parts`` that holds the section (``"curve"``).
    member : property or function
        The section's property (read-only on the Playground) or method.
    """
    get_section = operator.attrgetter(f"_parts.{section}")
    if isinstance(member, property):
        read = member.fget
        return property(lambda playground: read(get_section(playground)), doc=member.__doc__)

    @functools.wraps(member)
    def call(playground, *args, **kwargs):
        return member(get_section(playground), *args, **kwargs)

    return call
