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
        def need(ok: bool, message: str) -> None:
            if not ok:
                raise EngineError(message)

        need(
            self.name in OPTIMIZERS,
            f"unknown optimizer {self.name!r}; expected one of {', '.join(OPTIMIZERS)}",
        )
        need(
            math.isfinite(self.learning_rate) and self.learning_rate > 0,
            f"learning_rate must be a positive number, got {self.learning_rate}",
        )
        need(
            math.isfinite(self.momentum) and 0 <= self.momentum < 1,
            f"momentum must be in [0, 1), got {self.momentum}",
        )
        need(math.isfinite(self.beta1) and 0 <= self.beta1 < 1, f"beta1 must be in [0, 1), got {self.beta1}")
        need(math.isfinite(self.beta2) and 0 <= self.beta2 < 1, f"beta2 must be in [0, 1), got {self.beta2}")
        need(
            math.isfinite(self.epsilon) and self.epsilon > 0,
            f"epsilon must be a positive number, got {self.epsilon}",
        )
        need(
            math.isfinite(self.weight_decay) and self.weight_decay >= 0,
            f"weight_decay must be zero or positive, got {self.weight_decay}",
        )
        if self.clip_norm is not None:
            need(
                math.isfinite(self.clip_norm) and self.clip_norm > 0,
                f"clip_norm must be a positive number, got {self.clip_norm}",
            )
        if self.name == "nesterov":
            need(self.momentum > 0, "nesterov needs a momentum above 0")


@dataclass
class OptimizerState:
    """Moments as flat vectors in theta's layout, and t, the number of updates done."""

    t: int = 0
    buffers: dict[str, Array] = field(default_factory=dict)

    def copy(self) -> OptimizerState:
        return OptimizerState(self.t, {k: v.copy() for k, v in self.buffers.items()})


@dataclass
class UpdateInfo:
    grad_norm: float
    clip_coef: float  # the factor the gradient was scaled by (1.0 when not clipped)
    effective_grad: Array  # after clipping and weight decay: what the optimizer used


def new_state(config: OptimizerConfig, size: int) -> OptimizerState:
    return OptimizerState(0, {name: np.zeros(size) for name in STATE_NAMES[config.name]})


def propose(
    config: OptimizerConfig,
    state: OptimizerState,
    theta: Array,
    grad: Array,
    decay_mask: Array,
) -> tuple[Array, OptimizerState, UpdateInfo]:
    """New parameters and state for one update; inputs are left untouched."""
    g = grad
    grad_norm = math.sqrt(float(np.dot(grad, grad)))
    clip_coef = 1.0
    if config.clip_norm is not None:
        clip_coef = min(config.clip_norm / (grad_norm + CLIP_EPSILON), 1.0)
        g = g * clip_coef
    if config.weight_decay:
        g = g + config.weight_decay * (decay_mask * theta)
    lr = config.learning_rate
    name = config.name
    if name == "sgd":
        new_theta = theta - lr * g
        return new_theta, OptimizerState(state.t + 1, {}), UpdateInfo(grad_norm, clip_coef, g)
    if name in ("momentum", "nesterov"):
        velocity = config.momentum * state.buffers["velocity"] + g
        direction = g + config.momentum * velocity if name == "nesterov" else velocity
        new_theta = theta - lr * direction
        return (
            new_theta,
            OptimizerState(state.t + 1, {"velocity": velocity}),
            UpdateInfo(grad_norm, clip_coef, g),
        )
    # adam, arranged as torch.optim.Adam's single-tensor step
    t = state.t + 1
    m = config.beta1 * state.buffers["m"] + (1.0 - config.beta1) * g
    v = config.beta2 * state.buffers["v"] + (1.0 - config.beta2) * (g * g)
    step_size = lr / (1.0 - config.beta1**t)
    denom = np.sqrt(v) / math.sqrt(1.0 - config.beta2**t) + config.epsilon
    new_theta = theta - step_size * (m / denom)
    return new_theta, OptimizerState(t, {"m": m, "v": v}), UpdateInfo(grad_norm, clip_coef, g)
