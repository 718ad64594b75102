"""Write the built-in example networks to resources/examples/, the same bytes on every run.

    python tools/make_examples.py            # rewrite the files
    python tools/make_examples.py --check    # exit 1 if a committed file differs

Datasets come from seeded generators that use only `Generator.random()` (uniform doubles, a
stream NumPy keeps stable) and are rounded to 4 decimals, so the files stay small and readable.
Except for the article's network, the files give no weights: the loader creates them from the
"init" block, which is also what "Re-initialise" uses.
"""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bpstudio.document.fileformat import FORMAT, VERSION, format_json, loads  # noqa: E402

EXAMPLES_DIR = ROOT / "resources" / "examples"
DECIMALS = 4


def _round(values: Any) -> list[Any]:
    return np.round(np.asarray(values, dtype=np.float64), DECIMALS).tolist()


def _gaussian(rng: np.random.Generator, count: int) -> np.ndarray:
    """Standard normal samples by Box–Muller from uniform doubles (stable across NumPy versions)."""
    u1 = 1.0 - rng.random(count)  # in (0, 1], so log is finite
    u2 = rng.random(count)
    return np.sqrt(-2.0 * np.log(u1)) * np.cos(2.0 * math.pi * u2)


def _document(
    name: str,
    description: str,
    description_vi: str,
    layers: list[dict[str, Any]],
    loss: str,
    optimizer: dict[str, Any],
    training: dict[str, Any],
    dataset: dict[str, Any],
    init: dict[str, Any] | None = None,
) -> dict[str, Any]:
    document: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "name": name,
        "description": description,
        "description_vi": description_vi,
        "layers": layers,
        "loss": loss,
        "optimizer": optimizer,
        "training": training,
        "dataset": dataset,
    }
    if init is not None:
        document["init"] = init
    return document


# -- datasets ------------------------------------------------------------------------------------
def circles_data(count: int, seed: int) -> tuple[list[Any], list[Any]]:
    """Two concentric rings: inner ring (radius 0.5) is class 1, outer ring (radius 1) class 0."""
    rng = np.random.default_rng(seed)
    inner = count // 2
    labels = np.array([1.0] * inner + [0.0] * (count - inner))
    radius = np.where(labels == 1.0, 0.5, 1.0) + 0.08 * _gaussian(rng, count)
    angle = 2.0 * math.pi * rng.random(count)
    points = np.stack([radius * np.cos(angle), radius * np.sin(angle)], axis=1)
    order = np.argsort(rng.random(count), kind="stable")
    return _round(points[order]), _round(labels[order, None])


def spirals_data(count: int, seed: int) -> tuple[list[Any], list[Any]]:
    """Two interleaved spirals of 1.5 turns each, with a little noise; labels 0 and 1."""
    rng = np.random.default_rng(seed)
    per_arm = count // 2
    t = np.linspace(0.0, 1.0, per_arm)
    points, labels = [], []
    for arm in (0, 1):
        angle = 3.0 * math.pi * t + arm * math.pi
        radius = 0.1 + 0.9 * t
        noise = 0.03 * _gaussian(rng, 2 * per_arm).reshape(per_arm, 2)
        points.append(np.stack([radius * np.cos(angle), radius * np.sin(angle)], axis=1) + noise)
        labels.append(np.full(per_arm, float(arm)))
    xy, y = np.concatenate(points), np.concatenate(labels)
    order = np.argsort(rng.random(len(y)), kind="stable")
    return _round(xy[order]), _round(y[order, None])


def sine_data(count: int) -> tuple[list[Any], list[Any]]:
    """y = sin(x) on [−π, π], evenly spaced."""
    x = np.linspace(-math.pi, math.pi, count)
    return _round(x[:, None]), _round(np.sin(x)[:, None])


