"""ELU (α = 1) and the Huber loss (δ = 1): numbers worked out by hand, PyTorch when installed, a
gradient check, and their formulas in the explanations (written from the notation tables)."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bpstudio.engine import (
    ACTIVATIONS,
    LOSSES,
    Dataset,
    InitConfig,
    LayerSpec,
    Network,
    OptimizerConfig,
    Stepper,
    TrainingConfig,
    activations,
    initialize,
    losses,
)
from bpstudio.engine.gradcheck import gradient_check
from bpstudio.explain import explain_phase, explain_steps
from bpstudio.notation import activations as activation_table
from bpstudio.notation import losses as loss_table


def test_both_are_engine_keys_with_a_notation_entry() -> None:
    assert "elu" in ACTIVATIONS and "huber" in LOSSES
    assert set(activation_table.ACTIVATIONS) == set(ACTIVATIONS)
    assert set(loss_table.LOSSES) == set(LOSSES)


# -- by hand -----------------------------------------------------------------------------------------------
def test_elu_by_hand() -> None:
    z = np.array([[-2.0, -0.5, 0.0, 1.5]])
    a = activations.forward("elu", z)
    # e^-2 − 1 = 0.1353352832 − 1; e^-0.5 − 1 = 0.6065306597 − 1; 0 stays 0; 1.5 stays 1.5
    np.testing.assert_allclose(a, [[-0.8646647168, -0.3934693403, 0.0, 1.5]], rtol=0, atol=1e-10)
    slope = activations.derivative("elu", z, a)
    # e^z left of zero (a + 1 there), 1 from zero on
    np.testing.assert_allclose(slope, [[0.1353352832, 0.6065306597, 1.0, 1.0]], rtol=0, atol=1e-10)
    grad = activations.backward("elu", z, a, np.array([[2.0, 2.0, 2.0, 2.0]]))
    np.testing.assert_allclose(grad, [[0.2706705665, 1.2130613194, 2.0, 2.0]], rtol=0, atol=1e-10)


def test_elu_does_not_overflow_for_large_z() -> None:
    z = np.array([[800.0, -800.0]])
    with np.errstate(over="raise", invalid="raise"):  # e^−800 may underflow to 0, harmlessly
        a = activations.FORWARD["elu"](z, 0.0)
        slope = activations.DERIVATIVE["elu"](z, a, 0.0)
    assert a.tolist() == [[800.0, -1.0]] and slope.tolist() == [[1.0, 0.0]]


def test_huber_by_hand() -> None:
    y = np.array([[3.0, 0.2], [0.1, 0.0]])
    a = np.array([[0.5, 0.0], [0.1, -1.0]])
    # sample 1: d = −2.5 → 2.5 − 0.5 = 2.0; d = −0.2 → 0.5 · 0.04 = 0.02; mean 1.01
    # sample 2: d = 0 → 0; d = −1 → |d| = δ, the linear branch 1 − 0.5 = 0.5; mean 0.25
    assert losses.per_sample("huber", y, a, a).tolist() == pytest.approx([1.01, 0.25], abs=1e-12)
    # ∂L/∂ŷ = clip(ŷ − y, −1, 1) / n with a linear output: δ = (−1, −0.2)/2, (0, −1)/2
    delta = losses.output_delta("huber", "linear", y, a, a, 0.0)
    np.testing.assert_allclose(delta, [[-0.5, -0.1], [0.0, -0.5]], rtol=0, atol=1e-12)


def elu_huber_stepper(batch: int = 2) -> Stepper:
    net = Network([LayerSpec(2), LayerSpec(2, "elu"), LayerSpec(2, "linear")])
    net.W(1)[:] = [[0.5, -1.0], [-0.7, 0.3]]
    net.b(1)[:] = [0.1, -0.2]
    net.W(2)[:] = [[1.2, -0.4], [0.6, 0.9]]
    net.b(2)[:] = [0.0, 0.1]
    data = Dataset(np.array([[1.0, 2.0], [0.5, -1.0]]), np.array([[3.0, 0.2], [0.1, 0.0]]))
    return Stepper(net, "huber", OptimizerConfig("sgd", 0.1), TrainingConfig(batch_size=batch), data)


def test_a_step_through_elu_and_huber_by_hand() -> None:
    stepper = elu_huber_stepper(batch=1)
    stepper.next_phase()
    trace = stepper.trace
    assert trace is not None
    # z¹ = (0.5 − 2 + 0.1, −0.7 + 0.6 − 0.2) = (−1.4, −0.3); a¹ = e^z − 1
    a1 = [math.exp(-1.4) - 1, math.exp(-0.3) - 1]
    assert trace.layers[1].a[0].tolist() == pytest.approx(a1, abs=1e-12)
    yhat = [1.2 * a1[0] - 0.4 * a1[1], 0.6 * a1[0] + 0.9 * a1[1] + 0.1]
    # |−0.800411 − 3| > 1: linear; |−0.585305 − 0.2| < 1: quadratic
    loss = ((abs(yhat[0] - 3.0) - 0.5) + 0.5 * (yhat[1] - 0.2) ** 2) / 2
    assert trace.cost == pytest.approx(loss, abs=1e-12)
    stepper.next_phase()
    delta2 = [max(-1.0, min(1.0, yhat[0] - 3.0)) / 2, max(-1.0, min(1.0, yhat[1] - 0.2)) / 2]
    assert trace.layers[2].delta[0].tolist() == pytest.approx(delta2, abs=1e-12)
    delta1 = [
        (1.2 * delta2[0] + 0.6 * delta2[1]) * math.exp(-1.4),
        (-0.4 * delta2[0] + 0.9 * delta2[1]) * math.exp(-0.3),
    ]
    assert trace.layers[1].delta[0].tolist() == pytest.approx(delta1, abs=1e-12)


# -- PyTorch ---------------------------------------------------------------------------------------------------
def test_elu_and_huber_match_pytorch() -> None:
    torch = pytest.importorskip("torch")
    rng = np.random.default_rng(7)
    z = rng.normal(scale=2.0, size=(5, 3))
    y = rng.normal(scale=2.0, size=(5, 3))
    zt = torch.tensor(z, dtype=torch.float64, requires_grad=True)
    at = torch.nn.ELU()(zt)
    cost = torch.nn.HuberLoss()(at, torch.tensor(y, dtype=torch.float64))
    cost.backward()
    a = activations.forward("elu", z)
    assert np.allclose(a, at.detach().numpy(), rtol=0, atol=1e-15)
    assert losses.per_sample("huber", y, a, z).mean() == pytest.approx(cost.item(), abs=1e-14)
    # δ per sample; the batch mean's 1/m is applied with the gradients, as for every loss
    delta = losses.output_delta("huber", "elu", y, a, z, 0.0) / z.shape[0]
    assert np.allclose(delta, zt.grad.numpy(), rtol=0, atol=1e-15)


# -- gradient check --------------------------------------------------------------------------------------------
@settings(max_examples=25, deadline=None)
@given(st.integers(0, 2**31), st.integers(1, 3), st.booleans())
def test_elu_and_huber_pass_the_gradient_check(seed: int, outputs: int, batch_norm: bool) -> None:
    net = Network([LayerSpec(3), LayerSpec(4, "elu", batch_norm=batch_norm), LayerSpec(outputs, "elu")])
    initialize(net, InitConfig("xavier_normal", seed, bias=0.1))
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(4, 3))
    y = rng.normal(scale=2.0, size=(4, outputs))  # some outputs inside |d| < 1, some beyond
    report = gradient_check(net, "huber", x, y)
    assert report.passed(), report.worst


# -- the explanations ---------------------------------------------------------------------------------------
def test_the_explanation_writes_elu_and_huber_in_both_languages() -> None:
    for lang, words in (("en", ("if", "otherwise", "Huber loss")), ("vi", ("nếu", "còn lại", "Huber"))):
        text = explain_steps(elu_huber_stepper(), 1, lang=lang, fmt="text")
        assert "ELU(z) = z " + words[0] + " z > 0, exp(z) − 1 " in text
        assert "g′(z) = 1 " + words[0] + " z > 0, exp(z) " in text
        assert words[1] in text and words[2] in text
        assert "|yₖ − ŷₖ| < 1" in text  # the loss of one sample, by cases
        assert "δ²ₖ = ∂L/∂z²ₖ = ½ · clip(ŷₖ − yₖ, −1, 1) · g′(z²ₖ)" in text
        # the numbers: the first output is beyond the threshold, the second within it
        assert "δ²₁ = ½ · clip(-0.800411 − 3.000000, −1, 1) · 1 = -0.500000" in text
        assert "exp(-1.400000) = -0.206054" in text


def test_huber_and_elu_render_in_every_format() -> None:
    stepper = elu_huber_stepper()
    for _ in range(2):
        stepper.next_phase()
    trace = stepper.trace
    assert trace is not None
    args = (trace, stepper.network, stepper.loss, stepper.optimizer)
    md = explain_phase(*args, "backward", fmt="md")
    assert r"\operatorname{clip}\left(\hat{y}_{k} - y_{k}, −1, 1\right)" in md.replace("-1, 1", "−1, 1")
    assert r"\begin{cases} 1 & z > 0 \\ e^{z} & z \le 0 \end{cases}" in md
    html = explain_phase(*args, "feedforward", fmt="html")
    assert "ELU" in html and "otherwise" in html and "&lt; 1" in html
