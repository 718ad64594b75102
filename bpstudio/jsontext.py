"""The one JSON pretty-printer: rows of numbers on one line, objects spread out, short objects and
short tables inline (readable diffs). Network files (document.fileformat) and explanation
records (explain.record) are both written with it.

Qt-free and free of the other layers, so the engine's neighbours (explain, document) may all
import it.
"""

from __future__ import annotations

import json
import math
from typing import Any

_INLINE_WIDTH = 100


def _is_scalar(value: Any) -> bool:
    return value is None or isinstance(value, str | int | float | bool)


def encode(value: Any, indent: int = 0) -> str:
    """JSON with rows of numbers on one line and objects spread out (readable diffs)."""
    if _is_scalar(value):
        return json.dumps(value, allow_nan=False, ensure_ascii=False)
    pad, inner = " " * indent, " " * (indent + 2)
    if isinstance(value, list | tuple):  # explanation records may hold tuples
        if not value:
            return "[]"
        if all(type(item) is float for item in value):  # the common case, fast: rows of floats
            if not all(map(math.isfinite, value)):
                raise ValueError("a value is not a finite number (NaN or infinity)")
            return "[" + ", ".join(map(float.__repr__, value)) + "]"
        if all(_is_scalar(item) for item in value):
            return "[" + ", ".join(encode(item, 0) for item in value) + "]"
        if len(value) <= _INLINE_WIDTH // 4 and all(
            isinstance(item, list) and len(item) <= _INLINE_WIDTH // 4 and all(_is_scalar(x) for x in item)
            for item in value
        ):
            flat = "[" + ", ".join(encode(item, 0) for item in value) + "]"
            if len(flat) + indent <= _INLINE_WIDTH:
                return flat
        return "[\n" + ",\n".join(inner + encode(item, indent + 2) for item in value) + "\n" + pad + "]"
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = [(json.dumps(str(key), ensure_ascii=False), item) for key, item in value.items()]
        if all(_is_scalar(item) for _, item in items):
            flat = "{" + ", ".join(f"{key}: {encode(item, 0)}" for key, item in items) + "}"
            if len(flat) + indent <= _INLINE_WIDTH:
                return flat
        body = ",\n".join(f"{inner}{key}: {encode(item, indent + 2)}" for key, item in items)
        return "{\n" + body + "\n" + pad + "}"
    raise TypeError(f"cannot write a value of type {type(value).__name__} to a network file")


def dumps(value: Any) -> str:
    """`value` as JSON text with a final newline; refuses NaN and infinity (JSON has none)."""
    return encode(value, 0) + "\n"
