"""Sessions for scripts: the window's whole state as a ``Playground``, to load, change and save."""

from __future__ import annotations

from actplay.model import session
from actplay.model.network_import import playground_with
from actplay.model.playground import Playground

__all__ = ["Playground", "load_session", "playground_with", "save_session"]


def load_session(path) -> Playground:
    """Read a ``.actplay.json`` session (ValueError naming the problem when it is bad)."""
    return session.load(path)


def save_session(playground: Playground, path) -> None:
    """Write ``playground`` as a session file the window opens (atomically)."""
    session.save(playground, path)
