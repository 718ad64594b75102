"""Formula pieces that render as LaTeX (Markdown), HTML for QTextBrowser, or plain Unicode text.

A formula is a tree of small nodes: symbols with the article's layer superscript and neuron
subscripts (z^[1]_1), numbers, fractions, roots and literal operators. Each node renders itself
in every format, so a formula is written once (in the tables of `bpstudio.notation`) and printed
by the explanations, the exports and the canvas tooltips alike.

Formats: "md" (LaTeX inside Markdown), "html" (Qt rich text), "text" (Unicode for a terminal, as
the explanations print it) and "plain" (the compact Unicode of the canvas tooltips: the same as
"text" except that a product is written tight, a·b instead of a · b).
"""

from __future__ import annotations

import functools
import html
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal, TypeAlias

from bpstudio.notation import names, numbers, scripts, symbols

Fmt: TypeAlias = Literal["md", "html", "text", "plain"]


def _target(fmt: Fmt) -> numbers.Target:
    """The number formatter's target of a format: the compact "plain" writes numbers as "text"."""
    return "text" if fmt == "plain" else fmt


# -- accents in HTML --------------------------------------------------------------------------
# Qt's rich text places a combining accent (m + U+0302) by a heuristic whenever the font has no
# anchor for that pair, and draws it over the wrong glyph, even another word of the line. HTML
# therefore never holds a combining character: a letter that has a precomposed form keeps it (ŷ,
# ẑ), any other is followed by the *spacing* accent, pulled back over the letter by a negative
# letter-spacing and then pushed on again, so that the pair takes the letter's width. The widths
# are those of common sans-serif fonts, in em; an error of 0.1 em shifts the accent a little,
# never onto another letter.
_SPACING_ACCENTS = {"\u0302": "\u02c6", "\u0303": "\u02dc", "\u0304": "\u00af", "\u0307": "\u02d9"}
_ACCENT_WIDTH = 0.5
_LETTER_WIDTHS = {"m": 0.9, "w": 0.8, "v": 0.5, "μ": 0.7, "σ": 0.7, "δ": 0.65, "θ": 0.65}
_LETTER_WIDTH = 0.55
_ITALIC_SHIFT = 0.06


def _accented(letter: str, accent: str, italic: bool) -> str:
    width = _LETTER_WIDTHS.get(letter, _LETTER_WIDTH)
    back, on = (width + _ACCENT_WIDTH) / 2, (width - _ACCENT_WIDTH) / 2
    if italic:  # a slanted accent is drawn to the right of its box: start it a little earlier
        back, on = back + _ITALIC_SHIFT, on + _ITALIC_SHIFT
    text = (
        f'<span style="letter-spacing:-{back:.3g}em">{html.escape(letter, quote=False)}</span>'
        f'<span style="letter-spacing:{on:.3g}em">{_SPACING_ACCENTS[accent]}</span>'
    )
    return f"<i>{text}</i>" if italic else text


@functools.lru_cache(maxsize=4096)
def html_text(text: str, *, italic: bool = False) -> str:
    """Text escaped for Qt's rich text, every accented letter drawn without a combining character.

    `italic` sets a lone Latin letter (with or without its accent) in italics, as mathematics.
    Cached: the same symbols and sentences are written thousands of times in a derivation.
    """
    if not italic and text.isascii():
        return html.escape(text, quote=False)
    text = unicodedata.normalize("NFC", text)
    out: list[str] = []
    index = 0
    while index < len(text):
        char = text[index]
        accent = text[index + 1] if index + 1 < len(text) else ""
        if accent in _SPACING_ACCENTS:
            out.append(_accented(char, accent, italic and char.isascii()))
            index += 2
            continue
        if unicodedata.combining(char):  # an accent without a spacing form: leave it out
            index += 1
            continue
        escaped = html.escape(char, quote=False)
        base = unicodedata.normalize("NFD", char)[0]
        out.append(f"<i>{escaped}</i>" if italic and base.isascii() and base.isalpha() else escaped)
        index += 1
    return "".join(out)


class Node:
    """Something that renders in the three formats."""

    def render(self, fmt: Fmt) -> str:
        raise NotImplementedError


Item: TypeAlias = "Node | str | float | int"


