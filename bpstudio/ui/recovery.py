"""Autosave and crash recovery in the window: the timer that writes a recovery file, and the dialog
that offers the files of an instance that crashed.

The files themselves (names, locks, listing, removing) are `document.recovery`'s business. The
`Autosaver` of a window writes its document a few seconds after the last change, and at least
every MAX_INTERVAL_MS while changes keep coming (a Run): the GUI thread only copies the network
(`recovery.snapshot`, a few milliseconds); turning it into JSON, checking it and writing it happen
on a worker thread. Saving, or closing the window (after Save or Discard), removes the file.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, QObject, QStandardPaths, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from bpstudio.controller import Controller
from bpstudio.document import fileformat as fmt
from bpstudio.document import recovery
from bpstudio.ui.fields import count_text

if TYPE_CHECKING:
    from bpstudio.ui.main_window import MainWindow

DELAY_MS = 3000  # after the last change
MAX_INTERVAL_MS = 60_000  # at the latest, while changes keep coming


def recovery_folder() -> Path:
    """`recovery/` in the platform's data location (~/.local/share/BP Studio/bpstudio on Linux)."""
    location = QStandardPaths.StandardLocation.AppDataLocation
    return Path(QStandardPaths.writableLocation(location)) / "recovery"


class Autosaver(QObject):
    """Keeps one document's recovery file up to date (see the module docstring)."""

    written = Signal(str)  # the recovery file, after each successful write
    failed = Signal(str)  # a write failed: the reason, in one sentence
    _finished = Signal(object)  # from the worker thread: None, or the exception

    def __init__(
        self,
        controller: Controller,
        session: recovery.RecoverySession,
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
        self._interval = interval_ms / 1000
        self._pending_since: float | None = None
        self._future: Future[None] | None = None
        self._again = False
        self._closed = False
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="autosave")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.write_now)
        self._finished.connect(self._on_finished)
        document.history.changed.connect(self._changed)
        document.file_state_changed.connect(self._changed)
        self._changed()

    @property
    def path(self) -> Path:
        """The document's recovery file."""
        return self.session.paths(self.key)[0]

    @property
    def busy(self) -> bool:
        """A write is under way on the worker thread."""
        return self._future is not None

    def _changed(self) -> None:
        if not self.document.modified:
            self._pending_since = None
            self._timer.stop()
            if not self.busy:  # else _on_finished removes it
                self.session.remove(self.key)
            return
        now = time.monotonic()
        if self._pending_since is None:
            self._pending_since = now
        if now - self._pending_since >= self._interval:
            self.write_now()
        else:
            self._timer.start()

    def write_now(self) -> None:
        """Copy the document and write the copy on the worker thread (once the last write is done)."""
        self._timer.stop()
        if self._closed or not self.document.modified:
            return
        if self.busy:
            self._again = True
            return
        self._pending_since = None
        nf = self.controller.recovery_snapshot()
        original = self.document.path
        self._future = self._executor.submit(self._write, nf, original)

    def _write(self, nf: fmt.NetworkFile, original: Path | None) -> None:
        """On the worker thread: write, then tell the GUI thread (a queued signal) how it went."""
        try:
            self.session.write(self.key, nf, original)
        except Exception as error:  # reported in the window by _on_finished
            self._finished.emit(error)
            return
        self._finished.emit(None)

    def _on_finished(self, error: BaseException | None) -> None:
        self._future = None
        if self._closed:
            return
        if not self.document.modified:
            self.session.remove(self.key)
        elif error is not None:
            reason = error.problem if isinstance(error, fmt.SaveError) else str(error)
            self.failed.emit(self.tr("Autosave failed: {0}").format(reason))
        else:
            self.writes += 1
            for entry in self.adopted:
                recovery.discard(entry)
            self.adopted.clear()
            self.written.emit(str(self.path))
        if self._again:
            self._again = False
            self.write_now()

    def wait(self) -> None:
        """Block until the write under way has finished (closing, tests)."""
        future = self._future
        if future is not None:
            future.exception()  # waits; the error itself is reported by _on_finished
        QCoreApplication.sendPostedEvents(self)

    def finish(self, keep_file: bool = False) -> None:
        """The window closed after Save or Discard: the recovery file is no longer needed (with
        `keep_file`, autosave just stops)."""
        if self._closed:
            return
        self._closed = True
        self._timer.stop()
        self._again = False
        self.document.history.changed.disconnect(self._changed)
        self.document.file_state_changed.disconnect(self._changed)
        self._executor.shutdown(wait=True)
        self._future = None
        if keep_file:
            return
        self.session.remove(self.key)
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
        saver = Autosaver(window.controller, self.session, delay_ms=self.delay_ms, parent=window)
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
        """Offer what crashed instances left: the first document restored goes into `window` (just
        opened, unchanged), each other one into a window from `new_window`. Returns the windows
        that received a document."""
        entries = offer(window, self.session, answer)
        restored: list[MainWindow] = []
        for entry in entries:
            target = window if not restored else new_window()
            if target.controller.restore_recovered(entry):
                saver = next(s for s in self.savers if s.document is target.document)
                saver.adopted.append(entry)
                restored.append(target)
            elif target is not window:
                target.document.history.set_clean()
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
        self.session.close()
