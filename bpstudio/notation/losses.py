"""One table entry per loss: the loss L of one sample and the output error term δ = ∂L/∂z, in
symbols and with the numbers substituted.

The engine computes (bpstudio.engine.losses: per_sample, output_delta); this table only writes.
The explanations and the canvas tooltips take a loss's formulas from here, so the output δ of a
loss is written once. Numbers are written by a `number(value, paren=False)` function the caller
gives (the derivations' six decimals, or the canvas's own), so every view shares the formula.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from bpstudio.engine.losses import HUBER_DELTA
from bpstudio.notation.activations import Words
from bpstudio.notation.formula import (
    LOG,
    MINUS,
    PLUS,
    SUM_J,
    SUM_K,
    TIMES,
    Cases,
    Item,
    Lit,
    Node,
    NumberFn,
    Seq,
    Sym,
    call,
    difference,
    frac,
    join,
    paren,
    power,
    product,
    seq,
)

Capper = Callable[[Sequence[Item]], Seq]  # t₁ + t₂ + …, shortened with ⋯ when long
NEG = Lit("-", "−")
CLIP = Lit(r"\operatorname{clip}", "clip")


def full_sum(terms: Sequence[Item]) -> Seq:
    """Every term written out (the default when the caller does not shorten sums)."""
    return join(terms, PLUS)


def sums_to_one(total: float) -> bool:
    """Whether a target row is a distribution (the softmax δ is then ŷ − y); NumPy's isclose."""
    return abs(total - 1.0) <= 1e-8 + 1e-5


def _outputs(n: int) -> tuple[Sym, Sym]:
    """y and ŷ, with the output index k when there are several outputs."""
    if n == 1:
        return Sym("y"), Sym("yhat")
    return Sym("y", None, ("k",)), Sym("yhat", None, ("k",))


def _abs(inner: Node) -> Seq:
    return seq(Lit(r"\lvert ", "|"), inner, Lit(r" \rvert", "|"))


@dataclass(frozen=True)
class Loss:
    """How one loss is written.

    `general(n, words)` is L of one sample with n outputs; `values(y, ŷ, capped, number)` is L
    with one sample's numbers. `delta(n, ŷ, y, g′, one_hot)` is the output δ in symbols and
    `delta_values(n, ŷ, y, g′ factors, Σy, number)` with numbers; when `through_g_prime`, δ is
    ∂L/∂ŷ times the activation's slope g′ (given by the caller from the activation table),
    otherwise the slope cancels (sigmoid + binary cross-entropy, softmax + cross-entropy).
    """

    key: str
    general: Callable[[int, Words], Node]
    values: Callable[[Sequence[float], Sequence[float], Capper, NumberFn], Node]
    delta: Callable[[int, Node, Node, Node, bool], Node]
    delta_values: Callable[[int, float, float, Sequence[Item], float, NumberFn], Node]
    through_g_prime: bool = True


# -- half the sum of squares (the article's) and the mean squared error ---------------------------------
def _squares_general(n: int, half: bool) -> Node:
    y, yh = _outputs(n)
    if half and n == 1:
        return seq(frac("1", "2"), power(seq(y, MINUS, yh), "2"))
    factor = frac("1", "2") if half else frac("1", str(n))
    return seq(factor, SUM_K, power(seq(y, MINUS, yh), "2"))


def _squares_values(
    y: Sequence[float], p: Sequence[float], capped: Capper, num: NumberFn, half: bool
) -> Node:
    n = len(y)
    squares = [power(difference(y[k], p[k], num), "2") for k in range(n)]
    factor = frac("1", "2") if half else frac("1", str(n))
    if n == 1:
        return seq(factor, squares[0])
    return seq(factor, paren(capped(squares)))


HALF_SSE = Loss(
    "half_sse",
    lambda n, words: _squares_general(n, True),
    lambda y, p, capped, num: _squares_values(y, p, capped, num, True),
    lambda n, yh, y, gp, one_hot: seq(paren(yh, MINUS, y), TIMES, gp),
    lambda n, p, y, gp, total, num: seq(paren(difference(p, y, num)), TIMES, *gp),
)
MSE = Loss(
    "mse",
    lambda n, words: _squares_general(n, False),
    lambda y, p, capped, num: _squares_values(y, p, capped, num, False),
    lambda n, yh, y, gp, one_hot: seq(frac("2", str(n)), paren(yh, MINUS, y), TIMES, gp),
    lambda n, p, y, gp, total, num: seq(frac("2", str(n)), TIMES, paren(difference(p, y, num)), TIMES, *gp),
)


# -- Huber (δ = 1, the mean over the outputs, as PyTorch's nn.HuberLoss) -------------------------------------
def _huber_term(d: Node, words: Words) -> Cases:
    """½d² where |d| < 1, |d| − ½ beyond: quadratic near the target, linear far from it."""
    return Cases(
        seq(frac("1", "2"), power(d, "2")),
        seq(_abs(d), Lit(" < 1")),
        seq(_abs(d), MINUS, frac("1", "2")),
        seq(_abs(d), Lit(r" \ge 1", " ≥ 1")),
        words.if_word,
        words.otherwise_word,
    )