def _node(item: Item) -> Node:
    if isinstance(item, Node):
        return item
    if isinstance(item, str):
        return Lit(item)
    return Num(float(item))


@dataclass(frozen=True)
class Lit(Node):
    """A literal: its LaTeX spelling and, when different, its Unicode spelling (and, when
    different again, its spelling in the compact "plain" format)."""

    latex: str
    uni: str | None = None
    tight: str | None = None

    def render(self, fmt: Fmt) -> str:
        if fmt == "md":
            return self.latex
        if fmt == "plain" and self.tight is not None:
            return self.tight
        text = self.latex if self.uni is None else self.uni
        return html_text(text) if fmt == "html" else text


@dataclass(frozen=True)
class Num(Node):
    """A computed value in the DERIVATION style of `numbers`; `paren` wraps a negative value (or
    one in scientific form) in parentheses."""

    value: float
    paren: bool = False

    def render(self, fmt: Fmt) -> str:
        text = numbers.derivation(self.value, _target(fmt))
        scientific = numbers.is_scientific(self.value, numbers.DERIVATION)
        needs = self.paren and (text.startswith("-") or scientific)
        return f"({text})" if needs else text


@dataclass(frozen=True)
class Setting(Node):
    """A hyper-parameter (learning rate, momentum, ε ...) printed as given."""

    value: float

    def render(self, fmt: Fmt) -> str:
        return numbers.setting(self.value, _target(fmt))


@dataclass(frozen=True)
class Sym(Node):
    """A named quantity: base, layer superscript [l], neuron subscripts, sample superscript (i)."""

    base: str
    layer: int | str | None = None
    sub: tuple[int | str, ...] = ()
    sample: int | str | None = None
    transposed: bool = False

    def render(self, fmt: Fmt) -> str:
        latex, uni = symbols.MATH.get(self.base, (self.base, self.base))
        sup_parts: list[str] = []
        if self.layer is not None:
            sup_parts.append(f"[{self.layer}]")
        if self.sample is not None:
            sup_parts.append(f"({self.sample})")
        sup = "".join(sup_parts)
        sub = names.index_digits(*self.sub)
        if fmt == "md":
            text = latex
            if sup or self.transposed:
                text += "^{" + sup + (r"\top" if self.transposed else "") + "}"
            if sub:
                text += "_{" + sub + "}"
            return text
        if fmt == "html":
            text = html_text(uni, italic=len(unicodedata.normalize("NFD", uni)) <= 2)
            if sup or self.transposed:
                text += f"<sup>{html.escape(sup)}{'T' if self.transposed else ''}</sup>"
            if sub:
                text += f"<sub>{html.escape(sub)}</sub>"
            return text
        text = uni
        if sup:
            plain = sup.replace("[", "").replace("]", "")
            if scripts.can_sup(plain) and self.sample is None:
                text += scripts.sup(plain)
            elif scripts.can_sup(plain):
                layer = "" if self.layer is None else str(self.layer)
                text += scripts.sup(layer) + scripts.sup(f"({self.sample})")
            else:
                text += "^" + sup
        if self.transposed:
            text += "ᵀ"
        if sub:
            text += scripts.sub(sub) if scripts.can_sub(sub) else "_" + sub
        return text


@dataclass(frozen=True)
class Seq(Node):
    """Items side by side."""

    items: tuple[Node, ...]

    def render(self, fmt: Fmt) -> str:
        if fmt == "md":
            pieces = [item.render(fmt) for item in self.items]
            joined = ""
            for piece in pieces:
                if joined and piece and joined[-1].isalpha() and (piece[0].isalnum() or piece[0] == "\\"):
                    joined += " "
                joined += piece
            return joined
        out: list[str] = []
        previous: Node | None = None
        for item in self.items:
            text = item.render(fmt)
            if previous is not None and _needs_space(previous, item) and not text.startswith(" "):
                out.append(" ")
            out.append(text)
            previous = item
        return "".join(out)


def _needs_space(left: Node, right: Node) -> bool:
    """Juxtaposed quantities (a product written without a sign) get a space in Unicode text."""
    if isinstance(left, Frac):
        return True
    return isinstance(left, _ATOMS) and isinstance(right, _ATOMS)


