"""Backprop against central differences over random networks (hypothesis)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from bpstudio.engine import InitConfig, LayerSpec, Network, initialize, limits
from bpstudio.engine.gradcheck import FLOOR, _batch_stepper, budget, chosen_parameters, gradient_check

SMOOTH = ("sigmoid", "tanh", "elu", "linear")
KINKED = ("relu", "leaky_relu")


@st.composite
def problems(draw):  # type: ignore[no-untyped-def]
    depth = draw(st.integers(1, 3))
    sizes = [draw(st.integers(1, 4)) for _ in range(depth + 1)]
    loss = draw(st.sampled_from(["half_sse", "mse", "huber", "binary_cross_entropy", "cross_entropy"]))
    out_act = {"binary_cross_entropy": "sigmoid", "cross_entropy": "softmax"}.get(
        loss, draw(st.sampled_from(SMOOTH))
    )
    m = draw(st.integers(2, 5))
    specs = [LayerSpec(sizes[0])]
    for i in range(1, depth):
        specs.append(
            LayerSpec(sizes[i], draw(st.sampled_from(SMOOTH + KINKED)), batch_norm=draw(st.booleans()))
        )
    specs.append(LayerSpec(sizes[-1], out_act))
    seed = draw(st.integers(0, 2**31))
    return specs, loss, m, seed


# Found by a fresh draw: a cost of 0.46 whose rounding in J(θ ± h) (h = 1e-6) makes a zero
# gradient read as 2.3e-10, above the old absolute floor of 1e-10 (see gradcheck's docstring).
ROUNDING_DRAW = (
    [
        LayerSpec(1),
        LayerSpec(2, "linear", batch_norm=True),
        LayerSpec(4, "leaky_relu", batch_norm=True),
        LayerSpec(4, "tanh"),
    ],
    "half_sse",
    2,
    2**31,
)


@settings(max_examples=60, deadline=None)
@given(problems())
@example(ROUNDING_DRAW)
def test_backprop_matches_central_differences(problem) -> None:  # type: ignore[no-untyped-def]
    specs, loss, m, seed = problem
    net = Network(specs)
    initialize(net, InitConfig("xavier_normal", seed, bias=0.1))
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(m, specs[0].size))
    y = rng.uniform(size=(m, specs[-1].size))
    if loss == "cross_entropy":
        y = y / y.sum(axis=1, keepdims=True)
    for layer in range(1, net.depth + 1):
        if net.specs[layer].batch_norm:
            net.gamma(layer)[:] = rng.uniform(0.5, 1.5, size=specs[layer].size)
            net.beta(layer)[:] = rng.uniform(-0.5, 0.5, size=specs[layer].size)
    report = gradient_check(net, loss, x, y)
    worst = report.worst
    # A sample on a ReLU kink is reported as such (entry.kink) and not compared; every other
    # entry must match, kinked activations included.
    assert worst is None or worst.relative_error < 1e-6, worst


def test_gradient_check_leaves_the_network_untouched() -> None:
    net = Network([LayerSpec(2), LayerSpec(2, "sigmoid"), LayerSpec(1, "sigmoid")])
    initialize(net, InitConfig(seed=3))
    before = net.theta.copy()
    report = gradient_check(net, "half_sse", np.array([[0.2, 0.4]]), np.array([[1.0]]))
    assert np.array_equal(net.theta, before)
    assert len(report.entries) == net.parameter_count and report.passed()


def test_gradient_check_catches_a_wrong_gradient(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from bpstudio.engine import losses

    real = losses.output_delta
    monkeypatch.setattr(losses, "output_delta", lambda *a: real(*a) * 1.01)
    net = Network([LayerSpec(2), LayerSpec(2, "sigmoid"), LayerSpec(1, "sigmoid")])
    initialize(net, InitConfig(seed=3))
    report = gradient_check(net, "half_sse", np.array([[0.2, 0.4]]), np.array([[1.0]]))
    assert not report.passed()
    assert report.worst is not None and report.worst.relative_error > 1e-3


# -- kinks, rounding, sampling ---------------------------------------------------------------------
def _relu_on_its_kink() -> tuple[Network, np.ndarray, np.ndarray]:
    """x = 0 and b¹ = 0 put z¹ exactly on ReLU's kink for the first sample."""
    net = Network([LayerSpec(1), LayerSpec(2, "relu"), LayerSpec(1, "linear")])
    net.W(1)[:] = [[1.0], [-1.0]]
    net.b(1)[:] = 0.0
    net.W(2)[:] = [[0.7, -0.4]]
    net.b(2)[:] = 0.1
    return net, np.array([[0.0], [1.5], [-2.0]]), np.array([[0.3], [0.2], [-0.1]])


def test_a_sample_on_a_relu_kink_is_reported_not_failed() -> None:
    net, x, y = _relu_on_its_kink()
    report = gradient_check(net, "half_sse", x, y)
    kinks = {(e.layer, e.kind, e.index) for e in report.kinks}
    assert (1, "b", (0,)) in kinks and (1, "b", (1,)) in kinks  # ∂z/∂b = 1: every h crosses 0
    assert (1, "W", (0, 0)) not in kinks  # x = 0: moving W¹ does not move that sample's z
    assert report.passed()
    assert all(not e.kink for e in report.entries if e.layer == 2)


