"""Recovery files (document/recovery.py): unique names per process and document, a running
instance's files never offered, a dead one's restored exactly, removal."""

from __future__ import annotations

import json
import os
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from bpstudio.document import fileformat as fmt
from bpstudio.document import recovery
from bpstudio.document.recovery import RecoverySession
from tests.support.recovery import article_file, dead_session


def test_a_running_session_is_never_offered_and_its_names_are_its_own(tmp_path: Path) -> None:
    first, second = RecoverySession(tmp_path), RecoverySession(tmp_path)
    keys = [first.new_document(), first.new_document(), second.new_document()]
    assert len(set(keys)) == 3
    assert all(str(os.getpid()) in key for key in keys)
    written = [first.write(keys[0], article_file(1), None), second.write(keys[2], article_file(2), None)]
    assert len(set(written)) == 2 and all(path.is_file() for path in written)
    assert recovery.recoverable(tmp_path) == []  # both still hold their locks
    first.remove(keys[0])
    assert not written[0].exists() and written[1].exists()
    second.close()
    first.close()
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        written[1].name,
        written[1].name[:-5] + ".meta.json",
    ]


def test_a_dead_instance_is_offered_with_name_time_steps_and_restores_exactly(tmp_path: Path) -> None:
    original = tmp_path / "mine.bpstudio.json"
    session_id = dead_session(tmp_path / "recovery", steps=3, original=original)
    entries = recovery.recoverable(tmp_path / "recovery")
    assert [(e.session, e.name, e.steps, e.original) for e in entries] == [
        (session_id, "recovered", 3, original)
    ]
    assert abs(entries[0].saved_at - os.path.getmtime(entries[0].meta)) < 5
    restored = recovery.load(entries[0])
    expected = article_file(3)
    assert fmt.dumps(restored) == fmt.dumps(expected)
    for _ in range(4):  # training goes on bit for bit
        restored.stepper.step()
        expected.stepper.step()
    assert fmt.dumps(restored) == fmt.dumps(expected)
    recovery.discard(entries[0])
    assert list((tmp_path / "recovery").iterdir()) == []


def test_own_session_and_half_written_or_foreign_files_are_not_offered(tmp_path: Path) -> None:
    dead_session(tmp_path, steps=0, original=None)
    session = RecoverySession(tmp_path)
    session.write(session.new_document(), article_file(), None)
    session.close()  # a clean end keeps no lock: its leftover is offered to others, not to itself
    assert len(recovery.recoverable(tmp_path)) == 2
    assert len(recovery.recoverable(tmp_path, own_session=session.id)) == 1
    (tmp_path / "9-beef-1.json").write_text("{}")  # the network without its metadata yet
    (tmp_path / "9-dead-1.meta.json").write_text("not json")
    (tmp_path / "9-cafe-1.meta.json").write_text(json.dumps({"format": "other"}))
    assert len(recovery.recoverable(tmp_path)) == 2


def test_a_snapshot_is_independent_of_the_live_stepper() -> None:
    live = article_file(2)
    copy = recovery.snapshot(live)
    text = fmt.dumps(copy)
    assert text == fmt.dumps(live)
    live.stepper.step()
    assert fmt.dumps(copy) == text != fmt.dumps(live)


@given(st.lists(st.integers(min_value=0, max_value=3), min_size=1, max_size=12))
def test_keys_never_repeat_across_sessions(choices: list[int]) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        sessions = [RecoverySession(Path(folder)) for _ in range(4)]
        keys = [sessions[choice].new_document() for choice in choices]
        assert len(set(keys)) == len(keys)
        assert all(
            key.startswith(sessions[choice].id + "-") for key, choice in zip(keys, choices, strict=True)
        )
        for session in sessions:
            session.close()
