"""Reading a dataset from CSV: inputs then targets on each row, with a clear error per bad row."""

from __future__ import annotations

import csv
import io
import math
from pathlib import Path

import numpy as np

from bpstudio.engine import Dataset

MAX_REPORTED = 5


class CsvError(ValueError):
    """The file cannot become a dataset; the message lists the bad rows."""


def parse_dataset_csv(text: str, n_inputs: int, n_targets: int, source: str = "CSV") -> Dataset:
    """Rows of n_inputs + n_targets numbers; a first row that is not numeric is a header."""
    width = n_inputs + n_targets
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ","
    rows: list[list[float]] = []
    problems: list[str] = []
    for number, raw in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), start=1):
        cells = [cell.strip() for cell in raw]
        if not any(cells):
            continue
        values: list[float] = []
        bad: str | None = None
        for column, cell in enumerate(cells, start=1):
            try:
                value = float(cell)
            except ValueError:
                bad = f"row {number}, column {column}: {cell!r} is not a number"
                break
            if not math.isfinite(value):
                bad = f"row {number}, column {column}: {cell!r} is not a finite number"
                break
            values.append(value)
        if bad is not None:
            if number == 1 and not rows and not problems:
                continue  # a header line
            problems.append(bad)
            continue
        if len(values) != width:
            problems.append(
                f"row {number}: expected {width} values ({n_inputs} inputs + {n_targets} targets), "
                f"got {len(values)}"
            )
            continue
        rows.append(values)
    if problems:
        shown = problems[:MAX_REPORTED]
        more = len(problems) - len(shown)
        tail = f"; and {more} more bad rows" if more else ""
        raise CsvError(f"{source}: " + "; ".join(shown) + tail)
    if not rows:
        raise CsvError(f"{source}: no samples found")
    table = np.asarray(rows, dtype=np.float64)
    return Dataset(table[:, :n_inputs].copy(), table[:, n_inputs:].copy())


def read_dataset_csv(path: Path, n_inputs: int, n_targets: int) -> Dataset:
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise CsvError(f"{path}: the file is not UTF-8 text") from None
    except OSError as exc:
        raise CsvError(f"{path}: {exc.strerror or exc}") from None
    return parse_dataset_csv(text, n_inputs, n_targets, source=str(path))