# -- the examples --------------------------------------------------------------------------------
def article() -> dict[str, Any]:
    return _document(
        "The article's network",
        "The worked example of the backpropagation article: 2 inputs, 2 sigmoid hidden neurons, "
        "1 sigmoid output, one sample x = (0.2, 0.4) with target y = 1, the loss ½(y − ŷ)² and plain "
        "gradient descent with learning rate 0.1. One step reproduces every figure of the article.",
        "Ví dụ tính tay của bài viết về lan truyền ngược: 2 đầu vào, 2 nơ-ron ẩn sigmoid, 1 đầu ra "
        "sigmoid, một mẫu x = (0.2, 0.4) với nhãn y = 1, hàm mất mát ½(y − ŷ)² và hạ gradient thường "
        "với tốc độ học 0.1. Một bước huấn luyện cho lại đúng mọi con số trong bài.",
        [
            {"size": 2},
            {
                "size": 2,
                "activation": "sigmoid",
                "weights": [[0.1, -0.2], [0.3, 0.25]],
                "biases": [0.01, -0.02],
            },
            {"size": 1, "activation": "sigmoid", "weights": [[0.8, 0.9]], "biases": [0.1]},
        ],
        "half_sse",
        {"name": "sgd", "learning_rate": 0.1},
        {"batch_size": 1, "shuffle": False, "seed": 0},
        {"inputs": [[0.2, 0.4]], "targets": [[1.0]], "input_names": ["x1", "x2"], "output_names": ["y"]},
    )


def xor() -> dict[str, Any]:
    return _document(
        "XOR",
        "Exclusive or: the output is 1 when exactly one input is 1. No straight line separates the "
        "two classes, so the network needs its hidden layer; watch the hidden neurons split the plane.",
        "Phép XOR: đầu ra bằng 1 khi đúng một đầu vào bằng 1. Không đường thẳng nào tách được hai lớp, "
        "nên mạng cần lớp ẩn; hãy xem các nơ-ron ẩn chia mặt phẳng.",
        [{"size": 2}, {"size": 4, "activation": "tanh"}, {"size": 1, "activation": "sigmoid"}],
        "binary_cross_entropy",
        {"name": "momentum", "learning_rate": 0.5, "momentum": 0.9},
        {"batch_size": 4, "shuffle": False, "seed": 0},
        {
            "inputs": [[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]],
            "targets": [[0.0], [1.0], [1.0], [0.0]],
            "input_names": ["x1", "x2"],
            "output_names": ["x1 XOR x2"],
        },
        {"scheme": "xavier_uniform", "seed": 3, "bias": 0.0},
    )


def and_or() -> dict[str, Any]:
    return _document(
        "AND and OR",
        "Two outputs learned at once from the same two inputs: the first is x1 AND x2, the second "
        "x1 OR x2. Both are separable by a straight line, so they are learned quickly.",
        "Hai đầu ra học cùng lúc từ hai đầu vào: đầu ra thứ nhất là x1 AND x2, thứ hai là x1 OR x2. "
        "Cả hai tách được bằng một đường thẳng nên mạng học nhanh.",
        [{"size": 2}, {"size": 3, "activation": "sigmoid"}, {"size": 2, "activation": "sigmoid"}],
        "half_sse",
        {"name": "sgd", "learning_rate": 2.0},
        {"batch_size": 4, "shuffle": False, "seed": 0},
        {
            "inputs": [[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]],
            "targets": [[0.0, 0.0], [0.0, 1.0], [0.0, 1.0], [1.0, 1.0]],
            "input_names": ["x1", "x2"],
            "output_names": ["x1 AND x2", "x1 OR x2"],
        },
        {"scheme": "xavier_uniform", "seed": 1, "bias": 0.0},
    )


