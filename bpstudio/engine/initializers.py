"""Seeded weight initialisers: the same seed gives the same network on every machine."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from bpstudio.engine.errors import EngineError
from bpstudio.engine.network import Network

INITIALIZERS = ("xavier_uniform", "xavier_normal", "he_uniform", "he_normal", "uniform", "normal")


@dataclass(frozen=True)
class InitConfig:
    """`a`, `b` are the bounds of `uniform`; `std` is the spread of `normal`."""

    scheme: str = "xavier_uniform"
    seed: int = 0
    a: float = -0.5
    b: float = 0.5
    std: float = 0.1
    bias: float = 0.0


def initialize(network: Network, config: InitConfig) -> None:
    """Fill every W from the scheme, every b with the bias constant; γ=1, β=0, stats reset."""
    if config.scheme not in INITIALIZERS:
        raise EngineError(f"unknown initialiser {config.scheme!r}; expected one of {', '.join(INITIALIZERS)}")
    if config.scheme == "uniform" and not config.a < config.b:
        raise EngineError(f"uniform(a, b) needs a < b, got a={config.a}, b={config.b}")
    if config.scheme == "normal" and not config.std > 0:
        raise EngineError(f"normal(std) needs std > 0, got {config.std}")
    rng = np.random.default_rng(config.seed)
    for layer in range(1, network.depth + 1):
        w = network.W(layer)
        fan_out, fan_in = w.shape
        if config.scheme == "xavier_uniform":
            limit = math.sqrt(6.0 / (fan_in + fan_out))
            w[:] = rng.uniform(-limit, limit, size=w.shape)
        elif config.scheme == "xavier_normal":
            w[:] = rng.normal(0.0, math.sqrt(2.0 / (fan_in + fan_out)), size=w.shape)
        elif config.scheme == "he_uniform":
            limit = math.sqrt(6.0 / fan_in)
            w[:] = rng.uniform(-limit, limit, size=w.shape)
        elif config.scheme == "he_normal":
            w[:] = rng.normal(0.0, math.sqrt(2.0 / fan_in), size=w.shape)
        elif config.scheme == "uniform":
            w[:] = rng.uniform(config.a, config.b, size=w.shape)
        else:
            w[:] = rng.normal(0.0, config.std, size=w.shape)
        network.b(layer)[:] = config.bias
        if network.specs[layer].batch_norm:
            network.gamma(layer)[:] = 1.0
            network.beta(layer)[:] = 0.0
            mean, var = network.running_mean[layer], network.running_var[layer]
            assert mean is not None and var is not None
            mean[:] = 0.0
            var[:] = 1.0
