"""Stage 2 of loading: the JSON Schema in `resources/schema/network.schema.json` (Draft 2020-12,
checked with the jsonschema library) — keys, types, names, ranges and size limits, so nothing
absurd is allocated — with its refusals in plain words and the JSON path of the first problem
in reading order; also the shape checks (rows, columns) the later stages share."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from itertools import chain
from typing import Any

import jsonschema
import numpy as np

from bpstudio.document.fileformat.common import (
    TOP_LEVEL_KEYS,
    LoadError,
    json_path,
    quote,
    schema,
    shorten,
)
from bpstudio.document.fileformat.parse import ParseError
from bpstudio.document.fileformat.ranges import range_in_schema

_NUMBER_KEYS = frozenset(
    {"type", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "x-messages", "$ref"}
)
_NUMBER_TYPES = {"number": (float, int), "integer": (int,)}


def _resolved(node: Any) -> Any:
    """A schema node after its local "$ref" (resolved once per list, not once per item)."""
    while isinstance(node, dict) and node.keys() == {"$ref"}:
        target: Any = _schema()
        for key in str(node["$ref"]).removeprefix("#/").split("/"):
            target = target[key]
        node = target
    return node


def _numeric(node: Any) -> bool:
    """True for a schema of one plain number (type and bounds only)."""
    return isinstance(node, dict) and node.get("type") in _NUMBER_TYPES and node.keys() <= _NUMBER_KEYS


def _bad_numbers(values: list[Any], item: dict[str, Any]) -> np.ndarray:
    """The indices of the values that are not plain numbers (true/false are not) meeting `item`'s
    bounds: the types in one pass at C speed, the bounds with NumPy."""
    allowed = set(_NUMBER_TYPES[item["type"]])
    count = len(values)
    if set(map(type, values)) <= allowed:
        good = np.ones(count, dtype=bool)
        numbers = values
    else:
        good = np.fromiter(map(allowed.__contains__, map(type, values)), dtype=bool, count=count)
        numbers = [value if ok else 0 for value, ok in zip(values, good.tolist(), strict=True)]
    bounds = range_in_schema(item)
    if count and (bounds.low is not None or bounds.high is not None):
        array = np.asarray(numbers, dtype=np.float64)  # integers have at most 30 digits (parse)
        if bounds.low is not None:
            good &= array > bounds.low if bounds.low_open else array >= bounds.low
        if bounds.high is not None:
            good &= array < bounds.high if bounds.high_open else array <= bounds.high
    return np.flatnonzero(~good)


def _row_shape(row: Any) -> tuple[dict[str, Any], int, int | None] | None:
    """(number schema, fewest, most items) of a row schema that is a list of plain numbers — a
    vector, or a point [x, y] — or None for any other row schema."""
    if not isinstance(row, dict) or row.get("type", "array") != "array":
        return None
    if not row.keys() <= {"type", "items", "prefixItems", "minItems", "maxItems", "x-messages"}:
        return None
    items = _resolved(row.get("items"))
    if "prefixItems" in row:
        prefix = [_resolved(node) for node in row["prefixItems"]]
        if items is not False or not prefix or any(node != prefix[0] for node in prefix):
            return None
        return (prefix[0], row.get("minItems", 0), len(prefix)) if _numeric(prefix[0]) else None
    if not _numeric(items):
        return None
    return items, row.get("minItems", 0), row.get("maxItems")


def _bad_rows(rows: list[Any], shape: tuple[dict[str, Any], int, int | None]) -> np.ndarray:
    """The indices of the rows that are not lists of numbers of an allowed length meeting the
    number schema."""
    item, fewest, most = shape
    count = len(rows)
    if set(map(type, rows)) <= {list}:
        good = np.ones(count, dtype=bool)
    else:
        good = np.fromiter(map(list.__instancecheck__, rows), dtype=bool, count=count)
    lists = (
        [row if ok else [] for row, ok in zip(rows, good.tolist(), strict=True)] if not good.all() else rows
    )
    lengths = np.fromiter(map(len, lists), dtype=np.int64, count=count)
    if fewest:
        good &= lengths >= fewest
    if most is not None:
        good &= lengths <= most
    bad_numbers = _bad_numbers(list(chain.from_iterable(lists)), item)
    if bad_numbers.size:
        good[np.searchsorted(np.cumsum(lengths), bad_numbers, side="right")] = False
    return np.flatnonzero(~good)


# The most items of one list whose errors are listed (a list of a million strings has a million
# errors; the message names the first).
MAX_ITEM_ERRORS = 1000


def _fast_items(
    validator: Any, items: Any, instance: Any, schema: dict[str, Any]
) -> Iterator[jsonschema.ValidationError]:
    """The "items" keyword, with a shortcut for long lists of numbers and of rows of numbers.

    Validating each number of a weight matrix or a dataset one by one — and resolving the row's
    "$ref" once per row — is slow in pure Python. Here the list is checked at C speed (types) and
    with NumPy (bounds); only the items that do not fit go through jsonschema (the first
    MAX_ITEM_ERRORS of them), so the errors and their JSON paths are exactly those jsonschema gives.
    """
    resolved = _resolved(items)
    if isinstance(instance, list) and "prefixItems" not in schema:
        bad: np.ndarray | None = None
        if _numeric(resolved):
            bad = _bad_numbers(instance, resolved)
        elif (shape := _row_shape(resolved)) is not None:
            bad = _bad_rows(instance, shape)
        if bad is not None:
            for index in bad[:MAX_ITEM_ERRORS].tolist():
                yield from validator.descend(instance[index], resolved, path=index)
            return
    yield from _ORIGINAL_ITEMS(validator, items, instance, schema)


_ORIGINAL_ITEMS = jsonschema.Draft202012Validator.VALIDATORS["items"]
_Validator = jsonschema.validators.extend(jsonschema.Draft202012Validator, {"items": _fast_items})


@cache
def _schema() -> dict[str, Any]:
    return schema()


@cache
def _validators() -> list[jsonschema.protocols.Validator]:
    """Is it our format, then which version, then everything: the first refusal is the clearest."""
    full = _schema()
    cls = _Validator
    passes = [
        cls({"type": "object", "required": [key], "properties": {key: full["properties"][key]}})
        for key in ("format", "version")
    ]
    return [*passes, cls(full)]


_TYPE_WORDS = {
    "object": "an object",
    "array": "a list",
    "string": "text",
    "number": "a number",
    "integer": "a whole number",
    "boolean": "true or false",
    "null": "null",
}


def _describe(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return f"the number {quote(value)}"
    if isinstance(value, str):
        return f"the text {quote(value)}"
    if isinstance(value, list):
        return f"a list of {plural(len(value), 'item')}" if value else "an empty list"
    return "an object"


def plural(count: int, word: str) -> str:
    """A count in words ("1 row", "3 rows"), as every refusal of the file format writes it."""
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _schema_problem(error: jsonschema.ValidationError) -> tuple[str, str]:
    """(json path, plain-words problem) for one schema error."""
    parts = list(error.absolute_path)
    value = error.instance
    kind = str(error.validator)
    limit = error.validator_value
    sub = error.schema if isinstance(error.schema, dict) else {}
    messages = sub.get("x-messages", {})
    extra = ""
    if kind == "additionalProperties" and isinstance(value, dict):
        allowed = sub.get("properties", {})
        unknown = [key for key in value if key not in allowed]
        extra = ", ".join(quote(key) for key in unknown[:3]) + (
            f" and {len(unknown) - 3} more" if len(unknown) > 3 else ""
        )
    if kind in messages:
        count = len(value) if isinstance(value, list | dict | str) else 0
        problem = messages[kind].format(
            value=quote(value) if not isinstance(value, list | dict) else _describe(value),
            count=count,
            numbers=plural(count, "number"),
            limit=limit,
            extra=extra,
        )
        return json_path(parts), problem
    if kind == "type":
        wanted = [limit] if isinstance(limit, str) else list(limit)
        words = " or ".join(_TYPE_WORDS.get(w, w) for w in wanted)
        return json_path(parts), f"expected {words}, got {_describe(value)}"
    if kind == "required":
        missing = [key for key in limit if isinstance(value, dict) and key not in value]
        key = missing[0] if missing else "?"
        return json_path(parts), f"the required key {quote(key)} is missing"
    if kind == "additionalProperties":
        allowed = ", ".join(sub.get("properties", {}))
        return json_path(parts), f"unknown key {extra}; the keys allowed here are: {allowed}"
    if kind == "enum":
        label = sub.get("x-label", "value")
        choices = ", ".join(str(choice) for choice in limit)
        if isinstance(value, str):
            return json_path(parts), f"unknown {label} {quote(value)}; expected one of: {choices}"
        return json_path(parts), f"expected the name of a {label} (one of: {choices}), got {_describe(value)}"
    if kind == "const":
        return json_path(parts), f"expected {quote(limit)}, got {_describe(value)}"
    if kind == "minimum":
        return json_path(parts), f"must be at least {quote(limit)}, got {quote(value)}"
    if kind == "maximum":
        return json_path(parts), f"must be at most {quote(limit)}, got {quote(value)}"
    if kind == "exclusiveMinimum":
        return json_path(parts), f"must be greater than {quote(limit)}, got {quote(value)}"
    if kind == "exclusiveMaximum":
        return json_path(parts), f"must be less than {quote(limit)}, got {quote(value)}"
    if kind == "minItems":
        return json_path(parts), f"expected at least {plural(limit, 'item')}, got {len(value)}"
    if kind == "maxItems":
        return json_path(parts), f"expected at most {plural(limit, 'item')}, got {len(value)}"
    if kind == "minLength":
        if limit == 1:
            return json_path(parts), "must not be empty"
        return json_path(parts), f"must have at least {limit} characters"
    if kind == "maxLength":
        return json_path(parts), f"is longer than the {limit} characters allowed"
    return json_path(parts), shorten(error.message)


def _error_order(document: Any, error: jsonschema.ValidationError) -> tuple[Any, ...]:
    """Shallow problems first, then in the order a reader meets them in the file (the top-level
    keys in their usual order, other keys where the file has them)."""
    key: list[tuple[int, int]] = []
    parent = document
    for part in error.absolute_path:
        if isinstance(part, int):
            key.append((0, part))
        elif parent is document:
            order = TOP_LEVEL_KEYS.index(part) if part in TOP_LEVEL_KEYS else len(TOP_LEVEL_KEYS)
            key.append((1, order))
        else:
            key.append((1, list(parent).index(part) if isinstance(parent, dict) and part in parent else 0))
        try:
            parent = parent[part]
        except (KeyError, IndexError, TypeError):
            parent = None
    return (len(key), key, str(error.validator))


def validate_schema(document: Any) -> None:
    for validator in _validators():
        try:
            errors = list(validator.iter_errors(document))
        except RecursionError:
            raise ParseError("the JSON nests too deeply to be a network file") from None
        if errors:
            path, problem = _schema_problem(min(errors, key=lambda error: _error_order(document, error)))
            raise LoadError(problem, path)


def numbers(count: int) -> str:
    """A count of numbers in words ("1 number", "4 numbers")."""
    return plural(count, "number")


def check_vector(values: list[Any], length: int, path: str, what: str = "", noun: str = "number") -> None:
    if len(values) != length:
        suffix = f" ({what})" if what else ""
        raise LoadError(f"expected {plural(length, noun)}{suffix}, got {len(values)}", path)


def check_matrix(rows: list[list[float]], n_rows: int, n_cols: int, path: str) -> None:
    if len(rows) != n_rows:
        raise LoadError(
            f"expected {plural(n_rows, 'row')} of {numbers(n_cols)}, got {plural(len(rows), 'row')}",
            path,
        )
    check_rows(rows, n_cols, path)


def check_rows(rows: list[list[Any]], width: int, path: str, what: str = "") -> None:
    """Every row holds `width` numbers; else a LoadError naming the first row that does not (the
    lengths are compared with NumPy: a dataset may have millions of rows)."""
    lengths = np.fromiter(map(len, rows), dtype=np.int64, count=len(rows))
    wrong = np.flatnonzero(lengths != width)
    if wrong.size:
        index = int(wrong[0])
        check_vector(rows[index], width, f"{path}[{index}]", what)
