"""Test-wide settings: reproducible property tests on CI, Qt offscreen everywhere."""

from __future__ import annotations

import os

from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# `make test` draws the same examples every run, so a red build is reproducible and a clean
# clone on CI meets no example nobody has seen; `HYPOTHESIS_FRESH=1 make test` draws fresh ones
# (run it when you change the engine or the file format).
settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
settings.register_profile("dev", deadline=None)
settings.load_profile("dev" if os.environ.get("HYPOTHESIS_FRESH") else "ci")
