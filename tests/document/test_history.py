"""The undo history keeps QUndoStack's semantics."""

from __future__ import annotations

from bpstudio.document.history import Command, UndoHistory


class Append(Command):
    """Appends a value to a list; merges with another Append of the same tag."""

    def __init__(self, log: list[int], value: int, tag: int = -1) -> None:
        super().__init__(f"append {value}")
        self.log = log
        self.values = [value]
        self.tag = tag

    def id(self) -> int:
        return self.tag

    def merge_with(self, other: Command) -> bool:
        assert isinstance(other, Append)
        self.values += other.values
        self.text = f"append {len(self.values)} values"
        return True

    def redo(self) -> None:
        self.log.extend(self.values)

    def undo(self) -> None:
        del self.log[len(self.log) - len(self.values) :]


class Refused(Command):
    def redo(self) -> None:
        raise ValueError("refused")

    def undo(self) -> None:
        raise AssertionError("never done, never undone")


def test_push_runs_redo_and_undo_redo_walk_the_list() -> None:
    log: list[int] = []
    history = UndoHistory()
    history.push(Append(log, 1))
    history.push(Append(log, 2))
    assert log == [1, 2]
    assert history.undo_text() == "append 2" and not history.can_redo()
    history.undo()
    assert log == [1] and history.redo_text() == "append 2" and history.undo_text() == "append 1"
    history.redo()
    assert log == [1, 2]
    history.undo()
    history.push(Append(log, 3))  # a new command drops the redo branch
    assert log == [1, 3] and history.count() == 2 and not history.can_redo()


def test_clean_index_drives_the_modified_flag() -> None:
    log: list[int] = []
    history = UndoHistory()
    seen: list[bool] = []
    history.clean_changed.connect(seen.append)
    assert history.is_clean()
    history.push(Append(log, 1))
    assert not history.is_clean() and seen == [False]
    history.set_clean()
    assert history.is_clean() and seen == [False, True]
    history.undo()
    assert not history.is_clean()
    history.redo()
    assert history.is_clean()
    history.undo()
    history.push(Append(log, 9))  # the saved state is now unreachable
    assert history.clean_index() == -1 and not history.is_clean()
    history.undo()
    assert not history.is_clean()


def test_a_refused_command_is_not_recorded() -> None:
    history = UndoHistory()
    try:
        history.push(Refused("no"))
    except ValueError:
        pass
    assert history.count() == 0 and history.is_clean()


def test_commands_with_the_same_id_merge_but_not_across_the_clean_state() -> None:
    log: list[int] = []
    history = UndoHistory()
    history.push(Append(log, 1, tag=7))
    history.push(Append(log, 2, tag=7))
    assert history.count() == 1 and history.undo_text() == "append 2 values"
    history.set_clean()
    history.push(Append(log, 3, tag=7))
    assert history.count() == 2
    history.push(Append(log, 4, tag=8))
    assert history.count() == 3
    history.set_index(0)
    assert log == []
    history.set_index(3)
    assert log == [1, 2, 3, 4]


def test_limit_drops_the_oldest_entries() -> None:
    log: list[int] = []
    history = UndoHistory(limit=3)
    history.set_clean()
    for value in range(5):
        history.push(Append(log, value))
    assert history.count() == 3 and history.index() == 3
    assert history.clean_index() == -1
    while history.can_undo():
        history.undo()
    assert log == [0, 1]


class Heavy(Append):
    def nbytes(self) -> int:
        return 100


def test_memory_budget_drops_the_oldest_but_keeps_one() -> None:
    log: list[int] = []
    history = UndoHistory(limit=100, byte_limit=250)
    for value in range(5):
        history.push(Heavy(log, value))
    assert history.count() == 2 and history.nbytes() == 200
    history.undo()
    history.undo()
    assert log == [0, 1, 2] and not history.can_undo()
    tiny = UndoHistory(byte_limit=10)
    tiny.push(Heavy(log, 9))
    assert tiny.count() == 1 and tiny.can_undo()
