"""Real reports: each demo copy checked by the pipeline against the original it reuses most."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from compliance.documents import load_path
from compliance.model import Report
from compliance.pipeline import CheckOptions, check_pair, with_library

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
ARTICLES = ("meridian-flood-barriers.html", "northwind-port-strike.md")
COPIES = sorted(p.name for p in (SAMPLES / "republished").iterdir())


@cache
def _options() -> CheckOptions:
    return with_library(CheckOptions(today="2024-06-01"))


@cache
def sample_report(copy_name: str) -> Report:
    """The report for one sample copy against whichever article it contains most of."""
    copy = load_path(SAMPLES / "republished" / copy_name)
    reports = [
        check_pair(copy, load_path(SAMPLES / "originals" / name), _options()) for name in ARTICLES
    ]
    return max(reports, key=lambda r: r.comparison.containment)
