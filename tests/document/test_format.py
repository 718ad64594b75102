"""The network file: exact round trips, bit-identical resume after save/load, atomic saving."""

from __future__ import annotations

import json
import os
import re
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import numpy as np
import pytest
from hypothesis import HealthCheck, given, reject, settings
from hypothesis import strategies as st

import bpstudio.document.fileformat as fmt
from bpstudio import jsontext
from bpstudio.assets import default_example
from bpstudio.document import (
    FORMAT,
    VERSION,
    NetworkFile,
    SaveError,
    default_network,
    dumps,
    load_file,
    loads,
    save_file,
    to_json_dict,
)
from bpstudio.engine import ACTIVATIONS, INITIALIZERS, LOSSES, OPTIMIZERS, InitConfig, NonFiniteError, Stepper
from bpstudio.engine.initializers import initialize
from bpstudio.engine.network import MAX_LAYERS, MAX_NEURONS_PER_LAYER, LayerSpec, Network


# -- helpers ----------------------------------------------------------------------------------------
def document(**overrides: Any) -> dict[str, Any]:
    """A small valid file (3 layers, 6 samples) with weights from an init block."""
    base: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "name": "test net",
        "layers": [{"size": 2}, {"size": 3, "activation": "tanh"}, {"size": 1, "activation": "sigmoid"}],
        "loss": "binary_cross_entropy",
        "optimizer": {"name": "sgd", "learning_rate": 0.3},
        "training": {"batch_size": 2, "shuffle": False, "seed": 0},
        "dataset": {
            "inputs": [[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0], [0.5, 0.2], [0.1, 0.9]],
            "targets": [[0.0], [1.0], [1.0], [0.0], [1.0], [0.0]],
        },
        "init": {"scheme": "xavier_uniform", "seed": 5},
    }
    base.update(overrides)
    return base


def load_doc(doc: dict[str, Any]) -> NetworkFile:
    return loads(json.dumps(doc), "test.json")


def assert_same_training(a: Stepper, b: Stepper) -> None:
    """Parameters, BN statistics, optimizer state, counters and history identical to the bit."""
    assert a.network.theta.tobytes() == b.network.theta.tobytes()
    for mean_a, mean_b, var_a, var_b in zip(
        a.network.running_mean,
        b.network.running_mean,
        a.network.running_var,
        b.network.running_var,
        strict=True,
    ):
        assert (mean_a is None) == (mean_b is None)
        if mean_a is not None and mean_b is not None and var_a is not None and var_b is not None:
            assert mean_a.tobytes() == mean_b.tobytes()
            assert var_a.tobytes() == var_b.tobytes()
    assert a.optimizer_state.t == b.optimizer_state.t
    assert a.optimizer_state.buffers.keys() == b.optimizer_state.buffers.keys()
    for name, buffer in a.optimizer_state.buffers.items():
        assert buffer.tobytes() == b.optimizer_state.buffers[name].tobytes()
    assert (a.steps_done, a.epoch, a.batch_in_epoch) == (b.steps_done, b.epoch, b.batch_in_epoch)
    assert np.array(a.cost_history).tobytes() == np.array(b.cost_history).tobytes()
    assert a.epoch_history == b.epoch_history


# -- the article's network ----------------------------------------------------------------------------
def test_default_network_is_the_article() -> None:
    nf = default_network()
    net = nf.stepper.network
    assert net.sizes == [2, 2, 1]
    assert net.W(1).tolist() == [[0.10, -0.20], [0.30, 0.25]]
    assert net.b(1).tolist() == [0.01, -0.02]
    assert net.W(2).tolist() == [[0.80, 0.90]]
    assert net.b(2).tolist() == [0.10]
    assert nf.stepper.loss == "half_sse"
    assert nf.stepper.optimizer.name == "sgd" and nf.stepper.optimizer.learning_rate == 0.1
    assert nf.stepper.training.batch_size == 1
    assert nf.stepper.dataset.inputs.tolist() == [[0.2, 0.4]]
    assert nf.stepper.dataset.targets.tolist() == [[1.0]]
    assert nf.init is None and nf.positions is None
    assert nf.stepper.steps_done == 0


