"""Reading a dataset from CSV: inputs then targets on each row, with a clear error per bad row.

Numbers follow the app's one rule (`numbers.parse_number`). Spreadsheets in Vietnamese and most
European locales write a decimal comma and therefore separate columns with `;`: in such a file a
comma is always a decimal comma (`0,1;0,25;1`). In a `,`- or tab-separated file a comma inside a
quoted cell may be a thousands separator, so `"1,000"` is refused as ambiguous, as in a field
where the UI language groups thousands with commas. Every message is in the UI language and
quotes at most `numbers.QUOTE_LIMIT` characters of a bad value.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import numpy as np
from PySide6.QtCore import QCoreApplication

from bpstudio.controller.numbers import NotANumberError, NotFiniteError, RefusedError, clip, parse_number
from bpstudio.document.fileformat import MAX_FILE_BYTES, read_regular
from bpstudio.engine import Dataset

MAX_REPORTED = 5
SNIFFED_LINES = 50
MAX_CSV_BYTES = MAX_FILE_BYTES  # a dataset larger than a network file could never be saved


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


class CsvError(ValueError):
    """The file cannot become a dataset; the message lists the bad rows."""


def column_separator(text: str) -> str:
    """`;` or a tab when every one of the first lines has it, else `,`.

    csv.Sniffer prefers `,` whenever it appears as often on every line, and `0,1;0,9;1` has as
    many commas as semicolons: the decimal commas would be split into columns.
    """
    lines = [line for line in text.splitlines()[:SNIFFED_LINES] if line.strip()]
    for separator in (";", "\t"):
        if lines and all(separator in line for line in lines):
            return separator
    return ","


def _read_cell(number: int, column: int, cell: str, comma_groups_thousands: bool) -> tuple[float | None, str]:
    """The cell's number, or None and the sentence saying why it is not one."""
    try:
        return parse_number(cell, comma_groups_thousands), ""
    except NotANumberError:
        reason = tr("row {0}, column {1}: {2} is not a number")
    except NotFiniteError:
        reason = tr("row {0}, column {1}: {2} is not a finite number")
    except RefusedError as exc:  # ambiguous: the sentence says how to write it
        return None, tr("row {0}, column {1}: {2}").format(number, column, str(exc))
    return None, reason.format(number, column, f"'{clip(cell)}'")


def _rows(text: str, delimiter: str, source: str) -> Iterator[list[str]]:
    """csv.reader's rows; what it cannot read (a cell over csv's length limit, a NUL character)
    ends in a CsvError naming the file, line and column instead of csv's own error."""
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise CsvError(_unreadable(text, reader.line_num, delimiter, str(exc), source)) from None
        yield row


def _unreadable(text: str, line_number: int, delimiter: str, reason: str, source: str) -> str:
    """The sentence for a line csv could not read: where (line, column) and why, in the UI language."""
    lines = text.splitlines()
    line = lines[line_number - 1] if 0 < line_number <= len(lines) else ""
    limit = csv.field_size_limit()
    cells = line.split(delimiter)
    if "\0" in line:
        column = line[: line.index("\0")].count(delimiter) + 1
        return tr("{0}: line {1}, column {2}: the cell holds a NUL character; is this a text file?").format(
            source, line_number, column
        )
    if "larger than field limit" in reason or any(len(cell) > limit for cell in cells):
        long_cells = [index for index, cell in enumerate(cells, start=1) if len(cell) > limit]
        where = (
            tr("line {0}, column {1}").format(line_number, long_cells[0])
            if long_cells
            else tr("line {0}").format(line_number)
        )
        return tr("{0}: {1}: a cell is longer than {2} characters; a number needs far fewer").format(
            source, where, f"{limit:,}"
        )
    return tr("{0}: line {1}: the line cannot be read as CSV ({2})").format(source, line_number, clip(reason))


def parse_dataset_csv(text: str, n_inputs: int, n_targets: int, source: str = "CSV") -> Dataset:
    """Rows of n_inputs + n_targets numbers; a first row that is not numeric is a header."""
    return parse_named_dataset_csv(text, n_inputs, n_targets, source)[0]


def parse_named_dataset_csv(
    text: str, n_inputs: int, n_targets: int, source: str = "CSV"
) -> tuple[Dataset, list[str] | None]:
    """The dataset and the header's column names (None without a header of one name a column)."""
    header: list[str] | None = None
    width = n_inputs + n_targets
    delimiter = column_separator(text)
    comma_groups_thousands = delimiter != ";"
    rows: list[list[float]] = []
    problems: list[str] = []
    for number, raw in enumerate(_rows(text, delimiter, source), start=1):
        cells = [cell.strip() for cell in raw]
        if not any(cells):
            continue
        values: list[float] = []
        bad = ""
        for column, cell in enumerate(cells, start=1):
            value, bad = _read_cell(number, column, cell, comma_groups_thousands)
            if value is None:
                break
            values.append(value)
        if bad:
            if number == 1 and not rows and not problems:
                header = cells if len(cells) == width else None
                continue  # a header line
            problems.append(bad)
            continue
        if len(values) != width:
            problems.append(
                tr("row {0}: expected {1} values ({2} inputs + {3} targets), got {4}").format(
                    number, width, n_inputs, n_targets, len(values)
                )
            )
            continue
        rows.append(values)
    if problems:
        listed = problems[:MAX_REPORTED]
        more = len(problems) - len(listed)
        if more:
            listed.append(tr("and {0} more bad rows").format(more))
        raise CsvError(f"{source}: " + "; ".join(listed))
    if not rows:
        raise CsvError(tr("{0}: no samples found").format(source))
    table = np.asarray(rows, dtype=np.float64)
    return Dataset(table[:, :n_inputs].copy(), table[:, n_inputs:].copy()), header


def read_dataset_csv(path: Path, n_inputs: int, n_targets: int) -> tuple[Dataset, list[str] | None]:
    """The file's samples and its header's column names (see parse_named_dataset_csv)."""
    try:
        data = read_regular(Path(path), MAX_CSV_BYTES)  # a FIFO or a device is refused, never waited on
        if len(data) > MAX_CSV_BYTES:
            raise CsvError(
                tr("{0}: the file is larger than {1} MB").format(path, MAX_CSV_BYTES // (1024 * 1024))
            )
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CsvError(tr("{0}: the file is not UTF-8 text").format(path)) from None
    except OSError as exc:
        raise CsvError(tr("{0}: the file cannot be read ({1})").format(path, exc.strerror or exc)) from None
    return parse_named_dataset_csv(text, n_inputs, n_targets, source=str(path))
