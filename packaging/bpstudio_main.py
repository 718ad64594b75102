"""Entry script PyInstaller freezes: the same as the installed `bpstudio` command."""

import sys

from bpstudio.cli import main

if __name__ == "__main__":
    sys.exit(main())
