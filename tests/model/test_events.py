"""The emitter and the batch context: one event per batch, none for nothing; a failing
subscriber is reported and never stops the others or the change."""

import sys

import pytest

from actplay.model.errors import InvalidValue
from actplay.model.events import SECTIONS, Batch, Emitter
from actplay.model.session import SessionError


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
    assert SECTIONS == ("curve", "neuron", "network", "view", "dataset", "training", "race")


def test_a_failing_subscriber_is_reported_once_and_the_others_still_hear():
    faults, first, last = [], [], []
    emitter = Emitter(on_fault=faults.append)

    def broken(sections):
        raise KeyError("a view's bug")

    emitter.connect(first.append)
    emitter.connect(broken)
    emitter.connect(last.append)
    emitter.emit({"curve"})  # returns normally: the change is made
    assert first == last == [frozenset({"curve"})]
    assert len(faults) == 1 and isinstance(faults[0], KeyError)
    # The real traceback, down to the subscriber's own frame.
    assert faults[0].__traceback__.tb_next.tb_frame.f_code.co_name == "broken"


def test_faults_go_to_the_excepthook_installed_at_the_time(monkeypatch):
    reported = []
    emitter = Emitter()  # made before the hook is installed, as the window's model is
    monkeypatch.setattr(sys, "excepthook", lambda *info: reported.append(info))
    emitter.connect(lambda sections: 1 / 0)
    emitter.emit({"view"})
    (exc_type, value, trace), *more = reported
    assert exc_type is ZeroDivisionError and trace is value.__traceback__ and not more


def test_a_raising_view_never_makes_the_model_refuse_or_lose_a_change(pg, recorder, monkeypatch):
    faults = []
    monkeypatch.setattr(sys, "excepthook", lambda *info: faults.append(info[1]))

    def broken_view(sections):
        raise ValueError("the view could not draw")

    pg.changed.connect(broken_view)
    later = []
    pg.changed.connect(later.append)
    pg.set_neuron_bias(0.42)  # no exception: the value was fine
    assert pg.neuron_bias == 0.42
    assert recorder.events == later == [frozenset({"neuron"})]
    assert [str(f) for f in faults] == ["the view could not draw"]


def test_a_refused_value_is_an_invalid_value_that_changes_and_emits_nothing(pg, recorder):
    before = pg.state_dict()
    with pytest.raises(InvalidValue, match="neuron bias must be finite"):
        pg.set_neuron_bias(float("nan"))
    assert isinstance(InvalidValue("x"), ValueError)  # callers catching ValueError still work
    assert issubclass(SessionError, InvalidValue)  # a file that does not load is refused too
    assert pg.state_dict() == before and recorder.count == 0
