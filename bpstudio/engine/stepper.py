"""The phase stepper: training one phase (or one layer) at a time, with a full trace.

A training step on the current mini-batch has three phases: FEEDFORWARD (layer by layer, left
to right, then the cost), BACKWARD (δ and the gradients, layer by layer, right to left) and
UPDATE (the optimizer changes the parameters).

This module only orders the phases and layers, keeps the position in training and is the API
the rest of the program calls. The maths of each phase, in the article's notation, is in
`engine.backprop` (read that module for the algorithm); batch norm is in `engine.batchnorm`,
batches and epochs in `engine.batching`, the checks of a set-up in `engine.validation`,
snapshots and the saved training state in `engine.state`.

Parameters (and batch-norm running statistics) change only in UPDATE, so restarting a step is
always safe: the trace of a restarted step is simply thrown away.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from bpstudio.engine import backprop, batchnorm, checks, limits
from bpstudio.engine import state as saved_state
from bpstudio.engine.batching import (
    Dataset,
    SampleOrder,
    TrainingConfig,
    batch_rows,
    batches_per_epoch,
    next_batch,
)
from bpstudio.engine.errors import EngineError
from bpstudio.engine.network import Network
from bpstudio.engine.optimizers import (
    STATE_NAMES,
    OptimizerConfig,
    OptimizerState,
    Workspace,
    all_finite,
    new_state,
)
from bpstudio.engine.plan import LayerPlan, plan_layers
from bpstudio.engine.state import Snapshot, TrainingState
from bpstudio.engine.trace import LayerTrace, Phase, PhaseEvent, Trace
from bpstudio.engine.validation import check_setup

# Names other modules have always imported from here.
__all__ = [
    "Dataset",
    "LayerTrace",
    "Phase",
    "PhaseEvent",
    "Snapshot",
    "Stepper",
    "Trace",
    "TrainSummary",
    "TrainingConfig",
    "TrainingState",
]

Array = NDArray[np.float64]


@dataclass
class TrainSummary:
    steps: int
    epochs_completed: int
    final_cost: float | None
    seconds: float

    @property
    def steps_per_second(self) -> float:
        return self.steps / self.seconds if self.seconds > 0 else float("inf")


_QUIET: dict[str, Any] = {"over": "ignore", "invalid": "ignore", "divide": "ignore", "under": "ignore"}


class Stepper:
    """Owns a network, its training configuration, the dataset, and the position in training."""

    def __init__(
        self,
        network: Network,
        loss: str,
        optimizer: OptimizerConfig,
        training: TrainingConfig,
        dataset: Dataset,
    ) -> None:
        self.network = network
        self.loss = loss
        self.optimizer = optimizer
        self.training = training
        self.dataset = dataset
        self.cost_history: list[float] = []
        self._static_numbers = 0
        self._history_room = 0
        self.validate()
        self.optimizer_state: OptimizerState = new_state(optimizer, network.parameter_count)
        self.phase = Phase.FEEDFORWARD
        self.layer = 1
        self.steps_done = 0
        self.epoch = 0
        self.batch_in_epoch = 0
        self.trace: Trace | None = None
        self.epoch_history: list[int] = []
        self._order = SampleOrder()
        self._ws = Workspace(network.parameter_count)
        self._before: list[Array] = [np.empty(network.parameter_count), np.empty(network.parameter_count)]
        self._plan: list[LayerPlan] = []
        self._plan_theta: Array | None = None

    def _workspace(self) -> Workspace:
        """Update buffers, rebuilt when the parameter count changes."""
        size = self.network.parameter_count
        if self._ws.size != size:
            self._ws = Workspace(size)
            self._before = [np.empty(size), np.empty(size)]
        return self._ws

    def _layer_plan(self) -> list[LayerPlan]:
        """Per-layer views and functions; rebuilt after any change of structure or of theta."""
        net = self.network
        if self._plan_theta is net.theta and self._plan:
            return self._plan
        self._plan = plan_layers(net, self._workspace())
        self._plan_theta = net.theta
        return self._plan

    def _params_before(self) -> Array:
        """Theta as the step begins, without a second copy where one already exists.

        Right after an update theta equals the finished trace's `params_after` (every edit or
        restore in between throws that trace away or restores it together with theta), and that
        buffer is not written again until the update after next. Otherwise theta is copied into
        one of two alternating buffers (the other may still be the last trace's).
        """
        last = self.trace
        if last is not None and last.complete and last.params_after is not None:
            return last.params_after
        self._before.reverse()
        buffer = self._before[0]
        np.copyto(buffer, self.network.theta)
        return buffer

    # -- configuration -------------------------------------------------------------------------
    def validate(self) -> None:
        """Refuse anything training would trip over, with a message naming the problem, and
        anything a file could not hold (engine.limits)."""
        check_setup(self.network, self.loss, self.optimizer, self.training, self.dataset)
        net, data = self.network, self.dataset
        running = sum(2 * spec.size for spec in net.specs[1:] if spec.batch_norm)
        static = limits.saved_numbers(
            net.parameter_count,
            len(STATE_NAMES[self.optimizer.name]),
            running,
            data.inputs.size + data.targets.size,
            0,
        )
        if static + limits.NUMBERS_PER_STEP * len(self.cost_history) > limits.MAX_NUMBERS:
            raise EngineError(
                f"the network, its optimizer's moments, the dataset and the cost history would make a "
                f"file of {static + limits.NUMBERS_PER_STEP * len(self.cost_history):,} numbers, "
                f"more than the {limits.MAX_NUMBERS:,} a network file may hold",
                field="limit",
            )
        self._static_numbers = static
        # the history length from which one more step would not fit (checked once per step)
        self._history_room = (limits.MAX_NUMBERS - static) // limits.NUMBERS_PER_STEP

    def saved_numbers(self, history: int) -> int:
        """How many numbers a file of this set-up holds with `history` steps in its histories."""
        return self._static_numbers + limits.NUMBERS_PER_STEP * history

    def check_limits(self) -> None:
        """Refuse (EngineError, field "limit") a step whose result could not be saved: a counter
        at MAX_COUNT or a file past MAX_NUMBERS numbers once the step joins the histories."""
        if max(self.steps_done, self.epoch, self.optimizer_state.t) >= limits.MAX_COUNT:
            raise EngineError(
                f"training has counted {limits.MAX_COUNT:,} steps or epochs, the most a file can record",
                field="limit",
            )
        numbers = self.saved_numbers(len(self.cost_history) + 1)
        if numbers > limits.MAX_NUMBERS:
            raise EngineError(
                f"one more step would make the file hold {numbers:,} numbers (the cost history grows "
                f"by {limits.NUMBERS_PER_STEP} a step), more than the {limits.MAX_NUMBERS:,} a network "
                "file may hold; Reset training starts a new history",
                field="limit",
            )

    @property
    def batches_per_epoch(self) -> int:
        return batches_per_epoch(self.dataset.size, self.training.batch_size)

    def current_batch(self) -> NDArray[np.int64]:
        """Indices of the samples of the step in progress (or about to start)."""
        return self._order.batch(self.dataset, self.training, self.epoch, self.batch_in_epoch)

    def restart_step(self) -> None:
        """Throw away the partial step (after an edit) and start it again at FEEDFORWARD."""
        self.trace = None
        self._plan = []
        self.phase = Phase.FEEDFORWARD
        self.layer = 1
        self._order.forget()

    def reset_training(self) -> None:
        """Back to step 0 (after re-initialising): counters, cost history and moments cleared."""
        self.steps_done = self.epoch = self.batch_in_epoch = 0
        self.cost_history = []
        self.epoch_history = []
        self.reset_optimizer()

    def reset_optimizer(self) -> None:
        self.optimizer_state = new_state(self.optimizer, self.network.parameter_count)
        self.restart_step()

    def reconfigure(
        self,
        *,
        network: Network | None = None,
        loss: str | None = None,
        optimizer: OptimizerConfig | None = None,
        training: TrainingConfig | None = None,
        dataset: Dataset | None = None,
    ) -> None:
        """Change part of the set-up; on a refusal nothing changes. The step restarts."""
        old = (self.network, self.loss, self.optimizer, self.training, self.dataset)
        if network is not None:
            self.network = network
        if loss is not None:
            self.loss = loss
        if optimizer is not None:
            self.optimizer = optimizer
        if training is not None:
            self.training = training
        if dataset is not None:
            self.dataset = dataset
        try:
            self.validate()
        except EngineError:
            self.network, self.loss, self.optimizer, self.training, self.dataset = old
            raise
        if network is not None and network.parameter_count != old[0].parameter_count:
            self.optimizer_state = new_state(self.optimizer, network.parameter_count)
        elif optimizer is not None and optimizer.name != old[2].name:
            self.optimizer_state = new_state(self.optimizer, self.network.parameter_count)
        if training is not None and dataset is None and training.batch_size != old[3].batch_size:
            self.batch_in_epoch = 0
        if dataset is not None and dataset.size != old[4].size:
            self.batch_in_epoch = 0
        if self.batch_in_epoch >= self.batches_per_epoch:
            self.batch_in_epoch = 0
        self.restart_step()

    def set_parameter(self, layer: int, kind: str, row: int, col: int | None, value: float) -> None:
        """Edit one parameter; the step in progress restarts (its z, a, δ are stale)."""
        if not math.isfinite(value):
            raise EngineError(f"{kind}[{layer}] must be a finite number, got {value!r}")
        index = self.network.param_index(layer, kind, row, col)
        self.network.theta[index] = value
        self.restart_step()

    # -- the three phases (the maths of each is in engine.backprop) ----------------------------
    def _begin_step(self) -> Trace:
        if (
            len(self.cost_history) >= self._history_room
            or self.steps_done >= limits.MAX_COUNT
            or self.epoch >= limits.MAX_COUNT
            or self.optimizer_state.t >= limits.MAX_COUNT
        ):
            self.check_limits()  # the cheap test above on the hot path; this one says which
        batch = self._order.batch(self.dataset, self.training, self.epoch, self.batch_in_epoch)
        x, y = batch_rows(self.dataset, self.training, self.batch_in_epoch, batch)
        layers = [LayerTrace() for _ in range(self.network.depth + 1)]
        layers[0].a = x
        trace = Trace(
            step=self.steps_done,
            epoch=self.epoch,
            batch=batch.copy(),
            x=x,
            y=y,
            layers=layers,
            params_before=self._params_before(),
            optimizer_before=self.optimizer_state,
        )
        self.trace = trace
        return trace

    def _forward(self, layer: int, plans: list[LayerPlan] | None = None) -> None:
        # The plan first: it also sizes the buffers _begin_step uses.
        plan = (plans or self._layer_plan())[layer]
        trace = self.trace if self.trace is not None and layer != 1 else self._begin_step()
        backprop.feedforward(plan, trace, layer)
        if layer == self.network.depth:
            cost = backprop.cost(self.loss, trace, trace.layers[layer])
            # Checked once per phase: a NaN or Inf anywhere upstream reaches the cost.
            if not math.isfinite(cost):
                checks.report_forward(trace, layer, cost, self.steps_done)
            self.phase, self.layer = Phase.BACKWARD, layer
        else:
            self.layer = layer + 1

    def _backward(self, layer: int, plans: list[LayerPlan] | None = None) -> None:
        trace = self.trace
        assert trace is not None
        plans = plans or self._layer_plan()
        plan = plans[layer]
        if layer == self.network.depth:
            delta_u = backprop.output_delta(self.loss, plan, trace, trace.layers[layer])
            trace.grad = self._ws.next_grad()  # every entry is written below
        else:
            upper = trace.layers[layer + 1].delta
            assert upper is not None
            delta_u = backprop.hidden_delta(plan, plans[layer + 1], upper, trace.layers[layer])
        grad = trace.grad
        assert grad is not None
        backprop.gradients(plan, trace, layer, delta_u, plan.grad_views[self._ws.grad_index(grad)])
        if layer == 1:
            if not all_finite(grad):  # once per phase, over every gradient
                checks.report_backward(trace, self.network.depth, self.steps_done)
            self.phase, self.layer = Phase.UPDATE, 1
        else:
            self.layer = layer - 1

    def _update(self) -> None:
        trace = self.trace
        assert trace is not None and trace.grad is not None
        net = self.network
        ws = self._workspace()
        old_opt = self.optimizer_state
        new_theta, new_opt, info = backprop.update(
            self.optimizer, old_opt, net, trace.grad, ws, self.steps_done, trace.running_after
        )
        if trace.running_after:
            batchnorm.commit_running(net, trace.running_after)
        self.optimizer_state = new_opt
        ws.recycle(old_opt)
        trace.params_after = new_theta
        trace.optimizer_after = new_opt
        trace.update = info
        trace.complete = True
        assert trace.cost is not None
        self.cost_history.append(trace.cost)
        self.epoch_history.append(self.epoch)
        self.steps_done += 1
        self.epoch, self.batch_in_epoch = next_batch(
            self.epoch, self.batch_in_epoch, self.dataset.size, self.training.batch_size
        )
        self.phase, self.layer = Phase.FEEDFORWARD, 1

    def _next_layer(self) -> PhaseEvent:
        phase, layer = self.phase, self.layer
        if phase is Phase.FEEDFORWARD:
            self._forward(layer)
        elif phase is Phase.BACKWARD:
            self._backward(layer)
        else:
            self._update()
            return PhaseEvent(phase, tuple(range(1, self.network.depth + 1)), True)
        return PhaseEvent(phase, (layer,), False)

    def _full_step(self) -> None:
        """The rest of the current step, without building events (the hot path of train)."""
        if self.phase is Phase.FEEDFORWARD and self.layer == 1:
            depth = self.network.depth
            plans = self._layer_plan()  # once for the whole step
            for layer in range(1, depth + 1):
                self._forward(layer, plans)
            for layer in range(depth, 0, -1):
                self._backward(layer, plans)
            self._update()
            return
        while not self._next_layer().step_completed:
            pass

    # -- public stepping ---------------------------------------------------------------------
    # Overflow and invalid operations are detected explicitly (NonFiniteError), so NumPy's own
    # floating-point warnings are silenced for the duration of each call.
    def next_layer(self) -> PhaseEvent:
        """One layer of FEEDFORWARD or BACKWARD, or the whole UPDATE."""
        with np.errstate(**_QUIET):
            return self._next_layer()

    def next_phase(self) -> PhaseEvent:
        """The rest of the current phase."""
        phase = self.phase
        touched: list[int] = []
        with np.errstate(**_QUIET):
            while True:
                event = self._next_layer()
                touched.extend(event.layers)
                if self.phase is not phase or event.step_completed:
                    return PhaseEvent(phase, tuple(touched), event.step_completed)

    def step(self) -> PhaseEvent:
        """The rest of the current step."""
        first = self.phase
        with np.errstate(**_QUIET):
            self._full_step()
        return PhaseEvent(first, tuple(range(1, self.network.depth + 1)), True)

    def train(self, steps: int | None = None, epochs: int | None = None) -> TrainSummary:
        """Run whole steps: `steps` of them, or until `epochs` more epochs have completed."""
        if (steps is None) == (epochs is None):
            raise EngineError("train needs either steps or epochs")
        start_epoch = self.epoch
        started = time.perf_counter()
        done = 0
        full_step = self._full_step
        with np.errstate(**_QUIET):
            if steps is not None:
                for _ in range(steps):
                    full_step()
                    done += 1
            else:
                assert epochs is not None
                target = self.epoch + epochs
                while self.epoch < target:
                    full_step()
                    done += 1
        seconds = time.perf_counter() - started
        final = self.cost_history[-1] if self.cost_history else None
        return TrainSummary(done, self.epoch - start_epoch, final, seconds)

    def run_epoch(self) -> TrainSummary:
        """Finish the current step, then train until the epoch in progress completes."""
        started = time.perf_counter()
        done = 0
        start_epoch = self.epoch
        with np.errstate(**_QUIET):
            if self.phase is not Phase.FEEDFORWARD or self.layer != 1:
                self._full_step()
                done += 1
            while self.epoch == start_epoch:
                self._full_step()
                done += 1
        return TrainSummary(done, 1, self.cost_history[-1], time.perf_counter() - started)

    # -- snapshots and saved state (engine.state) ---------------------------------------------
    def snapshot(self) -> Snapshot:
        return saved_state.take_snapshot(self)

    def restore(self, snap: Snapshot) -> None:
        """Go back to a snapshot taken on this same network structure."""
        saved_state.restore_snapshot(self, snap)
        self._order.forget()
        self._own_gradient()

    def _own_gradient(self) -> None:
        """Put a restored step's gradient back into one of the workspace's gradient buffers.

        BACKWARD writes the rest of ∂J/∂θ through views of those buffers: a restored (copied)
        gradient must live in one of them, or the layers still to come would write elsewhere
        and the update would read stale numbers.
        """
        trace = self.trace
        if trace is None or trace.grad is None or trace.complete:
            return
        grad = self._workspace().next_grad()
        np.copyto(grad, trace.grad)
        trace.grad = grad
        views = self.network.views(grad)
        for layer, lt in enumerate(trace.layers):
            if layer > 0 and lt.grad_w is not None:
                lt.grad_w, lt.grad_b = views[layer]["W"], views[layer]["b"]
                if lt.grad_gamma is not None:
                    lt.grad_gamma, lt.grad_beta = views[layer]["gamma"], views[layer]["beta"]

    def training_state(self) -> TrainingState:
        """Counters, histories and optimizer moments (copies), for the file."""
        return saved_state.training_state(self)

    def load_training_state(self, state: TrainingState) -> None:
        """Inverse of `training_state`; raises EngineError (its `field` says which) for what does
        not fit. A moment the state leaves out starts at zero."""
        saved_state.load_training_state(self, state)
