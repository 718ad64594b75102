"""The names and numbers the canvas tooltips (tooltips.py) read, from `bpstudio.notation`.

Only the tooltips import this module, until they write their formulas from the notation tables;
everything else calls `bpstudio.notation` directly. `layer_mark` keeps the tooltips' own ⁽²⁾
after a subscript (z₁⁽²⁾): a bare ² there would read as a square.
"""

from __future__ import annotations

from bpstudio.notation.names import parameter_name
from bpstudio.notation.numbers import TABLE, factor, full, number
from bpstudio.notation.scripts import sub, sup
from bpstudio.notation.symbols import ACTIVATION_SYMBOLS

__all__ = ["ACTIVATION_SYMBOLS", "bias_name", "fmt6", "full", "layer_mark", "paren", "sub", "weight_name"]


def layer_mark(layer: int) -> str:
    return sup(f"({layer})")


def weight_name(layer: int, row: int, col: int, depth: int) -> str:
    """W¹₁₂ (`notation.names.parameter_name`); `depth` is no longer needed: a weight always
    carries its layer."""
    return parameter_name("W", layer, row, col)


def bias_name(layer: int, row: int, depth: int) -> str:
    return parameter_name("b", layer, row)


def fmt6(value: float) -> str:
    return number(value, TABLE)


def paren(value: float) -> str:
    return factor(value, TABLE)
