"""CSV for `compliance scan`: one row per pair (copy, original) or per document in error.

Rows are streamed as documents finish, so a spreadsheet of a long crawl fills as it runs.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from ..model import Report
from ._common import severity_counts

__all__ = ["CSV_FIELDS", "csv_header", "csv_line", "csv_row"]

CSV_FIELDS = (
    "copy",
    "copy_url",
    "original",
    "original_url",
    "terms",
    "verdict",
    "errors",
    "warnings",
    "advisories",
    "copied_share",
    "containment",
    "longest_run",
    "rules",
    "message",
)


def csv_row(item: Any) -> dict[str, str]:
    """One CSV row for a Report (a pair) or a ScanError."""
    if not isinstance(item, Report):
        return {"copy": item.origin, "verdict": "error", "message": item.message}
    sev = severity_counts(item.findings)
    return {
        "copy": item.copy.origin,
        "copy_url": item.copy.url or "",
        "original": item.original.origin,
        "original_url": item.original.url or item.attribution.url or "",
        "terms": item.terms.terms_id,
        "verdict": item.verdict,
        "errors": str(sev["error"]),
        "warnings": str(sev["warning"]),
        "advisories": str(sev["advisory"]),
        "copied_share": f"{item.comparison.coverage:.3f}",
        "containment": f"{item.comparison.containment:.3f}",
        "longest_run": str(item.comparison.longest_run),
        "rules": " ".join(sorted({f.rule_id for f in item.findings})),
        "message": "",
    }


def csv_header() -> str:
    buf = io.StringIO()
    csv.DictWriter(buf, CSV_FIELDS, lineterminator="\n").writeheader()
    return buf.getvalue()


def csv_line(item: Any) -> str:
    buf = io.StringIO()
    csv.DictWriter(buf, CSV_FIELDS, restval="", lineterminator="\n").writerow(csv_row(item))
    return buf.getvalue()
