"""Files BP Studio must refuse, each with one clear message naming the JSON path and the problem."""

from __future__ import annotations

import copy
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import bpstudio.document.fileformat as fmt
import bpstudio.document.fileformat.validate as validate_module
from bpstudio.assets import default_example
from bpstudio.document import LoadError, NetworkFile, dumps, load_file, loads, to_json_dict
from bpstudio.document.fileformat import MAX_FILE_BYTES

ARTICLE_TEXT = default_example().read_text(encoding="utf-8")
ARTICLE: dict[str, Any] = json.loads(ARTICLE_TEXT)


def mutated(change: Callable[[dict[str, Any]], Any]) -> str:
    document = copy.deepcopy(ARTICLE)
    change(document)
    return json.dumps(document)


def refusal(text: str | bytes) -> LoadError:
    with pytest.raises(LoadError) as caught:
        loads(text, "net.json")
    return caught.value


def layer(index: int, **values: Any) -> Callable[[dict[str, Any]], None]:
    return lambda d: d["layers"][index].update(values)


def section(key: str, **values: Any) -> Callable[[dict[str, Any]], None]:
    return lambda d: d[key].update(values)


def top(**values: Any) -> Callable[[dict[str, Any]], None]:
    return lambda d: d.update(values)


def drop(*keys: str) -> Callable[[dict[str, Any]], None]:
    def change(d: dict[str, Any]) -> None:
        target = d
        for key in keys[:-1]:
            target = target[key]
        del target[keys[-1]]

    return change


def both(*changes: Callable[[dict[str, Any]], Any]) -> Callable[[dict[str, Any]], None]:
    def change(d: dict[str, Any]) -> None:
        for one in changes:
            one(d)

    return change


