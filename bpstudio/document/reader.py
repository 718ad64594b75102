"""The document as the views see it: its signals and a read-only view of its state.

`DocumentReader` is the face of the open network that the ui layer uses: every signal a view
listens to and every value it shows, and not one method that changes anything. Its subclass
`NetworkDocument` adds the changes, which only commands (pushed by the controller) call; the
ui never calls them, never reaches the engine's `Stepper` behind the document, and neither does
the controller (tests/test_document_door.py checks the sources).

The properties return the engine's live objects, not copies: views read them many times per
phase, and a copy of a large network's arrays would cost more than the phase itself. They are
for reading only.

Signals are named by `Change`, an enum, never by a string: `notify(Change.STRUCTURE)` emits
`structure_changed`, and a misspelt member is an AttributeError at once (and a mypy error).
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray
from PySide6.QtCore import QObject, Signal

from bpstudio.document.history import UndoHistory
from bpstudio.engine import (
    Dataset,
    InitConfig,
    Network,
    OptimizerConfig,
    Phase,
    PhaseEvent,
    Stepper,
    Trace,
    TrainingConfig,
)

Positions = list[list[tuple[float, float]]]


class Change(enum.Flag):
    """What a change touched: one member per coarse document signal, in the order views hear them.

    Combine with `|`; `NetworkDocument.notify` emits each member's signal once, in this order.
    """

    NOTHING = 0
    STRUCTURE = enum.auto()  # structure_changed
    DATASET = enum.auto()  # dataset_changed
    SETTINGS = enum.auto()  # settings_changed
    PARAMETERS = enum.auto()  # parameters_changed
    STEP = enum.auto()  # step_changed(PhaseEvent | None)
    LOSS_HISTORY = enum.auto()  # loss_history_changed
    POSITIONS = enum.auto()  # positions_changed
    EVERYTHING = STRUCTURE | DATASET | SETTINGS | PARAMETERS | STEP | LOSS_HISTORY | POSITIONS


class DocumentReader(QObject):
    """Signals and read-only state of the open network (see the module docstring)."""

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

    # set by NetworkDocument; views read them through the properties below
    # the undo history: views read it (History dock, Edit › Undo texts); the controller pushes on it
    history: UndoHistory
    _stepper: Stepper
    _name: str
    _description: str
    _init: InitConfig
    _positions: Positions | None
    _path: Path | None
    _extras: dict[str, Any]
    _last_event: PhaseEvent | None
    _shown_sample: int | None

    # -- the network and its training ---------------------------------------------------------
    @property
    def network(self) -> Network:
        return self._stepper.network

    @property
    def dataset(self) -> Dataset:
        return self._stepper.dataset

    @property
    def loss(self) -> str:
        return self._stepper.loss

    @property
    def optimizer(self) -> OptimizerConfig:
        return self._stepper.optimizer

    @property
    def training(self) -> TrainingConfig:
        return self._stepper.training

    @property
    def init(self) -> InitConfig:
        """The initialiser Re-initialise uses (and the file records)."""
        return self._init

    @property
    def optimizer_buffers(self) -> Mapping[str, NDArray[np.float64]]:
        """The optimizer's moments by name ("velocity", "m", "v"…), in theta's layout."""
        return self._stepper.optimizer_state.buffers

    @property
    def trace(self) -> Trace | None:
        """What the step in progress (or the one just completed) computed; None at a step start."""
        return self._stepper.trace

    @property
    def last_event(self) -> PhaseEvent | None:
        """The phase that ran last, while its results are on screen; None after an edit or undo."""
        return self._last_event

    @property
    def phase(self) -> Phase:
        """The phase Next phase computes."""
        return self._stepper.phase

    @property
    def layer(self) -> int:
        """The layer Next layer computes (within `phase`)."""
        return self._stepper.layer

    @property
    def steps_done(self) -> int:
        return self._stepper.steps_done

    @property
    def epoch(self) -> int:
        return self._stepper.epoch

    @property
    def batch_in_epoch(self) -> int:
        return self._stepper.batch_in_epoch

    @property
    def batches_per_epoch(self) -> int:
        return self._stepper.batches_per_epoch

    @property
    def cost_history(self) -> Sequence[float]:
        """The cost of every step done. The same list until Reset, Re-initialise or Open replace it."""
        return self._stepper.cost_history

    @property
    def epoch_history(self) -> Sequence[int]:
        return self._stepper.epoch_history

    def current_batch(self) -> NDArray[np.int64]:
        """The dataset rows the next step uses."""
        return self._stepper.current_batch()

    def mid_step(self) -> bool:
        return not (self._stepper.phase is Phase.FEEDFORWARD and self._stepper.layer == 1)

    def copy_stepper(self) -> Stepper:
        """A stepper in exactly the document's state, to run on without touching the document
        (the explanation export trains it through the steps it writes)."""
        s = self._stepper
        stepper = Stepper(s.network.copy(), s.loss, s.optimizer, s.training, s.dataset.copy())
        stepper.restore(s.snapshot())
        return stepper

    # -- the file ------------------------------------------------------------------------------
    @property
    def name(self) -> str:
        return self._name

    @property
    def description(self) -> str:
        return self._description

    @property
    def extras(self) -> Mapping[str, Any]:
        """The file's other fields: Vietnamese name and description, the columns' names."""
        return self._extras

    @property
    def positions(self) -> Positions | None:
        """Where the learner placed the neurons on the canvas (None: the automatic layout)."""
        return self._positions

    @property
    def path(self) -> Path | None:
        return self._path

    @property
    def modified(self) -> bool:
        return not self.history.is_clean()

    @property
    def display_name(self) -> str:
        if self._path is not None:
            return self._path.name
        return self._name or "untitled"

    # -- which sample the canvas shows (view state: not an undo entry, not in the file) --------
    @property
    def shown_sample(self) -> int | None:
        """The dataset row (0-based) the learner chose to see on the canvas; None: the first of the batch
        (also when samples were removed and the row no longer exists)."""
        row = self._shown_sample
        return row if row is not None and row < self._stepper.dataset.size else None

    def shown_batch(self) -> NDArray[np.int64]:
        """The dataset rows behind the canvas's numbers: the trace's batch once a step has begun
        (also a finished one, whose values stay on screen), else the batch the next step will use."""
        trace = self._stepper.trace
        return trace.batch if trace is not None else self._stepper.current_batch()

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
