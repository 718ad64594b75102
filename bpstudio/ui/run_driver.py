"""Run mode: a timer that trains k steps per tick and keeps the window responsive.

The window refreshes at most REFRESH_HZ times a second. At a chosen speed below that, each tick
trains one step; above it, speed / REFRESH_HZ steps. "As fast as possible" (speed 0) adapts k on
every tick so that the stepping takes about TICK_BUDGET seconds, leaving the rest to repainting.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from bpstudio.controller import Controller

REFRESH_HZ = 30
TICK_MS = 1000 // REFRESH_HZ
TICK_BUDGET = 0.022  # seconds of stepping per tick at full speed, leaving time to repaint
SPEEDS = (1, 5, 20, 100, 1000, 10_000, 0)  # steps per second; 0 = as fast as possible
DEFAULT_SPEED = 0
MAX_K = 1_000_000


def steps_per_tick(speed: int, adaptive_k: int) -> int:
    """How many steps one tick trains at `speed` steps per second (0: the adaptive k)."""
    if speed == 0:
        return adaptive_k
    if speed < REFRESH_HZ:
        return 1
    return max(1, speed // REFRESH_HZ)


def tick_interval(speed: int) -> int:
    """Milliseconds between ticks: one step per tick below REFRESH_HZ, else the refresh rate."""
    if speed and speed < REFRESH_HZ:
        return 1000 // speed
    return TICK_MS


def next_adaptive_k(k: int, elapsed: float) -> int:
    """k for the next tick, aiming at TICK_BUDGET seconds of work, at most halved or doubled."""
    ratio = TICK_BUDGET / max(elapsed, 1e-6)
    return int(min(max(1, k * min(max(ratio, 0.5), 2.0)), MAX_K))


class RunDriver(QObject):
    """Trains through `controller.run_steps(k)` on a timer; `failed` is emitted when a step is
    refused (the window then pauses and the document has already reported the error)."""

    failed = Signal()

    def __init__(
        self, controller: Controller, speed: Callable[[], int], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self._speed = speed
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._tick)
        self._k = 16
        self._started = 0.0
        self._steps = 0

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def start(self) -> None:
        self._started = time.perf_counter()
        self._steps = 0
        self._timer.start(tick_interval(self._speed()))

    def stop(self) -> None:
        self._timer.stop()

    def speed_changed(self) -> None:
        if self._timer.isActive():
            self._timer.setInterval(tick_interval(self._speed()))

    def rate(self) -> float:
        """Steps per second of the current (or last) Run session."""
        seconds = time.perf_counter() - self._started
        return self._steps / seconds if seconds > 0 else 0.0

    def _tick(self) -> None:
        speed = self._speed()
        k = steps_per_tick(speed, self._k)
        started = time.perf_counter()
        ok = self.controller.run_steps(k)
        elapsed = time.perf_counter() - started
        if not ok:
            self.failed.emit()
            return
        self._steps += k
        if speed == 0:
            self._k = next_adaptive_k(self._k, elapsed)
