"""Batch normalisation of a hidden layer, with the semantics of torch.nn.BatchNorm1d in training.

Between z and the activation the layer computes ẑ = (z − μ)/√(σ² + ε) over the batch and
u = γ ẑ + β, then a = g(u). The running statistics (for prediction) move by BN_MOMENTUM towards
the batch's mean and unbiased variance, but only in UPDATE: until then they wait in the trace.
`engine.backprop` calls `forward` and `backward` through the layer plan when a layer has it.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from bpstudio.engine.network import BN_EPSILON, BN_MOMENTUM, Network
from bpstudio.engine.trace import LayerTrace, Trace

Array = NDArray[np.float64]


def forward(network: Network, layer: int, trace: Trace, z: Array) -> Array:
    """ẑ = (z − μ)/√(σ² + ε), u = γ ẑ + β; the running statistics wait for UPDATE."""
    lt = trace.layers[layer]
    m = z.shape[0]
    mean = z.mean(axis=0)
    centred = z - mean
    var = (centred * centred).mean(axis=0)
    z_hat = centred / np.sqrt(var + BN_EPSILON)
    lt.batch_mean, lt.batch_var, lt.z_hat = mean, var, z_hat
    rm, rv = network.running_mean[layer], network.running_var[layer]
    assert rm is not None and rv is not None
    trace.running_after[layer] = (
        (1.0 - BN_MOMENTUM) * rm + BN_MOMENTUM * mean,
        (1.0 - BN_MOMENTUM) * rv + BN_MOMENTUM * var * (m / (m - 1)),
    )
    return z_hat * network.gamma(layer) + network.beta(layer)


def backward(network: Network, layer: int, lt: LayerTrace, delta_u: Array, views: dict[str, Array]) -> Array:
    """From δ of u = γ ẑ + β to δ of z, through the batch statistics; fills ∂J/∂γ, ∂J/∂β."""
    z_hat, var = lt.z_hat, lt.batch_var
    assert z_hat is not None and var is not None
    g_gamma, g_beta = views["gamma"], views["beta"]
    g_gamma[:] = (delta_u * z_hat).mean(axis=0)
    g_beta[:] = delta_u.mean(axis=0)
    d_hat = delta_u * network.gamma(layer)
    lt.delta_u, lt.grad_gamma, lt.grad_beta = delta_u, g_gamma, g_beta
    return (d_hat - d_hat.mean(axis=0) - z_hat * (d_hat * z_hat).mean(axis=0)) / np.sqrt(var + BN_EPSILON)


def commit_running(network: Network, running_after: dict[int, tuple[Array, Array]]) -> None:
    """The step's new running statistics become the network's (in UPDATE)."""
    for layer, (mean, var) in running_after.items():
        rm, rv = network.running_mean[layer], network.running_var[layer]
        assert rm is not None and rv is not None
        rm[:] = mean
        rv[:] = var
