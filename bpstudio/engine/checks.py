"""Where a NaN or an Inf came from, once a phase has found one.

The hot path checks one number per phase (the cost after FEEDFORWARD, the sum of the gradient
after BACKWARD, the new parameters in UPDATE); only when that check fails do these functions
walk the trace to name the first layer and quantity that is not finite.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import NDArray

from bpstudio.engine.errors import NonFiniteError
from bpstudio.engine.network import Network
from bpstudio.engine.optimizers import all_finite
from bpstudio.engine.trace import Trace

Array = NDArray[np.float64]


def first_bad(values: Array) -> float:
    """The first value that is not a finite number."""
    return float(values.flat[int(np.flatnonzero(~np.isfinite(values))[0])])


def report_forward(trace: Trace, depth: int, cost: float, step: int) -> None:
    """Raise NonFiniteError for the first z or a (left to right) that is not finite, else the cost."""
    for layer in range(1, depth + 1):
        lt = trace.layers[layer]
        for what, values in (("z", lt.z), ("a", lt.a)):
            if values is not None and not np.isfinite(values).all():
                raise NonFiniteError("feedforward", layer, what, first_bad(values), step)
    raise NonFiniteError("feedforward", depth, "cost", cost, step)


def report_backward(trace: Trace, depth: int, step: int) -> None:
    """Raise NonFiniteError for the first δ or gradient (right to left) that is not finite."""
    for layer in range(depth, 0, -1):
        lt = trace.layers[layer]
        for what, values in (
            ("δ", lt.delta),
            ("∂J/∂W", lt.grad_w),
            ("∂J/∂b", lt.grad_b),
            ("∂J/∂γ", lt.grad_gamma),
            ("∂J/∂β", lt.grad_beta),
        ):
            if values is not None and not np.isfinite(values).all():
                raise NonFiniteError("backward", layer, what, first_bad(values), step)
    raise NonFiniteError("backward", 1, "gradient", math.nan, step)


def report_update(network: Network, new_theta: Array, step: int, quantity: str = "parameter") -> None:
    """Raise NonFiniteError naming the layer of the first entry of `new_theta` (the parameters, or
    a moment of the optimizer in their layout: `quantity` says which) that is not finite."""
    bad = int(np.flatnonzero(~np.isfinite(new_theta))[0])
    layer = next(
        lyr
        for lyr in range(1, network.depth + 1)
        if any(start <= bad < stop for start, stop, _ in network.layout[lyr].values())
    )
    raise NonFiniteError("update", layer, quantity, float(new_theta[bad]), step)


def check_state(
    network: Network,
    buffers: dict[str, Array],
    running: dict[int, tuple[Array, Array]],
    step: int,
) -> None:
    """Refuse (NonFiniteError) an optimizer moment or a running statistic that is not finite.

    These overflow on their own: Adam's v = β₂v + (1 − β₂)g² passes 1.8e308 for a gradient of
    1e155 while the step it gives, m/√v, stays small and θ finite; a running variance does the
    same for z of that size. Left alone, training "succeeds" and the save is refused later.
    """
    total = 0.0  # one sum over every moment settles it almost always (the hot path)
    for values in buffers.values():
        total += np.add.reduce(values)
    if not math.isfinite(total):
        for name, values in buffers.items():
            if not all_finite(values):
                report_update(network, values, step, name)
    if not running:
        return
    for layer, (mean, var) in sorted(running.items()):
        for name, values in (("running_mean", mean), ("running_var", var)):
            if not np.isfinite(values).all():
                raise NonFiniteError("update", layer, name, first_bad(values), step)
