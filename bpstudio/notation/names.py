"""Names of neurons, parameters, gradients and optimizer buffers: the one rule every view uses.

The rule is the article's: a letter, the layer as a superscript, the index as a subscript.

* Neurons: x₁ (inputs), h₁ (hidden), ŷ or ŷ₁ (outputs). With one hidden layer, as in the
  article, a hidden neuron is h₁; with several it carries its layer, h²₁.
* Parameters always carry their layer, as the article's W¹ and W² do: W¹₁₂ is the weight into
  neuron 1 of layer 1 from neuron 2 of layer 0; b¹₁, γ¹₁, β¹₁. Once an index has two digits the
  pair is separated by a low comma, W¹₁‚₁₀, so that it never reads as W¹₁₁₀.
* Gradients ∂J/∂W¹₁₂; an optimizer's buffer m(W¹₁₂), v(b¹).

The canvas, the Parameters tables, their tooltips, the History and the dataset's headers all call
these functions, so a name reads the same in every view.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bpstudio.notation.scripts import SUB_COMMA, sub, sup
from bpstudio.notation.symbols import (
    GRADIENT_PREFIX,
    HIDDEN,
    INPUT,
    OUTPUT,
    PARAMETER_SYMBOLS,
    TARGET,
    buffer_symbol,
    parameter_symbol,
)


def layer_mark(layer: int) -> str:
    """The superscript that names a layer: ² for layer 2."""
    return sup(layer)


def unit_name(letter: str, depth: int, layer: int, neuron: int) -> str:
    """A neuron's own quantity: z¹₁, a²₃, δ²₁ (the layer as a superscript once the network has
    more than one layer of weights, as the explanations write a¹₁; z₁ in a one-layer network)."""
    return letter + (sup(layer) if depth > 1 else "") + sub(neuron + 1)


def index_pair(row: int, col: int) -> str:
    """The subscript jk of a weight (0-based row and column): ₁₂, or ₁‚₁₀ once an index has two
    digits."""
    if row >= 9 or col >= 9:
        return sub(row + 1) + SUB_COMMA + sub(col + 1)
    return sub(row + 1) + sub(col + 1)


def input_name(index: int) -> str:
    """x₁ for input 0."""
    return INPUT + sub(index + 1)


def output_name(count: int, index: int) -> str:
    """ŷ for a single output, ŷ₁, ŷ₂ … for several."""
    return OUTPUT if count == 1 else OUTPUT + sub(index + 1)


def target_name(count: int, index: int) -> str:
    """y for a single target, y₁, y₂ … for several (the dataset's target columns)."""
    return TARGET if count == 1 else TARGET + sub(index + 1)


def neuron_name(sizes: Sequence[int], layer: int, neuron: int) -> str:
    """x₁ for inputs, h₁ (h²₁ with several hidden layers) for hidden neurons, ŷ (ŷ₁ …) for outputs."""
    depth = len(sizes) - 1
    if layer == 0:
        return input_name(neuron)
    if layer == depth:
        return output_name(sizes[depth], neuron)
    if depth == 2:
        return HIDDEN + sub(neuron + 1)
    return HIDDEN + sup(layer) + sub(neuron + 1)


def matrix_name(kind: str, layer: int) -> str:
    """A whole parameter of a layer: W¹, b², γ¹."""
    return parameter_symbol(kind) + sup(layer)


def parameter_name(kind: str, layer: int, row: int, col: int | None = None) -> str:
    """One parameter: W¹₁₂ (row 0, column 1 of W¹), b¹₁, γ¹₁, β¹₁."""
    index = sub(row + 1) if col is None else index_pair(row, col)
    return parameter_symbol(kind) + sup(layer) + index


def connection(sizes: Sequence[int], layer: int, row: int, col: int) -> str:
    """Which neurons a weight joins, as the forward pass reads it: h₁ ← x₂."""
    return f"{neuron_name(sizes, layer, row)} ← {neuron_name(sizes, layer - 1, col)}"


def gradient_name(name: str) -> str:
    """The gradient of the cost with respect to a named quantity: ∂J/∂W¹₁₂."""
    return GRADIENT_PREFIX + name


def buffer_name(buffer: str, name: str) -> str:
    """An optimizer buffer of a named quantity: m(W¹₁₂), v(b¹)."""
    return f"{buffer_symbol(buffer)}({name})"


GRADIENT_KEYS: dict[str, str] = {"grad_w": "W", "grad_b": "b", "grad_gamma": "gamma", "grad_beta": "beta"}
_GRADIENT_OF = {kind: key for key, kind in GRADIENT_KEYS.items()}


@dataclass(frozen=True)
class Quantity:
    """What a Parameters table shows: a parameter kind (W, b, gamma, beta), its gradient, or one
    of the optimizer's buffers for it.

    Its text form is the table's key: "W", "grad_w", "m:W" (buffer, colon, kind).
    """

    kind: str
    buffer: str | None = None
    gradient: bool = False

    @classmethod
    def parse(cls, text: str) -> Quantity:
        """The quantity a key names; ValueError for a key that names none."""
        if ":" in text:
            buffer, kind = text.split(":", 1)
            if kind in PARAMETER_SYMBOLS and buffer:
                return cls(kind, buffer=buffer)
        elif text in GRADIENT_KEYS:
            return cls(GRADIENT_KEYS[text], gradient=True)
        elif text in PARAMETER_SYMBOLS:
            return cls(text)
        raise ValueError(f"not a quantity of a layer: {text!r}")

    def __str__(self) -> str:
        if self.buffer is not None:
            return f"{self.buffer}:{self.kind}"
        return _GRADIENT_OF[self.kind] if self.gradient else self.kind

    @property
    def is_parameter(self) -> bool:
        """A parameter itself (the tables the learner may edit)."""
        return self.buffer is None and not self.gradient

    @property
    def topic(self) -> str:
        """What the quantity is about, as the tables' descriptions are keyed: the buffer's name
        ("m") for a buffer, else the key itself ("grad_w")."""
        return self.buffer if self.buffer is not None else str(self)

    def _decorate(self, name: str) -> str:
        if self.gradient:
            return gradient_name(name)
        if self.buffer is not None:
            return buffer_name(self.buffer, name)
        return name

    def title(self, layer: int) -> str:
        """The whole table: W¹, ∂J/∂b², m(W¹)."""
        return self._decorate(matrix_name(self.kind, layer))

    def name(self, layer: int, row: int, col: int | None = None) -> str:
        """One cell: W¹₁₂, ∂J/∂b¹₁, v(W²₁₁)."""
        return self._decorate(parameter_name(self.kind, layer, row, col))
