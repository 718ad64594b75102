"""Every figure of the article's worked example, through the stepper phase by phase."""

from __future__ import annotations

import numpy as np
import pytest

from bpstudio.engine import Phase
from tests.support.engine import article_stepper


def r6(values) -> list[float]:
    return [round(float(v), 6) for v in np.ravel(values)]


def test_feedforward_phase_gives_the_article_figures() -> None:
    s = article_stepper()
    event = s.next_phase()
    assert event.phase is Phase.FEEDFORWARD and event.layers == (1, 2)
    t = s.trace
    assert t is not None
    assert r6(t.layers[1].z) == [-0.05, 0.14]
    assert r6(t.layers[1].a) == [0.487503, 0.534943]
    assert r6(t.layers[2].z) == [0.971451]
    assert r6(t.layers[2].a) == [0.725409]
    assert round(t.cost, 6) == 0.0377
    assert r6(t.losses) == [0.0377]
    # nothing of the later phases exists yet, and parameters did not move
    assert t.layers[2].delta is None and t.params_after is None
    assert (s.phase, s.layer) == (Phase.BACKWARD, 2)


def test_backward_phase_gives_the_article_figures() -> None:
    s = article_stepper()
    s.next_phase()
    event = s.next_phase()
    assert event.phase is Phase.BACKWARD and event.layers == (2, 1)
    t = s.trace
    assert t is not None
    assert r6(t.layers[2].delta) == [-0.054696]
    assert r6(t.layers[2].grad_w) == [-0.026665, -0.029259]
    assert r6(t.layers[2].grad_b) == [-0.054696]
    assert r6(t.layers[1].delta) == [-0.010932, -0.012247]
    assert r6(t.layers[1].grad_w) == [-0.002186, -0.004373, -0.002449, -0.004899]
    assert r6(t.layers[1].grad_b) == [-0.010932, -0.012247]
    assert (s.phase, s.layer) == (Phase.UPDATE, 1)


def test_update_phase_gives_the_article_figures() -> None:
    s = article_stepper()
    s.next_phase()
    s.next_phase()
    event = s.next_phase()
    assert event.phase is Phase.UPDATE and event.step_completed
    net = s.network
    assert r6(net.W(2)) == [0.802666, 0.902926]
    assert r6(net.b(2)) == [0.10547]
    assert r6(net.W(1)) == [0.100219, -0.199563, 0.300245, 0.25049]
    assert r6(net.b(1)) == [0.011093, -0.018775]
    t = s.trace
    assert t is not None and t.complete
    assert r6(t.params_before) == [0.1, -0.2, 0.3, 0.25, 0.01, -0.02, 0.8, 0.9, 0.1]
    assert np.array_equal(t.params_after, net.theta)
    assert s.steps_done == 1 and s.epoch == 1 and (s.phase, s.layer) == (Phase.FEEDFORWARD, 1)
    assert s.cost_history == [pytest.approx(0.0377002280, abs=1e-10)]


def test_full_precision_figures() -> None:
    s = article_stepper()
    s.next_phase()
    t = s.trace
    assert t is not None
    np.testing.assert_allclose(t.layers[1].a[0], [0.4875026035, 0.5349429452], atol=1e-10)
    np.testing.assert_allclose(t.layers[2].z[0], [0.9714507335], atol=1e-10)
    np.testing.assert_allclose(t.layers[2].a[0], [0.7254085653], atol=1e-10)
    assert t.cost == pytest.approx(0.0377002280, abs=1e-10)


def test_next_layer_walks_one_layer_at_a_time() -> None:
    s = article_stepper()
    seen = []
    for _ in range(5):
        before = (s.phase, s.layer)
        event = s.next_layer()
        seen.append((before, event.layers))
    assert seen == [
        ((Phase.FEEDFORWARD, 1), (1,)),
        ((Phase.FEEDFORWARD, 2), (2,)),
        ((Phase.BACKWARD, 2), (2,)),
        ((Phase.BACKWARD, 1), (1,)),
        ((Phase.UPDATE, 1), (1, 2)),
    ]


def test_after_first_layer_only_that_layer_is_computed() -> None:
    s = article_stepper()
    s.next_layer()
    t = s.trace
    assert t is not None
    assert r6(t.layers[1].a) == [0.487503, 0.534943]
    assert t.layers[2].z is None and t.cost is None


def test_step_from_the_middle_finishes_the_step() -> None:
    s = article_stepper()
    s.next_layer()
    event = s.step()
    assert event.step_completed
    assert r6(s.network.W(2)) == [0.802666, 0.902926]


def test_layer_by_layer_and_train_agree_bit_for_bit() -> None:
    a, b = article_stepper(), article_stepper()
    for _ in range(10):
        for _ in range(5):
            a.next_layer()
    b.train(steps=10)
    assert np.array_equal(a.network.theta, b.network.theta)
    assert a.cost_history == b.cost_history
