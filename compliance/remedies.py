"""What a user adds to supply a fact the original lacks, told the way their front end works.

A check that cannot tell whether a copy credits the author, source, copyright holder or address
(because the original names none) says so with a machine-readable outcome. Its own words speak
to the command line (``pass --author NAME``); a pre-commit hook or a CMS calling the service has
no flags, so for them the finding says what to add to the original page instead. The table
below is the whole mechanism: one row per outcome, in words an editor can act on.
"""

from __future__ import annotations

from dataclasses import replace

from .model import Finding, Report

__all__ = ["PAGE_REMEDIES", "for_pages"]

PAGE_REMEDIES: dict[str, tuple[str, str]] = {
    # outcome: (the missing fact, what to add to the original so it is read)
    "author-unknown": ("author", "a byline ('By NAME') or an `author:` in its front matter"),
    "holder-unknown": ("copyright holder", "a copyright line ('Copyright © HOLDER, YEAR')"),
    "source-unknown": ("source", "its site name (`site_name:` in its front matter, og:site_name)"),
    "url-unknown": ("address", "its address (`canonical_url:` in its front matter, rel=canonical)"),
}


def _for_page(finding: Finding) -> Finding:
    remedy = PAGE_REMEDIES.get(finding.outcome)
    if remedy is None:
        return finding
    fact, what = remedy
    return replace(
        finding,
        message=f"the original names no {fact}, so the copy's cannot be checked",
        fix=f"add {what} to the original (and index it again if it is indexed)",
    )


def for_pages(report: Report) -> Report:
    """``report`` with each missing-fact finding told as what to add to the original page."""
    findings = tuple(_for_page(f) for f in report.findings)
    return report if findings == tuple(report.findings) else replace(report, findings=findings)