def seq(*items: Item) -> Seq:
    return Seq(tuple(_node(item) for item in items))


def join(items: Iterable[Item], separator: Item) -> Seq:
    out: list[Node] = []
    for index, item in enumerate(items):
        if index:
            out.append(_node(separator))
        out.append(_node(item))
    return Seq(tuple(out))


@dataclass(frozen=True)
class Frac(Node):
    num: Node
    den: Node

    def render(self, fmt: Fmt) -> str:
        if fmt == "md":
            return r"\frac{" + self.num.render(fmt) + "}{" + self.den.render(fmt) + "}"
        if self.num == Lit("1") and self.den == Lit("2"):
            return "½"
        return _wrap(self.num, fmt) + "/" + _wrap(self.den, fmt)


def frac(num: Item, den: Item) -> Frac:
    return Frac(_node(num), _node(den))


def _simple(node: Node) -> bool:
    if isinstance(node, Seq):
        return len(node.items) == 1 and _simple(node.items[0])
    if isinstance(node, Num):  # a power of ten is bracketed: (5.787016 × 10⁻⁷)², √(4.78 × 10⁻⁹)
        return node.value >= 0 and not numbers.is_scientific(node.value, numbers.DERIVATION)
    if isinstance(node, Setting):
        return "e" not in numbers.setting(node.value)
    return isinstance(node, Sym | Lit | Sqrt | Exp | Call | Pow | Indexed)


def _wrap(node: Node, fmt: Fmt) -> str:
    text = node.render(fmt)
    return text if _simple(node) else f"({text})"


@dataclass(frozen=True)
class Sqrt(Node):
    arg: Node

    def render(self, fmt: Fmt) -> str:
        if fmt == "md":
            return r"\sqrt{" + self.arg.render(fmt) + "}"
        return "√" + _wrap(self.arg, fmt)


@dataclass(frozen=True)
class Pow(Node):
    """base^exponent; the base is parenthesised when it is not a single symbol or number."""

    base: Node
    exponent: str

    def render(self, fmt: Fmt) -> str:
        base = self.base.render(fmt)
        decorated = isinstance(self.base, Sym) and (
            self.base.layer is not None
            or self.base.sub
            or self.base.sample is not None
            or self.base.transposed
        )
        if not _simple(self.base) or decorated or isinstance(self.base, Pow):
            base = r"\left(" + base + r"\right)" if fmt == "md" else f"({base})"
        if fmt == "md":
            return base + "^{" + self.exponent + "}"
        if fmt == "html":
            return base + f"<sup>{html.escape(self.exponent)}</sup>"
        if scripts.can_sup(self.exponent):
            return base + scripts.sup(self.exponent)
        return base + "^" + self.exponent


def power(base: Item, exponent: str) -> Pow:
    return Pow(_node(base), exponent)


@dataclass(frozen=True)
class Exp(Node):
    """e to a power."""

    arg: Node

    def render(self, fmt: Fmt) -> str:
        if fmt == "md":
            return "e^{" + self.arg.render(fmt) + "}"
        if fmt == "html":
            arg = self.arg.render(fmt)
            # a superscript inside a superscript is too small to read: exp(…) instead
            return f"exp({arg})" if "<sup>" in arg else f"e<sup>{arg}</sup>"
        return "exp" + _paren(self.arg.render(fmt))


def _paren(text: str) -> str:
    return f"({text})"


@dataclass(frozen=True)
class Grad(Node):
    """∂L/∂θ or ∂J/∂θ."""

    of: str  # "L" or "J"
    wrt: Node

    def render(self, fmt: Fmt) -> str:
        if fmt == "md":
            return r"\frac{\partial " + self.of + r"}{\partial " + self.wrt.render(fmt) + "}"
        return f"∂{self.of}/∂" + self.wrt.render(fmt)


@dataclass(frozen=True)
class Indexed(Node):
    """A quantity that belongs to one parameter: g with the parameter as its subscript."""

    base: Node
    index: Node

    def render(self, fmt: Fmt) -> str:
        if fmt == "md":
            return self.base.render(fmt) + "_{" + self.index.render(fmt) + "}"
        if fmt == "html":
            return self.base.render(fmt) + "<sub>" + self.index.render(fmt) + "</sub>"
        return self.base.render(fmt) + "[" + self.index.render(fmt) + "]"


