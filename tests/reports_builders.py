"""Reports built by hand from model.py, so the renderers are tested without the pipeline.

Offsets are found with str.index on the texts below, never typed in, so they stay right when
the texts change.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace

from compliance.model import (
    Attribution,
    Comparison,
    DocumentInfo,
    Evidence,
    Factor,
    FairUse,
    Finding,
    Passage,
    Report,
    Span,
    TermsChoice,
)

CLAUSE = (
    "Community sites may cross-post our articles when the source and the copyright are "
    "credited next to a hyperlink to the original article."
)

PARAGRAPHS = [
    "River towns along the Dalmar valley voted on Sunday to share one flood warning network, "
    "ending a decade of separate sirens that often contradicted each other.",
    "The network links forty gauges on the river and its tributaries to a single control room "
    "in Kessel, where engineers can sound every siren in the valley at once.",
    "Funding comes from a regional levy that the towns agreed to split by population, with the "
    "smallest villages paying a fixed minimum.",
    "The original source of this article is Valley Courier. Copyright © Mara Lind, Valley "
    "Courier, 2024.",
]
ORIGINAL_TEXT = "\n\n".join(PARAGRAPHS)

EDITED = (
    "Money comes from a regional levy which the towns agreed to divide by population, with the "
    "smallest villages paying a fixed minimum."
)
COPY_TEXT = "\n\n".join(
    [
        "Shared sirens for the valley",
        PARAGRAPHS[0],
        PARAGRAPHS[1],
        EDITED,
        "Reposted from valleycourier.example.",
    ]
)


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def span_of(text: str, piece: str) -> Span:
    start = text.index(piece)
    return Span(start, start + len(piece))


def passage(original_piece: str, copy_piece: str, kind: str, score: float) -> Passage:
    return Passage(
        original=span_of(ORIGINAL_TEXT, original_piece),
        copy=span_of(COPY_TEXT, copy_piece),
        score=score,
        kind=kind,  # type: ignore[arg-type]
        words=len(original_piece.split()),
    )


def doc_info(text: str, origin: str, title: str, fmt: str, url: str | None) -> DocumentInfo:
    return DocumentInfo(
        id=sha(text),
        origin=origin,
        format=fmt,
        title=title,
        size=len(text.encode("utf-8")),
        sha256=sha(text),
        text=text,
        url=url,
    )


def findings() -> tuple[Finding, ...]:
    credit = "Reposted from valleycourier.example."
    return (
        Finding(
            rule_id="valleycourier/copyright-notice",
            kind="copyright_notice",
            severity="error",
            message="The copy does not acknowledge the copyright of Mara Lind, Valley Courier.",
            clause=CLAUSE,
            evidence=(
                Evidence(
                    "original", *_offsets(ORIGINAL_TEXT, PARAGRAPHS[3]), snippet=PARAGRAPHS[3]
                ),
            ),
            fix="add: Copyright © Mara Lind, Valley Courier, 2024",
            outcome="missing",
        ),
        Finding(
            rule_id="valleycourier/link-to-original",
            kind="link_to_original",
            severity="error",
            message="The credit names the site as a bare URL instead of linking to the article.",
            clause=CLAUSE,
            evidence=(
                Evidence(
                    "copy",
                    *_offsets(COPY_TEXT, credit),
                    snippet=credit,
                    note="no <a href> to the original article",
                ),
            ),
            fix="link to https://valleycourier.example/2024/sirens",
            outcome="bare-url",
        ),
        Finding(
            rule_id="valleycourier/together",
            kind="proximity",
            severity="warning",
            message="Credit, copyright and link should appear together.",
            clause=CLAUSE,
            fix="put the credit, the copyright line and the link in one closing paragraph",
        ),
    )


def _offsets(text: str, piece: str) -> tuple[int, int]:
    s = span_of(text, piece)
    return s.start, s.end


def make_report(**changes: object) -> Report:
    """A realistic 'violations' report: two verbatim passages, one modified, three findings."""
    passages = (
        passage(PARAGRAPHS[0], PARAGRAPHS[0], "verbatim", 100.0),
        passage(PARAGRAPHS[1], PARAGRAPHS[1], "verbatim", 100.0),
        passage(PARAGRAPHS[2], EDITED, "modified", 88.5),
    )
    report = Report(
        original=doc_info(
            ORIGINAL_TEXT,
            "samples/originals/sirens.html",
            "Valley towns share one flood warning network",
            "html",
            "https://valleycourier.example/2024/sirens",
        ),
        copy=doc_info(
            COPY_TEXT,
            "samples/republished/sirens-copy.md",
            "Shared sirens for the valley",
            "markdown",
            None,
        ),
        verdict="violations",
        terms=TermsChoice("valleycourier", "domain", "valleycourier.example"),
        terms_name="Valley Courier cross-posting terms",
        clause=CLAUSE,
        attribution=Attribution(
            source="Valley Courier",
            copyright_holder="Mara Lind, Valley Courier",
            copyright_year=2024,
            author="Mara Lind",
            url="https://valleycourier.example/2024/sirens",
            found={"source": "source line", "copyright_holder": "copyright line"},
        ),
        comparison=Comparison(
            jaccard=0.62,
            containment=0.81,
            coverage=0.77,
            longest_run=31,
            new_text_share=0.09,
            passages=passages,
        ),
        findings=findings(),
        fair_use=FairUse(
            overall="unlikely",
            factors=(
                Factor(
                    "purpose",
                    "against-fair-use",
                    "Republished whole, with no commentary.",
                    {"new_text_share": 0.09},
                ),
                Factor(
                    "nature", "favours-fair-use", "A factual news report.", {"nature": "factual"}
                ),
                Factor(
                    "amount",
                    "against-fair-use",
                    "Most of the original is reused.",
                    {"coverage": 0.77, "longest_run": 31},
                ),
                Factor(
                    "transformation",
                    "against-fair-use",
                    "Nothing is added.",
                    {"transformed": False},
                ),
            ),
        ),
        venue="community",
        contact="permissions@valleycourier.example",
        checked_at="2024-05-02T10:15:00Z",
        tool_version="0.1.0",
    )
    return replace(report, **changes)  # type: ignore[arg-type]


def compliant_report() -> Report:
    return make_report(verdict="compliant", findings=(), fair_use=None)
