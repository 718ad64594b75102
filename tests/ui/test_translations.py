"""The Vietnamese catalogue covers every visible string and keeps every placeholder."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from bpstudio.assets import resource

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = resource("translations", "bpstudio_vi.ts")
PLACEHOLDER = re.compile(r"\{[a-z_0-9]*\}")


def messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    found = {}
    for context in ET.parse(path).getroot():
        name = context.findtext("name") or ""
        for message in context.findall("message"):
            translation = message.find("translation")
            assert translation is not None
            if translation.get("type") in ("vanished", "obsolete"):
                continue
            found[(name, message.findtext("source") or "")] = translation
    return found


def test_every_string_is_translated_with_its_placeholders() -> None:
    found = messages(CATALOGUE)
    assert len(found) > 200
    for (context, source), translation in found.items():
        assert translation.get("type") is None, (context, source)
        text = translation.text or ""
        assert text.strip(), (context, source)
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(text)), (context, source)


def test_catalogue_is_up_to_date_with_the_sources(tmp_path: Path) -> None:
    tool = Path(sys.executable).with_name("pyside6-lupdate")
    lupdate = str(tool) if tool.exists() else shutil.which("pyside6-lupdate")
    if lupdate is None:
        pytest.skip("pyside6-lupdate is not installed")
    sources = sorted(
        [
            *(ROOT / "bpstudio" / "ui").rglob("*.py"),  # with every subfolder (ui/canvas/items …)
            *(ROOT / "bpstudio" / "controller").glob("*.py"),
            ROOT / "bpstudio" / "document" / "commands.py",
        ]
    )
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [lupdate, "-silent", *map(str, sources), "-ts", str(fresh)], check=True, capture_output=True
    )
    assert len(messages(fresh)) > 200
    missing = set(messages(fresh)) - set(messages(CATALOGUE))
    assert not missing, f"run pyside6-lupdate and translate: {sorted(missing)[:5]}"
