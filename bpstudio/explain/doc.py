"""A small document model (headings, prose, displayed equations, tables) and its three renderers.

Prose is a list of inline pieces: `str` for words, a formula `Node` for mathematics. Markdown puts
formulas in `$…$` and `$$…$$`; HTML (for Qt's QTextBrowser, which has no LaTeX) writes Unicode
mathematics with <sub>/<sup>; plain text writes Unicode for a terminal.
"""

from __future__ import annotations

import html
import textwrap
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TypeAlias

from bpstudio.notation.formula import Fmt, Line, Node, Num, Seq, html_text

Inline: TypeAlias = "str | Node"


@dataclass
class Heading:
    level: int
    text: str


@dataclass
class Para:
    items: list[Inline]


@dataclass
class Display:
    lines: list[Line]


@dataclass
class Table:
    header: list[Inline]
    rows: list[list[Inline]]


@dataclass
class Bullets:
    items: list[list[Inline]]


Block: TypeAlias = "Heading | Para | Display | Table | Bullets"


@dataclass
class Doc:
    blocks: list[Block] = field(default_factory=list)

    def heading(self, level: int, text: str) -> None:
        self.blocks.append(Heading(level, text))

    def para(self, *items: Inline) -> None:
        self.blocks.append(Para(list(items)))

    def display(self, lines: Sequence[Line]) -> None:
        if lines:
            self.blocks.append(Display(list(lines)))

    def table(self, header: list[Inline], rows: list[list[Inline]]) -> None:
        if rows:
            self.blocks.append(Table(header, rows))

    def bullets(self, items: list[list[Inline]]) -> None:
        if items:
            self.blocks.append(Bullets(items))

    def extend(self, other: Doc) -> None:
        self.blocks.extend(other.blocks)


# -- Markdown ------------------------------------------------------------------------------------
def _md_inline(items: Sequence[Inline]) -> str:
    """Prose with formulas in $…$; consecutive formula pieces share one $…$ span."""
    out: list[str] = []
    run: list[Node] = []

    def flush() -> None:
        if len(run) == 1 and isinstance(run[0], Num):
            out.append(run[0].render("text"))
        elif run:
            out.append("$" + Seq(tuple(run)).render("md") + "$")
        run.clear()

    for item in items:
        if isinstance(item, str):
            flush()
            out.append(item)
        else:
            run.append(item)
    flush()
    return "".join(out)


def _md_cell(item: Inline) -> str:
    return _md_inline([item]).replace("|", r"\|")


def render_md(doc: Doc) -> str:
    parts: list[str] = []
    for block in doc.blocks:
        if isinstance(block, Heading):
            parts.append("#" * block.level + " " + block.text)
        elif isinstance(block, Para):
            parts.append(_md_inline(block.items))
        elif isinstance(block, Display):
            lines = [
                line.lhs.render("md") + " &" + line.rel.render("md").lstrip() + line.rhs.render("md")
                for line in block.lines
            ]
            parts.append("$$\n\\begin{aligned}\n" + " \\\\\n".join(lines) + "\n\\end{aligned}\n$$")
        elif isinstance(block, Table):
            head = "| " + " | ".join(_md_cell(c) for c in block.header) + " |"
            rule = "|" + "|".join("---" for _ in block.header) + "|"
            rows = ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in block.rows]
            parts.append("\n".join([head, rule, *rows]))
        else:
            parts.append("\n".join("- " + _md_inline(item) for item in block.items))
    return "\n\n".join(parts) + "\n"


# -- HTML (Qt rich text subset) --------------------------------------------------------------------
def _html_inline(items: Sequence[Inline]) -> str:
    out = []
    for item in items:
        if isinstance(item, str):
            out.append(html_text(item))
        else:
            out.append(item.render("html"))
    return "".join(out)


