"""State handling: snapshots for stepping back, and the training state a saved file holds.

A `Snapshot` is everything a step can change (parameters, batch-norm running statistics,
optimizer moments, position, trace), copied so that `restore` goes back exactly. A
`TrainingState` is where training stands as plain counters and flat arrays; the file format
(`document.fileformat.state`) alone gives it the file's JSON shape and checks that shape.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray

from bpstudio.engine import limits
from bpstudio.engine.errors import EngineError
from bpstudio.engine.optimizers import OptimizerState, new_state
from bpstudio.engine.trace import Phase, Trace

if TYPE_CHECKING:
    from bpstudio.engine.stepper import Stepper

Array = NDArray[np.float64]


@dataclass
class Snapshot:
    """Everything a step can change, for stepping back exactly."""

    theta: Array
    running: list[tuple[Array, Array] | None]
    optimizer: OptimizerState
    phase: Phase
    layer: int
    steps_done: int
    epoch: int
    batch_in_epoch: int
    trace: Trace | None
    history_len: int


@dataclass
class TrainingState:
    """Where training stands, as plain counters and arrays: what a saved file must hold to go on
    exactly where it stopped. The optimizer's moments are flat vectors in theta's layout; the
    file format (document.fileformat.state) gives them the file's JSON shape."""

    steps_done: int = 0
    epoch: int = 0
    batch_in_epoch: int = 0
    optimizer: OptimizerState = field(default_factory=OptimizerState)
    cost_history: list[float] = field(default_factory=list)
    epoch_history: list[int] = field(default_factory=list)


def take_snapshot(stepper: Stepper) -> Snapshot:
    """Copies of everything a step can change."""
    net = stepper.network
    running: list[tuple[Array, Array] | None] = []
    for mean, var in zip(net.running_mean, net.running_var, strict=True):
        running.append(None if mean is None or var is None else (mean.copy(), var.copy()))
    return Snapshot(
        theta=net.theta.copy(),
        running=running,
        optimizer=stepper.optimizer_state.copy(),
        phase=stepper.phase,
        layer=stepper.layer,
        steps_done=stepper.steps_done,
        epoch=stepper.epoch,
        batch_in_epoch=stepper.batch_in_epoch,
        trace=None if stepper.trace is None else stepper.trace.copy(),
        history_len=len(stepper.cost_history),
    )


def restore_snapshot(stepper: Stepper, snap: Snapshot) -> None:
    """Put a snapshot taken on this same network structure back (the snapshot stays usable)."""
    net = stepper.network
    if snap.theta.size != net.theta.size:
        raise EngineError("this snapshot belongs to a network of another structure")
    net.theta[:] = snap.theta
    for layer, saved in enumerate(snap.running):
        if saved is not None:
            mean, var = net.running_mean[layer], net.running_var[layer]
            assert mean is not None and var is not None
            mean[:] = saved[0]
            var[:] = saved[1]
    stepper.optimizer_state = snap.optimizer.copy()
    stepper.phase, stepper.layer = snap.phase, snap.layer
    stepper.steps_done, stepper.epoch, stepper.batch_in_epoch = (
        snap.steps_done,
        snap.epoch,
        snap.batch_in_epoch,
    )
    stepper.trace = None if snap.trace is None else snap.trace.copy()
    del stepper.cost_history[snap.history_len :]
    del stepper.epoch_history[snap.history_len :]


def training_state(stepper: Stepper) -> TrainingState:
    """Counters, histories and optimizer moments (copies)."""
    return TrainingState(
        steps_done=stepper.steps_done,
        epoch=stepper.epoch,
        batch_in_epoch=stepper.batch_in_epoch,
        optimizer=stepper.optimizer_state.copy(),
        cost_history=list(stepper.cost_history),
        epoch_history=list(stepper.epoch_history),
    )


def load_training_state(stepper: Stepper, state: TrainingState) -> None:
    """Give a training state to the stepper; on a refusal (EngineError, whose `field` says which
    value) nothing changes. A moment the state leaves out starts at zero.

    Only what the engine itself needs is checked: that each array fits the network and the
    optimizer, and that the position lies within an epoch. The file's shape is checked by the
    file format before it builds the state.
    """
    net = stepper.network
    opt = new_state(stepper.optimizer, net.parameter_count)
    for name, values in state.optimizer.buffers.items():
        if name not in opt.buffers:
            raise EngineError(f"the optimizer {stepper.optimizer.name} keeps no {name}", field="moments")
        if values.shape != opt.buffers[name].shape:
            raise EngineError(
                f"moments.{name}: expected {net.parameter_count} values, got {values.size}",
                field="moments",
            )
        opt.buffers[name][:] = values
    opt.t = int(state.optimizer.t)
    steps, epoch, in_epoch = int(state.steps_done), int(state.epoch), int(state.batch_in_epoch)
    per_epoch = stepper.batches_per_epoch
    if not 0 <= in_epoch < per_epoch:
        raise EngineError(
            f"batch_in_epoch must be below {per_epoch}, got {in_epoch}",
            field="batch_in_epoch",
        )
    costs = [float(c) for c in state.cost_history]
    epochs = [int(e) for e in state.epoch_history]
    if len(costs) != len(epochs):
        raise EngineError("cost_history and epoch_history must have the same length", field="epoch_history")
    if stepper.saved_numbers(len(costs)) > limits.MAX_NUMBERS:
        raise EngineError(
            f"with a cost history of {len(costs):,} steps the file holds "
            f"{stepper.saved_numbers(len(costs)):,} numbers, more than the {limits.MAX_NUMBERS:,} allowed",
            field="cost_history",
        )
    if "v" in opt.buffers and bool((opt.buffers["v"] < 0).any()):  # a mean of squares
        bad = int(np.flatnonzero(opt.buffers["v"] < 0)[0])
        raise EngineError(
            f"moments.v: a second moment cannot be negative, got {opt.buffers['v'][bad]!r}",
            field="moments",
        )
    stepper.optimizer_state = opt
    stepper.steps_done, stepper.epoch, stepper.batch_in_epoch = steps, epoch, in_epoch
    stepper.cost_history, stepper.epoch_history = costs, epochs
    stepper.restart_step()
