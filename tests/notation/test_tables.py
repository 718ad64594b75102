"""The formula tables of bpstudio.notation: one entry per engine key, and each entry's formula the
same in symbols and with numbers, in every format (the explanations and the tooltips share them)."""

from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st

from bpstudio.engine import ACTIVATIONS, LOSSES, OPTIMIZERS
from bpstudio.notation import activations, losses, optimizers
from bpstudio.notation.formula import TIMES, Cases, Grad, Lit, Sym, number, seq
from bpstudio.notation.numbers import derivation

WORDS = activations.Words("if", "otherwise")
finite = st.floats(-50, 50, allow_nan=False)


def test_every_engine_key_has_one_table_entry() -> None:
    assert tuple(activations.ACTIVATIONS) == ACTIVATIONS
    assert tuple(losses.LOSSES) == LOSSES
    assert tuple(optimizers.OPTIMIZERS) == OPTIMIZERS


def test_cases_render_in_every_format() -> None:
    relu_prime = activations.get("relu").prime(Sym("a"), 0.0, WORDS)
    assert isinstance(relu_prime, Cases)
    assert relu_prime.render("md") == r"\begin{cases} 1 & z > 0 \\ 0 & z \le 0 \end{cases}"
    assert relu_prime.render("text") == "1 if z > 0, 0 otherwise"
    vi = activations.get("leaky_relu").definition(0.2, activations.Words("nếu", "còn lại"))
    assert vi.render("text") == "LReLU(z) = z nếu z > 0, 0.2·z còn lại"
    assert vi.render("html") == "LReLU(<i>z</i>) = z nếu z &gt; 0, 0.2·z còn lại"


def test_the_plain_format_writes_products_tight() -> None:
    formula = activations.get("sigmoid").prime_factor(Lit("0.5"))
    assert formula.render("text") == "0.5(1 − 0.5)"
    values = activations.get("sigmoid").prime_values(0.0, 0.5, 0.0, lambda v, paren=False: Lit(f"{v:g}"))
    assert seq(*values).render("plain") == "0.5·(1 − 0.5)"
    assert seq(*values).render("text") == "0.5 · (1 − 0.5)"
    assert TIMES.render("md") == r" \cdot "


@given(finite, finite)
def test_sigmoid_slope_is_written_with_a(z: float, a: float) -> None:
    """σ′ = a(1 − a): the numbers substituted are the output a, as the symbols say."""
    values = activations.get("sigmoid").prime_values(z, a, 0.0, number)
    text = seq(*values).render("text")
    shown = derivation(a)
    assert text.count(shown) == 2


@given(finite)
def test_kinked_slopes_follow_the_sign_of_z(z: float) -> None:
    for key, below in (("relu", "0"), ("leaky_relu", "0.01"), ("elu", f"exp({derivation(z)})")):
        values = activations.get(key).prime_values(z, 0.0, 0.01, number)
        assert seq(*values).render("text") == ("1" if z > 0 else below)


@given(st.lists(finite, min_size=1, max_size=4), st.data())
def test_each_loss_writes_every_output_of_the_sample(y: list[float], data: st.DataObject) -> None:
    p = data.draw(st.lists(st.floats(0.01, 0.99), min_size=len(y), max_size=len(y)))
    for key in ("half_sse", "mse", "huber", "binary_cross_entropy", "cross_entropy"):
        text = losses.get(key).values(y, p, losses.full_sum, number).render("text")
        for value in p:
            assert derivation(value) in text, (key, text)


@given(finite, finite)
def test_huber_writes_the_branch_the_engine_takes(y: float, p: float) -> None:
    text = losses.get("huber").values([y], [p], losses.full_sum, number).render("text")
    assert ("|" in text) == (abs(y - p) >= 1.0)


def test_the_output_delta_in_symbols_for_each_loss() -> None:
    yh, y, gp = Sym("yhat"), Sym("y"), Lit("g′")
    written = {key: losses.get(key).delta(2, yh, y, gp, True).render("text") for key in LOSSES}
    assert written == {
        "half_sse": "(ŷ − y) · g′",
        "mse": "2/2 (ŷ − y) · g′",
        "huber": "½ · clip(ŷ − y, −1, 1) · g′",
        "binary_cross_entropy": "(ŷ − y)/2",
        "cross_entropy": "ŷ − y",
    }
    assert losses.get("cross_entropy").delta(2, yh, y, gp, False).render("text") == "ŷΣⱼ yⱼ − y"
    assert [losses.get(key).through_g_prime for key in LOSSES] == [True, True, True, False, False]


def test_sums_to_one_is_numpys_isclose() -> None:
    assert losses.sums_to_one(1.0 + 1e-6) and not losses.sums_to_one(1.0 + 1e-4)
    assert losses.one_hot([1.0, 1.0]) and not losses.one_hot([1.0, 0.5])


def test_update_rules_in_symbols_and_with_numbers() -> None:
    rules = {
        key: [line.render("text") for line in optimizers.get(key).rules(Sym("theta"), Sym("g"))]
        for key in OPTIMIZERS
    }
    assert rules["sgd"] == ["θ ← θ − α g"]
    assert rules["momentum"] == ["v ← μ v + g", "θ ← θ − α v"]
    assert rules["nesterov"] == ["v ← μ v + g", "θ ← θ − α(g + μ v)"]
    assert rules["adam"][-1] == "θ ← θ − α m̂/(√v̂ + ε)"
    w = Lit("w")
    (rule,) = optimizers.sgd_rules(w, Grad("J", w))
    step = optimizers.step_values(w, 0.8, 0.1, number(-0.026665, True), 0.8026664)
    assert f"{rule.render('plain')} = {step.rhs.render('plain')}" == (
        "w ← w − α ∂J/∂w = 0.800000 − 0.1·(-0.026665) = 0.802666"
    )


def test_adam_hats_are_the_bias_corrected_moments() -> None:
    m_hat, v_hat = optimizers.adam_hats(0.1, 0.001, 0.9, 0.999, 1)
    assert math.isclose(m_hat, 1.0) and math.isclose(v_hat, 1.0)
