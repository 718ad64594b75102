"""Impossible training-state values are refused at load with their JSON path, and the limits of
engine.limits hold from load to save: whatever opens can be trained and saved, or training
refuses the step that would pass a limit (counters, numbers in the file)."""

from __future__ import annotations

import json
import math
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bpstudio.document import LoadError, NetworkFile, dumps, loads
from bpstudio.document.fileformat import schema
from bpstudio.engine import EngineError, LayerSpec, Network, Stepper, limits
from bpstudio.engine.batching import Dataset, TrainingConfig
from bpstudio.engine.optimizers import OptimizerConfig


def adam_file() -> dict[str, Any]:
    net = Network([LayerSpec(2), LayerSpec(2, "tanh", batch_norm=True), LayerSpec(1, "sigmoid")])
    net.theta[:] = np.linspace(-1.0, 1.0, net.parameter_count)
    data = Dataset(
        np.array([[0.0, 1.0], [1.0, 0.0], [1.0, 1.0], [0.0, 0.0]]), np.array([[1.0], [1.0], [0.0], [0.0]])
    )
    stepper = Stepper(net, "half_sse", OptimizerConfig("adam", learning_rate=0.1), TrainingConfig(2), data)
    stepper.train(steps=3)
    return json.loads(dumps(NetworkFile("adam", "", stepper)))


def refusal(document: dict[str, Any]) -> LoadError:
    with pytest.raises(LoadError) as caught:
        loads(json.dumps(document))
    return caught.value


@settings(max_examples=30, deadline=None)
@given(
    layer=st.integers(0, 1),
    kind=st.sampled_from(["W", "b"]),
    where=st.integers(0, 1),
    value=st.floats(max_value=-1e-300, min_value=-1e300),
)
def test_a_negative_second_moment_is_refused_with_its_path(
    layer: int, kind: str, where: int, value: float
) -> None:
    document = adam_file()
    entry = document["state"]["moments"]["v"][layer][kind]
    if kind == "W":
        entry[0][where % len(entry[0])] = value
        index = f"[0][{where % len(entry[0])}]"
    else:
        entry[where % len(entry)] = value
        index = f"[{where % len(entry)}]"
    error = refusal(document)
    assert error.json_path == f"state.moments.v[{layer}].{kind}{index}"
    assert "second moment" in error.problem and "negative" in error.problem
    assert len(str(error)) < 200


def test_a_negative_first_moment_is_fine() -> None:
    document = adam_file()
    document["state"]["moments"]["m"][0]["b"][0] = -0.5
    assert loads(json.dumps(document)).stepper.optimizer_state.buffers["m"][2 * 2] == -0.5


def test_a_negative_running_variance_is_refused_with_its_path() -> None:
    document = adam_file()
    document["layers"][1]["running_var"][1] = -1e-3
    error = refusal(document)
    assert error.json_path == "layers[1].running_var[1]" and "negative" in error.problem


# -- limits -----------------------------------------------------------------------------------------
def test_the_limits_fit_together() -> None:
    """The numbers a file may hold, written at their longest, fit the file size the loader reads."""
    longest = len(repr(-2.2250738585072014e-308))
    assert longest + len(", ") <= limits.BYTES_PER_NUMBER
    assert limits.MAX_NUMBERS * limits.BYTES_PER_NUMBER + limits.MAX_TEXT_CHARS < limits.MAX_FILE_BYTES
    assert 3 * limits.MAX_PARAMETERS <= limits.MAX_NUMBERS  # θ with Adam's m and v
    assert limits.MAX_COUNT == 2**63 - 1
    defs = schema()["$defs"]
    assert defs["count"]["maximum"] == limits.MAX_COUNT  # the schema says the same as the table
    assert defs["size"]["maximum"] == limits.MAX_NEURONS_PER_LAYER


def test_a_file_at_the_longest_numbers_stays_under_the_bound() -> None:
    """Every number at its longest, one per row (the most indentation per number): the written
    file stays within BYTES_PER_NUMBER per number plus its text."""
    net = Network([LayerSpec(1), LayerSpec(60, "tanh", batch_norm=True), LayerSpec(1, "linear")])
    data = Dataset(np.full((6, 1), -2.2250738585072014e-308), np.full((6, 1), -2.2250738585072014e-308))
    stepper = Stepper(net, "half_sse", OptimizerConfig("adam"), TrainingConfig(2), data)
    net.theta[:] = -2.2250738585072014e-308
    for name in stepper.optimizer_state.buffers:
        stepper.optimizer_state.buffers[name][:] = 2.2250738585072014e-308
    stepper.cost_history = [1.2345678901234567e-300] * 10
    stepper.epoch_history = [2**63 - 1] * 10
    text = dumps(NetworkFile("n", "", stepper))
    numbers = stepper.saved_numbers(len(stepper.cost_history))
    assert len(text.encode()) <= numbers * limits.BYTES_PER_NUMBER + 4096


