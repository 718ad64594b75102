"""The global exception hook (ui/crash.py): a slot that raises, through the real event loop, is
logged with its traceback and shown as one short dialog; the window and the document go on."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QTimer

from bpstudio.ui import crash
from tests.support.ui_state import file_text
from tests.support.windows import close_window, show_window


def test_a_slot_that_raises_is_logged_and_shown_and_the_window_goes_on(
    qtbot: Any, tmp_path: Path, dialogs: dict[str, list[Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    window = show_window(qtbot, tmp_path)
    window.controller.step()
    before = file_text(window.document)
    hook = crash.ExceptionHook(tmp_path / "logs" / crash.LOG_NAME, lambda: window)
    monkeypatch.setattr(sys, "excepthook", hook)

    def broken_slot() -> None:
        raise ValueError("a value nobody expected " + "x" * 200)

    for _ in range(3):  # a repeating failure shows one dialog, and logs each
        QTimer.singleShot(0, broken_slot)
    qtbot.waitUntil(lambda: hook.caught == 3 and len(dialogs["critical"]) == 1, timeout=5000)
    qtbot.wait(50)
    assert len(dialogs["critical"]) == 1
    message = dialogs["critical"][0]
    assert "ValueError: a value nobody expected" in message and "broken_slot" in message
    assert str(hook.log_path) in message and "Traceback" not in message
    assert max(len(line) for line in message.splitlines()) <= 200
    log = hook.log_path.read_text(encoding="utf-8")
    assert log.count("Traceback (most recent call last)") == 3 and "in broken_slot" in log

    assert file_text(window.document) == before  # the document is intact
    assert window.controller.step() and window.document.steps_done == 2  # and the window goes on
    QTimer.singleShot(0, broken_slot)  # once the dialog is closed, a new failure shows again
    qtbot.waitUntil(lambda: len(dialogs["critical"]) == 2, timeout=5000)
    close_window(window)


def test_an_unwritable_log_is_said_in_the_dialog(
    qtbot: Any, tmp_path: Path, dialogs: dict[str, list[Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a file"
    blocker.write_text("")
    hook = crash.ExceptionHook(blocker / "logs" / crash.LOG_NAME)
    monkeypatch.setattr(sys, "excepthook", hook)

    def broken_slot() -> None:
        raise KeyError("k")

    QTimer.singleShot(0, broken_slot)
    qtbot.waitUntil(lambda: len(dialogs["critical"]) == 1, timeout=5000)
    assert "KeyError" in dialogs["critical"][0] and "could not be written" in dialogs["critical"][0]


def test_install_puts_the_hook_in_place_and_uninstall_takes_it_back(tmp_path: Path) -> None:
    previous = sys.excepthook
    hook = crash.install(lambda: None)
    try:
        assert sys.excepthook is hook and hook.previous is previous
        assert hook.log_path.name == crash.LOG_NAME and hook.log_path.parent.name == "logs"
    finally:
        crash.uninstall(hook)
    assert sys.excepthook is previous


def test_a_window_already_deleted_does_not_stop_the_dialog(
    qtbot: Any, tmp_path: Path, dialogs: dict[str, list[Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    window = show_window(qtbot, tmp_path)
    close_window(window)
    qtbot.waitUntil(lambda: not shiboken6.isValid(window), timeout=5000)
    hook = crash.ExceptionHook(tmp_path / crash.LOG_NAME, lambda: window)
    monkeypatch.setattr(sys, "excepthook", hook)

    def broken_slot() -> None:
        raise RuntimeError("late")

    QTimer.singleShot(0, broken_slot)
    qtbot.waitUntil(lambda: len(dialogs["critical"]) == 1, timeout=5000)
    qtbot.wait(50)
    assert hook.caught == 1 and "RuntimeError: late" in dialogs["critical"][0]
