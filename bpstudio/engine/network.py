"""The network: layer structure and every parameter in one flat float64 vector.

All trainable parameters live in `theta`; `W[l]`, `b[l]`, `gamma[l]`, `beta[l]` are views into it,
so an optimizer updates the whole network with a handful of vector operations and gradients
share the same layout (`view(grad, layer, kind)`). Layer 0 is the input layer and has no parameters.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import numpy as np
from numpy.typing import NDArray

from bpstudio.engine import activations, limits
from bpstudio.engine.errors import EngineError

Array = NDArray[np.float64]

# The structural limits live in the one table of limits (engine.limits); named here as well
# because the rest of the program has always imported them from this module.
MAX_LAYERS = limits.MAX_LAYERS
MAX_NEURONS_PER_LAYER = limits.MAX_NEURONS_PER_LAYER
MAX_PARAMETERS = limits.MAX_PARAMETERS
BN_EPSILON = 1e-5
BN_MOMENTUM = 0.1
PARAM_KINDS = ("W", "b", "gamma", "beta")


@dataclass(frozen=True)
class LayerSpec:
    """One layer's structure. The input layer (index 0) uses only `size`."""

    size: int
    activation: str = "sigmoid"
    batch_norm: bool = False
    leaky_slope: float = activations.DEFAULT_LEAKY_SLOPE


def _layer_error(index: int, problem: str, field: str) -> EngineError:
    """A refusal of layer `index`: "layer 2: <problem>", with the problem alone in `problem`."""
    return EngineError(f"layer {index}: {problem}", layer=index, field=field, problem=problem)


def check_specs(specs: list[LayerSpec]) -> None:
    """Refuse a structure before anything is allocated for it."""
    if len(specs) < 2:
        raise EngineError("a network needs an input layer and at least one more layer")
    if len(specs) > MAX_LAYERS:
        raise EngineError(f"{len(specs)} layers is more than the {MAX_LAYERS} BP Studio supports")
    total = 0
    for index, spec in enumerate(specs):
        if not isinstance(spec.size, int) or spec.size < 1:
            raise _layer_error(index, f"size must be a positive whole number, got {spec.size!r}", "size")
        if spec.size > MAX_NEURONS_PER_LAYER:
            raise _layer_error(
                index, f"{spec.size} neurons is more than the {MAX_NEURONS_PER_LAYER} allowed", "size"
            )
        if index == 0:
            continue
        if spec.activation not in activations.ACTIVATIONS:
            raise _layer_error(
                index,
                f"unknown activation {spec.activation!r}; "
                f"expected one of {', '.join(activations.ACTIVATIONS)}",
                "activation",
            )
        if spec.activation == "softmax" and index != len(specs) - 1:
            raise _layer_error(index, "softmax is only allowed on the output layer", "activation")
        if not math.isfinite(spec.leaky_slope):
            raise _layer_error(index, "leaky_slope must be a finite number", "leaky_slope")
        if spec.batch_norm and index == len(specs) - 1:
            raise _layer_error(index, "batch normalisation is for hidden layers only", "batch_norm")
        total += specs[index - 1].size * spec.size + spec.size * (3 if spec.batch_norm else 1)
    if total > MAX_PARAMETERS:
        raise EngineError(
            f"the network would have {total:,} parameters, more than the {MAX_PARAMETERS:,} allowed"
        )


