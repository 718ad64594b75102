"""Issue 9, items 1, 2, 6 and 7: text that is not Unicode, numeric options out of range, long
lists of numbers checked at NumPy speed with exact JSON paths, and messages that quote at most
about 80 characters of a value and point at the real place."""

from __future__ import annotations

import copy
import json
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import bpstudio.document.fileformat as fmt
import bpstudio.document.fileformat.validate as validate_module
from bpstudio.document import LoadError, dumps, loads, to_json_dict
from bpstudio.document.fileformat.common import QUOTE_LIMIT, quote
from bpstudio.document.fileformat.parse import ParseError, _parse, parse_document
from bpstudio.document.fileformat.ranges import OPTIONS, option_range

# The longest message a refusal may have: the file's name aside, a sentence and a JSON path with
# a few quoted values, each at most QUOTE_LIMIT characters and a note of its length.
MAX_MESSAGE = 400


def _document() -> dict[str, Any]:
    """A valid file with text in two languages, names, init, Adam moments and a canvas."""
    text = json.dumps(
        {
            "format": "bpstudio-network",
            "version": 1,
            "name": "hardening",
            "name_vi": "Mạng thử",
            "description": "A network to damage.",
            "description_vi": "Một mạng để làm hỏng.",
            "layers": [
                {"size": 2},
                {"size": 3, "activation": "leaky_relu", "leaky_slope": 0.05},
                {"size": 1, "activation": "sigmoid"},
            ],
            "loss": "half_sse",
            "optimizer": {"name": "adam", "learning_rate": 0.01, "clip_norm": 5.0, "weight_decay": 0.001},
            "training": {"batch_size": 2, "shuffle": True, "seed": 3},
            "dataset": {
                "inputs": [[0.0, 1.0], [1.0, 0.0], [0.5, 0.5], [1.0, 1.0]],
                "targets": [[1.0], [0.0], [1.0], [0.0]],
                "input_names": ["x", "độ dài"],
                "output_names": ["y"],
            },
            "init": {"scheme": "uniform", "seed": 4, "a": -0.5, "b": 0.5, "std": 1.0, "bias": 0.0},
        }
    )
    nf = loads(text)
    nf.stepper.train(steps=2)
    nf.positions = [[(0.0, float(i)) for i in range(size)] for size in nf.stepper.network.sizes]
    return to_json_dict(nf)


BASE = _document()


def refusal(document: Any) -> LoadError:
    with pytest.raises(LoadError) as info:
        loads(json.dumps(document))
    error = info.value
    assert "\n" not in str(error)
    assert len(str(error)) <= MAX_MESSAGE, str(error)
    str(error).encode("utf-8")  # printable: no lone surrogate reaches a terminal or a dialog
    return error


