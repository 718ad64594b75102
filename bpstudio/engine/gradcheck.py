"""Gradient check: backpropagation against central differences, parameter by parameter.

The numerical derivative uses the fourth-order central stencil
(−J(θ+2h) + 8J(θ+h) − 8J(θ−h) + J(θ−2h)) / 12h at several step sizes h. Too large an h suffers
from curvature (batch norm over a batch of nearly equal values curves sharply), too small an h
from rounding; the two neighbouring step sizes whose estimates agree best bracket the reliable
range, and the smaller of them is used. So a failure points at the backward pass and not at the
finite differences.

**Comparing.** The relative error of an entry is |g − ĝ| / max(|g|, |ĝ|, FLOOR, R/DEFAULT_TOLERANCE).
The last two terms are absolute floors, for gradients too small to be compared relatively:

* FLOOR: a gradient that is zero up to rounding is compared in absolute terms (to
  FLOOR·DEFAULT_TOLERANCE = 1e-10) instead of reading as a large relative error;
* R is what rounding alone can make the stencil wrong by. Each J(θ + kh) is a float64 sum
  and is off by a few units in the last place of |J|, at most about ROUNDING_ULPS·ε·|J|
  (ε = 2⁻⁵²); the stencil weighs its four values by (1 + 8 + 8 + 1)/12h, so
  R = 1.5·ROUNDING_ULPS·ε·max|J|/h for the step size h used. An absolute difference of R reads
  as the default tolerance. Without it a large cost with a gradient that is zero (a linear
  layer feeding batch norm, half_sse over two samples: J ≈ 0.9, h = 1e-6, ĝ ≈ 2e-10 where
  backprop says 0) fails at 1e-10 although backprop is exact: rounding of J is not an error.

**Kinks.** ReLU and leaky ReLU have no derivative at 0 (ELU and the Huber loss at |ŷ − y| = δ
have no second derivative there), and backprop then uses one side's slope while a stencil that
straddles the point averages both sides. So every evaluation of J also records on which side of
each kink every unit and output lies (`engine.activations.KINKS`, `engine.losses.HUBER_DELTA`);
a step size whose stencil crosses a kink is not used, and a parameter for which every step size
crosses one (a sample within the smallest step of the kink, typically exactly on it) is
reported as sitting at a non-differentiable point (`GradCheckEntry.kink`) and not compared.

**Large networks.** Each parameter costs 4 × len(STEPS) feed-forward passes of the whole
dataset, each about (parameters × samples) multiply-adds. When comparing every parameter would
pass `limits.CHECK_WORK`, the check compares as many as fit (`budget`, never fewer than
`limits.CHECK_MIN_PARAMETERS`), chosen deterministically (evenly spread over every layer and
kind, so each W, b, γ and β is represented); `GradCheckReport.total` says how many there are. `progress` is called
after each parameter for a caller that shows how far the check has come.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from bpstudio.engine import limits
from bpstudio.engine.activations import KINKS
from bpstudio.engine.batching import Dataset, TrainingConfig
from bpstudio.engine.losses import HUBER_DELTA
from bpstudio.engine.network import Network
from bpstudio.engine.optimizers import OptimizerConfig
from bpstudio.engine.stepper import Stepper
from bpstudio.engine.trace import Phase

Array = NDArray[np.float64]
Mask = NDArray[np.bool_]
FLOOR = 1e-4  # below this size, gradients are compared in absolute terms (to 1e-10)
DEFAULT_TOLERANCE = 1e-6
ROUNDING_ULPS = 4.0  # how many units in the last place of |J| one evaluation of J may be off by
STENCIL_WEIGHT = (1.0 + 8.0 + 8.0 + 1.0) / 12.0
EPSILON = float(np.finfo(np.float64).eps)


@dataclass(frozen=True)
class GradCheckEntry:
    layer: int
    kind: str  # W, b, gamma or beta
    index: tuple[int, ...]
    backprop: float
    numeric: float
    relative_error: float
    kink: bool = False  # every step size crossed a non-differentiable point: not compared
    rounding: float = 0.0  # R, the difference rounding of J alone can explain


@dataclass
class GradCheckReport:
    entries: list[GradCheckEntry]
    cost: float
    total: int = 0  # parameters of the network (entries holds a sample when it has many)

    @property
    def compared(self) -> list[GradCheckEntry]:
        """The entries at differentiable points: the ones the check judges."""
        return [e for e in self.entries if not e.kink]

    @property
    def kinks(self) -> list[GradCheckEntry]:
        """The entries whose samples sit on a kink (not compared)."""
        return [e for e in self.entries if e.kink]

    @property
    def sampled(self) -> bool:
        return len(self.entries) < self.total

    @property
    def worst(self) -> GradCheckEntry | None:
        return max(self.compared, key=lambda e: e.relative_error, default=None)

    def passed(self, tolerance: float = DEFAULT_TOLERANCE) -> bool:
        worst = self.worst
        return worst is None or worst.relative_error < tolerance


def _batch_stepper(network: Network, loss: str, x: Array, y: Array) -> Stepper:
    """A stepper whose one batch is the whole of (x, y), on a private copy of the network."""
    data = Dataset(np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64))
    return Stepper(network.copy(), loss, OptimizerConfig(), TrainingConfig(batch_size=data.size), data)


def _sides(stepper: Stepper) -> list[Mask]:
    """On which side of its kink each unit (and, for Huber, each output) lies after FEEDFORWARD."""
    trace = stepper.trace
    assert trace is not None
    sides = []
    for layer in range(1, stepper.network.depth + 1):
        kink = KINKS.get(stepper.network.specs[layer].activation)
        u = trace.layers[layer].u
        if kink is not None and u is not None:
            sides.append(u > kink)
    if stepper.loss == "huber":
        a = trace.layers[stepper.network.depth].a
        assert a is not None
        sides.append(np.abs(a - trace.y) < HUBER_DELTA)
    return sides


def _cost(stepper: Stepper) -> tuple[float, list[Mask]]:
    stepper.restart_step()
    stepper.next_phase()
    assert stepper.trace is not None and stepper.trace.cost is not None
    return stepper.trace.cost, _sides(stepper)


def _same_sides(first: list[Mask], second: list[Mask]) -> bool:
    return all(np.array_equal(a, b) for a, b in zip(first, second, strict=True))


STEPS = (1e-3, 1e-4, 1e-5, 1e-6)


@dataclass(frozen=True)
class _Numeric:
    value: float
    rounding: float  # R of the step size used
    kink: bool  # every step size crossed a kink


def _numeric(stepper: Stepper, flat: int, steps: tuple[float, ...], sides: list[Mask]) -> _Numeric:
    """The derivative of J in parameter `flat`, from the most trustworthy step size."""
    theta = stepper.network.theta
    original = float(theta[flat])
    scale = max(1.0, abs(original))
    estimates: list[tuple[float, float]] = []  # (estimate, R) of the step sizes that cross no kink
    for step in steps:
        h = step * scale
        values = []
        smooth = True
        for offset in (2.0, 1.0, -1.0, -2.0):
            theta[flat] = original + offset * h
            value, at = _cost(stepper)
            values.append(value)
            smooth = smooth and _same_sides(sides, at)
        theta[flat] = original
        if smooth:
            estimate = (-values[0] + 8.0 * values[1] - 8.0 * values[2] + values[3]) / (12.0 * h)
            rounding = STENCIL_WEIGHT * ROUNDING_ULPS * EPSILON * max(abs(v) for v in values) / h
            estimates.append((estimate, rounding))
    if not estimates:
        return _Numeric(float("nan"), 0.0, True)
    if len(estimates) == 1:
        return _Numeric(estimates[0][0], estimates[0][1], False)
    best = min(range(len(estimates) - 1), key=lambda k: abs(estimates[k][0] - estimates[k + 1][0]))
    return _Numeric(estimates[best + 1][0], estimates[best + 1][1], False)


def budget(parameters: int, samples: int, steps: int = len(STEPS)) -> int:
    """How many parameters a check compares within limits.CHECK_WORK (all when they fit)."""
    per_parameter = 4 * steps * max(1, parameters) * max(1, samples)
    return min(parameters, max(limits.CHECK_MIN_PARAMETERS, limits.CHECK_WORK // per_parameter))


def chosen_parameters(network: Network, budget: int) -> list[int]:
    """Which flat indices a check of at most `budget` parameters looks at (all when they fit).

    Deterministic: each layer's kind (W, b, γ, β) gets a share of the budget in proportion to its
    size, at least one, spread evenly over its entries (first and last included).
    """
    total = network.parameter_count
    if total <= budget:
        return list(range(total))
    chosen: list[int] = []
    for layer in range(1, network.depth + 1):
        for start, stop, _ in network.layout[layer].values():
            share = max(1, (stop - start) * budget // total)
            chosen.extend(int(i) for i in np.unique(np.linspace(start, stop - 1, share).round()))
    return chosen


def gradient_check(
    network: Network,
    loss: str,
    x: Array,
    y: Array,
    steps: tuple[float, ...] = STEPS,
    limit: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> GradCheckReport:
    """Compare ∂J/∂θ from backprop with the numerical derivative, for every parameter or for
    `limit` of them (default: `budget`) when the network has more (see the module docstring).

    J is the cost of (x, y) taken as one batch (batch norm uses its statistics). The network
    passed in is not modified. `progress(done, count)` is called after each parameter.
    """
    stepper = _batch_stepper(network, loss, x, y)
    stepper.next_phase()
    sides = _sides(stepper)
    stepper.next_phase()
    assert stepper.phase is Phase.UPDATE
    trace = stepper.trace
    assert trace is not None and trace.grad is not None and trace.cost is not None
    backprop = trace.grad.copy()
    cost = trace.cost
    entries: list[GradCheckEntry] = []
    net = stepper.network
    count = budget(net.parameter_count, len(x), len(steps)) if limit is None else limit
    chosen = chosen_parameters(net, count)
    for done, flat in enumerate(chosen, start=1):
        layer, kind, start, shape = _place(net, flat)
        numeric = _numeric(stepper, flat, steps, sides)
        g = float(backprop[flat])
        if numeric.kink:
            error = 0.0
        else:
            floor = max(FLOOR, numeric.rounding / DEFAULT_TOLERANCE)
            error = abs(g - numeric.value) / max(abs(g), abs(numeric.value), floor)
        index = tuple(int(i) for i in np.unravel_index(flat - start, shape))
        entries.append(
            GradCheckEntry(
                layer, kind, index, g, float(numeric.value), float(error), numeric.kink, numeric.rounding
            )
        )
        if progress is not None:
            progress(done, len(chosen))
    return GradCheckReport(entries, cost, net.parameter_count)


def _place(network: Network, flat: int) -> tuple[int, str, int, tuple[int, ...]]:
    """The layer, kind, first flat index and shape of the parameter at `flat`."""
    for layer in range(1, network.depth + 1):
        for kind, (start, stop, shape) in network.layout[layer].items():
            if start <= flat < stop:
                return layer, kind, start, shape
    raise IndexError(flat)
