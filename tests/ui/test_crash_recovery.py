"""Crash recovery end to end: `bpstudio` in a subprocess (offscreen, its own HOME and XDG folders)
is edited and trained through the BPSTUDIO_TEST_DRIVE hook (ui/app.py), killed with SIGKILL after
its autosave, and started again: the restored document is the one before the kill, bit for bit,
and trains on exactly as the original would have."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from bpstudio.controller import Controller
from bpstudio.document import fileformat as fmt
from bpstudio.document import recovery
from bpstudio.document.document import NetworkDocument

ROOT = Path(__file__).resolve().parents[2]
EDITS: list[list[Any]] = [["set_parameter", 1, "W", 0, 1, 0.375], ["step"], ["step"], ["run_steps", 3]]
LATER: list[list[Any]] = [["run_steps", 4]]

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL and XDG folders are POSIX")


def expected_texts() -> tuple[str, str]:
    """The document's file after EDITS, and after EDITS + LATER, computed in this process."""
    document = NetworkDocument.from_file(fmt.default_network(), None)
    controller = Controller(document)
    for name, *arguments in EDITS:
        assert getattr(controller, name)(*arguments)
    before = fmt.dumps(document.network_file(""))
    for name, *arguments in LATER:
        assert getattr(controller, name)(*arguments)
    return before, fmt.dumps(document.network_file(""))


def start(home: Path, drive: dict[str, Any]) -> subprocess.Popen[bytes]:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_STATE_HOME=str(home / "state"),
        XDG_CACHE_HOME=str(home / "cache"),
        BPSTUDIO_TEST_DRIVE=json.dumps(drive),
    )
    command = [sys.executable, "-m", "bpstudio", "--lang", "en"]
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def wait_for(condition: Any, seconds: float, what: str) -> Any:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def children(pid: int) -> set[int]:
    """The processes whose parent is `pid` (Linux's /proc; empty elsewhere)."""
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.add(int(stat.parent.name))
    return found


def alive(pid: int) -> bool:
    """True while `pid` runs (a zombie nobody has reaped yet has ended)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_a_killed_instance_is_restored_bit_for_bit_and_trains_on(tmp_path: Path) -> None:
    before, after = expected_texts()
    folder = tmp_path / "data" / "BP Studio" / "bpstudio" / "recovery"

    first = start(tmp_path, {"autosave_ms": 200, "actions": EDITS})
    try:

        def autosaved() -> bool:
            networks = [p for p in folder.glob("*.json") if not p.name.endswith(".meta.json")]
            metas = list(folder.glob("*.meta.json"))
            return len(networks) == len(metas) == 1 and networks[0].read_text(encoding="utf-8") == before

        wait_for(autosaved, 60, "the autosave of the edited, trained document")
        assert str(first.pid) in next(folder.glob("*.meta.json")).name
        assert recovery.recoverable(folder) == []  # a running instance's file is never offered
        workers = children(first.pid)
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait(30)
    assert first.returncode == -signal.SIGKILL
    wait_for(lambda: not any(alive(pid) for pid in workers), 30, "its worker to end with it")

    entries = recovery.recoverable(folder)
    assert [(entry.steps, entry.original) for entry in entries] == [(5, None)]
    saved, trained = tmp_path / "restored.json", tmp_path / "trained.json"
    drive = {
        "recovery": "restore",
        "actions": [["save_as", str(saved)], *LATER, ["save_as", str(trained)]],
        "quit": True,
    }
    second = start(tmp_path, drive)
    try:
        _, errors = second.communicate(timeout=90)
    finally:
        if second.poll() is None:
            second.kill()
    assert second.returncode == 0, errors.decode(errors="replace")
    assert b"refused" not in errors
    assert saved.read_text(encoding="utf-8") == before
    assert trained.read_text(encoding="utf-8") == after
    assert list(folder.iterdir()) == []  # the restored file, its own and both locks are gone
