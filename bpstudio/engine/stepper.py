"""The phase stepper: training one phase (or one layer) at a time, with a full trace.

A training step on the current mini-batch has three phases:

* FEEDFORWARD — z = W a + b and a = g(z) for every layer (left to right), then the loss of
  each sample and the cost J = (1/m) Σ L;
* BACKWARD — δ for every layer (right to left), ∂J/∂W = (1/m) δᵀ a_prev and ∂J/∂b;
* UPDATE — the optimizer changes the parameters.

Parameters (and batch-norm running statistics) change only in UPDATE, so restarting a step is
always safe: the trace of a restarted step is simply thrown away.
"""

from __future__ import annotations

import enum
import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from bpstudio.engine import activations, losses
from bpstudio.engine.errors import EngineError, NonFiniteError
from bpstudio.engine.network import BN_EPSILON, BN_MOMENTUM, Network
from bpstudio.engine.optimizers import (
    OptimizerConfig,
    OptimizerState,
    UpdateInfo,
    Workspace,
    all_finite,
    new_state,
    propose,
)

Array = NDArray[np.float64]


class Phase(enum.Enum):
    FEEDFORWARD = "feedforward"
    BACKWARD = "backward"
    UPDATE = "update"


@dataclass(frozen=True)
class TrainingConfig:
    batch_size: int = 1
    shuffle: bool = False
    seed: int = 0


@dataclass
class Dataset:
    inputs: Array  # (m, n0)
    targets: Array  # (m, nL)

    @property
    def size(self) -> int:
        return int(self.inputs.shape[0])

    def copy(self) -> Dataset:
        return Dataset(self.inputs.copy(), self.targets.copy())


@dataclass(slots=True)
class LayerTrace:
    """What one layer computed in the current step; None until its phase reaches it.

    Without batch norm `u` is `z`. With it, z → ẑ = (z − μ)/√(σ² + ε) → u = γ ẑ + β → a = g(u).
    `delta` is ∂L/∂z per sample (m · ∂J/∂z), the article's δ; `delta_u` is the same for u.
    """

    z: Array | None = None
    a: Array | None = None
    u: Array | None = None
    z_hat: Array | None = None
    batch_mean: Array | None = None
    batch_var: Array | None = None
    delta: Array | None = None
    delta_u: Array | None = None
    grad_w: Array | None = None
    grad_b: Array | None = None
    grad_gamma: Array | None = None
    grad_beta: Array | None = None


@dataclass(slots=True)
class Trace:
    """Everything of the current step. `layers[0]` is the input layer (its `a` is x)."""

    step: int
    epoch: int
    batch: NDArray[np.int64]
    x: Array
    y: Array
    layers: list[LayerTrace]
    params_before: Array
    optimizer_before: OptimizerState
    losses: Array | None = None
    cost: float | None = None
    grad: Array | None = None  # ∂J/∂θ in theta's layout, complete after BACKWARD
    params_after: Array | None = None
    optimizer_after: OptimizerState | None = None
    update: UpdateInfo | None = None
    running_after: dict[int, tuple[Array, Array]] = field(default_factory=dict)
    complete: bool = False

    def copy(self) -> Trace:
        def arr(x: Array | None) -> Array | None:
            return None if x is None else x.copy()

        return Trace(
            step=self.step,
            epoch=self.epoch,
            batch=self.batch.copy(),
            x=self.x.copy(),
            y=self.y.copy(),
            layers=[
                LayerTrace(**{k: arr(getattr(lt, k)) for k in LayerTrace.__slots__}) for lt in self.layers
            ],
            params_before=self.params_before.copy(),
            optimizer_before=self.optimizer_before.copy(),
            losses=arr(self.losses),
            cost=self.cost,
            grad=arr(self.grad),
            params_after=arr(self.params_after),
            optimizer_after=None if self.optimizer_after is None else self.optimizer_after.copy(),
            update=None if self.update is None else self.update.copy(),
            running_after={k: (m.copy(), v.copy()) for k, (m, v) in self.running_after.items()},
            complete=self.complete,
        )


@dataclass(frozen=True)
class PhaseEvent:
    """What one call did: the phase, the layers it touched, whether a step finished."""

    phase: Phase
    layers: tuple[int, ...]
    step_completed: bool


@dataclass
class TrainSummary:
    steps: int
    epochs_completed: int
    final_cost: float | None
    seconds: float

    @property
    def steps_per_second(self) -> float:
        return self.steps / self.seconds if self.seconds > 0 else float("inf")


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


