"""One table entry per activation function: its name in formulas, g(z) and g′, in symbols and with
the numbers substituted (σ′(z) = a(1 − a) → 0.593270 · (1 − 0.593270)).

The engine computes (bpstudio.engine.activations); this table only writes. The explanations, the
exports and the canvas tooltips all take an activation's formulas from here, so adding an
activation means one entry below (and its computation in the engine).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bpstudio.notation import numbers
from bpstudio.notation.formula import (
    MAX,
    MINUS,
    PLUS,
    SUM_J,
    TIMES,
    Cases,
    Exp,
    Item,
    Line,
    Lit,
    Node,
    NumberFn,
    Setting,
    Sym,
    call,
    frac,
    paren,
    power,
    seq,
)


@dataclass(frozen=True)
class Words:
    """The two words a definition by cases needs, in the reader's language."""

    if_word: str = "if"
    otherwise_word: str = "otherwise"


Z = Sym("z")
MINUS_Z = Lit("-z", "−z")
POSITIVE = Lit("z > 0")
NOT_POSITIVE = Lit(r"z \le 0", "z ≤ 0")


def _slope(slope: float) -> str:
    return numbers.setting(slope)


def _by_sign(positive: Node, other: Node, words: Words) -> Cases:
    """`positive if z > 0, other otherwise`."""
    return Cases(positive, POSITIVE, other, NOT_POSITIVE, words.if_word, words.otherwise_word)


@dataclass(frozen=True)
class Activation:
    """How one activation is written.

    `definition(slope, words)` is the line g(z) = …; `prime(a, slope, words)` is g′ in symbols,
    written with the output `a` when `prime_by_output` (σ′ = a(1 − a)) and with z otherwise
    (ReLU′ by cases); `prime_values(z, a, slope, number)` is g′ with the numbers, as the factors
    of a product. `prime_is_sum` says g′ must be bracketed when it multiplies something.
    """

    key: str
    symbol: Lit
    definition: Callable[[float, Words], Line]
    prime: Callable[[Node, float, Words], Node]
    prime_values: Callable[[float, float, float, NumberFn], list[Item]]
    prime_by_output: bool = False
    prime_is_sum: bool = False

    def of(self, arg: Node) -> Node:
        """g applied to `arg`: σ(z̃), tanh(0.5)."""
        return call(self.symbol, arg)

    @property
    def prime_symbol(self) -> Lit:
        """The name of the derivative: σ′, ReLU′."""
        uni = self.symbol.uni if self.symbol.uni is not None else self.symbol.latex
        return Lit(self.symbol.latex + "'", uni + "′")

    def prime_factor(self, a: Node) -> Node:
        """g′ written with `a`, ready to multiply: ŷ(1 − ŷ), (1 − ŷ²)."""
        body = self.prime(a, 0.0, Words())
        return seq(paren(body)) if self.prime_is_sum else body


# The names of the functions in formulas: σ(z), tanh(z), ReLU(z) ...
SIGMOID_NAME = Lit(r"\sigma", "σ")
TANH_NAME = Lit(r"\tanh", "tanh")
RELU_NAME = Lit(r"\operatorname{ReLU}", "ReLU")
LEAKY_RELU_NAME = Lit(r"\operatorname{LReLU}", "LReLU")
ELU_NAME = Lit(r"\operatorname{ELU}", "ELU")
LINEAR_NAME = Lit(r"\operatorname{id}", "id")
SOFTMAX_NAME = Lit(r"\operatorname{softmax}", "softmax")
G_PRIME = Lit("g'", "g′")  # the derivative of whichever activation a layer uses


def _sigmoid_values(z: float, a: float, slope: float, num: NumberFn) -> list[Item]:
    return [num(a, True), TIMES, paren("1", MINUS, num(a, True))]


def _tanh_values(z: float, a: float, slope: float, num: NumberFn) -> list[Item]:
    return [paren("1", MINUS, power(num(a), "2"))]


def _relu_values(z: float, a: float, slope: float, num: NumberFn) -> list[Item]:
    return ["1" if z > 0 else "0"]


