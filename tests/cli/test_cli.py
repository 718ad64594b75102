"""The `bpstudio` command: explain, train, check and the window launcher.

Most tests call `main(argv)` in-process (fast); a few run a real subprocess where only a process
can tell: that no Qt module is imported, `python -m bpstudio`, and a closed pipe on stdout.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import types
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from bpstudio import assets
from bpstudio.cli import main
from bpstudio.document.fileformat import load_file
from bpstudio.engine import NonFiniteError, Stepper

XOR = str(assets.resource("examples", "xor.json"))
ARTICLE = str(assets.resource("examples", "article.json"))


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def one_error_line(err: str) -> str:
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


def network_json(**changes: Any) -> dict[str, Any]:
    document: dict[str, Any] = {
        "format": "bpstudio-network",
        "version": 1,
        "name": "test",
        "layers": [
            {"size": 1},
            {"size": 1, "activation": "linear", "weights": [[1.0]], "biases": [0.0]},
        ],
        "loss": "half_sse",
        "optimizer": {"name": "sgd", "learning_rate": 1000.0},
        "training": {"batch_size": 1, "shuffle": False, "seed": 0},
        "dataset": {"inputs": [[10.0]], "targets": [[0.0]]},
    }
    document.update(changes)
    return document


@pytest.fixture
def diverging(tmp_path: Path) -> Path:
    """A linear neuron with a huge learning rate: every step multiplies the weight by about −10⁶."""
    path = tmp_path / "diverging.json"
    path.write_text(json.dumps(network_json()), encoding="utf-8")
    return path


# -- explain ------------------------------------------------------------------------------------------
def test_explain_defaults_to_the_article_in_markdown(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "explain")
    assert status == 0 and err == ""
    assert out.startswith("# ") and "0.725409" in out and "$$" in out
    assert "The article's network" in out  # the file's name and description head the network


def test_explain_a_file_for_several_steps_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "explain", XOR, "--steps", "3", "--format", "json", "--lang", "vi")
    assert status == 0
    document = json.loads(out)
    assert [step["step"] for step in document["steps"]] == [1, 2, 3]
    expected = load_file(XOR).stepper
    expected.train(steps=3)
    after = document["steps"][-1]["params_after"]
    flat = np.concatenate([np.ravel(layer[k]) for layer in after for k in ("W", "b")])
    assert np.array_equal(flat, expected.network.theta)


def test_explain_html(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "explain", "--format", "html", "--lang", "vi")
    assert status == 0 and out.startswith("<!DOCTYPE html>") and 'lang="vi"' in out


def test_explain_on_a_console_that_cannot_show_vietnamese(monkeypatch: pytest.MonkeyPatch) -> None:
    raw = io.BytesIO()
    console = io.TextIOWrapper(raw, encoding="ascii")
    monkeypatch.setattr(sys, "stdout", console)
    assert main(["explain", "--lang", "vi", "--format", "text"]) == 0
    console.flush()
    text = raw.getvalue().decode("utf-8")
    assert "Lan truyền ngược" in text and "0.725409" in text


@pytest.mark.parametrize(
    "argv",
    [
        ["explain", "--steps", "0"],
        ["explain", "--steps", "two"],
        ["explain", "--format", "pdf"],
        ["explain", "--lang", "fr"],
        ["explain", "missing.json"],
        ["explain", "a.json", "b.json"],
    ],
)
def test_explain_errors_are_one_line_and_status_2(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    status, out, err = run(capsys, *argv)
    assert status == 2 and out == ""
    assert one_error_line(err).startswith("bpstudio explain: ")


def test_explain_of_a_diverging_network_exits_3(capsys: pytest.CaptureFixture[str], diverging: Path) -> None:
    status, out, err = run(capsys, "explain", str(diverging), "--steps", "200")
    assert status == 3 and out == ""
    assert "diverged" in one_error_line(err)


# -- train --------------------------------------------------------------------------------------------
def test_train_steps_writes_the_trained_network(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out_path = tmp_path / "trained.json"
    status, out, err = run(capsys, "train", XOR, "--steps", "250", "--output", str(out_path))
    assert status == 0 and err == ""
    for word in ("final cost", "wall time", "steps per second", "250 steps"):
        assert word in out
    trained = load_file(out_path).stepper
    expected = load_file(XOR).stepper
    summary = expected.train(steps=250)
    assert trained.steps_done == 250
    assert np.array_equal(trained.network.theta, expected.network.theta)
    assert trained.cost_history[-1] == summary.final_cost
    # training goes on from the saved state exactly as if it had never stopped
    trained.train(steps=10)
    expected.train(steps=10)
    assert np.array_equal(trained.network.theta, expected.network.theta)


def test_train_epochs_with_a_json_report(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "train", ARTICLE, "--epochs", "5", "--report", "json")
    assert status == 0
    report = json.loads(out)
    assert report["steps"] == 5 and report["epochs"] == 5  # one sample: one step per epoch
    assert report["output"] is None
    assert report["wall_time_s"] >= 0
    assert report["steps_per_second"] is None or report["steps_per_second"] > 0
    stepper = load_file(ARTICLE).stepper
    stepper.train(epochs=5)
    assert report["final_cost"] == stepper.cost_history[-1]


@pytest.mark.parametrize(
    "argv",
    [
        ["train"],
        ["train", XOR],
        ["train", XOR, "--steps", "3", "--epochs", "2"],
        ["train", XOR, "--steps", "-3"],
        ["train", XOR, "--steps", "3", "--report", "xml"],
        ["train", "missing.json", "--steps", "3"],
        ["train", XOR, "--steps", "3", "--output", "/nonexistent-folder/out.json"],
        ["train", XOR, "--steps", "3", "--unknown"],
    ],
)
def test_train_errors_are_one_line_and_status_2(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    status, out, err = run(capsys, *argv)
    assert status == 2 and out == ""
    assert one_error_line(err).startswith("bpstudio train: ")


def test_a_bad_file_names_file_path_and_problem(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    document = network_json()
    document["layers"][1]["weights"] = [[1.0, 2.0]]
    bad.write_text(json.dumps(document), encoding="utf-8")
    status, _, err = run(capsys, "train", str(bad), "--steps", "1")
    line = one_error_line(err)
    assert status == 2 and str(bad) in line and "layers[1].weights" in line


def test_an_existing_output_survives_every_failure(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out_path = tmp_path / "out.json"
    out_path.write_text("precious", encoding="utf-8")

    def unchanged() -> None:
        assert out_path.read_text(encoding="utf-8") == "precious"
        assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]  # no temporary left behind

    # a file that does not load
    assert (
        run(capsys, "train", str(tmp_path / "missing.json"), "--steps", "1", "--output", str(out_path))[0]
        == 2
    )
    unchanged()
    # an argument error
    assert run(capsys, "train", XOR, "--steps", "0", "--output", str(out_path))[0] == 2
    unchanged()
    # the disk fails in the middle of saving
    import bpstudio.document.fileformat.save as file_format

    def failing_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(file_format.os, "fsync", failing_fsync)
        status, _, err = run(capsys, "train", XOR, "--steps", "5", "--output", str(out_path))
    assert status == 2 and "No space left on device" in one_error_line(err)
    unchanged()

    # Ctrl+C during training
    def interrupted(self: Stepper, steps: int | None = None, epochs: int | None = None) -> None:
        raise KeyboardInterrupt

    with monkeypatch.context() as patch:
        patch.setattr(Stepper, "train", interrupted)
        status, _, err = run(capsys, "train", XOR, "--steps", "5", "--output", str(out_path))
    assert status == 130 and "interrupted" in one_error_line(err)
    unchanged()


def test_diverging_training_exits_3_and_keeps_the_last_finite_parameters(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, diverging: Path
) -> None:
    out_path = tmp_path / "out.json"
    out_path.write_text("old", encoding="utf-8")
    status, out, err = run(capsys, "train", str(diverging), "--steps", "1000", "--output", str(out_path))
    assert status == 3 and out == ""
    line = one_error_line(err)
    assert "diverged" in line and "step " in line and " phase" in line and "layer 1" in line
    assert str(out_path) in line
    saved = load_file(out_path).stepper  # loading refuses non-finite parameters
    assert np.isfinite(saved.network.theta).all()
    reference = load_file(diverging).stepper
    with pytest.raises(NonFiniteError) as caught:
        reference.train(steps=1000)
    assert f"step {caught.value.step + 1}" in line
    assert np.array_equal(saved.network.theta, reference.network.theta)
    assert saved.steps_done == reference.steps_done


def test_diverging_without_output(capsys: pytest.CaptureFixture[str], diverging: Path) -> None:
    status, _, err = run(capsys, "train", str(diverging), "--steps", "1000")
    assert status == 3 and "diverged" in one_error_line(err)


# -- check --------------------------------------------------------------------------------------------------
def test_check_passes_on_a_good_file(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "check", XOR)
    assert status == 0 and err == ""
    assert "valid" in out and "worst relative error" in out and "passed" in out


def test_check_reports_a_gradient_mismatch_with_status_1(capsys: pytest.CaptureFixture[str]) -> None:
    # no real network fails, so demand the impossible: a relative error below 1e-300
    status, out, err = run(capsys, "check", ARTICLE, "--tolerance", "1e-300")
    assert status == 1 and "FAILED" in out
    assert "gradient check failed" in one_error_line(err)


def test_check_refuses_what_train_refuses(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "bn1.json"
    document = network_json(
        layers=[
            {"size": 1},
            {
                "size": 2,
                "activation": "relu",
                "batch_norm": True,
                "weights": [[1.0], [2.0]],
                "biases": [0, 0],
            },
            {"size": 1, "activation": "linear", "weights": [[1.0, 1.0]], "biases": [0.0]},
        ],
        dataset={"inputs": [[1.0], [2.0]], "targets": [[0.0], [1.0]]},
    )
    path.write_text(json.dumps(document), encoding="utf-8")
    status_check, _, err_check = run(capsys, "check", str(path))
    status_train, _, err_train = run(capsys, "train", str(path), "--steps", "1")
    assert status_check == status_train == 2
    assert "batch" in one_error_line(err_check) and "batch" in one_error_line(err_train)


@pytest.mark.parametrize("argv", [["check"], ["check", "missing.json"], ["check", XOR, "--tolerance", "-1"]])
def test_check_errors(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    status, _, err = run(capsys, *argv)
    assert status == 2 and one_error_line(err).startswith("bpstudio check: ")


# -- the window -------------------------------------------------------------------------------------------
def test_the_window_gets_every_option(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[dict[str, Any]] = []
    fake = types.ModuleType("bpstudio.ui.app")

    def fake_run(**kwargs: Any) -> int:
        calls.append(kwargs)
        return 0

    fake.run = fake_run  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "bpstudio.ui.app", fake)
    png = str(tmp_path / "shot.png")
    status, _, _ = run(capsys, XOR, "--lang", "vi", "--phases", "3", "--screenshot", png)
    assert status == 0
    assert calls == [{"file": XOR, "lang": "vi", "phases": 3, "screenshot": png}]
    assert run(capsys)[0] == 0
    assert calls[-1] == {"file": None, "lang": None, "phases": 0, "screenshot": None}


def test_the_window_refuses_a_bad_file_before_starting(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = types.ModuleType("bpstudio.ui.app")
    fake.run = lambda **kwargs: pytest.fail("the window must not open")  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "bpstudio.ui.app", fake)
    status, _, err = run(capsys, "missing.json")
    assert status == 2 and "missing.json" in one_error_line(err)
    status, _, err = run(capsys, "--phases", "-1")
    assert status == 2 and one_error_line(err).startswith("bpstudio: ")


def test_the_window_reports_a_missing_qt(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "bpstudio.ui.app", None)  # import fails as if Qt were absent
    status, _, err = run(capsys, "--phases", "1")
    assert status == 2 and "cannot open the window" in one_error_line(err)


def test_help_and_version(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "--version")
    assert status == 0 and out.startswith("bpstudio ")
    for command in ("explain", "train", "check"):
        status, out, _ = run(capsys, command, "--help")
        assert status == 0 and f"bpstudio {command}" in out


# -- subprocesses -----------------------------------------------------------------------------------------
def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("BPSTUDIO_DEBUG", None)
    env["PYTHONIOENCODING"] = "utf-8"
    return env


def test_headless_commands_never_import_qt(tmp_path: Path) -> None:
    script = f"""