# Whole-file problems: (label, text or bytes, words the problem must contain)
RAW_CASES: list[tuple[str, str | bytes, str]] = [
    ("empty file", "", "the file is empty"),
    ("only white space", "  \n\t ", "the file is empty"),
    (
        "malformed JSON",
        '{"format": "bpstudio-network",, "version": 1}',
        "not valid JSON at line 1, column 31: Expecting property name",
    ),
    ("missing comma on line 3", '{\n "format": "x",\n "version": 1\n "name": "a"\n}', "at line 4, column 2"),
    ("truncated file", ARTICLE_TEXT[: len(ARTICLE_TEXT) // 2], "ends too early"),
    ("truncated inside a number", ARTICLE_TEXT[: ARTICLE_TEXT.index("0.25") + 2], "ends too early"),
    ("NaN literal", ARTICLE_TEXT.replace("0.25", "NaN"), "NaN is not allowed at line"),
    ("Infinity literal", ARTICLE_TEXT.replace("0.25", "Infinity"), "Infinity is not allowed at line"),
    ("-Infinity literal", ARTICLE_TEXT.replace("0.25", "-Infinity"), "-Infinity is not allowed"),
    ("number overflowing float64", ARTICLE_TEXT.replace("0.25", "1e400"), "1e400 at line"),
    ("integer with 5000 digits", ARTICLE_TEXT.replace('"size": 1', '"size": 1' + "0" * 5000), "too large"),
    ("non-UTF-8 bytes", ARTICLE_TEXT.encode().replace(b"article", b"\xff\xfeticle"), "not UTF-8 text"),
    ("Latin-1 text", ARTICLE_TEXT.encode("utf-8").replace("−".encode(), b"\xe9"), "not UTF-8 text"),
    ("deep nesting", "[" * 100_000 + "]" * 100_000, "nests too deeply"),
    ("mismatched bracket", '{"format": [1, 2}', "not valid JSON at line 1, column 17"),
    ("duplicate key", '{"format": "bpstudio-network", "format": "other"}', 'the key "format" appears twice'),
    ("a list, not an object", "[1, 2, 3]", "expected an object, got a list of 3 items"),
    ("a bare string", '"hello"', 'expected an object, got the text "hello"'),
]


@pytest.mark.parametrize(("label", "text", "words"), RAW_CASES, ids=[case[0] for case in RAW_CASES])
def test_whole_file_problems(label: str, text: str | bytes, words: str) -> None:
    error = refusal(text)
    assert error.json_path == ""
    assert words in error.problem
    assert str(error) == f"net.json: {error.problem}"
    assert "\n" not in str(error)


# Problems inside the document: (label, change, json path, words the problem must contain)
CASES: list[tuple[str, Callable[[dict[str, Any]], Any], str, str]] = [
    ("wrong format name", top(format="keras-model"), "format", "not a BP Studio network file"),
    ("no format key", drop("format"), "", 'the required key "format" is missing'),
    ("future version", top(version=2), "version", "format version 2 is not supported"),
    ("version as text", top(version="1"), "version", 'format version "1" is not supported'),
    ("no name", drop("name"), "", 'the required key "name" is missing'),
    ("empty name", top(name=""), "name", "must not be empty"),
    ("no layers", drop("layers"), "", 'the required key "layers" is missing'),
    ("unknown top-level key", top(lerning_rate=0.1), "", 'unknown key "lerning_rate"'),
    (
        "unknown optimizer key",
        section("optimizer", lerning_rate=0.1),
        "optimizer",
        'unknown key "lerning_rate"',
    ),
    (
        "unknown activation",
        layer(1, activation="sigmod"),
        "layers[1].activation",
        'unknown activation "sigmod"; expected one of: sigmoid, tanh',
    ),
    ("unknown loss", top(loss="hinge"), "loss", 'unknown loss "hinge"'),
    (
        "unknown optimizer",
        section("optimizer", name="rmsprop"),
        "optimizer.name",
        'unknown optimizer "rmsprop"',
    ),
    ("unknown initialiser", top(init={"scheme": "zeros"}), "init.scheme", 'unknown initialiser "zeros"'),
    ("size as text", layer(1, size="2"), "layers[1].size", 'expected a whole number, got the text "2"'),
    ("fractional size", layer(1, size=2.5), "layers[1].size", "expected a whole number, got the number 2.5"),
    ("negative size", layer(1, size=-2), "layers[1].size", "a layer needs at least 1 neuron, got -2"),
    ("zero inputs", layer(0, size=0), "layers[0].size", "at least 1 neuron, got 0"),
    (
        "10^9 neurons",
        layer(1, size=10**9),
        "layers[1].size",
        "1000000000 neurons is more than the 100000 allowed",
    ),
    (
        "10^10 parameters",
        both(
            layer(1, size=100_000),
            lambda d: d["layers"].insert(2, {"size": 100_000, "activation": "tanh"}),
            top(init={}),
        ),
        "layers",
        "the network would have 10,000,500,001 parameters",
    ),
    ("only an input layer", lambda d: d.update(layers=d["layers"][:1]), "layers", "at least one more layer"),
    (
        "65 layers",
        top(layers=[{"size": 1}] + [{"size": 1, "activation": "tanh"}] * 64),
        "layers",
        "65 layers is more than the 64",
    ),
    ("input layer with an activation", layer(0, activation="relu"), "layers[0]", 'takes only "size"'),
    (
        "weights with too many rows",
        layer(2, weights=[[0.8, 0.9], [1.0, 2.0]]),
        "layers[2].weights",
        "expected 1 row of 2 numbers, got 2 rows",
    ),
    (
        "ragged weights",
        layer(1, weights=[[0.1, 0.2], [1, 2, 3]]),
        "layers[1].weights[1]",
        "expected 2 numbers, got 3",
    ),
    (
        "weight as text",
        layer(1, weights=[[0.1, "x"], [1, 2]]),
        "layers[1].weights[0][1]",
        "expected a number",
    ),
    ("weight as boolean", layer(1, weights=[[0.1, True], [1, 2]]), "layers[1].weights[0][1]", "got true"),
    (
        "short biases",
        layer(1, biases=[0.1]),
        "layers[1].biases",
        "expected 2 numbers (one per neuron), got 1",
    ),
    ("missing weights, no init", drop("layers", 1, "weights"), "layers[1].weights", 'add an "init" block'),
    ("gamma without batch norm", layer(1, gamma=[1, 1]), "layers[1].gamma", "only a layer with batch_norm"),
    ("batch norm on the output", layer(2, batch_norm=True), "layers[2].batch_norm", "hidden layers only"),
    (
        "batch norm with batch size 1",
        layer(1, batch_norm=True),
        "training.batch_size",
        "batch normalisation cannot train with batch_size 1",
    ),
    (
        "negative running variance",
        layer(1, batch_norm=True, running_var=[1.0, -1.0]),
        "layers[1].running_var[1]",
        "cannot be negative",
    ),
    (
        "softmax in a hidden layer",
        layer(1, activation="softmax"),
        "layers[1].activation",
        "only allowed on the output",
    ),
    (
        "binary cross-entropy on a linear output",
        both(layer(2, activation="linear"), top(loss="binary_cross_entropy")),
        "loss",
        "needs a sigmoid output layer",
    ),
    ("softmax with half_sse", layer(2, activation="softmax"), "loss", "trained with the cross_entropy loss"),
    (
        "zero learning rate",
        section("optimizer", learning_rate=0),
        "optimizer.learning_rate",
        "greater than 0",
    ),
    ("momentum of 1", section("optimizer", momentum=1), "optimizer.momentum", "must be less than 1"),
    (
        "nesterov without momentum",
        section("optimizer", name="nesterov", momentum=0),
        "optimizer.momentum",
        "nesterov",
    ),
    ("clip_norm as text", section("optimizer", clip_norm="x"), "optimizer.clip_norm", "a number or null"),
    ("batch size 0", section("training", batch_size=0), "training.batch_size", "at least 1, got 0"),
    ("batch larger than dataset", section("training", batch_size=2), "training.batch_size", "between 1 and"),
    ("shuffle as text", section("training", shuffle="yes"), "training.shuffle", "expected true or false"),
    ("negative seed", section("training", seed=-1), "training.seed", "at least 0, got -1"),
    ("empty dataset", section("dataset", inputs=[], targets=[]), "dataset.inputs", "the dataset is empty"),
    (
        "target width mismatch",
        section("dataset", targets=[[1.0, 0.0]]),
        "dataset.targets[0]",
        "expected 1 number (one per output neuron), got 2",
    ),
    ("input width mismatch", section("dataset", inputs=[[1.0]]), "dataset.inputs[0]", "one per input neuron"),
    (
        "more targets than inputs",
        section("dataset", targets=[[1.0], [0.0]]),
        "dataset.targets",
        "one per input row",
    ),
    ("no targets", drop("dataset", "targets"), "dataset", 'the required key "targets" is missing'),
    (
        "target outside [0, 1] for BCE",
        both(top(loss="binary_cross_entropy"), section("dataset", targets=[[2.0]])),
        "dataset.targets",
        "between 0 and 1",
    ),
    ("too few input names", section("dataset", input_names=["a"]), "dataset.input_names", "expected 2 names"),
    (
        "uniform init with a >= b",
        both(drop("layers", 1, "weights"), top(init={"scheme": "uniform", "a": 1, "b": 0})),
        "init",
        "needs a < b",
    ),
    ("batch_in_epoch out of range", top(state={"batch_in_epoch": 3}), "state.batch_in_epoch", "below 1"),
    ("negative step counter", top(state={"step": -1}), "state.step", "at least 0"),
    (
        "epoch history beyond 2^63",
        top(state={"epoch_history": [0, 2**70]}),
        "state.epoch_history[1]",
        "at most",
    ),
    ("moments for sgd", top(state={"moments": {"m": []}}), "state.moments", "sgd keeps no moments"),
    (
        "histories of different lengths",
        top(state={"cost_history": [1.0], "epoch_history": []}),
        "state.epoch_history",
        "same length",
    ),
    (
        "velocity of the wrong shape",
        both(
            section("optimizer", name="momentum"),
            top(
                state={
                    "optimizer_steps": 1,
                    "moments": {"velocity": [{"W": [[0, 0], [0, 0]], "b": [0, 0]}, {"W": [[0]], "b": [0]}]},
                }
            ),
        ),
        "state.moments.velocity[1].W[0]",
        "expected 2 numbers, got 1",
    ),
    (
        "adam state without moments",
        both(section("optimizer", name="adam"), top(state={"optimizer_steps": 4})),
        "state.moments",
        "moments (m, v) are missing",
    ),
    (
        "canvas layer with too few points",
        top(canvas={"positions": [[[0, 0], [0, 1]], [[1, 0]], [[2, 0]]]}),
        "canvas.positions[1]",
        "expected 2 points (one per neuron), got 1",
    ),
    (
        "canvas point with 3 numbers",
        top(canvas={"positions": [[[0, 0], [0, 1]], [[1, 0], [1, 1, 1]], [[2, 0]]]}),
        "canvas.positions[1][1]",
        "expected a point [x, y], got 3 numbers",
    ),
    ("layers as an object", top(layers={}), "layers", "expected a list, got an object"),
    (
        "a layer that is null",
        lambda d: d["layers"].__setitem__(1, None),
        "layers[1]",
        "expected an object, got null",
    ),
]


@pytest.mark.parametrize(("label", "change", "path", "words"), CASES, ids=[case[0] for case in CASES])
def test_document_problems(
    label: str, change: Callable[[dict[str, Any]], Any], path: str, words: str
) -> None:
    error = refusal(mutated(change))
    assert error.json_path == path
    assert words in error.problem
    expected = f"net.json: {path}: {error.problem}" if path else f"net.json: {error.problem}"
    assert str(error) == expected


def test_there_are_at_least_30_distinct_bad_inputs() -> None:
    assert len(RAW_CASES) + len(CASES) >= 30


def test_message_of_the_issue_example() -> None:
    error = refusal(mutated(layer(2, weights=[[0.8, 0.9], [0.1, 0.2]])))
    assert str(error) == "net.json: layers[2].weights: expected 1 row of 2 numbers, got 2 rows"
    assert error.path == "net.json"


def test_format_is_checked_before_anything_else() -> None:
    """A file of another program gets "not a BP Studio file", not a list of missing keys."""
    error = refusal(json.dumps({"format": "something-else", "weights": [1, 2]}))
    assert error.json_path == "format"
    error = refusal(json.dumps({"model": "x"}))
    assert error.problem == 'the required key "format" is missing'


def test_loads_without_a_source_names_a_string() -> None:
    with pytest.raises(LoadError) as caught:
        loads("")
    assert caught.value.path is None
    assert str(caught.value) == "<string>: the file is empty"


def test_missing_file(tmp_path: Path) -> None:
    target = tmp_path / "nothing.json"
    with pytest.raises(LoadError) as caught:
        load_file(target)
    assert str(caught.value) == f"{target}: no such file"


def test_folder_instead_of_file(tmp_path: Path) -> None:
    with pytest.raises(LoadError) as caught:
        load_file(tmp_path)
    assert "folder" in caught.value.problem


def test_file_too_large_is_refused_before_reading(tmp_path: Path) -> None:
    huge = tmp_path / "huge.json"
    with open(huge, "wb") as stream:  # sparse: costs no disk space
        stream.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(LoadError) as caught:
        load_file(huge)
    assert "more than the 64 MB" in caught.value.problem
    assert caught.value.json_path == ""


def test_text_too_large_is_refused() -> None:
    error = refusal(" " * (MAX_FILE_BYTES + 1))
    assert "more than the 64 MB" in error.problem


def test_absurd_size_is_refused_before_allocating(monkeypatch: pytest.MonkeyPatch) -> None:
    """10^9 neurons never reach numpy: the schema refuses the size first."""
    import numpy as np

    def no_allocation(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("numpy was asked to allocate")

    monkeypatch.setattr(np, "zeros", no_allocation)
    error = refusal(mutated(layer(1, size=10**9)))
    assert error.json_path == "layers[1].size"


def test_utf8_bom_is_accepted() -> None:
    nf = loads(b"\xef\xbb\xbf" + ARTICLE_TEXT.encode("utf-8"), "bom.json")
    assert nf.name == ARTICLE["name"]


# -- fuzzing: random damage gives a NetworkFile or a LoadError, never anything else ----------------
def _rich_document() -> dict[str, Any]:
    """A valid file using most features: batch norm, adam moments, init, canvas, names."""
    text = json.dumps(
        {
            "format": "bpstudio-network",
            "version": 1,
            "name": "rich",
            "layers": [
                {"size": 2},
                {"size": 3, "activation": "leaky_relu", "leaky_slope": 0.05, "batch_norm": True},
                {"size": 2, "activation": "softmax"},
            ],
            "loss": "cross_entropy",
            "optimizer": {"name": "adam", "learning_rate": 0.01, "clip_norm": 5.0, "weight_decay": 0.001},
            "training": {"batch_size": 2, "shuffle": True, "seed": 3},
            "dataset": {
                "inputs": [[0.0, 1.0], [1.0, 0.0], [0.5, 0.5], [1.0, 1.0]],
                "targets": [[1.0, 0.0], [0.0, 1.0], [1.0, 0.0], [0.0, 1.0]],
                "input_names": ["a", "b"],
            },
            "init": {"scheme": "he_uniform", "seed": 4},
        }
    )
    nf = loads(text)
    nf.stepper.train(steps=3)
    nf.positions = [[(0.0, float(i)) for i in range(size)] for size in nf.stepper.network.sizes]
    return to_json_dict(nf)


RICH = _rich_document()


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value[:4]):
            found += _paths(item, (*prefix, index))
    return found


RICH_PATHS = _paths(RICH)[1:]

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**12), max_value=10**12)
    | st.sampled_from([0, 1, 2, -1, 10**9, 10**30, 2**64])
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=8)
    | st.sampled_from(["sigmoid", "relu", "softmax", "adam", "sgd", "mse", "bpstudio-network"]),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=6), children, max_size=3)
    ),
    max_leaves=8,
)


