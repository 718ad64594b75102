"""Fuzzing the CSV importer: the examples' datasets written as CSV, then mutated (fields over
131,072 characters, stray quotes, NUL bytes, lone surrogates, decimal commas, non-UTF-8 bytes,
wrong widths). Each file becomes a dataset of the asked widths or is refused with a `CsvError`
whose message is short — never another exception, never a hang.

The strategy lives in `tests/support/fuzz.py`; the explicit examples are the minimal inputs of
the classes of failure the fuzz found (issue 9) and stay as regression tests.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from bpstudio.controller.dataset_csv import CsvError, read_dataset_csv
from bpstudio.controller.numbers import QUOTE_LIMIT, RefusedError, parse_number
from tests.support.fuzz import csv_inputs, examples_for, time_limit

SECONDS = 10.0
# The items of issue 9 another branch fixes; the lead empties this after the merge.

LONG_FIELD = ("x" * 131_073 + ",1\n").encode()  # item 9: _csv.Error "field larger than field limit"
LONG_QUOTED_FIELD = ('"' + "1" * 131_073 + '",1\n').encode()  # item 9


def check_import(data: bytes, n_inputs: int, n_targets: int) -> None:
    with tempfile.TemporaryDirectory() as name:
        path = Path(name) / "data.csv"
        path.write_bytes(data)
        try:
            with time_limit(SECONDS, "CSV import"):
                dataset, header = read_dataset_csv(path, n_inputs, n_targets)
        except CsvError as error:
            message = str(error)
            assert message.startswith(str(path)), message[:200]
            # at most 5 rows are listed, each quoting at most ~80 characters of a cell
            assert len(message) <= 1500, f"a message of {len(message)} characters: {message[:200]}"
            return
        assert dataset.inputs.shape[1] == n_inputs and dataset.targets.shape[1] == n_targets
        assert dataset.inputs.shape[0] == dataset.targets.shape[0] >= 1
        assert np.all(np.isfinite(dataset.inputs)) and np.all(np.isfinite(dataset.targets))
        assert header is None or len(header) == n_inputs + n_targets


@settings(max_examples=examples_for(200), suppress_health_check=list(HealthCheck), deadline=None)
@given(case=csv_inputs())
def test_a_fuzzed_csv_file_imports_or_is_refused_with_a_csv_error(case: tuple[bytes, int, int]) -> None:
    check_import(*case)


@pytest.mark.parametrize(
    ("data", "item", "helper"),
    [
        pytest.param(LONG_FIELD, 9, "files", id="field-over-131072-characters"),
        pytest.param(LONG_QUOTED_FIELD, 9, "files", id="quoted-field-over-131072-characters"),
        pytest.param(b"1,\xed\xa0\x80\n", 0, "", id="utf-8-encoded-surrogate"),
        pytest.param(b"1,2\x00\n", 0, "", id="nul-byte"),
        pytest.param(b'"1,2\n', 0, "", id="unclosed-quote"),
        pytest.param(b"1e1,0;1\n", 0, "", id="comma-in-the-exponent"),  # was an IndexError, fixed here
    ],
)
def test_each_class_the_fuzz_found(data: bytes, item: int, helper: str) -> None:
    check_import(data, 1, 1)


# What a person may type in a value field or a CSV cell; the comma in the exponent was an
# IndexError found by the CSV fuzz (parse_number is also the value editor's parser).
_NUMBER_PIECES = st.sampled_from(
    ["1", "0", "e", "E", ",", ".", "-", "+", "\u2212", " ", "\u00a0", "inf", "nan", "9" * 400]
)


@settings(max_examples=examples_for(300), suppress_health_check=list(HealthCheck))
@given(
    text=st.lists(_NUMBER_PIECES, max_size=8).map("".join) | st.text(max_size=30),
    comma_groups_thousands=st.booleans(),
)
@example(text="1e1,0", comma_groups_thousands=False)
@example(text="1e1,000", comma_groups_thousands=True)
@example(text="1,5e3", comma_groups_thousands=False)
def test_parse_number_returns_a_finite_float_or_refuses(text: str, comma_groups_thousands: bool) -> None:
    try:
        value = parse_number(text, comma_groups_thousands)
    except RefusedError as error:
        assert len(str(error)) <= 3 * QUOTE_LIMIT + 200
        return
    assert isinstance(value, float) and np.isfinite(value)


def test_a_comma_in_the_exponent_is_not_a_number() -> None:
    for comma_groups_thousands in (False, True):
        with pytest.raises(RefusedError):
            parse_number("1e1,0", comma_groups_thousands)
    assert parse_number("1,5e3", False) == 1500.0
