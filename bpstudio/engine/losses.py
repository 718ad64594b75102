"""Per-sample losses L(y, ŷ) and the output error term δᴸ = ∂L/∂zᴸ.

The cost of a batch is J = (1/m) Σ L, exactly the article's vectorised form; the 1/m is applied
when gradients are formed, so δ stays the per-sample error term the article prints.
"""

from __future__ import annotations

import functools

import numpy as np
from numpy.typing import NDArray

from bpstudio.engine import activations
from bpstudio.engine.errors import EngineError

Array = NDArray[np.float64]

LOSSES = ("half_sse", "mse", "huber", "binary_cross_entropy", "cross_entropy")
HUBER_DELTA = 1.0  # the Huber loss's threshold (PyTorch's nn.HuberLoss default)


def check_compatible(loss: str, output_activation: str) -> None:
    """Refuse pairings whose loss would take log(0) or is undefined."""
    if loss not in LOSSES:
        raise EngineError(f"unknown loss {loss!r}; expected one of {', '.join(LOSSES)}", field="loss")
    if loss == "binary_cross_entropy" and output_activation != "sigmoid":
        raise EngineError(
            "loss binary_cross_entropy needs a sigmoid output layer "
            f"(the output layer uses {output_activation})",
            field="loss",
        )
    if loss == "cross_entropy" and output_activation != "softmax":
        raise EngineError(
            f"loss cross_entropy needs a softmax output layer (the output layer uses {output_activation})",
            field="loss",
        )
    if output_activation == "softmax" and loss != "cross_entropy":
        raise EngineError("a softmax output layer is trained with the cross_entropy loss", field="loss")


def _softplus(z: Array) -> Array:
    """log(1 + e^z) without overflow."""
    return np.maximum(z, 0.0) + np.log1p(np.exp(-np.abs(z)))


_HALF = np.array(0.5)


@functools.cache
def _ones(n: int) -> Array:
    ones = np.ones(n)
    ones.flags.writeable = False
    return ones


def _row_sums(values: Array) -> Array:
    """Σₖ over each row, as one matrix-vector product (cheapest on tiny arrays)."""
    return np.dot(values, _ones(values.shape[1]))


def per_sample(loss: str, y: Array, a: Array, z: Array) -> Array:
    """L for each sample of the batch, shape (m,)."""
    if loss == "half_sse":
        d = y - a
        return _row_sums(d * d) * _HALF
    if loss == "mse":
        d = y - a
        return _row_sums(d * d) / y.shape[1]
    if loss == "huber":
        # mean over the outputs of ½d² for |d| < δ and δ(|d| − ½δ) beyond, as nn.HuberLoss
        d = a - y
        size = np.abs(d)
        terms = np.where(size < HUBER_DELTA, _HALF * d * d, HUBER_DELTA * (size - _HALF * HUBER_DELTA))
        return _row_sums(terms) / y.shape[1]
    if loss == "binary_cross_entropy":
        # -(y log σ(z) + (1-y) log(1-σ(z))) = softplus(z) - y z, computed from the logits.
        return np.mean(_softplus(z) - y * z, axis=1)
    if loss == "cross_entropy":
        zmax = z.max(axis=1, keepdims=True)
        log_softmax = z - zmax - np.log(np.exp(z - zmax).sum(axis=1, keepdims=True))
        return -np.einsum("ij,ij->i", y, log_softmax)
    raise EngineError(f"unknown loss {loss!r}")


def output_delta(loss: str, activation: str, y: Array, a: Array, z: Array, slope: float) -> Array:
    """δᴸ = ∂L/∂zᴸ per sample (fused for sigmoid+BCE and softmax+CE, which stay finite)."""
    if loss == "binary_cross_entropy":
        return (a - y) / y.shape[1]
    if loss == "cross_entropy":
        return a * y.sum(axis=1, keepdims=True) - y
    if loss == "half_sse":
        grad_a = a - y
    elif loss == "mse":
        grad_a = (2.0 / y.shape[1]) * (a - y)
    elif loss == "huber":
        grad_a = np.clip(a - y, -HUBER_DELTA, HUBER_DELTA) / y.shape[1]
    else:
        raise EngineError(f"unknown loss {loss!r}")
    return activations.BACKWARD[activation](z, a, grad_a, slope)
