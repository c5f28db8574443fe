"""The compact hook report: file:line: rule id: message: fix, and the exit status it implies."""

from __future__ import annotations

from pathlib import Path

from compliance.hook import HookRun, PostResult, format_compact, line_of
from compliance.model import (
    Attribution,
    Comparison,
    DocumentInfo,
    Evidence,
    Finding,
    Report,
    TermsChoice,
)

RAW = """---
title: T
---

First paragraph of the **copied** article.

Read the original at example.org.
"""
TEXT = "First paragraph of the copied article.\n\nRead the original at example.org."


def _finding(severity: str = "error", start: int = -1, end: int = -1, fix: str = "") -> Finding:
    evidence = (Evidence(document="copy", start=start, end=end),) if start >= 0 else ()
    return Finding(
        rule_id=f"t/{severity}",
        kind="link_to_original",
        severity=severity,  # type: ignore[arg-type]
        message=f"a {severity}",
        evidence=evidence,
        fix=fix,
    )


def _report(*findings: Finding) -> Report:
    info = DocumentInfo(
        id="c", origin="post.md", format="markdown", title="T", size=1, sha256="c", text=TEXT
    )
    return Report(
        original=info,
        copy=info,
        verdict="violations" if findings else "compliant",
        terms=TermsChoice(terms_id="t", reason="flag"),
        terms_name="T",
        clause="",
        attribution=Attribution(),
        comparison=Comparison(
            jaccard=1.0, containment=1.0, coverage=1.0, longest_run=9, new_text_share=0.0
        ),
        findings=findings,
    )


def test_evidence_in_the_copy_points_at_its_line_despite_markup() -> None:
    start = TEXT.index("copied")
    finding = _finding(start=start, end=start + 14)
    assert line_of(RAW, TEXT, finding) == 5


def test_evidence_on_a_later_paragraph_points_at_that_line() -> None:
    start = TEXT.index("Read the original")
    assert line_of(RAW, TEXT, _finding(start=start, end=len(TEXT))) == 7


def test_short_evidence_points_at_its_own_paragraph_not_the_first_mention() -> None:
    # "example.org" is in the front matter and in the first paragraph's link too.
    raw = (
        "---\nsource: example.org\n---\n\nFirst from [example.org](https://example.org/).\n\n"
        "Read the original at example.org.\n"
    )
    text = "First from example.org.\n\nRead the original at example.org."
    start = text.rindex("example.org")
    assert line_of(raw, text, _finding(start=start, end=start + len("example.org"))) == 7


def test_a_finding_about_something_missing_points_at_the_default_line() -> None:
    assert line_of(RAW, TEXT, _finding(), default=4) == 4


def test_compact_line_carries_file_line_rule_message_and_fix() -> None:
    start = TEXT.index("Read")
    result = PostResult(
        path=Path("post.md"),
        raw=RAW,
        reports=(_report(_finding(start=start, end=start + 20, fix="add a link")),),
    )
    assert format_compact([result]) == "post.md:7: t/error: a error: add a link"


def test_compact_report_omits_an_empty_fix() -> None:
    result = PostResult(path=Path("post.md"), raw=RAW, reports=(_report(_finding()),), body_line=4)
    assert format_compact([result]) == "post.md:4: t/error: a error"


def test_a_post_that_copies_nothing_prints_nothing() -> None:
    assert format_compact([PostResult(path=Path("post.md"), raw=RAW)]) == ""


def test_an_unreadable_post_prints_one_error_line() -> None:
    result = PostResult(path=Path("post.md"), error="file is empty")
    assert format_compact([result]) == "post.md: error: file is empty"


def test_exit_status_is_one_when_a_finding_reaches_fail_on() -> None:
    outcome = HookRun([PostResult(path=Path("p.md"), reports=(_report(_finding("warning")),))])
    assert outcome.exit_status("warning") == 1
    assert outcome.exit_status("error") == 0
    assert outcome.exit_status("never") == 0


def test_exit_status_is_two_when_any_post_could_not_be_checked() -> None:
    outcome = HookRun(
        [
            PostResult(path=Path("a.md"), error="file is empty"),
            PostResult(path=Path("b.md"), reports=(_report(_finding()),)),
        ]
    )
    assert outcome.exit_status("error") == 2


def test_exit_status_is_zero_when_no_post_reuses_anything() -> None:
    assert HookRun([PostResult(path=Path("a.md"))]).exit_status("advisory") == 0
