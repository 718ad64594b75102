"""Names the UI shows for layers, neurons and quantities, following the article (x₁, h₁, ŷ)."""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from bpstudio.controller.names import activation_name, sub, sup
from bpstudio.engine import Network

__all__ = ["format_value", "format_value_to_fit", "layer_title", "neuron_name", "sub", "sup"]


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def neuron_name(network: Network, layer: int, neuron: int) -> str:
    """x₁ for inputs, h₁ (or h²₁ with several hidden layers) for hidden neurons, ŷ for outputs."""
    if layer == 0:
        return f"x{sub(neuron + 1)}"
    if layer == network.depth:
        return "ŷ" if network.sizes[-1] == 1 else f"ŷ{sub(neuron + 1)}"
    if network.depth == 2:
        return f"h{sub(neuron + 1)}"
    return f"h{sup(layer)}{sub(neuron + 1)}"


def layer_title(network: Network, layer: int) -> str:
    if layer == 0:
        return tr("Layer 0 (input)")
    if layer == network.depth:
        return tr("Layer {0} (output, {1})").format(layer, activation_name(network.specs[layer].activation))
    return tr("Layer {0} (hidden, {1})").format(layer, activation_name(network.specs[layer].activation))


def format_value(value: float) -> str:
    """Six decimals, as the article prints; exponent form when that would hide the value."""
    if value != value:
        return "NaN"
    if value in (float("inf"), float("-inf")):
        return "∞" if value > 0 else "−∞"
    magnitude = abs(value)
    if magnitude != 0 and (magnitude < 5e-7 or magnitude >= 1e9):
        return f"{value:.6e}"
    text = f"{value:.6f}"
    return "0.000000" if text == "-0.000000" else text


def format_value_to_fit(value: float, fits: Callable[[str], bool]) -> str:
    """`format_value`, shortened until `fits` accepts it: fewer decimals of a large number, then
    fewer mantissa digits in exponent form. Never a cut exponent: "-6.137914e+2…" read as e+2.
    The shortest form is returned when nothing fits (the caller's room is too small for any)."""
    text = format_value(value)
    if fits(text) or not math.isfinite(value):
        return text
    shorter = []
    if abs(value) >= 1 and "e" not in text:
        shorter += [f"{value:.{digits}f}" for digits in range(5, -1, -1)]  # the integer part stays whole
    shorter += [f"{value:.{digits}e}" for digits in range(5, -1, -1)]
    return next((candidate for candidate in shorter if fits(candidate)), shorter[-1])