def test_issue_minimum_example_loads() -> None:
    """The issue's minimum content, verbatim, is a complete file."""
    text = """{"format": "bpstudio-network", "version": 1, "name": "...",
     "layers": [{"size": 2},
                {"size": 2, "activation": "sigmoid", "weights": [[0.1, -0.2], [0.3, 0.25]],
                 "biases": [0.01, -0.02]},
                {"size": 1, "activation": "sigmoid", "weights": [[0.8, 0.9]], "biases": [0.1]}],
     "loss": "half_sse",
     "optimizer": {"name": "sgd", "learning_rate": 0.1},
     "training": {"batch_size": 1, "shuffle": false, "seed": 0},
     "dataset": {"inputs": [[0.2, 0.4]], "targets": [[1.0]]}}"""
    nf = loads(text)
    nf.stepper.step()
    assert np.round(nf.stepper.network.W(2), 6).tolist() == [[0.802666, 0.902926]]


# -- the schema -------------------------------------------------------------------------------------
def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(fmt.schema())
    assert fmt.schema()["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_schema_names_and_limits_match_the_engine() -> None:
    s = fmt.schema()
    defs = s["$defs"]
    assert tuple(defs["layer"]["properties"]["activation"]["enum"]) == ACTIVATIONS
    assert tuple(s["properties"]["loss"]["enum"]) == LOSSES
    assert tuple(defs["optimizer"]["properties"]["name"]["enum"]) == OPTIMIZERS
    assert tuple(defs["init"]["properties"]["scheme"]["enum"]) == INITIALIZERS
    assert defs["size"]["maximum"] == MAX_NEURONS_PER_LAYER
    assert s["properties"]["layers"]["maxItems"] == MAX_LAYERS
    assert s["properties"]["format"]["const"] == FORMAT
    assert s["properties"]["version"]["const"] == VERSION


def test_saved_files_validate_against_the_schema(tmp_path: Path) -> None:
    nf = load_doc(document(optimizer={"name": "adam", "learning_rate": 0.01, "clip_norm": 1.0}))
    nf.stepper.train(steps=5)
    nf.positions = [[(1.0, 2.0)] * n for n in nf.stepper.network.sizes]
    jsonschema.Draft202012Validator(fmt.schema()).validate(json.loads(dumps(nf)))


# -- round trips ------------------------------------------------------------------------------------
def test_dumps_is_stable_and_lossless() -> None:
    nf = load_doc(document())
    text = dumps(nf)
    assert dumps(loads(text)) == text
    assert text.endswith("\n")


def test_init_block_creates_the_same_weights_as_the_engine() -> None:
    nf = load_doc(document())
    net = Network([LayerSpec(2), LayerSpec(3, "tanh"), LayerSpec(1, "sigmoid")])
    initialize(net, InitConfig(scheme="xavier_uniform", seed=5))
    assert nf.stepper.network.theta.tobytes() == net.theta.tobytes()
    assert nf.init == InitConfig(scheme="xavier_uniform", seed=5)


def test_given_weights_override_the_init_block() -> None:
    doc = document()
    doc["layers"][2]["weights"] = [[1.5, -2.5, 0.25]]
    nf = load_doc(doc)
    assert nf.stepper.network.W(2).tolist() == [[1.5, -2.5, 0.25]]
    assert nf.stepper.network.W(1).tolist() == load_doc(document()).stepper.network.W(1).tolist()


def test_without_state_the_file_starts_fresh() -> None:
    nf = load_doc(document())
    nf.stepper.train(steps=4)
    data = to_json_dict(nf, include_state=False)
    assert "state" not in data
    again = loads(dumps(nf, include_state=False))
    assert again.stepper.steps_done == 0 and again.stepper.cost_history == []
    assert again.stepper.network.theta.tobytes() == nf.stepper.network.theta.tobytes()


def test_names_descriptions_positions_round_trip() -> None:
    doc = document(description="two lines\nof text", description_vi="mạng thử")
    doc["dataset"]["input_names"] = ["x₁", "x₂"]
    doc["dataset"]["output_names"] = ["y"]
    doc["canvas"] = {
        "positions": [[[0.0, -1.5], [0.0, 1.5]], [[1.0, -1.0], [1.0, 0.0], [1.0, 1.0]], [[2.0, 0.1]]]
    }
    nf = loads(dumps(load_doc(doc)))
    assert nf.description == "two lines\nof text" and nf.description_vi == "mạng thử"
    assert nf.input_names == ["x₁", "x₂"] and nf.output_names == ["y"]
    assert nf.positions == [[(0.0, -1.5), (0.0, 1.5)], [(1.0, -1.0), (1.0, 0.0), (1.0, 1.0)], [(2.0, 0.1)]]


def test_readable_layout() -> None:
    """Rows of numbers stay on one line, so a weight matrix reads like the article's W."""
    text = dumps(default_network(), include_state=False)
    assert '"weights": [[0.1, -0.2], [0.3, 0.25]]' in text
    assert '"training": {"batch_size": 1, "shuffle": false, "seed": 0}' in text


@settings(max_examples=60, deadline=None)
@given(values=st.lists(st.floats(allow_nan=False, allow_infinity=False, width=64), min_size=9, max_size=9))
def test_any_finite_float_survives_the_round_trip(values: list[float]) -> None:
    """repr precision: subnormals, -0.0 and 1e308 come back bit for bit."""
    nf = default_network()
    nf.stepper.network.theta[:] = values
    nf.stepper.dataset.inputs[0] = values[:2]
    again = loads(dumps(nf))
    assert again.stepper.network.theta.tobytes() == nf.stepper.network.theta.tobytes()
    assert again.stepper.dataset.inputs.tobytes() == nf.stepper.dataset.inputs.tobytes()


# -- resume: save -> load -> continue equals never saving ----------------------------------------------------
RESUME_CASES = {
    "sgd": {},
    "sgd with weight decay and clipping": {
        "optimizer": {"name": "sgd", "learning_rate": 0.5, "weight_decay": 0.01, "clip_norm": 0.05}
    },
    "momentum": {"optimizer": {"name": "momentum", "learning_rate": 0.2, "momentum": 0.9}},
    "nesterov": {"optimizer": {"name": "nesterov", "learning_rate": 0.2, "momentum": 0.8}},
    "adam": {"optimizer": {"name": "adam", "learning_rate": 0.05, "beta1": 0.8, "beta2": 0.99}},
    "shuffle": {"training": {"batch_size": 4, "shuffle": True, "seed": 9}},
    "batch norm with adam and shuffle": {
        "layers": [
            {"size": 2},
            {"size": 3, "activation": "relu", "batch_norm": True},
            {"size": 2, "activation": "leaky_relu", "leaky_slope": 0.2, "batch_norm": True},
            {"size": 1, "activation": "sigmoid"},
        ],
        "optimizer": {"name": "adam", "learning_rate": 0.02, "weight_decay": 0.001},
        "training": {"batch_size": 3, "shuffle": True, "seed": 2},
    },
}


@pytest.mark.parametrize("case", list(RESUME_CASES))
@pytest.mark.parametrize("before", [5, 7])
def test_save_load_continue_is_bit_identical(case: str, before: int, tmp_path: Path) -> None:
    doc = document(**RESUME_CASES[case])
    never_saved = load_doc(doc)
    never_saved.stepper.train(steps=before + 9)

    saved = load_doc(doc)
    saved.stepper.train(steps=before)
    save_file(tmp_path / "net.json", saved)
    resumed = load_file(tmp_path / "net.json")
    assert_same_training(resumed.stepper, saved.stepper)
    resumed.stepper.train(steps=9)
    assert_same_training(resumed.stepper, never_saved.stepper)


def test_saving_mid_step_resumes_the_same_step(tmp_path: Path) -> None:
    """The trace is not saved; the step restarts at feedforward and ends the same way."""
    doc = document(optimizer={"name": "momentum", "learning_rate": 0.1})
    straight = load_doc(doc)
    straight.stepper.train(steps=3)
    interrupted = load_doc(doc)
    interrupted.stepper.train(steps=2)
    interrupted.stepper.next_phase()
    interrupted.stepper.next_layer()
    save_file(tmp_path / "mid.json", interrupted)
    resumed = load_file(tmp_path / "mid.json")
    resumed.stepper.step()
    assert_same_training(resumed.stepper, straight.stepper)


hidden_activations = st.sampled_from(["sigmoid", "tanh", "relu", "leaky_relu", "linear"])
endings = st.sampled_from(
    [
        ("half_sse", "sigmoid"),
        ("half_sse", "linear"),
        ("mse", "tanh"),
        ("binary_cross_entropy", "sigmoid"),
        ("cross_entropy", "softmax"),
    ]
)


@st.composite
def random_networks(draw: st.DrawFn) -> dict[str, Any]:
    """A random valid file: any depth, widths, activations, loss, optimizer, BN, batch, shuffle."""
    seed = draw(st.integers(0, 2**32 - 1))
    rng = np.random.default_rng(seed)
    sizes = draw(st.lists(st.integers(1, 4), min_size=2, max_size=5))
    loss, out_activation = draw(endings)
    if out_activation == "softmax" and sizes[-1] == 1:
        sizes[-1] = 2
    samples = draw(st.integers(2, 8))
    batch = draw(st.integers(1, samples))
    use_bn = draw(st.booleans()) and len(sizes) > 2
    if use_bn and (batch == 1 or samples % batch == 1):
        batch = samples
    layers: list[dict[str, Any]] = [{"size": sizes[0]}]
    for index, size in enumerate(sizes[1:], start=1):
        last = index == len(sizes) - 1
        entry: dict[str, Any] = {
            "size": size,
            "activation": out_activation if last else draw(hidden_activations),
        }
        if entry["activation"] == "leaky_relu":
            entry["leaky_slope"] = draw(st.sampled_from([0.01, 0.1, 0.3]))
        if use_bn and not last:
            entry["batch_norm"] = draw(st.booleans())
        layers.append(entry)
    optimizer: dict[str, Any] = {
        "name": draw(st.sampled_from(OPTIMIZERS)),
        "learning_rate": draw(st.sampled_from([0.01, 0.05, 0.1])),
        "momentum": draw(st.sampled_from([0.5, 0.9])),
        "weight_decay": draw(st.sampled_from([0.0, 0.01])),
        "clip_norm": draw(st.sampled_from([None, 0.5, 2.0])),
    }
    targets = rng.random((samples, sizes[-1]))
    if loss == "cross_entropy":
        targets = targets / targets.sum(axis=1, keepdims=True)
    return document(
        layers=layers,
        loss=loss,
        optimizer=optimizer,
        training={"batch_size": batch, "shuffle": draw(st.booleans()), "seed": draw(st.integers(0, 1000))},
        dataset={"inputs": rng.normal(size=(samples, sizes[0])).tolist(), "targets": targets.tolist()},
        init={"scheme": draw(st.sampled_from(INITIALIZERS)), "seed": seed, "bias": 0.01},
    )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doc=random_networks(), before=st.integers(0, 6), after=st.integers(1, 4), mid_phases=st.integers(0, 2))
