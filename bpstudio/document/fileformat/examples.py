"""The built-in examples (resources/examples): their order, titles and descriptions per language."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bpstudio import assets
from bpstudio.document.fileformat.build import load_file
from bpstudio.document.fileformat.common import NetworkFile
from bpstudio.document.fileformat.files import open_regular
from bpstudio.notation import languages

EXAMPLE_ORDER = (
    "article.json",
    "xor.json",
    "and_or.json",
    "circles.json",
    "spirals.json",
    "sine_regression.json",
    "deep_sigmoid_vanishing.json",
    "deep_relu_he.json",
)


def default_network() -> NetworkFile:
    """The article's 2-2-1 network, x = (0.2, 0.4), y = 1 (resources/examples/article.json)."""
    return load_file(assets.default_example())


@dataclass(frozen=True)
class Example:
    """A built-in example as the examples menu shows it, in one language."""

    path: Path
    title: str
    description: str


def in_language(fields: dict[str, Any], key: str, lang: str) -> str:
    """`key` in `lang` ("name_vi" for Vietnamese) when the file gives it, else the English one."""
    for candidate in languages.field_keys(key, lang):
        value = fields.get(candidate)
        if isinstance(value, str) and value.strip():
            return value
    return ""


def _example(path: Path, lang: str) -> Example:
    try:
        with open_regular(path) as stream:  # the examples folder could hold a FIFO: never wait on one
            fields = json.load(stream)
        if not isinstance(fields, dict):
            fields = {}
    except (OSError, ValueError):
        fields = {}
    title = in_language(fields, "name", lang) or path.stem.replace("_", " ")
    return Example(path, title, in_language(fields, "description", lang))


def examples(lang: str = "en") -> list[Example]:
    """Every built-in example with its title and description in `lang` (English when the file
    has no translation): the article first, then by difficulty."""
    folder = assets.examples_dir()
    found = {path.name: path for path in folder.glob("*.json")}
    ordered = [found.pop(name) for name in EXAMPLE_ORDER if name in found]
    ordered += [found[name] for name in sorted(found)]
    return [_example(path, lang) for path in ordered]


def example_files(lang: str = "en") -> list[tuple[str, Path]]:
    """(title, path) of every built-in example, in the order of `examples`."""
    return [(example.title, example.path) for example in examples(lang)]
