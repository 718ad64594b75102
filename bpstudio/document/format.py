"""The network file (`*.json`, format "bpstudio-network", version 1): load, validate, save.

Loading runs in three stages, each refusing with a `LoadError` that names the JSON path and the
problem in plain words:

1. parsing — size limit, UTF-8, JSON syntax (line and column), NaN/Infinity literals, numbers
   too large for float64, duplicate keys, nesting too deep;
2. the JSON Schema in `resources/schema/network.schema.json` (Draft 2020-12, checked with the
   jsonschema library) — keys, types, names, ranges and size limits, so nothing absurd is
   allocated;
3. what a schema cannot say — shapes of weights against layer sizes, dataset widths, the
   loss/activation pairing and the other rules of the engine, whose `EngineError` messages are
   reused with a path attached.

Saving is atomic: the text goes to a temporary file in the same folder, is flushed to disk and
then renamed over the target, so a failure never damages the previous file.

No Qt here: the command line imports this module and must start without Qt.
"""

from __future__ import annotations

import json
import math
import os
import re
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import numpy as np

from bpstudio import assets
from bpstudio.engine import losses
from bpstudio.engine.errors import EngineError
from bpstudio.engine.initializers import InitConfig, initialize
from bpstudio.engine.network import LayerSpec, Network, check_specs
from bpstudio.engine.optimizers import STATE_NAMES, OptimizerConfig
from bpstudio.engine.stepper import Dataset, Stepper, TrainingConfig

FORMAT = "bpstudio-network"
VERSION = 1
MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_INT_DIGITS = 30  # longer integer literals are read as floats (and refused if not finite)

# Order of keys in a file; also used to report the first problem in reading order.
TOP_LEVEL_KEYS = (
    "format",
    "version",
    "name",
    "name_vi",
    "description",
    "description_vi",
    "layers",
    "loss",
    "optimizer",
    "training",
    "dataset",
    "init",
    "state",
    "canvas",
)

Position = tuple[float, float]


class LoadError(Exception):
    """A file BP Studio refuses to open. `str(e)` is "<file>: <json path>: <problem>"."""

    def __init__(self, problem: str, json_path: str = "", path: str | None = None) -> None:
        self.problem = problem
        self.json_path = json_path
        self.path = path
        super().__init__(problem)

    def __str__(self) -> str:
        parts = [self.path or "<string>"]
        if self.json_path:
            parts.append(self.json_path)
        parts.append(self.problem)
        return ": ".join(parts)


class SaveError(Exception):
    """Saving failed; the file that was there before is untouched."""

    def __init__(self, problem: str, path: str) -> None:
        self.problem = problem
        self.path = path
        super().__init__(problem)

    def __str__(self) -> str:
        return f"{self.path}: {self.problem}"


@dataclass
class NetworkFile:
    """What a network file holds, ready to use: a Stepper with its training state restored."""

    name: str
    description: str
    stepper: Stepper
    init: InitConfig | None = None
    positions: list[list[Position]] | None = None
    description_vi: str = ""
    name_vi: str = ""  # the title in Vietnamese (the examples have one)
    input_names: list[str] | None = None
    output_names: list[str] | None = None


# ---------------------------------------------------------------------------------------------
# JSON paths
# ---------------------------------------------------------------------------------------------
_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def json_path(parts: Any) -> str:
    """("layers", 2, "weights") -> "layers[2].weights"."""
    text = ""
    for part in parts:
        if isinstance(part, int):
            text += f"[{part}]"
        elif _IDENTIFIER.match(str(part)):
            text += f".{part}" if text else str(part)
        else:
            text += f"[{json.dumps(str(part))}]"
    return text


# ---------------------------------------------------------------------------------------------
# Stage 1: parsing
# ---------------------------------------------------------------------------------------------
class _ParseError(Exception):
    def __init__(self, problem: str) -> None:
        self.problem = problem
        super().__init__(problem)


def _line_col(text: str, index: int) -> str:
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return f"line {line}, column {column}"


def _where_literal(text: str, literal: str) -> str:
    match = re.search(r"(?<![\w.])" + re.escape(literal), text)
    return f" at {_line_col(text, match.start())}" if match else ""


