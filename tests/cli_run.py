"""Run the real `compliance` command in a child process, as a user or CI would."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def compliance(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """``compliance ARGS...``; stdout and stderr captured as text."""
    return subprocess.run(
        [sys.executable, "-m", "compliance", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=cwd,
    )
