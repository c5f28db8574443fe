"""The demo set holds the tool to what samples/README.md promises, copy by copy."""

from __future__ import annotations

import pytest
from samples_table import SAMPLES, expectations

from compliance.documents import load_path
from compliance.pipeline import CheckOptions, check_pair, with_library

EXPECTED = [(r.copy, r.original, r.verdict, r.rule_ids) for r in expectations()]
OPTIONS = with_library(CheckOptions(today="2024-06-01"))


def test_samples_readme_lists_every_republished_copy() -> None:
    listed = {row[0] for row in EXPECTED}
    on_disk = {f"republished/{p.name}" for p in (SAMPLES / "republished").iterdir()}
    assert listed == on_disk


@pytest.mark.parametrize(
    ("copy", "original", "verdict", "rule_ids"), EXPECTED, ids=[row[0] for row in EXPECTED]
)
def test_sample_yields_what_the_readme_says(
    copy: str, original: str, verdict: str, rule_ids: frozenset[str]
) -> None:
    report = check_pair(load_path(SAMPLES / copy), load_path(SAMPLES / original), OPTIONS)
    found = {f.rule_id for f in report.findings if f.severity in ("error", "warning")}
    assert (report.verdict, found) == (verdict, set(rule_ids))
