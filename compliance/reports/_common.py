"""Facts every renderer shows the same way: verdict wording, counts, positions, word diffs.

Kept here so that the table, Markdown, SARIF and HTML views of one Report never disagree.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol
from urllib.parse import urlsplit

from ..model import SEVERITIES, Comparison, Finding, Passage, Report

VERDICT_LABELS: dict[str, str] = {
    "compliant": "Compliant",
    "violations": "Violations",
    "needs-permission": "Needs permission",
    "likely-fair-use": "Likely fair use",
    "not-a-copy": "Not a copy",
}

VERDICT_MEANING: dict[str, str] = {
    "compliant": "The copy reuses the original and carries everything its terms demand.",
    "violations": "The copy reuses the original but misses what its terms demand.",
    "needs-permission": "The reuse is not covered by the terms: ask the publisher first.",
    "likely-fair-use": "No licence covers the reuse, but a fair-use reading favours it.",
    "not-a-copy": "The copy does not reuse enough of the original to count as a copy.",
}

REASON_TEXT: dict[str, str] = {
    "flag": "chosen on the command line",
    "config": "mapped by the project configuration",
    "domain": "the original's domain",
    "phrase": "a phrase found in the original",
    "notice": "the original's own republishing notice",
    "license": "a licence link in the original",
    "default": "no terms recognised; the all-rights-reserved default",
}

SAFE_SCHEMES = ("http", "https")


class Unreadable(Protocol):
    """A document a scan could not check (``compliance.scan.ScanError``): shown, never dropped,
    so a page that failed cannot pass for a page with nothing to report."""

    @property
    def origin(self) -> str: ...

    @property
    def message(self) -> str: ...


@dataclass(frozen=True)
class UnreadableDocument:
    """An ``Unreadable`` of the tool's own making: a saved scan's error record, a hook's post."""

    origin: str
    message: str


def error_record(document: Unreadable) -> dict[str, str]:
    """A document that could not be checked, as scan writes it among the reports in JSON
    (and as ``reports.load`` reads it back): ``{"type": "error", "origin", "message"}``."""
    return {"type": "error", "origin": document.origin, "message": document.message}


def verdict_label(verdict: str) -> str:
    return VERDICT_LABELS.get(verdict, verdict)


def terms_reason(report: Report) -> str:
    """Why these terms were applied, in words (reason, the matched detail, the fuzzy score)."""
    choice = report.terms
    text = REASON_TEXT.get(choice.reason, choice.reason)
    if choice.detail:
        text += f": {choice.detail}"
    if choice.score is not None:
        text += f" (match {choice.score:.0f}/100)"
    return text


def severity_counts(findings: Sequence[Finding]) -> dict[str, int]:
    """Count findings per severity, every severity present (zero when absent)."""
    counts = Counter(f.severity for f in findings)
    return {s: counts.get(s, 0) for s in SEVERITIES}


def plural(count: int, word: str) -> str:
    """'1 error', '2 errors', '0 advisories'."""
    if count == 1:
        return f"1 {word}"
    return f"{count} {word[:-1]}ies" if word.endswith("y") else f"{count} {word}s"


def verdict_tally(reports: Sequence[Report]) -> str:
    """'1 result (1 violation)', '3 results (2 compliant, 1 not a copy)': verdicts in order seen."""
    counts: dict[str, int] = {}
    for report in reports:
        counts[report.verdict] = counts.get(report.verdict, 0) + 1
    parts = [
        plural(n, "violation") if v == "violations" else f"{n} {verdict_label(v).lower()}"
        for v, n in counts.items()
    ]
    return f"{plural(len(reports), 'result')} ({', '.join(parts)})"


def tally(counts: dict[str, int]) -> str:
    """'2 errors · 1 warning · 0 advisories' from ``severity_counts``."""
    return " · ".join(plural(counts.get(s, 0), s) for s in SEVERITIES)


def percent(value: float) -> str:
    return f"{value * 100:.0f}%"


def reuse_figures(c: Comparison) -> list[str]:
    """How much was copied, headline first, in the words every report format prints.

    The copied share is ``coverage``, the share of the original inside aligned passages: the one
    definition check, scan, fair use and the verdict use. Containment (shared word 3-shingles) is
    secondary: two reports of one event share names and numbers, so it is never zero for them.
    """
    return [
        f"copied share {percent(c.coverage)}",
        f"longest run {c.longest_run} words",
        passage_summary(c.passages),
        f"containment {percent(c.containment)}",
    ]


def passage_summary(passages: Sequence[Passage]) -> str:
    verbatim = sum(1 for p in passages if p.kind == "verbatim")
    modified = len(passages) - verbatim
    return f"{plural(len(passages), 'passage')} ({verbatim} verbatim, {modified} modified)"


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column (in code points) of ``offset`` in ``text``, as editors count."""
    offset = max(0, min(offset, len(text)))
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def clip(text: str, start: int, end: int, limit: int = 200) -> str:
    """The stretch ``text[start:end]``, shortened in the middle when longer than ``limit``."""
    piece = text[max(0, start) : max(0, end)]
    if len(piece) <= limit:
        return piece
    half = (limit - 3) // 2
    return piece[:half].rstrip() + " … " + piece[-half:].lstrip()


def safe_href(url: str | None) -> str | None:
    """The URL if it is a plain web link, else None (javascript:, data:, file: never link)."""
    if not url:
        return None
    cleaned = re.sub(r"[\x00-\x20\x7f]", "", url)
    try:
        scheme = urlsplit(cleaned).scheme.lower()
    except ValueError:
        return None
    return cleaned if scheme in SAFE_SCHEMES else None


_WORD = re.compile(r"\s+|[^\s]+")


@dataclass(frozen=True)
class DiffPiece:
    """One run of a word diff: unchanged, removed from the original, or added in the copy."""

    op: str  # "equal" | "delete" | "insert"
    text: str


def word_diff(original: str, copy: str) -> list[DiffPiece]:
    """Word-level changes from ``original`` to ``copy`` (whitespace kept, so it reads back)."""
    a = _WORD.findall(original)
    b = _WORD.findall(copy)
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    pieces: list[DiffPiece] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            pieces.append(DiffPiece("equal", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            pieces.append(DiffPiece("delete", "".join(a[i1:i2])))
        if j2 > j1:
            pieces.append(DiffPiece("insert", "".join(b[j1:j2])))
    return pieces


def ordered_passages(passages: Sequence[Passage]) -> list[Passage]:
    """Passages in the order they appear in the original; their numbers follow this order."""
    return sorted(passages, key=lambda p: (p.original.start, p.copy.start))
