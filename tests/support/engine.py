"""Builders shared by the engine tests (plain functions, no Qt)."""

from __future__ import annotations

import numpy as np

from bpstudio.engine import Dataset, LayerSpec, Network, OptimizerConfig, Stepper, TrainingConfig


def article_network() -> Network:
    net = Network([LayerSpec(2), LayerSpec(2, "sigmoid"), LayerSpec(1, "sigmoid")])
    net.W(1)[:] = [[0.10, -0.20], [0.30, 0.25]]
    net.b(1)[:] = [0.01, -0.02]
    net.W(2)[:] = [[0.80, 0.90]]
    net.b(2)[:] = [0.10]
    return net


def article_stepper(optimizer: OptimizerConfig | None = None) -> Stepper:
    return Stepper(
        article_network(),
        "half_sse",
        optimizer or OptimizerConfig("sgd", 0.1),
        TrainingConfig(batch_size=1),
        Dataset(np.array([[0.2, 0.4]]), np.array([[1.0]])),
    )
