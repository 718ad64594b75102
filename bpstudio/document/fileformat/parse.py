"""Stage 1 of loading: the file's text to JSON data — size limit, UTF-8, JSON syntax (line and
column), NaN/Infinity literals, numbers too large for float64, duplicate keys, nesting too deep,
text that is not Unicode (a lone surrogate escape such as "\\ud800").
Each refusal is a `ParseError` whose message says where (line and column or JSON path).

Speed: a file of millions of numbers is parsed by `json.loads` alone (C speed), its numbers then
checked with NumPy. Only when that finds a number that could be refused (too large for a float64,
an integer of over 30 digits) is the text parsed again the careful way, with a hook per number
that finds the exact place."""

from __future__ import annotations

import gc
import json
import math
import re
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import chain
from typing import Any

import numpy as np

from bpstudio.document.fileformat.common import json_path, quote, shorten
from bpstudio.engine import limits

MAX_FILE_BYTES = limits.MAX_FILE_BYTES  # the one table of limits
MAX_INT_DIGITS = 30  # longer integer literals are read as floats (and refused if not finite)


class ParseError(Exception):
    """A refusal of the text itself; `json_path` is set when it names a place in the JSON data."""

    def __init__(self, problem: str, json_path: str = "") -> None:
        self.problem = problem
        self.json_path = json_path
        super().__init__(problem)


# A \u escape of a surrogate: it may be a lone one, which is not a character.
_LAST_TOKEN = re.compile(r'[^\s,:\[\]{}"]*')
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


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
                f"the number {shorten(literal, 24)}{_where_literal(text, literal)} is too large for a float64"
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
                raise ParseError(f"the key {quote(key)} appears twice in the same object")
            result[key] = value
        return result

    return json.loads(
        text,
        parse_constant=no_constant,
        parse_float=parse_float,
        parse_int=parse_int,
        object_pairs_hook=no_duplicates,
    )


def _is_unicode(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _first_not_unicode(value: Any, parts: list[Any]) -> tuple[list[Any], str, str] | None:
    """(JSON path, text, "key" or "text") of the first key or text, in reading order, holding a
    lone surrogate."""
    if isinstance(value, str):
        return None if _is_unicode(value) else (parts, value, "text")
    if isinstance(value, dict):
        for key, item in value.items():
            if not _is_unicode(key):
                return [*parts, key], key, "key"
            found = _first_not_unicode(item, [*parts, key])
            if found:
                return found
    elif isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, str | list | dict):
                found = _first_not_unicode(item, [*parts, index])
                if found:
                    return found
    return None


def _check_unicode(document: Any) -> None:
    """Refuse a key or a text that cannot be written as UTF-8: it would load, then fail to be
    printed, explained or saved."""
    found = _first_not_unicode(document, [])
    if found is None:
        return
    parts, text, what = found
    raise ParseError(
        f"the {what} {quote(text)} is not Unicode text: it holds half of a UTF-16 surrogate pair "
        "(a \\ud800–\\udfff escape without its partner), which is not a character",
        json_path(parts),
    )


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


def too_large(size: int) -> str | None:
    """Why a file of `size` bytes is refused, or None when it is within the limit."""
    if size <= MAX_FILE_BYTES:
        return None
    return f"the file is {size:,} bytes, more than the {MAX_FILE_BYTES // (1024 * 1024)} MB a network file may have"


def parse_document(data: str | bytes) -> Any:
    problem = too_large(len(data))
    if problem is not None:
        raise ParseError(problem)
    text = _decode(data)
    if not text.strip():
        raise ParseError("the file is empty")
    surrogates = ("\\u" in text and _SURROGATE_ESCAPE.search(text) is not None) or (
        isinstance(data, str) and not _is_unicode(text)
    )
    try:
        with _no_collection():
            document = _parse_fast(text)
            if document is _TOO_LONG or _needs_care(document):
                document = _parse(text)  # refuses with the place, or reads long integers as floats
        if surrogates:
            _check_unicode(document)
    except json.JSONDecodeError as error:
        raise _syntax_error(text, error) from None
    except RecursionError:
        raise ParseError("the JSON nests too deeply to be a network file") from None
    except ValueError as error:  # e.g. Python's limit on digits of an integer
        raise ParseError(f"not valid JSON: {error}") from None
    return document


