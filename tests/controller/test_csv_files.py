"""CSV import refuses what it cannot read with a message (file, line, column), never a traceback or
a hang: a cell over csv's length limit, a FIFO, a device, a file too large to be a dataset."""

from __future__ import annotations

import csv
import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import Qt

from bpstudio.controller import Controller, dataset_csv
from bpstudio.controller.dataset_csv import CsvError, parse_dataset_csv, read_dataset_csv
from bpstudio.document.document import NetworkDocument
from tests.support.guards import within


@pytest.fixture
def reported(document: NetworkDocument) -> list[str]:
    """The messages the document reports, also from the thread `within` runs a call in."""
    found: list[str] = []
    document.error_occurred.connect(found.append, Qt.ConnectionType.DirectConnection)
    return found


@pytest.mark.parametrize("quoted", [False, True])
def test_a_cell_over_the_csv_limit_is_refused_with_its_place(tmp_path: Path, quoted: bool) -> None:
    long_cell = "7" * (csv.field_size_limit() + 1)
    cell = f'"{long_cell}"' if quoted else long_cell
    path = tmp_path / "long.csv"
    path.write_text(f"x1,x2,y\n0.1,0.2,1\n0.3,{cell},0\n", encoding="utf-8")
    with pytest.raises(CsvError) as caught:
        read_dataset_csv(path, 2, 1)
    assert str(caught.value) == (
        f"{path}: line 3, column 2: a cell is longer than 131,072 characters; a number needs far fewer"
    )


def test_the_window_gets_the_message_and_keeps_its_dataset(
    document: NetworkDocument, controller: Controller, reported: list[str], tmp_path: Path
) -> None:
    before = document.dataset.inputs.copy()
    path = tmp_path / "long.csv"
    path.write_text("0.1," + "1" * 200_000 + ",1\n", encoding="utf-8")
    assert not controller.import_csv(path)
    assert reported == [
        f"Cannot import the CSV file: {path}: line 1, column 2: a cell is longer than 131,072 characters; "
        "a number needs far fewer"
    ]
    assert (document.dataset.inputs == before).all()


def test_a_fifo_is_refused_at_once(
    document: NetworkDocument, controller: Controller, reported: list[str], tmp_path: Path
) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this system")
    fifo = tmp_path / "data.csv"
    os.mkfifo(fifo)
    assert not within(5, lambda: controller.import_csv(fifo), fifo)
    assert reported == [
        f"Cannot import the CSV file: {fifo}: the file cannot be read "
        "(this is a named pipe (FIFO), not a regular file)"
    ]


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_a_device_is_refused() -> None:
    with pytest.raises(CsvError, match="character device, not a regular file"):
        within(5, lambda: read_dataset_csv(Path("/dev/zero"), 2, 1))


def test_a_file_larger_than_a_network_file_may_be_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dataset_csv, "MAX_CSV_BYTES", 10)
    path = tmp_path / "big.csv"
    path.write_text("0.1,0.2,1\n0.3,0.4,0\n", encoding="utf-8")
    with pytest.raises(CsvError, match="the file is larger than 0 MB"):
        read_dataset_csv(path, 2, 1)


@given(st.text(alphabet=st.sampled_from('01.,;\t"\n\r\x00 x-e'), max_size=200), st.integers(0, 300_000))
def test_any_text_is_a_dataset_or_a_csv_error(text: str, long_cell: int) -> None:
    """Mutated CSV, sometimes with one huge cell: a dataset or a CsvError, nothing else."""
    if long_cell > 131_072:
        text = text.replace("x", "9" * long_cell, 1)
    try:
        data = parse_dataset_csv(text, 2, 1)
    except CsvError as error:
        assert str(error) and len(str(error)) < 2000
    else:
        assert data.inputs.shape[1] == 2 and data.targets.shape[1] == 1
