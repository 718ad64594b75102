"""Names and numbers as the canvas writes them: x₁, h₁, ŷ, w₁₂⁽¹⁾, 0.4875 with a real minus sign."""

from __future__ import annotations

import math

from bpstudio.ui.fields import RefusedError, read_number

_SUB = str.maketrans("0123456789,", "₀₁₂₃₄₅₆₇₈₉‚")
_SUP = str.maketrans("0123456789()", "⁰¹²³⁴⁵⁶⁷⁸⁹⁽⁾")
MINUS = "\u2212"

# How each activation is written in a formula.
ACTIVATION_SYMBOLS = {
    "sigmoid": "σ",
    "tanh": "tanh",
    "relu": "ReLU",
    "leaky_relu": "LeakyReLU",
    "linear": "id",
    "softmax": "softmax",
}


def sub(number: int) -> str:
    return str(number).translate(_SUB)


def sup(text: str) -> str:
    return text.translate(_SUP)


def layer_mark(layer: int) -> str:
    """The superscript that names a layer, e.g. ⁽²⁾."""
    return sup(f"({layer})")


def neuron_name(sizes: list[int], layer: int, neuron: int) -> str:
    """x₁ for inputs, h₁ (h₁⁽²⁾ with several hidden layers) for hidden neurons, ŷ (ŷ₁…) for outputs."""
    depth = len(sizes) - 1
    if layer == 0:
        return "x" + sub(neuron + 1)
    if layer == depth:
        return "ŷ" if sizes[depth] == 1 else "ŷ" + sub(neuron + 1)
    name = "h" + sub(neuron + 1)
    return name if depth == 2 else name + layer_mark(layer)


def index_pair(row: int, col: int) -> str:
    """Subscript jk of w_jk (with a comma once an index has two digits)."""
    if row >= 9 or col >= 9:
        return sub(row + 1) + "‚" + sub(col + 1)
    return sub(row + 1) + sub(col + 1)


def weight_name(layer: int, row: int, col: int, depth: int) -> str:
    """w₁₂ in a one-layer net, w₁₂⁽¹⁾ otherwise (the article writes W¹, W²)."""
    return "w" + index_pair(row, col) + (layer_mark(layer) if depth > 1 else "")


def bias_name(layer: int, row: int, depth: int) -> str:
    return "b" + sub(row + 1) + (layer_mark(layer) if depth > 1 else "")


def fmt(value: float, decimals: int = 4) -> str:
    """A number for a label: fixed decimals, scientific when it would read as 0 or get too long.

    Scientific numbers keep decimals − 1 digits after the point (none for decimals=1: 5e−18),
    so a label short of room can ask for fewer decimals rather than cut the number."""
    value = float(value)
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "∞" if value > 0 else MINUS + "∞"
    magnitude = abs(value)
    if value != 0.0 and (magnitude >= 1e5 or magnitude < 0.5 * 10.0**-decimals):
        mantissa, exponent = f"{value:.{max(decimals - 1, 0)}e}".split("e")
        text = f"{mantissa}e{int(exponent)}"
    else:
        text = f"{value:.{decimals}f}"
        if float(text) == 0.0:
            text = text.lstrip("-")
    return text.replace("-", MINUS)


def fmt6(value: float) -> str:
    """Six decimals, as the article prints and the tooltips show."""
    return fmt(value, 6)


def paren(value: float) -> str:
    """A factor inside a product: negative numbers in parentheses, (−0.200000)."""
    text = fmt6(value)
    return f"({text})" if text.startswith(MINUS) else text


def full(value: float) -> str:
    """Full float64 precision (shortest repr that round-trips)."""
    return repr(float(value)).replace("-", MINUS)


def parse_number(text: str) -> float | None:
    """A number typed by a learner (−, a decimal comma, spaces), or None: see fields.read_number."""
    try:
        return read_number(text)
    except RefusedError:
        return None