def render_html_fragment(doc: Doc) -> str:
    parts: list[str] = []
    for block in doc.blocks:
        if isinstance(block, Heading):
            level = min(block.level + 1, 6)
            parts.append(f"<h{level}>{html_text(block.text)}</h{level}>")
        elif isinstance(block, Para):
            parts.append(f"<p>{_html_inline(block.items)}</p>")
        elif isinstance(block, Display):
            lines = [
                line.lhs.render("html") + line.rel.render("html") + line.rhs.render("html")
                for line in block.lines
            ]
            parts.append('<p class="eq" style="margin-left:1.5em">' + "<br/>\n".join(lines) + "</p>")
        elif isinstance(block, Table):
            head = "".join(f"<th>{_html_inline([c])}</th>" for c in block.header)
            rows = [
                "<tr>" + "".join(f'<td align="right">{_html_inline([c])}</td>' for c in row) + "</tr>"
                for row in block.rows
            ]
            parts.append(
                '<table border="1" cellspacing="0" cellpadding="3">\n<tr>'
                + head
                + "</tr>\n"
                + "\n".join(rows)
                + "\n</table>"
            )
        else:
            items = "".join(f"<li>{_html_inline(item)}</li>" for item in block.items)
            parts.append(f"<ul>{items}</ul>")
    return "\n".join(parts) + "\n"


HTML_STYLE = (
    "body { font-family: sans-serif; line-height: 1.4; }\n"
    "table { border-collapse: collapse; margin: 0.5em 0; }\n"
    "th, td { padding: 2px 8px; white-space: nowrap; }\n"
)


def render_html_page(doc: Doc, title: str, lang: str) -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(title, quote=False)}</title>\n<style>\n{HTML_STYLE}</style>\n</head>\n<body>\n"
        + render_html_fragment(doc)
        + "</body>\n</html>\n"
    )


# -- plain text --------------------------------------------------------------------------------
def _width(text: str) -> int:
    """Columns a string takes in a terminal (combining marks take none)."""
    return sum(0 if unicodedata.combining(ch) else 1 for ch in text)


def _text_inline(items: Sequence[Inline]) -> str:
    return "".join(item if isinstance(item, str) else item.render("text") for item in items)


def _text_row(row: list[str], widths: list[int]) -> str:
    return "    " + "  ".join(" " * (w - _width(c)) + c for c, w in zip(row, widths, strict=True))


def render_text(doc: Doc, width: int = 100) -> str:
    parts: list[str] = []
    for block in doc.blocks:
        if isinstance(block, Heading):
            underline = {1: "=", 2: "=", 3: "-"}.get(block.level)
            text = block.text if underline else "▸ " + block.text
            parts.append(text + ("\n" + underline * _width(text) if underline else ""))
        elif isinstance(block, Para):
            parts.append(
                textwrap.fill(
                    _text_inline(block.items), width=width, break_long_words=False, break_on_hyphens=False
                )
            )
        elif isinstance(block, Display):
            parts.append(
                "\n".join(
                    "    " + line.lhs.render("text") + line.rel.render("text") + line.rhs.render("text")
                    for line in block.lines
                )
            )
        elif isinstance(block, Table):
            cells = [[_text_inline([c]) for c in block.header]] + [
                [_text_inline([c]) for c in row] for row in block.rows
            ]
            widths = [max(_width(row[i]) for row in cells) for i in range(len(block.header))]

            rule = "    " + "  ".join("-" * w for w in widths)
            lines = [_text_row(row, widths) for row in cells]
            parts.append("\n".join([lines[0], rule, *lines[1:]]))
        else:
            parts.append(
                "\n".join(
                    textwrap.fill(
                        _text_inline(item),
                        width=width,
                        initial_indent="  • ",
                        subsequent_indent="    ",
                        break_on_hyphens=False,
                    )
                    for item in block.items
                )
            )
    return "\n\n".join(parts) + "\n"


def render(doc: Doc, fmt: Fmt) -> str:
    if fmt == "md":
        return render_md(doc)
    if fmt == "html":
        return render_html_fragment(doc)
    return render_text(doc)
