"""Optimizers with the semantics of torch.optim.SGD (dampening 0) and torch.optim.Adam.

Everything works on the flat parameter vector. `propose` computes the new parameters and the
new optimizer state without touching the old ones, so an update that would produce a non-finite
number can be refused and leave the network exactly as it was.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray

from bpstudio.engine.errors import EngineError

Array = NDArray[np.float64]

OPTIMIZERS = ("sgd", "momentum", "nesterov", "adam")
# The option each optimizer reads; the UI shows only these.
OPTIONS = {
    "sgd": ("learning_rate", "weight_decay", "clip_norm"),
    "momentum": ("learning_rate", "momentum", "weight_decay", "clip_norm"),
    "nesterov": ("learning_rate", "momentum", "weight_decay", "clip_norm"),
    "adam": ("learning_rate", "beta1", "beta2", "epsilon", "weight_decay", "clip_norm"),
}
STATE_NAMES = {"sgd": (), "momentum": ("velocity",), "nesterov": ("velocity",), "adam": ("m", "v")}
CLIP_EPSILON = 1e-6  # as torch.nn.utils.clip_grad_norm_


@dataclass(frozen=True)
class OptimizerConfig:
    name: str = "sgd"
    learning_rate: float = 0.1
    momentum: float = 0.9
    beta1: float = 0.9
    beta2: float = 0.999
    epsilon: float = 1e-8
    weight_decay: float = 0.0
    clip_norm: float | None = None

    def validate(self) -> None:
        """Refuse an option out of range; the error's `field` names the option at fault."""

        def need(ok: bool, field: str, message: str) -> None:
            if not ok:
                raise EngineError(message, field=field)

        need(
            self.name in OPTIMIZERS,
            "name",
            f"unknown optimizer {self.name!r}; expected one of {', '.join(OPTIMIZERS)}",
        )
        need(
            math.isfinite(self.learning_rate) and self.learning_rate > 0,
            "learning_rate",
            f"learning_rate must be a positive number, got {self.learning_rate}",
        )
        need(
            math.isfinite(self.momentum) and 0 <= self.momentum < 1,
            "momentum",
            f"momentum must be in [0, 1), got {self.momentum}",
        )
        need(
            math.isfinite(self.beta1) and 0 <= self.beta1 < 1,
            "beta1",
            f"beta1 must be in [0, 1), got {self.beta1}",
        )
        need(
            math.isfinite(self.beta2) and 0 <= self.beta2 < 1,
            "beta2",
            f"beta2 must be in [0, 1), got {self.beta2}",
        )
        need(
            math.isfinite(self.epsilon) and self.epsilon > 0,
            "epsilon",
            f"epsilon must be a positive number, got {self.epsilon}",
        )
        need(
            math.isfinite(self.weight_decay) and self.weight_decay >= 0,
            "weight_decay",
            f"weight_decay must be zero or positive, got {self.weight_decay}",
        )
        if self.clip_norm is not None:
            need(
                math.isfinite(self.clip_norm) and self.clip_norm > 0,
                "clip_norm",
                f"clip_norm must be a positive number, got {self.clip_norm}",
            )
        if self.name == "nesterov":
            need(self.momentum > 0, "momentum", "nesterov needs a momentum above 0")


@dataclass(slots=True)
class OptimizerState:
    """Moments as flat vectors in theta's layout, and t, the number of updates done."""

    t: int = 0
    buffers: dict[str, Array] = field(default_factory=dict)

    def copy(self) -> OptimizerState:
        return OptimizerState(self.t, {k: v.copy() for k, v in self.buffers.items()})


@dataclass(slots=True)
class UpdateInfo:
    raw_grad: Array  # ∂J/∂θ as backprop gave it
    clip_coef: float  # the factor the gradient was scaled by (1.0 when not clipped)
    effective_grad: Array  # after clipping and weight decay: what the optimizer used

    @property
    def grad_norm(self) -> float:
        """‖∂J/∂θ‖₂ over every parameter (what clipping compares with clip_norm)."""
        return math.sqrt(float(np.dot(self.raw_grad, self.raw_grad)))

    def copy(self) -> UpdateInfo:
        return UpdateInfo(self.raw_grad.copy(), self.clip_coef, self.effective_grad.copy())


def all_finite(values: Array) -> bool:
    """Whether a flat vector holds only finite numbers.

    One sum settles it for almost every vector (NaN or Inf anywhere makes the sum non-finite);
    only when the sum overflows on huge finite values does the element-wise test run. A plain
    reduction, not a BLAS dot product: no threads to wake on a busy machine.
    """
    return math.isfinite(np.add.reduce(values)) or bool(np.isfinite(values).all())


