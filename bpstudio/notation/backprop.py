"""The formulas every layer shares, whatever its activation: batch normalisation's two steps, the
chain rule that carries δ back through a layer and the gradient of a weight from the δ and the
activation it joins. (Per-function formulas live in the tables:
activations.py, losses.py, optimizers.py.)"""

from __future__ import annotations

from collections.abc import Sequence

from bpstudio.notation.formula import (
    MINUS,
    ODOT,
    PLUS,
    SUM_I,
    TIMES,
    Item,
    Line,
    Node,
    Seq,
    Sqrt,
    Sym,
    frac,
    paren,
    power,
    seq,
)


def normalise_rule(layer: int | None = None) -> Line:
    """ẑ = (z − μ) / √(σ² + ε): z standardised over the batch."""
    return Line(
        Sym("zhat", layer),
        frac(
            seq(Sym("z", layer), MINUS, Sym("mu", layer)),
            Sqrt(seq(power(Sym("sigma", layer), "2"), PLUS, Sym("epsilon"))),
        ),
    )


def scale_rule(layer: int | None = None, one_neuron: bool = False) -> Line:
    """z̃ = γ ⊙ ẑ + β: the learned scale and shift (γ · ẑ + β for one neuron's numbers)."""
    times = TIMES if one_neuron else ODOT
    return Line(
        Sym("ztilde", layer), seq(Sym("gamma", layer), times, Sym("zhat", layer), PLUS, Sym("beta", layer))
    )


def chain_rule(weighted: Node, slope: Sequence[Item]) -> Seq:
    """(Σₖ wₖⱼ δₖ) · g′(z): the δ a neuron collects from the next layer, times its own slope."""
    return seq(paren(weighted), TIMES, *slope)


def batch_mean(term: Node) -> Seq:
    """1/m Σᵢ term: a gradient of the cost J, the mean of the samples' gradients."""
    return seq(frac("1", "m"), SUM_I, term)


def weight_gradient(delta: Node, source: Node, batch: bool) -> Seq:
    """∂J/∂w of one weight: δ · a of the two neurons it joins, or its mean over the batch."""
    product = seq(delta, TIMES, source)
    return batch_mean(product) if batch else product
