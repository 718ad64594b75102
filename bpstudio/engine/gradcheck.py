"""Gradient check: backpropagation against central differences, parameter by parameter.

The numerical derivative uses the fourth-order central stencil
(−J(θ+2h) + 8J(θ+h) − 8J(θ−h) + J(θ−2h)) / 12h at several step sizes h. Too large an h suffers
from curvature (batch norm over a batch of nearly equal values curves sharply), too small an h
from rounding; the two neighbouring step sizes whose estimates agree best bracket the reliable
range, and the smaller of them is used. So a failure points at the backward pass and not at the
finite differences. The relative error of an entry is |g − ĝ| / max(|g|, |ĝ|, FLOOR): the floor
keeps gradients that are zero up to rounding from reading as large relative errors.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from bpstudio.engine.batching import Dataset, TrainingConfig
from bpstudio.engine.network import Network
from bpstudio.engine.optimizers import OptimizerConfig
from bpstudio.engine.stepper import Stepper
from bpstudio.engine.trace import Phase

Array = NDArray[np.float64]
FLOOR = 1e-4  # below this size, gradients are compared in absolute terms (to 1e-10)
DEFAULT_TOLERANCE = 1e-6


@dataclass(frozen=True)
class GradCheckEntry:
    layer: int
    kind: str  # W, b, gamma or beta
    index: tuple[int, ...]
    backprop: float
    numeric: float
    relative_error: float


@dataclass
class GradCheckReport:
    entries: list[GradCheckEntry]
    cost: float

    @property
    def worst(self) -> GradCheckEntry | None:
        return max(self.entries, key=lambda e: e.relative_error, default=None)

    def passed(self, tolerance: float = DEFAULT_TOLERANCE) -> bool:
        worst = self.worst
        return worst is None or worst.relative_error < tolerance


def _batch_stepper(network: Network, loss: str, x: Array, y: Array) -> Stepper:
    """A stepper whose one batch is the whole of (x, y), on a private copy of the network."""
    data = Dataset(np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64))
    return Stepper(network.copy(), loss, OptimizerConfig(), TrainingConfig(batch_size=data.size), data)


def _cost(stepper: Stepper) -> float:
    stepper.restart_step()
    stepper.next_phase()
    assert stepper.trace is not None and stepper.trace.cost is not None
    return stepper.trace.cost


STEPS = (1e-3, 1e-4, 1e-5, 1e-6)


def _numeric(stepper: Stepper, flat: int, steps: tuple[float, ...]) -> float:
    """The derivative of J in parameter `flat`, from the most trustworthy step size."""
    theta = stepper.network.theta
    original = float(theta[flat])
    scale = max(1.0, abs(original))
    estimates = []
    for step in steps:
        h = step * scale
        values = []
        for offset in (2.0, 1.0, -1.0, -2.0):
            theta[flat] = original + offset * h
            values.append(_cost(stepper))
        theta[flat] = original
        estimates.append((-values[0] + 8.0 * values[1] - 8.0 * values[2] + values[3]) / (12.0 * h))
    if len(estimates) == 1:
        return estimates[0]
    best = min(range(len(estimates) - 1), key=lambda k: abs(estimates[k] - estimates[k + 1]))
    return estimates[best + 1]


def gradient_check(
    network: Network, loss: str, x: Array, y: Array, steps: tuple[float, ...] = STEPS
) -> GradCheckReport:
    """Compare ∂J/∂θ from backprop with the numerical derivative for every parameter.

    J is the cost of (x, y) taken as one batch (batch norm uses its statistics). The network
    passed in is not modified.
    """
    stepper = _batch_stepper(network, loss, x, y)
    stepper.next_phase()
    stepper.next_phase()
    assert stepper.phase is Phase.UPDATE
    trace = stepper.trace
    assert trace is not None and trace.grad is not None and trace.cost is not None
    backprop = trace.grad.copy()
    cost = trace.cost
    entries: list[GradCheckEntry] = []
    net = stepper.network
    for layer in range(1, net.depth + 1):
        for kind, (start, stop, shape) in net.layout[layer].items():
            for flat in range(start, stop):
                numeric = _numeric(stepper, flat, steps)
                g = float(backprop[flat])
                error = abs(g - numeric) / max(abs(g), abs(numeric), FLOOR)
                index = tuple(int(i) for i in np.unravel_index(flat - start, shape))
                entries.append(GradCheckEntry(layer, kind, index, g, float(numeric), float(error)))
    return GradCheckReport(entries, cost)
