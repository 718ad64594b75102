"""The open network as a document: the engine's stepper, layout, file state and undo history.

Views read the document through `DocumentReader` (its read-only face, reader.py) and listen to
its coarse, past-tense signals; only commands (pushed by the controller onto `history`) change
it, through the methods below. The document owns every call that changes the engine's
`Stepper` (training, edits, snapshots), and a command that fails puts it back exactly as it was
(`roll_back`, `apply`).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject

from bpstudio.document.fileformat import NetworkFile
from bpstudio.document.history import UndoHistory
from bpstudio.document.reader import Change, DocumentReader, Positions
from bpstudio.engine import (
    Dataset,
    InitConfig,
    Network,
    OptimizerConfig,
    PhaseEvent,
    Snapshot,
    Stepper,
    TrainingConfig,
    initialize,
)

__all__ = ["COLUMN_NAME_KEYS", "Change", "DocState", "NetworkDocument", "Positions", "file_fields"]

COLUMN_NAME_KEYS = ("input_names", "output_names")


@dataclass
class DocState:
    """Everything an edit can change, for undoing it exactly.

    `cost_history`/`epoch_history` are kept only by edits that replace the history (Reset,
    Re-initialise); other edits leave it as it is and the snapshot's length restores it.
    """

    network: Network
    loss: str
    optimizer: OptimizerConfig
    training: TrainingConfig
    dataset: Dataset
    snapshot: Snapshot
    positions: Positions | None
    init: InitConfig
    last_event: PhaseEvent | None
    cost_history: list[float] | None = None
    epoch_history: list[int] | None = None
    # the dataset's column names (extras "input_names", "output_names"): an import replaces them
    column_names: dict[str, Any] | None = None


# what a refused phase may have touched (see NetworkDocument.roll_back)
ROLLBACK_CHANGES = Change.PARAMETERS | Change.STEP | Change.LOSS_HISTORY

Saved = tuple[Snapshot, PhaseEvent | None]


def file_fields(nf: NetworkFile, path: Path | None) -> dict[str, Any]:
    """Keyword arguments of NetworkDocument(...) and replace(...) for a file just loaded."""
    return {
        "name": nf.name,
        "description": nf.description,
        "init": nf.init,
        "positions": nf.positions,
        "path": path,
        "extras": {
            "description_vi": nf.description_vi,
            "name_vi": nf.name_vi,
            "input_names": nf.input_names,
            "output_names": nf.output_names,
        },
    }


class NetworkDocument(DocumentReader):
    """The document with its changes: what commands call (see the module docstring)."""

    def __init__(
        self,
        stepper: Stepper,
        *,
        name: str = "",
        description: str = "",
        init: InitConfig | None = None,
        positions: Positions | None = None,
        path: Path | None = None,
        extras: dict[str, Any] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._shown_sample = None
        self._replacing = False
        self.history = UndoHistory(parent=self)
        self.history.clean_changed.connect(self._on_clean_changed)
        # the signal of each change, as attributes: a misspelt one fails here, at construction
        self._change_signals = {
            Change.STRUCTURE: self.structure_changed,
            Change.DATASET: self.dataset_changed,
            Change.SETTINGS: self.settings_changed,
            Change.PARAMETERS: self.parameters_changed,
            Change.LOSS_HISTORY: self.loss_history_changed,
            Change.POSITIONS: self.positions_changed,
        }
        self._hold(stepper, name, description, init, positions, path, extras)

    @classmethod
    def from_file(cls, nf: NetworkFile, path: Path | None, parent: QObject | None = None) -> NetworkDocument:
        """The document of a file just loaded (`path` None: an example or a new network, unsaved)."""
        return cls(nf.stepper, **file_fields(nf, path), parent=parent)

    def _hold(
        self,
        stepper: Stepper,
        name: str,
        description: str,
        init: InitConfig | None,
        positions: Positions | None,
        path: Path | None,
        extras: dict[str, Any] | None,
    ) -> None:
        """Take a whole network (a new document, or New/Open); it becomes the Reset state."""
        self._extras = dict(extras or {})
        self._stepper = stepper
        self._name = name
        self._description = description
        self._init = init if init is not None else InitConfig()
        self._positions = copy.deepcopy(positions)
        self._path = path
        self._last_event = None
        self._shown_sample = None
        self._original = self.capture(full_history=True)

    @property
    def stepper(self) -> Stepper:
        """The engine object behind the document, for the file writer and for tests that look
        inside. Views read through DocumentReader's properties; the controller goes through
        commands; neither touches this (tests/test_document_door.py)."""
        return self._stepper

    # -- replacing the whole document (New/Open: not undoable) ---------------------------------
    def replace(
        self,
        stepper: Stepper,
        *,
        name: str = "",
        description: str = "",
        init: InitConfig | None = None,
        positions: Positions | None = None,
        path: Path | None = None,
        extras: dict[str, Any] | None = None,
    ) -> None:
        self._hold(stepper, name, description, init, positions, path, extras)
        self._replacing = True  # file_state_changed once, at the end, though clearing makes it clean
        try:
            self.history.clear()
        finally:
            self._replacing = False
        self.replaced.emit()
        self.notify(Change.EVERYTHING)
        self.shown_sample_changed.emit()
        self.file_state_changed.emit()

    def open_file(self, nf: NetworkFile, path: Path | None) -> None:
        """Take a file just loaded as the whole document (New, Open, an example; not undoable).

        `path` None leaves the document without a file (Save asks where to write it)."""
        self.replace(nf.stepper, **file_fields(nf, path))

    def open_recovered(self, nf: NetworkFile, path: Path | None) -> None:
        """Take a document recovered after a crash: `path` is the file it came from (Save writes
        there), and it is unsaved, since what it holds never reached that file."""
        self.open_file(nf, path)
        self.history.set_unsaved()

    def network_file(self, fallback_name: str) -> NetworkFile:
        """The document as the file format writes it; `fallback_name` names an unnamed network.

        Column names that no longer match the network's inputs or outputs are left out."""
        sizes = self.network.sizes
        input_names = self._extras.get("input_names")
        output_names = self._extras.get("output_names")
        return NetworkFile(
            name=self._name or fallback_name,
            description=self._description,
            stepper=self._stepper,
            init=self._init,
            positions=self._positions,
            description_vi=str(self._extras.get("description_vi") or ""),
            name_vi=str(self._extras.get("name_vi") or ""),
            input_names=input_names if input_names and len(input_names) == sizes[0] else None,
            output_names=output_names if output_names and len(output_names) == sizes[-1] else None,
        )

    def mark_saved(self, path: Path, name: str | None = None) -> None:
        self._path = path
        if name is not None:
            self._name = name
        self.history.set_clean()
        self.file_state_changed.emit()

    # -- which sample the canvas shows (view state) ----------------------------------------------
    def set_shown_sample(self, row: int | None) -> None:
        if row == self._shown_sample:
            return
        self._shown_sample = row
        self.shown_sample_changed.emit()

    # -- capturing and applying states (used by commands) -------------------------------------
    def capture(self, *, full_history: bool = False) -> DocState:
        s = self._stepper
        return DocState(
            network=s.network.copy(),
            loss=s.loss,
            optimizer=s.optimizer,
            training=s.training,
            dataset=s.dataset.copy(),
            snapshot=s.snapshot(),
            positions=copy.deepcopy(self._positions),
            init=self._init,
            last_event=self._last_event,
            cost_history=list(s.cost_history) if full_history else None,
            epoch_history=list(s.epoch_history) if full_history else None,
            column_names={key: copy.deepcopy(self._extras.get(key)) for key in COLUMN_NAME_KEYS},
        )

    def apply(self, state: DocState, changes: Change = Change.EVERYTHING, *, quiet: bool = False) -> None:
        """Put the document back into `state` exactly (the network and dataset are copied).

        Emits the signals of `changes` unless `quiet`.
        """
        s = self._stepper
        s.network = state.network.copy()
        s.loss = state.loss
        s.optimizer = state.optimizer
        s.training = state.training
        s.dataset = state.dataset.copy()
        if state.cost_history is not None and state.epoch_history is not None:
            s.cost_history = list(state.cost_history)
            s.epoch_history = list(state.epoch_history)
        s.restore(state.snapshot)
        self._positions = copy.deepcopy(state.positions)
        self._init = state.init
        self._last_event = state.last_event
        if state.column_names is not None:
            self.set_column_names(state.column_names)
        if not quiet:
            self.notify(changes)

    def set_column_names(self, names: dict[str, Any]) -> None:
        """The dataset's column names by extras key; None removes a name list."""
        for key in COLUMN_NAME_KEYS:
            value = names.get(key)
            if value is None:
                self._extras.pop(key, None)
            else:
                self._extras[key] = list(value)

    def original_state(self) -> DocState:
        """The network as it was opened (for Reset)."""
        return self._original

    def take_snapshot(self) -> Saved:
        return self._stepper.snapshot(), self._last_event

    def restore_snapshot(
        self, saved: Saved, changes: Change = Change.NOTHING, *, announce: bool = False
    ) -> None:
        snap, event = saved
        self._stepper.restore(snap)
        self._last_event = event
        self.notify(changes, announce=announce)

    def roll_back(self, saved: Saved) -> None:
        """Put back the state from before a refused or failing change, and have views re-read it.

        A refused phase has already written into the engine's reusable work buffers (gradients,
        proposed parameters and moments), and the views still hold arrays of the live trace that
        alias those buffers: the ∂J/∂W tables would keep showing the refused step's numbers.
        Restoring gives the stepper fresh copies; the signals make every view drop what it held,
        even though the state is the one it showed before the refused call.
        """
        self.restore_snapshot(saved, ROLLBACK_CHANGES)

    def set_last_event(self, event: PhaseEvent | None) -> None:
        """The phase whose results are on screen (None: an edit restarted the step)."""
        self._last_event = event

    # -- training (used by commands; they record the state before and notify after) -------------
    def next_layer(self) -> PhaseEvent:
        return self._stepper.next_layer()

    def next_phase(self) -> PhaseEvent:
        return self._stepper.next_phase()

    def step(self) -> PhaseEvent:
        """The rest of the current step."""
        return self._stepper.step()

    def run_epoch(self) -> PhaseEvent:
        """The rest of the epoch in progress; the event covers every layer, from the phase it began in."""
        first = self._stepper.phase
        self._stepper.run_epoch()
        return PhaseEvent(first, self._every_layer(), True)

    def run_steps(self, steps: int) -> PhaseEvent:
        """`steps` whole steps as Run mode does them: a step in progress counts as the first (it
        is finished first); the event covers every layer, from the phase the first began in."""
        first = self._stepper.phase
        if steps > 0 and self.mid_step():
            self._stepper.step()
            steps -= 1
        if steps > 0:
            self._stepper.train(steps=steps)
        return PhaseEvent(first, self._every_layer(), True)

    def train(self, steps: int) -> None:
        """`steps` whole steps from a step start, at full speed (replaying a span for Step back)."""
        self._stepper.train(steps=steps)

    def put_back_history(self, start: int, costs: list[float], epochs: list[int]) -> None:
        """Write the loss history from entry `start` on (a snapshot can only shorten it)."""
        s = self._stepper
        s.cost_history[start:] = costs
        s.epoch_history[start:] = epochs

    def _every_layer(self) -> tuple[int, ...]:
        return tuple(range(1, self._stepper.network.depth + 1))

    # -- edits (each inside an undoable command, which captures before and notifies after) -------
    def set_parameter(self, layer: int, kind: str, row: int, col: int | None, value: float) -> None:
        """One weight, bias, γ or β; the step in progress restarts."""
        self._stepper.set_parameter(layer, kind, row, col, value)

    def set_structure(self, network: Network, dataset: Dataset, positions: Positions | None) -> None:
        """A network of another shape (or activation), the dataset that fits it and the neurons' places."""
        self._stepper.reconfigure(network=network, dataset=dataset)
        self._positions = positions

    def set_data(
        self,
        dataset: Dataset,
        training: TrainingConfig | None = None,
        column_names: dict[str, Any] | None = None,
    ) -> None:
        """Another dataset; with `training`, the batch size that fits it; with `column_names`,
        the names of its columns (see set_column_names)."""
        self._stepper.reconfigure(dataset=dataset, training=training)
        if column_names is not None:
            self.set_column_names(column_names)

    def set_options(
        self,
        loss: str | None = None,
        optimizer: OptimizerConfig | None = None,
        training: TrainingConfig | None = None,
        init: InitConfig | None = None,
    ) -> None:
        """The training options given (None keeps one as it is)."""
        self._stepper.reconfigure(loss=loss, optimizer=optimizer, training=training)
        if init is not None:
            self._init = init

    def reinitialise(self, init: InitConfig) -> None:
        """New weights from `init` and a fresh start of training (counters, history, moments)."""
        network = self._stepper.network.copy()
        initialize(network, init)
        self._stepper.reconfigure(network=network)
        self._stepper.reset_training()
        self._init = init

    def set_positions(self, positions: Positions | None) -> None:
        """Where the neurons are drawn (None: the automatic layout)."""
        self._positions = None if positions is None else [list(column) for column in positions]

    # -- signals ---------------------------------------------------------------------------
    def notify(self, changes: Change, *, announce: bool = False) -> None:
        """Emit the signal of each change in `changes` once, in Change's order.

        `step_changed` carries `last_event` only when `announce` is set (a phase just ran);
        otherwise None, meaning "the step state was replaced" (undo, edit, reset).
        """
        if not isinstance(changes, Change):
            raise TypeError(f"notify takes Change flags, not {changes!r}")
        for change in changes:
            if change is Change.STEP:
                self.step_changed.emit(self._last_event if announce else None)
            else:
                self._change_signals[change].emit()

    def report_error(self, message: str) -> None:
        self.error_occurred.emit(message)

    def report_notice(self, message: str) -> None:
        self.notice_posted.emit(message)

    def _on_clean_changed(self, _clean: bool) -> None:
        if not self._replacing:
            self.file_state_changed.emit()