import sys
from bpstudio.cli import main
assert main(["train", {XOR!r}, "--steps", "20", "--output", {str(tmp_path / "o.json")!r}]) == 0
assert main(["explain", "--format", "json"]) == 0
assert main(["explain", {XOR!r}, "--format", "html"]) == 0
assert main(["check", {XOR!r}]) == 0
qt = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6", "pyqtgraph"))
print("QT-MODULES:", qt)
"""
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=_env(), timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "QT-MODULES: []" in result.stdout


def test_the_window_takes_a_screenshot_offscreen(tmp_path: Path) -> None:
    png = tmp_path / "window.png"
    env = _env()
    env["QT_QPA_PLATFORM"] = "offscreen"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "bpstudio",
            ARTICLE,
            "--phases",
            "3",
            "--lang",
            "vi",
            "--screenshot",
            str(png),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert png.read_bytes().startswith(b"\x89PNG")


def test_python_dash_m_and_a_closed_pipe() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bpstudio", "explain", "--format", "json"],
        capture_output=True,
        text=True,
        env=_env(),
        timeout=60,
        check=False,
    )
    assert result.returncode == 0 and json.loads(result.stdout)["steps"]
    process = subprocess.Popen(
        [sys.executable, "-m", "bpstudio", "explain", XOR, "--steps", "400", "--format", "text"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_env(),
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.read(100)
    process.stdout.close()  # like `bpstudio explain … | head`
    err = process.stderr.read().decode("utf-8")
    status = process.wait(timeout=60)
    assert "Traceback" not in err and err == ""
    assert status == 141


def test_the_window_size_option(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[dict[str, Any]] = []
    fake = types.ModuleType("bpstudio.ui.app")
    fake.run = lambda **kwargs: calls.append(kwargs) or 0  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "bpstudio.ui.app", fake)
    png = str(tmp_path / "shot.png")
    assert run(capsys, "--size", "1920x1080", "--screenshot", png)[0] == 0
    assert calls[-1]["size"] == (1920, 1080) and calls[-1]["screenshot"] == png
    assert run(capsys, "--size", "1024×700")[0] == 0
    assert calls[-1]["size"] == (1024, 700)
    for bad in ("1024", "axb", "1024x", "-5x700", "800x600", "20000x700", "1024x700x3"):
        status, _, err = run(capsys, f"--size={bad}", "--screenshot", png)
        line = one_error_line(err)
        assert status == 2 and line.startswith("bpstudio: argument --size: "), (bad, line)
        assert "1024x700" in line
    assert len(calls) == 2  # no bad size ever reached the window
    assert not Path(png).exists()


def test_a_screenshot_at_a_chosen_size(tmp_path: Path) -> None:
    env = _env()
    env["QT_QPA_PLATFORM"] = "offscreen"
    for width, height in ((1024, 700), (1920, 1080)):
        png = tmp_path / f"window-{width}.png"
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "bpstudio",
                "--phases",
                "3",
                "--size",
                f"{width}x{height}",
                "--screenshot",
                str(png),
            ],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        data = png.read_bytes()
        assert data.startswith(b"\x89PNG")
        # the IHDR chunk: width and height as big-endian 32-bit numbers
        assert int.from_bytes(data[16:20], "big") == width and int.from_bytes(data[20:24], "big") == height
