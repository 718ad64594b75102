"""One number formatter with named styles, and one way to shorten a number to fit a width.

A style says how many decimals a number gets at full length, from which magnitude it is written
in scientific form and which minus sign it uses:

* TABLE: the Parameters and dataset tables, the cost, the canvas tooltips: six decimals, as the
  article prints (0.487503).
* CANVAS: labels on the canvas: four decimals (0.4875).
* SHORT: History and undo texts: at most six significant digits, as typed (0.1 → 0.05).
* FULL: every digit of the float (Python's repr), for tooltips' exact values and editors: the
  text reads back as the same float, so it keeps Python's "-".
* DERIVATION: the explanation's rule (six decimals from 1e-4 to 1e7, scientific outside, "-"),
  see `derivation` for its Markdown and HTML forms.

Rules every style keeps, so that a shortened number is never misleading:

* A number rounded for reading is written with the real minus sign "−" (U+2212) and a plain
  exponent (−1.5e−7: no "+", no leading zero).
* Fixed-point form is used only while it shows at least two significant digits (|v| ≥ 10^(1−d)
  with d decimals) or the value exactly (0.5, 1): 5e-5 with four decimals is 5.000e−5, never
  0.0001 or 0.0000, and 0.6 with no decimals is 6e−1, never 1.
* Shortening (`shorten`, `fit`) drops decimals, then mantissa digits; the exponent and the
  integer part are never cut.

The formatter is called for every visible table cell on every phase: it uses no regular
expression and does its work in one or two f-strings.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal, TypeAlias, TypeVar

MINUS = "\u2212"
INFINITY = "∞"
NAN = "NaN"

T = TypeVar("T")
Target: TypeAlias = Literal["md", "html", "text"]

# Below 10^(1−d) a number with d decimals would show one significant digit or none.
_TWO_DIGITS = tuple(float(f"1e{1 - decimals}") for decimals in range(32))


@dataclass(frozen=True, slots=True)
class Style:
    """How a number is written (see the module's docstring); `level` k of a style writes it k
    decimals (and mantissa digits) shorter, for a label short of room."""

    name: str
    decimals: int  # fixed-point decimals at full length
    mantissa: int  # decimals of the mantissa in scientific form, at full length
    high: float  # from this magnitude on, scientific form
    low: float = 0.0  # below this magnitude (and never with fewer than two significant digits)
    minus: str = MINUS
    kind: Literal["fixed", "general", "repr"] = "fixed"

    @property
    def levels(self) -> int:
        """How many forms `number(value, style, level)` has, longest first."""
        return max(self.decimals, self.mantissa) + 1


TABLE = Style("table cell", decimals=6, mantissa=5, high=1e9)
CANVAS = Style("canvas label", decimals=4, mantissa=3, high=1e5)
SHORT = Style("short", decimals=6, mantissa=5, high=1e15, kind="general")
FULL = Style("full precision", decimals=17, mantissa=16, high=math.inf, minus="-", kind="repr")
DERIVATION = Style("derivation", decimals=6, mantissa=6, high=1e7, low=1e-4, minus="-")
STYLES = (TABLE, CANVAS, SHORT, FULL, DERIVATION)


def _exponent(text: str) -> str:
    """Python's 1.5e-07 as 1.5e-7 (the minus is replaced by the caller)."""
    mantissa, _, exponent = text.partition("e")
    return f"{mantissa}e{int(exponent)}"


def number(value: float, style: Style = TABLE, level: int = 0) -> str:
    """`value` written in `style`, `level` steps shorter than full length (0: full length)."""
    value = float(value)
    if value != value:
        return NAN
    magnitude = abs(value)
    if magnitude == math.inf:
        return INFINITY if value > 0 else style.minus + INFINITY
    kind = style.kind
    if kind == "repr":
        return repr(value)
    if kind == "general":
        if value.is_integer() and magnitude < style.high:
            text = str(int(value))
        else:
            text = f"{value:.{style.decimals}g}"
            if "e" in text:
                text = _exponent(text)
    else:
        decimals = style.decimals - level if level < style.decimals else 0
        if magnitude == 0.0:
            text = f"{0.0:.{decimals}f}"
        elif style.low <= magnitude < style.high and (
            magnitude >= _TWO_DIGITS[decimals] or round(value, decimals) == value
        ):
            text = f"{value:.{decimals}f}"
        else:
            digits = style.mantissa - level if level < style.mantissa else 0
            text = f"{value:.{digits}e}"
            if style.minus != "-":
                text = _exponent(text)
    if style.minus != "-" and "-" in text:
        return text.replace("-", style.minus)
    return text


def is_scientific(value: float, style: Style = TABLE) -> bool:
    """Whether `number(value, style)` writes `value` in scientific form (then a formula brackets
    it before a power, a root or a fraction bar: (5.787016 × 10⁻⁷)², never 10⁻⁷²)."""
    magnitude = abs(float(value))
    if not math.isfinite(magnitude) or magnitude == 0.0 or style.kind != "fixed":
        return False
    decimals = style.decimals
    fixed = magnitude >= _TWO_DIGITS[decimals] or round(magnitude, decimals) == magnitude
    return not (style.low <= magnitude < style.high and fixed)


def factor(value: float, style: Style = TABLE) -> str:
    """A number as a factor of a product: a negative one in parentheses, (−0.200000)."""
    text = number(value, style)
    return f"({text})" if value < 0 else text


def full(value: float) -> str:
    """Every digit of the float (the shortest text that reads back as the same float)."""
    return number(value, FULL)


def fit(make: Callable[[int], T], fits: Callable[[T], bool], levels: int) -> T:
    """The first of `make(0)`, `make(1)` … `make(levels − 1)` that `fits` accepts, else the last.

    `make(level)` writes its numbers `level` steps shorter (see `number`); `fits` says whether the
    result has room (a width measured by the caller's font: this module knows no Qt). Used for a
    table cell's one number and for a canvas label's lines of several numbers alike.
    """
    result = make(0)
    for level in range(1, levels):
        if fits(result):
            return result
        result = make(level)
    return result


def shorten(value: float, style: Style, fits: Callable[[str], bool]) -> str:
    """`value` in `style`, as long as `fits` accepts (fewer decimals, then fewer mantissa digits;
    never a cut exponent). The shortest form is returned when nothing fits."""
    text = number(value, style)
    if fits(text) or not math.isfinite(value):
        return text
    return fit(lambda level: number(value, style, level), fits, style.levels)


# -- the derivation's forms ------------------------------------------------------------------------
# × between a mantissa and its power of ten, with no-break spaces: a number never wraps in two
TIMES_HTML = "\u00a0×\u00a0"


def _html_power(power: int) -> str:
    """10 to a power with a real minus sign: 10<sup>−7</sup>."""
    return f"10<sup>{str(power).replace('-', MINUS)}</sup>"


def derivation(value: float, target: Target = "text") -> str:
    """A number in the explanation: six decimals between 1e-4 and 1e7 in magnitude (and zero), as
    the article prints; outside, six decimals of a mantissa times a power of ten, so that a
    vanishing gradient does not read as 0.000000. `target` is Markdown (LaTeX), HTML or text."""
    value = float(value)
    if math.isnan(value):
        return r"\mathrm{NaN}" if target == "md" else NAN
    if math.isinf(value):
        sign = "-" if value < 0 else ""
        return sign + (r"\infty" if target == "md" else INFINITY)
    if not is_scientific(value, DERIVATION) or target == "text":
        return number(value, DERIVATION)
    mantissa, exponent = f"{value:.{DERIVATION.mantissa}e}".split("e")
    power = int(exponent)
    if target == "md":
        return f"{mantissa} \\times 10^{{{power}}}"
    return f"{mantissa}{TIMES_HTML}{_html_power(power)}"


def setting(value: float, target: Target = "text") -> str:
    """A hyper-parameter in the explanation as the learner typed it (0.1, 0.9, 1e-08), not padded
    to six decimals."""
    text = f"{float(value):g}"
    if "e" in text and target != "text":
        mantissa, exponent = text.split("e")
        power = int(exponent)
        if target == "md":
            return f"{mantissa} \\times 10^{{{power}}}" if mantissa != "1" else f"10^{{{power}}}"
        return f"{mantissa}{TIMES_HTML}{_html_power(power)}" if mantissa != "1" else _html_power(power)
    return text