def circles() -> dict[str, Any]:
    inputs, targets = circles_data(200, seed=7)
    return _document(
        "Two circles",
        "200 points on two concentric rings (generated with seed 7): the inner ring is class 1, the "
        "outer ring class 0. The boundary is a circle, which a tanh hidden layer bends into shape.",
        "200 điểm trên hai vòng tròn đồng tâm (sinh với hạt giống 7): vòng trong là lớp 1, vòng ngoài là "
        "lớp 0. Ranh giới là một đường tròn, lớp ẩn tanh uốn ranh giới theo hình ấy.",
        [{"size": 2}, {"size": 8, "activation": "tanh"}, {"size": 1, "activation": "sigmoid"}],
        "binary_cross_entropy",
        {"name": "adam", "learning_rate": 0.05},
        {"batch_size": 20, "shuffle": True, "seed": 7},
        {"inputs": inputs, "targets": targets, "input_names": ["x1", "x2"], "output_names": ["y"]},
        {"scheme": "xavier_uniform", "seed": 7, "bias": 0.0},
    )


def spirals() -> dict[str, Any]:
    inputs, targets = spirals_data(200, seed=11)
    return _document(
        "Two spirals",
        "200 points on two interleaved spirals (generated with seed 11), a classic hard problem: "
        "the network needs two hidden layers and many epochs to wind its boundary between the arms.",
        "200 điểm trên hai đường xoắn ốc lồng nhau (sinh với hạt giống 11), một bài toán khó kinh điển: "
        "mạng cần hai lớp ẩn và nhiều lượt huấn luyện để uốn ranh giới giữa hai nhánh.",
        [
            {"size": 2},
            {"size": 16, "activation": "tanh"},
            {"size": 16, "activation": "tanh"},
            {"size": 1, "activation": "sigmoid"},
        ],
        "binary_cross_entropy",
        {"name": "adam", "learning_rate": 0.02},
        {"batch_size": 20, "shuffle": True, "seed": 11},
        {"inputs": inputs, "targets": targets, "input_names": ["x1", "x2"], "output_names": ["y"]},
        {"scheme": "xavier_uniform", "seed": 11, "bias": 0.0},
    )


def sine_regression() -> dict[str, Any]:
    inputs, targets = sine_data(40)
    return _document(
        "Regression of sin(x)",
        "40 evenly spaced points of y = sin(x) for x from −π to π. A tanh hidden layer and a linear "
        "output neuron learn a smooth curve; the loss is the mean squared error.",
        "40 điểm cách đều của y = sin(x) với x từ −π đến π. Lớp ẩn tanh và một nơ-ron đầu ra tuyến tính "
        "học một đường cong trơn; hàm mất mát là sai số bình phương trung bình.",
        [{"size": 1}, {"size": 10, "activation": "tanh"}, {"size": 1, "activation": "linear"}],
        "mse",
        {"name": "adam", "learning_rate": 0.02},
        {"batch_size": 10, "shuffle": True, "seed": 5},
        {"inputs": inputs, "targets": targets, "input_names": ["x"], "output_names": ["sin(x)"]},
        {"scheme": "xavier_uniform", "seed": 5, "bias": 0.0},
    )


DEEP_DEPTH = 8  # hidden layers
DEEP_WIDTH = 8


def _deep(activation: str, scheme: str, name: str, description: str, description_vi: str) -> dict[str, Any]:
    inputs, targets = circles_data(100, seed=21)
    hidden = [{"size": DEEP_WIDTH, "activation": activation} for _ in range(DEEP_DEPTH)]
    return _document(
        name,
        description,
        description_vi,
        [{"size": 2}, *hidden, {"size": 1, "activation": "sigmoid"}],
        "binary_cross_entropy",
        {"name": "sgd", "learning_rate": 0.1},
        {"batch_size": 10, "shuffle": True, "seed": 21},
        {"inputs": inputs, "targets": targets, "input_names": ["x1", "x2"], "output_names": ["y"]},
        {"scheme": scheme, "seed": 21, "bias": 0.0},
    )


