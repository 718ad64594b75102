"""Stage 1 of loading: the file's text to JSON data — size limit, UTF-8, JSON syntax (line and
column), NaN/Infinity literals, numbers too large for float64, duplicate keys, nesting too deep.
Each refusal is a `ParseError` whose message says where (line and column or JSON path)."""

from __future__ import annotations

import json
import math
import re
from typing import Any

from bpstudio.engine import limits

MAX_FILE_BYTES = limits.MAX_FILE_BYTES  # the one table of limits
MAX_INT_DIGITS = 30  # longer integer literals are read as floats (and refused if not finite)


class ParseError(Exception):
    def __init__(self, problem: str) -> None:
        self.problem = problem
        super().__init__(problem)


def _line_col(text: str, index: int) -> str:
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return f"line {line}, column {column}"


def _where_literal(text: str, literal: str) -> str:
    match = re.search(r"(?<![\w.])" + re.escape(literal), text)
    return f" at {_line_col(text, match.start())}" if match else ""


def _parse(text: str) -> Any:
    def no_constant(name: str) -> Any:
        raise ParseError(
            f"{name} is not allowed{_where_literal(text, name)}: every value must be a finite number"
        )

    def parse_float(literal: str) -> float:
        value = float(literal)
        if not math.isfinite(value):
            raise ParseError(
                f"the number {_short(literal)}{_where_literal(text, literal)} is too large for a float64"
            )
        return value

    def parse_int(literal: str) -> int | float:
        if len(literal.lstrip("-")) <= MAX_INT_DIGITS:
            return int(literal)
        return parse_float(literal)

    def no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key, value in pairs:
            if key in result:
                raise ParseError(f"the key {json.dumps(key)} appears twice in the same object")
            result[key] = value
        return result

    return json.loads(
        text,
        parse_constant=no_constant,
        parse_float=parse_float,
        parse_int=parse_int,
        object_pairs_hook=no_duplicates,
    )


def _short(literal: str) -> str:
    return literal if len(literal) <= 24 else literal[:12] + "…" + literal[-6:]


def _decode(data: str | bytes) -> str:
    if isinstance(data, str):
        return data
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ParseError(
            f"the file is not UTF-8 text (byte 0x{data[error.start]:02x} at offset {error.start}); "
            "a network file is JSON saved as UTF-8"
        ) from None


def _unclosed(text: str) -> bool:
    """True when the text stops inside a string or with brackets left open (a cut-off file)."""
    pairs = {"]": "[", "}": "{"}
    open_brackets: list[str] = []
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            open_brackets.append(char)
        elif char in pairs:
            if not open_brackets or open_brackets.pop() != pairs[char]:
                return False  # a wrong bracket: broken, not cut short
    return in_string or bool(open_brackets)


def parse_document(data: str | bytes) -> Any:
    if len(data) > MAX_FILE_BYTES:
        raise ParseError(
            f"the file is {len(data):,} bytes, more than the {MAX_FILE_BYTES // (1024 * 1024)} MB "
            "a network file may have"
        )
    text = _decode(data)
    if not text.strip():
        raise ParseError("the file is empty")
    try:
        return _parse(text)
    except json.JSONDecodeError as error:
        if error.pos >= len(text.rstrip()) or _unclosed(text):
            raise ParseError(
                f"the JSON ends too early, at {_line_col(text, len(text.rstrip()))} (is the file cut short?)"
            ) from None
        raise ParseError(f"not valid JSON at {_line_col(text, error.pos)}: {error.msg}") from None
    except RecursionError:
        raise ParseError("the JSON nests too deeply to be a network file") from None
    except ValueError as error:  # e.g. Python's limit on digits of an integer
        raise ParseError(f"not valid JSON: {error}") from None
