"""The training state: plain arrays in the engine, the file's JSON shape only in the file format.

Round trips across every optimizer, with and without batch norm: engine → engine
(`training_state` / `load_training_state`) and engine → file text → engine, continuing
bit-identically and writing the same bytes again; each refusal of a bad "state" block names
its JSON path.
"""

from __future__ import annotations

import json
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bpstudio.document import LoadError, NetworkFile, dumps, loads
from bpstudio.document.fileformat import state as file_state
from bpstudio.engine import (
    OPTIMIZERS,
    Dataset,
    InitConfig,
    LayerSpec,
    Network,
    OptimizerConfig,
    Stepper,
    TrainingConfig,
    TrainingState,
    initialize,
)


def make(optimizer: str, batch_norm: bool) -> Stepper:
    net = Network(
        [
            LayerSpec(2),
            LayerSpec(3, "tanh", batch_norm=batch_norm),
            LayerSpec(2, "relu", batch_norm=batch_norm),
            LayerSpec(1, "sigmoid"),
        ]
    )
    initialize(net, InitConfig("xavier_normal", 7))
    rng = np.random.default_rng(11)
    data = Dataset(rng.normal(size=(8, 2)), rng.integers(0, 2, size=(8, 1)).astype(float))
    config = OptimizerConfig(optimizer, 0.05, weight_decay=0.01, clip_norm=1.0)
    return Stepper(net, "binary_cross_entropy", config, TrainingConfig(3, shuffle=True, seed=5), data)


def same(a: Stepper, b: Stepper) -> None:
    """Parameters, running statistics, moments, counters and histories identical to the bit."""
    assert a.network.theta.tobytes() == b.network.theta.tobytes()
    for layer in range(1, a.network.depth + 1):
        for ours, theirs in (
            (a.network.running_mean, b.network.running_mean),
            (a.network.running_var, b.network.running_var),
        ):
            assert (ours[layer] is None) == (theirs[layer] is None)
            if ours[layer] is not None:
                assert ours[layer].tobytes() == theirs[layer].tobytes()  # type: ignore[union-attr]
    assert a.optimizer_state.t == b.optimizer_state.t
    assert sorted(a.optimizer_state.buffers) == sorted(b.optimizer_state.buffers)
    for name, values in a.optimizer_state.buffers.items():
        assert values.tobytes() == b.optimizer_state.buffers[name].tobytes()
    assert (a.steps_done, a.epoch, a.batch_in_epoch) == (b.steps_done, b.epoch, b.batch_in_epoch)
    assert a.cost_history == b.cost_history and a.epoch_history == b.epoch_history


def copy_parameters(source: Stepper, target: Stepper) -> None:
    target.network.theta[:] = source.network.theta
    for layer in range(1, source.network.depth + 1):
        for ours, theirs in (
            (source.network.running_mean, target.network.running_mean),
            (source.network.running_var, target.network.running_var),
        ):
            if ours[layer] is not None:
                theirs[layer][:] = ours[layer]  # type: ignore[index]


@pytest.mark.parametrize("batch_norm", [False, True])
@pytest.mark.parametrize("optimizer", OPTIMIZERS)
def test_engine_round_trip_continues_bit_identically(optimizer: str, batch_norm: bool) -> None:
    a = make(optimizer, batch_norm)
    a.train(steps=4)
    a.next_phase()  # mid-step: the state holds the last finished step; the step restarts
    state = a.training_state()
    assert isinstance(state, TrainingState)
    assert all(
        isinstance(v, np.ndarray) and v.shape == a.network.theta.shape
        for v in state.optimizer.buffers.values()
    )
    b = make(optimizer, batch_norm)
    copy_parameters(a, b)
    b.load_training_state(state)
    a.restart_step()
    same(a, b)
    a.train(steps=6)
    b.train(steps=6)
    same(a, b)


