"""Unicode subscripts and superscripts: for names (x₁, W¹₁₂, h¹₁₀) and for the plain-text
formulas (δ²ₖ, a¹⁽ⁱ⁾, Σᵢ), one table each.

Unicode has a subscript or superscript form for the digits, a few signs and only some letters;
`can_sub` and `can_sup` say whether a text can be written so (a formula writes _x or ^x
otherwise).
"""

from __future__ import annotations

# Between two subscript indices when one has two digits: W¹₁‚₁₀ is not W¹₁₁₀ (U+201A sits low,
# as a subscript comma would).
SUB_COMMA = "‚"

_SUB_FROM = "0123456789()+-=ijklmnt,"
_SUP_FROM = "0123456789()+-=iljkLtnm"
_SUB = str.maketrans(_SUB_FROM, "₀₁₂₃₄₅₆₇₈₉₍₎₊₋₌ᵢⱼₖₗₘₙₜ" + SUB_COMMA)
_SUP = str.maketrans(_SUP_FROM, "⁰¹²³⁴⁵⁶⁷⁸⁹⁽⁾⁺⁻⁼ⁱˡʲᵏᴸᵗⁿᵐ")
_SUB_OK = frozenset(_SUB_FROM)
_SUP_OK = frozenset(_SUP_FROM)


def sub(text: int | str) -> str:
    """`text` (a number, digits, an index letter) as subscript: 12 → ₁₂, "1,10" → ₁‚₁₀."""
    return str(text).translate(_SUB)


def sup(text: int | str) -> str:
    """`text` (a number, digits or parentheses) as superscript: 2 → ², "(2)" → ⁽²⁾."""
    return str(text).translate(_SUP)


# the two tables read backwards, for the digits only
_PLAIN_DIGITS = {
    script: plain for table in (_SUB, _SUP) for plain, script in table.items() if chr(plain).isdigit()
}


def plain_digits(text: str) -> str:
    """Sub- and superscript digits back to plain ones: x₁ → x1 (to compare a name with a file's
    column name)."""
    return text.translate(_PLAIN_DIGITS)


def can_sub(text: str) -> bool:
    """Whether every character of `text` has a subscript form."""
    return _SUB_OK.issuperset(text)


def can_sup(text: str) -> bool:
    """Whether every character of `text` has a superscript form."""
    return _SUP_OK.issuperset(text)
