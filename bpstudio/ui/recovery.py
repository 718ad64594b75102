"""Autosave and crash recovery in the window: the timer that writes a recovery file, and the dialog
that offers the files of an instance that crashed.

The files themselves (names, locks, listing, removing) are `document.recovery`'s business. The
`Autosaver` of a window writes its document a few seconds after the last change, and at least
every MAX_INTERVAL_MS while changes keep coming (a Run): the GUI thread only copies the network
(`Controller.recovery_snapshot`, a few milliseconds); turning it into JSON, checking it and writing
it happen in a worker process (see `writer_process`). Saving, or closing the window (after Save or Discard), removes the file.
"""

from __future__ import annotations

import multiprocessing
import time
from collections.abc import Callable
from concurrent import futures
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, QObject, QStandardPaths, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from bpstudio.controller import Controller
from bpstudio.document import recovery
from bpstudio.ui.fields import count_text

if TYPE_CHECKING:
    from bpstudio.ui.main_window import MainWindow

DELAY_MS = 3000  # after the last change
MAX_INTERVAL_MS = 60_000  # at the latest, while changes keep coming
POLL_MS = 50  # how often a write under way is looked at


def recovery_folder() -> Path:
    """`recovery/` in the platform's data location (~/.local/share/BP Studio/bpstudio on Linux)."""
    location = QStandardPaths.StandardLocation.AppDataLocation
    return Path(QStandardPaths.writableLocation(location)) / "recovery"


def writer_process() -> Executor:
    """One worker process for every autosave of this instance (started on first use).

    A thread would not do: turning a 6 × 64 network into JSON and checking it is ~300 ms of Python
    holding the GIL, and the GUI thread, waiting for the GIL on each call into Qt, dropped frames
    of 300 ms and more while it ran (tests/benchmarks/bench_autosave.py). "spawn" starts a fresh
    interpreter: forking a process that runs Qt's threads is unsafe. The worker runs at a lower
    priority, so that on a busy machine the window's frames come first, and ends with this process
    (`recovery.start_worker`)."""
    return ProcessPoolExecutor(
        max_workers=1, mp_context=multiprocessing.get_context("spawn"), initializer=recovery.start_worker
    )


class Autosaver(QObject):
    """Keeps one document's recovery file up to date (see the module docstring)."""

    written = Signal(str)  # the recovery file, after each successful write
    failed = Signal(str)  # a write failed: the message to show

    def __init__(
        self,
        controller: Controller,
        session: recovery.RecoverySession,
        executor: Executor,
        *,
        delay_ms: int = DELAY_MS,
        interval_ms: int = MAX_INTERVAL_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.document = document = controller.document
        self.session = session
        self.key = session.new_document()
        self.adopted: list[recovery.RecoveryEntry] = []  # restored files, removed once replaced
        self.writes = 0
        self._executor = executor
        self._interval = interval_ms / 1000
        self._pending_since: float | None = None
        self._future: Future[str | None] | None = None
        self._again = False
        self._closed = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.write_now)
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._look)
        document.history.changed.connect(self._changed)
        document.file_state_changed.connect(self._changed)
        self._changed()

    @property
    def path(self) -> Path:
        """The document's recovery file."""
        return self.session.paths(self.key)[0]

    @property
    def busy(self) -> bool:
        """A write is under way in the worker."""
        return self._future is not None

    def _changed(self) -> None:
        if not self.document.modified:
            self._pending_since = None
            self._timer.stop()
            if not self.busy:  # else _collect removes it
                self.session.remove(self.key)
            self._let_go_of_adopted()  # a restored document saved or discarded
            return
        now = time.monotonic()
        if self._pending_since is None:
            self._pending_since = now
        if now - self._pending_since >= self._interval:
            self.write_now()
        else:
            self._timer.start()

    def write_now(self) -> None:
        """Copy the document (the GUI thread's only cost) and have the worker write the copy."""
        self._timer.stop()
        if self._closed or not self.document.modified:
            return
        if self.busy:
            self._again = True
            return
        self._pending_since = None
        nf = self.controller.recovery_snapshot()
        folder, session = self.session.folder, self.session.id
        try:
            self._future = self._executor.submit(
                recovery.write_document, folder, session, self.key, nf, self.document.path
            )
        except RuntimeError as error:  # the worker is gone (shut down or broken)
            self.failed.emit(self.tr("Autosave failed: {0}").format(str(error)))
            return
        self._poll.start()

    def _look(self) -> None:
        if self._future is None or self._future.done():
            self._collect()

    def _collect(self) -> None:
        """The write has ended: remove, report or go on as the document now requires."""
        self._poll.stop()
        future, self._future = self._future, None
        if future is None or self._closed:
            return
        try:
            problem = future.result()
        except Exception as error:  # the worker process died or could not take the copy
            problem = str(error) or type(error).__name__
        if not self.document.modified:
            self.session.remove(self.key)
        elif problem is not None:
            self.failed.emit(self.tr("Autosave failed: {0}").format(problem))
        else:
            self.writes += 1
            self._let_go_of_adopted()  # this document's own file holds it now
            self.written.emit(str(self.path))
        if self._again:
            self._again = False
            self.write_now()

    def wait(self) -> None:
        """Block until the write under way has ended, and take its outcome (closing, tests)."""
        if self._future is not None:
            futures.wait([self._future])
            self._collect()

    def finish(self, keep_file: bool = False) -> None:
        """The window closed after Save or Discard: the recovery file is no longer needed (with
        `keep_file`, autosave just stops)."""
        if self._closed:
            return
        self._again = False
        self._timer.stop()
        self.wait()
        self._closed = True
        self.document.history.changed.disconnect(self._changed)
        self.document.file_state_changed.disconnect(self._changed)
        if keep_file:
            return
        self.session.remove(self.key)
        self._let_go_of_adopted()

    def _let_go_of_adopted(self) -> None:
        for entry in self.adopted:
            recovery.discard(entry)
        self.adopted.clear()


