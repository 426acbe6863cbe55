"""Fixtures for the model tests: a fresh Playground and a recorder of its events."""

import pytest

from actplay.model.playground import Playground


class EventRecorder:
    """Collects every event a Playground emits."""

    def __init__(self, pg: Playground) -> None:
        self.events: list[frozenset] = []
        pg.changed.connect(self.events.append)

    @property
    def count(self) -> int:
        return len(self.events)

    @property
    def last(self) -> frozenset:
        return self.events[-1]

    def clear(self) -> None:
        self.events.clear()


@pytest.fixture
def pg() -> Playground:
    return Playground()


@pytest.fixture
def recorder(pg) -> EventRecorder:
    return EventRecorder(pg)
