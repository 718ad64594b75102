"""Run a call that must not block (reading a FIFO, say) so that a regression fails instead of hanging."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")


def within(seconds: float, call: Callable[[], T], fifo: Path | None = None) -> T:
    """`call()`'s result (or its exception), or a failed test when it takes longer than `seconds`.

    A call blocked on opening `fifo` for reading is released afterwards by opening the FIFO for
    writing, so the thread left behind ends."""
    outcome: dict[str, Any] = {}

    def run() -> None:
        try:
            outcome["value"] = call()
        except BaseException as error:  # handed to the test below
            outcome["error"] = error

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        if fifo is not None:
            _release(fifo)
        raise AssertionError(f"the call blocked for more than {seconds} s")
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]  # type: ignore[no-any-return]


def _release(fifo: Path) -> None:
    try:
        fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
    except OSError:
        return
    os.close(fd)
