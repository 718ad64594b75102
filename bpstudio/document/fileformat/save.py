"""Atomic saving: the text goes to a temporary file in the same folder, is flushed to disk and then
renamed over the target, so a failure never damages the previous file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from bpstudio.document.fileformat.build import LoadError, loads
from bpstudio.document.fileformat.common import NetworkFile, SaveError
from bpstudio.document.fileformat.write import dumps


def _default_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def save_file(path: str | os.PathLike[str], nf: NetworkFile, include_state: bool = True) -> None:
    """Write atomically: temporary file in the same folder, flush + fsync, then rename over `path`.

    On any failure the temporary file is removed, the previous file is left exactly as it was,
    and SaveError says what went wrong.
    """
    name = os.fspath(path)
    target = Path(name)
    try:
        text = dumps(nf, include_state)
    except (ValueError, TypeError, RecursionError) as error:
        raise SaveError(f"could not write the network as JSON: {error}", name) from None
    try:  # a saved file must always open again: check it with the loader before writing it
        loads(text, name)
    except LoadError as error:
        where = f"{error.json_path}: " if error.json_path else ""
        raise SaveError(f"the network cannot be saved as it is: {where}{error.problem}", name) from None
    data = text.encode("utf-8")
    if target.is_dir():
        raise SaveError("this is a folder; choose a file name", name)
    folder = target.absolute().parent
    try:
        mode = os.stat(name).st_mode & 0o777
    except OSError:
        mode = _default_mode()
    try:
        fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except FileNotFoundError:
        raise SaveError(f"the folder {folder} does not exist", name) from None
    except PermissionError:
        raise SaveError(f"no permission to write in the folder {folder}", name) from None
    except OSError as error:
        raise SaveError(f"cannot create a file in {folder}: {error.strerror or error}", name) from None
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, name)
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
