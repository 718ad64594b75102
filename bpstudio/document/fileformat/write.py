"""NetworkFile to the file's JSON data and text (rows of numbers on one line, a final newline)."""

from __future__ import annotations

from typing import Any

from bpstudio import jsontext
from bpstudio.document.fileformat.common import FORMAT, VERSION, NetworkFile
from bpstudio.document.fileformat.state import state_to_json
from bpstudio.engine.network import LayerSpec

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
        document["state"] = state_to_json(stepper)
    if nf.positions is not None and [len(layer) for layer in nf.positions] == sizes:
        document["canvas"] = {
            "positions": [[[float(x), float(y)] for x, y in layer] for layer in nf.positions]
        }
    return document


def format_json(document: dict[str, Any]) -> str:
    """A network file's text from its JSON data: rows of numbers on one line, a final newline."""
    return jsontext.dumps(document)


def dumps(nf: NetworkFile, include_state: bool = True) -> str:
    """The file's text (UTF-8, ends with a newline)."""
    return format_json(to_json_dict(nf, include_state))
