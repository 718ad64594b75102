"""Autosave while running, offscreen: `QT_QPA_PLATFORM=offscreen .venv/bin/python tests/benchmarks/bench_autosave.py`.

A 6 × 64-neuron network (Adam, 64 samples) runs in the window (`--speed`, default as fast as
possible; `--speed 100` gives steady 30 frames a second), once without
autosave (the reference) and once with an autosave forced every second (60 times the real rate).
A frame is the time between two consecutive Run ticks, the repaint included; the target is that
autosave adds no frame over 50 ms: compare the two runs (on a machine where
even the reference misses 50 ms, the share of frames over it and the longest frame). Also printed: what one autosave costs the GUI thread (the copy
of the network, `Controller.recovery_snapshot`) and how long the worker process takes to write it (seen by a 50 ms poll).

Settings and recovery files go to a temporary folder, never to the real home.
"""

from __future__ import annotations

import argparse
import itertools
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.benchmarks.bench_ui import wide_document  # noqa: E402

TARGET_MS = 50.0


def run_frames(app, seconds: float, autosave_folder: Path | None, speed: int = 0):  # type: ignore[no-untyped-def]
    """(frame times in ms, GUI-thread ms per autosave, worker ms per autosave, autosaves)."""
    from PySide6.QtCore import QSettings

    from bpstudio.controller import Controller
    from bpstudio.document.recovery import RecoverySession
    from bpstudio.ui.main_window import MainWindow
    from bpstudio.ui.recovery import Autosaver, writer_process

    document = wide_document()
    controller = Controller(document)
    settings = QSettings(str(Path(tempfile.mkdtemp()) / "bench.ini"), QSettings.Format.IniFormat)
    window = MainWindow(document, controller, settings=settings, restore_layout=False)
    window.persist_settings = False
    window.resize(1440, 900)
    window.show()
    for _ in range(5):
        app.processEvents()

    ticks: list[float] = []
    document.loss_history_changed.connect(lambda: ticks.append(time.perf_counter()))
    gui_ms: list[float] = []
    worker_ms: list[float] = []
    saver = None
    if autosave_folder is not None:
        session = RecoverySession(autosave_folder)
        executor = writer_process()
        executor.submit(len, "").result()  # the worker starts once per instance, not per write
        saver = Autosaver(controller, session, executor, delay_ms=3000, interval_ms=1000, parent=window)
        original = saver.write_now
        started: list[float] = []

        def timed_write() -> None:
            idle = not saver.busy
            begin = time.perf_counter()
            original()
            if idle and saver.busy:  # a copy was taken and handed to the worker
                gui_ms.append((time.perf_counter() - begin) * 1000)
                started.append(begin)

        saver.write_now = timed_write  # type: ignore[method-assign]
        saver._timer.timeout.disconnect()
        saver._timer.timeout.connect(timed_write)
        saver.written.connect(lambda _path: worker_ms.append((time.perf_counter() - started[-1]) * 1000))

    window.speed.setCurrentIndex(window.speed.findData(speed))
    window.set_running(True)
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
    window.set_running(False)
    if saver is not None:
        saver.wait()
        app.processEvents()
        writes = saver.writes
        saver.finish()
        saver.session.close()
        executor.shutdown()
    else:
        writes = 0
    document.history.set_clean()
    window.close()
    window.deleteLater()
    app.processEvents()
    frames = [(b - a) * 1000 for a, b in itertools.pairwise(ticks[5:])]  # after warming up
    return frames, gui_ms, worker_ms, writes


def describe(label: str, frames: list[float]) -> str:
    ordered = sorted(frames)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
    over = sum(1 for frame in frames if frame > TARGET_MS)
    return (
        f"{label}: {len(frames)} frames, median {statistics.median(frames):5.1f} ms, p99 {p99:5.1f} ms, "
        f"max {max(frames):6.1f} ms, over {TARGET_MS:.0f} ms: {over}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=15.0)
    parser.add_argument(
        "--speed",
        type=int,
        default=0,
        help="Run speed in steps/s (0: as fast as possible, where each frame spends ~22 ms training "
        "by design; 100: 30 frames a second of 3 to 4 steps, where a frame over 50 ms is a stall)",
    )
    args = parser.parse_args()

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    folder = tempfile.mkdtemp(prefix="bpstudio-bench-")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)
    app = QApplication(["bench_autosave"])

    reference, _, _, _ = run_frames(app, args.seconds, None, args.speed)
    print(f"Run speed {args.speed or 'as fast as possible'}")
    print(describe("Run, 6 × 64, no autosave          ", reference))
    frames, gui, worker, writes = run_frames(app, args.seconds, Path(folder) / "recovery", args.speed)
    print(describe("Run, 6 × 64, autosave every second", frames))
    print(
        f"Autosave: {writes} written; on the GUI thread median {statistics.median(gui):5.2f} ms, "
        f"max {max(gui):5.2f} ms; start to written median {statistics.median(worker):6.1f} ms, "
        f"max {max(worker):6.1f} ms (worker process, seen by a 50 ms poll)"
    )
    share = [100 * sum(1 for f in run if f > TARGET_MS) / len(run) for run in (reference, frames)]
    print(
        f"Frames over {TARGET_MS:.0f} ms: {share[0]:.0f} % without autosave, {share[1]:.0f} % with it "
        f"(target: no more with it); longest {max(reference):.0f} ms and {max(frames):.0f} ms"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
