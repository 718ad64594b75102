"""Stepper behaviour: restarts after edits, batches, batch norm, non-finite values, snapshots."""

from __future__ import annotations

import math

import numpy as np
import pytest

from bpstudio.engine import (
    Dataset,
    EngineError,
    InitConfig,
    LayerSpec,
    Network,
    NonFiniteError,
    OptimizerConfig,
    Phase,
    Stepper,
    TrainingConfig,
    initialize,
)
from bpstudio.engine.network import check_specs
from tests.support.engine import article_stepper


def test_editing_a_parameter_mid_step_restarts_the_step() -> None:
    s = article_stepper()
    s.next_phase()
    s.next_layer()  # δ of the output layer done
    s.set_parameter(2, "W", 0, 0, 1.0)
    assert s.trace is None
    assert (s.phase, s.layer) == (Phase.FEEDFORWARD, 1)
    assert s.steps_done == 0
    s.next_phase()
    t = s.trace
    assert t is not None and t.layers[2].delta is None
    expected_z2 = 1.0 * 0.4875026035 + 0.90 * 0.5349429452 + 0.10
    assert float(t.layers[2].z[0, 0]) == pytest.approx(expected_z2, abs=1e-9)
    assert float(t.params_before[6]) == 1.0


def test_editing_a_sample_mid_step_restarts_with_the_new_sample() -> None:
    s = article_stepper()
    s.next_phase()
    s.next_phase()
    s.reconfigure(dataset=Dataset(np.array([[1.0, 0.0]]), np.array([[1.0]])))
    assert s.trace is None and s.phase is Phase.FEEDFORWARD
    s.next_layer()
    assert s.trace is not None
    np.testing.assert_allclose(s.trace.layers[1].z, [[0.11, 0.28]])


def test_refused_reconfiguration_changes_nothing() -> None:
    s = article_stepper()
    s.next_phase()
    with pytest.raises(EngineError, match="each target has 2 values"):
        s.reconfigure(dataset=Dataset(np.array([[1.0, 0.0]]), np.array([[1.0, 0.0]])))
    assert s.trace is not None and s.phase is Phase.BACKWARD
    assert s.dataset.targets.shape == (1, 1)


def test_set_parameter_refuses_non_finite_and_missing_entries() -> None:
    s = article_stepper()
    with pytest.raises(EngineError, match="finite"):
        s.set_parameter(1, "W", 0, 0, math.nan)
    with pytest.raises(EngineError, match="no entry"):
        s.set_parameter(1, "W", 5, 0, 1.0)
    with pytest.raises(EngineError, match="no parameter 'gamma'"):
        s.set_parameter(1, "gamma", 0, None, 1.0)


def xor_stepper(batch_size: int, shuffle: bool, seed: int = 0) -> Stepper:
    net = Network([LayerSpec(2), LayerSpec(3, "tanh"), LayerSpec(1, "sigmoid")])
    initialize(net, InitConfig("xavier_uniform", 1))
    data = Dataset(
        np.array([[0, 0], [0, 1], [1, 0], [1, 1], [0.5, 0.5]], dtype=float),
        np.array([[0], [1], [1], [0], [1]], dtype=float),
    )
    return Stepper(
        net, "half_sse", OptimizerConfig("sgd", 0.5), TrainingConfig(batch_size, shuffle, seed), data
    )


def test_batches_without_shuffle_follow_dataset_order_and_last_batch_is_short() -> None:
    s = xor_stepper(2, False)
    batches = []
    for _ in range(4):
        s.step()
        assert s.trace is not None
        batches.append(s.trace.batch.tolist())
    assert batches == [[0, 1], [2, 3], [4], [0, 1]]
    assert s.epoch == 1 and s.batches_per_epoch == 3


def test_shuffle_is_a_seeded_permutation_per_epoch() -> None:
    def epoch_orders(seed: int) -> list[list[int]]:
        s = xor_stepper(1, True, seed)
        orders = []
        for _ in range(3):
            order = []
            for _ in range(5):
                s.step()
                assert s.trace is not None
                order.extend(s.trace.batch.tolist())
            orders.append(order)
        return orders

    first = epoch_orders(7)
    assert first == epoch_orders(7)
    assert all(sorted(o) == [0, 1, 2, 3, 4] for o in first)
    assert first[0] != first[1] or first[1] != first[2]
    assert epoch_orders(8) != first


