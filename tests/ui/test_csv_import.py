"""Dataset › Import CSV… reads decimal commas and says what is wrong in the UI language.

The learner clicks the dock's Import CSV… button and picks a file written to tmp_path; the test
reads the dataset the window then uses, or the message it shows.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from bpstudio.assets import resource
from bpstudio.controller.dataset_csv import parse_dataset_csv
from bpstudio.ui.main_window import MainWindow
from tests.support.windows import close_window, show_window


def import_file(window: MainWindow, monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    """Click Import CSV… and pick `path` in the file dialog."""

    def ask(*args: Any, **kwargs: Any) -> tuple[str, str]:
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(ask))
    window.docks["dataset"].raise_()
    window.dataset_panel.import_button.click()


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_semicolon_file_with_decimal_commas_is_imported(
    window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    lang: str,
    dialogs: dict[str, list[Any]],
) -> None:
    """What a spreadsheet in a Vietnamese or European locale writes: `;` columns, decimal commas."""
    window.set_language(lang)
    path = write(tmp_path, "vi.csv", "x1;x2;y\n0,05;0,1;0,01\n0,2;0,3;0,5\n1,500;−0,25;1\n")
    import_file(window, monkeypatch, path)
    assert dialogs["critical"] == []
    data = window.document.dataset
    assert data.inputs.tolist() == [[0.05, 0.1], [0.2, 0.3], [1.5, -0.25]]
    assert data.targets[:, 0].tolist() == [0.01, 0.5, 1.0]


def test_a_comma_file_keeps_reading_points_and_refuses_an_ambiguous_quoted_comma(tmp_path: Path) -> None:
    data = parse_dataset_csv("0.5,0.25,1\n", 2, 1)
    assert data.inputs.tolist() == [[0.5, 0.25]]
    with pytest.raises(ValueError, match="ambiguous"):
        parse_dataset_csv('0.5,0.25,1\n"1,000",0,1\n', 2, 1)
    # a decimal comma that cannot be a thousands separator is read, as in a field
    assert parse_dataset_csv('"0,5","0,25",1\n', 2, 1).inputs.tolist() == [[0.5, 0.25]]


def test_the_errors_of_a_csv_file_are_in_vietnamese(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, dialogs: dict[str, list[Any]]
) -> None:
    window.set_language("vi")
    before = window.document.dataset.inputs.tolist()
    path = write(tmp_path, "bad.csv", "0.1,0.2,0.3\nabc,0.2,0.3\n0.1,0.2\n0.1,inf,0\n")
    import_file(window, monkeypatch, path)
    assert len(dialogs["critical"]) == 1
    message = dialogs["critical"][0]
    assert "Không thể nhập tệp CSV" in message
    assert "hàng 2, cột 1: 'abc' không phải là số" in message
    assert "hàng 3: cần 3 giá trị (2 đầu vào + 1 giá trị đích), nhưng có 2" in message
    assert "hàng 4, cột 2: 'inf' không phải là số hữu hạn" in message
    for english in ("row", "column", "is not", "expected", "got"):
        assert english not in message
    assert window.document.dataset.inputs.tolist() == before


def test_a_long_bad_value_is_quoted_short(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, dialogs: dict[str, list[Any]]
) -> None:
    long_value = "x" * 5000
    path = write(tmp_path, "long.csv", f"0.1,0.2,0.3\n{long_value},1,2\n")
    import_file(window, monkeypatch, path)
    message = dialogs["critical"][0]
    assert "row 2, column 1: 'x" in message and "…' is not a number" in message
    assert "x" * 81 not in message and "x" * 79 in message


def test_many_bad_rows_are_counted_in_the_ui_language(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, dialogs: dict[str, list[Any]]
) -> None:
    window.set_language("vi")
    path = write(tmp_path, "many.csv", "0,0,0\n" + "a,b,c\n" * 8)
    import_file(window, monkeypatch, path)
    message = dialogs["critical"][0]
    assert message.count("không phải là số") == 5
    assert "và 3 hàng lỗi khác" in message


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_file_with_fewer_rows_than_the_batch_lowers_the_batch_size_in_one_undoable_change(
    qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    lang: str,
    dialogs: dict[str, list[Any]],
) -> None:
    """XOR trains with batches of 4; a file of 3 rows is imported and the batch becomes 3, saying so."""
    window = show_window(qtbot, tmp_path, resource("examples", "xor.json"))
    try:
        window.set_language(lang)
        assert window.document.stepper.training.batch_size == 4
        before = window.document.history.index()
        path = write(tmp_path, "three.csv", "x1,x2,y\n0,0,0\n0,1,1\n1,0,1\n")
        import_file(window, monkeypatch, path)
        assert dialogs["critical"] == []
        assert window.document.dataset.size == 3
        assert window.document.stepper.training.batch_size == 3
        assert window.options_panel.batch_size.value() == 3
        message = window.statusBar().currentMessage()
        assert "3" in message
        assert ("kích thước lô" in message.lower()) if lang == "vi" else ("batch size" in message.lower())
        assert window.document.history.index() == before + 1  # one change
        window.actions_by_key["undo"].trigger()
        assert window.document.dataset.size == 4
        assert window.document.stepper.training.batch_size == 4
    finally:
        window.set_language("en")
        close_window(window)


def header_texts(window: MainWindow) -> list[str]:
    model = window.dataset_panel.model
    return [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(model.data_columns)]


def test_the_column_titles_follow_the_imported_header_and_undo_restores_them(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    window = show_window(qtbot, tmp_path, resource("examples", "xor.json"))
    try:
        before = header_texts(window)
        assert "x1 XOR x2" in before[-1]
        import_file(window, monkeypatch, write(tmp_path, "plain.csv", "a,b,y\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n"))
        assert window.document.dataset.size == 4
        titles = header_texts(window)
        assert "XOR" not in titles[-1] and titles[-1] == "y", titles
        assert "(a)" in titles[0] and "(b)" in titles[1], titles
        window.actions_by_key["undo"].trigger()
        assert header_texts(window) == before
    finally:
        close_window(window)