class Network:
    """Structure plus parameters. Parameters start at zero; use an initialiser or assign them."""

    def __init__(self, specs: list[LayerSpec]) -> None:
        check_specs(specs)
        self.specs: list[LayerSpec] = list(specs)
        self._depth = len(specs) - 1
        slices: list[dict[str, tuple[int, int, tuple[int, ...]]]] = [{}]
        offset = 0
        for index in range(1, len(specs)):
            n_in, n_out = specs[index - 1].size, specs[index].size
            layout: dict[str, tuple[int, int, tuple[int, ...]]] = {}
            shapes: list[tuple[str, tuple[int, ...]]] = [("W", (n_out, n_in)), ("b", (n_out,))]
            if specs[index].batch_norm:
                shapes += [("gamma", (n_out,)), ("beta", (n_out,))]
            for kind, shape in shapes:
                count = math.prod(shape)
                layout[kind] = (offset, offset + count, shape)
                offset += count
            slices.append(layout)
        self.layout = slices
        self._views: dict[tuple[int, str], Array] = {}
        self._theta: Array = np.zeros(offset)
        decay = np.zeros(offset)
        for layout in slices[1:]:
            start, stop, _ = layout["W"]
            decay[start:stop] = 1.0
        self.decay_mask: Array = decay
        self.running_mean: list[Array | None] = [None]
        self.running_var: list[Array | None] = [None]
        for index in range(1, len(specs)):
            if specs[index].batch_norm:
                self.running_mean.append(np.zeros(specs[index].size))
                self.running_var.append(np.ones(specs[index].size))
                self.gamma(index)[:] = 1.0
            else:
                self.running_mean.append(None)
                self.running_var.append(None)

    # -- structure -------------------------------------------------------------------------
    @property
    def sizes(self) -> list[int]:
        return [spec.size for spec in self.specs]

    @property
    def depth(self) -> int:
        """L, the number of layers with parameters."""
        return self._depth

    @property
    def parameter_count(self) -> int:
        return int(self.theta.size)

    # -- views -----------------------------------------------------------------------------
    @property
    def theta(self) -> Array:
        """Every trainable parameter, in layer order (W, b, then γ, β with batch norm)."""
        return self._theta

    @theta.setter
    def theta(self, values: Array) -> None:
        values = np.asarray(values, dtype=np.float64)
        if values.shape != self._theta.shape:
            raise EngineError(f"expected {self._theta.size} parameters, got {values.size}")
        self._theta = values
        self._views.clear()

    def _param(self, layer: int, kind: str) -> Array:
        """Cached view of theta; theta is only ever changed in place, so views stay valid."""
        key = (layer, kind)
        view = self._views.get(key)
        if view is None:
            view = self._views[key] = self.view(self._theta, layer, kind)
        return view

    def views(self, vector: Array) -> list[dict[str, Array]]:
        """Every (layer, kind) view of a theta-shaped vector: views(v)[layer]["W"]."""
        return [
            {kind: self.view(vector, layer, kind) for kind in kinds}
            for layer, kinds in enumerate(self.layout)
        ]

    def view(self, vector: Array, layer: int, kind: str) -> Array:
        """The part of a theta-shaped vector that belongs to (layer, kind), as a view."""
        start, stop, shape = self.layout[layer][kind]
        return vector[start:stop].reshape(shape)

    def has(self, layer: int, kind: str) -> bool:
        return 1 <= layer <= self.depth and kind in self.layout[layer]

    def W(self, layer: int) -> Array:
        return self._param(layer, "W")

    def b(self, layer: int) -> Array:
        return self._param(layer, "b")

    def gamma(self, layer: int) -> Array:
        return self._param(layer, "gamma")

    def beta(self, layer: int) -> Array:
        return self._param(layer, "beta")

    def param_index(self, layer: int, kind: str, row: int, col: int | None = None) -> int:
        """Index into theta of one parameter (col only for W)."""
        if not self.has(layer, kind):
            raise EngineError(f"layer {layer} has no parameter {kind!r}")
        start, _, shape = self.layout[layer][kind]
        if kind == "W":
            if col is None or not (0 <= row < shape[0] and 0 <= col < shape[1]):
                raise EngineError(f"W[{layer}] has no entry ({row}, {col})")
            return start + row * shape[1] + col
        if not 0 <= row < shape[0]:
            raise EngineError(f"{kind}[{layer}] has no entry {row}")
        return start + row

    def copy(self) -> Network:
        other = Network.__new__(Network)
        other.specs = list(self.specs)
        other._depth = self._depth
        other.layout = self.layout
        other._theta = self._theta.copy()
        other._views = {}
        other.decay_mask = self.decay_mask
        other.running_mean = [None if r is None else r.copy() for r in self.running_mean]
        other.running_var = [None if r is None else r.copy() for r in self.running_var]
        return other

    def set_activation(self, layer: int, activation: str) -> None:
        specs = list(self.specs)
        specs[layer] = replace(specs[layer], activation=activation)
        check_specs(specs)
        self.specs = specs

    # -- evaluation (no training side effects) ----------------------------------------------
    def predict(self, x: Array) -> Array:
        """ŷ for inputs x (m, n0), batch norm using its running statistics."""
        a = np.asarray(x, dtype=np.float64)
        for layer in range(1, self.depth + 1):
            spec = self.specs[layer]
            z = a @ self.W(layer).T + self.b(layer)
            if spec.batch_norm:
                mean, var = self.running_mean[layer], self.running_var[layer]
                assert mean is not None and var is not None
                z = (z - mean) / np.sqrt(var + BN_EPSILON) * self.gamma(layer) + self.beta(layer)
            a = activations.forward(spec.activation, z, spec.leaky_slope)
        return a
