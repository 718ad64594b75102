"""What every stage of the file format shares: the format's name and version, the order of keys,
the errors a load or a save raises, the loaded file (`NetworkFile`) and JSON paths in messages.

No Qt here: the command line imports the file format and must start without Qt.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from bpstudio import assets
from bpstudio.engine.initializers import InitConfig
from bpstudio.engine.stepper import Stepper

FORMAT = "bpstudio-network"
VERSION = 1

# Order of keys in a file; also used to report the first problem in reading order.
TOP_LEVEL_KEYS = (
    "format",
    "version",
    "name",
    "name_vi",
    "description",
    "description_vi",
    "layers",
    "loss",
    "optimizer",
    "training",
    "dataset",
    "init",
    "state",
    "canvas",
)

Position = tuple[float, float]


class LoadError(Exception):
    """A file BP Studio refuses to open. `str(e)` is "<file>: <json path>: <problem>"."""

    def __init__(self, problem: str, json_path: str = "", path: str | None = None) -> None:
        self.problem = problem
        self.json_path = json_path
        self.path = path
        super().__init__(problem)

    def __str__(self) -> str:
        parts = [self.path or "<string>"]
        if self.json_path:
            parts.append(self.json_path)
        parts.append(self.problem)
        return ": ".join(parts)


class SaveError(Exception):
    """Saving failed; the file that was there before is untouched."""

    def __init__(self, problem: str, path: str) -> None:
        self.problem = problem
        self.path = path
        super().__init__(problem)

    def __str__(self) -> str:
        return f"{self.path}: {self.problem}"


@dataclass
class NetworkFile:
    """What a network file holds, ready to use: a Stepper with its training state restored."""

    name: str
    description: str
    stepper: Stepper
    init: InitConfig | None = None
    positions: list[list[Position]] | None = None
    description_vi: str = ""
    name_vi: str = ""  # the title in Vietnamese (the examples have one)
    input_names: list[str] | None = None
    output_names: list[str] | None = None


def schema() -> dict[str, Any]:
    """The JSON Schema of format version 1 (resources/schema/network.schema.json): the structure
    of a file and the one table of the options' ranges (`ranges`)."""
    with open(assets.resource("schema", "network.schema.json"), encoding="utf-8") as stream:
        loaded: dict[str, Any] = json.load(stream)
    return loaded


# ---------------------------------------------------------------------------------------------
# Values quoted in messages
# ---------------------------------------------------------------------------------------------
QUOTE_LIMIT = 80  # the most characters of any one value a message quotes


def _printable(text: str) -> str:
    """Lone UTF-16 surrogates (which cannot be printed or encoded) written as their escape."""
    if not any("\ud800" <= char <= "\udfff" for char in text):
        return text
    return "".join(f"\\u{ord(char):04x}" if "\ud800" <= char <= "\udfff" else char for char in text)


def shorten(text: str, limit: int = QUOTE_LIMIT) -> str:
    """`text` cut to about `limit` characters: its start, "…", its end and how long it was."""
    if len(text) <= limit:
        return text
    tail = max(limit // 5, 1)
    head = max(limit - tail - 1, 1)
    return f"{text[:head]}…{text[-tail:]} ({len(text):,} characters)"


def quote(value: Any, limit: int = QUOTE_LIMIT) -> str:
    """A value as a message quotes it: text in JSON quotes, a number as written in Python (exact),
    anything else as JSON — never more than about `limit` characters, and always printable (a lone
    surrogate shows as its escape). Every message of the file format quotes values with this."""
    if isinstance(value, str):
        return shorten(_printable(json.dumps(value, ensure_ascii=False)), limit)
    if isinstance(value, bool) or value is None:
        return json.dumps(value)
    if isinstance(value, int):
        digits = str(abs(value)) if value.bit_length() < 10_000 else None
        if digits is None:
            return f"a number of more than 3,000 digits{' (negative)' if value < 0 else ''}"
        sign = "-" if value < 0 else ""
        if len(digits) > limit:
            return f"{sign}{digits[:12]}…{digits[-4:]} ({len(digits):,} digits)"
        return sign + digits
    if isinstance(value, float):
        return repr(value)
    try:
        text = json.dumps(value, ensure_ascii=False, default=str)
    except (TypeError, ValueError, RecursionError):
        text = repr(value)
    return shorten(_printable(text), limit)


# ---------------------------------------------------------------------------------------------
# JSON paths
# ---------------------------------------------------------------------------------------------
_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


MAX_PATH = 96  # a longer JSON path (only absurd nesting or keys make one) is shortened in its middle:
# a path has no spaces, so this also keeps every "word" of a message under 100 characters


def json_path(parts: Any) -> str:
    """("layers", 2, "weights") -> "layers[2].weights"; keys are quoted short (`quote`) and a path
    of absurd depth is shortened to about MAX_PATH characters."""
    text = ""
    for part in parts:
        if isinstance(part, int):
            text += f"[{part}]"
        elif _IDENTIFIER.match(str(part)):
            key = shorten(str(part), QUOTE_LIMIT // 2)  # an absurdly long key: its start and end
            text += f".{key}" if text else key
        else:
            text += f"[{quote(str(part))}]"
    return shorten(text, MAX_PATH)