def test_random_networks_round_trip_bit_for_bit(
    doc: dict[str, Any], before: int, after: int, mid_phases: int
) -> None:
    straight = load_doc(doc)
    saved = load_doc(doc)
    try:
        straight.stepper.train(steps=before + after)
        saved.stepper.train(steps=before)
        for _ in range(mid_phases):
            saved.stepper.next_phase()
    except NonFiniteError:
        reject()
    resumed = loads(dumps(saved))
    assert_same_training(resumed.stepper, saved.stepper)
    assert resumed.stepper.network.specs == saved.stepper.network.specs
    assert resumed.stepper.dataset.inputs.tobytes() == saved.stepper.dataset.inputs.tobytes()
    assert resumed.stepper.dataset.targets.tobytes() == saved.stepper.dataset.targets.tobytes()
    assert (resumed.stepper.loss, resumed.stepper.optimizer, resumed.stepper.training) == (
        saved.stepper.loss,
        saved.stepper.optimizer,
        saved.stepper.training,
    )
    resumed.stepper.train(steps=after)
    assert_same_training(resumed.stepper, straight.stepper)


# -- atomic saving ------------------------------------------------------------------------------------
@pytest.fixture
def existing(tmp_path: Path) -> tuple[Path, bytes]:
    target = tmp_path / "net.json"
    save_file(target, default_network())
    return target, target.read_bytes()


