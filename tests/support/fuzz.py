"""Hypothesis strategies that make nasty network files and CSV files, for the fuzz tests.

Every generated network file starts from a built-in example (`resources/examples/*.json`), as is
or after training a few steps (so that it has a "state" block with counters and moments, under
each optimizer), and is then mutated: values replaced with interesting ones (huge, tiny, NaN and
Infinity literals, counters near 2**63, negative moments, lone surrogates, 100,000-character
keys, deep nesting), keys deleted or added, lists cut or grown, and finally the bytes themselves
cut, flipped or made non-UTF-8. A share of the files is plain garbage. The CSV strategy does the
same with the examples' datasets written as CSV.

Sizes are drawn so that a file that loads stays small enough to train and check in a moment: the
fuzz looks for wrong answers, not for the (separately tested) limits on big networks.

`FUZZ_EXAMPLES` scales the example counts: `make test` runs a few hundred examples in all,
`make fuzz` sets BPSTUDIO_FUZZ_EXAMPLES for many more.
"""

from __future__ import annotations

import copy
import json
import os
import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from bpstudio import assets

# Examples per fuzz test: the default is what `make test` affords; `make fuzz` raises it.
FUZZ_EXAMPLES = int(os.environ.get("BPSTUDIO_FUZZ_EXAMPLES", "0") or 0)


def examples_for(default: int) -> int:
    """`default` in `make test`; BPSTUDIO_FUZZ_EXAMPLES when it is set (`make fuzz`)."""
    return FUZZ_EXAMPLES or default


# ------------------------------------------------------------------------------------------------
# a guard against hangs
# ------------------------------------------------------------------------------------------------
class Hang(BaseException):
    """Raised by `time_limit` when the guarded code runs too long. A BaseException, so that no
    `except Exception` of the code under test (the CLI's catch-all) can swallow it."""


