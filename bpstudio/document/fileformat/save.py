"""Atomic saving: the text goes to a temporary file in the same folder, is flushed to disk and then
renamed over the target, so a failure never damages the previous file.

What is replaced is decided by `files.output_target`: a folder, a FIFO, a device node or a socket
is refused; a symbolic link is written through (its target is replaced, the link stays).

A save that is killed (power cut, `kill -9`) leaves its temporary file behind. Ours are named
`.NAME.bps-HOST-PID.XXXXXXXX.tmp` (HOST: six hex digits of this computer's name, PID: the saving
process), and every save removes the stale ones of ours in its folder (`remove_stale_temporaries`).
"""

from __future__ import annotations

import hashlib
import os
import re
import socket
import stat
import tempfile
import time
from pathlib import Path

from bpstudio.document.fileformat.build import LoadError, loads
from bpstudio.document.fileformat.common import FORMAT, NetworkFile, SaveError
from bpstudio.document.fileformat.files import output_target
from bpstudio.document.fileformat.write import dumps

STALE_AGE_SECONDS = 3600.0  # a temporary file untouched this long belongs to no running save
_NAME_LIMIT = 80  # of the target's name in a temporary file's name (names have at most 255 bytes)
_RANDOM = r"[a-z0-9_]{8}"  # what tempfile.mkstemp puts between prefix and suffix
_OURS = re.compile(r"^\..*\.bps-(?P<host>[0-9a-f]{6})-(?P<pid>[0-9]+)\." + _RANDOM + r"\.tmp$")
_OLDER = re.compile(r"^\..+\." + _RANDOM + r"\.tmp$")  # before the host and pid were in the name
_HEADER = f'"{FORMAT}"'.encode()  # our files start with {"format": "bpstudio-network", …


def _default_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def _host_tag() -> str:
    return hashlib.sha1(socket.gethostname().encode("utf-8", "replace")).hexdigest()[:6]


def temporary_prefix(target_name: str) -> str:
    """The start of our temporary file's name for a save to `target_name` (mkstemp adds the rest)."""
    return f".{target_name[:_NAME_LIMIT]}.bps-{_host_tag()}-{os.getpid()}."


def save_file(path: str | os.PathLike[str], nf: NetworkFile, include_state: bool = True) -> None:
    """Write atomically: temporary file in the same folder, flush + fsync, then rename over `path`.

    On any failure the temporary file is removed, the previous file is left exactly as it was,
    and SaveError says what went wrong.
    """
    name = os.fspath(path)
    try:
        text = dumps(nf, include_state)
    except (ValueError, TypeError, RecursionError) as error:
        raise SaveError(f"could not write the network as JSON: {error}", name) from None
    try:  # a saved file must always open again: check it with the loader before writing it
        loads(text, name)
    except LoadError as error:
        where = f"{error.json_path}: " if error.json_path else ""
        raise SaveError(f"the network cannot be saved as it is: {where}{error.problem}", name) from None
    write_atomically(name, text.encode("utf-8"))


def write_atomically(path: str | os.PathLike[str], data: bytes) -> None:
    """Replace the file at `path` by `data` atomically (see the module docstring); SaveError if not."""
    name = os.fspath(path)
    try:
        target = output_target(name)
    except OSError as error:
        raise SaveError(error.strerror or str(error), name) from None  # names what is in the way
    folder = target.parent
    remove_stale_temporaries(folder)
    try:
        mode = os.stat(target).st_mode & 0o777
    except OSError:
        mode = _default_mode()
    try:
        fd, temporary = tempfile.mkstemp(prefix=temporary_prefix(target.name), suffix=".tmp", dir=folder)
    except FileNotFoundError:
        raise SaveError(f"the folder {folder} does not exist (any more)", name) from None
    except PermissionError:
        raise SaveError(f"no permission to write in the folder {folder}", name) from None
    except OSError as error:
        raise SaveError(f"cannot create a file in {folder}: {error.strerror or error}", name) from None
    try:
        try:
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException as error:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        if not isinstance(error, Exception):
            raise
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        raise SaveError(f"could not save ({reason}); the previous file is unchanged", name) from None
    _sync_folder(folder)


def _write_all(fd: int, data: bytes) -> None:
    """os.write until every byte is written (a write may take fewer bytes than given)."""
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _process_is_gone(pid: int) -> bool:
    """True only when we are sure: POSIX says no process has this number."""
    if os.name != "posix" or pid == os.getpid() or pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:  # PermissionError: it exists, owned by someone else
        return False
    return False


def is_stale_temporary(folder: Path, entry: str, now: float | None = None) -> bool:
    """Is `folder/entry` a temporary file of ours that no running save will finish?

    Ours: a regular file (never a link) named `.NAME.bps-HOST-PID.XXXXXXXX.tmp`, or named
    `.NAME.XXXXXXXX.tmp` (versions before this rule) and empty or starting as a network file does.
    Stale: untouched for STALE_AGE_SECONDS (a save writes without pause, so its file is always
    fresh), or, at once, when HOST is this computer and process PID no longer runs.
    """
    ours = _OURS.match(entry)
    if ours is None and _OLDER.match(entry) is None:
        return False
    try:
        info = os.lstat(folder / entry)
    except OSError:
        return False
    if not stat.S_ISREG(info.st_mode):
        return False
    old = (time.time() if now is None else now) - info.st_mtime > STALE_AGE_SECONDS
    if ours is not None:
        return old or (ours["host"] == _host_tag() and _process_is_gone(int(ours["pid"])))
    return old and _starts_as_a_network_file(folder / entry)


def _starts_as_a_network_file(path: Path) -> bool:
    try:
        with open(path, "rb") as stream:  # a regular file: checked by the caller with lstat
            head = stream.read(256)
    except OSError:
        return False
    return head == b"" or (head.lstrip().startswith(b"{") and _HEADER in head)


def remove_stale_temporaries(folder: Path) -> list[str]:
    """Remove the stale temporary files of ours in `folder` (see is_stale_temporary); their names.

    Never fails: a file that cannot be listed or removed stays for a later save.
    """
    removed: list[str] = []
    try:
        entries = os.listdir(folder)
    except OSError:
        return removed
    now = time.time()
    for entry in entries:
        if entry.endswith(".tmp") and is_stale_temporary(folder, entry, now):
            try:
                os.unlink(folder / entry)
            except OSError:
                continue
            removed.append(entry)
    return removed


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable where the system allows it (POSIX)."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