def test_cost_is_the_mean_of_the_per_sample_losses() -> None:
    s = xor_stepper(5, False)
    s.next_phase()
    t = s.trace
    assert t is not None and t.losses is not None and t.cost is not None
    a = t.layers[2].a
    expected = 0.5 * (t.y - a) ** 2
    np.testing.assert_allclose(t.losses, expected[:, 0])
    assert t.cost == pytest.approx(float(np.mean(expected)))


def test_gradient_is_the_mean_over_the_batch_of_per_sample_gradients() -> None:
    batch = xor_stepper(5, False)
    batch.next_phase()
    batch.next_phase()
    assert batch.trace is not None and batch.trace.grad is not None
    singles = []
    for i in range(5):
        one = xor_stepper(1, False)
        one.reconfigure(dataset=Dataset(batch.dataset.inputs[i : i + 1], batch.dataset.targets[i : i + 1]))
        one.next_phase()
        one.next_phase()
        assert one.trace is not None and one.trace.grad is not None
        singles.append(one.trace.grad)
    np.testing.assert_allclose(batch.trace.grad, np.mean(singles, axis=0), atol=1e-15)


def bn_stepper(batch_size: int = 4) -> Stepper:
    net = Network([LayerSpec(2), LayerSpec(3, "relu", batch_norm=True), LayerSpec(1, "linear")])
    initialize(net, InitConfig("he_normal", 2))
    x = np.array([[0.1, 0.2], [0.4, -0.3], [1.0, 0.5], [-0.7, 0.9]])
    return Stepper(
        net, "mse", OptimizerConfig("sgd", 0.1), TrainingConfig(batch_size), Dataset(x, x[:, :1] * 2)
    )


def test_batch_norm_matches_pytorch_semantics() -> None:
    s = bn_stepper()
    net = s.network
    s.next_phase()
    t = s.trace
    assert t is not None
    z = t.layers[1].z
    mean, var = z.mean(axis=0), z.var(axis=0)  # biased variance normalises
    np.testing.assert_allclose(t.layers[1].z_hat, (z - mean) / np.sqrt(var + 1e-5))
    np.testing.assert_allclose(t.layers[1].u, t.layers[1].z_hat * net.gamma(1) + net.beta(1))
    assert net.running_mean[1] is not None
    np.testing.assert_array_equal(net.running_mean[1], 0.0)  # running stats change only in UPDATE
    s.next_phase()
    s.next_phase()
    np.testing.assert_allclose(net.running_mean[1], 0.1 * mean)
    np.testing.assert_allclose(net.running_var[1], 0.9 + 0.1 * z.var(axis=0, ddof=1))  # unbiased


def test_predict_uses_running_statistics() -> None:
    s = bn_stepper()
    s.train(steps=3)
    net = s.network
    x = s.dataset.inputs
    z = x @ net.W(1).T + net.b(1)
    u = (z - net.running_mean[1]) / np.sqrt(net.running_var[1] + 1e-5) * net.gamma(1) + net.beta(1)
    expected = np.maximum(u, 0) @ net.W(2).T + net.b(2)
    np.testing.assert_allclose(net.predict(x), expected)


def test_batch_norm_with_batch_size_one_is_refused() -> None:
    with pytest.raises(EngineError, match="batch normalisation cannot train with batch_size 1"):
        bn_stepper(1)
    with pytest.raises(EngineError, match="last batch of each epoch holds 1 sample"):
        bn_stepper(3)


def test_non_finite_update_is_refused_and_parameters_stay() -> None:
    net = Network([LayerSpec(1), LayerSpec(1, "linear")])
    net.W(1)[:] = [[1e300]]
    s = Stepper(
        net,
        "half_sse",
        OptimizerConfig("sgd", 1e10),
        TrainingConfig(),
        Dataset(np.array([[1.0]]), np.array([[0.0]])),
    )
    with pytest.raises(NonFiniteError) as info:
        s.step()
    err = info.value
    assert err.phase in ("feedforward", "update")
    assert np.isfinite(net.theta).all()
    assert net.W(1)[0, 0] == 1e300


