"""`check` on every built-in example, on kinks and on large networks; `train` naming divergence
hidden in the optimizer's state, and refusing to pass the limits a file can record."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

import pytest

from bpstudio import assets, cli
from bpstudio.cli import main
from bpstudio.document.fileformat import load_file
from bpstudio.engine import limits

EXAMPLES = sorted(path.name for path in Path(str(assets.resource("examples"))).glob("*.json"))


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def write(tmp_path: Path, document: dict[str, Any]) -> str:
    path = tmp_path / "net.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return str(path)


def network(**changes: Any) -> dict[str, Any]:
    document: dict[str, Any] = {
        "format": "bpstudio-network",
        "version": 1,
        "name": "test",
        "layers": [{"size": 1}, {"size": 1, "activation": "linear", "weights": [[1e-10]], "biases": [0.0]}],
        "loss": "half_sse",
        "optimizer": {"name": "adam", "learning_rate": 0.01},
        "training": {"batch_size": 1, "shuffle": False, "seed": 0},
        "dataset": {"inputs": [[1e155]], "targets": [[0.0]]},
    }
    document.update(changes)
    return document


@pytest.mark.parametrize("name", EXAMPLES)
def test_no_built_in_example_fails_its_own_check(capsys: pytest.CaptureFixture[str], name: str) -> None:
    status, out, err = run(capsys, "check", str(assets.resource("examples", name)))
    assert status == 0, out + err
    assert "passed" in out and err == ""


def test_deep_relu_says_which_samples_sit_on_a_kink(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "check", str(assets.resource("examples", "deep_relu_he.json")))
    assert status == 0
    assert "non-differentiable point" in out and "not compared" in out
    assert "gradient check over 537 parameters" in out  # small enough to be checked whole


def test_a_large_network_is_checked_on_a_sample_with_a_progress_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    document = network(
        layers=[{"size": 2}, {"size": 3000, "activation": "tanh"}, {"size": 1, "activation": "linear"}],
        init={"scheme": "xavier_uniform", "seed": 1},
        optimizer={"name": "sgd", "learning_rate": 0.01},
        dataset={"inputs": [[0.0, 1.0], [1.0, 0.5], [0.2, 0.1]], "targets": [[0.0], [1.0], [0.5]]},
    )
    monkeypatch.setattr(limits, "CHECK_WORK", 16 * 12_001 * 3 * 30)  # room for 30 parameters
    monkeypatch.setattr(cli, "PROGRESS_EVERY_S", 0.0)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    status, out, err = run(capsys, "check", write(tmp_path, document))
    assert status == 0, err
    found = re.search(r"over (\d+) of the 12001 parameters \(evenly spread\)", out)
    assert found is not None, out
    count = int(found.group(1))
    assert 24 <= count <= 30 + 4  # at least CHECK_MIN_PARAMETERS; the shares round per kind
    assert "\r" in err and err.rstrip().endswith(f"{count} of {count} parameters compared")


def test_no_progress_line_when_stderr_is_not_a_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "check", str(assets.resource("examples", "xor.json")))
    assert status == 0 and err == ""


def test_train_names_an_infinite_adam_v(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out_path = tmp_path / "out.json"
    status, _, err = run(
        capsys, "train", write(tmp_path, network()), "--steps", "3", "--output", str(out_path)
    )
    assert status == cli.EXIT_DIVERGED
    line = err.strip()
    assert "\n" not in line and "unexpected" not in line
    assert "step 1, update phase, layer 1: Adam's second moment v became inf" in line
    assert load_file(out_path).stepper.steps_done == 0  # the last finite state was saved


def test_train_refuses_a_step_past_the_counter_limit(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    document = network(dataset={"inputs": [[1.0]], "targets": [[0.0]]})
    document["state"] = {"step": limits.MAX_COUNT, "epoch": 0, "batch_in_epoch": 0}
    out_path = tmp_path / "out.json"
    out_path.write_text("kept")
    status, _, err = run(
        capsys, "train", write(tmp_path, document), "--steps", "1", "--output", str(out_path)
    )
    assert status == cli.EXIT_ERROR
    assert out_path.read_text() == "kept"  # not one step trained: OUT untouched, as for every error
    line = err.strip()
    assert "\n" not in line and "unexpected" not in line and "9,223,372,036,854,775,807" in line


def test_explain_refuses_a_step_past_the_counter_limit(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    document = network(dataset={"inputs": [[1.0]], "targets": [[0.0]]})
    document["state"] = {"step": 0, "epoch": limits.MAX_COUNT, "batch_in_epoch": 0}
    status, out, err = run(capsys, "explain", write(tmp_path, document))
    assert status == cli.EXIT_ERROR and out == ""
    line = err.strip()
    assert "\n" not in line and "unexpected" not in line and "9,223,372,036,854,775,807" in line


def test_train_stopped_by_the_history_limit_saves_the_steps_it_trained(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "MAX_NUMBERS", 20)  # θ (2) + dataset (2) + 2 a step: room for 8 steps
    document = network(
        optimizer={"name": "sgd", "learning_rate": 0.01}, dataset={"inputs": [[1.0]], "targets": [[0.0]]}
    )
    out_path = tmp_path / "out.json"
    status, _, err = run(
        capsys, "train", write(tmp_path, document), "--steps", "50", "--output", str(out_path)
    )
    assert status == cli.EXIT_LIMIT  # not 2: an error (exit 2) never writes OUT
    line = err.strip()
    assert "\n" not in line and "after 8 steps" in line and "holds the 8 steps trained" in line
    assert load_file(out_path).stepper.steps_done == 8