# -- 1. text that is not Unicode -----------------------------------------------------------------
def _text_places(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[tuple[Any, ...], bool]]:
    """Every text of the document: (path, True) for a key, (path, False) for a text value."""
    places: list[tuple[tuple[Any, ...], bool]] = []
    if isinstance(value, str):
        places.append((path, False))
    elif isinstance(value, dict):
        for key, item in value.items():
            places.append(((*path, key), True))
            places.extend(_text_places(item, (*path, key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            places.extend(_text_places(item, (*path, index)))
    return places


TEXT_PLACES = _text_places(BASE)


def _spoil_text(document: dict[str, Any], path: tuple[Any, ...], is_key: bool, bad: str) -> tuple[Any, ...]:
    """Put the text `bad` into the key or the text at `path`; return the path of what was spoiled."""
    parent: Any = document
    for part in path[:-1]:
        parent = parent[part]
    last = path[-1]
    if is_key:
        items = list(parent.items())
        parent.clear()
        for key, value in items:
            parent[bad + key if key == last else key] = value
        return (*path[:-1], bad + last)
    parent[last] = parent[last] + bad
    return path


def test_there_are_texts_everywhere_to_spoil() -> None:
    kinds = {is_key for _, is_key in TEXT_PLACES}
    assert kinds == {True, False} and len(TEXT_PLACES) > 40


@settings(max_examples=150, deadline=None)
@given(
    place=st.sampled_from(TEXT_PLACES),
    code=st.integers(min_value=0xD800, max_value=0xDFFF),
)
def test_a_lone_surrogate_anywhere_is_refused_with_its_path(
    place: tuple[tuple[Any, ...], bool], code: int
) -> None:
    path, is_key = place
    document = copy.deepcopy(BASE)
    spoiled = _spoil_text(document, path, is_key, chr(code))
    error = refusal(document)  # json.dumps writes the surrogate as its \u escape
    assert error.json_path == fmt.json_path(spoiled)
    assert "not Unicode text" in error.problem
    assert f"\\u{code:04x}" in error.problem  # shown as its escape, never as the raw code point
    assert ("the key" if is_key else "the text") in error.problem


def test_a_raw_surrogate_in_a_text_given_as_str_is_refused() -> None:
    document = copy.deepcopy(BASE)
    text = json.dumps(document, ensure_ascii=False).replace('"hardening"', '"hard\udc80ening"')
    with pytest.raises(LoadError) as info:
        loads(text)
    assert info.value.json_path == "name"


def test_a_surrogate_pair_is_a_character_and_loads() -> None:
    document = copy.deepcopy(BASE)
    document["name"] = "emoji \U0001f600"  # json.dumps writes "\ud83d\ude00"
    assert "\\ud83d\\ude00" in json.dumps(document)
    nf = loads(json.dumps(document))
    assert nf.name == "emoji \U0001f600"
    dumps(nf).encode("utf-8")


def test_a_surrogate_escape_inside_a_long_file_is_found_after_the_numbers() -> None:
    document = copy.deepcopy(BASE)
    rows = 50_000
    document["dataset"]["inputs"] = [[0.25, 0.5]] * rows
    document["dataset"]["targets"] = [[1.0]] * rows
    document.pop("state")
    document["dataset"]["output_names"] = ["\udfff"]
    assert refusal(document).json_path == "dataset.output_names[0]"


# -- 2. numeric options have sane ranges, checked at load -----------------------------------------
def _place(option: str) -> tuple[Any, ...]:
    block, key = option.split(".")
    return ("layers", 1, key) if block == "layer" else (block, key)


def _with(option: str, value: Any) -> dict[str, Any]:
    document = copy.deepcopy(BASE)
    parent: Any = document
    *head, last = _place(option)
    for part in head:
        parent = parent[part]
    parent[last] = value
    return document


RANGED = [option for option in OPTIONS if option != "layer.size"]  # a size changes the shapes


def test_every_option_has_a_finite_range() -> None:
    for option in OPTIONS:
        allowed = option_range(option)
        assert allowed.low is not None and allowed.high is not None, option
        assert abs(allowed.low) < 1e12 and abs(allowed.high) < 1e12, option


@pytest.mark.parametrize("option", RANGED)
@pytest.mark.parametrize("value", [1e308, -1e308, 1e300, 2**63])
def test_absurd_values_are_refused_at_the_option(option: str, value: float) -> None:
    error = refusal(_with(option, value))
    assert error.json_path == fmt.json_path(_place(option))


@pytest.mark.parametrize("option", RANGED)
def test_each_bound_is_where_the_range_says(option: str) -> None:
    allowed = option_range(option)
    assert allowed.low is not None and allowed.high is not None
    for bound, is_open in ((allowed.low, allowed.low_open), (allowed.high, allowed.high_open)):
        document = _with(option, bound)
        if is_open:
            assert refusal(document).json_path == fmt.json_path(_place(option))
        else:  # the schema takes it (the engine may still refuse a >= b, or a batch over the data)
            validate_module.validate_schema(document)


def test_the_issue_example_uniform_over_all_floats_is_refused() -> None:
    document = copy.deepcopy(BASE)
    document["init"].update(scheme="uniform", a=-1e308, b=1e308)
    error = refusal(document)
    assert error.json_path == "init.a"
    assert "must be at least -100" in error.problem


OPTION_VALUES = st.one_of(
    st.floats(allow_nan=False, allow_infinity=False),
    st.floats(min_value=-2, max_value=2),
    st.integers(min_value=-(2**70), max_value=2**70),
)


@settings(max_examples=200, deadline=None)
@given(option=st.sampled_from(RANGED), value=OPTION_VALUES)
def test_an_option_loads_exactly_when_its_range_allows_it(option: str, value: float) -> None:
    whole = option in ("training.batch_size", "training.seed", "init.seed")
    document = _with(option, value)
    allowed = option_range(option).allows(value) and (not whole or float(value).is_integer())
    if option == "init.a":
        allowed = allowed and value < document["init"]["b"]
    if option == "init.b":
        allowed = allowed and value > document["init"]["a"]
    if option == "training.batch_size":
        allowed = allowed and value <= len(document["dataset"]["inputs"])
    if allowed:
        loads(json.dumps(document))
    else:
        assert refusal(document).json_path in (fmt.json_path(_place(option)), "init", "training.batch_size")


# -- 6. long lists of numbers: NumPy speed, jsonschema's verdict, exact paths ---------------------
def _big(rows: int = 100_000) -> dict[str, Any]:
    document = copy.deepcopy(BASE)
    document.pop("state")
    document["dataset"]["inputs"] = [[0.25, 0.5]] * rows
    document["dataset"]["targets"] = [[1.0]] * rows
    return document


@pytest.mark.parametrize(
    ("bad", "words"),
    [
        ("x", 'expected a number, got the text "x"'),
        (True, "expected a number, got true"),
        (None, "expected a number, got null"),
        ([1.0], "expected a number, got a list of 1 item"),
    ],
)
def test_a_bad_number_at_the_end_of_a_long_dataset_is_named_exactly(bad: Any, words: str) -> None:
    document = _big()
    document["dataset"]["inputs"][-1] = [0.25, bad]
    error = refusal(document)
    assert error.json_path == "dataset.inputs[99999][1]"
    assert words in error.problem


def test_a_row_that_is_not_a_list_is_named() -> None:
    document = _big()
    document["dataset"]["inputs"][70_000] = 3.0
    assert refusal(document).json_path == "dataset.inputs[70000]"


def test_a_short_row_at_the_end_is_named() -> None:
    document = _big()
    document["dataset"]["inputs"][-1] = [0.25]
    error = refusal(document)
    assert error.json_path == "dataset.inputs[99999]"
    assert "expected 2 numbers" in error.problem


def test_an_overflowing_number_late_in_a_long_file_gets_its_line() -> None:
    document = _big()
    text = json.dumps(document, indent=1)
    at = text.rindex("0.25")
    line = text.count("\n", 0, at) + 1
    with pytest.raises(LoadError) as info:
        loads(text[:at] + "1e999" + text[at + 4 :])
    assert f"the number 1e999 at line {line}," in info.value.problem


def test_a_long_integer_in_a_list_is_read_as_a_float() -> None:
    document = copy.deepcopy(BASE)
    text = json.dumps(document).replace(
        '"inputs": [[0.0, 1.0]', '"inputs": [[0.0, ' + "1" + "0" * 35 + "]", 1
    )
    nf = loads(text)
    assert nf.stepper.dataset.inputs[0, 1] == 1e35


def test_number_like_text_is_not_a_number() -> None:
    document = copy.deepcopy(BASE)
    document["description"] = "1e999 and 123456789012345678901234567890123 stay text"
    assert loads(json.dumps(document)).description == document["description"]


ITEMS = st.one_of(
    st.floats(allow_nan=False, allow_infinity=False),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.booleans(),
    st.none(),
    st.text(max_size=3),
)
ROWS = st.lists(st.one_of(st.lists(ITEMS, max_size=4), ITEMS), max_size=8)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    inputs=ROWS,
    variance=st.lists(st.one_of(ITEMS, st.floats(min_value=-1, max_value=1)), max_size=6),
    positions=st.lists(st.lists(st.lists(ITEMS, max_size=3), max_size=3), max_size=3),
)
def test_the_fast_lists_give_jsonschemas_own_errors(inputs: Any, variance: Any, positions: Any) -> None:
    """Rows, numbers with a bound and points [x, y]: the same errors, message for message and path
    for path, as jsonschema's own validator."""
    document = copy.deepcopy(BASE)
    document["dataset"]["inputs"] = inputs
    document["layers"][1].update(batch_norm=True, running_var=variance)
    document["canvas"]["positions"] = positions
    schema = fmt.schema()

    def errors(validator: Any) -> list[tuple[str, str]]:
        return sorted((e.json_path, e.message) for e in validator.iter_errors(document))

    assert errors(validate_module._Validator(schema)) == errors(jsonschema.Draft202012Validator(schema))


# -- 7. messages quote at most about 80 characters and point at the real place ---------------------
def test_an_unclosed_quote_is_reported_where_it_opens() -> None:
    text = json.dumps(BASE, indent=2).replace('"name": "hardening"', '"name": "hardening', 1)
    line = text[: text.index('"hardening')].count("\n") + 1
    with pytest.raises(LoadError) as info:
        loads(text)
    assert f"the text opened at line {line}, column 11 has no closing quote" in info.value.problem
    assert "ends too early" not in info.value.problem


def test_a_missing_comma_is_reported_on_its_line() -> None:
    text = json.dumps(BASE, indent=2).replace('"name": "hardening",', '"name": "hardening"', 1)
    line = text[: text.index('"hardening')].count("\n") + 2
    with pytest.raises(LoadError) as info:
        loads(text)
    assert f"at line {line}, column 3" in info.value.problem


@pytest.mark.parametrize("literal", ["1e300", "1" + "0" * 300])
def test_a_huge_batch_size_is_not_written_out_in_full(literal: str) -> None:
    text = json.dumps(BASE).replace('"batch_size": 2', f'"batch_size": {literal}', 1)
    with pytest.raises(LoadError) as info:
        loads(text)
    assert info.value.json_path == "training.batch_size"
    assert "must be at most 10000000, got 1e+300" in info.value.problem


def test_a_huge_unknown_key_is_quoted_short() -> None:
    document = copy.deepcopy(BASE)
    document["optimizer"]["k" * 100_000] = 1
    error = refusal(document)
    assert "(100,002 characters)" in error.problem  # the quoted key and its length


def test_many_unknown_keys_are_counted_not_listed() -> None:
    document = copy.deepcopy(BASE)
    document["training"].update({f"key{i}": i for i in range(50)})
    assert "and 47 more" in refusal(document).problem


def test_a_huge_text_value_is_quoted_short() -> None:
    document = copy.deepcopy(BASE)
    document["loss"] = "é" * 50_000
    assert "unknown loss" in refusal(document).problem


@settings(max_examples=300)
@given(
    value=st.one_of(
        st.text(),
        st.text(min_size=200, max_size=2000),
        st.integers(),
        st.integers(min_value=10**100, max_value=10**400),
        st.floats(),
        st.lists(st.integers(), max_size=500),
        st.dictionaries(st.text(max_size=300), st.integers(), max_size=5),
    )
)
def test_quote_is_short_and_printable(value: Any) -> None:
    quoted = quote(value)
    assert len(quoted) <= QUOTE_LIMIT + len(" (1,000,000 characters)")
    quoted.encode("utf-8")
    if isinstance(value, str) and len(json.dumps(value, ensure_ascii=False)) <= QUOTE_LIMIT:
        assert json.loads(quoted) == value or any("\ud800" <= c <= "\udfff" for c in value)


HUGE = st.one_of(
    st.text(min_size=1000, max_size=5000),
    st.integers(min_value=10**29, max_value=10**29 + 10),
    st.floats(min_value=1e200, max_value=1e308),
    st.floats(max_value=-1e200, min_value=-1e308),
)


@settings(max_examples=150, deadline=None)
@given(place=st.sampled_from(TEXT_PLACES), value=HUGE, as_key=st.booleans())
def test_huge_values_anywhere_give_short_messages(
    place: tuple[tuple[Any, ...], bool], value: Any, as_key: bool
) -> None:
    path, _ = place
    document = copy.deepcopy(BASE)
    parent: Any = document
    for part in path[:-1]:
        parent = parent[part]
    if as_key and isinstance(parent, dict):
        parent[str(value)] = 1
    elif isinstance(parent, dict) or isinstance(path[-1], int):
        parent[path[-1]] = value
    try:
        loads(json.dumps(document))
    except LoadError as error:
        assert len(str(error)) <= MAX_MESSAGE, str(error)


@pytest.mark.parametrize("inner", ['"\\ud800"', "1e999", "true"])
def test_absurd_nesting_gives_a_short_message(inner: str) -> None:
    with pytest.raises(LoadError) as info:
        loads('{"format": "bpstudio-network", "version": 1, "name": ' + "[" * 900 + inner + "]" * 900 + "}")
    assert len(str(info.value)) <= MAX_MESSAGE


PRETTY = json.dumps(BASE, indent=2, ensure_ascii=False).splitlines()
# Lines ending in a text value ("name": "hardening", or an item of input_names): drop its closing quote.
QUOTED_LINES = [index for index, line in enumerate(PRETTY) if line.rstrip(",").endswith('"')]


def test_there_are_quoted_lines_to_break() -> None:
    assert len(QUOTED_LINES) >= 10


@pytest.mark.parametrize("index", QUOTED_LINES)
def test_every_unclosed_quote_is_reported_on_its_own_line(index: int) -> None:
    lines = list(PRETTY)
    line = lines[index]
    comma = line.endswith(",")
    body = line.rstrip(",")
    opening = body[:-1].rindex('"')  # the quote that opens the last text on the line
    lines[index] = body[:-1] + ("," if comma else "")
    with pytest.raises(LoadError) as info:
        loads("\n".join(lines))
    problem = info.value.problem
    assert f"the text opened at line {index + 1}, column {opening + 1} has no closing quote" in problem


JSON_VALUES = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.floats(allow_nan=False),
        st.integers(min_value=-(10**40), max_value=10**40),
        st.text(max_size=5),
    ),
    lambda inner: st.one_of(
        st.lists(inner, max_size=5), st.dictionaries(st.text(max_size=3), inner, max_size=4)
    ),
    max_leaves=30,
)


@settings(max_examples=300, deadline=None)
@given(value=JSON_VALUES)
def test_the_fast_parse_gives_what_the_careful_parse_gives(value: Any) -> None:
    """json.loads alone, then NumPy's look at the numbers, reads every text as the careful parse
    (a hook per number) does: the same data, or the same refusal."""
    text = json.dumps(value)  # infinities are written as Infinity: refused by both
    try:
        careful = _parse(text)
    except ParseError as error:
        with pytest.raises(ParseError) as info:
            parse_document(text)
        assert info.value.problem == error.problem
        return
    fast = parse_document(text)
    assert json.dumps(fast) == json.dumps(careful)
    assert repr(fast) == repr(careful)  # 10**35 is a float in both


def test_unknown_moment_names_are_quoted_short() -> None:
    document = copy.deepcopy(BASE)
    document["state"]["moments"] = {"m" * 10_000: [], **{f"x{i}": [] for i in range(20)}}
    error = refusal(document)
    assert error.json_path == "state.moments"
    assert "and 16 more" in error.problem
