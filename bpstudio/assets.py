"""One way to find runtime assets (examples, schema, icons, translations).

Works from a source checkout (`resources/` beside the package), an installed wheel
(`bpstudio/resources/`) and a PyInstaller bundle (`resources/` inside `sys._MEIPASS`).
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path


@cache
def resources_dir() -> Path:
    here = Path(__file__).resolve().parent
    candidates = [here / "resources", here.parent / "resources"]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.insert(0, Path(bundle) / "resources")
    for candidate in candidates:
        if (candidate / "schema").is_dir():
            return candidate
    raise FileNotFoundError(
        "BP Studio's resources folder is missing; looked in " + ", ".join(str(c) for c in candidates)
    )


def resource(*parts: str) -> Path:
    """Path of a file under resources/, e.g. resource("examples", "article.json")."""
    return resources_dir().joinpath(*parts)


def examples_dir() -> Path:
    return resource("examples")


def default_example() -> Path:
    """The article's 2-2-1 network: the default everywhere."""
    return resource("examples", "article.json")
