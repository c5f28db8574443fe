"""What keeps `compliance hook` fast: a lazy datasketch import (the library cache has its own
tests in test_startup_library_cache.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _python(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_minhash_is_usable_without_loading_scipy() -> None:
    out = _python(
        "import sys\n"
        "from compliance._lazy_imports import speedup_imports\n"
        "speedup_imports()\n"
        "from datasketch import LeanMinHash, MinHash\n"
        "m = MinHash(num_perm=16); m.update(b'x')\n"
        "print(LeanMinHash(m).jaccard(LeanMinHash(m)), 'scipy' in sys.modules)\n"
    )
    assert out == "1.0 False"


def test_the_rest_of_datasketch_still_loads_on_first_use() -> None:
    out = _python(
        "from compliance._lazy_imports import speedup_imports\n"
        "speedup_imports()\n"
        "import datasketch\n"
        "from datasketch import MinHashLSH\n"
        "print(MinHashLSH.__name__, datasketch.MinHashLSHEnsemble.__name__)\n"
    )
    assert out == "MinHashLSH MinHashLSHEnsemble"
