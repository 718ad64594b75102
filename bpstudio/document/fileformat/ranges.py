"""The allowed range of every numeric option, read from the one place it is written: the JSON
Schema of the file format (`resources/schema/network.schema.json`, keys `minimum`, `maximum`,
`exclusiveMinimum`, `exclusiveMaximum`). A file is refused at load when an option is outside its
range, and the window's fields (`ui.fields.NumberField`, the seed boxes) allow the same values,
so whatever the window accepts can be saved and loaded, and the other way round.

The ranges are sane rather than merely finite: uniform(−1e308, 1e308) or a batch of 1e300 would
overflow or allocate absurdly long before training could say anything useful.

No Qt here: the command line imports the file format and must start without Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from bpstudio.document.fileformat.common import schema

# Option ("block.key") -> where its schema is, as keys from the schema's root.
_WHERE: dict[str, tuple[str, ...]] = {
    **{
        f"optimizer.{key}": ("$defs", "optimizer", "properties", key)
        for key in ("learning_rate", "momentum", "beta1", "beta2", "epsilon", "weight_decay", "clip_norm")
    },
    "training.batch_size": ("$defs", "training", "properties", "batch_size"),
    "training.seed": ("$defs", "training", "properties", "seed"),
    **{f"init.{key}": ("$defs", "init", "properties", key) for key in ("seed", "a", "b", "std", "bias")},
    "layer.size": ("$defs", "size"),
    "layer.leaky_slope": ("$defs", "layer", "properties", "leaky_slope"),
}
OPTIONS = tuple(_WHERE)


@dataclass(frozen=True)
class Range:
    """The values an option allows: `low`/`high` (None: no bound), each bound included unless open."""

    low: float | None = None
    high: float | None = None
    low_open: bool = False
    high_open: bool = False

    def allows(self, value: float) -> bool:
        if self.low is not None and (value <= self.low if self.low_open else value < self.low):
            return False
        return not (self.high is not None and (value >= self.high if self.high_open else value > self.high))


def range_in_schema(node: dict[str, Any]) -> Range:
    """The Range a numeric schema (after its $ref) states."""
    low, low_open = node.get("minimum"), False
    if "exclusiveMinimum" in node:
        low, low_open = node["exclusiveMinimum"], True
    high, high_open = node.get("maximum"), False
    if "exclusiveMaximum" in node:
        high, high_open = node["exclusiveMaximum"], True
    return Range(low, high, low_open, high_open)


@cache
def option_ranges() -> dict[str, Range]:
    """Every numeric option's Range, from the schema ("optimizer.learning_rate" -> Range(0, 1000, …))."""
    root = schema()
    ranges = {}
    for option, where in _WHERE.items():
        node: dict[str, Any] = root
        for key in where:
            node = node[key]
        while "$ref" in node:
            target: dict[str, Any] = root
            for key in str(node["$ref"]).removeprefix("#/").split("/"):
                target = target[key]
            node = target
        ranges[option] = range_in_schema(node)
    return ranges


def option_range(option: str) -> Range:
    """The Range of one option, named "block.key" as in the file ("init.std", "training.seed")."""
    return option_ranges()[option]
