"""One rule per name and per number: the explanations, the tables and the tooltips agree.

The explanations build their formula nodes (notation.formula.Sym, Num, Setting); the tables and
tooltips build plain strings (notation.names, notation.numbers). These tests pin that both are
the same rule: every name an explanation writes is one notation.names produces, every number is
numbers.derivation (or numbers.setting for a hyper-parameter), whatever the example and phase.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bpstudio.assets import resource
from bpstudio.document.fileformat import load_file
from bpstudio.engine import Network, OptimizerConfig, Phase, Stepper, TrainingConfig
from bpstudio.explain import explain_phase, texts
from bpstudio.notation import activations, languages, names, numbers, scripts, symbols
from bpstudio.notation.formula import Setting, Sym
from bpstudio.notation.names import parameter_name, unit_name

EXAMPLES = sorted(resource("examples").glob("*.json"))
PHASES = (Phase.FEEDFORWARD, Phase.BACKWARD, Phase.UPDATE)
UNIT_KEYS = ("z", "a", "delta", "zhat", "ztilde", "deltatilde", "mu", "sigma")

# A letter (with its accent, if any), an optional layer superscript, a numeric subscript: W²₁₂,
# δ¹₁, ŷ₂, z̃¹₃, x₁, β₁. Letter indices (δ²ₖ, Σᵢ) belong to general formulas, not to names.
NAME = re.compile(
    r"(?<![A-Za-zα-ωΑ-Ω\u0302\u0303])([A-Za-zŷẑα-ω][\u0302\u0303]?[⁰¹²³⁴⁵⁶⁷⁸⁹]*[₀₁₂₃₄₅₆₇₈₉][₀₁₂₃₄₅₆₇₈₉‚]*)"
)
# A computed number or a setting as the plain text writes it: -0.054696, 5.787016e-07, 0.1, 1e-08.
NUMBER = re.compile(r"(?<![\w.])-?\d+\.\d+(?:e[+-]\d+)?|(?<![\w.])-?\d+e[+-]\d+")


def allowed_names(network: Network) -> set[str]:
    """Every name notation.names gives this network's neurons, parameters, inputs and outputs."""
    sizes = network.sizes
    found = {symbols.letter("beta1"), symbols.letter("beta2")}  # Adam's two decay rates
    found |= {names.input_name(k) for k in range(sizes[0])}
    found |= {names.output_name(sizes[-1], k) for k in range(sizes[-1])}
    found |= {names.target_name(sizes[-1], k) for k in range(sizes[-1])}
    for layer in range(1, len(sizes)):
        for j in range(sizes[layer]):
            found |= {unit_name(symbols.letter(key), layer, j) for key in UNIT_KEYS}
            found |= {parameter_name(kind, layer, j) for kind in ("b", "gamma", "beta")}
            found |= {parameter_name("W", layer, j, k) for k in range(sizes[layer - 1])}
    return found


def phases(stepper: Stepper) -> Iterator[tuple[Phase, str]]:
    """Each phase of one step, explained as plain text in each language."""
    for phase in PHASES:
        stepper.next_phase()
        for lang in languages.CODES:
            yield (
                phase,
                explain_phase(
                    stepper.trace,
                    stepper.network,
                    stepper.loss,
                    stepper.optimizer,
                    phase,
                    lang=lang,
                    fmt="text",
                ),
            )


def steppers() -> Iterator[tuple[str, Stepper]]:
    """Every example as it is, with Adam and weight decay (the update names every buffer), and
    with batch normalisation in its hidden layers (ẑ, z̃, δ̃, μ, σ, γ, β)."""
    for path in EXAMPLES:
        yield path.stem, load_file(path).stepper
        stepper = load_file(path).stepper
        stepper.reconfigure(optimizer=OptimizerConfig("adam", 0.01, weight_decay=0.001))
        yield f"{path.stem}+adam", stepper
        stepper = load_file(path).stepper
        if stepper.dataset.size > 1:
            specs = stepper.network.specs
            hidden = [replace(spec, batch_norm=0 < i < len(specs) - 1) for i, spec in enumerate(specs)]
            stepper.reconfigure(network=Network(hidden), training=TrainingConfig(batch_size=4))
            yield f"{path.stem}+bn", stepper


@pytest.mark.parametrize(("label", "stepper"), list(steppers()), ids=lambda value: str(value)[:30])
def test_every_name_and_number_an_explanation_writes_follows_the_notation(
    label: str, stepper: Stepper
) -> None:
    allowed = allowed_names(stepper.network)
    for phase, text in phases(stepper):
        written = set(NAME.findall(text))
        assert written, (label, phase)  # the pattern does find the names
        assert written <= allowed, (label, phase, sorted(written - allowed))
        for token in NUMBER.findall(text):
            value = float(token)
            assert token in (numbers.derivation(value), numbers.setting(value)), (label, phase, token)


