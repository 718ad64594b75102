"""The commands and non-regular files: a FIFO or a device as FILE is refused at once (one line,
status 2), --output never replaces a FIFO or a device, and writes through a symbolic link."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from bpstudio import assets
from bpstudio.cli import main
from bpstudio.document.fileformat import load_file
from tests.support.guards import within

XOR = str(assets.resource("examples", "xor.json"))


def run(capsys: pytest.CaptureFixture[str], argv: list[str], fifo: Path | None = None) -> tuple[int, str]:
    """Exit status and the one error line (empty on success)."""
    status = within(20, lambda: main(argv), fifo)
    err = capsys.readouterr().err
    assert "Traceback" not in err and "unexpected error" not in err
    assert len(err.splitlines()) <= 1, err
    return status, err.strip()


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this system")
    path = tmp_path / "pipe.json"
    os.mkfifo(path)
    return path


@pytest.mark.parametrize("command", [["train", "{}", "--steps", "1"], ["check", "{}"], ["explain", "{}"]])
def test_a_fifo_as_file_is_refused_at_once(
    capsys: pytest.CaptureFixture[str], fifo: Path, command: list[str]
) -> None:
    argv = [str(fifo) if part == "{}" else part for part in command]
    status, line = run(capsys, argv, fifo)
    assert status == 2
    assert (
        line
        == f"bpstudio {command[0]}: cannot open {fifo}: cannot read the file: this is a named pipe (FIFO), not a regular file"
    )


def test_an_output_onto_a_fifo_is_refused_before_training(
    capsys: pytest.CaptureFixture[str], fifo: Path
) -> None:
    status, line = run(capsys, ["train", XOR, "--steps", "1", "--output", str(fifo)], fifo)
    assert status == 2
    assert line == (
        f"bpstudio train: --output {fifo}: this is a named pipe (FIFO), not a regular file; "
        "only a regular file can be replaced"
    )
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


@pytest.mark.skipif(os.name != "posix", reason="/dev/null is POSIX")
def test_an_output_onto_dev_null_is_refused_and_dev_null_stays(capsys: pytest.CaptureFixture[str]) -> None:
    status, line = run(capsys, ["train", XOR, "--steps", "1", "--output", os.devnull])
    assert status == 2 and "character device, not a regular file" in line
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


def test_an_output_through_a_link_writes_its_target(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "v1.json"
    link = tmp_path / "latest.json"
    link.symlink_to(target.name)
    status, _ = run(capsys, ["train", XOR, "--steps", "2", "--output", str(link)])
    assert status == 0
    assert link.is_symlink() and load_file(target).stepper.steps_done == 2


def test_an_output_under_a_file_says_the_file_is_in_the_way(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    afile = tmp_path / "afile"
    afile.write_text("")
    status, line = run(capsys, ["train", XOR, "--steps", "1", "--output", str(afile / "out.json")])
    assert status == 2
    assert line == f"bpstudio train: --output {afile / 'out.json'}: {afile} is a file, not a folder"


def test_an_output_full_disk_is_one_line_and_keeps_the_old_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out.json"
    out.write_text("old")

    def full(fd: int, data: object) -> int:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "write", full)
    status = main(["train", XOR, "--steps", "1", "--output", str(out)])
    line = capsys.readouterr().err.strip()
    assert status == 2
    assert (
        line
        == f"bpstudio train: {out}: could not save (No space left on device); the previous file is unchanged"
    )
    assert out.read_text() == "old" and os.listdir(tmp_path) == ["out.json"]
