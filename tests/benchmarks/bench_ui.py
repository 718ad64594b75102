"""Window speed, offscreen: run with `QT_QPA_PLATFORM=offscreen .venv/bin/python tests/benchmarks/bench_ui.py`.

(a) Next phase → finished repaint, p50/p95 over many presses: the article's 2-2-1 network
    (target ≤ 16 ms p95) and a 6 × 64-neuron network (target ≤ 50 ms p95). "With the
    explanation" is Next phase → the Explanation dock's new text painted, waiting for it the
    way the learner does (the dock writes a large network's explanation just after the other
    views; nothing is forced early).
(b) Run mode on the article's network: training steps per second with the window refreshing
    (target ≥ 10,000/s) and the delay from a Pause request to the run having stopped
    (target ≤ 100 ms).
(c) Start to first painted window, in a fresh process (target ≤ 1.0 s).

Settings go to a temporary folder, never to the real home.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

STARTUP_CHILD = r"""
import sys, time
start = float(sys.argv[1])
from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication
QSettings.setDefaultFormat(QSettings.Format.IniFormat)
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, sys.argv[2])
app = QApplication(["bpstudio"])

class FirstPaint(QObject):
    done = False
    def eventFilter(self, obj, event):
        if not self.done and event.type() == QEvent.Type.Paint and obj.isWidgetType():
            window = obj.window()
            if type(window).__name__ == "MainWindow":
                self.done = True
                print(time.time() - start, flush=True)
                QTimer.singleShot(0, lambda: (window.document.history.set_clean(), window.close(), app.quit()))
        return False