def test_the_explanation_numbers_are_the_engines_in_the_derivation_style() -> None:
    """The article's output δ, each gradient and each updated weight, as numbers.derivation writes
    the engine's values, next to the names notation.names gives them."""
    stepper = load_file(resource("examples", "article.json")).stepper
    texts_by_phase = dict(phases(stepper))  # the last language's text of each phase
    trace, network = stepper.trace, stepper.network
    backward, update = texts_by_phase[Phase.BACKWARD], texts_by_phase[Phase.UPDATE]
    output = trace.layers[2]
    assert output.delta is not None and output.grad_w is not None
    delta = unit_name(symbols.letter("delta"), 2, 0)
    assert f"{delta} = " in backward and f"= {numbers.derivation(output.delta[0, 0])}" in backward
    for k in range(2):
        gradient = names.gradient_name(parameter_name("W", 2, 0, k)).replace("J", "L")  # one sample: L
        line = next(line for line in backward.splitlines() if line.strip().startswith(gradient + " "))
        assert line.endswith("= " + numbers.derivation(output.grad_w[0, k]))
        new = network.W(2)[0, k]
        assert re.search(
            rf"{parameter_name('W', 2, 0, k)} ← .*= {re.escape(numbers.derivation(new))}$", update, re.M
        )


# -- the pieces both sides are built from ---------------------------------------------------------------
layers = st.integers(1, 12)
indices = st.integers(0, 14)


@given(layers, indices, indices, st.sampled_from(["W", "b", "gamma", "beta"]))
def test_a_formula_symbol_names_a_parameter_as_the_tables_do(
    layer: int, row: int, col: int, kind: str
) -> None:
    column = col if kind == "W" else None
    node = Sym(kind, layer, names.parameter_indices(row, column))
    assert node.render("text") == parameter_name(kind, layer, row, column)
    assert node.render("plain") == parameter_name(kind, layer, row, column)
    digits = names.index_digits(*names.parameter_indices(row, column))
    assert node.render("md").endswith("_{" + digits + "}")
    assert node.render("html").endswith("<sub>" + digits + "</sub>")


@given(layers, indices, st.sampled_from(UNIT_KEYS))
def test_a_formula_symbol_names_a_neurons_quantity_as_the_tooltips_do(
    layer: int, neuron: int, key: str
) -> None:
    node = Sym(key, layer, names.neuron_index(neuron))
    assert node.render("text") == unit_name(symbols.letter(key), layer, neuron)


def test_indices_are_side_by_side_until_one_has_two_characters() -> None:
    assert names.index_digits(1, 2) == "12" and names.index_digits("k", "j") == "kj"
    assert names.index_digits(1, 10) == "1,10" and names.subscript((1, 10)) == "₁‚₁₀"
    assert Sym("W", 2, ("k", "j")).render("text") == "W²ₖⱼ"
    assert Sym("W", 2, (1, 10)).render("md") == "W^{[2]}_{1,10}"
    assert parameter_name("W", 2, 0, 9) == "W²₁‚₁₀" == Sym("W", 2, (1, 10)).render("text")


def test_a_lone_neuron_keeps_its_index_but_a_lone_output_is_bare() -> None:
    assert unit_name("δ", 2, 0) == "δ²₁" and parameter_name("b", 2, 0) == "b²₁"
    assert names.output_name(1, 0) == "ŷ" and names.target_name(1, 0) == "y"
    assert names.output_name(2, 1) == "ŷ₂" and names.input_name(0) == "x₁"


def test_names_and_formulas_spell_a_symbol_alike() -> None:
    for kind, symbol in symbols.PARAMETER_SYMBOLS.items():
        assert Sym(kind).render("text") == symbol
    for key in ("x", "yhat", "y", "J", "L", "m", "v"):
        assert Sym(key).render("text") == symbols.letter(key)
    assert symbols.OUTPUT == Sym("yhat").render("text") and symbols.COST == "J"


def test_an_activation_is_named_by_its_table_only() -> None:
    assert not hasattr(symbols, "ACTIVATION_SYMBOLS")
    for key, entry in activations.ACTIVATIONS.items():
        assert activations.activation_symbol(key) == entry.symbol.render("plain")
    assert activations.activation_symbol("leaky_relu") == "LReLU"
    assert activations.activation_symbol("elu") == "ELU"


@given(st.floats(allow_nan=False, allow_infinity=False, width=64))
def test_a_formula_number_is_the_derivation_style(value: float) -> None:
    from bpstudio.notation.formula import Num

    for fmt in ("md", "html", "text"):
        assert Num(value).render(fmt) == numbers.derivation(value, fmt)  # type: ignore[arg-type]
    assert Num(value).render("plain") == numbers.derivation(value, "text")


@given(st.floats(min_value=1e-12, max_value=1e6))
def test_a_formula_setting_is_the_setting_style(value: float) -> None:
    for fmt in ("md", "html", "text"):
        assert Setting(value).render(fmt) == numbers.setting(value, fmt)  # type: ignore[arg-type]
    assert Setting(value).render("plain") == numbers.setting(value, "text")


def test_the_explanations_speak_the_languages_of_the_notation() -> None:
    for code in languages.CODES:
        assert texts.get(code)["doc_title"]
    with pytest.raises(ValueError, match="expected one of en, vi"):
        texts.get("fr")


@given(st.sampled_from(["x", "W", "h", "δ"]), layers, indices, indices)
def test_plain_digits_reads_a_name_back(letter: str, layer: int, row: int, col: int) -> None:
    """The dataset panel compares a column's name with x₁ through scripts.plain_digits, the
    scripts' own tables read backwards."""
    name = letter + names.layer_mark(layer) + names.index_pair(row, col)
    assert scripts.plain_digits(name) == f"{letter}{layer}{names.index_digits(row + 1, col + 1)}".replace(
        ",", "‚"
    )
