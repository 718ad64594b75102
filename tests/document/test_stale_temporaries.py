"""A save that is killed leaves its temporary file; the next save to that folder removes it.

Only our own are removed: named `.NAME.bps-HOST-PID.XXXXXXXX.tmp` and either older than an hour or
left by a process of this computer that no longer runs (or, from versions before the rule,
`.NAME.XXXXXXXX.tmp`, older than an hour, empty or starting as a network file does).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bpstudio.document.fileformat import default_network, dumps, load_file, save_file
from bpstudio.document.fileformat.save import STALE_AGE_SECONDS, temporary_prefix

HOUR_AGO = time.time() - STALE_AGE_SECONDS - 60


def dead_pid() -> int:
    """The number of a process that has ended (and been reaped)."""
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def our_name(target: str, pid: int) -> str:
    prefix = temporary_prefix(target)
    return prefix.replace(f"-{os.getpid()}.", f"-{pid}.") + "abcd_123.tmp"


def make(folder: Path, name: str, text: str = "", mtime: float | None = None) -> Path:
    path = folder / name
    path.write_text(text)
    if mtime is not None:
        os.utime(path, (mtime, mtime))
    return path


@pytest.mark.skipif(os.name != "posix", reason="process numbers are checked on POSIX")
def test_a_left_file_of_a_process_that_ended_goes_at_once(tmp_path: Path) -> None:
    stale = make(tmp_path, our_name("net.json", dead_pid()), '{"format": "bpstu')
    save_file(tmp_path / "other.json", default_network())
    assert not stale.exists()


def test_files_older_than_the_safe_age_go_others_stay(tmp_path: Path) -> None:
    network = dumps(default_network())
    gone = [
        make(tmp_path, our_name("a.json", os.getpid()), "", HOUR_AGO),  # ours, an hour untouched
        make(tmp_path, ".old.json.k2j4_x9z.tmp", network[:100], HOUR_AGO),  # before pids were named
        make(tmp_path, ".empty.json.aaaaaaaa.tmp", "", HOUR_AGO),  # killed before its first write
    ]
    kept = [
        make(tmp_path, our_name("live.json", os.getpid()), "{"),  # a save of ours still going
        make(tmp_path, ".fresh.json.k2j4_x9z.tmp", network[:100]),  # too young to judge
        make(tmp_path, ".notes.txt.abcdefgh.tmp", "someone else's", HOUR_AGO),  # not a network file
        make(tmp_path, "net.json.abcdefgh.tmp", network[:100], HOUR_AGO),  # not our pattern (no dot)
        make(tmp_path, ".net.json.ABCDEFGH.tmp", network[:100], HOUR_AGO),  # mkstemp writes lower case
    ]
    link = tmp_path / our_name("link.json", dead_pid())
    link.symlink_to(kept[2])  # a link is never ours
    save_file(tmp_path / "net.json", default_network())
    assert [path.exists() for path in gone] == [False] * len(gone)
    assert [path.exists() for path in kept] == [True] * len(kept)
    assert link.is_symlink()


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
def test_a_save_killed_midway_is_cleaned_by_the_next_save(tmp_path: Path) -> None:
    target = tmp_path / "net.json"
    save_file(target, default_network())
    before = target.read_bytes()
    # a save that stops for good after writing its temporary file, then is killed
    script = (
        "import os, sys, time\n"
        "from bpstudio.document.fileformat import default_network, save_file\n"
        "def stall(fd):\n"
        "    print('written', flush=True)\n"
        "    time.sleep(60)\n"
        "os.fsync = stall\n"
        "nf = default_network()\n"
        "nf.stepper.train(steps=1)\n"
        "save_file(sys.argv[1], nf)\n"
    )
    root = Path(__file__).resolve().parents[2]
    process = subprocess.Popen(
        [sys.executable, "-c", script, str(target)], stdout=subprocess.PIPE, text=True, cwd=root
    )
    try:
        assert process.stdout is not None and process.stdout.readline() == "written\n"
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(10)
    left = [name for name in os.listdir(tmp_path) if name.endswith(".tmp")]
    assert len(left) == 1 and left[0].startswith(".net.json.bps-")
    assert target.read_bytes() == before  # the kill never touches the saved file
    nf = default_network()
    nf.stepper.train(steps=3)
    save_file(target, nf)
    assert os.listdir(tmp_path) == ["net.json"]
    assert load_file(target).stepper.steps_done == 3


def test_a_long_name_still_makes_a_valid_temporary_name(tmp_path: Path) -> None:
    target = tmp_path / ("n" * 240 + ".json")
    save_file(target, default_network())
    assert os.listdir(tmp_path) == [target.name]