def _parse(text: str) -> Any:
    def no_constant(name: str) -> Any:
        raise _ParseError(
            f"{name} is not allowed{_where_literal(text, name)}: every value must be a finite number"
        )

    def parse_float(literal: str) -> float:
        value = float(literal)
        if not math.isfinite(value):
            raise _ParseError(
                f"the number {_short(literal)}{_where_literal(text, literal)} is too large for a float64"
            )
        return value

    def parse_int(literal: str) -> int | float:
        if len(literal.lstrip("-")) <= MAX_INT_DIGITS:
            return int(literal)
        return parse_float(literal)

    def no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key, value in pairs:
            if key in result:
                raise _ParseError(f"the key {json.dumps(key)} appears twice in the same object")
            result[key] = value
        return result

    return json.loads(
        text,
        parse_constant=no_constant,
        parse_float=parse_float,
        parse_int=parse_int,
        object_pairs_hook=no_duplicates,
    )


def _short(literal: str) -> str:
    return literal if len(literal) <= 24 else literal[:12] + "…" + literal[-6:]


def _decode(data: str | bytes) -> str:
    if isinstance(data, str):
        return data
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise _ParseError(
            f"the file is not UTF-8 text (byte 0x{data[error.start]:02x} at offset {error.start}); "
            "a network file is JSON saved as UTF-8"
        ) from None


def _unclosed(text: str) -> bool:
    """True when the text stops inside a string or with brackets left open (a cut-off file)."""
    pairs = {"]": "[", "}": "{"}
    open_brackets: list[str] = []
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            open_brackets.append(char)
        elif char in pairs:
            if not open_brackets or open_brackets.pop() != pairs[char]:
                return False  # a wrong bracket: broken, not cut short
    return in_string or bool(open_brackets)


def _parse_document(data: str | bytes) -> Any:
    if len(data) > MAX_FILE_BYTES:
        raise _ParseError(
            f"the file is {len(data):,} bytes, more than the {MAX_FILE_BYTES // (1024 * 1024)} MB "
            "a network file may have"
        )
    text = _decode(data)
    if not text.strip():
        raise _ParseError("the file is empty")
    try:
        return _parse(text)
    except json.JSONDecodeError as error:
        if error.pos >= len(text.rstrip()) or _unclosed(text):
            raise _ParseError(
                f"the JSON ends too early, at {_line_col(text, len(text.rstrip()))} (is the file cut short?)"
            ) from None
        raise _ParseError(f"not valid JSON at {_line_col(text, error.pos)}: {error.msg}") from None
    except RecursionError:
        raise _ParseError("the JSON nests too deeply to be a network file") from None
    except ValueError as error:  # e.g. Python's limit on digits of an integer
        raise _ParseError(f"not valid JSON: {error}") from None


# ---------------------------------------------------------------------------------------------
# Stage 2: the schema
# ---------------------------------------------------------------------------------------------
@cache
def schema() -> dict[str, Any]:
    """The JSON Schema of format version 1 (resources/schema/network.schema.json)."""
    with open(assets.resource("schema", "network.schema.json"), encoding="utf-8") as stream:
        loaded: dict[str, Any] = json.load(stream)
    return loaded


def _all_numbers(values: list[Any], item_schema: dict[str, Any]) -> bool:
    """True when every item is a plain number meeting `item_schema` (type, minimum, maximum only)."""
    wanted = item_schema.get("type")
    if wanted == "number":
        ok = all(type(value) is float or type(value) is int for value in values)
    elif wanted == "integer":
        ok = all(type(value) is int for value in values)
    else:
        return False
    if ok and values and "minimum" in item_schema:
        ok = min(values) >= item_schema["minimum"]
    if ok and values and "maximum" in item_schema:
        ok = max(values) <= item_schema["maximum"]
    return ok


_FAST_KEYS = frozenset({"type", "minimum", "maximum", "x-messages"})


def _fast_items(
    validator: Any, items: Any, instance: Any, schema: dict[str, Any]
) -> Iterator[jsonschema.ValidationError]:
    """The "items" keyword, with a shortcut for long lists of plain numbers.

    Validating each number of a weight matrix or a dataset one by one is slow in pure Python;
    when every item is a number that meets the item schema, the result is the same: no error.
    Anything else goes through jsonschema's own "items", so errors are unchanged.
    """
    if (
        isinstance(items, dict)
        and isinstance(instance, list)
        and "prefixItems" not in schema
        and items.keys() <= _FAST_KEYS
        and _all_numbers(instance, items)
    ):
        return
    yield from _ORIGINAL_ITEMS(validator, items, instance, schema)


_ORIGINAL_ITEMS = jsonschema.Draft202012Validator.VALIDATORS["items"]
_Validator = jsonschema.validators.extend(jsonschema.Draft202012Validator, {"items": _fast_items})