spy = FirstPaint()
app.installEventFilter(spy)
from bpstudio.ui.app import run
run(lang="en")
"""


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def make_window(document, controller):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings

    from bpstudio.ui.main_window import MainWindow

    folder = tempfile.mkdtemp(prefix="bpstudio-bench-")
    settings = QSettings(str(Path(folder) / "bench.ini"), QSettings.Format.IniFormat)
    window = MainWindow(document, controller, settings=settings, restore_layout=False)
    window.persist_settings = False
    window.resize(1440, 900)  # one size on every machine (a new window otherwise fits the screen)
    window.show()
    return window


def article_document():  # type: ignore[no-untyped-def]
    from bpstudio.document import fileformat as fmt
    from bpstudio.document.document import NetworkDocument

    nf = fmt.default_network()
    return NetworkDocument(nf.stepper, name=nf.name, init=nf.init, positions=nf.positions)


def wide_document(layers: int = 6, width: int = 64, samples: int = 64):  # type: ignore[no-untyped-def]
    import numpy as np

    from bpstudio.document.document import NetworkDocument
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

    specs = (
        [LayerSpec(width)]
        + [LayerSpec(width, "tanh") for _ in range(layers - 2)]
        + [LayerSpec(width, "sigmoid")]
    )
    network = Network(specs)
    initialize(network, InitConfig("xavier_uniform", seed=1))
    rng = np.random.default_rng(2)
    data = Dataset(rng.normal(size=(samples, width)), rng.uniform(size=(samples, width)))
    stepper = Stepper(network, "mse", OptimizerConfig("adam", 0.01), TrainingConfig(batch_size=16), data)
    return NetworkDocument(stepper, name=f"{layers} x {width}")


def bench_next_phase(app, document, presses: int) -> tuple[float, float, float]:  # type: ignore[no-untyped-def]
    """p50 and p95 of Next phase → repaint of the views, and p95 of Next phase → explanation shown."""
    from PySide6.QtCore import QEventLoop

    from bpstudio.controller import Controller

    controller = Controller(document)
    window = make_window(document, controller)
    for _ in range(5):
        app.processEvents()
    times, explained = [], []
    panel = window.explanation
    for _ in range(presses):
        started = time.perf_counter()
        window.actions_by_key["next_phase"].trigger()
        app.processEvents()  # delivers the update requests: every view repaints
        times.append(time.perf_counter() - started)
        # The explanation of a large network is written just after the other views: wait for
        # it as the learner does (no flush), then for its repaint.
        while panel.pending:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 1)
        app.processEvents()
        explained.append(time.perf_counter() - started)
    window.document.history.set_clean()
    window.close()
    window.deleteLater()
    app.processEvents()
    return (
        statistics.median(times) * 1000,
        percentile(times, 95) * 1000,
        percentile(explained, 95) * 1000,
    )


def bench_run(app, seconds: float, pauses: int) -> tuple[float, list[float]]:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QEventLoop, Qt, QTimer

    from bpstudio.controller import Controller

    document = article_document()
    controller = Controller(document)
    window = make_window(document, controller)
    app.processEvents()

    loop = QEventLoop()
    window.set_running(True)
    started = time.perf_counter()
    stop = QTimer()
    stop.setSingleShot(True)
    stop.setTimerType(Qt.TimerType.PreciseTimer)
    stop.timeout.connect(loop.quit)
    stop.start(int(seconds * 1000))
    loop.exec()
    steps = document.stepper.steps_done
    rate = steps / (time.perf_counter() - started)
    window.pause()

    latencies: list[float] = []
    for index in range(pauses):
        window.set_running(True)
        delay = 150 + 37 * index  # land at different points of a tick
        requested = time.perf_counter() + delay / 1000

        def request_pause(requested: float = requested) -> None:
            window.actions_by_key["run"].trigger()  # the learner presses Pause
            latencies.append((time.perf_counter() - requested) * 1000)
            loop.quit()

        press = QTimer()
        press.setSingleShot(True)
        press.setTimerType(Qt.TimerType.PreciseTimer)
        press.timeout.connect(request_pause)
        press.start(delay)
        loop.exec()
        assert not window.running
    window.document.history.set_clean()
    window.close()
    return rate, latencies


def bench_plot(app, points: int) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """Loss plot with `points` steps: first draw, then a Run tick appending 500 more."""
    import numpy as np

    from bpstudio.controller import Controller

    document = article_document()
    window = make_window(document, Controller(document))
    app.processEvents()
    stepper = document.stepper
    rng = np.random.default_rng(0)
    costs = (np.exp(-np.arange(points) / points * 5) * (1 + 0.1 * rng.random(points))).tolist()
    stepper.cost_history = costs
    stepper.epoch_history = list(range(points))
    time.sleep(0.12)  # past the plot's redraw throttle
    started = time.perf_counter()
    document.loss_history_changed.emit()
    app.processEvents()
    first = time.perf_counter() - started
    ticks = []
    for _ in range(10):
        time.sleep(0.12)  # past the plot's redraw throttle, so every tick below really redraws
        stepper.cost_history.extend(costs[-500:])
        stepper.epoch_history.extend(range(len(stepper.epoch_history), len(stepper.epoch_history) + 500))
        started = time.perf_counter()
        document.loss_history_changed.emit()
        app.processEvents()
        ticks.append(time.perf_counter() - started)
    window.document.history.set_clean()
    window.close()
    return first * 1000, statistics.median(ticks) * 1000


def bench_startup(repeats: int) -> list[float]:
    results = []
    with tempfile.TemporaryDirectory(prefix="bpstudio-bench-") as folder:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        for _ in range(repeats):
            start = time.time()
            out = subprocess.run(
                [sys.executable, "-c", STARTUP_CHILD, repr(start), folder],
                capture_output=True,
                text=True,
                env=env,
                check=True,
            )
            lines = [line for line in out.stdout.splitlines() if line.strip()]
            results.append(float(lines[-1]))
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--presses", type=int, default=150)
    parser.add_argument("--run-seconds", type=float, default=3.0)
    parser.add_argument("--pauses", type=int, default=10)
    parser.add_argument("--startups", type=int, default=5)
    args = parser.parse_args()

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    folder = tempfile.mkdtemp(prefix="bpstudio-bench-")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)
    app = QApplication(["bench_ui"])

    p50, p95, full = bench_next_phase(app, article_document(), args.presses)
    print(
        f"Next phase → repaint, article 2-2-1:  p50 {p50:6.2f} ms   p95 {p95:6.2f} ms   (target p95 ≤ 16 ms);"
        f" with the explanation p95 {full:6.2f} ms"
    )
    p50, p95, full = bench_next_phase(app, wide_document(), max(30, args.presses // 3))
    print(
        f"Next phase → repaint, 6 × 64 network: p50 {p50:6.2f} ms   p95 {p95:6.2f} ms   (target p95 ≤ 50 ms);"
        f" with the explanation p95 {full:6.2f} ms"
    )
    rate, latencies = bench_run(app, args.run_seconds, args.pauses)
    print(f"Run mode, article network:            {rate:,.0f} steps/s          (target ≥ 10,000)")
    print(
        f"Pause latency:                        max {max(latencies):6.1f} ms   median {statistics.median(latencies):5.1f} ms"
        "   (target ≤ 100 ms)"
    )
    first, tick = bench_plot(app, 1_000_000)
    print(
        f"Loss plot, 10⁶ points:                first draw {first:6.1f} ms   redraw after +500 points {tick:6.1f} ms"
        "   (at most 10 redraws/s beyond 10⁵ points)"
    )
    startups = bench_startup(args.startups)
    print(
        f"Start to first painted window:        best {min(startups):5.2f} s   median {statistics.median(startups):5.2f} s"
        "   (target ≤ 1.0 s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
