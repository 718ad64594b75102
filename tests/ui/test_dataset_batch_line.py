"""The Dataset dock's batch line and highlight describe the batch the canvas shows, and say which.

Before a step: the next batch. Once a step has begun (also a finished one, whose values stay on the
canvas): the trace's batch, the one the canvas's sample belongs to.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from bpstudio.assets import resource
from bpstudio.ui.main_window import MainWindow
from tests.support.windows import close_window, show_window


@pytest.fixture
def circles(qtbot: Any, tmp_path: Path) -> Iterator[MainWindow]:
    win = show_window(qtbot, tmp_path, resource("examples", "circles.json"))
    yield win
    close_window(win)


def listed(window: MainWindow) -> tuple[str, list[int]]:
    """The batch line's words and the sample numbers it lists (1-based)."""
    line = window.dataset_panel.info.text().splitlines()[0]
    words, _, numbers = line.rpartition(":")
    return words, [int(n) for n in re.findall(r"\d+", numbers)]


def highlighted(window: MainWindow) -> set[int]:
    model = window.dataset_panel.model
    return {
        row + 1
        for row in range(model.rowCount())
        if model.data(model.index(row, 0), Qt.ItemDataRole.BackgroundRole) is not None
    }


def canvas_sample(window: MainWindow) -> int:
    found = re.search(r"\d+", window.dataset_panel.info.text().splitlines()[1])
    assert found, window.dataset_panel.info.text()
    return int(found.group())


def test_after_a_step_the_line_names_the_batch_just_computed(qtbot: Any, circles: MainWindow) -> None:
    window = circles
    words, before = listed(window)
    assert "next batch" in words
    assert canvas_sample(window) in before
    window.canvas.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    trace = window.document.trace
    assert trace is not None and trace.complete
    computed = [int(i) + 1 for i in trace.batch]
    words, numbers = listed(window)
    assert "just computed" in words, words
    assert numbers == sorted(computed)[: len(numbers)]
    assert highlighted(window) == set(computed)
    assert canvas_sample(window) in highlighted(window)


def test_in_vietnamese_the_line_says_which_batch(qtbot: Any, circles: MainWindow) -> None:
    window = circles
    window.set_language("vi")
    try:
        assert "lô tiếp theo" in listed(window)[0]
        window.canvas.setFocus()
        qtbot.keyClick(window, Qt.Key.Key_Space)
        assert "lô của bước này" in listed(window)[0]
    finally:
        window.set_language("en")
