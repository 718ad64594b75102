"""Saving that fails, and a file that changed on disk, through File › Save in the window.

A read-only folder, a full disk (os.write raising ENOSPC), a folder that vanished: a clear dialog,
the document stays modified, the file on disk is as it was. A file another program changed or
deleted: Save asks Save As… / Overwrite (Save Here) / Cancel, and nothing is lost unasked.
"""

from __future__ import annotations

import errno
import os
import shutil
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from bpstudio.document.fileformat import load_file
from bpstudio.ui.main_window import MainWindow
from tests.support.message_boxes import BoxClicker


@pytest.fixture
def saved(window: MainWindow, tmp_path: Path) -> Iterator[tuple[MainWindow, Path, bytes]]:
    """The window's network saved to folder/net.json, then changed by one step (modified)."""
    folder = tmp_path / "folder"
    folder.mkdir()
    path = folder / "net.json"
    assert window.controller.save_as(path)
    before = path.read_bytes()
    window.controller.run_steps(1)
    assert window.document.modified
    yield window, path, before
    if folder.exists():
        folder.chmod(0o700)


@pytest.fixture
def clicker() -> Iterator[BoxClicker]:
    boxes = BoxClicker()
    yield boxes
    boxes.stop()


def save(window: MainWindow) -> None:
    window.actions_by_key["save"].trigger()


def test_a_read_only_folder(
    saved: tuple[MainWindow, Path, bytes], dialogs: dict[str, list[Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    window, path, before = saved
    path.parent.chmod(0o500)
    if os.geteuid() == 0:  # root writes anywhere: the system's refusal is simulated
        real_open = os.open

        def refuse(name: Any, flags: int, *args: Any, **kwargs: Any) -> int:
            if flags & os.O_CREAT and Path(name).parent == path.parent:
                raise PermissionError(errno.EACCES, "Permission denied", str(name))
            return real_open(name, flags, *args, **kwargs)

        monkeypatch.setattr(os, "open", refuse)
    save(window)
    assert dialogs["critical"] == [
        f"Cannot save {path}: no permission to write in the folder {path.parent}. "
        "Nothing is lost: the network stays open with its changes."
    ]
    assert window.document.modified and path.read_bytes() == before


def test_a_full_disk(
    saved: tuple[MainWindow, Path, bytes], dialogs: dict[str, list[Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    window, path, before = saved

    def full(fd: int, data: Any) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", full)
    save(window)
    monkeypatch.undo()
    assert dialogs["critical"] == [
        f"Cannot save {path}: could not save (No space left on device); the previous file is unchanged. "
        "Nothing is lost: the network stays open with its changes."
    ]
    assert window.document.modified and path.read_bytes() == before
    assert os.listdir(path.parent) == ["net.json"]
    save(window)  # room again: the same Save goes through
    assert not window.document.modified and load_file(path).stepper.steps_done == 1


def test_a_folder_that_vanished(
    saved: tuple[MainWindow, Path, bytes], dialogs: dict[str, list[Any]], clicker: BoxClicker
) -> None:
    window, path, _ = saved
    shutil.rmtree(path.parent)
    clicker.answers = ["Save Here"]
    save(window)
    assert len(clicker.seen) == 1 and "was deleted or moved" in clicker.seen[0]
    assert dialogs["critical"] == [
        f"Cannot save {path}: the folder {path.parent} does not exist. "
        "Nothing is lost: the network stays open with its changes."
    ]
    assert window.document.modified and window.document.path == path


def changed_elsewhere(window: MainWindow, path: Path, qtbot: Any, replace: bool) -> bytes:
    """Another program writes the file (in place, or by an atomic replace); the window notices."""
    text = path.read_bytes().replace(b'"name": "', b'"name": "theirs ', 1)
    if replace:
        (path.parent / "theirs.tmp").write_bytes(text)
        os.replace(path.parent / "theirs.tmp", path)
    else:
        path.write_bytes(text)
    qtbot.waitUntil(lambda: "changed on disk" in window.statusBar().currentMessage(), timeout=5000)
    return text


@pytest.mark.parametrize("replace", [False, True])
def test_a_file_changed_on_disk_asks_and_cancel_keeps_both(
    saved: tuple[MainWindow, Path, bytes], clicker: BoxClicker, qtbot: Any, replace: bool
) -> None:
    window, path, _ = saved
    theirs = changed_elsewhere(window, path, qtbot, replace)
    clicker.answers = ["Cancel"]
    save(window)
    assert len(clicker.seen) == 1 and "was changed on disk by another program" in clicker.seen[0]
    assert path.read_bytes() == theirs and window.document.modified


def test_overwrite_replaces_their_version_and_asks_no_more(
    saved: tuple[MainWindow, Path, bytes], clicker: BoxClicker, qtbot: Any
) -> None:
    window, path, _ = saved
    changed_elsewhere(window, path, qtbot, replace=False)
    clicker.answers = ["Overwrite"]
    save(window)
    assert not window.document.modified and load_file(path).stepper.steps_done == 1
    window.controller.run_steps(1)
    save(window)  # our own save changed the file: no question
    qtbot.wait(50)  # the watcher's late report of our own write asks nothing either
    save(window)
    assert len(clicker.seen) == 1 and load_file(path).stepper.steps_done == 2


def test_save_as_keeps_their_version(
    saved: tuple[MainWindow, Path, bytes], clicker: BoxClicker, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, path, _ = saved
    theirs = changed_elsewhere(window, path, qtbot, replace=True)
    other = path.parent / "mine.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(other), "")))
    clicker.answers = ["Save As…"]
    save(window)
    assert path.read_bytes() == theirs
    assert window.document.path == other and not window.document.modified
    assert load_file(other).stepper.steps_done == 1


def test_reopening_the_changed_file_takes_it_as_it_is(
    saved: tuple[MainWindow, Path, bytes], clicker: BoxClicker, qtbot: Any, dialogs: dict[str, list[Any]]
) -> None:
    window, path, _ = saved
    changed_elsewhere(window, path, qtbot, replace=False)
    dialogs["answers"].append(QMessageBox.StandardButton.Discard)  # File › Open: discard our step
    assert window.files.open_file(path)
    window.controller.run_steps(1)
    save(window)
    assert clicker.seen == [] and load_file(path).name.startswith("theirs ")


@pytest.mark.timeout(30)  # an export that opened the FIFO would block: the timeout fails it instead
@pytest.mark.parametrize("key", ["export_loss_csv", "export_canvas_png"])
def test_an_export_onto_a_fifo_is_refused(
    window: MainWindow,
    tmp_path: Path,
    dialogs: dict[str, list[Any]],
    monkeypatch: pytest.MonkeyPatch,
    key: str,
) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this system")
    suffix = ".csv" if key == "export_loss_csv" else ".png"
    fifo = tmp_path / f"pipe{suffix}"
    os.mkfifo(fifo)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(fifo), "")))
    window.actions_by_key[key].trigger()
    assert dialogs["critical"] == [
        f"Cannot write {fifo}: this is a named pipe (FIFO), not a regular file; only a regular file can be replaced"
    ]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
