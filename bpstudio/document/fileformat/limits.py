"""The text of a network file against engine.limits.MAX_TEXT_CHARS.

The numbers of a file are counted by the engine (`Stepper.saved_numbers`); its text — the name
and description in each language and the neurons' names — is measured here, as it will be
written (JSON-escaped UTF-8), so that a file that opens can always be saved again within
limits.MAX_FILE_BYTES however its numbers are written.
"""

from __future__ import annotations

import json
from typing import Any

from bpstudio.document.fileformat.common import LoadError
from bpstudio.engine import limits

TEXT_FIELDS = ("name", "name_vi", "description", "description_vi")
NAME_LISTS = ("input_names", "output_names")


def _written(text: Any) -> int:
    return len(json.dumps(str(text), ensure_ascii=False).encode("utf-8", "surrogatepass"))


def check_text_size(document: dict[str, Any]) -> None:
    """LoadError (at the largest text field) when the file's text passes limits.MAX_TEXT_CHARS."""
    sizes = {key: _written(document[key]) for key in TEXT_FIELDS if isinstance(document.get(key), str)}
    block = document.get("dataset")
    dataset: dict[str, Any] = block if isinstance(block, dict) else {}
    for key in NAME_LISTS:
        names = dataset.get(key)
        if isinstance(names, list):
            sizes[f"dataset.{key}"] = sum(_written(name) for name in names)
    total = sum(sizes.values())
    if total > limits.MAX_TEXT_CHARS:
        largest = max(sizes, key=lambda key: sizes[key])
        raise LoadError(
            f"the file's names and descriptions take {total:,} bytes, more than the "
            f"{limits.MAX_TEXT_CHARS:,} allowed (this one takes {sizes[largest]:,})",
            largest,
        )
