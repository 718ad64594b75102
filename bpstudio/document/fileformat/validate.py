"""Stage 2 of loading: the JSON Schema in `resources/schema/network.schema.json` (Draft 2020-12,
checked with the jsonschema library) — keys, types, names, ranges and size limits, so nothing
absurd is allocated — with its refusals in plain words and the JSON path of the first problem
in reading order; also the shape checks (rows, columns) the later stages share."""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from typing import Any

import jsonschema

from bpstudio import assets
from bpstudio.document.fileformat.common import TOP_LEVEL_KEYS, LoadError, json_path
from bpstudio.document.fileformat.parse import ParseError


def schema() -> dict[str, Any]:
    """The JSON Schema of format version 1 (resources/schema/network.schema.json)."""
    with open(assets.resource("schema", "network.schema.json"), encoding="utf-8") as stream:
        loaded: dict[str, Any] = json.load(stream)
    return loaded


def _all_numbers(values: list[Any], item_schema: dict[str, Any]) -> bool:
    """True when every item is a plain number meeting `item_schema` (type, minimum, maximum only)."""
    wanted = item_schema.get("type")
    if wanted == "number":
        ok = all(type(value) is float or type(value) is int for value in values)
    elif wanted == "integer":
        ok = all(type(value) is int for value in values)
    else:
        return False
    if ok and values and "minimum" in item_schema:
        ok = min(values) >= item_schema["minimum"]
    if ok and values and "maximum" in item_schema:
        ok = max(values) <= item_schema["maximum"]
    return ok


_FAST_KEYS = frozenset({"type", "minimum", "maximum", "x-messages"})


def _fast_items(
    validator: Any, items: Any, instance: Any, schema: dict[str, Any]
) -> Iterator[jsonschema.ValidationError]:
    """The "items" keyword, with a shortcut for long lists of plain numbers.

    Validating each number of a weight matrix or a dataset one by one is slow in pure Python;
    when every item is a number that meets the item schema, the result is the same: no error.
    Anything else goes through jsonschema's own "items", so errors are unchanged.
    """
    if (
        isinstance(items, dict)
        and isinstance(instance, list)
        and "prefixItems" not in schema
        and items.keys() <= _FAST_KEYS
        and _all_numbers(instance, items)
    ):
        return
    yield from _ORIGINAL_ITEMS(validator, items, instance, schema)


_ORIGINAL_ITEMS = jsonschema.Draft202012Validator.VALIDATORS["items"]
_Validator = jsonschema.validators.extend(jsonschema.Draft202012Validator, {"items": _fast_items})


@cache
def _validators() -> list[jsonschema.protocols.Validator]:
    """Is it our format, then which version, then everything: the first refusal is the clearest."""
    full = schema()
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
        return f"the number {value!r}"
    if isinstance(value, str):
        text = value if len(value) <= 30 else value[:27] + "…"
        return f"the text {json.dumps(text)}"
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
        extra = ", ".join(json.dumps(key) for key in unknown)
    if kind in messages:
        count = len(value) if isinstance(value, list | dict | str) else 0
        problem = messages[kind].format(
            value=json.dumps(value) if not isinstance(value, list | dict) else _describe(value),
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
        return json_path(parts), f"the required key {json.dumps(key)} is missing"
    if kind == "additionalProperties":
        allowed = ", ".join(sub.get("properties", {}))
        return json_path(parts), f"unknown key {extra}; the keys allowed here are: {allowed}"
    if kind == "enum":
        label = sub.get("x-label", "value")
        choices = ", ".join(str(choice) for choice in limit)
        if isinstance(value, str):
            return json_path(parts), f"unknown {label} {json.dumps(value)}; expected one of: {choices}"
        return json_path(parts), f"expected the name of a {label} (one of: {choices}), got {_describe(value)}"
    if kind == "const":
        return json_path(parts), f"expected {json.dumps(limit)}, got {_describe(value)}"
    if kind == "minimum":
        return json_path(parts), f"must be at least {limit}, got {value!r}"
    if kind == "maximum":
        return json_path(parts), f"must be at most {limit}, got {value!r}"
    if kind == "exclusiveMinimum":
        return json_path(parts), f"must be greater than {limit}, got {value!r}"
    if kind == "exclusiveMaximum":
        return json_path(parts), f"must be less than {limit}, got {value!r}"
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
    return json_path(parts), error.message


def _error_order(error: jsonschema.ValidationError) -> tuple[Any, ...]:
    """Shallow problems first, then in the order a reader meets them in the file."""
    key: list[tuple[int, int]] = []
    for part in error.absolute_path:
        if isinstance(part, int):
            key.append((0, part))
        else:
            order = TOP_LEVEL_KEYS.index(part) if part in TOP_LEVEL_KEYS else len(TOP_LEVEL_KEYS)
            key.append((1, order))
    return (len(key), key, str(error.validator))


def validate_schema(document: Any) -> None:
    for validator in _validators():
        try:
            errors = list(validator.iter_errors(document))
        except RecursionError:
            raise ParseError("the JSON nests too deeply to be a network file") from None
        if errors:
            path, problem = _schema_problem(min(errors, key=_error_order))
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
    for index, row in enumerate(rows):
        if len(row) != n_cols:
            raise LoadError(f"expected {numbers(n_cols)}, got {len(row)}", f"{path}[{index}]")