def _huber_general(n: int, words: Words) -> Node:
    y, yh = _outputs(n)
    term = _huber_term(seq(y, MINUS, yh), words)
    if n == 1:
        return term
    return seq(frac("1", str(n)), SUM_K, paren(term))


def _huber_values(y: Sequence[float], p: Sequence[float], capped: Capper, num: NumberFn) -> Node:
    n = len(y)
    terms: list[Item] = []
    for k in range(n):
        d = difference(y[k], p[k], num)
        if abs(y[k] - p[k]) < HUBER_DELTA:
            terms.append(seq(frac("1", "2"), power(d, "2")))
        else:
            terms.append(seq(_abs(d), MINUS, frac("1", "2")))
    if n == 1:
        return seq(*terms)
    return seq(frac("1", str(n)), paren(capped(terms)))


def _huber_slope(n: int, d: Node) -> list[Item]:
    """∂L/∂ŷ = clip(ŷ − y, −1, 1)/n."""
    clip = call(CLIP, d, Lit("-1", "−1"), "1")
    return [clip] if n == 1 else [frac("1", str(n)), TIMES, clip]


HUBER = Loss(
    "huber",
    _huber_general,
    _huber_values,
    lambda n, yh, y, gp, one_hot: seq(*_huber_slope(n, seq(yh, MINUS, y)), TIMES, gp),
    lambda n, p, y, gp, total, num: seq(*_huber_slope(n, difference(p, y, num)), TIMES, *gp),
)


# -- cross-entropies (the output activation's slope cancels) ---------------------------------------------------
def _bce_general(n: int, words: Words) -> Node:
    y, yh = _outputs(n)
    inner = seq(y, call(LOG, yh), PLUS, paren("1", MINUS, y), call(LOG, seq("1", MINUS, yh)))
    if n == 1:
        return seq(NEG, paren(inner))
    return seq(NEG, frac("1", str(n)), SUM_K, paren(inner))


def _bce_values(y: Sequence[float], p: Sequence[float], capped: Capper, num: NumberFn) -> Node:
    n = len(y)
    terms = [
        seq(
            num(y[k], True),
            call(LOG, num(p[k])),
            PLUS,
            paren(difference(1.0, y[k], num)),
            call(LOG, difference(1.0, p[k], num)),
        )
        for k in range(n)
    ]
    if n == 1:
        return seq(NEG, paren(terms[0]))
    return seq(NEG, frac("1", str(n)), paren(capped(terms)))


BINARY_CROSS_ENTROPY = Loss(
    "binary_cross_entropy",
    _bce_general,
    _bce_values,
    lambda n, yh, y, gp, one_hot: seq(yh, MINUS, y) if n == 1 else frac(seq(yh, MINUS, y), str(n)),
    lambda n, p, y, gp, total, num: difference(p, y, num) if n == 1 else frac(difference(p, y, num), str(n)),
    through_g_prime=False,
)


def _ce_values(y: Sequence[float], p: Sequence[float], capped: Capper, num: NumberFn) -> Node:
    terms = [seq(num(y[k], True), call(LOG, num(p[k]))) for k in range(len(y))]
    return seq(NEG, paren(capped(terms)))


def _ce_delta(n: int, yh: Node, y: Node, gp: Node, one_hot: bool) -> Node:
    """ŷ − y for a target distribution; ŷ Σⱼyⱼ − y in general (the engine's fused form)."""
    if one_hot:
        return seq(yh, MINUS, y)
    return seq(yh, SUM_J, Sym("y", None, ("j",)), MINUS, y)


def _ce_delta_values(n: int, p: float, y: float, gp: Sequence[Item], total: float, num: NumberFn) -> Node:
    if sums_to_one(total):
        return difference(p, y, num)
    return seq(product(p, total, num=num), MINUS, num(y, True))


CROSS_ENTROPY = Loss(
    "cross_entropy",
    lambda n, words: seq(NEG, SUM_K, _outputs(n)[0], call(LOG, _outputs(n)[1])),
    _ce_values,
    _ce_delta,
    _ce_delta_values,
    through_g_prime=False,
)

LOSSES: dict[str, Loss] = {
    entry.key: entry for entry in (HALF_SSE, MSE, HUBER, BINARY_CROSS_ENTROPY, CROSS_ENTROPY)
}


def get(key: str) -> Loss:
    """The entry of an engine loss key; an unknown key is refused by name."""
    try:
        return LOSSES[key]
    except KeyError:
        raise ValueError(f"unknown loss {key!r}") from None


def one_hot(totals: Sequence[float]) -> bool:
    """Whether every target row of a batch is a distribution (the general δ is then ŷ − y)."""
    return all(sums_to_one(float(total)) for total in totals)


__all__ = ["LOSSES", "Loss", "full_sum", "get", "one_hot", "sums_to_one"]
