"""The open network as a document: stepper, layout, file state and undo history, with signals.

Views read the document and listen to its coarse, past-tense signals; only commands (pushed by
the controller onto `history`) change it. The document owns the only calls into the engine that
advance training, and guarantees that a refused or failing call leaves it exactly as it was.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray
from PySide6.QtCore import QObject, Signal

from bpstudio.document.fileformat import NetworkFile
from bpstudio.document.history import UndoHistory
from bpstudio.engine import (
    Dataset,
    InitConfig,
    Network,
    OptimizerConfig,
    Phase,
    PhaseEvent,
    Snapshot,
    Stepper,
    Trace,
    TrainingConfig,
)

Positions = list[list[tuple[float, float]]]


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


# the signals a kind of change needs, in the order views should hear them
SIGNAL_ORDER = (
    "structure",
    "dataset",
    "settings",
    "parameters",
    "step",
    "loss_history",
    "positions",
)

# what a refused phase may have touched (see NetworkDocument.roll_back)
ROLLBACK_SIGNALS = ("parameters", "step", "loss_history")


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


class NetworkDocument(QObject):
    step_changed = Signal(object)  # PhaseEvent | None (None = step restarted/reset/undo)
    parameters_changed = Signal()  # W, b, gamma, beta, running stats changed
    structure_changed = Signal()  # layers/neurons/activations changed (full redraw)
    loss_history_changed = Signal()
    dataset_changed = Signal()
    settings_changed = Signal()  # loss/optimizer/training options/initialiser
    positions_changed = Signal()  # canvas positions
    file_state_changed = Signal()  # path / modified flag / name
    error_occurred = Signal(str)  # a refused intent or a failed phase, as one clear sentence
    notice_posted = Signal(str)  # a change went through with a consequence to tell (status bar)
    replaced = Signal()  # a whole new network was opened (New/Open): views rebuild everything
    # view state, neither undone nor saved: the dataset row the canvas shows (see shown_sample)
    shown_sample_changed = Signal()

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
        self._shown_sample: int | None = None
        self.history = UndoHistory(parent=self)
        self.history.clean_changed.connect(self._on_clean_changed)
        self._hold(stepper, name, description, init, positions, path, extras)

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
        self.extras: dict[str, Any] = dict(extras or {})
        self.stepper = stepper
        self.name = name
        self.description = description
        self.init = init if init is not None else InitConfig()
        self.positions: Positions | None = copy.deepcopy(positions)
        self.path: Path | None = path
        self.last_event: PhaseEvent | None = None
        self._shown_sample = None
        self._original = self.capture(full_history=True)

    # -- read-only views of the state -----------------------------------------------------------
    @property
    def network(self) -> Network:
        return self.stepper.network

    @property
    def dataset(self) -> Dataset:
        return self.stepper.dataset

    @property
    def trace(self) -> Trace | None:
        return self.stepper.trace

    @property
    def phase(self) -> Phase:
        return self.stepper.phase

    @property
    def layer(self) -> int:
        return self.stepper.layer

    @property
    def modified(self) -> bool:
        return not self.history.is_clean()

    @property
    def display_name(self) -> str:
        if self.path is not None:
            return self.path.name
        return self.name or "untitled"

    # -- which sample the canvas shows (view state: not an undo entry, not in the file) --------
    @property
    def shown_sample(self) -> int | None:
        """The dataset row (0-based) the learner chose to see on the canvas; None: the first of the batch
        (also when samples were removed and the row no longer exists)."""
        row = self._shown_sample
        return row if row is not None and row < self.stepper.dataset.size else None

    def set_shown_sample(self, row: int | None) -> None:
        if row == self._shown_sample:
            return
        self._shown_sample = row
        self.shown_sample_changed.emit()

    def shown_batch(self) -> NDArray[np.int64]:
        """The dataset rows behind the canvas's numbers: the trace's batch once a step has begun
        (also a finished one, whose values stay on screen), else the batch the next step will use."""
        trace = self.stepper.trace
        return trace.batch if trace is not None else self.stepper.current_batch()

    def displayed_sample(self) -> tuple[int, int] | None:
        """(dataset row, position in the batch) of the sample the canvas shows.

        The chosen row when it is in the batch; otherwise the batch's first sample (the choice is
        kept, and shows again once a batch holds it). None for an empty batch.
        """
        batch = self.shown_batch()
        if len(batch) == 0:
            return None
        chosen = self.shown_sample
        if chosen is not None:
            hits = np.flatnonzero(batch == chosen)
            if hits.size:
                return chosen, int(hits[0])
        return int(batch[0]), 0

    def mid_step(self) -> bool:
        return not (self.stepper.phase is Phase.FEEDFORWARD and self.stepper.layer == 1)

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
        self.history.clear()
        self.replaced.emit()
        self.notify(*SIGNAL_ORDER)
        self.shown_sample_changed.emit()
        self.file_state_changed.emit()

    def mark_saved(self, path: Path, name: str | None = None) -> None:
        self.path = path
        if name is not None:
            self.name = name
        self.history.set_clean()
        self.file_state_changed.emit()

    # -- capturing and applying states (used by commands) -------------------------------------
    def capture(self, *, full_history: bool = False) -> DocState:
        s = self.stepper
        return DocState(
            network=s.network.copy(),
            loss=s.loss,
            optimizer=s.optimizer,
            training=s.training,
            dataset=s.dataset.copy(),
            snapshot=s.snapshot(),
            positions=copy.deepcopy(self.positions),
            init=self.init,
            last_event=self.last_event,
            cost_history=list(s.cost_history) if full_history else None,
            epoch_history=list(s.epoch_history) if full_history else None,
            column_names={key: copy.deepcopy(self.extras.get(key)) for key in COLUMN_NAME_KEYS},
        )

    def apply(self, state: DocState, *signals: str, quiet: bool = False) -> None:
        """Put the document back into `state` exactly (the network and dataset are copied).

        Emits the named signals (all when none are named) unless `quiet`.
        """
        s = self.stepper
        s.network = state.network.copy()
        s.loss = state.loss
        s.optimizer = state.optimizer
        s.training = state.training
        s.dataset = state.dataset.copy()
        if state.cost_history is not None and state.epoch_history is not None:
            s.cost_history = list(state.cost_history)
            s.epoch_history = list(state.epoch_history)
        s.restore(state.snapshot)
        self.positions = copy.deepcopy(state.positions)
        self.init = state.init
        self.last_event = state.last_event
        if state.column_names is not None:
            self.set_column_names(state.column_names)
        if not quiet:
            self.notify(*(signals or SIGNAL_ORDER))

    def set_column_names(self, names: dict[str, Any]) -> None:
        """The dataset's column names by extras key; None removes a name list."""
        for key in COLUMN_NAME_KEYS:
            value = names.get(key)
            if value is None:
                self.extras.pop(key, None)
            else:
                self.extras[key] = list(value)

    def original_state(self) -> DocState:
        """The network as it was opened (for Reset)."""
        return self._original

    def take_snapshot(self) -> tuple[Snapshot, PhaseEvent | None]:
        return self.stepper.snapshot(), self.last_event

    def restore_snapshot(
        self, saved: tuple[Snapshot, PhaseEvent | None], *signals: str, announce: bool = False
    ) -> None:
        snap, event = saved
        self.stepper.restore(snap)
        self.last_event = event
        self.notify(*signals, announce=announce)

    def roll_back(self, saved: tuple[Snapshot, PhaseEvent | None]) -> None:
        """Put back the state from before a refused or failing change, and have views re-read it.

        A refused phase has already written into the engine's reusable work buffers (gradients,
        proposed parameters and moments), and the views still hold arrays of the live trace that
        alias those buffers: the ∂J/∂W tables would keep showing the refused step's numbers.
        Restoring gives the stepper fresh copies; the signals make every view drop what it held,
        even though the state is the one it showed before the refused call.
        """
        self.restore_snapshot(saved, *ROLLBACK_SIGNALS)

    # -- signals ---------------------------------------------------------------------------
    def notify(self, *names: str, announce: bool = False) -> None:
        """Emit the named signals once each, in a fixed order.

        `step_changed` carries `last_event` only when `announce` is set (a phase just ran);
        otherwise None, meaning "the step state was replaced" (undo, edit, reset).
        """
        wanted = set(names)
        for name in SIGNAL_ORDER:
            if name not in wanted:
                continue
            if name == "step":
                self.step_changed.emit(self.last_event if announce else None)
            else:
                getattr(self, f"{name}_changed").emit()

    def report_error(self, message: str) -> None:
        self.error_occurred.emit(message)

    def report_notice(self, message: str) -> None:
        self.notice_posted.emit(message)

    def _on_clean_changed(self, _clean: bool) -> None:
        self.file_state_changed.emit()