def new_state(config: OptimizerConfig, size: int) -> OptimizerState:
    return OptimizerState(0, {name: np.zeros(size) for name in STATE_NAMES[config.name]})


class Workspace:
    """Buffers reused from update to update, so a step allocates no parameter-sized memory.

    The new parameters and the new moments are written into alternating buffers: the current
    trace's "before" and "after" stay intact until the next update replaces that trace.
    """

    def __init__(self, size: int) -> None:
        self.size = size
        self.g = np.empty(size)
        self.tmp = np.empty(size)
        self.direction = np.empty(size)
        self._theta = (np.empty(size), np.empty(size))
        self._grad = (np.empty(size), np.empty(size))
        self._flip = 0
        self._grad_flip = 0
        self.spare: dict[str, Array] = {}

    def next_grad(self) -> Array:
        """A gradient buffer (uninitialised) other than the one handed out last time."""
        self._grad_flip ^= 1
        return self._grad[self._grad_flip]

    def grad_buffer(self, index: int) -> Array:
        return self._grad[index]

    def grad_index(self, grad: Array) -> int:
        """Which of the two gradient buffers `grad` is (views of it are cached per buffer)."""
        return 0 if grad is self._grad[0] else 1

    def next_theta(self) -> Array:
        self._flip ^= 1
        return self._theta[self._flip]

    def buffer(self, name: str, current: Array) -> Array:
        """A free buffer for the new value of moment `name` (never `current` itself)."""
        spare = self.spare.get(name)
        if spare is None or spare is current or spare.shape != current.shape:
            spare = np.empty_like(current)
        return spare

    def recycle(self, old: OptimizerState) -> None:
        """The previous moments become the spare buffers of the next update."""
        self.spare = dict(old.buffers)


def propose(
    config: OptimizerConfig,
    state: OptimizerState,
    theta: Array,
    grad: Array,
    decay_mask: Array,
    ws: Workspace | None = None,
) -> tuple[Array, OptimizerState, UpdateInfo]:
    """New parameters and state for one update; `theta`, `grad` and `state` are left untouched.

    The arithmetic follows torch.optim.SGD / torch.optim.Adam step by step.
    """
    if ws is None or ws.size != theta.size:
        ws = Workspace(theta.size)
    g = grad
    clip_coef = 1.0
    if config.clip_norm is not None:
        grad_norm = math.sqrt(float(np.dot(grad, grad)))
        clip_coef = min(config.clip_norm / (grad_norm + CLIP_EPSILON), 1.0)
        g = np.multiply(g, clip_coef, out=ws.g)
    if config.weight_decay:
        decay = np.multiply(decay_mask, theta, out=ws.tmp)
        decay *= config.weight_decay
        g = np.add(g, decay, out=ws.g)
    lr = config.learning_rate
    name = config.name
    new_theta = ws.next_theta()
    info = UpdateInfo(grad, clip_coef, g)
    if name == "sgd":
        direction = np.multiply(g, np.array(lr), out=ws.direction)
        np.subtract(theta, direction, out=new_theta)
        return new_theta, OptimizerState(state.t + 1, {}), info
    if name in ("momentum", "nesterov"):
        old_velocity = state.buffers["velocity"]
        velocity = np.multiply(old_velocity, config.momentum, out=ws.buffer("velocity", old_velocity))
        velocity += g
        if name == "nesterov":
            direction = np.multiply(velocity, config.momentum, out=ws.direction)
            direction += g
        else:
            direction = ws.direction
            np.copyto(direction, velocity)
        direction *= lr
        np.subtract(theta, direction, out=new_theta)
        return new_theta, OptimizerState(state.t + 1, {"velocity": velocity}), info
    # adam, arranged as torch.optim.Adam's single-tensor step
    t = state.t + 1
    old_m, old_v = state.buffers["m"], state.buffers["v"]
    m = np.multiply(old_m, config.beta1, out=ws.buffer("m", old_m))
    m += np.multiply(g, 1.0 - config.beta1, out=ws.tmp)
    v = np.multiply(old_v, config.beta2, out=ws.buffer("v", old_v))
    square = np.multiply(g, g, out=ws.tmp)
    square *= 1.0 - config.beta2
    v += square
    step_size = lr / (1.0 - config.beta1**t)
    denom = np.sqrt(v, out=ws.tmp)
    denom /= math.sqrt(1.0 - config.beta2**t)
    denom += config.epsilon
    direction = np.divide(m, denom, out=ws.direction)
    direction *= step_size
    np.subtract(theta, direction, out=new_theta)
    return new_theta, OptimizerState(t, {"m": m, "v": v}), info
