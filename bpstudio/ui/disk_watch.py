"""The open file on disk: did another program change, replace or delete it since we read or wrote it?

Saving over a file that someone else changed would silently throw their version away, and saving
to a file that was deleted or moved recreates it where the learner may no longer expect it. So
`DiskWatch` remembers the file's identity and content stamp (device, inode, size, modification
time) when the document is opened or saved, a QFileSystemWatcher tells the window as soon as the
file changes (status bar), and File › Save asks `state()` first and lets the learner choose
Save As… / Overwrite / Cancel (`FileActions.save`).

The stamp, not the watcher, is the truth at save time: the watcher also fires for our own saves
(late, from the event loop) and may miss changes on some file systems; the stamp never does.
"""

from __future__ import annotations

import enum
import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QFileSystemWatcher, QObject

if TYPE_CHECKING:
    from bpstudio.ui.main_window import MainWindow

Stamp = tuple[int, int, int, int]


class DiskState(enum.Enum):
    UNCHANGED = "unchanged"  # or there is no file (a new network)
    CHANGED = "changed"  # another program wrote, replaced or truncated it
    GONE = "gone"  # it was deleted or moved away


def stamp(path: Path) -> Stamp | None:
    """(device, inode, size, mtime in ns) of the file, None when there is none."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns)


class DiskWatch(QObject):
    """Follows the window's document: its path, the stamp it was read or written with, a watcher."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.document = window.document
        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self._on_file_changed)
        self._path: Path | None = None
        self._stamp: Stamp | None = None
        self.document.replaced.connect(self.remember)  # New, Open, an example: a new file or none
        self.document.file_state_changed.connect(self._follow_path)
        self.remember()

    def remember(self) -> None:
        """The document's file as it is now on disk is the one the document holds (open, saved)."""
        if self.watcher.files():
            self.watcher.removePaths(self.watcher.files())
        self._path = self.document.path
        self._stamp = None if self._path is None else stamp(self._path)
        if self._path is not None and self._stamp is not None:
            self.watcher.addPath(str(self._path))

    def state(self) -> DiskState:
        """How the file on disk differs from the one the document was opened from or saved to."""
        if self._path is None or self._stamp is None:
            return DiskState.UNCHANGED
        now = stamp(self._path)
        if now is None:
            return DiskState.GONE
        return DiskState.UNCHANGED if now == self._stamp else DiskState.CHANGED

    def _follow_path(self) -> None:
        if self.document.path != self._path:  # Save As to a new name
            self.remember()

    def _on_file_changed(self, path: str) -> None:
        if os.path.exists(path) and path not in self.watcher.files():
            self.watcher.addPath(path)  # an atomic replace drops the file from the watch: watch the new one
        state = self.state()
        if state is DiskState.CHANGED:
            text = self.tr("“{0}” was changed on disk by another program; saving will ask what to do.")
        elif state is DiskState.GONE:
            text = self.tr("“{0}” was deleted or moved on disk; saving will ask what to do.")
        else:
            return  # our own save, reported late by the watcher
        self.window_.statusBar().showMessage(text.format(Path(path).name), 15000)
