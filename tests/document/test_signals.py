"""The document's signals: named by the Change enum (a misspelling cannot pass silently), emitted
only by the document, in a fixed order; its read-only face returns the live state."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Signal

from bpstudio.controller import Controller
from bpstudio.document import fileformat as fmt
from bpstudio.document.document import Change, NetworkDocument
from bpstudio.document.reader import DocumentReader
from bpstudio.engine import Phase

SIGNALS = sorted(name for name, value in vars(DocumentReader).items() if isinstance(value, Signal))
# the signals Change names; the others are emitted by the document's own methods
CHANGE_SIGNALS = {f"{member.name.lower()}_changed" for member in Change if member.name}


def spy(document: NetworkDocument) -> list[tuple[str, tuple[object, ...]]]:
    """Every signal the document emits, in order, with its arguments."""
    heard: list[tuple[str, tuple[object, ...]]] = []
    for name in SIGNALS:
        getattr(document, name).connect(lambda *args, name=name: heard.append((name, args)))
    return heard


def test_every_change_names_one_signal_of_the_document() -> None:
    assert CHANGE_SIGNALS <= set(SIGNALS)
    assert {name for name in SIGNALS if name.endswith("_changed")} - CHANGE_SIGNALS == {
        "file_state_changed",
        "shown_sample_changed",
    }


def test_a_misspelt_change_fails_at_once(document: NetworkDocument) -> None:
    with pytest.raises(AttributeError):
        Change.STRUCTUR  # type: ignore[attr-defined]  # noqa: B018
    with pytest.raises(TypeError):
        document.notify("structure")  # type: ignore[arg-type]
    heard = spy(document)
    with pytest.raises(TypeError):
        document.notify("parameters")  # type: ignore[arg-type]
    assert heard == []


@pytest.mark.parametrize("member", list(Change), ids=lambda member: member.name)
def test_each_change_emits_its_own_signal_once(document: NetworkDocument, member: Change) -> None:
    heard = spy(document)
    document.notify(member)
    expected_args: tuple[object, ...] = (None,) if member is Change.STEP else ()
    assert heard == [(f"{member.name.lower()}_changed", expected_args)]


@settings(max_examples=60, deadline=None)
@given(st.sets(st.sampled_from(list(Change))))
def test_notify_emits_each_named_signal_once_in_the_fixed_order(members: set[Change]) -> None:
    document = NetworkDocument(fmt.default_network().stepper)
    changes = Change.NOTHING
    for member in members:
        changes |= member
    heard = spy(document)
    document.notify(changes)
    order = [member for member in Change if member in members]
    assert [name for name, _ in heard] == [f"{member.name.lower()}_changed" for member in order]


def test_step_changed_carries_the_event_only_when_announced(
    document: NetworkDocument, controller: Controller
) -> None:
    assert controller.next_phase()
    event = document.last_event
    assert event is not None and event.phase is Phase.FEEDFORWARD
    heard = spy(document)
    document.notify(Change.STEP, announce=True)
    document.notify(Change.STEP)
    assert heard == [("step_changed", (event,)), ("step_changed", (None,))]


def test_new_is_announced_by_the_document_once(
    document: NetworkDocument, controller: Controller, tmp_path: Path
) -> None:
    """File › New: the document takes the default network and says so itself, once."""
    path = tmp_path / "saved.json"
    assert controller.save_as(path) and document.path == path
    assert controller.next_phase()
    heard = spy(document)
    assert controller.new()
    names = [name for name, _ in heard]
    assert document.path is None and not document.modified and document.steps_done == 0
    assert names.count("file_state_changed") == 1 and names.count("replaced") == 1
    assert names[0] == "replaced" and names[-1] == "file_state_changed"


def test_open_and_open_example_take_the_file_as_the_document(
    document: NetworkDocument, controller: Controller, tmp_path: Path
) -> None:
    _, example = fmt.example_files()[0]
    assert controller.open_example(example)
    assert document.path is None and document.name == fmt.load_file(example).name
    path = tmp_path / "copy.json"
    assert controller.save_as(path)
    assert controller.new() and controller.open(path)
    assert document.path == path and not document.modified


def test_the_reader_returns_the_live_state_not_copies(
    document: NetworkDocument, controller: Controller
) -> None:
    """Views read these many times per phase: no property may copy an array or a list."""
    s = document.stepper
    assert document.network is s.network and document.dataset is s.dataset
    assert document.cost_history is s.cost_history and document.epoch_history is s.epoch_history
    assert document.optimizer_buffers is s.optimizer_state.buffers
    assert controller.step()
    assert document.trace is s.trace and document.loss == s.loss and document.optimizer is s.optimizer
    assert (document.steps_done, document.epoch, document.batch_in_epoch) == (
        s.steps_done,
        s.epoch,
        s.batch_in_epoch,
    )
    assert document.batches_per_epoch == s.batches_per_epoch and document.training is s.training
    assert (document.phase, document.layer) == (s.phase, s.layer)


def test_a_copied_stepper_leaves_the_document_alone(
    document: NetworkDocument, controller: Controller
) -> None:
    assert controller.next_phase()
    before = document.network.theta.copy()
    copy = document.copy_stepper()
    assert (copy.phase, copy.layer, copy.steps_done) == (document.phase, document.layer, document.steps_done)
    copy.train(steps=3)
    assert copy.steps_done == 3 and document.steps_done == 0
    assert (document.network.theta == before).all()


def test_a_refused_step_rolls_back_with_the_rollback_signals(
    document: NetworkDocument, controller: Controller
) -> None:
    """A step the engine refuses: the document emits what views must re-read, nothing is recorded."""
    controller.set_activation(1, "linear")
    controller.set_activation(2, "linear")
    assert controller.set_optimizer_option(learning_rate=1e6)
    count = document.history.count()
    heard = spy(document)
    done = 0
    while done < 10 and controller.step():
        done += 1
    assert done < 10  # refused
    names = [name for name, _ in heard]
    refusal = names.index("error_occurred")
    assert names[refusal - 3 : refusal] == ["parameters_changed", "step_changed", "loss_history_changed"]
    assert document.history.count() == count + done and document.steps_done == done
