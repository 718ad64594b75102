"""The built-in examples: they load, train, teach what they claim, and match their generator."""

from __future__ import annotations

import importlib.util
import json
import math
import sys
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

from bpstudio.assets import default_example, examples_dir
from bpstudio.document import default_network, example_files, load_file

EXPECTED = [
    "article.json",
    "xor.json",
    "and_or.json",
    "circles.json",
    "spirals.json",
    "sine_regression.json",
    "deep_sigmoid_vanishing.json",
    "deep_relu_he.json",
]


def _generator() -> ModuleType:
    path = Path(__file__).resolve().parent.parent / "tools" / "make_examples.py"
    spec = importlib.util.spec_from_file_location("make_examples", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("make_examples", module)
    spec.loader.exec_module(module)
    return module


def test_example_menu_lists_every_file_in_order() -> None:
    files = example_files()
    assert [path.name for _, path in files] == EXPECTED
    assert sorted(p.name for p in examples_dir().glob("*.json")) == sorted(EXPECTED)
    assert files[0] == ("The article's network", default_example())
    assert all(title for title, _ in files)


@pytest.mark.parametrize("filename", EXPECTED)
def test_example_loads_and_trains(filename: str) -> None:
    nf = load_file(examples_dir() / filename)
    raw = json.loads((examples_dir() / filename).read_text(encoding="utf-8"))
    assert nf.name and nf.description and nf.description_vi
    assert raw["name"] == nf.name
    assert nf.stepper.dataset.size <= 200
    assert nf.stepper.steps_done == 0
    summary = nf.stepper.train(steps=50)
    assert summary.steps == 50
    assert len(nf.stepper.cost_history) == 50
    assert all(math.isfinite(cost) for cost in nf.stepper.cost_history)
    assert np.isfinite(nf.stepper.network.theta).all()


def test_generator_reproduces_the_committed_files() -> None:
    texts = _generator().render_all()
    assert sorted(texts) == sorted(EXPECTED)
    for filename, text in texts.items():
        committed = (examples_dir() / filename).read_bytes().decode("utf-8")
        assert committed == text, f"{filename} differs from tools/make_examples.py's output"


def test_generator_check_mode(tmp_path: Path) -> None:
    generator = _generator()
    assert generator.main(["--out", str(tmp_path)]) == 0
    assert generator.main(["--check", "--out", str(tmp_path)]) == 0
    (tmp_path / "xor.json").write_text("{}", encoding="utf-8")
    assert generator.main(["--check", "--out", str(tmp_path)]) == 1


def test_article_gives_the_article_figures_after_one_step() -> None:
    nf = default_network()
    stepper = nf.stepper
    stepper.step()
    trace = stepper.trace
    assert trace is not None and trace.cost is not None
    assert round(trace.cost, 6) == 0.037700
    net = stepper.network
    assert np.round(net.W(2), 6).tolist() == [[0.802666, 0.902926]]
    assert np.round(net.b(2), 6).tolist() == [0.105470]
    assert np.round(net.W(1), 6).tolist() == [[0.100219, -0.199563], [0.300245, 0.250490]]
    assert np.round(net.b(1), 6).tolist() == [0.011093, -0.018775]


def _accuracy(filename: str, epochs: int) -> float:
    nf = load_file(examples_dir() / filename)
    nf.stepper.train(epochs=epochs)
    prediction = nf.stepper.network.predict(nf.stepper.dataset.inputs)
    return float(((prediction > 0.5) == (nf.stepper.dataset.targets > 0.5)).mean())


@pytest.mark.parametrize(
    ("filename", "epochs"),
    [("xor.json", 300), ("and_or.json", 500), ("circles.json", 300), ("spirals.json", 500)],
)
def test_classification_examples_can_be_learned(filename: str, epochs: int) -> None:
    assert _accuracy(filename, epochs) == 1.0


def test_sine_regression_is_learned() -> None:
    nf = load_file(examples_dir() / "sine_regression.json")
    nf.stepper.train(epochs=300)
    x, y = nf.stepper.dataset.inputs, nf.stepper.dataset.targets
    assert float(np.abs(nf.stepper.network.predict(x) - y).max()) < 0.15


def _first_over_last_gradient(filename: str) -> float:
    nf = load_file(examples_dir() / filename)
    nf.stepper.step()
    trace = nf.stepper.trace
    assert trace is not None
    first, last = trace.layers[1].grad_w, trace.layers[-1].grad_w
    assert first is not None and last is not None
    return float(np.linalg.norm(first) / np.linalg.norm(last))


def test_deep_examples_show_vanishing_gradients_and_the_cure() -> None:
    sigmoid = load_file(examples_dir() / "deep_sigmoid_vanishing.json").stepper
    relu = load_file(examples_dir() / "deep_relu_he.json").stepper
    assert sigmoid.network.sizes == relu.network.sizes
    assert sigmoid.dataset.inputs.tobytes() == relu.dataset.inputs.tobytes()
    assert _first_over_last_gradient("deep_sigmoid_vanishing.json") < 1e-3
    assert _first_over_last_gradient("deep_relu_he.json") > 0.05
    assert _accuracy("deep_sigmoid_vanishing.json", 100) < 0.7
    assert _accuracy("deep_relu_he.json", 100) > 0.95
