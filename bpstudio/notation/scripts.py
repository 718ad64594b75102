"""Unicode subscripts and superscripts for plain-text names (x₁, W¹₁₂, h¹₁₀).

Only digits, parentheses and the comma that separates two-digit indices have a form here: a name
is built from whole numbers, and a letter index (i, j) belongs to a formula, not to a name.
"""

from __future__ import annotations

_SUB = str.maketrans("0123456789(),", "₀₁₂₃₄₅₆₇₈₉₍₎‚")
_SUP = str.maketrans("0123456789()", "⁰¹²³⁴⁵⁶⁷⁸⁹⁽⁾")

# Between two subscript indices when one has two digits: W¹₁‚₁₀ is not W¹₁₁₀ (U+201A sits low,
# as a subscript comma would).
SUB_COMMA = "‚"


def sub(text: int | str) -> str:
    """`text` (a number or digits) as subscript: 12 → ₁₂."""
    return str(text).translate(_SUB)


def sup(text: int | str) -> str:
    """`text` (a number, digits or parentheses) as superscript: 2 → ², "(2)" → ⁽²⁾."""
    return str(text).translate(_SUP)