@contextmanager
def _no_collection() -> Iterator[None]:
    """No garbage collection while the parser builds millions of lists: they hold no cycles, and
    the collector, woken again and again by so many new objects, would walk them all each time
    (a third of the time of a large file)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _needs_care(value: Any) -> bool:
    """True when the fast parse read a number the careful one treats otherwise: one too large for
    a float64 (read as infinity) or an integer of more than MAX_INT_DIGITS digits. Lists of numbers
    (and of rows of numbers) are checked with NumPy, at C speed."""
    if isinstance(value, float):
        return not math.isfinite(value)
    if isinstance(value, int):
        return abs(value) >= _LONG_INT
    if isinstance(value, dict):
        return any(map(_needs_care, value.values()))
    if isinstance(value, list):
        types = set(map(type, value))
        if types == {list}:
            return _needs_care(list(chain.from_iterable(value)))
        if types and types <= {float, int}:
            try:
                array = np.asarray(value, dtype=np.float64)
            except OverflowError:
                return True
            if not np.isfinite(array).all():
                return True
            return int in types and bool(np.abs(array).max() >= _LONG_INT)
        return any(map(_needs_care, value))
    return False


_LONG_INT = 10**MAX_INT_DIGITS


def _parse_fast(text: str) -> Any:
    """`json.loads` with no hook per number: for text without a literal the careful parse refuses."""

    def no_constant(name: str) -> Any:
        raise ParseError(
            f"{name} is not allowed{_where_literal(text, name)}: every value must be a finite number"
        )

    def no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        result = dict(pairs)
        if len(result) != len(pairs):
            seen: set[str] = set()
            for key, _ in pairs:
                if key in seen:
                    raise ParseError(f"the key {quote(key)} appears twice in the same object")
                seen.add(key)
        return result

    try:
        return json.loads(text, parse_constant=no_constant, object_pairs_hook=no_duplicates)
    except json.JSONDecodeError:
        raise
    except ValueError:  # an integer over Python's limit of digits: the careful parse reads it
        return _TOO_LONG


_TOO_LONG = object()


def _syntax_error(text: str, error: json.JSONDecodeError) -> ParseError:
    """The refusal of a syntax error, pointing at its real place.

    A quote left open is the common case: JSON text may not run over a line end, so the parser
    stops at the end of that line ("Invalid control character") or, on the last line, at the end
    of the file ("Unterminated string"); both are reported at the opening quote. Only an error at
    the very end of the text, with brackets left open, means the file was cut short.
    """
    end = len(text.rstrip())
    if error.msg.startswith("Unterminated string"):
        where = _line_col(text, error.pos)
        if "\n" in text[error.pos : end]:
            return ParseError(f"the text opened at {where} has no closing quote")
        return ParseError(
            f"the JSON ends too early, at {_line_col(text, end)}, inside the text opened at {where} "
            "(is the file cut short?)"
        )
    elif error.msg.startswith("Invalid control character") and text[error.pos : error.pos + 1] in "\r\n":
        start = _opening_quote(text, error.pos)
        return ParseError(
            f"the text opened at {_line_col(text, start)} has no closing quote before the end of its line"
        )
    # At the end: nothing after the error but the rest of one token (a number cut to "0.").
    at_end = error.pos >= end or _LAST_TOKEN.fullmatch(text, error.pos, end) is not None
    if at_end and _unclosed(text):
        return ParseError(f"the JSON ends too early, at {_line_col(text, end)} (is the file cut short?)")
    if at_end:
        return ParseError(f"the JSON ends too early, at {_line_col(text, end)}: {error.msg}")
    return ParseError(f"not valid JSON at {_line_col(text, error.pos)}: {error.msg}")


def _opening_quote(text: str, pos: int) -> int:
    """The quote that opens the string the parser was reading at `pos` (on the same line)."""
    line_start = text.rfind("\n", 0, pos) + 1
    index = pos - 1
    while index >= line_start:
        if text[index] == '"':
            backslashes = 0
            while index - 1 - backslashes >= line_start and text[index - 1 - backslashes] == "\\":
                backslashes += 1
            if backslashes % 2 == 0:
                return index
        index -= 1
    return line_start
