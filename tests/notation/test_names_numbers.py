"""bpstudio.notation: one rule for names, one number formatter, one shortening, one language list."""

from __future__ import annotations

import math
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bpstudio.notation import languages, names, numbers, scripts, symbols
from bpstudio.notation.activations import activation_symbol
from bpstudio.notation.names import Quantity, neuron_name, parameter_name
from bpstudio.notation.numbers import CANVAS, DERIVATION, FULL, SHORT, TABLE, derivation, fit, number, shorten

SUPERSCRIPT = dict(zip("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789", strict=True))
SUBSCRIPT = dict(zip("₀₁₂₃₄₅₆₇₈₉", "0123456789", strict=True))

sizes_strategy = st.lists(st.integers(1, 14), min_size=2, max_size=6)
finite = st.floats(allow_nan=False, allow_infinity=False, width=64)


def decode(name: str) -> tuple[str, int | None, tuple[int, ...]]:
    """Read a name back: (letter, layer, 1-based indices); the inverse the rule must allow."""
    letter = name[0]
    rest = name[1:]
    layer = ""
    while rest and rest[0] in SUPERSCRIPT:
        layer += SUPERSCRIPT[rest[0]]
        rest = rest[1:]
    parts = rest.split(scripts.SUB_COMMA) if scripts.SUB_COMMA in rest else None
    if parts is None:
        digits = "".join(SUBSCRIPT[c] for c in rest)
        indices = tuple(int(d) for d in digits) if letter == "W" else ((int(digits),) if digits else ())
    else:
        indices = tuple(int("".join(SUBSCRIPT[c] for c in part)) for part in parts)
    return letter, int(layer) if layer else None, indices


def parsed(text: str) -> Decimal:
    """The number a text shows, exactly (1.8e308 is more than the largest float)."""
    return Decimal(text.replace(numbers.MINUS, "-"))


# -- names -----------------------------------------------------------------------------------------
def test_the_article_names() -> None:
    article = [2, 2, 1]
    assert [neuron_name(article, 0, j) for j in range(2)] == ["x₁", "x₂"]
    assert [neuron_name(article, 1, j) for j in range(2)] == ["h₁", "h₂"]  # one hidden layer: no mark
    assert neuron_name(article, 2, 0) == "ŷ"
    assert neuron_name([3, 4, 4, 2], 2, 3) == "h²₄"  # several hidden layers: the layer on top
    assert neuron_name([3, 4, 4, 2], 3, 1) == "ŷ₂"
    assert parameter_name("W", 1, 0, 1) == "W¹₁₂"
    assert parameter_name("W", 2, 0, 9) == "W²₁‚₁₀"  # not W²₁₁₀
    assert parameter_name("b", 1, 0) == "b¹₁"
    assert parameter_name("gamma", 1, 1) == "γ¹₂" and parameter_name("beta", 12, 0) == "β¹²₁"
    assert names.gradient_name(parameter_name("W", 2, 0, 0)) == "∂J/∂W²₁₁"
    assert names.buffer_name("velocity", names.matrix_name("b", 1)) == "v(b¹)"
    assert names.connection(article, 1, 0, 1) == "h₁ ← x₂"
    assert [names.target_name(1, 0), names.target_name(2, 1), names.output_name(2, 0)] == ["y", "y₂", "ŷ₁"]


@given(sizes_strategy)
def test_neuron_names_are_unique_and_read_back(sizes: list[int]) -> None:
    every = [neuron_name(sizes, layer, j) for layer, n in enumerate(sizes) for j in range(n)]
    assert len(set(every)) == len(every)
    depth = len(sizes) - 1
    for layer, n in enumerate(sizes):
        for j in range(n):
            letter, mark, indices = decode(neuron_name(sizes, layer, j))
            if layer == depth and n == 1:
                assert (letter, indices) == ("ŷ", ())
                continue
            assert indices == (j + 1,)
            assert mark == (layer if 0 < layer < depth and depth > 2 else None)


@given(sizes_strategy)
def test_parameter_names_are_unique_and_read_back(sizes: list[int]) -> None:
    seen: set[str] = set()
    for layer in range(1, len(sizes)):
        for row in range(sizes[layer]):
            bias = parameter_name("b", layer, row)
            assert decode(bias) == ("b", layer, (row + 1,))
            seen.add(bias)
            for col in range(sizes[layer - 1]):
                weight = parameter_name("W", layer, row, col)
                assert decode(weight) == ("W", layer, (row + 1, col + 1))  # W¹₁‚₁₀ ≠ W¹₁₁‚₀
                seen.add(weight)
    count = sum(sizes[k] * (sizes[k - 1] + 1) for k in range(1, len(sizes)))
    assert len(seen) == count


@pytest.mark.parametrize(
    ("text", "title", "cell"),
    [
        ("W", "W²", "W²₁₂"),
        ("gamma", "γ²", "γ²₁"),
        ("grad_w", "∂J/∂W²", "∂J/∂W²₁₂"),
        ("grad_beta", "∂J/∂β²", "∂J/∂β²₁"),
        ("m:W", "m(W²)", "m(W²₁₂)"),
        ("velocity:b", "v(b²)", "v(b²₁)"),
    ],
)
def test_quantities_parse_format_and_name(text: str, title: str, cell: str) -> None:
    what = Quantity.parse(text)
    assert str(what) == text and Quantity.parse(str(what)) == what
    assert what.title(2) == title
    assert what.name(2, 0, 1 if what.kind == "W" else None) == cell
    assert what.is_parameter == (text in symbols.PARAMETER_SYMBOLS)
    assert what.topic == (text.split(":")[0] if ":" in text else text)