@cache
def _validators() -> list[jsonschema.protocols.Validator]:
    """Is it our format, then which version, then everything: the first refusal is the clearest."""
    full = schema()
    cls = _Validator
    passes = [
        cls({"type": "object", "required": [key], "properties": {key: full["properties"][key]}})
        for key in ("format", "version")
    ]
    return [*passes, cls(full)]


_TYPE_WORDS = {
    "object": "an object",
    "array": "a list",
    "string": "text",
    "number": "a number",
    "integer": "a whole number",
    "boolean": "true or false",
    "null": "null",
}


def _describe(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return f"the number {value!r}"
    if isinstance(value, str):
        text = value if len(value) <= 30 else value[:27] + "…"
        return f"the text {json.dumps(text)}"
    if isinstance(value, list):
        return f"a list of {_plural(len(value), 'item')}" if value else "an empty list"
    return "an object"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _schema_problem(error: jsonschema.ValidationError) -> tuple[str, str]:
    """(json path, plain-words problem) for one schema error."""
    parts = list(error.absolute_path)
    value = error.instance
    kind = str(error.validator)
    limit = error.validator_value
    sub = error.schema if isinstance(error.schema, dict) else {}
    messages = sub.get("x-messages", {})
    extra = ""
    if kind == "additionalProperties" and isinstance(value, dict):
        allowed = sub.get("properties", {})
        unknown = [key for key in value if key not in allowed]
        extra = ", ".join(json.dumps(key) for key in unknown)
    if kind in messages:
        count = len(value) if isinstance(value, list | dict | str) else 0
        problem = messages[kind].format(
            value=json.dumps(value) if not isinstance(value, list | dict) else _describe(value),
            count=count,
            numbers=_plural(count, "number"),
            limit=limit,
            extra=extra,
        )
        return json_path(parts), problem
    if kind == "type":
        wanted = [limit] if isinstance(limit, str) else list(limit)
        words = " or ".join(_TYPE_WORDS.get(w, w) for w in wanted)
        return json_path(parts), f"expected {words}, got {_describe(value)}"
    if kind == "required":
        missing = [key for key in limit if isinstance(value, dict) and key not in value]
        key = missing[0] if missing else "?"
        return json_path(parts), f"the required key {json.dumps(key)} is missing"
    if kind == "additionalProperties":
        allowed = ", ".join(sub.get("properties", {}))
        return json_path(parts), f"unknown key {extra}; the keys allowed here are: {allowed}"
    if kind == "enum":
        label = sub.get("x-label", "value")
        choices = ", ".join(str(choice) for choice in limit)
        if isinstance(value, str):
            return json_path(parts), f"unknown {label} {json.dumps(value)}; expected one of: {choices}"
        return json_path(parts), f"expected the name of a {label} (one of: {choices}), got {_describe(value)}"
    if kind == "const":
        return json_path(parts), f"expected {json.dumps(limit)}, got {_describe(value)}"
    if kind == "minimum":
        return json_path(parts), f"must be at least {limit}, got {value!r}"
    if kind == "maximum":
        return json_path(parts), f"must be at most {limit}, got {value!r}"
    if kind == "exclusiveMinimum":
        return json_path(parts), f"must be greater than {limit}, got {value!r}"
    if kind == "exclusiveMaximum":
        return json_path(parts), f"must be less than {limit}, got {value!r}"
    if kind == "minItems":
        return json_path(parts), f"expected at least {_plural(limit, 'item')}, got {len(value)}"
    if kind == "maxItems":
        return json_path(parts), f"expected at most {_plural(limit, 'item')}, got {len(value)}"
    if kind == "minLength":
        if limit == 1:
            return json_path(parts), "must not be empty"
        return json_path(parts), f"must have at least {limit} characters"
    if kind == "maxLength":
        return json_path(parts), f"is longer than the {limit} characters allowed"
    return json_path(parts), error.message


def _error_order(error: jsonschema.ValidationError) -> tuple[Any, ...]:
    """Shallow problems first, then in the order a reader meets them in the file."""
    key: list[tuple[int, int]] = []
    for part in error.absolute_path:
        if isinstance(part, int):
            key.append((0, part))
        else:
            order = TOP_LEVEL_KEYS.index(part) if part in TOP_LEVEL_KEYS else len(TOP_LEVEL_KEYS)
            key.append((1, order))
    return (len(key), key, str(error.validator))


def _validate_schema(document: Any) -> None:
    for validator in _validators():
        try:
            errors = list(validator.iter_errors(document))
        except RecursionError:
            raise _ParseError("the JSON nests too deeply to be a network file") from None
        if errors:
            path, problem = _schema_problem(min(errors, key=_error_order))
            raise LoadError(problem, path)


# ---------------------------------------------------------------------------------------------
# Stage 3: what the schema cannot say
# ---------------------------------------------------------------------------------------------
def _numbers(count: int) -> str:
    return _plural(count, "number")


def _check_vector(values: list[Any], length: int, path: str, what: str = "", noun: str = "number") -> None:
    if len(values) != length:
        suffix = f" ({what})" if what else ""
        raise LoadError(f"expected {_plural(length, noun)}{suffix}, got {len(values)}", path)


def _check_matrix(rows: list[list[float]], n_rows: int, n_cols: int, path: str) -> None:
    if len(rows) != n_rows:
        raise LoadError(
            f"expected {_plural(n_rows, 'row')} of {_numbers(n_cols)}, got {_plural(len(rows), 'row')}",
            path,
        )
    for index, row in enumerate(rows):
        if len(row) != n_cols:
            raise LoadError(f"expected {_numbers(n_cols)}, got {len(row)}", f"{path}[{index}]")


_ENGINE_LAYER = re.compile(r"^layer (\d+): (.*)$", re.DOTALL)


def _layer_engine_error(error: EngineError) -> LoadError:
    """Attach a path to a structure error of the engine ("layer 2: ..." -> layers[2].<key>)."""
    message = str(error)
    match = _ENGINE_LAYER.match(message)
    if not match:
        return LoadError(message, "layers")
    index, problem = int(match.group(1)), match.group(2)
    key = "size"
    if "softmax" in problem or "activation" in problem:
        key = "activation"
    elif "batch normalisation" in problem:
        key = "batch_norm"
    elif "leaky_slope" in problem:
        key = "leaky_slope"
    return LoadError(problem, f"layers[{index}].{key}")


def _stepper_engine_error(error: EngineError) -> LoadError:
    """Attach a path to a refusal of Stepper.validate."""
    message = str(error)
    if message.startswith(("batch_size", "batch normalisation")):
        return LoadError(message, "training.batch_size")
    if "target" in message:
        return LoadError(message, "dataset.targets")
    if "input" in message or "dataset" in message:
        return LoadError(message, "dataset")
    if message.startswith("loss") or "output layer" in message:
        return LoadError(message, "loss")
    if "parameter" in message:
        return LoadError(message, "layers")
    return LoadError(message, "")


def _optimizer_engine_error(error: EngineError) -> LoadError:
    message = str(error)
    first = message.split(" ", 1)[0]
    if first in OptimizerConfig.__dataclass_fields__:
        return LoadError(message, f"optimizer.{first}")
    if first == "nesterov":
        return LoadError(message, "optimizer.momentum")
    return LoadError(message, "optimizer")


def _specs(layers: list[dict[str, Any]]) -> list[LayerSpec]:
    specs = [LayerSpec(size=int(layers[0]["size"]))]
    for layer in layers[1:]:
        kwargs: dict[str, Any] = {"size": int(layer["size"]), "activation": layer["activation"]}
        if "batch_norm" in layer:
            kwargs["batch_norm"] = bool(layer["batch_norm"])
        if "leaky_slope" in layer:
            kwargs["leaky_slope"] = float(layer["leaky_slope"])
        specs.append(LayerSpec(**kwargs))
    try:
        check_specs(specs)
    except EngineError as error:
        raise _layer_engine_error(error) from None
    return specs


def _init_config(document: dict[str, Any]) -> InitConfig | None:
    block = document.get("init")
    if block is None:
        return None
    config = InitConfig(
        scheme=block.get("scheme", InitConfig.scheme),
        seed=int(block.get("seed", InitConfig.seed)),
        a=float(block.get("a", InitConfig.a)),
        b=float(block.get("b", InitConfig.b)),
        std=float(block.get("std", InitConfig.std)),
        bias=float(block.get("bias", InitConfig.bias)),
    )
    try:  # the engine's own refusals (a >= b, ...), tried on a one-weight network
        initialize(Network([LayerSpec(1), LayerSpec(1)]), config)
    except EngineError as error:
        raise LoadError(str(error), "init") from None
    return config


def _network(layers: list[dict[str, Any]], specs: list[LayerSpec], init: InitConfig | None) -> Network:
    for index in range(1, len(specs)):
        layer, spec, n_in = layers[index], specs[index], specs[index - 1].size
        where = f"layers[{index}]"
        if "weights" in layer:
            _check_matrix(layer["weights"], spec.size, n_in, f"{where}.weights")
        elif init is None:
            raise LoadError(
                'the weights are missing; give them, or add an "init" block to generate them',
                f"{where}.weights",
            )
        if "biases" in layer:
            _check_vector(layer["biases"], spec.size, f"{where}.biases", "one per neuron")
        elif init is None:
            raise LoadError(
                'the biases are missing; give them, or add an "init" block to generate them',
                f"{where}.biases",
            )
        for key in ("gamma", "beta", "running_mean", "running_var"):
            if key in layer:
                if not spec.batch_norm:
                    raise LoadError(f"only a layer with batch_norm: true has {key}", f"{where}.{key}")
                _check_vector(layer[key], spec.size, f"{where}.{key}", "one per neuron")
    network = Network(specs)
    if init is not None:
        initialize(network, init)
    for index in range(1, len(specs)):
        layer = layers[index]
        if "weights" in layer:
            network.W(index)[:] = np.asarray(layer["weights"], dtype=np.float64)
        if "biases" in layer:
            network.b(index)[:] = np.asarray(layer["biases"], dtype=np.float64)
        if "gamma" in layer:
            network.gamma(index)[:] = np.asarray(layer["gamma"], dtype=np.float64)
        if "beta" in layer:
            network.beta(index)[:] = np.asarray(layer["beta"], dtype=np.float64)
        mean, var = network.running_mean[index], network.running_var[index]
        if "running_mean" in layer and mean is not None:
            mean[:] = np.asarray(layer["running_mean"], dtype=np.float64)
        if "running_var" in layer and var is not None:
            var[:] = np.asarray(layer["running_var"], dtype=np.float64)
    return network


def _dataset(block: dict[str, Any], specs: list[LayerSpec]) -> Dataset:
    inputs, targets = block["inputs"], block["targets"]
    n_in, n_out = specs[0].size, specs[-1].size
    for index, row in enumerate(inputs):
        _check_vector(row, n_in, f"dataset.inputs[{index}]", "one per input neuron")
    for index, row in enumerate(targets):
        _check_vector(row, n_out, f"dataset.targets[{index}]", "one per output neuron")
    if len(targets) != len(inputs):
        raise LoadError(
            f"expected {_plural(len(inputs), 'row')} (one per input row), got {len(targets)}",
            "dataset.targets",
        )
    for key, width in (("input_names", n_in), ("output_names", n_out)):
        if key in block:
            _check_vector(block[key], width, f"dataset.{key}", "one per neuron", "name")
    x = np.asarray(inputs, dtype=np.float64).reshape(len(inputs), n_in)
    y = np.asarray(targets, dtype=np.float64).reshape(len(targets), n_out)
    return Dataset(x, y)


def _optimizer(block: dict[str, Any]) -> OptimizerConfig:
    kwargs: dict[str, Any] = {"name": block["name"]}
    for key in ("learning_rate", "momentum", "beta1", "beta2", "epsilon", "weight_decay"):
        if key in block:
            kwargs[key] = float(block[key])
    if block.get("clip_norm") is not None:
        kwargs["clip_norm"] = float(block["clip_norm"])
    config = OptimizerConfig(**kwargs)
    try:
        config.validate()
    except EngineError as error:
        raise _optimizer_engine_error(error) from None
    return config


def _training(block: dict[str, Any] | None) -> TrainingConfig:
    block = block or {}
    return TrainingConfig(
        batch_size=int(block.get("batch_size", TrainingConfig.batch_size)),
        shuffle=bool(block.get("shuffle", TrainingConfig.shuffle)),
        seed=int(block.get("seed", TrainingConfig.seed)),
    )


def _restore_state(stepper: Stepper, state: dict[str, Any]) -> None:
    network = stepper.network
    names = STATE_NAMES[stepper.optimizer.name]
    moments = state.get("moments")
    if moments is not None:
        given = set(moments)
        if given != set(names):
            wanted = ", ".join(names) if names else "no moments"
            got = ", ".join(sorted(given)) if given else "none"
            raise LoadError(
                f"the optimizer {stepper.optimizer.name} keeps {wanted}; the file has {got}",
                "state.moments",
            )
        for name in names:
            per_layer = moments[name]
            where = f"state.moments.{name}"
            if len(per_layer) != network.depth:
                raise LoadError(
                    f"expected {_plural(network.depth, 'layer')} (all but the input layer), "
                    f"got {len(per_layer)}",
                    where,
                )
            for index in range(1, network.depth + 1):
                entry = per_layer[index - 1]
                kinds = network.layout[index]
                for kind in entry:
                    if kind not in kinds:
                        raise LoadError(
                            f"layer {index} has no parameter {kind}", f"{where}[{index - 1}].{kind}"
                        )
                for kind, (_, _, shape) in kinds.items():
                    at = f"{where}[{index - 1}].{kind}"
                    if kind not in entry:
                        raise LoadError("missing; the moments of every parameter are needed", at)
                    if len(shape) == 2:
                        _check_matrix(entry[kind], shape[0], shape[1], at)
                    else:
                        _check_vector(entry[kind], shape[0], at)
    elif names and int(state.get("optimizer_steps", 0)) > 0:
        raise LoadError(
            f"the optimizer {stepper.optimizer.name} has taken steps but its moments "
            f"({', '.join(names)}) are missing",
            "state.moments",
        )
    try:
        stepper.load_training_state(state)
    except EngineError as error:
        message = str(error)
        if message.startswith("batch_in_epoch"):
            raise LoadError(message, "state.batch_in_epoch") from None
        raise LoadError(message, "state.epoch_history" if "history" in message else "state") from None


def _positions(block: dict[str, Any] | None, specs: list[LayerSpec]) -> list[list[Position]] | None:
    if not block or "positions" not in block:
        return None
    positions = block["positions"]
    if len(positions) != len(specs):
        raise LoadError(
            f"expected {_plural(len(specs), 'layer')} of positions, got {len(positions)}", "canvas.positions"
        )
    for index, (layer, spec) in enumerate(zip(positions, specs, strict=True)):
        if len(layer) != spec.size:
            raise LoadError(
                f"expected {_plural(spec.size, 'point')} (one per neuron), got {len(layer)}",
                f"canvas.positions[{index}]",
            )
    return [[(float(x), float(y)) for x, y in layer] for layer in positions]


def _build(document: dict[str, Any]) -> NetworkFile:
    layers = document["layers"]
    specs = _specs(layers)
    init = _init_config(document)
    network = _network(layers, specs, init)
    loss = document["loss"]
    try:
        losses.check_compatible(loss, specs[-1].activation)
    except EngineError as error:
        raise LoadError(str(error), "loss") from None
    optimizer = _optimizer(document["optimizer"])
    training = _training(document.get("training"))
    dataset = _dataset(document["dataset"], specs)
    try:
        stepper = Stepper(network, loss, optimizer, training, dataset)
    except EngineError as error:
        raise _stepper_engine_error(error) from None
    if "state" in document:
        _restore_state(stepper, document["state"])
    block = document["dataset"]
    return NetworkFile(
        name=document["name"],
        description=document.get("description", ""),
        stepper=stepper,
        init=init,
        positions=_positions(document.get("canvas"), specs),
        description_vi=document.get("description_vi", ""),
        name_vi=document.get("name_vi", ""),
        input_names=list(block["input_names"]) if "input_names" in block else None,
        output_names=list(block["output_names"]) if "output_names" in block else None,
    )


# ---------------------------------------------------------------------------------------------
# Public API: loading
# ---------------------------------------------------------------------------------------------
def loads(text: str | bytes, source: str = "<string>") -> NetworkFile:
    """Read a network file from its text; `source` names it in error messages."""
    path = None if source == "<string>" else source
    try:
        document = _parse_document(text)
        _validate_schema(document)
        return _build(document)
    except _ParseError as problem:
        raise LoadError(problem.problem, "", path) from None
    except LoadError as error:
        error.path = path
        raise
    except RecursionError:
        raise LoadError("the JSON nests too deeply to be a network file", "", path) from None
    except MemoryError:
        raise LoadError("the network is too large for this computer's memory", "", path) from None


def load_file(path: str | os.PathLike[str]) -> NetworkFile:
    """Read and validate a network file; every refusal is a LoadError naming file, path and problem."""
    name = os.fspath(path)
    try:
        size = os.stat(name).st_size
        if size > MAX_FILE_BYTES:
            raise LoadError(
                f"the file is {size:,} bytes, more than the {MAX_FILE_BYTES // (1024 * 1024)} MB "
                "a network file may have",
                "",
                name,
            )
        with open(name, "rb") as stream:
            data = stream.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise LoadError("no such file", "", name) from None
    except IsADirectoryError:
        raise LoadError("this is a folder, not a network file", "", name) from None
    except PermissionError:
        raise LoadError("no permission to read this file", "", name) from None
    except OSError as error:
        raise LoadError(f"cannot read the file: {error.strerror or error}", "", name) from None
    return loads(data, name)


# ---------------------------------------------------------------------------------------------
# Public API: writing
# ---------------------------------------------------------------------------------------------
UNTITLED = "Untitled network"


def to_json_dict(nf: NetworkFile, include_state: bool = True) -> dict[str, Any]:
    """The file's content as plain JSON data (floats kept exact).

    Labels that no longer fit the network (positions or names of a layer whose size changed)
    are left out rather than written into a file that could not be opened again.
    """
    stepper = nf.stepper
    network = stepper.network
    layers: list[dict[str, Any]] = [{"size": network.specs[0].size}]
    for index in range(1, network.depth + 1):
        spec = network.specs[index]
        layer: dict[str, Any] = {"size": spec.size, "activation": spec.activation}
        if spec.activation == "leaky_relu" or spec.leaky_slope != LayerSpec.leaky_slope:
            layer["leaky_slope"] = float(spec.leaky_slope)
        if spec.batch_norm:
            layer["batch_norm"] = True
        layer["weights"] = network.W(index).tolist()
        layer["biases"] = network.b(index).tolist()
        if spec.batch_norm:
            mean, var = network.running_mean[index], network.running_var[index]
            assert mean is not None and var is not None
            layer["gamma"] = network.gamma(index).tolist()
            layer["beta"] = network.beta(index).tolist()
            layer["running_mean"] = mean.tolist()
            layer["running_var"] = var.tolist()
        layers.append(layer)
    opt = stepper.optimizer
    optimizer = {
        "name": opt.name,
        "learning_rate": float(opt.learning_rate),
        "momentum": float(opt.momentum),
        "beta1": float(opt.beta1),
        "beta2": float(opt.beta2),
        "epsilon": float(opt.epsilon),
        "weight_decay": float(opt.weight_decay),
        "clip_norm": None if opt.clip_norm is None else float(opt.clip_norm),
    }
    training = {
        "batch_size": int(stepper.training.batch_size),
        "shuffle": bool(stepper.training.shuffle),
        "seed": int(stepper.training.seed),
    }
    dataset: dict[str, Any] = {
        "inputs": stepper.dataset.inputs.tolist(),
        "targets": stepper.dataset.targets.tolist(),
    }
    sizes = network.sizes
    if nf.input_names is not None and len(nf.input_names) == sizes[0]:
        dataset["input_names"] = [str(name) for name in nf.input_names]
    if nf.output_names is not None and len(nf.output_names) == sizes[-1]:
        dataset["output_names"] = [str(name) for name in nf.output_names]
    document: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "name": nf.name.strip() or UNTITLED,
    }
    if nf.name_vi.strip():
        document["name_vi"] = nf.name_vi.strip()
    document["description"] = nf.description
    if nf.description_vi:
        document["description_vi"] = nf.description_vi
    document.update(layers=layers, loss=stepper.loss, optimizer=optimizer, training=training, dataset=dataset)
    if nf.init is not None:
        init = nf.init
        document["init"] = {
            "scheme": init.scheme,
            "seed": int(init.seed),
            "a": float(init.a),
            "b": float(init.b),
            "std": float(init.std),
            "bias": float(init.bias),
        }
    if include_state:
        document["state"] = stepper.training_state()
    if nf.positions is not None and [len(layer) for layer in nf.positions] == sizes:
        document["canvas"] = {
            "positions": [[[float(x), float(y)] for x, y in layer] for layer in nf.positions]
        }
    return document


