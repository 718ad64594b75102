"""Optimizer sequences against values derived by hand (scalar recurrences written out here).

The network is one linear neuron ŷ = w·x + b with the half squared error, so for the sample
(x, y) the gradient is g_w = (ŷ − y)·x and g_b = ŷ − y — easy to follow on paper.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from bpstudio.engine import Dataset, LayerSpec, Network, OptimizerConfig, Stepper, TrainingConfig

X, Y = 2.0, 1.0
W0, B0 = 0.5, -0.25


def make(config: OptimizerConfig) -> Stepper:
    net = Network([LayerSpec(1), LayerSpec(1, "linear")])
    net.W(1)[:] = [[W0]]
    net.b(1)[:] = [B0]
    return Stepper(net, "half_sse", config, TrainingConfig(), Dataset(np.array([[X]]), np.array([[Y]])))


def grads(w: float, b: float) -> tuple[float, float]:
    err = w * X + b - Y
    return err * X, err


def clip(gw: float, gb: float, max_norm: float | None) -> tuple[float, float]:
    if max_norm is None:
        return gw, gb
    norm = math.sqrt(gw * gw + gb * gb)
    coef = min(max_norm / (norm + 1e-6), 1.0)
    return gw * coef, gb * coef


def run(config: OptimizerConfig, steps: int) -> list[tuple[float, float]]:
    s = make(config)
    out = []
    for _ in range(steps):
        s.step()
        out.append((float(s.network.W(1)[0, 0]), float(s.network.b(1)[0])))
    return out


STEPS = 6


@pytest.mark.parametrize("weight_decay", [0.0, 0.05])
@pytest.mark.parametrize("clip_norm", [None, 0.3])
def test_sgd(weight_decay: float, clip_norm: float | None) -> None:
    lr = 0.1
    w, b = W0, B0
    expected = []
    for _ in range(STEPS):
        gw, gb = clip(*grads(w, b), clip_norm)
        gw += weight_decay * w  # weight decay on weights only, after clipping
        w, b = w - lr * gw, b - lr * gb
        expected.append((w, b))
    got = run(OptimizerConfig("sgd", lr, weight_decay=weight_decay, clip_norm=clip_norm), STEPS)
    np.testing.assert_allclose(got, expected, rtol=0, atol=1e-15)


@pytest.mark.parametrize("nesterov", [False, True])
@pytest.mark.parametrize("weight_decay", [0.0, 0.05])
def test_momentum_and_nesterov(nesterov: bool, weight_decay: float) -> None:
    lr, mu = 0.05, 0.9
    w, b = W0, B0
    vw = vb = 0.0
    expected = []
    for step in range(STEPS):
        gw, gb = grads(w, b)
        gw += weight_decay * w
        # torch.optim.SGD: the first step sets the buffer to the gradient itself
        vw, vb = (gw, gb) if step == 0 else (mu * vw + gw, mu * vb + gb)
        dw, db = (gw + mu * vw, gb + mu * vb) if nesterov else (vw, vb)
        w, b = w - lr * dw, b - lr * db
        expected.append((w, b))
    name = "nesterov" if nesterov else "momentum"
    got = run(OptimizerConfig(name, lr, momentum=mu, weight_decay=weight_decay), STEPS)
    np.testing.assert_allclose(got, expected, rtol=0, atol=1e-14)


@pytest.mark.parametrize("weight_decay", [0.0, 0.01])
@pytest.mark.parametrize("clip_norm", [None, 0.5])
def test_adam(weight_decay: float, clip_norm: float | None) -> None:
    lr, b1, b2, eps = 0.01, 0.9, 0.999, 1e-8
    w, b = W0, B0
    mw = mb = vw = vb = 0.0
    expected = []
    for t in range(1, STEPS + 1):
        gw, gb = clip(*grads(w, b), clip_norm)
        gw += weight_decay * w
        mw, mb = b1 * mw + (1 - b1) * gw, b1 * mb + (1 - b1) * gb
        vw, vb = b2 * vw + (1 - b2) * gw * gw, b2 * vb + (1 - b2) * gb * gb
        m_hat_w, m_hat_b = mw / (1 - b1**t), mb / (1 - b1**t)
        v_hat_w, v_hat_b = vw / (1 - b2**t), vb / (1 - b2**t)
        w -= lr * m_hat_w / (math.sqrt(v_hat_w) + eps)
        b -= lr * m_hat_b / (math.sqrt(v_hat_b) + eps)
        expected.append((w, b))
    got = run(OptimizerConfig("adam", lr, weight_decay=weight_decay, clip_norm=clip_norm), STEPS)
    np.testing.assert_allclose(got, expected, rtol=0, atol=1e-13)


def test_adam_first_step_moves_each_parameter_by_about_the_learning_rate() -> None:
    ((w, b),) = run(OptimizerConfig("adam", 0.01), 1)
    # both gradients are negative here (ŷ = 0.75 < y = 1), so both parameters grow by ≈ lr
    assert grads(W0, B0)[0] < 0 and grads(W0, B0)[1] < 0
    assert w == pytest.approx(W0 + 0.01, abs=1e-9) and b == pytest.approx(B0 + 0.01, abs=1e-9)


def test_weight_decay_leaves_biases_and_batch_norm_parameters_alone() -> None:
    net = Network([LayerSpec(2), LayerSpec(2, "tanh", batch_norm=True), LayerSpec(1, "linear")])
    net.W(1)[:] = [[0.3, -0.2], [0.1, 0.4]]
    net.W(2)[:] = [[0.5, -0.5]]
    data = Dataset(np.array([[0.0, 1.0], [1.0, 0.0], [1.0, 1.0], [0.5, 0.2]]), np.zeros((4, 1)))
    config = OptimizerConfig("sgd", 0.1, weight_decay=0.5)
    s = Stepper(net, "half_sse", config, TrainingConfig(batch_size=4), data)
    s.next_phase()
    s.next_phase()
    assert s.trace is not None and s.trace.grad is not None
    grad = s.trace.grad.copy()
    before = net.theta.copy()
    s.next_phase()
    step = (before - net.theta) / 0.1
    expected = grad + 0.5 * net.decay_mask * before
    np.testing.assert_allclose(step, expected, atol=1e-15)
    for layer in (1, 2):
        np.testing.assert_allclose(net.view(step, layer, "b"), net.view(grad, layer, "b"), atol=1e-15)
    np.testing.assert_allclose(net.view(step, 1, "gamma"), net.view(grad, 1, "gamma"), atol=1e-15)
    np.testing.assert_allclose(net.view(step, 1, "beta"), net.view(grad, 1, "beta"), atol=1e-15)


def test_clipping_scales_by_the_global_norm_and_reports_it() -> None:
    s = make(OptimizerConfig("sgd", 1.0, clip_norm=0.1))
    s.step()
    t = s.trace
    assert t is not None and t.update is not None
    gw, gb = grads(W0, B0)
    norm = math.hypot(gw, gb)
    assert t.update.grad_norm == pytest.approx(norm, rel=1e-15)
    assert t.update.clip_coef == pytest.approx(0.1 / (norm + 1e-6), rel=1e-15)
    assert math.hypot(*t.update.effective_grad) == pytest.approx(0.1, rel=1e-5)


def test_optimizer_state_is_in_the_trace_before_and_after() -> None:
    s = make(OptimizerConfig("momentum", 0.1, momentum=0.9))
    s.step()
    s.step()
    t = s.trace
    assert t is not None and t.optimizer_after is not None
    assert t.optimizer_before.t == 1 and t.optimizer_after.t == 2
    assert not np.array_equal(t.optimizer_before.buffers["velocity"], t.optimizer_after.buffers["velocity"])
    assert np.array_equal(s.optimizer_state.buffers["velocity"], t.optimizer_after.buffers["velocity"])
