"""Engine speed: `bpstudio train` steps per second, side by side with the same steps in PyTorch.

Run with `make benchmark` (installs torch==2.13.0 from local disk; torch is a benchmark-only
reference and never a runtime dependency of BP Studio).

(a) the article's 2-2-1 sigmoid network, one sample per step, plain SGD — per-step Python
    overhead is what matters; target ≥ 30,000 steps/s and ≥ 8× PyTorch.
(b) a 784-128-64-10 ReLU/softmax network, batch 64, Adam, cross-entropy — target: at least
    PyTorch's speed.
Both in float64 on the CPU. Each measurement is the best of several repeats.
"""

from __future__ import annotations

import argparse
import time

import numpy as np

from bpstudio.engine import (
    Dataset,
    InitConfig,
    LayerSpec,
    Network,
    OptimizerConfig,
    Stepper,
    TrainingConfig,
    initialize,
)


def best_rate(run, steps: int, repeats: int) -> float:  # type: ignore[no-untyped-def]
    best = 0.0
    for _ in range(repeats):
        start = time.perf_counter()
        run(steps)
        best = max(best, steps / (time.perf_counter() - start))
    return best


def article_bpstudio() -> Stepper:
    net = Network([LayerSpec(2), LayerSpec(2, "sigmoid"), LayerSpec(1, "sigmoid")])
    net.W(1)[:] = [[0.10, -0.20], [0.30, 0.25]]
    net.b(1)[:] = [0.01, -0.02]
    net.W(2)[:] = [[0.80, 0.90]]
    net.b(2)[:] = [0.10]
    data = Dataset(np.array([[0.2, 0.4]]), np.array([[1.0]]))
    return Stepper(net, "half_sse", OptimizerConfig("sgd", 0.1), TrainingConfig(1), data)


def article_torch():  # type: ignore[no-untyped-def]
    import torch

    model = torch.nn.Sequential(
        torch.nn.Linear(2, 2), torch.nn.Sigmoid(), torch.nn.Linear(2, 1), torch.nn.Sigmoid()
    ).double()
    with torch.no_grad():
        model[0].weight.copy_(torch.tensor([[0.10, -0.20], [0.30, 0.25]]))
        model[0].bias.copy_(torch.tensor([0.01, -0.02]))
        model[2].weight.copy_(torch.tensor([[0.80, 0.90]]))
        model[2].bias.copy_(torch.tensor([0.10]))
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    x = torch.tensor([[0.2, 0.4]], dtype=torch.float64)
    y = torch.tensor([[1.0]], dtype=torch.float64)

    def run(steps: int) -> None:
        for _ in range(steps):
            opt.zero_grad()
            loss = 0.5 * ((y - model(x)) ** 2).sum(dim=1).mean()
            loss.backward()
            opt.step()

    return model, run


def mnist_shaped_data(m: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    x = rng.uniform(0.0, 1.0, size=(m, 784))
    labels = rng.integers(0, 10, size=m)
    return x, np.eye(10)[labels], labels


def mlp_bpstudio(x: np.ndarray, y: np.ndarray) -> Stepper:
    net = Network([LayerSpec(784), LayerSpec(128, "relu"), LayerSpec(64, "relu"), LayerSpec(10, "softmax")])
    initialize(net, InitConfig("he_uniform", 0))
    return Stepper(net, "cross_entropy", OptimizerConfig("adam", 1e-3), TrainingConfig(64), Dataset(x, y))


def mlp_torch(x: np.ndarray, labels: np.ndarray):  # type: ignore[no-untyped-def]
    import torch

    model = torch.nn.Sequential(
        torch.nn.Linear(784, 128),
        torch.nn.ReLU(),
        torch.nn.Linear(128, 64),
        torch.nn.ReLU(),
        torch.nn.Linear(64, 10),
    ).double()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    xs = torch.from_numpy(x)
    ys = torch.from_numpy(labels)
    loss_fn = torch.nn.CrossEntropyLoss()
    batches = [(xs[i : i + 64], ys[i : i + 64]) for i in range(0, len(xs), 64)]
    state = {"i": 0}

    def run(steps: int) -> None:
        for _ in range(steps):
            bx, by = batches[state["i"] % len(batches)]
            state["i"] += 1
            opt.zero_grad()
            loss = loss_fn(model(bx), by)
            loss.backward()
            opt.step()

    return model, run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer steps (a smoke run)")
    args = parser.parse_args()
    import torch

    torch.set_num_threads(max(1, torch.get_num_threads()))
    small_steps, big_steps, repeats = (2_000, 20, 2) if args.quick else (30_000, 300, 5)

    stepper = article_bpstudio()
    ours = best_rate(lambda n: stepper.train(steps=n), small_steps, repeats)
    _, torch_run = article_torch()
    theirs = best_rate(torch_run, small_steps // 3, repeats)
    print(
        f"(a) article 2-2-1, 1 sample/step, SGD   bpstudio {ours:10,.0f} steps/s   "
        f"torch {theirs:9,.0f} steps/s   ratio {ours / theirs:5.1f}x   (target >= 30,000 and >= 8x)"
    )

    x, y, labels = mnist_shaped_data(64 * 40)
    stepper = mlp_bpstudio(x, y)
    ours = best_rate(lambda n: stepper.train(steps=n), big_steps, repeats)
    _, torch_run = mlp_torch(x, labels)
    theirs = best_rate(torch_run, big_steps, repeats)
    print(
        f"(b) 784-128-64-10, batch 64, Adam       bpstudio {ours:10,.0f} steps/s   "
        f"torch {theirs:9,.0f} steps/s   ratio {ours / theirs:5.2f}x   (target >= 1x)"
    )
    print(
        f"numpy {np.__version__}, torch {torch.__version__} ({torch.get_num_threads()} threads), float64, CPU"
    )


if __name__ == "__main__":
    main()