_INLINE_WIDTH = 100


def _is_scalar(value: Any) -> bool:
    return value is None or isinstance(value, str | int | float | bool)


def _encode(value: Any, indent: int) -> str:
    """JSON with rows of numbers on one line and objects spread out (readable diffs)."""
    if _is_scalar(value):
        return json.dumps(value, allow_nan=False, ensure_ascii=False)
    pad, inner = " " * indent, " " * (indent + 2)
    if isinstance(value, list):
        if not value:
            return "[]"
        if all(type(item) is float for item in value):  # the common case, fast: rows of floats
            if not all(map(math.isfinite, value)):
                raise ValueError("a value is not a finite number (NaN or infinity)")
            return "[" + ", ".join(map(float.__repr__, value)) + "]"
        if all(_is_scalar(item) for item in value):
            return "[" + ", ".join(_encode(item, 0) for item in value) + "]"
        if len(value) <= _INLINE_WIDTH // 4 and all(
            isinstance(item, list) and len(item) <= _INLINE_WIDTH // 4 and all(_is_scalar(x) for x in item)
            for item in value
        ):
            flat = "[" + ", ".join(_encode(item, 0) for item in value) + "]"
            if len(flat) + indent <= _INLINE_WIDTH:
                return flat
        return "[\n" + ",\n".join(inner + _encode(item, indent + 2) for item in value) + "\n" + pad + "]"
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = [(json.dumps(str(key), ensure_ascii=False), item) for key, item in value.items()]
        if all(_is_scalar(item) for _, item in items):
            flat = "{" + ", ".join(f"{key}: {_encode(item, 0)}" for key, item in items) + "}"
            if len(flat) + indent <= _INLINE_WIDTH:
                return flat
        body = ",\n".join(f"{inner}{key}: {_encode(item, indent + 2)}" for key, item in items)
        return "{\n" + body + "\n" + pad + "}"
    raise TypeError(f"cannot write a value of type {type(value).__name__} to a network file")


