"""Recovery files left by a process that died: written by a real child process that ends with
os._exit, so the operating system releases its lock as it would after a crash or kill -9."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from bpstudio.document import fileformat as fmt
from tests.support.engine import article_stepper

ROOT = Path(__file__).resolve().parents[2]


def article_file(steps: int = 0, name: str = "recovered") -> fmt.NetworkFile:
    """The article's network after `steps` training steps."""
    stepper = article_stepper()
    for _ in range(steps):
        stepper.step()
    return fmt.NetworkFile(name=name, description="", stepper=stepper)


def dead_session(folder: Path, steps: int, original: Path | None) -> str:
    """A child process writes article_file(steps) as one document and dies; its session id."""
    script = textwrap.dedent(
        f"""
        import os, sys
        from pathlib import Path
        sys.path.insert(0, {str(ROOT)!r})
        from bpstudio.document.recovery import RecoverySession
        from tests.support.recovery import article_file
        session = RecoverySession(Path({str(folder)!r}))
        original = {None if original is None else str(original)!r}
        session.write(session.new_document(), article_file({steps}), original and Path(original))
        print(session.id, flush=True)
        os._exit(9)
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert done.returncode == 9, done.stderr
    return done.stdout.strip()
