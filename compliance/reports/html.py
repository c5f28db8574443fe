"""One self-contained HTML file a legal team can read, print and file.

Nothing from a document can execute or load: jinja2 autoescapes every value, the two text
panes are built here with ``markupsafe.escape`` on every piece, only http(s) URLs become
links, and a Content-Security-Policy allows no fetches at all and only our own script (by
its sha256), so even a missed escape could not run a script.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from importlib.resources import files
from itertools import pairwise
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from .. import __version__
from ..model import Evidence, Passage, Region, Report
from ._common import (
    REASON_TEXT,
    VERDICT_MEANING,
    Unreadable,
    line_col,
    ordered_passages,
    passage_summary,
    percent,
    safe_href,
    severity_counts,
    tally,
    terms_reason,
    verdict_label,
    word_diff,
)


@cache
def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("compliance.reports", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["pct"] = percent
    env.filters["href"] = safe_href
    return env


@cache
def _asset(name: str) -> str:
    return files("compliance.reports").joinpath("templates", name).read_text(encoding="utf-8")


def _csp(script: str) -> str:
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    return (
        "default-src 'none'; style-src 'unsafe-inline'; "
        f"script-src 'sha256-{digest}'; base-uri 'none'; form-action 'none'"
    )


@dataclass(frozen=True)
class _Mark:
    """A piece of one text pane: plain, or part of passage ``number`` (1-based)."""

    start: int
    end: int
    number: int | None


def _pieces(
    length: int, spans: Sequence[tuple[int, int, int]], regions: Sequence[Region] = ()
) -> list[_Mark]:
    """Cut ``[0, length)`` at every span and region boundary; overlaps go to the lower passage
    number."""
    cuts = {0, length}
    for region in regions:
        cuts.update((max(0, min(region.start, length)), max(0, min(region.end, length))))
    for start, end, _ in spans:
        cuts.update((max(0, min(start, length)), max(0, min(end, length))))
    bounds = sorted(cuts)
    marks: list[_Mark] = []
    for a, b in pairwise(bounds):
        if a == b:
            continue
        covering = [n for s, e, n in spans if s <= a and b <= e]
        marks.append(_Mark(a, b, min(covering) if covering else None))
    return marks


def _region_of(mark: _Mark, regions: Sequence[Region]) -> Region | None:
    return next((r for r in regions if r.start <= mark.start and mark.end <= r.end), None)


def _set_aside(piece: str, region: Region | None) -> str:
    """A piece of a paragraph that is not the work, marked with its role and reason."""
    if region is None:
        return piece
    title = escape(f"{region.role}, not compared: {region.reason}")
    return f'<span class="aside {region.role}" title="{title}">{piece}</span>'


def _pane(
    text: str,
    passages: Sequence[Passage],
    side: str,
    prefix: str,
    regions: Sequence[Region] = (),
) -> Markup:
    """The text of one document with each copied passage wrapped in a link to its twin, and
    each paragraph set aside from the work (notice, furniture) marked as such."""
    other = "c" if side == "o" else "o"
    spans = [
        (
            (p.original if side == "o" else p.copy).start,
            (p.original if side == "o" else p.copy).end,
            n,
        )
        for n, p in enumerate(passages, 1)
    ]
    marks = _pieces(len(text), spans, regions)
    owned = {m.number for m in marks if m.number is not None}
    # A passage hidden inside a lower-numbered one still needs its anchor, or its twin's
    # link would lead nowhere: an empty target goes where it starts.
    hidden: dict[int, list[int]] = {}
    for start, _, n in spans:
        if n not in owned:
            hidden.setdefault(max(0, min(start, len(text))), []).append(n)
    out: list[str] = []
    seen: set[int] = set()
    for mark in marks:
        for n in hidden.pop(mark.start, []):
            out.append(
                f'<a class="hl-anchor" id="{prefix}{side}{n}" href="#{prefix}{other}{n}"></a>'
            )
        piece = escape(text[mark.start : mark.end])
        region = _region_of(mark, regions)
        if mark.number is None:
            out.append(_set_aside(str(piece), region))
            continue
        n = mark.number
        kind = escape(passages[n - 1].kind)
        ident = f' id="{prefix}{side}{n}"' if n not in seen else ""
        seen.add(n)
        out.append(
            _set_aside(
                f'<a class="hl {kind}"{ident} data-p="{prefix}{n}" href="#{prefix}{other}{n}" '
                f'title="Passage {n} ({kind})">{piece}</a>',
                region,
            )
        )
    for numbers in hidden.values():
        out.extend(
            f'<a class="hl-anchor" id="{prefix}{side}{n}" href="#{prefix}{other}{n}"></a>'
            for n in numbers
        )
    return Markup("".join(out))


def _evidence(report: Report, ev: Evidence) -> dict[str, Any]:
    text = report.copy.text if ev.document == "copy" else report.original.text
    where = ""
    if 0 <= ev.start <= len(text):
        line, col = line_col(text, ev.start)
        where = f"line {line}, column {col} (characters {ev.start}–{ev.end})"
    return {"document": ev.document, "where": where, "snippet": ev.snippet, "note": ev.note}


def _passage_view(report: Report, n: int, p: Passage, prefix: str) -> dict[str, Any]:
    original = report.original.text[p.original.start : p.original.end]
    copy = report.copy.text[p.copy.start : p.copy.end]
    return {
        "number": n,
        "kind": p.kind,
        "score": p.score,
        "words": p.words,
        "o_id": f"{prefix}o{n}",
        "c_id": f"{prefix}c{n}",
        "o_where": "line {}, column {}".format(*line_col(report.original.text, p.original.start)),
        "c_where": "line {}, column {}".format(*line_col(report.copy.text, p.copy.start)),
        "diff": _diff_markup(original, copy) if p.kind == "modified" else None,
    }


def _diff_markup(original: str, copy: str, context: int = 12) -> Markup:
    """Word diff of a modified passage: removed words struck through, added words underlined.

    Long unchanged stretches keep ``context`` words at each end around an ellipsis, so a
    whole-article passage with three edits reads as three edits, not as the article again.
    """
    tags = {"equal": ("", ""), "delete": ("<del>", "</del>"), "insert": ("<ins>", "</ins>")}
    pieces = word_diff(original, copy)
    out = []
    for i, piece in enumerate(pieces):
        text = piece.text
        if piece.op == "equal":
            text = _condense(text, context, keep_head=i > 0, keep_tail=i < len(pieces) - 1)
        # A change of whitespace only (a paragraph break moved) reads as no change.
        opening, closing = tags[piece.op] if text.strip() else ("", "")
        out.append(f"{opening}{escape(text)}{closing}")
    return Markup("".join(out))


def _condense(text: str, context: int, *, keep_head: bool, keep_tail: bool) -> str:
    """Shorten an unchanged stretch to the words next to the changes around it."""
    words = text.split(" ")
    head = context if keep_head else 0
    tail = context if keep_tail else 0
    if len(words) <= head + tail + context:
        return text
    parts = []
    if head:
        parts.append(" ".join(words[:head]))
    parts.append("…")
    if tail:
        parts.append(" ".join(words[len(words) - tail :]))
    return " ".join(parts)


def _report_view(report: Report, prefix: str) -> dict[str, Any]:
    passages = ordered_passages(report.comparison.passages)
    return {
        "r": report,
        "prefix": prefix,
        "label": verdict_label(report.verdict),
        "meaning": VERDICT_MEANING.get(report.verdict, ""),
        "reason": terms_reason(report),
        "reason_kind": REASON_TEXT.get(report.terms.reason, report.terms.reason),
        "counts": severity_counts(report.findings),
        "tally": tally(severity_counts(report.findings)),
        "passage_summary": passage_summary(passages),
        "findings": [
            {"f": f, "evidence": [_evidence(report, ev) for ev in f.evidence]}
            for f in report.findings
        ],
        "passages": [_passage_view(report, n, p, prefix) for n, p in enumerate(passages, 1)],
        "original_pane": _pane(
            report.original.text, passages, "o", prefix, report.original.regions
        ),
        "copy_pane": _pane(report.copy.text, passages, "c", prefix, report.copy.regions),
        "set_aside": bool(report.original.regions or report.copy.regions),
    }


def render_many(
    reports: Sequence[Report],
    *,
    generated_at: str | None = None,
    unreadable: Sequence[Unreadable] = (),
) -> str:
    """All reports in one file: an index with one row per result, the documents that could not
    be checked, then each result in full."""
    script = _asset("report.js")
    views = [
        _report_view(r, f"r{i}-" if len(reports) > 1 else "") for i, r in enumerate(reports, 1)
    ]
    version = next((r.tool_version for r in reports if r.tool_version), __version__)
    stamp = generated_at or datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return (
        _environment()
        .get_template("report.html.j2")
        .render(
            reports=views,
            unreadable=unreadable,
            csp=_csp(script),
            style=Markup(_asset("report.css")),
            script=Markup(script),
            tool_version=version,
            generated_at=stamp,
        )
    )


def render(report: Report, *, generated_at: str | None = None) -> str:
    """One report as a self-contained HTML page."""
    return render_many([report], generated_at=generated_at)
