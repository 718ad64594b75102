"""Answer a message box the window builds itself (with its own buttons) by clicking a button.

The `dialogs` fixture records the static QMessageBox functions; a box with custom buttons runs its
own event loop instead, and `BoxClicker` clicks in it from a timer, as a learner would.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox


class BoxClicker:
    """While alive, every modal message box shown gets the next label of `answers` clicked
    ("Cancel" when none is left); `seen` holds each box's text."""

    def __init__(self, answers: list[str] | None = None) -> None:
        self.answers = list(answers or [])
        self.seen: list[str] = []
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._answer)
        self.timer.start()

    def _answer(self) -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or not box.isVisible():
            return
        label = self.answers.pop(0) if self.answers else "Cancel"
        self.seen.append(box.text())
        for button in box.buttons():
            if button.text().replace("&", "") == label:
                button.click()
                return
        box.reject()
        raise AssertionError(f"no button {label!r} in {[b.text() for b in box.buttons()]}")

    def stop(self) -> None:
        self.timer.stop()