def format_json(document: dict[str, Any]) -> str:
    """A network file's text from its JSON data: rows of numbers on one line, a final newline."""
    return _encode(document, 0) + "\n"


def dumps(nf: NetworkFile, include_state: bool = True) -> str:
    """The file's text (UTF-8, ends with a newline)."""
    return format_json(to_json_dict(nf, include_state))


def _default_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def save_file(path: str | os.PathLike[str], nf: NetworkFile, include_state: bool = True) -> None:
    """Write atomically: temporary file in the same folder, flush + fsync, then rename over `path`.

    On any failure the temporary file is removed, the previous file is left exactly as it was,
    and SaveError says what went wrong.
    """
    name = os.fspath(path)
    target = Path(name)
    try:
        text = dumps(nf, include_state)
    except (ValueError, TypeError, RecursionError) as error:
        raise SaveError(f"could not write the network as JSON: {error}", name) from None
    try:  # a saved file must always open again: check it with the loader before writing it
        loads(text, name)
    except LoadError as error:
        where = f"{error.json_path}: " if error.json_path else ""
        raise SaveError(f"the network cannot be saved as it is: {where}{error.problem}", name) from None
    data = text.encode("utf-8")
    if target.is_dir():
        raise SaveError("this is a folder; choose a file name", name)
    folder = target.absolute().parent
    try:
        mode = os.stat(name).st_mode & 0o777
    except OSError:
        mode = _default_mode()
    try:
        fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except FileNotFoundError:
        raise SaveError(f"the folder {folder} does not exist", name) from None
    except PermissionError:
        raise SaveError(f"no permission to write in the folder {folder}", name) from None
    except OSError as error:
        raise SaveError(f"cannot create a file in {folder}: {error.strerror or error}", name) from None
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, name)
    except BaseException as error:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        if not isinstance(error, Exception):
            raise
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        raise SaveError(f"could not save ({reason}); the previous file is unchanged", name) from None
    _sync_folder(folder)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable where the system allows it (POSIX)."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