def trained() -> NetworkFile:
    nf = default_network()
    nf.stepper.train(steps=3)
    return nf


def test_save_writes_a_loadable_file(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    save_file(target, trained())
    assert load_file(target).stepper.steps_done == 3
    assert os.listdir(tmp_path) == ["out.json"]


def test_save_overwrites_and_keeps_permissions(existing: tuple[Path, bytes]) -> None:
    target, _ = existing
    os.chmod(target, 0o640)
    save_file(target, trained())
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o640
    assert load_file(target).stepper.steps_done == 3


def test_failing_rename_leaves_the_old_file_untouched(
    existing: tuple[Path, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    target, before = existing

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(SaveError) as caught:
        save_file(target, trained())
    assert target.read_bytes() == before
    assert os.listdir(target.parent) == ["net.json"]  # the temporary file is gone
    assert (
        str(caught.value)
        == f"{target}: could not save (No space left on device); the previous file is unchanged"
    )


def test_failing_serialisation_leaves_the_old_file_untouched(
    existing: tuple[Path, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    target, before = existing

    def broken_encode(value: Any, indent: int) -> str:
        raise ValueError("simulated failure")

    monkeypatch.setattr(jsontext, "encode", broken_encode)
    with pytest.raises(SaveError, match="simulated failure"):
        save_file(target, trained())
    assert target.read_bytes() == before
    assert os.listdir(target.parent) == ["net.json"]


def test_failing_write_midway_leaves_the_old_file_untouched(
    existing: tuple[Path, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    target, before = existing

    def broken_fsync(fd: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(SaveError, match="Input/output error"):
        save_file(target, trained())
    assert target.read_bytes() == before
    assert os.listdir(target.parent) == ["net.json"]


def test_interrupt_during_save_cleans_up_and_propagates(
    existing: tuple[Path, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    target, before = existing

    def interrupted(src: str, dst: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        save_file(target, trained())
    assert target.read_bytes() == before
    assert os.listdir(target.parent) == ["net.json"]


def test_non_finite_parameter_is_not_saved(existing: tuple[Path, bytes]) -> None:
    target, before = existing
    nf = default_network()
    nf.stepper.network.theta[0] = np.nan
    with pytest.raises(SaveError, match="could not write the network as JSON"):
        save_file(target, nf)
    assert target.read_bytes() == before


def test_save_into_a_missing_folder(tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "net.json"
    with pytest.raises(SaveError) as caught:
        save_file(target, default_network())
    assert "does not exist" in caught.value.problem
    assert caught.value.path == str(target)


def test_save_onto_a_folder(tmp_path: Path) -> None:
    with pytest.raises(SaveError, match="folder"):
        save_file(tmp_path, default_network())


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs POSIX permissions as non-root")
def test_save_into_a_read_only_folder(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(SaveError, match="no permission"):
            save_file(folder / "net.json", default_network())
    finally:
        folder.chmod(0o700)


# -- layering --------------------------------------------------------------------------------------
def test_the_format_imports_no_qt() -> None:
    """The command line imports the format; it must start without Qt."""
    code = (
        "import sys, bpstudio.document, bpstudio.document.fileformat; "
        "bpstudio.document.default_network(); "
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'pyqtgraph'))]; "
        "print(','.join(bad)); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


# -- the user documentation stays true --------------------------------------------------------------
DOC = Path(__file__).resolve().parents[2] / "docs" / "file-format.md"


def _json_blocks() -> list[str]:
    return re.findall(r"```json\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.DOTALL)


def test_every_json_block_of_the_documentation_is_valid() -> None:
    """Whole files load; fragments ("key": value) validate against that key's part of the schema."""
    full = fmt.schema()
    blocks = _json_blocks()
    assert len(blocks) >= 8
    whole = 0
    for block in blocks:
        text = block.strip()
        if text.startswith("{") and '"format"' in text:
            loads(text, "doc example")
            whole += 1
            continue
        if text.startswith("{"):  # a layer
            value = json.loads(text)
            kind = "input_layer" if set(value) == {"size"} else "layer"
            sub = {"$defs": full["$defs"], "$ref": f"#/$defs/{kind}"}
            jsonschema.Draft202012Validator(sub).validate(value)
            continue
        fragment = json.loads("{" + text + "}")
        for key, value in fragment.items():
            sub = {"$defs": full["$defs"], **full["properties"][key]}
            jsonschema.Draft202012Validator(sub).validate(value)
    assert whole == 2


def test_the_documented_state_example_loads_into_the_article() -> None:
    state_block = next(b for b in _json_blocks() if b.lstrip().startswith('"state"'))
    doc = json.loads(default_example().read_text(encoding="utf-8"))
    doc["optimizer"] = {"name": "momentum", "learning_rate": 0.1}
    doc.update(json.loads("{" + state_block + "}"))
    nf = load_doc(doc)
    assert nf.stepper.steps_done == 2 and nf.stepper.epoch == 2
    assert nf.stepper.optimizer_state.t == 2


def test_every_schema_key_is_documented() -> None:
    text = DOC.read_text(encoding="utf-8")
    s = fmt.schema()
    keys = set(s["properties"])
    for name in ("layer", "optimizer", "training", "dataset", "init", "state", "canvas"):
        keys |= set(s["$defs"][name]["properties"])
    missing = sorted(key for key in keys if f"`{key}`" not in text)
    assert not missing, f"undocumented keys: {missing}"


def test_labels_that_no_longer_fit_are_left_out(tmp_path: Path) -> None:
    """After a structure edit, stale positions or names must not make the saved file unreadable."""
    nf = default_network()
    nf.positions = [[(0.0, 0.0)], [(1.0, 0.0)], [(2.0, 0.0)]]  # wrong: layers have 2, 2, 1 neurons
    nf.input_names = ["only one"]
    nf.output_names = ["y"]
    nf.name = "  "
    save_file(tmp_path / "net.json", nf)
    again = load_file(tmp_path / "net.json")
    assert again.positions is None and again.input_names is None and again.output_names == ["y"]
    assert again.name == fmt.UNTITLED


def test_a_network_the_loader_would_refuse_is_not_saved(existing: tuple[Path, bytes]) -> None:
    target, before = existing
    nf = default_network()
    nf.description = "x" * 30_000  # longer than the schema allows
    with pytest.raises(SaveError, match="cannot be saved as it is: description: is longer than"):
        save_file(target, nf)
    assert target.read_bytes() == before
