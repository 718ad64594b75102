"""Divergence that hides in the optimizer's moments or batch norm's running statistics.

Adam's v = β₂v + (1 − β₂)g² overflows for a gradient of 1e155 and more while the step m/√v stays
small and θ finite; a running variance overflows for z of that size while ẑ stays 0. Such a
step must be refused like a non-finite parameter, naming step, phase, layer and which state,
and must change nothing; a step that is not refused leaves every state finite, so it can be
saved and opened again.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bpstudio.document.fileformat import NetworkFile, loads
from bpstudio.document.fileformat.write import dumps
from bpstudio.engine import LayerSpec, Network, NonFiniteError, Stepper
from bpstudio.engine.batching import Dataset, TrainingConfig
from bpstudio.engine.checks import check_state
from bpstudio.engine.optimizers import OPTIMIZERS, OptimizerConfig


def _linear(weight: float, x: float, optimizer: str = "adam") -> Stepper:
    net = Network([LayerSpec(1), LayerSpec(1, "linear")])
    net.W(1)[0, 0] = weight
    data = Dataset(np.array([[x]]), np.array([[0.0]]))
    return Stepper(net, "half_sse", OptimizerConfig(optimizer, learning_rate=0.01), TrainingConfig(1), data)


def _everything(stepper: Stepper) -> list[np.ndarray]:
    net = stepper.network
    running = [a.copy() for a in (*net.running_mean, *net.running_var) if a is not None]
    return [net.theta.copy(), *(b.copy() for b in stepper.optimizer_state.buffers.values()), *running]


def test_an_infinite_adam_v_is_refused_though_the_parameters_stay_finite() -> None:
    stepper = _linear(1e-10, 1e155)  # a = 1e145, ∂J/∂W = a·x = 1e300, g² = inf
    before = _everything(stepper)
    with pytest.raises(NonFiniteError) as caught:
        stepper.step()
    error = caught.value
    assert (error.step, error.phase, error.layer, error.quantity) == (0, "update", 1, "v")
    assert error.value == math.inf
    assert "Adam's second moment v" in str(error) and "layer 1" in str(error)
    assert all(np.array_equal(a, b) for a, b in zip(before, _everything(stepper), strict=True))
    assert stepper.steps_done == 0 and stepper.optimizer_state.t == 0


def test_an_infinite_running_variance_is_refused() -> None:
    net = Network([LayerSpec(1), LayerSpec(2, "linear", batch_norm=True), LayerSpec(1, "linear")])
    net.W(1)[:] = 1.0
    net.W(2)[:] = 1.0
    data = Dataset(np.array([[1e160], [-1e160]]), np.array([[0.0], [1.0]]))  # (z − μ)² = inf
    stepper = Stepper(net, "half_sse", OptimizerConfig("sgd"), TrainingConfig(2), data)
    before = _everything(stepper)
    with pytest.raises(NonFiniteError) as caught:
        stepper.step()
    error = caught.value
    assert (error.phase, error.layer, error.quantity) == ("update", 1, "running_var")
    assert "the running variance" in str(error)
    assert all(np.array_equal(a, b) for a, b in zip(before, _everything(stepper), strict=True))


@pytest.mark.parametrize("name", ["velocity", "m", "v"])
def test_each_moment_is_named_with_the_layer_of_its_entry(name: str) -> None:
    net = Network([LayerSpec(2), LayerSpec(3, "tanh"), LayerSpec(1, "linear")])
    buffer = np.zeros(net.parameter_count)
    start, _, _ = net.layout[2]["b"]
    buffer[start] = -math.inf
    with pytest.raises(NonFiniteError) as caught:
        check_state(net, {name: buffer}, {}, 41)
    assert (caught.value.step, caught.value.layer, caught.value.quantity) == (41, 2, name)
    assert str(caught.value).startswith("step 42, update phase, layer 2: ")


@settings(max_examples=40, deadline=None)
@given(
    optimizer=st.sampled_from(OPTIMIZERS),
    batch_norm=st.booleans(),
    scale=st.integers(0, 200),
    steps=st.integers(1, 3),
    seed=st.integers(0, 2**16),
)
def test_training_that_is_not_refused_can_always_be_saved(
    optimizer: str, batch_norm: bool, scale: int, steps: int, seed: int
) -> None:
    """Whatever the size of the numbers, a step either raises NonFiniteError (changing nothing)
    or leaves parameters, moments and running statistics finite: the file saves and reopens."""
    rng = np.random.default_rng(seed)
    net = Network([LayerSpec(2), LayerSpec(3, "linear", batch_norm=batch_norm), LayerSpec(1, "linear")])
    net.theta[:] = rng.normal(size=net.parameter_count)
    x = rng.normal(size=(4, 2)) * 10.0**scale
    data = Dataset(x, rng.normal(size=(4, 1)))
    config = OptimizerConfig(optimizer, learning_rate=0.01)
    stepper = Stepper(net, "half_sse", config, TrainingConfig(2, shuffle=False), data)
    for _ in range(steps):
        before = _everything(stepper)
        try:
            stepper.step()
        except NonFiniteError:
            assert all(np.array_equal(a, b) for a, b in zip(before, _everything(stepper), strict=True))
            stepper.restart_step()
            break
    assert all(np.isfinite(a).all() for a in _everything(stepper))
    text = dumps(NetworkFile("probe", "", stepper))
    assert loads(text).stepper.steps_done == stepper.steps_done
