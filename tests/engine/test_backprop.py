"""The engine against a plain reference written here in the article's notation (hypothesis).

The reference computes one step on one mini-batch the way the article writes it — z = W a + b,
a = g(z), δ_out, δ_hidden = (Wᵀ δ) ⊙ g′(z), ∂J/∂W = δ aᵀ averaged over the batch,
θ ← θ − α ∂J/∂θ — with one sample per row (so W a becomes A Wᵀ) and the same order of floating-
point operations as the engine: every z, a, δ, gradient and parameter must agree to the bit,
whether the engine runs layer by layer, phase by phase or whole steps.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bpstudio.engine import (
    Dataset,
    InitConfig,
    LayerSpec,
    Network,
    OptimizerConfig,
    Phase,
    Stepper,
    TrainingConfig,
    initialize,
)

Array = np.ndarray
SLOPE = 0.01

# g(z) of each hidden or output activation.
G: dict[str, Callable[[Array], Array]] = {
    "sigmoid": lambda z: 1.0 / (np.exp(-z) + 1.0),
    "tanh": np.tanh,
    "relu": lambda z: np.maximum(z, 0.0),
    "leaky_relu": lambda z: np.where(z > 0.0, z, SLOPE * z),
    "linear": lambda z: z.copy(),
}

# ∂L/∂a ⊙ g′(z), written as the article multiplies: upstream times g′ factor by factor.
TIMES_G_PRIME: dict[str, Callable[[Array, Array, Array], Array]] = {
    "sigmoid": lambda up, z, a: up * a * (1.0 - a),  # g′(z) = a (1 − a)
    "tanh": lambda up, z, a: up * (1.0 - a * a),  # g′(z) = 1 − a²
    "relu": lambda up, z, a: up * (z > 0.0),
    "leaky_relu": lambda up, z, a: up * np.where(z > 0.0, 1.0, SLOPE),
    "linear": lambda up, z, a: up.copy(),
}


def softmax(z: Array) -> Array:
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def delta_out(loss: str, activation: str, y: Array, z: Array, a: Array) -> Array:
    """δ_out = ∂L/∂z of the output layer, per sample."""
    n = y.shape[1]
    if loss == "binary_cross_entropy":  # with a sigmoid output: (a − y)/n
        return (a - y) / n
    if loss == "cross_entropy":  # with a softmax output: a − y (targets summing to 1)
        return a * y.sum(axis=1, keepdims=True) - y
    dl_da = a - y if loss == "half_sse" else (2.0 / n) * (a - y)
    return TIMES_G_PRIME[activation](dl_da, z, a)


@dataclass
class Step:
    z: list[Array]
    a: list[Array]
    delta: list[Array]
    dW: list[Array]  # noqa: N815 (the article's name)
    db: list[Array]


def reference_step(
    Ws: list[Array], bs: list[Array], acts: list[str], loss: str, x: Array, y: Array, alpha: float
) -> Step:
    """One step of plain SGD on the batch (x, y); Ws and bs are changed in place."""
    depth = len(Ws)
    a_list, z_list = [x], [x]
    for layer in range(depth):  # feedforward: z = W a + b, a = g(z)
        z = a_list[-1] @ Ws[layer].T + bs[layer]
        a = softmax(z) if acts[layer] == "softmax" else G[acts[layer]](z)
        z_list.append(z)
        a_list.append(a)
    m = x.shape[0]
    deltas: list[Array] = [np.empty(0)] * (depth + 1)
    deltas[depth] = delta_out(loss, acts[-1], y, z_list[depth], a_list[depth])
    for layer in range(depth - 1, 0, -1):  # δ_hidden = (Wᵀ δ) ⊙ g′(z)
        upstream = deltas[layer + 1] @ Ws[layer]
        deltas[layer] = TIMES_G_PRIME[acts[layer - 1]](upstream, z_list[layer], a_list[layer])
    dW, db = [], []
    for layer in range(1, depth + 1):  # ∂J/∂W = (1/m) Σ δ aᵀ, ∂J/∂b = (1/m) Σ δ
        gw, gb = deltas[layer].T @ a_list[layer - 1], deltas[layer].sum(axis=0)
        if m != 1:
            gw, gb = gw * (1.0 / m), gb * (1.0 / m)
        dW.append(gw)
        db.append(gb)
    for layer in range(depth):  # θ ← θ − α ∂J/∂θ
        Ws[layer] -= alpha * dW[layer]
        bs[layer] -= alpha * db[layer]
    return Step(z_list, a_list, deltas, dW, db)


@st.composite
def setups(draw: st.DrawFn) -> tuple[Stepper, str]:
    """A random small network, loss, dataset and batch size; the way to drive the stepper."""
    sizes = draw(st.lists(st.integers(1, 4), min_size=2, max_size=4))
    hidden = [draw(st.sampled_from(sorted(G))) for _ in sizes[2:]]
    loss = draw(st.sampled_from(["half_sse", "mse", "binary_cross_entropy", "cross_entropy"]))
    if loss == "cross_entropy":
        out = "softmax"
    elif loss == "binary_cross_entropy":
        out = "sigmoid"
    else:
        out = draw(st.sampled_from(sorted(G)))
    specs = [LayerSpec(sizes[0])] + [
        LayerSpec(n, act) for n, act in zip(sizes[1:], [*hidden, out], strict=True)
    ]
    net = Network(specs)
    initialize(net, InitConfig("xavier_uniform", draw(st.integers(0, 1000))))
    rng = np.random.default_rng(draw(st.integers(0, 1000)))
    m = draw(st.integers(1, 5))
    x = rng.uniform(-2.0, 2.0, size=(m, sizes[0]))
    if loss == "cross_entropy":
        y = np.eye(sizes[-1])[rng.integers(0, sizes[-1], size=m)]
    elif loss == "binary_cross_entropy":
        y = rng.integers(0, 2, size=(m, sizes[-1])).astype(float)
    else:
        y = rng.uniform(-1.0, 1.0, size=(m, sizes[-1]))
    batch = draw(st.integers(1, m))
    stepper = Stepper(net, loss, OptimizerConfig("sgd", 0.3), TrainingConfig(batch), Dataset(x, y))
    return stepper, draw(st.sampled_from(["layer", "phase", "step", "train"]))


def advance(stepper: Stepper, how: str) -> None:
    """One whole step, driven the way the window, the phase button or the CLI drives it."""
    if how == "layer":
        while not stepper.next_layer().step_completed:
            pass
    elif how == "phase":
        while not stepper.next_phase().step_completed:
            pass
    elif how == "step":
        stepper.step()
    else:
        stepper.train(steps=1)


@settings(max_examples=150, deadline=None)
@given(setups())
def test_a_few_steps_agree_bit_for_bit_with_the_article_written_plainly(setup: tuple[Stepper, str]) -> None:
    stepper, how = setup
    net = stepper.network
    depth = net.depth
    Ws = [net.W(layer).copy() for layer in range(1, depth + 1)]
    bs = [net.b(layer).copy() for layer in range(1, depth + 1)]
    acts = [spec.activation for spec in net.specs[1:]]
    for _ in range(3):
        batch = stepper.current_batch()
        x, y = stepper.dataset.inputs[batch], stepper.dataset.targets[batch]
        with np.errstate(all="ignore"):
            ref = reference_step(Ws, bs, acts, stepper.loss, x, y, 0.3)
        advance(stepper, how)
        trace = stepper.trace
        assert trace is not None and trace.complete
        for layer in range(1, depth + 1):
            lt = trace.layers[layer]
            np.testing.assert_array_equal(lt.z, ref.z[layer])
            np.testing.assert_array_equal(lt.a, ref.a[layer])
            np.testing.assert_array_equal(lt.delta, ref.delta[layer])
            np.testing.assert_array_equal(lt.grad_w, ref.dW[layer - 1])
            np.testing.assert_array_equal(lt.grad_b, ref.db[layer - 1])
            np.testing.assert_array_equal(net.W(layer), Ws[layer - 1])
            np.testing.assert_array_equal(net.b(layer), bs[layer - 1])
        assert trace.cost == pytest.approx(stepper.cost_history[-1])


def test_the_reference_reproduces_the_articles_first_update() -> None:
    """The plain reference itself on the article's worked example (W⁽²⁾ after one step)."""
    Ws = [np.array([[0.10, -0.20], [0.30, 0.25]]), np.array([[0.80, 0.90]])]
    bs = [np.array([0.01, -0.02]), np.array([0.10])]
    step = reference_step(
        Ws, bs, ["sigmoid", "sigmoid"], "half_sse", np.array([[0.2, 0.4]]), np.array([[1.0]]), 0.1
    )
    assert np.round(step.a[1], 6).tolist() == [[0.487503, 0.534943]]
    assert np.round(Ws[1], 6).tolist() == [[0.802666, 0.902926]]