@pytest.mark.parametrize("counter", ["step", "epoch", "optimizer_steps"])
def test_a_counter_at_its_limit_loads_but_training_refuses_the_next_step(counter: str) -> None:
    document = adam_file()
    document["state"][counter] = limits.MAX_COUNT
    nf = loads(json.dumps(document))
    before = nf.stepper.network.theta.copy()
    with pytest.raises(EngineError) as caught:
        nf.stepper.train(steps=1)
    assert caught.value.field == "limit" and "9,223,372,036,854,775,807" in str(caught.value)
    assert np.array_equal(nf.stepper.network.theta, before)
    loads(dumps(nf))  # and it still saves


def test_a_counter_past_the_limit_is_refused_at_load() -> None:
    document = adam_file()
    document["state"]["step"] = limits.MAX_COUNT + 1
    assert refusal(document).json_path == "state.step"


def _small_stepper(history: int) -> Stepper:
    net = Network([LayerSpec(1), LayerSpec(1, "linear")])
    data = Dataset(np.array([[1.0]]), np.array([[0.0]]))
    stepper = Stepper(net, "half_sse", OptimizerConfig("sgd"), TrainingConfig(1), data)
    stepper.cost_history = [0.5] * history
    stepper.epoch_history = [0] * history
    return stepper


def test_training_refuses_the_step_that_would_make_the_file_too_large() -> None:
    stepper = _small_stepper(0)
    room = (limits.MAX_NUMBERS - stepper.saved_numbers(0)) // limits.NUMBERS_PER_STEP
    stepper.cost_history = [0.5] * (room - 1)
    stepper.epoch_history = [0] * (room - 1)
    stepper.step()  # the last step that fits
    assert stepper.saved_numbers(len(stepper.cost_history)) <= limits.MAX_NUMBERS
    before = stepper.network.theta.copy()
    with pytest.raises(EngineError) as caught:
        stepper.step()
    assert caught.value.field == "limit" and f"{limits.MAX_NUMBERS:,}" in str(caught.value)
    assert np.array_equal(stepper.network.theta, before) and len(stepper.cost_history) == room


def test_a_history_that_would_not_fit_is_refused_at_load() -> None:
    stepper = _small_stepper(1)
    document = json.loads(dumps(NetworkFile("n", "", stepper)))
    room = (limits.MAX_NUMBERS - stepper.saved_numbers(0)) // limits.NUMBERS_PER_STEP
    document["state"]["cost_history"] = [0.5] * (room + 1)
    document["state"]["epoch_history"] = [0] * (room + 1)
    error = refusal(document)
    assert error.json_path == "state.cost_history" and f"{limits.MAX_NUMBERS:,}" in error.problem


def test_a_network_over_the_parameter_limit_is_refused() -> None:
    with pytest.raises(EngineError) as caught:
        Network([LayerSpec(5), LayerSpec(100_000, "relu"), LayerSpec(1, "linear")])
    assert f"{limits.MAX_PARAMETERS:,}" in str(caught.value)
    assert math.isfinite(limits.MAX_PARAMETERS)


def wide_file(inputs: int, name: str) -> dict[str, Any]:
    """A file with `inputs` input neurons, each named `name` (the text that can grow the most)."""
    return {
        "format": "bpstudio-network",
        "version": 1,
        "name": "wide",
        "description": "\u0001" * 20_000,  # the longest description, written 6 bytes a character
        "layers": [{"size": inputs}, {"size": 1, "activation": "linear"}],
        "loss": "half_sse",
        "optimizer": {"name": "adam"},
        "training": {"batch_size": 1},
        "dataset": {"inputs": [[0.5] * inputs], "targets": [[1.0]], "input_names": [name] * inputs},
        "init": {"scheme": "xavier_uniform", "seed": 1},
    }


def test_text_past_the_limit_is_refused_at_its_largest_field() -> None:
    error = refusal(wide_file(45_000, "n" * 100))  # 45,000 × 102 bytes
    assert error.json_path == "dataset.input_names" and f"{limits.MAX_TEXT_CHARS:,}" in error.problem


def test_a_file_at_every_limit_saves_within_the_file_size() -> None:
    """Nearly the most text and the most numbers a file may hold, every number at its longest:
    the file written stays under MAX_FILE_BYTES, so it opens again."""
    nf = loads(json.dumps(wide_file(39_000, "n" * 100)))
    stepper = nf.stepper
    stepper.network.theta[:] = -2.2250738585072014e-308
    for values in stepper.optimizer_state.buffers.values():
        values[:] = 2.2250738585072014e-308
    room = (limits.MAX_NUMBERS - stepper.saved_numbers(0)) // limits.NUMBERS_PER_STEP
    stepper.cost_history = [-2.2250738585072014e-308] * room
    stepper.epoch_history = [limits.MAX_COUNT] * room
    text = dumps(nf)
    assert len(text.encode()) <= limits.MAX_FILE_BYTES
