"""--output names the real problem when its folder cannot hold the file (issue 9, item 7)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bpstudio import assets
from bpstudio.cli import main

XOR = str(assets.resource("examples", "xor.json"))


def error_line(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    status = main(list(argv))
    err = capsys.readouterr().err
    assert status == 2
    lines = err.splitlines()
    assert len(lines) == 1 and "Traceback" not in err
    return lines[0]


def test_a_file_where_a_folder_should_be_is_named(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    afile = tmp_path / "afile"
    afile.write_text("not a folder")
    line = error_line(capsys, "train", XOR, "--steps", "1", "--output", str(afile / "out.json"))
    assert f"{afile} is a file, not a folder" in line
    assert "does not exist" not in line


def test_a_file_deeper_up_the_path_is_named(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    afile = tmp_path / "afile"
    afile.write_text("")
    line = error_line(
        capsys, "train", XOR, "--steps", "1", "--output", str(afile / "sub" / "deeper" / "out.json")
    )
    assert f"{afile} is a file, not a folder" in line


def test_a_missing_folder_is_still_said_missing(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    line = error_line(
        capsys, "train", XOR, "--steps", "1", "--output", str(tmp_path / "nowhere" / "out.json")
    )
    assert f"the folder {tmp_path / 'nowhere'} does not exist" in line


def test_a_long_output_path_is_quoted_short(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    afile = tmp_path / "afile"
    afile.write_text("")
    long_name = str(afile / ("d" * 200) / "out.json")
    line = error_line(capsys, "train", XOR, "--steps", "1", "--output", long_name)
    assert "is a file, not a folder" in line
    assert "d" * 100 not in line.split(": ", 2)[1]  # the --output value is shortened
