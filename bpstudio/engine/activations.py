"""Activation functions g and their derivatives g'(z), vectorised over (samples, neurons)."""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

Array = NDArray[np.float64]

ACTIVATIONS = ("sigmoid", "tanh", "relu", "leaky_relu", "linear", "softmax")
DEFAULT_LEAKY_SLOPE = 0.01
# exp(709) is the largest finite power of e in float64; raising z to at least -700 keeps e^-z
# finite and leaves every z > -700 bit-identical to the textbook 1 / (1 + e^-z).
_SIGMOID_FLOOR = -700.0


def forward(name: str, z: Array, slope: float = DEFAULT_LEAKY_SLOPE) -> Array:
    """a = g(z)."""
    if name == "sigmoid":
        t = np.maximum(z, _SIGMOID_FLOOR)
        np.negative(t, out=t)
        np.exp(t, out=t)
        t += 1.0
        return np.reciprocal(t, out=t)
    if name == "tanh":
        return np.tanh(z)
    if name == "relu":
        return np.maximum(z, 0.0)
    if name == "leaky_relu":
        return np.where(z > 0.0, z, slope * z)
    if name == "linear":
        return z.copy()
    if name == "softmax":
        shifted = z - z.max(axis=1, keepdims=True)
        e = np.exp(shifted)
        e /= e.sum(axis=1, keepdims=True)
        return e
    raise ValueError(f"unknown activation {name!r}")


def derivative(name: str, z: Array, a: Array, slope: float = DEFAULT_LEAKY_SLOPE) -> Array:
    """g'(z) elementwise (softmax has a full Jacobian: use `backward` instead)."""
    if name == "sigmoid":
        return a * (1.0 - a)
    if name == "tanh":
        return 1.0 - a * a
    if name == "relu":
        return (z > 0.0).astype(np.float64)
    if name == "leaky_relu":
        return np.where(z > 0.0, 1.0, slope)
    if name == "linear":
        return np.ones_like(z)
    raise ValueError(f"activation {name!r} has no elementwise derivative")


def backward(name: str, z: Array, a: Array, grad_a: Array, slope: float = DEFAULT_LEAKY_SLOPE) -> Array:
    """δ = ∂L/∂z from ∂L/∂a: g'(z) ⊙ ∂L/∂a, or the softmax Jacobian-vector product."""
    if name == "softmax":
        return a * (grad_a - (grad_a * a).sum(axis=1, keepdims=True))
    if name == "sigmoid":
        return grad_a * a * (1.0 - a)
    return grad_a * derivative(name, z, a, slope)
