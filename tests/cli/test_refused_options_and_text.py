"""The probe's files of issue 9 (items 1 and 2) are refused at load by every command, in one line
naming the JSON path — never an `unexpected error`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bpstudio import assets
from bpstudio.cli import main

XOR = assets.resource("examples", "xor.json")


def _spoiled(tmp_path: Path, change: str) -> Path:
    document = json.loads(Path(XOR).read_text(encoding="utf-8"))
    if change == "surrogate":
        document["name"] = "xor\ud800"
    else:
        document["init"] = {"scheme": "uniform", "a": -1e308, "b": 1e308}
    path = tmp_path / f"{change}.json"
    path.write_text(json.dumps(document), encoding="utf-8")  # the surrogate as its \u escape
    return path


@pytest.mark.parametrize(("change", "where"), [("surrogate", ": name: "), ("overflow", ": init.a: ")])
@pytest.mark.parametrize("command", [["train", "--steps", "1"], ["check"], ["explain"]])
def test_every_command_refuses_in_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, change: str, where: str, command: list[str]
) -> None:
    path = _spoiled(tmp_path, change)
    status = main([command[0], str(path), *command[1:]])
    err = capsys.readouterr().err
    assert status == 2
    assert len(err.splitlines()) == 1 and "unexpected error" not in err and "Traceback" not in err
    assert where in err
