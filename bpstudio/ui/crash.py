"""The global exception hook: an unexpected exception in a slot never reaches the learner as a crash.

Qt's event loop hands an exception raised in a slot, a timer or an event handler to
`sys.excepthook` and goes on. `ExceptionHook` writes it with its traceback to a log file in the
platform's state (log) location and shows one short dialog saying what failed and where the log
is; the document is untouched (a command that raises records nothing, see `UndoHistory.push`), so
the learner keeps working and can save. An exception that repeats (a paint handler, a timer) shows
one dialog, not a storm of them: the others go to the log only.
"""

from __future__ import annotations

import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QStandardPaths, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

LOG_NAME = "bpstudio.log"
MAX_LOG_BYTES = 1_000_000  # the log keeps one older file (.1) beyond this
QUOTE = 80  # characters of the exception's message quoted in the dialog

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def log_folder() -> Path:
    """Where the log goes: the platform's state location (~/.local/state/bpstudio on Linux), or the
    application's data location where the platform has none."""
    paths = QStandardPaths
    folder = paths.writableLocation(paths.StandardLocation.StateLocation)
    if not folder:
        folder = paths.writableLocation(paths.StandardLocation.AppLocalDataLocation)
    return Path(folder) / "logs"


def where(tb: TracebackType | None) -> str:
    """The innermost frame of our own code (else the innermost one) as `file:line (function)`."""
    frames = traceback.extract_tb(tb)
    if not frames:
        return "?"
    ours = [frame for frame in frames if "bpstudio" in Path(frame.filename).parts]
    frame = (ours or frames)[-1]
    return f"{Path(frame.filename).name}:{frame.lineno} ({frame.name})"


def short(text: str, limit: int = QUOTE) -> str:
    """At most `limit` characters of `text`, on one line."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class ExceptionHook:
    """Installed as `sys.excepthook` by `install`; `parent` gives the window the dialog belongs to."""

    def __init__(self, log_path: Path, parent: Callable[[], QWidget | None] = lambda: None) -> None:
        self.log_path = log_path
        self._parent = parent
        self._showing = False
        self.previous: ExceptHook = sys.excepthook
        self.caught = 0  # exceptions handled (tests and the log count them)

    def __call__(self, kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt | SystemExit):
            self.previous(kind, error, tb)
            return
        self.caught += 1
        text = "".join(traceback.format_exception(kind, error, tb))
        sys.stderr.write(text)
        logged = self._log(text)
        summary = f"{kind.__name__}: {short(str(error))}" if str(error) else kind.__name__
        if not self._showing and QApplication.instance() is not None:
            self._showing = True
            QTimer.singleShot(0, lambda: self._show(summary, where(tb), logged))

    def _log(self, text: str) -> bool:
        """Append the traceback to the log; False when it cannot be written (the dialog says so)."""
        try:
            self.log_path.parent.mkdir(parents=True, exist_ok=True)
            if self.log_path.exists() and self.log_path.stat().st_size > MAX_LOG_BYTES:
                self.log_path.replace(self.log_path.with_name(self.log_path.name + ".1"))
            stamp = time.strftime("%Y-%m-%d %H:%M:%S %z")
            with open(self.log_path, "a", encoding="utf-8", errors="backslashreplace") as stream:
                stream.write(f"--- {stamp}, unexpected error\n{text}\n")
        except OSError:
            return False
        return True

    def _parent_widget(self) -> QWidget | None:
        """The window to show the dialog over; None when it has gone (closed and deleted)."""
        try:
            parent = self._parent()
            if parent is not None:
                parent.isVisible()  # raises RuntimeError once Qt has deleted the widget
        except RuntimeError:
            return None
        return parent

    def _show(self, summary: str, place: str, logged: bool) -> None:
        try:
            if logged:
                tail = tr("The details are in the log file:\n{0}").format(str(self.log_path))
            else:
                tail = tr("The details could not be written to a log file.")
            message = tr(
                "Something went wrong in BP Studio ({0}, at {1}).\n\n"
                "Your network is as it was: you can go on working and save it.\n\n{2}"
            ).format(summary, place, tail)
            QMessageBox.critical(self._parent_widget(), tr("Unexpected error"), message)
        finally:
            self._showing = False


def install(parent: Callable[[], QWidget | None]) -> ExceptionHook:
    """Make an ExceptionHook the process's `sys.excepthook` (`uninstall` puts the previous back)."""
    hook = ExceptionHook(log_folder() / LOG_NAME, parent)
    sys.excepthook = hook
    return hook


def uninstall(hook: ExceptionHook) -> None:
    if sys.excepthook is hook:
        sys.excepthook = hook.previous
