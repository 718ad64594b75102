"""One table entry per optimizer: its update rule in symbols, and the same rule for one parameter
with the numbers substituted; plus the gradient clipping and L2 weight decay that come before it.

The engine computes (bpstudio.engine.optimizers); this table only writes. The explanations and the
canvas tooltips take an update rule from here. Numbers are written by the caller's `number`
function (see notation.losses); hyper-parameters as the learner typed them (Setting).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bpstudio.notation.formula import (
    EQ,
    LARROW,
    MIN,
    MINUS,
    PLUS,
    SUM_K,
    TIMES,
    Grad,
    Indexed,
    Item,
    Line,
    Lit,
    Node,
    NumberFn,
    Setting,
    Sqrt,
    Sym,
    call,
    frac,
    number,
    paren,
    power,
    product,
    seq,
)

THETA, G, V, M = Sym("theta"), Sym("g"), Sym("v"), Sym("m")
MOM, ALPHA = Sym("mom"), Sym("alpha")
BETA1, BETA2, EPSILON = Sym("beta1"), Sym("beta2"), Sym("epsilon")
MHAT, VHAT = Sym("mhat"), Sym("vhat")


@dataclass(frozen=True)
class Optimizer:
    """How one optimizer is written: `rules(θ, g)` is its update in symbols (after g is formed)."""

    key: str
    rules: Callable[[Node, Node], list[Line]]


def sgd_rules(theta: Node = THETA, g: Node = G) -> list[Line]:
    """θ ← θ − α g."""
    return [Line(theta, seq(theta, MINUS, ALPHA, g), LARROW)]


def _momentum_rules(nesterov: bool) -> Callable[[Node, Node], list[Line]]:
    def rules(theta: Node = THETA, g: Node = G) -> list[Line]:
        """v ← μv + g, then θ ← θ − αv (momentum) or θ ← θ − α(g + μv) (Nesterov, PyTorch's form)."""
        step: Node = paren(g, PLUS, MOM, V) if nesterov else V
        return [Line(V, seq(MOM, V, PLUS, g), LARROW), Line(theta, seq(theta, MINUS, ALPHA, step), LARROW)]

    return rules


def adam_rules(theta: Node = THETA, g: Node = G) -> list[Line]:
    """The two moments, their bias correction, and the step α m̂ / (√v̂ + ε)."""
    return [
        Line(M, seq(BETA1, M, PLUS, paren("1", MINUS, BETA1), g), LARROW),
        Line(V, seq(BETA2, V, PLUS, paren("1", MINUS, BETA2), power(g, "2")), LARROW),
        Line(MHAT, frac(M, seq("1", MINUS, power(BETA1, "t")))),
        Line(VHAT, frac(V, seq("1", MINUS, power(BETA2, "t")))),
        Line(theta, seq(theta, MINUS, ALPHA, frac(MHAT, seq(Sqrt(VHAT), PLUS, EPSILON))), LARROW),
    ]


OPTIMIZERS: dict[str, Optimizer] = {
    entry.key: entry
    for entry in (
        Optimizer("sgd", sgd_rules),
        Optimizer("momentum", _momentum_rules(False)),
        Optimizer("nesterov", _momentum_rules(True)),
        Optimizer("adam", adam_rules),
    )
}


def get(key: str) -> Optimizer:
    """The entry of an engine optimizer key; an unknown key is refused by name."""
    try:
        return OPTIMIZERS[key]
    except KeyError:
        raise ValueError(f"unknown optimizer {key!r}") from None


# -- before the rule: the gradient g, clipped and with weight decay ------------------------------------------
def gradient_rule(of: str) -> Line:
    """g = ∂J/∂θ (when neither clipping nor weight decay changes it)."""
    return Line(G, Grad(of, THETA))


NORM = Lit(r"\lVert \nabla \rVert", "‖∇‖")


def clip_rules(
    of: str, norm: float, clip_norm: float, epsilon: float, coef: float, num: NumberFn = number
) -> list[Line]:
    """‖∇‖ = √(Σₖ (∂J/∂θₖ)²) and c = min(limit / (‖∇‖ + ε), 1), with their values."""
    return [
        Line(NORM, seq(Sqrt(seq(SUM_K, power(Grad(of, Sym("theta", None, ("k",))), "2"))), EQ, num(norm))),
        Line(
            Sym("c"),
            seq(
                call(MIN, frac(Setting(clip_norm), seq(num(norm), PLUS, Setting(epsilon))), "1"),
                EQ,
                num(coef),
            ),
        ),
    ]


def decay_rules(grad_part: Node, others: str) -> list[Line]:
    """g_W = (c)∂J/∂θ + λW for the weights; the other parameters (`others`) keep their gradient."""
    return [
        Line(Sym("g", None, ("W",)), seq(grad_part, PLUS, Sym("lambda"), Sym("W"))),
        Line(Sym("g", None, (others,)), grad_part),
    ]


def gradient_values(
    target: Node,
    grad: float,
    effective: float,
    old: float,
    clip_coef: float | None,
    decay: float,
    num: NumberFn = number,
) -> Line:
    """g_θ = c · ∂J/∂θ + λ · θ with one parameter's numbers (each part only when it applies)."""
    parts: list[Item] = [product(clip_coef, grad, num=num)] if clip_coef is not None else [num(grad)]
    if decay:
        parts += [PLUS, Setting(decay), TIMES, num(old, True)]
    return Line(target, seq(*parts, EQ, num(effective)))


# -- the rules with one parameter's numbers ---------------------------------------------------------------
def step_values(param: Node, old: float, rate: float, step: Node, new: float, num: NumberFn = number) -> Line:
    """θ ← θ − α · step = new (SGD's step is g, momentum's v, Nesterov's g + μv)."""
    return Line(param, seq(num(old), MINUS, Setting(rate), TIMES, step, EQ, num(new)), LARROW)


def velocity_values(
    target: Node, momentum: float, v_old: float, g: Node, v_new: float, num: NumberFn = number
) -> Line:
    """v ← μ · v + g = new."""
    return Line(target, seq(Setting(momentum), TIMES, num(v_old, True), PLUS, g, EQ, num(v_new)), LARROW)


def nesterov_step(g: float, momentum: float, v_new: float, num: NumberFn = number) -> Node:
    """(g + μ · v), Nesterov's step before the learning rate."""
    return paren(num(g), PLUS, Setting(momentum), TIMES, num(v_new, True))


@dataclass(frozen=True)
class AdamNumbers:
    """One parameter's Adam quantities, all read from the trace except m̂ and v̂ (see adam_hats)."""

    old: float
    g: float
    m_old: float
    v_old: float
    m_new: float
    v_new: float
    m_hat: float
    v_hat: float
    new: float


def adam_hats(m_new: float, v_new: float, beta1: float, beta2: float, t: int) -> tuple[float, float]:
    """m̂ = m / (1 − β₁ᵗ) and v̂ = v / (1 − β₂ᵗ): the engine does not keep them, so the
    explanation recomputes them here from the moments it does keep (the same float64 formula)."""
    return m_new / (1.0 - beta1**t), v_new / (1.0 - beta2**t)


def adam_values(
    param: Node, x: AdamNumbers, rate: float, beta1: float, beta2: float, epsilon: float, t: int
) -> list[Line]:
    """Adam's five lines for one parameter, worked out in full."""
    num = number

    def g_of(base: str) -> Node:  # m_θ, v_θ, m̂_θ, v̂_θ
        return Indexed(Sym(base), param)

    return [
        Line(
            g_of("m"),
            seq(
                Setting(beta1),
                TIMES,
                num(x.m_old, True),
                PLUS,
                Setting(1.0 - beta1),
                TIMES,
                num(x.g, True),
                EQ,
                num(x.m_new),
            ),
            LARROW,
        ),
        Line(
            g_of("v"),
            seq(
                Setting(beta2),
                TIMES,
                num(x.v_old, True),
                PLUS,
                Setting(round(1.0 - beta2, 12)),
                TIMES,
                power(num(x.g), "2"),
                EQ,
                num(x.v_new),
            ),
            LARROW,
        ),
        Line(
            g_of("mhat"),
            seq(frac(num(x.m_new), seq("1", MINUS, power(Setting(beta1), str(t)))), EQ, num(x.m_hat)),
        ),
        Line(
            g_of("vhat"),
            seq(frac(num(x.v_new), seq("1", MINUS, power(Setting(beta2), str(t)))), EQ, num(x.v_hat)),
        ),
        adam_step(param, x.old, x.m_hat, x.v_hat, x.new, rate, epsilon),
    ]


def adam_step(
    param: Node, old: float, m_hat: float, v_hat: float, new: float, rate: float, epsilon: float
) -> Line:
    """θ ← θ − α m̂ / (√v̂ + ε) with the numbers."""
    return Line(
        param,
        seq(
            number(old),
            MINUS,
            Setting(rate),
            TIMES,
            frac(number(m_hat), seq(Sqrt(number(v_hat)), PLUS, Setting(epsilon))),
            EQ,
            number(new),
        ),
        LARROW,
    )