@pytest.mark.parametrize("text", ["", "w", "grad_x", ":W", "m:", "m:x", "velocity"])
def test_a_key_that_names_no_quantity_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match="not a quantity"):
        Quantity.parse(text)


def test_scripts_and_symbols() -> None:
    assert scripts.sub(120) == "₁₂₀" and scripts.sup("(12)") == "⁽¹²⁾"
    assert symbols.parameter_symbol("gamma") == "γ" and symbols.buffer_symbol("velocity") == "v"
    assert activation_symbol("sigmoid") == "σ" and activation_symbol("new") == "new"


# -- numbers ---------------------------------------------------------------------------------------
def test_five_times_ten_to_the_minus_five_in_every_style() -> None:
    """The review's example: the views printed 0.000050, 5.000000e-05 or 0.0001."""
    value = 5e-5
    assert number(value, TABLE) == "0.000050"
    assert number(value, CANVAS) == "5.000e−5"
    assert number(value, SHORT) == "5e−5"
    assert number(value, FULL) == "5e-05"
    assert number(value, DERIVATION) == derivation(value) == "5.000000e-05"
    shortened = [number(value, CANVAS, level) for level in range(CANVAS.levels)]
    assert "0.0001" not in shortened and "0.0000" not in shortened and "0" not in shortened


def test_styles_by_example() -> None:
    assert number(-0.0546961, TABLE) == "−0.054696"
    assert number(-0.0546961, CANVAS) == "−0.0547"
    assert number(-1e-7, CANVAS) == "−1.000e−7"
    assert number(-0.0, TABLE) == "0.000000"  # no negative zero
    assert number(123456789.123456, TABLE) == "123456789.123456"
    assert number(-6.137914e299, TABLE) == "−6.13791e299"
    assert number(0.05, SHORT) == "0.05" and number(4.0, SHORT) == "4" and number(-1e-8, SHORT) == "−1e−8"
    assert number(math.nan, CANVAS) == "NaN" and number(-math.inf, TABLE) == "−∞"
    assert numbers.factor(-0.2) == "(−0.200000)" and numbers.factor(0.2) == "0.200000"
    assert [number(0.6, CANVAS, level) for level in range(CANVAS.levels)][-1] == "6e−1"  # never "1"
    assert number(1.0, CANVAS, CANVAS.levels - 1) == "1"  # exact, so fixed is fine
    assert derivation(-5.787016e-7, "md") == r"-5.787016 \times 10^{-7}"
    assert derivation(5.787016e-7, "html") == "5.787016\u00a0×\u00a010<sup>−7</sup>"
    assert numbers.setting(1e-8, "md") == "10^{-8}" and numbers.setting(0.1) == "0.1"


@given(finite, st.sampled_from([TABLE, CANVAS]), st.integers(0, 7))
def test_a_rounded_number_is_never_misleading(value: float, style: numbers.Style, level: int) -> None:
    text = number(value, style, level)
    assert "-" not in text  # the real minus sign, and no cut or padded exponent
    shown, exact = parsed(text), Decimal(value)
    if value == 0:
        assert shown == 0
        return
    assert shown != 0 and (shown > 0) == (value > 0)
    mantissa_digits = max(style.mantissa - level, 0)
    if "e" not in text or mantissa_digits >= 1:
        # two significant digits at least: within 5 % (or exact)
        assert abs(shown - exact) <= Decimal("0.05") * abs(exact)
    else:
        assert abs(exact) / 2 <= abs(shown) <= 2 * abs(exact)  # one digit: the right magnitude


@given(finite)
def test_full_precision_reads_back_as_the_same_float(value: float) -> None:
    assert float(number(value, FULL)) == value
    assert float(number(value, SHORT).replace(numbers.MINUS, "-")) == pytest.approx(value, rel=1e-5)


@given(finite, st.integers(1, 16), st.sampled_from([TABLE, CANVAS]))
def test_shortening_keeps_the_exponent_and_the_integer_part(
    value: float, room: int, style: numbers.Style
) -> None:
    text = shorten(value, style, lambda candidate: len(candidate) <= room)
    forms = [number(value, style, level) for level in range(style.levels)]
    assert text in forms
    fitting = [form for form in forms if len(form) <= room]
    assert text == (fitting[0] if fitting else forms[-1])  # the longest that fits, else the shortest
    if "e" in text:
        exponent = int(text.partition("e")[2].replace(numbers.MINUS, "-"))
        assert exponent - math.floor(math.log10(abs(value))) in (0, 1)  # whole (1: rounded up to 10)
    elif abs(value) >= 1:
        assert abs(parsed(text) - Decimal(value)) <= Decimal("0.5")  # every digit before the point


def test_fit_makes_only_what_it_needs() -> None:
    made: list[int] = []

    def make(level: int) -> str:
        made.append(level)
        return "x" * (5 - level)

    assert fit(make, lambda text: len(text) <= 3, 5) == "xxx" and made == [0, 1, 2]
    assert fit(lambda level: "x" * (5 - level), lambda text: False, 5) == "x"  # the shortest


def test_derivation_is_scientific_exactly_where_explain_brackets() -> None:
    for value, scientific in [(0.0, False), (1e-4, False), (9e-5, True), (1e7, True), (-3.5, False)]:
        assert numbers.is_scientific(value, DERIVATION) is scientific
        assert ("e" in derivation(value)) is scientific


# -- languages ------------------------------------------------------------------------
def test_languages() -> None:
    assert languages.CODES[0] == languages.SOURCE == "en" and "vi" in languages.CODES
    assert languages.native_name("vi") == "Tiếng Việt" and languages.native_name("xx") == "xx"
    assert languages.field_keys("name", "vi") == ("name_vi", "name")
    assert languages.field_keys("name", "en") == ("name",)