# ---------------------------------------------------------------------------------------------
# Built-in examples
# ---------------------------------------------------------------------------------------------
EXAMPLE_ORDER = (
    "article.json",
    "xor.json",
    "and_or.json",
    "circles.json",
    "spirals.json",
    "sine_regression.json",
    "deep_sigmoid_vanishing.json",
    "deep_relu_he.json",
)


def default_network() -> NetworkFile:
    """The article's 2-2-1 network, x = (0.2, 0.4), y = 1 (resources/examples/article.json)."""
    return load_file(assets.default_example())


@dataclass(frozen=True)
class Example:
    """A built-in example as the examples menu shows it, in one language."""

    path: Path
    title: str
    description: str


def in_language(fields: dict[str, Any], key: str, lang: str) -> str:
    """`key` in `lang` ("name_vi" for Vietnamese) when the file gives it, else the English one."""
    for candidate in (f"{key}_{lang}", key) if lang != "en" else (key,):
        value = fields.get(candidate)
        if isinstance(value, str) and value.strip():
            return value
    return ""


def _example(path: Path, lang: str) -> Example:
    try:
        with open(path, encoding="utf-8") as stream:
            fields = json.load(stream)
        if not isinstance(fields, dict):
            fields = {}
    except (OSError, ValueError):
        fields = {}
    title = in_language(fields, "name", lang) or path.stem.replace("_", " ")
    return Example(path, title, in_language(fields, "description", lang))


def examples(lang: str = "en") -> list[Example]:
    """Every built-in example with its title and description in `lang` (English when the file
    has no translation): the article first, then by difficulty."""
    folder = assets.examples_dir()
    found = {path.name: path for path in folder.glob("*.json")}
    ordered = [found.pop(name) for name in EXAMPLE_ORDER if name in found]
    ordered += [found[name] for name in sorted(found)]
    return [_example(path, lang) for path in ordered]


def example_files(lang: str = "en") -> list[tuple[str, Path]]:
    """(title, path) of every built-in example, in the order of `examples`."""
    return [(example.title, example.path) for example in examples(lang)]
