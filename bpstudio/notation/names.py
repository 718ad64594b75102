"""Names of neurons, parameters, gradients and optimizer buffers: the one rule every view uses.

The rule is the article's: a letter, the layer as a superscript, the index as a subscript.

* Neurons: x₁ (inputs), h₁ (hidden), ŷ or ŷ₁ (outputs). With one hidden layer, as in the
  article, a hidden neuron is h₁; with several it carries its layer, h²₁.
* Parameters always carry their layer, as the article's W¹ and W² do: W¹₁₂ is the weight into
  neuron 1 of layer 1 from neuron 2 of layer 0; b¹₁, γ¹₁, β¹₁. Once an index has two digits the
  pair is separated by a low comma, W¹₁‚₁₀, so that it never reads as W¹₁₁₀.
* A neuron's own quantities carry its layer and its index, even alone in its layer: z²₁, a¹₂,
  δ²₁ (the output's activation is also ŷ, without index when there is one output).
* Gradients ∂J/∂W¹₁₂; an optimizer's buffer m(W¹₁₂), v(b¹).

The canvas, the Parameters tables, their tooltips, the History and the dataset's headers call
these functions; the explanations' formula nodes (notation.formula.Sym) take their indices from
`neuron_index`, `output_index`, `parameter_indices` and `index_digits` and their letters from
notation.symbols, so a name reads the same in every view and in every format.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bpstudio.notation.scripts import sub, sup
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


def index_digits(*indices: int | str) -> str:
    """The one rule for several indices of one name, before they are set as a subscript: side by
    side while each is one character ("12", "kj"), separated by commas once one has two ("1,10"),
    so that W¹₁‚₁₀ never reads as W¹₁₁₀. The formulas (Markdown, HTML, text) and the plain names
    alike write their indices through it. Numbers are 1-based here, as the learner counts."""
    texts = [str(index) for index in indices]
    return ("," if any(len(text) > 1 for text in texts) else "").join(texts)


def subscript(indices: Sequence[int | str]) -> str:
    """Indices as a Unicode subscript: (1, 2) → ₁₂, (1, 10) → ₁‚₁₀ (the comma sits low)."""
    return sub(index_digits(*indices))


def neuron_index(neuron: int) -> tuple[int, ...]:
    """The 1-based subscript of a neuron (0-based `neuron`). A neuron's own quantities carry it
    even when it is alone in its layer (z²₁, δ²₁, b²₁), as its parameters do in the tables."""
    return (neuron + 1,)


def output_index(count: int, index: int) -> tuple[int, ...]:
    """The subscript of an output ŷ or a target y: none when there is one (ŷ, y), else ŷ₁, y₂."""
    return () if count == 1 else neuron_index(index)


def unit_name(letter: str, layer: int, neuron: int) -> str:
    """A neuron's own quantity: z¹₁, a²₃, δ²₁ (the layer as a superscript, the neuron as a
    subscript), as the explanations write them."""
    return letter + layer_mark(layer) + subscript(neuron_index(neuron))


def parameter_indices(row: int, col: int | None = None) -> tuple[int, ...]:
    """The 1-based indices of one parameter (0-based row and column): (j, k) of a weight, (j,)
    of a bias, γ or β."""
    return neuron_index(row) if col is None else neuron_index(row) + neuron_index(col)


def index_pair(row: int, col: int) -> str:
    """The subscript jk of a weight (0-based row and column): ₁₂, or ₁‚₁₀ once an index has two
    digits."""
    return subscript(parameter_indices(row, col))


def input_name(index: int) -> str:
    """x₁ for input 0."""
    return INPUT + subscript(neuron_index(index))


def output_name(count: int, index: int) -> str:
    """ŷ for a single output, ŷ₁, ŷ₂ … for several."""
    return OUTPUT + subscript(output_index(count, index))


def target_name(count: int, index: int) -> str:
    """y for a single target, y₁, y₂ … for several (the dataset's target columns)."""
    return TARGET + subscript(output_index(count, index))


def neuron_name(sizes: Sequence[int], layer: int, neuron: int) -> str:
    """x₁ for inputs, h₁ (h²₁ with several hidden layers) for hidden neurons, ŷ (ŷ₁ …) for outputs."""
    depth = len(sizes) - 1
    if layer == 0:
        return input_name(neuron)
    if layer == depth:
        return output_name(sizes[depth], neuron)
    if depth == 2:
        return HIDDEN + subscript(neuron_index(neuron))
    return HIDDEN + layer_mark(layer) + subscript(neuron_index(neuron))


def matrix_name(kind: str, layer: int) -> str:
    """A whole parameter of a layer: W¹, b², γ¹."""
    return parameter_symbol(kind) + layer_mark(layer)


def parameter_name(kind: str, layer: int, row: int, col: int | None = None) -> str:
    """One parameter: W¹₁₂ (row 0, column 1 of W¹), b¹₁, γ¹₁, β¹₁."""
    return parameter_symbol(kind) + layer_mark(layer) + subscript(parameter_indices(row, col))


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
