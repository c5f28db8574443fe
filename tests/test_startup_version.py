"""`compliance.__version__` is the installed distribution's, as importlib.metadata reads it."""

from __future__ import annotations

from importlib.metadata import version

import compliance


def test_the_version_is_the_installed_distributions() -> None:
    assert compliance.__version__ == version("compliance")
