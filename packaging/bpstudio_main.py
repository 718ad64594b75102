"""Entry script PyInstaller freezes: the same as the installed `bpstudio` command."""

import os
import sys

# A windowed executable (Windows' bpstudio.exe, a macOS .app started from Finder) has no
# console: PyInstaller leaves sys.stdout/sys.stderr as None there. Printing a message must not
# crash the program, so such output goes nowhere instead.
for _stream in ("stdout", "stderr"):
    if getattr(sys, _stream) is None:
        setattr(sys, _stream, open(os.devnull, "w", encoding="utf-8"))

from bpstudio.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