def _leaky_values(z: float, a: float, slope: float, num: NumberFn) -> list[Item]:
    return ["1" if z > 0 else Setting(slope)]


def _elu_values(z: float, a: float, slope: float, num: NumberFn) -> list[Item]:
    return ["1" if z > 0 else Exp(num(z))]


def _one(z: float, a: float, slope: float, num: NumberFn) -> list[Item]:
    return ["1"]


SIGMOID = Activation(
    "sigmoid",
    SIGMOID_NAME,
    lambda slope, words: Line(call(SIGMOID_NAME, Z), frac("1", seq("1", PLUS, Exp(MINUS_Z)))),
    lambda a, slope, words: seq(a, paren("1", MINUS, a)),
    _sigmoid_values,
    prime_by_output=True,
)
TANH = Activation(
    "tanh",
    TANH_NAME,
    lambda slope, words: Line(
        call(TANH_NAME, Z), frac(seq(Exp(Z), MINUS, Exp(MINUS_Z)), seq(Exp(Z), PLUS, Exp(MINUS_Z)))
    ),
    lambda a, slope, words: seq("1", MINUS, power(a, "2")),
    _tanh_values,
    prime_by_output=True,
    prime_is_sum=True,
)
RELU = Activation(
    "relu",
    RELU_NAME,
    lambda slope, words: Line(call(RELU_NAME, Z), call(MAX, "0", Z)),
    lambda a, slope, words: _by_sign(Lit("1"), Lit("0"), words),
    _relu_values,
)
LEAKY_RELU = Activation(
    "leaky_relu",
    LEAKY_RELU_NAME,
    lambda slope, words: Line(
        call(LEAKY_RELU_NAME, Z),
        _by_sign(Lit("z"), Lit(_slope(slope) + r"\,z", _slope(slope) + "·z"), words),
    ),
    lambda a, slope, words: _by_sign(Lit("1"), Lit(_slope(slope)), words),
    _leaky_values,
)
# ELU with α = 1 (PyTorch's nn.ELU default): g′(z) = e^z for z ≤ 0, which is a + 1.
ELU = Activation(
    "elu",
    ELU_NAME,
    lambda slope, words: Line(call(ELU_NAME, Z), _by_sign(Lit("z"), seq(Exp(Z), MINUS, "1"), words)),
    lambda a, slope, words: _by_sign(Lit("1"), Exp(Z), words),
    _elu_values,
)
LINEAR = Activation(
    "linear",
    LINEAR_NAME,
    lambda slope, words: Line(call(LINEAR_NAME, Z), Z),
    lambda a, slope, words: Lit("1"),
    _one,
)
SOFTMAX = Activation(
    "softmax",
    SOFTMAX_NAME,
    lambda slope, words: Line(
        seq(call(SOFTMAX_NAME, Z), Lit("_k", "ₖ")),
        frac(Exp(Sym("z", None, ("k",))), seq(SUM_J, Exp(Sym("z", None, ("j",))))),
    ),
    lambda a, slope, words: Lit("1"),  # never asked: softmax's δ is fused with cross-entropy
    _one,
)

ACTIVATIONS: dict[str, Activation] = {
    entry.key: entry for entry in (SIGMOID, TANH, RELU, LEAKY_RELU, ELU, LINEAR, SOFTMAX)
}


def get(key: str) -> Activation:
    """The entry of an engine activation key; an unknown key is refused by name."""
    try:
        return ACTIVATIONS[key]
    except KeyError:
        raise ValueError(f"unknown activation {key!r}") from None


def activation_symbol(key: str) -> str:
    """σ, tanh, ReLU …: an activation's name in a plain-text formula, from its entry (an unknown
    key is written as the key)."""
    entry = ACTIVATIONS.get(key)
    return key if entry is None else entry.symbol.render("plain")


def prime_line(entry: Activation, slope: float, words: Words) -> Line:
    """g′(z) = … in symbols, as the backward pass defines it before using it."""
    return Line(call(G_PRIME, Z), entry.prime(Sym("a"), slope, words))


__all__ = ["ACTIVATIONS", "G_PRIME", "Activation", "Words", "activation_symbol", "get", "prime_line"]
