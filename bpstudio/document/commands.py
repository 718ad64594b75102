"""Undoable commands on a NetworkDocument.

Each command records the state before and after its change, so `undo` and `redo` put the
document back bit for bit (parameters, optimizer state, trace, loss history, counters). The
first `redo` does the change through the engine; if the engine refuses or a phase produces a
non-finite number, the command restores the state before and re-raises, recording nothing.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import numpy as np

from bpstudio.document.document import Change, DocState, NetworkDocument, Saved
from bpstudio.document.history import Command
from bpstudio.engine import Network, Phase, PhaseEvent, Snapshot


def nbytes(value: object) -> int:
    """Bytes held by the arrays inside a saved state (snapshots, traces, networks, datasets)."""
    if isinstance(value, np.ndarray):
        return int(value.nbytes)
    if isinstance(value, Network):
        return nbytes(value.theta) + nbytes(value.running_mean) + nbytes(value.running_var)
    if isinstance(value, dict):
        return sum(nbytes(v) for v in value.values())
    if isinstance(value, list | tuple):
        if value and isinstance(value[0], float | int):
            return 0  # histories: counted by the caller
        return sum(nbytes(v) for v in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return sum(nbytes(getattr(value, f.name)) for f in dataclasses.fields(value))
    return 0


RUN_ID = 1  # the id of RunSteps: the ticks of one Run session merge into one entry

STEP_CHANGES = Change.STEP
TRAIN_CHANGES = Change.STEP | Change.PARAMETERS | Change.LOSS_HISTORY

Position = tuple[int, int, int]  # a place in training, ordered: see `position`
Progress = Callable[[int, int], bool]  # (steps replayed, steps to replay) -> False to cancel

PARAMETER_CHANGES = Change.PARAMETERS | Change.STEP

REPLAY_CHUNK = 512  # steps replayed between two progress reports
CHECKPOINT_BYTES = 64 * 1024 * 1024  # memory a Run session may spend on states to replay from
MAX_CHECKPOINTS = 4096


def position(snap: Snapshot | NetworkDocument, depth: int) -> Position:
    """(steps done, phase, progress inside the phase) of a saved state or the document's live
    one; δ runs from layer L down to 1. Positions compare in training order."""
    if snap.phase is Phase.FEEDFORWARD:
        return snap.steps_done, 0, snap.layer - 1
    if snap.phase is Phase.BACKWARD:
        return snap.steps_done, 1, depth - snap.layer
    return snap.steps_done, 2, 0


def phase_start_before(snap: Snapshot, depth: int) -> Position | None:
    """Where one phase back from `snap` is: the start of the phase in progress, or of the one
    before it when `snap` is at a phase start (the update of the previous step at a step start)."""
    steps, phase, inside = position(snap, depth)
    if inside > 0:
        return steps, phase, 0
    if phase > 0:
        return steps, phase - 1, 0
    return (steps - 1, 2, 0) if steps > 0 else None


class TrainingSpan(Command):
    """Training already done from one saved state to another: a phase, a step, an epoch, a run.

    Training is deterministic, so any state in between can be computed again from `before` (or
    from a later checkpoint). Step back uses that to go back exactly one phase inside a span
    that covers several (`shorten`); Undo still takes the whole span back at once.
    """

    def __init__(self, document: NetworkDocument, text: str) -> None:
        super().__init__(text)
        self.document = document
        self.before: Saved | None = None
        self.after: Saved | None = None
        self.checkpoints: list[Saved] = []  # states between before and after, in training order
        self.changes = TRAIN_CHANGES
        # the loss history entries the span added: a snapshot only records the history's length,
        # so redo (after undo truncated the history) puts these back
        self.costs: list[float] = []
        self.epochs: list[int] = []

    def redo(self) -> None:
        """Done already (a span split off by Step back): put the state after it back."""
        self._restore_after()

    def undo(self) -> None:
        assert self.before is not None
        self.document.restore_snapshot(self.before, self.changes)

    def nbytes(self) -> int:
        # history entries are Python floats and ints in lists: about 32 bytes each
        extra = 32 * (len(self.costs) + len(self.epochs))
        return nbytes(self.before) + nbytes(self.after) + self._checkpoint_bytes() + extra

    def _checkpoint_bytes(self) -> int:
        # every checkpoint of a span has the same structure, hence the same size
        return len(self.checkpoints) * nbytes(self.checkpoints[0]) if self.checkpoints else 0

    def _finish(self, event: PhaseEvent) -> None:
        """Record the state reached by the first redo and tell the views."""
        doc = self.document
        assert self.before is not None
        doc.set_last_event(event)
        self.after = doc.take_snapshot()
        start = self.before[0].history_len
        self.costs = list(doc.cost_history[start:])
        self.epochs = list(doc.epoch_history[start:])
        changed = self.after[0].steps_done != self.before[0].steps_done
        self.changes = TRAIN_CHANGES if changed else STEP_CHANGES
        doc.notify(self.changes, announce=True)

    def _restore_after(self) -> None:
        assert self.after is not None
        self._put_back_history()
        self.document.restore_snapshot(self.after, self.changes, announce=True)

    def _back_to_end(self) -> None:
        """After a cancelled or failed replay: the state after the span, as before Step back."""
        assert self.after is not None
        self._put_back_history()
        self.document.roll_back(self.after)

    def _put_back_history(self) -> None:
        """The loss history up to the end of the span (a snapshot can only shorten it)."""
        assert self.before is not None
        self.document.put_back_history(self.before[0].history_len, self.costs, self.epochs)

    # -- stepping back inside the span ----------------------------------------------------------
    def phase_back(self) -> Position | None:
        """One phase before the end, if that lies strictly inside the span (else: plain undo)."""
        assert self.before is not None and self.after is not None
        depth = self.document.network.depth
        target = phase_start_before(self.after[0], depth)
        if target is None or target <= position(self.before[0], depth):
            return None
        return target

    def _start(self, target: Position) -> Saved:
        assert self.before is not None
        depth = self.document.network.depth
        usable = [c for c in self.checkpoints if position(c[0], depth) <= target]
        return usable[-1] if usable else self.before

    def shorten(self, target: Position, text: str, progress: Progress | None = None) -> TrainingSpan | None:
        """Make the span end at `target` by replaying; returns the rest as a span of its own.

        The document is left at `target` and announces it. If `progress` cancels, the document
        is back where it was and None is returned.
        """
        doc = self.document
        assert self.after is not None
        end = self.after
        start = self._start(target)
        assert self.before is not None
        try:
            done = _replay(doc, start, target, progress)
        except BaseException:
            self._back_to_end()
            raise
        if not done:
            self._back_to_end()
            return None
        depth = doc.network.depth
        tail = TrainingSpan(doc, text)
        tail.before = doc.take_snapshot()
        tail.after = end
        tail.changes = TRAIN_CHANGES if end[0].steps_done != target[0] else STEP_CHANGES
        kept = tail.before[0].history_len - self.before[0].history_len
        tail.costs, tail.epochs = self.costs[kept:], self.epochs[kept:]
        self.costs, self.epochs = self.costs[:kept], self.epochs[:kept]
        self.after = tail.before
        self.checkpoints = [c for c in self.checkpoints if position(c[0], depth) <= target]
        # the replay reused the engine's work buffers that views may still hold: all re-read
        doc.notify(TRAIN_CHANGES)
        return tail


def _replay(doc: NetworkDocument, start: Saved, target: Position, progress: Progress | None) -> bool:
    """From the saved state `start`, train again up to `target` (a phase start). False: cancelled."""
    doc.restore_snapshot(start)
    event = start[1]
    depth = doc.network.depth
    first = doc.steps_done
    total = target[0] - first
    every_layer = tuple(range(1, depth + 1))
    while doc.steps_done < target[0]:
        if doc.mid_step():
            event = doc.step()
        else:
            doc.train(min(REPLAY_CHUNK, target[0] - doc.steps_done))
            event = PhaseEvent(Phase.UPDATE, every_layer, True)
        if progress is not None and not progress(doc.steps_done - first, total):
            return False
    while position(doc, depth) < target:
        event = doc.next_phase()
    doc.set_last_event(event)
    return True


class StepPhase(TrainingSpan):
    """Advance training: one layer, one phase, the rest of the step, or the rest of the epoch.

    Undo takes the whole command back; Step back goes back one phase (see TrainingSpan).
    """

    ACTIONS = ("layer", "phase", "step", "epoch")

    def __init__(self, document: NetworkDocument, action: str, text: str) -> None:
        super().__init__(document, text)
        if action not in self.ACTIONS:
            raise ValueError(f"unknown step action {action!r}")
        self.action = action
        self.changes = STEP_CHANGES

    def redo(self) -> None:
        doc = self.document
        if self.after is not None:
            self._restore_after()
            return
        self.before = doc.take_snapshot()
        advance = {"layer": doc.next_layer, "phase": doc.next_phase, "step": doc.step, "epoch": doc.run_epoch}
        try:
            event = advance[self.action]()
        except BaseException:
            doc.roll_back(self.before)
            raise
        self._finish(event)


class RunSteps(TrainingSpan):
    """Whole training steps done in Run mode; the ticks of one run merge into one entry.

    The state at the end of each merged tick is kept as a checkpoint (thinned evenly within a
    memory budget), so stepping back near the end of a long run replays at most a few ticks.
    """

    def __init__(self, document: NetworkDocument, steps: int, session: int, text: str) -> None:
        super().__init__(document, text)
        self.steps = steps
        self.session = session

    def id(self) -> int:
        return RUN_ID

    def merge_with(self, other: Command) -> bool:
        if not isinstance(other, RunSteps) or other.session != self.session:
            return False
        if self.after is not None:
            self.checkpoints.append(self.after)
            self._thin_checkpoints()
        self.after = other.after
        self.steps += other.steps
        self.costs += other.costs
        self.epochs += other.epochs
        return True

    def _thin_checkpoints(self) -> None:
        size = max(1, nbytes(self.checkpoints[-1]))
        limit = max(16, min(MAX_CHECKPOINTS, CHECKPOINT_BYTES // size))
        if len(self.checkpoints) > limit:
            # keep every other one, always keeping the newest: spacing doubles, memory halves
            self.checkpoints = self.checkpoints[(len(self.checkpoints) - 1) % 2 :: 2]

    def redo(self) -> None:
        doc = self.document
        if self.after is not None:
            self._restore_after()
            return
        self.before = doc.take_snapshot()
        try:
            event = doc.run_steps(self.steps)
        except BaseException:
            doc.roll_back(self.before)
            raise
        self._finish(event)


class SetParameter(Command):
    """One weight, bias, γ or β typed by the learner; the step in progress restarts."""

    def __init__(
        self,
        document: NetworkDocument,
        layer: int,
        kind: str,
        row: int,
        col: int | None,
        value: float,
        text: str,
    ) -> None:
        super().__init__(text)
        self.document = document
        self.layer, self.kind, self.row, self.col, self.value = layer, kind, row, col, value
        self.before: Saved | None = None
        self.after: Saved | None = None

    def redo(self) -> None:
        doc = self.document
        if self.after is not None:
            doc.restore_snapshot(self.after, PARAMETER_CHANGES)
            return
        self.before = doc.take_snapshot()
        try:
            doc.set_parameter(self.layer, self.kind, self.row, self.col, self.value)
        except BaseException:
            doc.roll_back(self.before)
            raise
        doc.set_last_event(None)
        self.after = doc.take_snapshot()
        doc.notify(PARAMETER_CHANGES)

    def undo(self) -> None:
        assert self.before is not None
        self.document.restore_snapshot(self.before, PARAMETER_CHANGES)

    def nbytes(self) -> int:
        return nbytes(self.before) + nbytes(self.after)


class StateCommand(Command):
    """An edit described by a function that changes the document; undo restores all of it.

    Used for structure edits, activations, the dataset, options, Re-initialise and Reset:
    `change` calls one of the document's edit methods. `changes` names the document signals
    the edit needs.
    """

    def __init__(
        self,
        document: NetworkDocument,
        text: str,
        change: Callable[[], None],
        changes: Change,
        *,
        full_history: bool = False,
    ) -> None:
        super().__init__(text)
        self.document = document
        self.change = change
        self.changes = changes
        self.full_history = full_history
        self.before: DocState | None = None
        self.after: DocState | None = None

    def redo(self) -> None:
        doc = self.document
        if self.after is not None:
            doc.apply(self.after, self.changes)
            return
        self.before = doc.capture(full_history=self.full_history)
        try:
            self.change()
        except BaseException:
            doc.apply(self.before)
            raise
        doc.set_last_event(None)
        self.after = doc.capture(full_history=self.full_history)
        doc.notify(self.changes)

    def undo(self) -> None:
        assert self.before is not None
        self.document.apply(self.before, self.changes)

    def nbytes(self) -> int:
        # cost histories are Python lists of floats: about 32 bytes per entry
        extra = sum(
            32 * len(state.cost_history or ()) for state in (self.before, self.after) if state is not None
        )
        return nbytes(self.before) + nbytes(self.after) + extra


class MoveNeurons(Command):
    """Neurons dragged on the canvas: one entry per drag (the canvas pushes it once, on the drop)."""

    def __init__(
        self,
        document: NetworkDocument,
        old: list[list[tuple[float, float]]] | None,
        new: list[list[tuple[float, float]]],
        text: str,
    ) -> None:
        super().__init__(text)
        self.document = document
        self.old = old
        self.new = new

    def redo(self) -> None:
        self.document.set_positions(self.new)
        self.document.notify(Change.POSITIONS)

    def undo(self) -> None:
        self.document.set_positions(self.old)
        self.document.notify(Change.POSITIONS)