def deep_sigmoid_vanishing() -> dict[str, Any]:
    return _deep(
        "sigmoid",
        "xavier_normal",
        "Deep sigmoid network (vanishing gradients)",
        f"{DEEP_DEPTH} hidden layers of {DEEP_WIDTH} sigmoid neurons on the two-circles problem. The "
        "sigmoid's slope is at most 1/4, so δ shrinks at every layer on its way back: compare the "
        "gradients of the first layer with those of the last. Open the ReLU + He version next to it.",
        f"{DEEP_DEPTH} lớp ẩn, mỗi lớp {DEEP_WIDTH} nơ-ron sigmoid, trên bài toán hai vòng tròn. Đạo hàm "
        "của sigmoid không quá 1/4 nên δ nhỏ dần qua mỗi lớp khi truyền ngược: hãy so gradient của lớp "
        "đầu với lớp cuối, rồi mở phiên bản ReLU + He bên cạnh.",
    )


def deep_relu_he() -> dict[str, Any]:
    return _deep(
        "relu",
        "he_normal",
        "Deep ReLU network with He initialisation",
        f"The same {DEEP_DEPTH} hidden layers of {DEEP_WIDTH} neurons and the same data as the deep "
        "sigmoid example, but with ReLU and He initialisation: ReLU's slope is 1 where it is active "
        "and He's spread keeps the signal's size, so the first layer's gradients stay comparable to "
        "the last layer's.",
        f"Cùng {DEEP_DEPTH} lớp ẩn {DEEP_WIDTH} nơ-ron và cùng dữ liệu như ví dụ sigmoid sâu, nhưng dùng "
        "ReLU và khởi tạo He: đạo hàm của ReLU bằng 1 ở vùng hoạt động và khởi tạo He giữ nguyên độ lớn "
        "tín hiệu, nên gradient của lớp đầu vẫn tương đương lớp cuối.",
    )


EXAMPLES = {
    "article.json": article,
    "xor.json": xor,
    "and_or.json": and_or,
    "circles.json": circles,
    "spirals.json": spirals,
    "sine_regression.json": sine_regression,
    "deep_sigmoid_vanishing.json": deep_sigmoid_vanishing,
    "deep_relu_he.json": deep_relu_he,
}


# Each example's title in Vietnamese (the "name_vi" field, written right after "name").
NAMES_VI = {
    "article.json": "Mạng trong bài viết",
    "xor.json": "Phép XOR",
    "and_or.json": "AND và OR",
    "circles.json": "Hai vòng tròn",
    "spirals.json": "Hai đường xoắn ốc",
    "sine_regression.json": "Hồi quy sin(x)",
    "deep_sigmoid_vanishing.json": "Mạng sigmoid sâu (gradient triệt tiêu)",
    "deep_relu_he.json": "Mạng ReLU sâu với khởi tạo He",
}


def _with_name_vi(document: dict[str, Any], name_vi: str) -> dict[str, Any]:
    fields = list(document.items())
    at = [key for key, _ in fields].index("name") + 1
    return dict([*fields[:at], ("name_vi", name_vi), *fields[at:]])


def render_all() -> dict[str, str]:
    """File name -> exact text of every example; each is checked by the real loader."""
    texts = {}
    for filename, build in EXAMPLES.items():
        text = format_json(_with_name_vi(build(), NAMES_VI[filename]))
        loads(text, filename)  # raises LoadError if the generator wrote something invalid
        texts[filename] = text
    return texts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only compare with the committed files")
    parser.add_argument("--out", type=Path, default=EXAMPLES_DIR, help="folder to write to")
    args = parser.parse_args(argv)
    stale = []
    for filename, text in render_all().items():
        target = args.out / filename
        current = target.read_text(encoding="utf-8") if target.exists() else None
        if current == text:
            continue
        stale.append(filename)
        if not args.check:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8", newline="\n")
    if args.check:
        for filename in stale:
            print(f"{filename} differs from what tools/make_examples.py generates", file=sys.stderr)
        return 1 if stale else 0
    for filename in stale:
        print(f"wrote {args.out / filename}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