def _apply(document: dict[str, Any], path: tuple[Any, ...], action: str, value: Any) -> None:
    parent = document
    for part in path[:-1]:
        parent = parent[part]
    key = path[-1]
    if action == "replace":
        parent[key] = value
    elif action == "delete":
        del parent[key]
    elif action == "duplicate" and isinstance(parent, list):
        parent.insert(key, copy.deepcopy(parent[key]))
    elif action == "empty":
        parent[key] = type(parent[key])() if isinstance(parent[key], list | dict) else None


def _assert_loads_or_refuses(text: str | bytes) -> None:
    try:
        result = loads(text, "fuzz.json")
    except LoadError as error:
        assert error.problem
        assert "\n" not in str(error)
        return
    assert isinstance(result, NetworkFile)
    again = loads(dumps(result))  # whatever loads must also save and load again
    assert again.stepper.network.theta.tobytes() == result.stepper.network.theta.tobytes()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    mutations=st.lists(
        st.tuples(
            st.sampled_from(RICH_PATHS),
            st.sampled_from(["replace", "replace", "delete", "duplicate", "empty"]),
            json_values,
        ),
        min_size=1,
        max_size=3,
    )
)
def test_fuzzed_documents_load_or_give_a_load_error(
    mutations: list[tuple[tuple[Any, ...], str, Any]],
) -> None:
    document = copy.deepcopy(RICH)
    for path, action, value in mutations:
        try:
            _apply(document, path, action, value)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier mutation removed this place
    _assert_loads_or_refuses(json.dumps(document))
    # the shortcut for long lists of numbers never changes jsonschema's verdict
    fast = [error.message for error in validate_module._Validator(fmt.schema()).iter_errors(document)]
    plain = [error.message for error in jsonschema.Draft202012Validator(fmt.schema()).iter_errors(document)]
    assert sorted(fast) == sorted(plain)


RICH_TEXT = json.dumps(RICH)


@settings(max_examples=200, deadline=None)
@given(
    start=st.integers(min_value=0, max_value=len(RICH_TEXT)),
    length=st.integers(min_value=0, max_value=40),
    insert=st.binary(max_size=6),
)
def test_fuzzed_bytes_load_or_give_a_load_error(start: int, length: int, insert: bytes) -> None:
    data = RICH_TEXT.encode("utf-8")
    _assert_loads_or_refuses(data[:start] + insert + data[start + length :])


def test_no_temporary_fuzz_files_left(tmp_path: Path) -> None:
    """Loading never writes anything next to the file it reads."""
    target = tmp_path / "net.json"
    target.write_text(ARTICLE_TEXT, encoding="utf-8")
    load_file(target)
    assert os.listdir(tmp_path) == ["net.json"]