@pytest.mark.parametrize("batch_norm", [False, True])
@pytest.mark.parametrize("optimizer", ["sgd", "adam"])
def test_a_step_stepped_back_in_each_phase_finishes_like_an_uninterrupted_one(
    batch_norm: bool, optimizer: str
) -> None:
    """Layer by layer, stepping back once after every layer (restore of the snapshot taken
    before it), gives the bits of train(). Until the gradient was restored into the stepper's
    own buffer, the layers after a restore in the middle of BACKWARD wrote their gradients where
    the update did not read them."""

    def make() -> Stepper:
        net = Network(
            [
                LayerSpec(3),
                LayerSpec(4, "relu", batch_norm=batch_norm),
                LayerSpec(2, "tanh"),
                LayerSpec(2, "linear"),
            ]
        )
        initialize(net, InitConfig("he_uniform", 5))
        rng = np.random.default_rng(3)
        data = Dataset(rng.normal(size=(6, 3)), rng.normal(size=(6, 2)))
        return Stepper(
            net, "mse", OptimizerConfig(optimizer, 0.05), TrainingConfig(3, shuffle=True, seed=4), data
        )

    a, b = make(), make()
    b.train(steps=6)
    seen = set()
    while a.steps_done < 6:
        snap = a.snapshot()
        a.next_layer()
        seen.add(a.phase)
        a.restore(snap)
        a.next_layer()
    assert seen == {Phase.FEEDFORWARD, Phase.BACKWARD, Phase.UPDATE}
    assert np.array_equal(a.network.theta, b.network.theta)
    if batch_norm:
        assert np.array_equal(a.network.running_mean[1], b.network.running_mean[1])
        assert np.array_equal(a.network.running_var[1], b.network.running_var[1])
    assert a.cost_history == b.cost_history
