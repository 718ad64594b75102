"""Which files the program reads and writes: only regular files, never blocking on a pipe.

A named pipe (FIFO) opened for reading waits for a writer, so a plain `open()` hangs the command
or the window; a device node (`/dev/zero`) never ends; and an atomic save *replaces* whatever is
at the path, so saving onto `/dev/null` or a FIFO would put a regular file in its place. Every
reader therefore opens through `open_regular` and every writer asks `output_target` first.

Rules (docs/file-format.md, "Which files"):
- reading: a symbolic link is followed; what it leads to must be a regular file, else the read is
  refused at once (the file is opened with O_NONBLOCK and checked with fstat, so even a FIFO that
  appears between the check and the open cannot block);
- writing: a folder, a FIFO, a device node or a socket is refused; a symbolic link is written
  *through*: its target is replaced atomically and the link stays a link.

Refusals are `NotRegularFileError` (IsADirectoryError for a folder), OSErrors whose `strerror` is
a plain sentence, so code that already reports `error.strerror` of an OSError reports these too.
No Qt here.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO

_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_BINARY = getattr(os, "O_BINARY", 0)  # Windows: no newline translation
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)


class NotRegularFileError(OSError):
    """The path names something that is not a regular file (a pipe, a device, a socket, a folder)."""

    def __init__(self, code: int, sentence: str, path: str) -> None:
        super().__init__(code, sentence, path)


def kind_of(mode: int) -> str:
    """What a file of this st_mode is, in words ("a named pipe (FIFO)")."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _refusal(mode: int, path: str, doing: str = "") -> OSError:
    """The error for a path that is not a regular file: IsADirectoryError for a folder (as `open`
    raises), NotRegularFileError for the rest."""
    rest = f"; {doing}" if doing else ""
    if stat.S_ISDIR(mode):
        return IsADirectoryError(errno.EISDIR, f"this is a folder, not a file{rest}", path)
    return NotRegularFileError(errno.EINVAL, f"this is {kind_of(mode)}, not a regular file{rest}", path)


def open_regular(path: str | os.PathLike[str]) -> BinaryIO:
    """Open a regular file for reading in binary; anything else is refused at once.

    The check is made on the opened descriptor (fstat), so nothing can be swapped in between; the
    open itself never blocks (O_NONBLOCK), and blocking reads are restored for a regular file.
    Other failures are the usual OSErrors (FileNotFoundError, PermissionError…).
    """
    name = os.fspath(path)
    try:
        fd = os.open(name, os.O_RDONLY | _NONBLOCK | _BINARY | _CLOEXEC)
    except OSError as error:  # a socket cannot be opened (ENXIO): say what it is rather than why not
        try:
            mode = os.stat(name).st_mode
        except OSError:
            raise error from None
        if stat.S_ISREG(mode):
            raise
        raise _refusal(mode, name) from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise _refusal(mode, name)
        if _NONBLOCK:
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_regular(path: str | os.PathLike[str], limit: int | None = None) -> bytes:
    """The bytes of a regular file (at most `limit` + 1 of them, so a caller can see "too large")."""
    with open_regular(path) as stream:
        return stream.read() if limit is None else stream.read(limit + 1)


def output_target(path: str | os.PathLike[str]) -> Path:
    """The file an output to `path` really replaces, after refusing what must not be replaced.

    A symbolic link (even a chain, or one whose target does not exist yet) leads to its target,
    which is returned; the link itself is kept. Refused: a folder (IsADirectoryError), a FIFO, a
    device node or a socket (NotRegularFileError) at the target; with FileNotFoundError / NotADirectoryError: a folder
    on the way that does not exist or is a file; a symlink loop with its OSError (ELOOP).
    """
    name = os.fspath(path)
    target = Path(os.path.realpath(name)) if os.path.islink(name) else Path(os.path.abspath(name))
    try:
        mode: int | None = os.stat(target).st_mode
    except FileNotFoundError:
        mode = None
    except NotADirectoryError:
        mode = None  # a file on the way: reported below, about the folder
    if mode is not None and not stat.S_ISREG(mode):
        raise _refusal(mode, name, "only a regular file can be replaced")
    folder = target.parent
    try:
        folder_mode = os.stat(folder).st_mode
    except FileNotFoundError:
        raise FileNotFoundError(errno.ENOENT, f"the folder {folder} does not exist", name) from None
    except NotADirectoryError:
        raise NotADirectoryError(
            errno.ENOTDIR, f"{_file_on_the_way(folder)} is a file, not a folder", name
        ) from None
    if not stat.S_ISDIR(folder_mode):
        raise NotADirectoryError(errno.ENOTDIR, f"{folder} is a file, not a folder", name)
    return target


def _file_on_the_way(folder: Path) -> Path:
    """The first part of `folder` that exists and is not a folder (what makes the path impossible)."""
    for part in [*reversed(folder.parents), folder]:
        if part.exists() and not part.is_dir():
            return part
    return folder
