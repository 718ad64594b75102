"""What one training step computed, kept for display: the phases and the step's trace.

The stepper fills a `Trace` phase by phase (feedforward, backward, update); the UI, `explain`
and the snapshots read it. Nothing here computes anything: the maths is in `engine.backprop`.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray

from bpstudio.engine.optimizers import OptimizerState, UpdateInfo

Array = NDArray[np.float64]


class Phase(enum.Enum):
    FEEDFORWARD = "feedforward"
    BACKWARD = "backward"
    UPDATE = "update"


@dataclass(frozen=True)
class PhaseEvent:
    """What one call did: the phase, the layers it touched, whether a step finished."""

    phase: Phase
    layers: tuple[int, ...]
    step_completed: bool


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

    def copy(self) -> LayerTrace:
        return LayerTrace(**{k: _copy(getattr(self, k)) for k in LayerTrace.__slots__})


def _copy(values: Array | None) -> Array | None:
    return None if values is None else values.copy()


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
        """A deep copy (a snapshot keeps one: the stepper reuses its buffers step after step)."""
        return Trace(
            step=self.step,
            epoch=self.epoch,
            batch=self.batch.copy(),
            x=self.x.copy(),
            y=self.y.copy(),
            layers=[lt.copy() for lt in self.layers],
            params_before=self.params_before.copy(),
            optimizer_before=self.optimizer_before.copy(),
            losses=_copy(self.losses),
            cost=self.cost,
            grad=_copy(self.grad),
            params_after=_copy(self.params_after),
            optimizer_after=None if self.optimizer_after is None else self.optimizer_after.copy(),
            update=None if self.update is None else self.update.copy(),
            running_after={k: (m.copy(), v.copy()) for k, (m, v) in self.running_after.items()},
            complete=self.complete,
        )