@contextmanager
def time_limit(seconds: float, what: str) -> Iterator[None]:
    """Fail with `Hang` when the block runs longer than `seconds` (SIGALRM; main thread, POSIX)."""

    def expired(signum: int, frame: Any) -> None:
        raise Hang(f"{what} ran longer than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# ------------------------------------------------------------------------------------------------
# seeds: the built-in examples, untouched and with a training state
# ------------------------------------------------------------------------------------------------
def example_paths() -> list[Path]:
    return sorted(assets.resource("examples").glob("*.json"))


def example_path(name: str) -> Path:
    return next(path for path in example_paths() if path.name == name)


def example_with(example: str, /, **changes: Any) -> bytes:
    """The bytes of the example file `example` with some top-level keys replaced."""
    document = json.loads(example_path(example).read_text(encoding="utf-8"))
    document.update(changes)
    return json.dumps(document, allow_nan=True).encode("utf-8")


def trained_xor(**state: Any) -> dict[str, Any]:
    """xor.json under Adam after 3 steps, as JSON data, with some entries of its state replaced."""
    from bpstudio.document.fileformat import dumps, loads

    document = json.loads(example_path("xor.json").read_text(encoding="utf-8"))
    document["optimizer"] = {"name": "adam", "learning_rate": 0.01}
    nf = loads(json.dumps(document))
    nf.stepper.train(steps=3)
    saved: dict[str, Any] = json.loads(dumps(nf))
    saved["state"].update(state)
    return saved


@cache
def _seed_texts() -> tuple[str, ...]:
    """Every example as written, and each trained 3 steps under each optimizer (with its state)."""
    from bpstudio.document.fileformat import dumps, loads

    texts = [path.read_text(encoding="utf-8") for path in example_paths()]
    for path in example_paths():
        document = json.loads(path.read_text(encoding="utf-8"))
        for optimizer in (
            {"name": "adam", "learning_rate": 0.01},
            {"name": "momentum", "learning_rate": 0.1},
        ):
            document["optimizer"] = optimizer
            nf = loads(json.dumps(document), str(path))
            nf.stepper.train(steps=3)
            texts.append(dumps(nf))
    return tuple(texts)


def seed_documents() -> st.SearchStrategy[dict[str, Any]]:
    """A deep copy of one seed's JSON data."""
    return st.sampled_from(_seed_texts()).map(lambda text: copy.deepcopy(json.loads(text)))


# ------------------------------------------------------------------------------------------------
# interesting values
# ------------------------------------------------------------------------------------------------
# A placeholder string that `serialize` turns into deeply nested brackets (json.dumps itself would
# recurse too deeply to write them).
DEEP = "\x00deep\x00"
DEEP_LEVELS = 100_000
HUGE_KEY = "k" * 100_000
LONE_SURROGATE = "\ud800"

_NUMBERS: list[Any] = [
    0,
    -1,
    1,
    2,
    -0.0,
    0.5,
    1e-320,
    1e-300,
    1e300,
    -1e300,
    1e308,
    -1e308,
    1.7976931348623157e308,
    2**53 + 1,
    2**63 - 2,
    2**63 - 1,
    2**63,
    2**64,
    -(2**63),
    10**30,
    10**31,
    10**400,
    float("nan"),
    float("inf"),
    float("-inf"),
]
_OTHERS: list[Any] = [
    True,
    False,
    None,
    "",
    "sgd",
    "adam",
    "relu",
    "1e300",
    LONE_SURROGATE,
    "name \udfff end",
    "x" * 300,
    HUGE_KEY,
    [],
    {},
    [[]],
    [[1.0]],
    [1e308, -1e308],
    [-1.0, -1e300],
    DEEP,
    {HUGE_KEY: 1},
    {LONE_SURROGATE: 1},
]


def interesting_values() -> st.SearchStrategy[Any]:
    """A value that has broken a loader somewhere: the list above, or a small random JSON value."""
    small = st.recursive(
        st.none()
        | st.booleans()
        | st.integers(-(2**65), 2**65)
        | st.floats(allow_nan=True, allow_infinity=True)
        | st.text(max_size=20),
        lambda children: (
            st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
        ),
        max_leaves=12,
    )
    # a copy: a later mutation may change the value in place, and the list must stay as it is
    return st.sampled_from(_NUMBERS) | st.sampled_from(_OTHERS).map(copy.deepcopy) | small


_TEXTS = [LONE_SURROGATE, "name \udfff end", "\udc80", "x" * 300, HUGE_KEY, "", "\x00", "\u202e", "e\u0301"]

# Values a layer "size" may become: a few bad ones and small good ones, never a network so big
# that training it in a test takes more than a moment (the limits have tests of their own).
_SIZES: list[Any] = [0, -1, 1, 2, 3, 1.5, 2.0, "2", None, True, 100_001, 2**63, 10**31, float("nan")]


# ------------------------------------------------------------------------------------------------
# mutating JSON data
# ------------------------------------------------------------------------------------------------
Slot = tuple[Any, Any]  # a container and a key (or index) in it


def _slots(value: Any, found: list[Slot]) -> list[Slot]:
    """Every (container, key) in a JSON value; long numeric rows count once (their first item)."""
    if isinstance(value, dict):
        for key, item in value.items():
            found.append((value, key))
            _slots(item, found)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found.append((value, index))
            if index == 0 or not isinstance(item, int | float):
                _slots(item, found)
            if index > 40:
                break
    return found


@st.composite
def _mutation(draw: st.DrawFn, document: dict[str, Any]) -> None:
    """Change `document` in place, once."""
    slots = _slots(document, [])
    kind = draw(
        st.sampled_from(["replace", "replace", "replace", "delete", "add", "grow", "cut", "scale", "text"])
    )
    texts = [(container, key) for container, key in slots if isinstance(container[key], str)]
    if kind == "text" and texts:  # the strings are few among the numbers: aim at them on purpose
        container, key = draw(st.sampled_from(texts))
        container[key] = draw(st.sampled_from(_TEXTS))
        return
    container, key = draw(st.sampled_from(slots))
    current = container[key]
    if key == "size" and kind != "delete":
        container[key] = draw(st.sampled_from(_SIZES))
    elif kind == "replace":
        container[key] = draw(interesting_values())
    elif kind == "delete":
        del container[key]
    elif kind == "add" and isinstance(current, dict):
        new_key = draw(st.sampled_from([HUGE_KEY, LONE_SURROGATE, "unknown", "seed", "a", "b", "state"]))
        current[new_key] = draw(interesting_values())
    elif kind == "grow" and isinstance(current, list) and current:
        current.extend(copy.deepcopy(current[: draw(st.integers(1, 3))]))
    elif kind == "cut" and isinstance(current, list):
        del current[draw(st.integers(0, len(current))) :]
    elif kind == "scale" and isinstance(current, int | float) and not isinstance(current, bool):
        factor = draw(st.sampled_from([-1, 1e300, -1e300, 1e-300, 2**62]))
        try:
            container[key] = current * factor
        except OverflowError:
            container[key] = factor
    else:
        container[key] = draw(interesting_values())


@st.composite
def mutated_documents(draw: st.DrawFn, max_mutations: int = 3) -> dict[str, Any]:
    """A seed with 0 to `max_mutations` mutations (0: a valid file, which must load)."""
    document = draw(seed_documents())
    for _ in range(draw(st.integers(0, max_mutations))):
        if not document:
            break
        draw(_mutation(document))
    return document


def serialize(value: Any) -> str:
    """JSON text as Python writes it (NaN and Infinity literals included), with `DEEP` placeholders
    turned into 100,000 levels of nested lists."""
    text = json.dumps(value, allow_nan=True)
    placeholder = json.dumps(DEEP)
    return text.replace(placeholder, "[" * DEEP_LEVELS + "]" * DEEP_LEVELS)


# ------------------------------------------------------------------------------------------------
# mutating bytes
# ------------------------------------------------------------------------------------------------
_BAD_BYTES = [
    b"\xff",
    b"\xc0\x80",
    b"\xed\xa0\x80",
    b"\x80",
    b"\x00",
    b"\xef\xbb\xbf",
    b'"',
    b"\\",
    b"{",
    b"]",
]


@st.composite
def mutated_bytes(draw: st.DrawFn, data: bytes) -> bytes:
    """`data` cut short, with bytes flipped, deleted, duplicated or inserted (often non-UTF-8)."""
    kind = draw(st.sampled_from(["cut", "flip", "delete", "insert", "duplicate", "bom", "utf16"]))
    if not data:
        return draw(st.binary(max_size=64))
    at = draw(st.integers(0, len(data) - 1))
    if kind == "cut":
        return data[:at]
    if kind == "flip":
        return data[:at] + bytes([data[at] ^ draw(st.integers(1, 255))]) + data[at + 1 :]
    if kind == "delete":
        return data[:at] + data[at + draw(st.integers(1, 16)) :]
    if kind == "insert":
        inserted = draw(st.sampled_from(_BAD_BYTES) | st.binary(min_size=1, max_size=8))
        return data[:at] + inserted + data[at:]
    if kind == "duplicate":
        return data[:at] + data[at : at + draw(st.integers(1, 64))] + data[at:]
    if kind == "bom":
        return b"\xef\xbb\xbf" + data
    return data.decode("utf-8", "surrogatepass").encode("utf-16", "surrogatepass")


@st.composite
def network_file_bytes(draw: st.DrawFn) -> bytes:
    """The bytes of a network file: mostly mutated documents, some mutated bytes, some garbage."""
    kind = draw(st.sampled_from(["document", "document", "document", "bytes", "garbage"]))
    if kind == "garbage":
        return draw(
            st.binary(max_size=200) | st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass"))
        )
    text = serialize(draw(mutated_documents()))
    data = text.encode("utf-8")
    return draw(mutated_bytes(data)) if kind == "bytes" else data


# ------------------------------------------------------------------------------------------------
# CSV
# ------------------------------------------------------------------------------------------------
@cache
def _csv_seeds() -> tuple[tuple[str, int, int], ...]:
    """Each example's dataset as CSV text in the three separators, with its widths."""
    seeds = []
    for path in example_paths():
        dataset = json.loads(path.read_text(encoding="utf-8"))["dataset"]
        n_in, n_out = len(dataset["inputs"][0]), len(dataset["targets"][0])
        rows = [[*x, *y] for x, y in zip(dataset["inputs"], dataset["targets"], strict=True)][:30]
        header = [f"c{i}" for i in range(n_in + n_out)]
        for separator in (",", ";", "\t"):

            def cell(v: float, sep: str = separator) -> str:
                return repr(v).replace(".", ",") if sep == ";" else repr(v)

            lines = [separator.join(header)] + [separator.join(cell(v) for v in row) for row in rows]
            seeds.append(("\n".join(lines) + "\n", n_in, n_out))
    return tuple(seeds)


_CSV_PIECES = [
    "x" * 131_073,
    '"' + "y" * 131_073 + '"',
    '"',
    '""',
    '"1,000"',
    "1,5",
    "1e309",
    "-1e309",
    "nan",
    "inf",
    "-0",
    "1e-320",
    "\x00",
    LONE_SURROGATE,
    "\r",
    "\n",
    ";",
    ",",
    "\t",
    "1" * 5000,
    "٣",
    "1\u00a0000",
    "−1",
]


@st.composite
def csv_inputs(draw: st.DrawFn) -> tuple[bytes, int, int]:
    """The bytes of a mutated CSV file and the widths (inputs, targets) the importer is asked for."""
    text, n_in, n_out = draw(st.sampled_from(_csv_seeds()))
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(text)))
        piece = draw(st.sampled_from(_CSV_PIECES) | st.text(max_size=10))
        end = at + draw(st.integers(0, 8))
        text = text[:at] + piece + text[end:]
    data = text.encode("utf-8", "surrogatepass")
    if draw(st.integers(0, 4)) == 0:
        data = draw(mutated_bytes(data))
    if draw(st.integers(0, 4)) == 0:
        n_in, n_out = draw(st.integers(1, 4)), draw(st.integers(1, 3))
    return data, n_in, n_out


# ------------------------------------------------------------------------------------------------
# checks shared by the tests
# ------------------------------------------------------------------------------------------------
# Every refusal quotes at most ~80 characters of any value, so a message stays short after the
# file's name (the issue found a 100,212-character line and a 301-digit number).
MAX_MESSAGE = 300
MAX_WORD = 100


def check_message(message: str, prefix: str) -> None:
    """One line starting with `prefix`, at most MAX_MESSAGE characters after it, and no run of
    more than MAX_WORD characters without a space (a value quoted whole)."""
    assert message.startswith(prefix), message[:200]
    assert "\n" not in message.strip(), message[:200]
    rest = message[len(prefix) :]
    length = len(rest)
    longest = max((len(word) for word in rest.split()), default=0)
    assert length <= MAX_MESSAGE, f"a message of {length} characters: {rest[:200]}"
    assert longest <= MAX_WORD, f"a word of {longest} characters in: {rest[:200]}"


def folder_listing(folder: Path) -> list[str]:
    return sorted(entry.name for entry in folder.iterdir())


def run_with_limit(seconds: float, what: str, call: Callable[[], Any]) -> Any:
    with time_limit(seconds, what):
        return call()
