"""The emitter and the batch context: one event per batch, none for nothing."""

import pytest

from actplay.model.events import SECTIONS, Batch, Emitter


def test_emit_calls_every_subscriber_with_a_frozenset():
    emitter, first, second = Emitter(), [], []
    emitter.connect(first.append)
    emitter.connect(second.append)
    emitter.emit(["curve", "view"])
    assert first == second == [frozenset({"curve", "view"})]


def test_connecting_twice_calls_once_and_disconnect_stops_calls():
    emitter, seen = Emitter(), []
    emitter.connect(seen.append)
    emitter.connect(seen.append)
    emitter.emit({"neuron"})
    emitter.disconnect(seen.append)
    emitter.emit({"neuron"})
    assert seen == [frozenset({"neuron"})]
    with pytest.raises(ValueError):
        emitter.disconnect(seen.append)


def test_empty_emit_is_silent_and_unknown_sections_are_refused():
    emitter, seen = Emitter(), []
    emitter.connect(seen.append)
    emitter.emit(set())
    assert seen == []
    with pytest.raises(ValueError, match="unknown section"):
        emitter.emit({"curves"})
    with pytest.raises(TypeError):
        emitter.connect("not callable")


def test_a_subscriber_may_disconnect_itself_during_an_emit():
    emitter, seen = Emitter(), []

    def once(sections):
        seen.append(sections)
        emitter.disconnect(once)

    emitter.connect(once)
    emitter.connect(seen.append)
    emitter.emit({"view"})
    emitter.emit({"view"})
    assert len(seen) == 3  # once (1) + seen.append (2)


def test_nested_batches_emit_once_at_the_outermost_end():
    emitter, seen = Emitter(), []
    emitter.connect(seen.append)
    batch = Batch(emitter)
    with batch():
        batch.touch({"curve"})
        with batch():
            batch.touch({"neuron"})
        assert seen == []
        batch.touch({"curve", "network"})
    assert seen == [frozenset({"curve", "neuron", "network"})]
    batch.touch({"view"})  # outside a batch: at once
    assert seen[-1] == frozenset({"view"})


def test_an_empty_batch_emits_nothing_and_an_exception_still_emits():
    emitter, seen = Emitter(), []
    emitter.connect(seen.append)
    batch = Batch(emitter)
    with batch():
        pass
    assert seen == []
    with pytest.raises(RuntimeError), batch():
        batch.touch({"network"})
        raise RuntimeError("boom")
    assert seen == [frozenset({"network"})]
    assert not batch.active


def test_sections_are_the_documented_six():
    assert SECTIONS == ("curve", "neuron", "network", "view", "dataset", "training")
