"""Markdown for a pull-request or CMS comment: verdict, then findings and fixes, details folded.

Everything taken from a document is escaped for Markdown and for the HTML that Markdown
renderers pass through, so a title cannot inject a link, an image or a tag into the comment.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Report
from ._common import (
    clip,
    reuse_figures,
    severity_counts,
    tally,
    terms_reason,
    verdict_label,
    verdict_tally,
)

VERDICT_ICON = {
    "compliant": "✅",
    "violations": "❌",
    "needs-permission": "⚠️",
    "likely-fair-use": "ℹ️",
    "not-a-copy": "➖",
}
EVIDENCE_SHOWN = 5  # per finding; a comment is no place for forty navigation links
SEVERITY_ICON = {"error": "🔴 error", "warning": "🟠 warning", "advisory": "🔵 advisory"}

# Inline Markdown that could format, link or break a table cell. "<" and ">" become entities
# first, so no tag or autolink survives; "[" and "]" escaped means no link or image can form.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
_ZWSP = "\u200b"
_AUTOLINK = re.compile(r"@(?=\w)|:(?=//)|(?<![\w.])www(?=\.)", re.IGNORECASE)


def escape(text: str) -> str:
    """Make ``text`` inert in Markdown and in inline HTML; newlines become spaces.

    Besides syntax, GitHub-flavoured renderers act on plain text: ``@name`` notifies a user or
    team and ``https://...`` or ``www.`` become links. A zero-width space after ``@`` and
    inside ``://`` and ``www.`` stops both, and reads the same.
    """
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = re.sub(r"\s+", " ", text).strip()
    text = _AUTOLINK.sub(lambda m: m.group() + _ZWSP, text)
    return _MD_SPECIAL.sub(r"\\\1", text)


def _code(text: str) -> str:
    """Inline code that survives backticks inside ``text``."""
    text = re.sub(r"\s+", " ", text).strip().replace("|", "\\|")  # GFM tables split on "|"
    fence = "`" * (max((len(m) for m in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _section(report: Report, heading: str = "###") -> list[str]:
    c = report.comparison
    counts = severity_counts(report.findings)
    icon = VERDICT_ICON.get(report.verdict, "")
    lines = [
        f"{heading} {icon} {verdict_label(report.verdict)}: {escape(report.copy.origin)}",
        "",
        f"**Terms:** {escape(report.terms_name)} ({_code(report.terms.terms_id)}), "
        f"{escape(terms_reason(report))}  ",
        f"**Original:** {escape(report.original.origin)}  ",
        f"**Reuse:** {', '.join(reuse_figures(c))}  ",
        f"**Findings:** {tally(counts).replace(' · ', ', ')}",
        "",
        *(f"> **Note:** {escape(note)}\n" for note in report.notes),
    ]
    if report.findings:
        lines += ["| Severity | Rule | Problem | Fix |", "| --- | --- | --- | --- |"]
        for f in report.findings:
            lines.append(
                f"| {SEVERITY_ICON.get(f.severity, f.severity)} | {_code(f.rule_id)} "
                f"| {escape(f.message)} | {escape(f.fix) or '-'} |"
            )
        lines.append("")
    lines += _details(report)
    return lines


def _details(report: Report) -> list[str]:
    body: list[str] = []
    if report.clause:
        body += [f"> {escape(report.clause)}", ""]
    evidence: list[str] = []
    for f in report.findings:
        shown = [ev for ev in f.evidence if ev.snippet or ev.note]
        for ev in shown[:EVIDENCE_SHOWN]:
            where = f" [{ev.start}, {ev.end})" if ev.start >= 0 else ""
            note = f" ({escape(ev.note)})" if ev.snippet and ev.note else ""
            evidence.append(
                f"- {_code(f.rule_id)} {ev.document}{where}: {escape(ev.snippet or ev.note)}{note}"
            )
        if len(shown) > EVIDENCE_SHOWN:
            evidence.append(f"- {_code(f.rule_id)} and {len(shown) - EVIDENCE_SHOWN} more")
    if evidence:
        body += ["**Evidence**", "", *evidence, ""]
    if report.fair_use is not None:
        fair = report.fair_use
        body += [f"**Fair use:** {fair.overall} ({escape(fair.note)})", ""]
        for factor in fair.factors:
            figures = ", ".join(f"{k}={v}" for k, v in factor.figures.items())
            suffix = f" ({escape(figures)})" if figures else ""
            body.append(f"- {factor.name}: {factor.reading}, {escape(factor.explanation)}{suffix}")
        body.append("")
    passages = report.comparison.passages
    if passages:
        body += ["**Copied passages** (first words)", ""]
        for p in passages[:10]:
            text = clip(report.original.text, p.original.start, p.original.end, 90)
            body.append(f"- {p.kind}, {p.words} words, score {p.score:.0f}: {escape(text)}")
        if len(passages) > 10:
            body.append(f"- and {len(passages) - 10} more")
        body.append("")
    body += [
        f"**Checked** {escape(report.checked_at)} with compliance {escape(report.tool_version)}; "
        f"copy sha256 {_code(report.copy.sha256)}, original sha256 {_code(report.original.sha256)}",
    ]
    return ["<details><summary>Details</summary>", "", *body, "", "</details>", ""]


def render(report: Report) -> str:
    """One report as a compact Markdown comment."""
    return "\n".join(_section(report)).rstrip() + "\n"


def render_many(reports: Sequence[Report]) -> str:
    """A summary table (one row per result), then one section per result."""
    lines = [
        f"## Compliance: {verdict_tally(reports)}",
        "",
        "| Copy | Original | Verdict | Errors | Warnings |",
        "| --- | --- | --- | --- | --- |",
    ]
    for report in reports:
        counts = severity_counts(report.findings)
        lines.append(
            f"| {escape(report.copy.origin)} | {escape(report.original.origin)} "
            f"| {VERDICT_ICON.get(report.verdict, '')} {verdict_label(report.verdict)} "
            f"| {counts['error']} | {counts['warning']} |"
        )
    lines.append("")
    for report in reports:
        lines += _section(report, "###")
    return "\n".join(lines).rstrip() + "\n"
