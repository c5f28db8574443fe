"""`compliance.__version__` is read without importlib.metadata, and agrees with it."""

from __future__ import annotations

import os
import subprocess
import sys
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import compliance

ROOT = Path(__file__).resolve().parents[1]


def _expected() -> str:
    try:
        return version("compliance")
    except PackageNotFoundError:
        return "0.0.0+local"


def test_the_version_is_the_installed_distributions() -> None:
    assert compliance.__version__ == _expected()


def test_importing_the_package_does_not_load_importlib_metadata() -> None:
    code = "import sys, compliance; print('importlib.metadata' in sys.modules)"
    done = subprocess.run(
        [sys.executable, "-c", code],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    installed = _expected() != "0.0.0+local"
    assert done.stdout.strip() == str(not installed)