def describe(entry: recovery.RecoveryEntry) -> str:
    """One line of the recovery dialog: name, time written and steps trained."""
    when = QDateTime.fromSecsSinceEpoch(int(entry.saved_at))
    time_text = QLocale().toString(when, QLocale.FormatType.ShortFormat)
    name = entry.name if entry.original is None else f"{entry.name} ({entry.original.name})"
    return QCoreApplication.translate("RecoveryPrompt", "{0} — written {1}, {2} steps").format(
        name, time_text, count_text(entry.steps)
    )


class RecoveryPrompt(QObject):
    """Asks Restore / Discard about the documents an ended instance left behind."""

    def ask(self, parent: QWidget | None, entries: list[recovery.RecoveryEntry]) -> bool:
        """True: restore them; False: discard them."""
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Recover networks"))
        box.setText(
            self.tr("BP Studio did not close properly. These networks had changes that were not saved:")
        )
        box.setInformativeText("\n".join(f"• {describe(entry)}" for entry in entries))
        restore = box.addButton(self.tr("Restore"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Discard"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(restore)
        box.exec()
        return box.clickedButton() is restore


def offer(
    parent: QWidget | None,
    session: recovery.RecoverySession,
    answer: Callable[[QWidget | None, list[recovery.RecoveryEntry]], bool] | None = None,
) -> list[recovery.RecoveryEntry]:
    """The entries to restore (the learner chose Restore), after asking; Discard removes them."""
    entries = recovery.recoverable(session.folder, session.id)
    if not entries:
        return []
    ask = answer or RecoveryPrompt().ask
    if ask(parent, entries):
        return entries
    for entry in entries:
        recovery.discard(entry)
    return []


class Recovery:
    """This process's recovery session and the autosaver of each of its windows."""

    def __init__(self, session: recovery.RecoverySession, delay_ms: int = DELAY_MS) -> None:
        self.session = session
        self.delay_ms = delay_ms
        self.savers: list[Autosaver] = []
        self.executor = writer_process()

    @classmethod
    def start(cls, folder: Path | None = None, delay_ms: int = DELAY_MS) -> tuple[Recovery | None, str]:
        """The session in `folder` (default: recovery_folder()), or None and why autosave is off."""
        folder = folder or recovery_folder()
        try:
            return cls(recovery.RecoverySession(folder), delay_ms), ""
        except OSError as error:
            reason = error.strerror or str(error)
            message = QCoreApplication.translate(
                "RecoveryPrompt", "Autosave is off: cannot use the folder {0} ({1})."
            ).format(str(folder), reason)
            return None, message

    def attach(self, window: MainWindow) -> Autosaver:
        """Autosave `window`'s document until the window closes."""
        saver = Autosaver(
            window.controller, self.session, self.executor, delay_ms=self.delay_ms, parent=window
        )
        saver.failed.connect(lambda message: window.statusBar().showMessage(message, 15000))
        window.closed.connect(saver.finish)
        self.savers.append(saver)
        return saver

    def restore(
        self,
        window: MainWindow,
        new_window: Callable[[], MainWindow],
        answer: Callable[[QWidget | None, list[recovery.RecoveryEntry]], bool] | None = None,
    ) -> list[MainWindow]:
        """Offer what crashed instances left: the first document restored goes into `window` when
        it holds the unchanged default network, every other one (and all of them when the learner
        opened a file) into a window from `new_window`. Returns the windows that received one."""
        entries = offer(window, self.session, answer)
        restored: list[MainWindow] = []
        free = window.document.path is None and not window.document.modified
        for entry in entries:
            target = window if free and not restored else new_window()
            if target.controller.restore_recovered(entry):
                saver = next(s for s in self.savers if s.document is target.document)
                saver.adopted.append(entry)
                restored.append(target)
            elif target is not window:
                target.close()
        return restored

    def close(self) -> None:
        """The application ends. Windows closed as usual have removed their files already; a
        document still unsaved (the application was made to quit without asking) keeps its file,
        which the next start offers, since its lock goes with the session."""
        for saver in self.savers:
            if saver.document.modified:
                saver.write_now()
                saver.wait()
            saver.finish(keep_file=saver.document.modified)
        self.executor.shutdown(wait=True)
        self.session.close()
