"""Import CSV… and File › Open on a file that cannot be read or a FIFO: a dialog naming the place, at once."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog

from bpstudio.ui.main_window import MainWindow


def pick(window: MainWindow, monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))
    window.docks["dataset"].raise_()
    window.dataset_panel.import_button.click()


def test_a_huge_cell_is_a_dialog_not_a_traceback(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, dialogs: dict[str, list[Any]]
) -> None:
    before = window.document.dataset.inputs.copy()
    path = tmp_path / "huge.csv"
    path.write_text("x1,x2,y\n" + "1," * 2 + "5" * 131_073 + "\n", encoding="utf-8")
    pick(window, monkeypatch, path)
    assert dialogs["critical"] == [
        f"Cannot import the CSV file: {path}: line 2, column 3: a cell is longer than 131,072 characters; "
        "a number needs far fewer"
    ]
    assert (window.document.dataset.inputs == before).all()


@pytest.mark.timeout(30)  # a window that opened the FIFO would block: the timeout fails the test instead
def test_a_fifo_is_refused_at_once(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, dialogs: dict[str, list[Any]]
) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this system")
    fifo = tmp_path / "data.csv"
    os.mkfifo(fifo)
    pick(window, monkeypatch, fifo)
    assert dialogs["critical"] == [
        f"Cannot import the CSV file: {fifo}: the file cannot be read "
        "(this is a named pipe (FIFO), not a regular file)"
    ]


@pytest.mark.timeout(30)
def test_opening_a_fifo_as_a_network_is_refused_at_once(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, dialogs: dict[str, list[Any]]
) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this system")
    fifo = tmp_path / "net.json"
    os.mkfifo(fifo)
    name = window.document.name
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(fifo), "")))
    window.actions_by_key["open"].trigger()
    assert dialogs["critical"] == [
        f"{fifo}: cannot read the file: this is a named pipe (FIFO), not a regular file"
    ]
    assert window.document.name == name and window.document.path is None