@pytest.mark.parametrize("batch_norm", [False, True])
@pytest.mark.parametrize("optimizer", OPTIMIZERS)
def test_file_round_trip_writes_the_same_bytes_and_continues(optimizer: str, batch_norm: bool) -> None:
    a = make(optimizer, batch_norm)
    a.train(steps=5)
    text = dumps(NetworkFile("state", "", a))
    again = loads(text)
    same(again.stepper, a)
    assert dumps(again) == text
    block = json.loads(text)["state"]
    assert sorted(block.get("moments", {})) == sorted(a.optimizer_state.buffers)
    for moments in block.get("moments", {}).values():  # one entry per layer, by kind, in their shapes
        assert [sorted(entry) for entry in moments] == [
            sorted(a.network.layout[layer]) for layer in (1, 2, 3)
        ]
    again.stepper.train(steps=4)
    a.train(steps=4)
    same(again.stepper, a)


@settings(max_examples=30, deadline=None)
@given(optimizer=st.sampled_from(OPTIMIZERS), batch_norm=st.booleans(), steps=st.integers(0, 9))
def test_state_block_and_engine_state_are_inverse(optimizer: str, batch_norm: bool, steps: int) -> None:
    """state_to_json then restore_state gives the engine back exactly what it gave."""
    a = make(optimizer, batch_norm)
    a.train(steps=steps)
    block = json.loads(json.dumps(file_state.state_to_json(a)))
    b = make(optimizer, batch_norm)
    copy_parameters(a, b)
    file_state.restore_state(b, block)
    same(a, b)


def article_with(state: dict[str, Any], optimizer: str = "adam", batch_norm: bool = False) -> str:
    """A valid file of `make`'s network with the given "state" block."""
    nf = NetworkFile("state", "", make(optimizer, batch_norm))
    data = json.loads(dumps(nf))
    data["state"] = state
    return json.dumps(data)


def zeros_like_layers(batch_norm: bool) -> list[dict[str, Any]]:
    stepper = make("adam", batch_norm)
    net = stepper.network
    return [
        {kind: np.zeros(shape).tolist() for kind, (_, _, shape) in net.layout[layer].items()}
        for layer in range(1, net.depth + 1)
    ]


def bad_kind() -> list[dict[str, Any]]:
    layers = zeros_like_layers(False)
    layers[0]["gamma"] = [0.0, 0.0, 0.0]
    return layers


def missing_kind() -> list[dict[str, Any]]:
    layers = zeros_like_layers(True)
    del layers[1]["beta"]
    return layers


def wrong_vector() -> list[dict[str, Any]]:
    layers = zeros_like_layers(True)
    layers[0]["gamma"] = [0.0]
    return layers


STATE_REFUSALS = [
    (
        "velocity for adam",
        {"moments": {"velocity": zeros_like_layers(False)}},
        False,
        "state.moments",
        "keeps m, v",
    ),
    (
        "too few layers",
        {"moments": {"m": zeros_like_layers(False)[:2], "v": zeros_like_layers(False)}},
        False,
        "state.moments.m",
        "expected 3 layers",
    ),
    (
        "gamma without batch norm",
        {"moments": {"m": bad_kind(), "v": zeros_like_layers(False)}},
        False,
        "state.moments.m[0].gamma",
        "no parameter gamma",
    ),
    (
        "beta missing",
        {"moments": {"m": zeros_like_layers(True), "v": missing_kind()}},
        True,
        "state.moments.v[1].beta",
        "missing",
    ),
    (
        "gamma too short",
        {"moments": {"m": wrong_vector(), "v": zeros_like_layers(True)}},
        True,
        "state.moments.m[0].gamma",
        "expected 3",
    ),
    ("batch_in_epoch past the epoch", {"batch_in_epoch": 3}, False, "state.batch_in_epoch", "below 3"),
    (
        "histories of different lengths",
        {"cost_history": [0.5, 0.4], "epoch_history": [0]},
        False,
        "state.epoch_history",
        "same length",
    ),
]


@pytest.mark.parametrize(
    ("label", "state", "batch_norm", "path", "words"),
    STATE_REFUSALS,
    ids=[case[0] for case in STATE_REFUSALS],
)
def test_each_refusal_of_a_state_block_names_its_json_path(
    label: str, state: dict[str, Any], batch_norm: bool, path: str, words: str
) -> None:
    with pytest.raises(LoadError) as caught:
        loads(article_with(state, batch_norm=batch_norm), "net.json")
    assert caught.value.json_path == path
    assert words in caught.value.problem