def test_update_that_would_overflow_names_update_phase_and_layer() -> None:
    net = Network([LayerSpec(1), LayerSpec(1, "linear"), LayerSpec(1, "linear")])
    net.W(1)[:] = [[1.0]]
    net.W(2)[:] = [[1.0]]
    data = Dataset(np.array([[1e100]]), np.array([[0.0]]))
    s = Stepper(net, "half_sse", OptimizerConfig("sgd", 1e120), TrainingConfig(), data)
    before = net.theta.copy()
    s.next_phase()
    s.next_phase()
    with pytest.raises(NonFiniteError) as info:
        s.next_phase()
    assert info.value.phase == "update" and info.value.layer == 1
    assert "step 1, update phase, layer 1" in str(info.value)
    assert np.array_equal(net.theta, before)
    assert s.phase is Phase.UPDATE and s.steps_done == 0


def test_feedforward_overflow_names_the_layer() -> None:
    net = Network([LayerSpec(1), LayerSpec(1, "linear"), LayerSpec(1, "linear")])
    net.W(1)[:] = [[1e200]]
    net.W(2)[:] = [[1e200]]
    s = Stepper(
        net, "half_sse", OptimizerConfig(), TrainingConfig(), Dataset(np.array([[1.0]]), np.array([[0.0]]))
    )
    with np.errstate(over="ignore"):
        s.next_layer()
        with pytest.raises(NonFiniteError) as info:
            s.next_layer()
    assert (info.value.phase, info.value.layer) == ("feedforward", 2)


def test_stable_at_extreme_pre_activations() -> None:
    for loss, act, target in (
        ("binary_cross_entropy", "sigmoid", [[0.0]]),
        ("cross_entropy", "softmax", [[0.0, 1.0]]),
    ):
        n_out = len(target[0])
        net = Network([LayerSpec(1), LayerSpec(n_out, act)])
        net.W(1)[:] = 1e4 * np.ones((n_out, 1)) * (np.arange(n_out)[:, None] * -2 + 1)
        s = Stepper(
            net, loss, OptimizerConfig(), TrainingConfig(), Dataset(np.array([[1.0]]), np.array(target))
        )
        with np.errstate(over="raise", divide="raise", invalid="raise"):
            s.next_phase()
            s.next_phase()
        assert s.trace is not None and s.trace.cost is not None
        assert math.isfinite(s.trace.cost) and s.trace.cost > 1000
        assert s.trace.grad is not None and np.isfinite(s.trace.grad).all()
    for act in ("sigmoid", "tanh", "relu", "leaky_relu", "linear"):
        from bpstudio.engine import activations

        with np.errstate(over="raise", divide="raise", invalid="raise"):
            assert np.isfinite(activations.forward(act, np.array([[-1e4, 1e4]]))).all()


def test_snapshot_restore_is_bit_exact() -> None:
    s = xor_stepper(2, True)
    s.optimizer = OptimizerConfig("adam", 0.05)
    s.reset_optimizer()
    s.train(steps=3)
    snap = s.snapshot()
    s.next_phase()
    s.next_phase()
    s.next_phase()
    after_one = s.network.theta.copy()
    s.train(steps=5)
    s.restore(snap)
    assert np.array_equal(s.network.theta, snap.theta)
    assert s.steps_done == 3 and len(s.cost_history) == 3
    s.step()
    assert np.array_equal(s.network.theta, after_one)


def test_training_state_round_trip_continues_bit_identically() -> None:
    a = xor_stepper(2, True)
    a.optimizer = OptimizerConfig("adam", 0.05)
    a.reset_optimizer()
    a.train(steps=4)
    state = a.training_state()
    b = xor_stepper(2, True)
    b.optimizer = OptimizerConfig("adam", 0.05)
    b.network.theta[:] = a.network.theta
    b.load_training_state(state)
    a.train(steps=7)
    b.train(steps=7)
    assert np.array_equal(a.network.theta, b.network.theta)
    assert a.cost_history == b.cost_history


