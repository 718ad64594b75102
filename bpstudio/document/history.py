"""An undo history with QUndoStack's semantics, in pure Python on QtCore signals.

QUndoStack lives in QtGui; the document layer may use QtCore only, so this re-creates the parts
BP Studio needs: `push` runs `redo`; undo/redo texts; a clean index that drives the document's
modified flag; merging consecutive commands with the same id (the ticks of one Run session
become one entry); and limits on the number of entries and on the memory they keep. A drag of
neurons on the canvas needs no merging: the canvas pushes one command when they are dropped.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class Command:
    """One undoable change. Subclasses implement `redo` and `undo`.

    `redo` is called once by `push` to do the change the first time; if it raises, the command
    must leave everything as it was and it is not recorded.
    """

    def __init__(self, text: str = "") -> None:
        self.text = text

    def id(self) -> int:
        """Commands with the same id ≥ 0 may merge (see `merge_with`); -1 never merges."""
        return -1

    def merge_with(self, other: Command) -> bool:
        """Absorb `other` (already done) into self; return True if merged."""
        return False

    def nbytes(self) -> int:
        """Memory the command keeps (saved states), for the history's memory budget."""
        return 0

    def redo(self) -> None:
        raise NotImplementedError

    def undo(self) -> None:
        raise NotImplementedError


class UndoHistory(QObject):
    """The document's list of commands and the position in it."""

    changed = Signal()  # anything below changed: index, texts, can_undo/can_redo, clean state
    clean_changed = Signal(bool)

    def __init__(
        self, limit: int = 1000, byte_limit: int = 512 * 1024 * 1024, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._commands: list[Command] = []
        self._sizes: list[int] = []  # nbytes of each command, measured when it was recorded
        self._byte_limit = byte_limit
        self._index = 0  # number of commands currently applied
        self._clean_index = 0  # -1: the clean state can no longer be reached
        self._limit = limit

    # -- state -----------------------------------------------------------------------------
    def count(self) -> int:
        return len(self._commands)

    def index(self) -> int:
        return self._index

    def clean_index(self) -> int:
        return self._clean_index

    def command(self, index: int) -> Command:
        return self._commands[index]

    def can_undo(self) -> bool:
        return self._index > 0

    def can_redo(self) -> bool:
        return self._index < len(self._commands)

    def undo_text(self) -> str:
        return self._commands[self._index - 1].text if self.can_undo() else ""

    def redo_text(self) -> str:
        return self._commands[self._index].text if self.can_redo() else ""

    def is_clean(self) -> bool:
        return self._index == self._clean_index

    # -- changing --------------------------------------------------------------------------
    def push(self, command: Command) -> None:
        """Do `command` (its `redo`) and record it; an exception from redo records nothing."""
        command.redo()
        was_clean = self.is_clean()
        if self._clean_index > self._index:
            self._clean_index = -1
        del self._commands[self._index :]
        del self._sizes[self._index :]
        top = self._commands[-1] if self._commands else None
        merged = (
            top is not None
            and top.id() >= 0
            and top.id() == command.id()
            and self._index != self._clean_index
            and top.merge_with(command)
        )
        if merged:
            assert top is not None
            self._sizes[-1] = top.nbytes()
        else:
            self._commands.append(command)
            self._sizes.append(command.nbytes())
            self._index += 1
        self._apply_limit()
        self._emit(was_clean)

    def insert_undone(self, command: Command) -> None:
        """Record `command` as the next redo, without running it.

        For a change the caller has just undone by hand: the document is in the state before
        `command` (Step back splits the last phase off a longer entry this way, and the entry
        below now ends where `command` begins). Redo states above keep their place.
        """
        was_clean = self.is_clean()
        if self._clean_index >= self._index:
            self._clean_index += 1
        self._commands.insert(self._index, command)
        self._sizes.insert(self._index, command.nbytes())
        if self._index > 0:
            self._sizes[self._index - 1] = self._commands[self._index - 1].nbytes()
        self._apply_limit()
        self._emit(was_clean)

    def undo(self) -> None:
        if not self.can_undo():
            return
        was_clean = self.is_clean()
        self._commands[self._index - 1].undo()
        self._index -= 1
        self._emit(was_clean)

    def redo(self) -> None:
        if not self.can_redo():
            return
        was_clean = self.is_clean()
        self._commands[self._index].redo()
        self._index += 1
        self._emit(was_clean)

    def set_index(self, index: int) -> None:
        """Undo or redo until `index` commands are applied."""
        index = max(0, min(index, len(self._commands)))
        while self._index > index:
            self.undo()
        while self._index < index:
            self.redo()

    def set_clean(self) -> None:
        """Mark the current position as the saved state."""
        was_clean = self.is_clean()
        self._clean_index = self._index
        self._emit(was_clean)

    def set_unsaved(self) -> None:
        """No position is the saved state any more (a recovered document: what is shown was never
        written to its file, and Undo cannot reach a state that was)."""
        was_clean = self.is_clean()
        self._clean_index = -1
        self._emit(was_clean)

    def clear(self) -> None:
        """Forget every command (the current state becomes clean)."""
        was_clean = self.is_clean()
        self._commands.clear()
        self._sizes.clear()
        self._index = 0
        self._clean_index = 0
        self._emit(was_clean)

    # -- internals ---------------------------------------------------------------------------
    def nbytes(self) -> int:
        return sum(self._sizes)

    def _apply_limit(self) -> None:
        """Forget the oldest entries beyond the count limit or the memory budget (keeping one)."""
        excess = max(0, len(self._commands) - self._limit)
        total = sum(self._sizes[excess:])
        while total > self._byte_limit and len(self._commands) - excess > 1:
            total -= self._sizes[excess]
            excess += 1
        if excess <= 0:
            return
        del self._commands[:excess]
        del self._sizes[:excess]
        self._index -= excess
        if self._clean_index != -1:
            self._clean_index = -1 if self._clean_index < excess else self._clean_index - excess

    def _emit(self, was_clean: bool) -> None:
        clean = self.is_clean()
        if clean != was_clean:
            self.clean_changed.emit(clean)
        self.changed.emit()
