"""Stage 3 of loading: JSON data (valid against the schema) to engine objects — what a schema
cannot say: shapes of weights against layer sizes, dataset widths, the loss/activation pairing
and the other rules of the engine, whose `EngineError` refusals get a JSON path attached."""

from __future__ import annotations

import os
from typing import Any

import numpy as np

from bpstudio.document.fileformat.common import LoadError, NetworkFile, Position
from bpstudio.document.fileformat.files import read_regular
from bpstudio.document.fileformat.limits import check_text_size
from bpstudio.document.fileformat.parse import MAX_FILE_BYTES, ParseError, parse_document, too_large
from bpstudio.document.fileformat.state import restore_state
from bpstudio.document.fileformat.validate import (
    check_matrix,
    check_rows,
    check_vector,
    plural,
    validate_schema,
)
from bpstudio.engine import losses
from bpstudio.engine.batching import Dataset, TrainingConfig
from bpstudio.engine.errors import EngineError
from bpstudio.engine.initializers import InitConfig, initialize
from bpstudio.engine.network import LayerSpec, Network, check_specs
from bpstudio.engine.optimizers import OptimizerConfig
from bpstudio.engine.stepper import Stepper


def _layer_engine_error(error: EngineError) -> LoadError:
    """Attach a path to a structure error of the engine (layer 2, field "activation" ->
    layers[2].activation); a problem of the whole structure points at "layers"."""
    if error.layer is None:
        return LoadError(str(error), "layers")
    # The path names the layer already: the message is the problem alone.
    return LoadError(error.problem, f"layers[{error.layer}].{error.field or 'size'}")


# Where a refusal of Stepper.validate points in the file (by EngineError.field).
_STEPPER_PATHS = {
    "batch_size": "training.batch_size",
    "targets": "dataset.targets",
    "dataset": "dataset",
    "loss": "loss",
    "parameters": "layers",
}


def _stepper_engine_error(error: EngineError) -> LoadError:
    """Attach a path to a refusal of Stepper.validate."""
    return LoadError(str(error), _STEPPER_PATHS.get(error.field or "", ""))


def _optimizer_engine_error(error: EngineError) -> LoadError:
    """Attach a path to a refusal of OptimizerConfig.validate (an unknown name, which the schema
    refuses first, points at the whole block)."""
    if error.field is None or error.field == "name":
        return LoadError(str(error), "optimizer")
    return LoadError(str(error), f"optimizer.{error.field}")


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
            check_matrix(layer["weights"], spec.size, n_in, f"{where}.weights")
        elif init is None:
            raise LoadError(
                'the weights are missing; give them, or add an "init" block to generate them',
                f"{where}.weights",
            )
        if "biases" in layer:
            check_vector(layer["biases"], spec.size, f"{where}.biases", "one per neuron")
        elif init is None:
            raise LoadError(
                'the biases are missing; give them, or add an "init" block to generate them',
                f"{where}.biases",
            )
        for key in ("gamma", "beta", "running_mean", "running_var"):
            if key in layer:
                if not spec.batch_norm:
                    raise LoadError(f"only a layer with batch_norm: true has {key}", f"{where}.{key}")
                check_vector(layer[key], spec.size, f"{where}.{key}", "one per neuron")
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
    check_rows(inputs, n_in, "dataset.inputs", "one per input neuron")
    check_rows(targets, n_out, "dataset.targets", "one per output neuron")
    if len(targets) != len(inputs):
        raise LoadError(
            f"expected {plural(len(inputs), 'row')} (one per input row), got {len(targets)}",
            "dataset.targets",
        )
    for key, width in (("input_names", n_in), ("output_names", n_out)):
        if key in block:
            check_vector(block[key], width, f"dataset.{key}", "one per neuron", "name")
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


def _positions(block: dict[str, Any] | None, specs: list[LayerSpec]) -> list[list[Position]] | None:
    if not block or "positions" not in block:
        return None
    positions = block["positions"]
    if len(positions) != len(specs):
        raise LoadError(
            f"expected {plural(len(specs), 'layer')} of positions, got {len(positions)}", "canvas.positions"
        )
    for index, (layer, spec) in enumerate(zip(positions, specs, strict=True)):
        if len(layer) != spec.size:
            raise LoadError(
                f"expected {plural(spec.size, 'point')} (one per neuron), got {len(layer)}",
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
    check_text_size(document)  # the numbers are counted by the stepper (engine.limits)
    try:
        stepper = Stepper(network, loss, optimizer, training, dataset)
    except EngineError as error:
        raise _stepper_engine_error(error) from None
    if "state" in document:
        restore_state(stepper, document["state"])
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


def loads(text: str | bytes, source: str = "<string>") -> NetworkFile:
    """Read a network file from its text; `source` names it in error messages."""
    path = None if source == "<string>" else source
    try:
        document = parse_document(text)
        validate_schema(document)
        return _build(document)
    except ParseError as problem:
        raise LoadError(problem.problem, problem.json_path, path) from None
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
        problem = too_large(os.stat(name).st_size)  # before reading: its real size, at once
        if problem is not None:
            raise LoadError(problem, "", name)
        data = read_regular(name, MAX_FILE_BYTES)
    except FileNotFoundError:
        raise LoadError("no such file", "", name) from None
    except IsADirectoryError:
        raise LoadError("this is a folder, not a network file", "", name) from None
    except PermissionError:
        raise LoadError("no permission to read this file", "", name) from None
    except OSError as error:
        raise LoadError(f"cannot read the file: {error.strerror or error}", "", name) from None
    return loads(data, name)
