"""`python -m bpstudio` is the same as the `bpstudio` command."""

import sys

from bpstudio.cli import main

if __name__ == "__main__":
    sys.exit(main())
