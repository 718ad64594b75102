"""Activation functions g and their derivatives g'(z), vectorised over (samples, neurons)."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from numpy.typing import NDArray

Array = NDArray[np.float64]

ACTIVATIONS = ("sigmoid", "tanh", "relu", "leaky_relu", "elu", "linear", "softmax")
DEFAULT_LEAKY_SLOPE = 0.01
# Where g is not smooth: ReLU and leaky ReLU change slope at 0, ELU its curvature (g″ jumps).
# The gradient check reads this to recognise a sample sitting on (or within a step of) a kink.
KINKS: dict[str, float] = {"relu": 0.0, "leaky_relu": 0.0, "elu": 0.0}
# The table functions below may overflow internally in a harmless way (e^-z = inf for z < -709
# gives σ(z) = 1/(1 + inf) = 0, the correct limit); callers on the hot path run them under
# np.errstate, and the public wrappers do that themselves.
_QUIET = {"over": "ignore", "under": "ignore"}
# NumPy converts a Python float operand on every call; a 0-d array constant skips that, which
# is most of the cost of an operation on the article's tiny arrays. Same float64 arithmetic.
ONE = np.array(1.0)


def _sigmoid(z: Array, slope: float) -> Array:
    """The textbook 1 / (1 + e^-z), bit for bit."""
    t = np.negative(z)
    np.exp(t, out=t)
    np.add(t, ONE, out=t)
    return np.reciprocal(t, out=t)


def _elu(z: Array, slope: float) -> Array:
    """ELU with α = 1, as PyTorch's nn.ELU: z for z > 0, e^z − 1 otherwise (expm1 keeps small
    negative z exact; the minimum keeps e^z of a large positive z from overflowing)."""
    return np.where(z > 0.0, z, np.expm1(np.minimum(z, 0.0)))


def _elu_slope(z: Array) -> Array:
    """ELU′: 1 for z > 0, e^z otherwise (PyTorch's backward computes e^z too, not a + 1)."""
    return np.where(z > 0.0, 1.0, np.exp(np.minimum(z, 0.0)))


def _softmax(z: Array, slope: float) -> Array:
    shifted = z - z.max(axis=1, keepdims=True)
    e = np.exp(shifted)
    e /= e.sum(axis=1, keepdims=True)
    return e


FORWARD: dict[str, Callable[[Array, float], Array]] = {
    "sigmoid": _sigmoid,
    "tanh": lambda z, slope: np.tanh(z),
    "relu": lambda z, slope: np.maximum(z, 0.0),
    "leaky_relu": lambda z, slope: np.where(z > 0.0, z, slope * z),
    "elu": _elu,
    "linear": lambda z, slope: z.copy(),
    "softmax": _softmax,
}

DERIVATIVE: dict[str, Callable[[Array, Array, float], Array]] = {
    "sigmoid": lambda z, a, slope: a * (ONE - a),
    "tanh": lambda z, a, slope: ONE - a * a,
    "relu": lambda z, a, slope: (z > 0.0).astype(np.float64),
    "leaky_relu": lambda z, a, slope: np.where(z > 0.0, 1.0, slope),
    "elu": lambda z, a, slope: _elu_slope(z),
    "linear": lambda z, a, slope: np.ones_like(z),
}

# δ = ∂L/∂z from ∂L/∂a: g'(z) ⊙ ∂L/∂a, or the softmax Jacobian-vector product.
BACKWARD: dict[str, Callable[[Array, Array, Array, float], Array]] = {
    "sigmoid": lambda z, a, grad_a, slope: grad_a * a * (ONE - a),
    "tanh": lambda z, a, grad_a, slope: grad_a * (ONE - a * a),
    "relu": lambda z, a, grad_a, slope: grad_a * (z > 0.0),
    "leaky_relu": lambda z, a, grad_a, slope: grad_a * np.where(z > 0.0, 1.0, slope),
    "elu": lambda z, a, grad_a, slope: grad_a * _elu_slope(z),
    "linear": lambda z, a, grad_a, slope: grad_a.copy(),
    "softmax": lambda z, a, grad_a, slope: a * (grad_a - (grad_a * a).sum(axis=1, keepdims=True)),
}


def forward(name: str, z: Array, slope: float = DEFAULT_LEAKY_SLOPE) -> Array:
    """a = g(z)."""
    with np.errstate(**_QUIET):  # type: ignore[arg-type]
        return FORWARD[name](z, slope)


def derivative(name: str, z: Array, a: Array, slope: float = DEFAULT_LEAKY_SLOPE) -> Array:
    """g'(z) elementwise (softmax has a full Jacobian: use `backward` instead)."""
    if name not in DERIVATIVE:
        raise ValueError(f"activation {name!r} has no elementwise derivative")
    return DERIVATIVE[name](z, a, slope)


def backward(name: str, z: Array, a: Array, grad_a: Array, slope: float = DEFAULT_LEAKY_SLOPE) -> Array:
    """δ = ∂L/∂z from ∂L/∂a."""
    with np.errstate(**_QUIET):  # type: ignore[arg-type]
        return BACKWARD[name](z, a, grad_a, slope)
