"""Recovery files: the open documents written now and then, so that a crash loses (almost) nothing.

Each running instance is a `RecoverySession` in one folder (the window puts it under the
platform's data location). The session holds an exclusive lock on its own lock file for as long as
the process lives; the operating system releases it when the process ends in any way, `kill -9`
included, so a session whose lock can be taken belongs to a process that is gone and its files can
be offered. Every name carries the session (pid and a random token) and a per-document number, so
two windows or two instances never write to the same file.

A document's recovery is two files: `<session>-<n>.json`, a network file with its training state
written by `fileformat.save_file` (atomic: a kill during a write leaves the previous one), and
`<session>-<n>.meta.json`, which says where the document came from (its original path) and when
it was written. No Qt here: the window's timer and dialog are in `ui/recovery.py`.
"""

from __future__ import annotations

import dataclasses
import json
import multiprocessing
import multiprocessing.connection
import os
import secrets
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from bpstudio.document.fileformat import NetworkFile, SaveError, load_file, save_file
from bpstudio.engine import Stepper

LOCK_SUFFIX = ".lock"
META_SUFFIX = ".meta.json"
NETWORK_SUFFIX = ".json"
META_FORMAT = "bpstudio-recovery"


@dataclass(frozen=True)
class RecoveryEntry:
    """One recoverable document of a session that is no longer running."""

    network: Path  # the network file (with its training state)
    meta: Path
    session: str
    name: str  # the network's name as written in the file
    saved_at: float  # seconds since the epoch
    steps: int  # training steps done
    original: Path | None  # the file the document was opened from or saved to, None: never saved


def snapshot(nf: NetworkFile) -> NetworkFile:
    """A copy of `nf` whose stepper is independent of the live one, so that it can be written on
    another thread while training goes on (copies arrays: a few milliseconds on a 6 × 64 network)."""
    s = nf.stepper
    stepper = Stepper(s.network.copy(), s.loss, s.optimizer, s.training, s.dataset.copy())
    stepper.restore(s.snapshot())
    stepper.cost_history = list(s.cost_history)  # a snapshot keeps only their lengths
    stepper.epoch_history = list(s.epoch_history)
    return dataclasses.replace(nf, stepper=stepper)


