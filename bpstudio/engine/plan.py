"""The layer plan: what the hot path needs of each layer, looked up once per structure.

A speed trick only: W, a transposed view Wᵀ, b, the activation's g and g′, and the views of
the two gradient buffers are found once (not on every step) and rebuilt whenever the structure
or the parameter vector changes. Batch normalisation is reached through two hooks, so the
algorithm's module (`engine.backprop`) does not need to know how it is computed.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from bpstudio.engine import activations, batchnorm
from bpstudio.engine.network import Network
from bpstudio.engine.optimizers import Workspace
from bpstudio.engine.trace import LayerTrace, Trace

Array = NDArray[np.float64]


@dataclass(slots=True)
class LayerPlan:
    """One layer's parameters (views into theta), activation and gradient views."""

    W: Array
    WT: Array
    b: Array
    activation: str
    forward: Callable[[Array, float], Array]  # a = g(z)
    backward: Callable[[Array, Array, Array, float], Array]  # δ = ∂L/∂a ⊙ g′(z)
    slope: float
    # z → u (batch norm) and δ of u → δ of z; None for a layer without batch norm.
    normalise: Callable[[Trace, Array], Array] | None
    denormalise: Callable[[LayerTrace, Array, dict[str, Array]], Array] | None
    grad_views: tuple[dict[str, Array], dict[str, Array]]


def plan_layers(network: Network, ws: Workspace) -> list[LayerPlan]:
    """The plan of every layer, indexed by layer number (entry 0, the input, is never used)."""
    grad_views = (network.views(ws.grad_buffer(0)), network.views(ws.grad_buffer(1)))
    plan = [
        LayerPlan(
            W=network.W(layer),
            WT=network.W(layer).T,
            b=network.b(layer),
            activation=spec.activation,
            forward=activations.FORWARD[spec.activation],
            backward=activations.BACKWARD[spec.activation],
            slope=spec.leaky_slope,
            normalise=functools.partial(batchnorm.forward, network, layer) if spec.batch_norm else None,
            denormalise=functools.partial(batchnorm.backward, network, layer) if spec.batch_norm else None,
            grad_views=(grad_views[0][layer], grad_views[1][layer]),
        )
        for layer, spec in enumerate(network.specs)
        if layer > 0
    ]
    return [plan[0], *plan]
