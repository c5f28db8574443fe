"""compliance.documents.urls loads its URL libraries (and the public-suffix list) on first use."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_HEAVY = ("courlan", "publicsuffixlist", "urllib3", "urllib.request", "ssl")

_PROBE = """
import sys
from compliance.documents import urls
heavy = {heavy!r}
before = [m for m in heavy if m in sys.modules]
urls.is_web_url("https://example.org/a")
urls.resolve("b", "https://example.org/a")
middle = [m for m in heavy if m in sys.modules]
print(before, middle, urls.domain("https://news.bbc.co.uk/x"), "publicsuffixlist" in sys.modules)
"""


def test_the_url_libraries_load_only_when_a_url_is_normalised_or_a_domain_asked() -> None:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE.format(heavy=_HEAVY)],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[] [] bbc.co.uk True"