def _try_lock(stream: IO[bytes]) -> bool:
    """Take an exclusive, non-blocking lock on an open file; False when another holder has it."""
    try:
        if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
            import msvcrt

            msvcrt.locking(stream.fileno(), msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(stream.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _write_text_atomically(path: Path, text: str) -> None:
    """The small metadata file: temporary file in the same folder, fsync, rename."""
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise


def _unlink(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass


class RecoverySession:
    """This process's recovery files in `folder` (created if missing); `close` ends the session.

    Raises OSError when the folder cannot be created or the lock not taken: the caller then runs
    without autosave and says so.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.id = f"{os.getpid()}-{secrets.token_hex(4)}"
        self._lock_path = self.folder / f"{self.id}{LOCK_SUFFIX}"
        self._lock: IO[bytes] | None = open(self._lock_path, "wb")
        if not _try_lock(self._lock):
            self._lock.close()
            raise OSError(f"cannot lock {self._lock_path}")
        self._next = 0

    def new_document(self) -> str:
        """A key for one more document of this session (its files' names)."""
        self._next += 1
        return f"{self.id}-{self._next}"

    def paths(self, key: str) -> tuple[Path, Path]:
        """(network file, metadata file) of document `key`."""
        return self.folder / f"{key}{NETWORK_SUFFIX}", self.folder / f"{key}{META_SUFFIX}"

    def write(self, key: str, nf: NetworkFile, original: Path | None) -> Path:
        """Write document `key` (see write_document); raises SaveError or OSError."""
        problem = write_document(self.folder, self.id, key, nf, original)
        if problem is not None:
            raise OSError(problem)
        return self.paths(key)[0]

    def remove(self, key: str) -> None:
        """Forget document `key` (saved, closed or discarded)."""
        for path in reversed(self.paths(key)):
            _unlink(path)

    def close(self) -> None:
        """End the session: its lock file goes (its documents were removed one by one)."""
        if self._lock is None:
            return
        self._lock.close()  # first: Windows removes no file that is open
        self._lock = None
        try:
            _unlink(self._lock_path)
        except OSError:  # another instance checking it holds it for a moment; it is unlocked anyway
            pass


def write_document(
    folder: Path, session: str, key: str, nf: NetworkFile, original: Path | None
) -> str | None:
    """Write document `key` of `session`: the network file first, then the metadata that makes it
    listed. None when written, else the reason in one sentence (the previous recovery stays).

    A plain function of plain arguments, so that it can run in a worker process: the window's
    autosave runs it there, where turning the network into JSON does not hold the GUI's GIL."""
    network = Path(folder) / f"{key}{NETWORK_SUFFIX}"
    meta = Path(folder) / f"{key}{META_SUFFIX}"
    try:
        save_file(network, nf, include_state=True)
        record = {
            "format": META_FORMAT,
            "session": session,
            "saved_at": time.time(),
            "original": None if original is None else str(original),
        }
        _write_text_atomically(meta, json.dumps(record, ensure_ascii=False) + "\n")
    except SaveError as error:
        return error.problem
    except OSError as error:
        return error.strerror or str(error)
    return None


def start_worker() -> None:
    """Set up a worker process that writes recovery files (its pool's initializer).

    It runs at a lower scheduling priority where the system allows it (autosave is background
    work), and it ends as soon as the process that started it ends, even by `kill -9`: a worker
    waiting for work would otherwise outlive it."""
    if hasattr(os, "nice"):
        try:
            os.nice(10)
        except OSError:
            pass
    parent = multiprocessing.parent_process()
    if parent is not None:
        sentinel = parent.sentinel

        def end_with_parent() -> None:
            multiprocessing.connection.wait([sentinel])
            os._exit(0)

        threading.Thread(target=end_with_parent, name="end-with-parent", daemon=True).start()


def _session_alive(folder: Path, session: str) -> bool:
    """True while the process of `session` runs (it holds its lock); a missing lock file means the
    process ended (clean exits remove it)."""
    lock = folder / f"{session}{LOCK_SUFFIX}"
    try:
        stream = open(lock, "rb")
    except OSError:
        return False
    with stream:
        return not _try_lock(stream)


def _read_entry(meta: Path) -> RecoveryEntry | None:
    """The entry of a metadata file, or None when it or its network file is unreadable."""
    try:
        record: Any = json.loads(meta.read_text(encoding="utf-8"))
        network = meta.with_name(meta.name[: -len(META_SUFFIX)] + NETWORK_SUFFIX)
        if not isinstance(record, dict) or record.get("format") != META_FORMAT:
            return None
        summary = json.loads(network.read_text(encoding="utf-8"))
        original = record.get("original")
        state = summary.get("state") or {}
        return RecoveryEntry(
            network=network,
            meta=meta,
            session=str(record["session"]),
            name=str(summary.get("name", "")),
            saved_at=float(record["saved_at"]),
            steps=int(state.get("step", 0)),
            original=Path(original) if isinstance(original, str) else None,
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def recoverable(folder: Path, own_session: str | None = None) -> list[RecoveryEntry]:
    """The documents left by instances that are no longer running, newest first.

    Files of a running instance (its lock is held), of `own_session`, or half written (no
    metadata yet) are not listed."""
    if not Path(folder).is_dir():
        return []
    entries = []
    alive: dict[str, bool] = {}
    for meta in sorted(Path(folder).glob(f"*{META_SUFFIX}")):
        entry = _read_entry(meta)
        if entry is None or entry.session == own_session:
            continue
        if entry.session not in alive:
            alive[entry.session] = _session_alive(Path(folder), entry.session)
        if not alive[entry.session]:
            entries.append(entry)
    return sorted(entries, key=lambda entry: entry.saved_at, reverse=True)


def load(entry: RecoveryEntry) -> NetworkFile:
    """The recovered network; raises fileformat.LoadError when the file cannot be read."""
    return load_file(entry.network)


def discard(entry: RecoveryEntry) -> None:
    """Remove a recovered document's files, and its session's lock file once it has no others."""
    _unlink(entry.meta)
    _unlink(entry.network)
    folder = entry.meta.parent
    for temporary in folder.glob(f".{entry.network.name}.*.tmp"):  # a write the crash cut short
        _unlink(temporary)
    if not any(folder.glob(f"{entry.session}-*{NETWORK_SUFFIX}")):
        if not _session_alive(folder, entry.session):
            _unlink(folder / f"{entry.session}{LOCK_SUFFIX}")