@dataclass(slots=True)
class _LayerPlan:
    """What the hot path needs of one layer, looked up once per structure."""

    W: Array
    WT: Array
    b: Array
    forward: Callable[[Array, float], Array]
    backward: Callable[[Array, Array, Array, float], Array]
    slope: float
    batch_norm: bool
    grad_views: tuple[dict[str, Array], dict[str, Array]]


_QUIET: dict[str, Any] = {"over": "ignore", "invalid": "ignore", "divide": "ignore", "under": "ignore"}


def _first_row(rows: ArrayLike) -> int:
    """The first dataset row flagged True (an EngineError's `sample`)."""
    return int(np.flatnonzero(rows)[0])


def _first_bad(values: Array) -> float:
    return float(values.flat[int(np.flatnonzero(~np.isfinite(values))[0])])


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
        self.validate()
        self.optimizer_state: OptimizerState = new_state(optimizer, network.parameter_count)
        self.phase = Phase.FEEDFORWARD
        self.layer = 1
        self.steps_done = 0
        self.epoch = 0
        self.batch_in_epoch = 0
        self.trace: Trace | None = None
        self.cost_history: list[float] = []
        self.epoch_history: list[int] = []
        self._order_epoch = -1
        self._order: NDArray[np.int64] = np.arange(0)
        self._ws = Workspace(network.parameter_count)
        self._before: list[Array] = [np.empty(network.parameter_count), np.empty(network.parameter_count)]
        self._plan: list[_LayerPlan] = []
        self._plan_theta: Array | None = None

    def _workspace(self) -> Workspace:
        """Update buffers, rebuilt when the parameter count changes."""
        size = self.network.parameter_count
        if self._ws.size != size:
            self._ws = Workspace(size)
            self._before = [np.empty(size), np.empty(size)]
        return self._ws

    def _layer_plan(self) -> list[_LayerPlan]:
        """Per-layer views and functions; rebuilt after any change of structure or of theta."""
        net = self.network
        if self._plan_theta is net.theta and self._plan:
            return self._plan
        ws = self._workspace()
        grad_views = (net.views(ws.grad_buffer(0)), net.views(ws.grad_buffer(1)))
        plan = [
            _LayerPlan(
                W=net.W(layer),
                WT=net.W(layer).T,
                b=net.b(layer),
                forward=activations.FORWARD[spec.activation],
                backward=activations.BACKWARD[spec.activation],
                slope=spec.leaky_slope,
                batch_norm=spec.batch_norm,
                grad_views=(grad_views[0][layer], grad_views[1][layer]),
            )
            for layer, spec in enumerate(net.specs)
            if layer > 0
        ]
        self._plan = [plan[0], *plan]  # index by layer number; entry 0 is never used
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
        """Refuse anything training would trip over, with a message naming the problem."""
        net, data = self.network, self.dataset
        losses.check_compatible(self.loss, net.specs[-1].activation)
        self.optimizer.validate()
        x, y = data.inputs, data.targets
        if x.ndim != 2 or y.ndim != 2:
            raise EngineError(
                "dataset inputs and targets must be tables (one row per sample)", field="targets"
            )
        if x.shape[0] == 0:
            raise EngineError("the dataset is empty: add at least one sample", field="dataset")
        if x.shape[0] != y.shape[0]:
            raise EngineError(
                f"the dataset has {x.shape[0]} input rows but {y.shape[0]} target rows", field="targets"
            )
        if x.shape[1] != net.sizes[0]:
            raise EngineError(
                f"each input has {x.shape[1]} values but the input layer has {net.sizes[0]} neurons",
                field="dataset",
            )
        if y.shape[1] != net.sizes[-1]:
            raise EngineError(
                f"each target has {y.shape[1]} values but the output layer has {net.sizes[-1]} neurons",
                field="targets",
            )
        if not (np.isfinite(x).all() and np.isfinite(y).all()):
            raise EngineError(
                "the dataset holds a value that is not a finite number",
                field="dataset",
                sample=_first_row(~(np.isfinite(x).all(axis=1) & np.isfinite(y).all(axis=1))),
            )
        if self.loss == "binary_cross_entropy" and ((y < 0).any() or (y > 1).any()):
            raise EngineError(
                "binary_cross_entropy needs targets between 0 and 1",
                field="targets",
                sample=_first_row(((y < 0) | (y > 1)).any(axis=1)),
            )
        if self.loss == "cross_entropy" and ((y < 0).any()):
            raise EngineError(
                "cross_entropy needs targets that are probabilities (not negative)",
                field="targets",
                sample=_first_row((y < 0).any(axis=1)),
            )
        bs = self.training.batch_size
        if not isinstance(bs, int) or not 1 <= bs <= data.size:
            raise EngineError(
                f"batch_size must be between 1 and the number of samples ({data.size}), got {bs}",
                field="batch_size",
            )
        if any(spec.batch_norm for spec in net.specs[1:]):
            if bs == 1:
                raise EngineError(
                    "batch normalisation cannot train with batch_size 1: a batch of one sample has no "
                    "variance; use a batch size of 2 or more",
                    field="batch_size",
                )
            if data.size % bs == 1:
                raise EngineError(
                    f"batch normalisation: with {data.size} samples and batch_size {bs} the last batch "
                    "of each epoch holds 1 sample, which has no variance; change the batch size",
                    field="batch_size",
                )
        if self.network.theta.size and not np.isfinite(self.network.theta).all():
            raise EngineError("a parameter of the network is not a finite number", field="parameters")

    @property
    def batches_per_epoch(self) -> int:
        return -(-self.dataset.size // self.training.batch_size)

    def current_batch(self) -> NDArray[np.int64]:
        """Indices of the samples of the step in progress (or about to start)."""
        if self._order_epoch != self.epoch:
            m = self.dataset.size
            if self.training.shuffle:
                self._order = np.random.default_rng([self.training.seed, self.epoch]).permutation(m)
            else:
                self._order = np.arange(m)
            self._order_epoch = self.epoch
        bs = self.training.batch_size
        return self._order[self.batch_in_epoch * bs : (self.batch_in_epoch + 1) * bs]

    def restart_step(self) -> None:
        """Throw away the partial step (after an edit) and start it again at FEEDFORWARD."""
        self.trace = None
        self._plan = []
        self.phase = Phase.FEEDFORWARD
        self.layer = 1
        self._order_epoch = -1

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

    # -- the three phases --------------------------------------------------------------------
    def _begin_step(self) -> Trace:
        batch = self.current_batch()
        if self.training.shuffle:
            x, y = self.dataset.inputs[batch], self.dataset.targets[batch]
        else:  # a contiguous run of samples: views, no copies
            bs = self.training.batch_size
            rows = slice(self.batch_in_epoch * bs, (self.batch_in_epoch + 1) * bs)
            x, y = self.dataset.inputs[rows], self.dataset.targets[rows]
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

    def _forward(self, layer: int) -> None:
        plan = self._layer_plan()[layer]  # first: it also sizes the buffers _begin_step uses
        trace = self.trace if self.trace is not None and layer != 1 else self._begin_step()
        a_prev = trace.layers[layer - 1].a
        assert a_prev is not None
        lt = trace.layers[layer]
        z = np.dot(a_prev, plan.WT)
        z += plan.b
        lt.z = z
        u = self._batch_norm_forward(trace, layer, z) if plan.batch_norm else z
        lt.u = u
        a = lt.a = plan.forward(u, plan.slope)
        if layer == self.network.depth:
            losses_ = trace.losses = losses.per_sample(self.loss, trace.y, a, u)
            m = losses_.shape[0]
            cost = trace.cost = float(losses_[0]) if m == 1 else float(np.add.reduce(losses_)) / m
            # Checked once per phase: a NaN or Inf anywhere upstream reaches the cost.
            if not math.isfinite(cost):
                self._report_forward(trace, cost)
            self.phase, self.layer = Phase.BACKWARD, layer
        else:
            self.layer = layer + 1

    def _batch_norm_forward(self, trace: Trace, layer: int, z: Array) -> Array:
        """ẑ = (z − μ)/√(σ² + ε), u = γ ẑ + β; the running statistics wait for UPDATE."""
        net = self.network
        lt = trace.layers[layer]
        m = z.shape[0]
        mean = z.mean(axis=0)
        centred = z - mean
        var = (centred * centred).mean(axis=0)
        z_hat = centred / np.sqrt(var + BN_EPSILON)
        lt.batch_mean, lt.batch_var, lt.z_hat = mean, var, z_hat
        rm, rv = net.running_mean[layer], net.running_var[layer]
        assert rm is not None and rv is not None
        trace.running_after[layer] = (
            (1.0 - BN_MOMENTUM) * rm + BN_MOMENTUM * mean,
            (1.0 - BN_MOMENTUM) * rv + BN_MOMENTUM * var * (m / (m - 1)),
        )
        return z_hat * net.gamma(layer) + net.beta(layer)

    def _report_forward(self, trace: Trace, cost: float) -> None:
        for layer in range(1, self.network.depth + 1):
            lt = trace.layers[layer]
            for what, values in (("z", lt.z), ("a", lt.a)):
                if values is not None and not np.isfinite(values).all():
                    raise NonFiniteError("feedforward", layer, what, _first_bad(values), self.steps_done)
        raise NonFiniteError("feedforward", self.network.depth, "cost", cost, self.steps_done)

    def _backward(self, layer: int) -> None:
        trace = self.trace
        assert trace is not None
        plans = self._layer_plan()
        plan = plans[layer]
        lt = trace.layers[layer]
        u, a = lt.u, lt.a
        assert u is not None and a is not None
        if layer == self.network.depth:
            activation = self.network.specs[layer].activation
            delta_u = losses.output_delta(self.loss, activation, trace.y, a, u, plan.slope)
            trace.grad = self._ws.next_grad()  # every entry is written below
        else:
            upper = trace.layers[layer + 1].delta
            assert upper is not None
            delta_u = plan.backward(u, a, np.dot(upper, plans[layer + 1].W), plan.slope)
        grad = trace.grad
        assert grad is not None
        views = plan.grad_views[self._ws.grad_index(grad)]
        delta = self._batch_norm_backward(trace, layer, delta_u, views) if plan.batch_norm else delta_u
        lt.delta = delta
        a_prev = trace.layers[layer - 1].a
        assert a_prev is not None
        g_w, g_b = views["W"], views["b"]
        np.dot(delta.T, a_prev, out=g_w)
        np.add.reduce(delta, axis=0, out=g_b)
        m = delta.shape[0]
        if m != 1:  # the 1/m of J = (1/m) Σ L
            g_w *= 1.0 / m
            g_b *= 1.0 / m
        lt.grad_w, lt.grad_b = g_w, g_b
        if layer == 1:
            if not all_finite(grad):  # once per phase, over every gradient
                self._report_backward(trace)
            self.phase, self.layer = Phase.UPDATE, 1
        else:
            self.layer = layer - 1

    def _batch_norm_backward(
        self, trace: Trace, layer: int, delta_u: Array, views: dict[str, Array]
    ) -> Array:
        """From δ of u = γ ẑ + β to δ of z, through the batch statistics; fills ∂J/∂γ, ∂J/∂β."""
        lt = trace.layers[layer]
        z_hat, var = lt.z_hat, lt.batch_var
        assert z_hat is not None and var is not None
        g_gamma, g_beta = views["gamma"], views["beta"]
        g_gamma[:] = (delta_u * z_hat).mean(axis=0)
        g_beta[:] = delta_u.mean(axis=0)
        d_hat = delta_u * self.network.gamma(layer)
        lt.delta_u, lt.grad_gamma, lt.grad_beta = delta_u, g_gamma, g_beta
        return (d_hat - d_hat.mean(axis=0) - z_hat * (d_hat * z_hat).mean(axis=0)) / np.sqrt(var + BN_EPSILON)

    def _report_backward(self, trace: Trace) -> None:
        for layer in range(self.network.depth, 0, -1):
            lt = trace.layers[layer]
            for what, values in (
                ("δ", lt.delta),
                ("∂J/∂W", lt.grad_w),
                ("∂J/∂b", lt.grad_b),
                ("∂J/∂γ", lt.grad_gamma),
                ("∂J/∂β", lt.grad_beta),
            ):
                if values is not None and not np.isfinite(values).all():
                    raise NonFiniteError("backward", layer, what, _first_bad(values), self.steps_done)
        raise NonFiniteError("backward", 1, "gradient", math.nan, self.steps_done)

    def _update(self) -> None:
        trace = self.trace
        assert trace is not None and trace.grad is not None
        net = self.network
        ws = self._workspace()
        old_opt = self.optimizer_state
        new_theta, new_opt, info = propose(self.optimizer, old_opt, net.theta, trace.grad, net.decay_mask, ws)
        if not all_finite(new_theta):
            bad = int(np.flatnonzero(~np.isfinite(new_theta))[0])
            layer = next(
                lyr
                for lyr in range(1, net.depth + 1)
                if any(start <= bad < stop for start, stop, _ in net.layout[lyr].values())
            )
            raise NonFiniteError("update", layer, "parameter", float(new_theta[bad]), self.steps_done)
        net.theta[:] = new_theta
        for layer, (mean, var) in trace.running_after.items():
            rm, rv = net.running_mean[layer], net.running_var[layer]
            assert rm is not None and rv is not None
            rm[:] = mean
            rv[:] = var
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
        self.batch_in_epoch += 1
        if self.batch_in_epoch >= self.batches_per_epoch:
            self.batch_in_epoch = 0
            self.epoch += 1
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
            for layer in range(1, depth + 1):
                self._forward(layer)
            for layer in range(depth, 0, -1):
                self._backward(layer)
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

    # -- snapshots and saved state -----------------------------------------------------------
    def snapshot(self) -> Snapshot:
        net = self.network
        running: list[tuple[Array, Array] | None] = []
        for mean, var in zip(net.running_mean, net.running_var, strict=True):
            running.append(None if mean is None or var is None else (mean.copy(), var.copy()))
        return Snapshot(
            theta=net.theta.copy(),
            running=running,
            optimizer=self.optimizer_state.copy(),
            phase=self.phase,
            layer=self.layer,
            steps_done=self.steps_done,
            epoch=self.epoch,
            batch_in_epoch=self.batch_in_epoch,
            trace=None if self.trace is None else self.trace.copy(),
            history_len=len(self.cost_history),
        )

    def restore(self, snap: Snapshot) -> None:
        """Go back to a snapshot taken on this same network structure."""
        net = self.network
        if snap.theta.size != net.theta.size:
            raise EngineError("this snapshot belongs to a network of another structure")
        net.theta[:] = snap.theta
        for layer, saved in enumerate(snap.running):
            if saved is not None:
                mean, var = net.running_mean[layer], net.running_var[layer]
                assert mean is not None and var is not None
                mean[:] = saved[0]
                var[:] = saved[1]
        self.optimizer_state = snap.optimizer.copy()
        self.phase, self.layer = snap.phase, snap.layer
        self.steps_done, self.epoch, self.batch_in_epoch = snap.steps_done, snap.epoch, snap.batch_in_epoch
        self.trace = None if snap.trace is None else snap.trace.copy()
        del self.cost_history[snap.history_len :]
        del self.epoch_history[snap.history_len :]
        self._order_epoch = -1

    def training_state(self) -> TrainingState:
        """Counters, histories and optimizer moments (copies), for the file."""
        return TrainingState(
            steps_done=self.steps_done,
            epoch=self.epoch,
            batch_in_epoch=self.batch_in_epoch,
            optimizer=self.optimizer_state.copy(),
            cost_history=list(self.cost_history),
            epoch_history=list(self.epoch_history),
        )

    def load_training_state(self, state: TrainingState) -> None:
        """Inverse of `training_state`; raises EngineError (its `field` says which) for what does
        not fit. A moment the state leaves out starts at zero."""
        net = self.network
        opt = new_state(self.optimizer, net.parameter_count)
        for name, values in state.optimizer.buffers.items():
            if name not in opt.buffers:
                raise EngineError(f"the optimizer {self.optimizer.name} keeps no {name}", field="moments")
            if values.shape != opt.buffers[name].shape:
                raise EngineError(
                    f"moments.{name}: expected {net.parameter_count} values, got {values.size}",
                    field="moments",
                )
            opt.buffers[name][:] = values
        opt.t = int(state.optimizer.t)
        steps, epoch, in_epoch = int(state.steps_done), int(state.epoch), int(state.batch_in_epoch)
        if not 0 <= in_epoch < self.batches_per_epoch:
            raise EngineError(
                f"batch_in_epoch must be below {self.batches_per_epoch}, got {in_epoch}",
                field="batch_in_epoch",
            )
        costs = [float(c) for c in state.cost_history]
        epochs = [int(e) for e in state.epoch_history]
        if len(costs) != len(epochs):
            raise EngineError(
                "cost_history and epoch_history must have the same length", field="epoch_history"
            )
        self.optimizer_state = opt
        self.steps_done, self.epoch, self.batch_in_epoch = steps, epoch, in_epoch
        self.cost_history, self.epoch_history = costs, epochs
        self.restart_step()