@dataclass(frozen=True)
class Call(Node):
    """A named function applied to arguments: σ(z), tanh(z), max(0, z)."""

    name: Node
    args: tuple[Node, ...]

    def render(self, fmt: Fmt) -> str:
        inner = ", ".join(arg.render(fmt) for arg in self.args)
        if fmt == "md":
            return self.name.render(fmt) + r"\left(" + inner + r"\right)"
        return self.name.render(fmt) + "(" + inner + ")"


def call(name: Node | str, *args: Item) -> Call:
    return Call(name if isinstance(name, Node) else Lit(name), tuple(_node(a) for a in args))


_ATOMS = (Sym, Num, Setting, Frac, Sqrt, Pow, Exp, Grad, Indexed, Call)

# Operators and small pieces with their three spellings.
TIMES = Lit(r" \cdot ", " · ", "·")
PLUS = Lit(" + ")
MINUS = Lit(" - ", " − ")
EQ = Lit(" = ")
LARROW = Lit(r" \leftarrow ", " ← ")
ODOT = Lit(r" \odot ", " ⊙ ")
CDOTS = Lit(r"\cdots", "⋯")
TRANSPOSE = Lit(r"^{\top}", "ᵀ")
LOG = Lit(r"\ln", "ln")
MAX = Lit(r"\max", "max")
MIN = Lit(r"\min", "min")
LPAREN = Lit(r"\left(", "(")
RPAREN = Lit(r"\right)", ")")
SUM_I = Lit(r"\sum_{i=1}^{m} ", "Σᵢ ")
SUM_K = Lit(r"\sum_{k} ", "Σₖ ")
SUM_J = Lit(r"\sum_{j} ", "Σⱼ ")


@dataclass(frozen=True)
class Cases(Node):
    """A definition by two cases: `value if condition, other otherwise`.

    LaTeX writes both conditions in a cases environment; Unicode says "otherwise" in the reader's
    language (the words are given, as the notation itself has no language)."""

    value: Node
    condition: Node
    other: Node
    other_condition: Node
    if_word: str
    otherwise_word: str

    def render(self, fmt: Fmt) -> str:
        if fmt == "md":
            return (
                r"\begin{cases} "
                + self.value.render(fmt)
                + " & "
                + self.condition.render(fmt)
                + r" \\ "
                + self.other.render(fmt)
                + " & "
                + self.other_condition.render(fmt)
                + r" \end{cases}"
            )
        words = (self.if_word, self.otherwise_word)
        if fmt == "html":
            words = (html_text(self.if_word), html_text(self.otherwise_word))
        return (
            f"{self.value.render(fmt)} {words[0]} {self.condition.render(fmt)}, "
            f"{self.other.render(fmt)} {words[1]}"
        )


@dataclass
class Line:
    """One displayed equation: lhs rel rhs (the relation is aligned in Markdown)."""

    lhs: Node
    rhs: Node
    rel: Node = EQ

    def render(self, fmt: Fmt) -> str:
        """The equation on one line (the documents align and indent displayed lines themselves)."""
        return self.lhs.render(fmt) + self.rel.render(fmt) + self.rhs.render(fmt)


def paren(*items: Item) -> Seq:
    return seq(LPAREN, *items, RPAREN)


NumberFn: TypeAlias = Callable[..., Node]
"""How a view writes a computed number: number(value, paren=False) -> node. The derivations use
`number` (six decimals); the canvas tooltips give their own, so one formula serves both."""


def number(value: float, paren: bool = False) -> Node:
    """A computed number as the derivations write it (numbers.derivation)."""
    return Num(value, paren)


def difference(left: float, right: float, num: NumberFn = number) -> Seq:
    """`l − r` with r parenthesised when negative."""
    return seq(num(left), MINUS, num(right, True))


def product(*values: float, num: NumberFn = number) -> Seq:
    """`a · b · …` with negative factors parenthesised."""
    return join([num(v, True) for v in values], TIMES)


def add_value(value: float) -> Seq:
    """`+ v` or `− |v|`, the way a bias is written after a sum."""
    return seq(MINUS, Num(-value)) if value < 0 else seq(PLUS, Num(value))