def test_the_old_comparison_would_have_failed_there() -> None:
    """Without recognising the kink, the stencil averages both slopes: a large relative error."""
    net, x, y = _relu_on_its_kink()
    report = gradient_check(net, "half_sse", x, y, steps=(1e-6,))
    kink = next(e for e in report.kinks if e.kind == "b")
    assert kink.kink and kink.relative_error == 0.0
    probe = _batch_stepper(net, "half_sse", x, y)
    probe.next_phase()
    assert probe.trace is not None and probe.trace.layers[1].u is not None
    assert probe.trace.layers[1].u[0, 0] == 0.0


@pytest.mark.parametrize("activation", ["leaky_relu", "elu"])
def test_leaky_relu_and_elu_kinks_are_recognised(activation: str) -> None:
    net, x, y = _relu_on_its_kink()
    kinked = Network([LayerSpec(1), LayerSpec(2, activation), LayerSpec(1, "linear")])
    kinked.theta[:] = net.theta
    report = gradient_check(kinked, "half_sse", x, y)
    assert any(e.kind == "b" and e.layer == 1 for e in report.kinks)
    assert report.passed()


def test_a_huber_output_at_delta_is_recognised() -> None:
    """|ŷ − y| = δ exactly: the Huber loss changes its formula there."""
    net = Network([LayerSpec(1), LayerSpec(1, "linear")])
    net.W(1)[:] = 2.0
    net.b(1)[:] = 0.0
    x, y = np.array([[0.5], [0.25]]), np.array([[0.0], [0.0]])  # ŷ − y = 1 = δ for the first
    report = gradient_check(net, "huber", x, y)
    assert {e.kind for e in report.kinks} == {"W", "b"}


def test_away_from_kinks_a_wrong_gradient_is_still_caught(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from bpstudio.engine import losses

    real = losses.output_delta
    monkeypatch.setattr(losses, "output_delta", lambda *a: real(*a) * 1.01)
    net, x, y = _relu_on_its_kink()
    report = gradient_check(net, "half_sse", x, y)
    assert not report.passed() and report.worst is not None and report.worst.relative_error > 1e-3


def test_rounding_of_a_large_cost_is_not_an_error() -> None:
    specs, loss, m, seed = ROUNDING_DRAW
    net = Network(specs)
    initialize(net, InitConfig("xavier_normal", seed, bias=0.1))
    rng = np.random.default_rng(seed)
    x, y = rng.normal(size=(m, 1)), rng.uniform(size=(m, 4))
    for layer in (1, 2):
        net.gamma(layer)[:] = rng.uniform(0.5, 1.5, size=specs[layer].size)
        net.beta(layer)[:] = rng.uniform(-0.5, 0.5, size=specs[layer].size)
    report = gradient_check(net, loss, x, y)
    assert report.passed()
    raw = max(
        abs(e.backprop - e.numeric) / max(abs(e.backprop), abs(e.numeric), FLOOR) for e in report.compared
    )
    assert raw > 1e-6  # what the comparison without R read
    worst = report.worst
    assert worst is not None and abs(worst.backprop - worst.numeric) <= worst.rounding


def test_large_networks_are_checked_on_an_even_deterministic_sample() -> None:
    net = Network(
        [LayerSpec(3), LayerSpec(40, "tanh", batch_norm=True), LayerSpec(30, "relu"), LayerSpec(2, "linear")]
    )
    chosen = chosen_parameters(net, 100)
    assert chosen == chosen_parameters(net, 100) and chosen == sorted(set(chosen))
    assert len(chosen) <= 100 + sum(len(net.layout[layer]) for layer in range(1, net.depth + 1))
    for layer in range(1, net.depth + 1):  # every W, b, γ and β is represented
        for start, stop, _ in net.layout[layer].values():
            assert any(start <= flat < stop for flat in chosen)
    assert chosen_parameters(net, net.parameter_count) == list(range(net.parameter_count))
    initialize(net, InitConfig(seed=1))
    rng = np.random.default_rng(0)
    seen: list[tuple[int, int]] = []
    report = gradient_check(
        net,
        "half_sse",
        rng.normal(size=(4, 3)),
        rng.normal(size=(4, 2)),
        limit=50,
        progress=lambda d, n: seen.append((d, n)),
    )
    assert report.sampled and report.total == net.parameter_count and len(report.entries) == len(seen)
    assert seen[-1] == (len(report.entries), len(report.entries)) and report.passed()


def test_the_budget_keeps_every_example_whole_and_large_networks_bounded() -> None:
    assert budget(537, 100) == 537  # deep_relu_he: every parameter
    assert budget(337, 200) == 337  # spirals
    large = budget(400_001, 4)  # 2-100000-1
    assert limits.CHECK_MIN_PARAMETERS <= large < 100
    assert large * 16 * 400_001 * 4 <= limits.CHECK_WORK
    assert budget(5, 10**9) == 5  # never more than there are
