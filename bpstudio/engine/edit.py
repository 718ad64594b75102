"""Structure edits: a new (Network, Dataset) from an old one, keeping what still has a place.

Every parameter whose neuron (and input neuron) survive the edit keeps its value; new weights
are drawn Xavier-uniform from `seed` so new neurons do not start identical; new biases are zero.
Adding or removing an input (output) neuron adds or removes a column of the dataset's inputs
(targets); new columns are zero.
"""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np

from bpstudio.engine.batching import Dataset
from bpstudio.engine.errors import EngineError
from bpstudio.engine.network import LayerSpec, Network

# For each layer of the new network: (old layer index or None, [old neuron index or None, ...]).
NeuronMap = list[tuple[int | None, list[int | None]]]


def _rebuild(old: Network, specs: list[LayerSpec], mapping: NeuronMap, seed: int) -> Network:
    new = Network(specs)
    rng = np.random.default_rng(seed)
    for layer in range(1, new.depth + 1):
        old_layer, rows = mapping[layer]
        prev_old_layer, cols = mapping[layer - 1]
        w = new.W(layer)
        fan_out, fan_in = w.shape
        limit = math.sqrt(6.0 / (fan_in + fan_out))
        w[:] = rng.uniform(-limit, limit, size=w.shape)
        same_edge = old_layer is not None and prev_old_layer is not None and prev_old_layer == old_layer - 1
        for j, oj in enumerate(rows):
            if old_layer is None or oj is None:
                continue
            new.b(layer)[j] = old.b(old_layer)[oj]
            if specs[layer].batch_norm and old.specs[old_layer].batch_norm:
                new.gamma(layer)[j] = old.gamma(old_layer)[oj]
                new.beta(layer)[j] = old.beta(old_layer)[oj]
                for target, source in (
                    (new.running_mean, old.running_mean),
                    (new.running_var, old.running_var),
                ):
                    t, s = target[layer], source[old_layer]
                    assert t is not None and s is not None
                    t[j] = s[oj]
            if same_edge:
                for i, oi in enumerate(cols):
                    if oi is not None:
                        w[j, i] = old.W(old_layer)[oj, oi]
    return new


def _identity(net: Network) -> NeuronMap:
    return [(layer, list(range(size))) for layer, size in enumerate(net.sizes)]


def _check_layer(net: Network, layer: int) -> None:
    if not 0 <= layer <= net.depth:
        raise EngineError(f"there is no layer {layer}; layers are numbered 0 to {net.depth}")


def insert_layer(
    net: Network, data: Dataset, index: int, size: int = 2, activation: str = "sigmoid", seed: int = 0
) -> tuple[Network, Dataset]:
    """A new hidden layer placed before the layer now at `index` (1 … L)."""
    if not 1 <= index <= net.depth:
        raise EngineError(f"a hidden layer can be inserted at positions 1 to {net.depth}, not {index}")
    specs = list(net.specs)
    specs.insert(index, LayerSpec(size, activation))
    mapping = _identity(net)
    mapping.insert(index, (None, [None] * size))
    return _rebuild(net, specs, mapping, seed), data.copy()


def remove_layer(net: Network, data: Dataset, index: int, seed: int = 0) -> tuple[Network, Dataset]:
    """Remove hidden layer `index` (1 … L−1); the next layer is connected to the one before."""
    if not 1 <= index < net.depth:
        raise EngineError(
            "only hidden layers can be removed"
            if net.depth > 1
            else "this network has no hidden layer to remove"
        )
    specs = list(net.specs)
    del specs[index]
    mapping = _identity(net)
    del mapping[index]
    return _rebuild(net, specs, mapping, seed), data.copy()


def add_neuron(net: Network, data: Dataset, layer: int, seed: int = 0) -> tuple[Network, Dataset]:
    """One more neuron at the end of `layer` (0 = input, L = output)."""
    _check_layer(net, layer)
    specs = list(net.specs)
    specs[layer] = replace(specs[layer], size=specs[layer].size + 1)
    mapping = _identity(net)
    mapping[layer][1].append(None)
    data = data.copy()
    if layer == 0:
        data = Dataset(np.hstack([data.inputs, np.zeros((data.size, 1))]), data.targets)
    elif layer == net.depth:
        data = Dataset(data.inputs, np.hstack([data.targets, np.zeros((data.size, 1))]))
    return _rebuild(net, specs, mapping, seed), data


def remove_neuron(
    net: Network, data: Dataset, layer: int, neuron: int, seed: int = 0
) -> tuple[Network, Dataset]:
    """Remove neuron `neuron` of `layer` with its incoming and outgoing weights."""
    _check_layer(net, layer)
    size = net.sizes[layer]
    if not 0 <= neuron < size:
        raise EngineError(f"layer {layer} has no neuron {neuron + 1}")
    if size == 1:
        raise EngineError(f"layer {layer} has only one neuron; remove the layer instead")
    specs = list(net.specs)
    specs[layer] = replace(specs[layer], size=size - 1)
    mapping = _identity(net)
    del mapping[layer][1][neuron]
    data = data.copy()
    if layer == 0:
        data = Dataset(np.delete(data.inputs, neuron, axis=1), data.targets)
    elif layer == net.depth:
        data = Dataset(data.inputs, np.delete(data.targets, neuron, axis=1))
    return _rebuild(net, specs, mapping, seed), data


def set_batch_norm(net: Network, layer: int, on: bool) -> Network:
    """A copy of the network with batch normalisation switched on or off on hidden layer `layer`.

    Every W and b keeps its value; switching on adds γ = 1, β = 0 and running statistics
    (mean 0, variance 1), switching off drops them. Other layers keep theirs.
    """
    if not 1 <= layer < net.depth:
        raise EngineError(
            f"batch normalisation is for hidden layers only (1 to {net.depth - 1}), not layer {layer}"
            if net.depth > 1
            else "batch normalisation is for hidden layers only, and this network has none"
        )
    specs = list(net.specs)
    specs[layer] = replace(specs[layer], batch_norm=bool(on))
    return _rebuild(net, specs, _identity(net), seed=0)


def set_activation(net: Network, layer: int, activation: str) -> Network:
    """A copy of the network with another activation on `layer` (parameters unchanged)."""
    if not 1 <= layer <= net.depth:
        raise EngineError(f"layer {layer} has no activation; choose a layer from 1 to {net.depth}")
    new = net.copy()
    new.set_activation(layer, activation)
    return new
