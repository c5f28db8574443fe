"""Missing-fact findings are told per front end: flags on the command line, pages elsewhere."""

from __future__ import annotations

from dataclasses import replace

from reports_builders import make_report

from compliance.model import Finding
from compliance.remedies import PAGE_REMEDIES, for_pages


def _with(finding: Finding) -> Finding:
    return for_pages(replace(make_report(), findings=(finding,))).findings[0]


def test_every_missing_fact_is_told_as_what_to_add_to_the_original() -> None:
    for outcome in PAGE_REMEDIES:
        finding = Finding(
            "t/r", "byline", "warning", "set one with --x", fix="pass --x", outcome=outcome
        )
        told = _with(finding)
        assert "--" not in told.message + told.fix
        assert told.fix.startswith("add ") and "to the original" in told.fix


def test_other_findings_keep_their_words() -> None:
    finding = Finding("t/r", "link_to_original", "error", "no link", fix="add a link", outcome="")
    assert _with(finding) == finding
