"""What every stage of the file format shares: the format's name and version, the order of keys,
the errors a load or a save raises, the loaded file (`NetworkFile`) and JSON paths in messages.

No Qt here: the command line imports the file format and must start without Qt.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

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


# ---------------------------------------------------------------------------------------------
# JSON paths
# ---------------------------------------------------------------------------------------------
_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def json_path(parts: Any) -> str:
    """("layers", 2, "weights") -> "layers[2].weights"."""
    text = ""
    for part in parts:
        if isinstance(part, int):
            text += f"[{part}]"
        elif _IDENTIFIER.match(str(part)):
            text += f".{part}" if text else str(part)
        else:
            text += f"[{json.dumps(str(part))}]"
    return text