def test_run_epoch_and_train_epochs() -> None:
    s = xor_stepper(2, False)
    s.next_layer()
    summary = s.run_epoch()
    assert s.epoch == 1 and summary.steps == 3
    summary = s.train(epochs=2)
    assert s.epoch == 3 and summary.steps == 6 and summary.epochs_completed == 2
    with pytest.raises(EngineError):
        s.train()


def test_reset_training_starts_again_at_step_zero() -> None:
    s = xor_stepper(2, True)
    s.optimizer = OptimizerConfig("momentum", 0.1)
    s.reset_optimizer()
    s.train(steps=4)
    s.next_layer()
    s.reset_training()
    assert (s.steps_done, s.epoch, s.batch_in_epoch) == (0, 0, 0)
    assert s.cost_history == [] and s.epoch_history == [] and s.trace is None
    assert s.optimizer_state.t == 0 and not s.optimizer_state.buffers["velocity"].any()
    assert (s.phase, s.layer) == (Phase.FEEDFORWARD, 1)


def test_update_overflow_names_its_quantity_by_key_and_in_words() -> None:
    net = Network([LayerSpec(1), LayerSpec(1, "linear"), LayerSpec(1, "linear")])
    net.W(1)[:] = [[1.0]]
    net.W(2)[:] = [[1.0]]
    data = Dataset(np.array([[1e100]]), np.array([[0.0]]))
    s = Stepper(net, "half_sse", OptimizerConfig("sgd", 1e120), TrainingConfig(), data)
    s.next_phase()
    s.next_phase()
    with pytest.raises(NonFiniteError) as info:
        s.next_phase()
    assert (info.value.quantity, info.value.what) == ("parameter", "a parameter")
    assert "layer 1: a parameter became" in str(info.value)


def test_engine_errors_say_where_in_fields_not_only_in_words() -> None:
    with pytest.raises(EngineError) as caught:
        check_specs([LayerSpec(2), LayerSpec(2, "softmax"), LayerSpec(1, "sigmoid")])
    assert (caught.value.layer, caught.value.field) == (1, "activation")
    with pytest.raises(EngineError) as caught:
        check_specs([LayerSpec(2), LayerSpec(1, "sigmoid", batch_norm=True)])
    assert (caught.value.layer, caught.value.field) == (1, "batch_norm")
    with pytest.raises(EngineError) as caught:
        OptimizerConfig("nesterov", momentum=0.0).validate()
    assert caught.value.field == "momentum" and caught.value.layer is None
    s = xor_stepper(2, False)
    s.dataset.targets[3, 0] = 2.0
    s.loss = "binary_cross_entropy"
    with pytest.raises(EngineError) as caught:
        s.validate()
    assert (caught.value.field, caught.value.sample) == ("targets", 3)
    s = xor_stepper(2, False)
    s.dataset.inputs[4, 1] = np.nan
    with pytest.raises(EngineError) as caught:
        s.validate()
    assert (caught.value.field, caught.value.sample) == ("dataset", 4)


def test_training_state_is_plain_counters_and_flat_moments() -> None:
    a = xor_stepper(2, True)
    a.optimizer = OptimizerConfig("adam", 0.05)
    a.reset_optimizer()
    a.train(steps=3)
    state = a.training_state()
    assert (state.steps_done, state.optimizer.t, len(state.cost_history)) == (3, 3, 3)
    assert set(state.optimizer.buffers) == {"m", "v"}
    assert all(buffer.shape == a.network.theta.shape for buffer in state.optimizer.buffers.values())
    state.optimizer.buffers["m"][:] = 0.0  # a copy: the stepper's own moments are untouched
    assert np.any(a.optimizer_state.buffers["m"] != 0.0)
    state.batch_in_epoch = 99
    with pytest.raises(EngineError, match="batch_in_epoch must be below 3, got 99") as caught:
        a.load_training_state(state)
    assert caught.value.field == "batch_in_epoch"
