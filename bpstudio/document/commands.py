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
from PySide6.QtCore import QCoreApplication

from bpstudio.document.document import DocState, NetworkDocument
from bpstudio.document.history import Command
from bpstudio.engine import Network, PhaseEvent, Snapshot


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


RUN_ID = 1
MOVE_ID = 2

STEP_SIGNALS = ("step",)
TRAIN_SIGNALS = ("step", "parameters", "loss_history")


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


class StepPhase(Command):
    """Advance training: one layer, one phase, the rest of the step, or the rest of the epoch.

    Step back is the undo of this command.
    """

    ACTIONS = ("layer", "phase", "step", "epoch")

    def __init__(self, document: NetworkDocument, action: str, text: str) -> None:
        super().__init__(text)
        if action not in self.ACTIONS:
            raise ValueError(f"unknown step action {action!r}")
        self.document = document
        self.action = action
        self.before: tuple[Snapshot, PhaseEvent | None] | None = None
        self.after: tuple[Snapshot, PhaseEvent | None] | None = None
        self.signals: tuple[str, ...] = STEP_SIGNALS

    def redo(self) -> None:
        doc = self.document
        if self.after is not None:
            doc.restore_snapshot(self.after, *self.signals, announce=True)
            return
        self.before = doc.take_snapshot()
        stepper = doc.stepper
        steps_before = stepper.steps_done
        try:
            if self.action == "layer":
                event = stepper.next_layer()
            elif self.action == "phase":
                event = stepper.next_phase()
            elif self.action == "step":
                event = stepper.step()
            else:
                stepper.run_epoch()
                event = PhaseEvent(self.before[0].phase, tuple(range(1, doc.network.depth + 1)), True)
        except BaseException:
            doc.roll_back(self.before)
            raise
        doc.last_event = event
        self.signals = TRAIN_SIGNALS if stepper.steps_done != steps_before else STEP_SIGNALS
        self.after = doc.take_snapshot()
        doc.notify(*self.signals, announce=True)

    def undo(self) -> None:
        assert self.before is not None
        self.document.restore_snapshot(self.before, *self.signals)

    def nbytes(self) -> int:
        return nbytes(self.before) + nbytes(self.after)


class RunSteps(Command):
    """Whole training steps done in Run mode; the ticks of one run merge into one entry."""

    def __init__(self, document: NetworkDocument, steps: int, session: int, text: str) -> None:
        super().__init__(text)
        self.document = document
        self.steps = steps
        self.session = session
        self.before: tuple[Snapshot, PhaseEvent | None] | None = None
        self.after: tuple[Snapshot, PhaseEvent | None] | None = None

    def id(self) -> int:
        return RUN_ID

    def merge_with(self, other: Command) -> bool:
        if not isinstance(other, RunSteps) or other.session != self.session:
            return False
        self.after = other.after
        self.steps += other.steps
        return True

    def redo(self) -> None:
        doc = self.document
        if self.after is not None:
            doc.restore_snapshot(self.after, *TRAIN_SIGNALS, announce=True)
            return
        self.before = doc.take_snapshot()
        stepper = doc.stepper
        try:
            if doc.mid_step():
                stepper.step()
                remaining = self.steps - 1
            else:
                remaining = self.steps
            if remaining > 0:
                stepper.train(steps=remaining)
        except BaseException:
            doc.roll_back(self.before)
            raise
        doc.last_event = PhaseEvent(self.before[0].phase, tuple(range(1, doc.network.depth + 1)), True)
        self.after = doc.take_snapshot()
        doc.notify(*TRAIN_SIGNALS, announce=True)

    def undo(self) -> None:
        assert self.before is not None
        self.document.restore_snapshot(self.before, *TRAIN_SIGNALS)

    def nbytes(self) -> int:
        return nbytes(self.before) + nbytes(self.after)


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
        self.before: tuple[Snapshot, PhaseEvent | None] | None = None
        self.after: tuple[Snapshot, PhaseEvent | None] | None = None

    def redo(self) -> None:
        doc = self.document
        if self.after is not None:
            doc.restore_snapshot(self.after, "parameters", "step")
            return
        self.before = doc.take_snapshot()
        try:
            doc.stepper.set_parameter(self.layer, self.kind, self.row, self.col, self.value)
        except BaseException:
            doc.roll_back(self.before)
            raise
        doc.last_event = None
        self.after = doc.take_snapshot()
        doc.notify("parameters", "step")

    def undo(self) -> None:
        assert self.before is not None
        self.document.restore_snapshot(self.before, "parameters", "step")

    def nbytes(self) -> int:
        return nbytes(self.before) + nbytes(self.after)


class StateCommand(Command):
    """An edit described by a function that changes the document; undo restores all of it.

    Used for structure edits, activations, the dataset, options, Re-initialise and Reset.
    `signals` names the document signals the change needs (see document.SIGNAL_ORDER).
    """

    def __init__(
        self,
        document: NetworkDocument,
        text: str,
        change: Callable[[], None],
        signals: tuple[str, ...],
        *,
        full_history: bool = False,
    ) -> None:
        super().__init__(text)
        self.document = document
        self.change = change
        self.signals = signals
        self.full_history = full_history
        self.before: DocState | None = None
        self.after: DocState | None = None

    def redo(self) -> None:
        doc = self.document
        if self.after is not None:
            doc.apply(self.after, *self.signals)
            return
        self.before = doc.capture(full_history=self.full_history)
        try:
            self.change()
        except BaseException:
            doc.apply(self.before)
            raise
        doc.last_event = None
        self.after = doc.capture(full_history=self.full_history)
        doc.notify(*self.signals)

    def undo(self) -> None:
        assert self.before is not None
        self.document.apply(self.before, *self.signals)

    def nbytes(self) -> int:
        # cost histories are Python lists of floats: about 32 bytes per entry
        extra = sum(
            32 * len(state.cost_history or ()) for state in (self.before, self.after) if state is not None
        )
        return nbytes(self.before) + nbytes(self.after) + extra


class MoveNeurons(Command):
    """Neurons dragged on the canvas: one entry per drag."""

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
        self.document.positions = [list(layer) for layer in self.new]
        self.document.notify("positions")

    def undo(self) -> None:
        self.document.positions = None if self.old is None else [list(layer) for layer in self.old]
        self.document.notify("positions")
