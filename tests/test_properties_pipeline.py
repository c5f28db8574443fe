"""Properties of the whole check, over generated articles and copies (hypothesis).

Offsets always index the document they name and slice to the quoted snippet; the check is
deterministic; a document checked against itself is one verbatim passage over all of it; and
adding the credit the terms ask for never adds a violation.
"""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compliance.documents import load_bytes
from compliance.model import Document, Report
from compliance.pipeline import CheckOptions, check_pair
from compliance.serialize import to_dict

WORDS = [
    "river",
    "town",
    "council",
    "flood",
    "barrier",
    "vote",
    "network",
    "siren",
    "warning",
    "valley",
    "mayor",
    "budget",
    "engineer",
    "levee",
    "storm",
    "season",
    "report",
    "water",
    "pump",
    "district",
    "road",
    "bridge",
    "school",
    "plan",
    "residents",
    "agreed",
    "spring",
    "summer",
    "winter",
    "autumn",
    "north",
    "south",
    "east",
    "west",
    "county",
    "state",
]
OPTIONS = CheckOptions(
    terms_id="cc-by-4.0",
    overrides={"source": "Example News"},
    today="2024-06-01",
)
CREDIT = "Originally published by Example News under CC BY 4.0."
PROPERTY = settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Distinct words within a sentence: prose, not the one-word repetition no aligner calls text.
sentence = st.tuples(st.permutations(WORDS), st.integers(6, 18)).map(
    lambda drawn: " ".join(drawn[0][: drawn[1]]).capitalize() + "."
)
paragraph = st.lists(sentence, min_size=2, max_size=5).map(" ".join)
article = st.lists(paragraph, min_size=3, max_size=7)


def doc(paragraphs: list[str], name: str) -> Document:
    return load_bytes("\n\n".join(paragraphs).encode("utf-8"), name)


@st.composite
def pairs(draw: st.DrawFn) -> tuple[list[str], list[str]]:
    """An original, and a copy of some of its paragraphs in order, some with words dropped."""
    original = draw(article)
    kept = [p for p in original if draw(st.booleans())] or original[:1]
    copy = []
    for para in kept:
        words = para.split()
        if draw(st.booleans()) and len(words) > 8:
            del words[draw(st.integers(0, len(words) - 1))]
        copy.append(" ".join(words))
    return original, copy


def check(copy: list[str], original: list[str]) -> Report:
    return check_pair(doc(copy, "copy.txt"), doc(original, "original.txt"), OPTIONS)


@PROPERTY
@given(pairs())
def test_offsets_lie_inside_their_documents_and_slice_to_the_snippet(
    pair: tuple[list[str], list[str]],
) -> None:
    original, copy = pair
    report = check(copy, original)
    texts = {"original": report.original.text, "copy": report.copy.text}
    for passage in report.comparison.passages:
        for side, span in (("original", passage.original), ("copy", passage.copy)):
            assert 0 <= span.start <= span.end <= len(texts[side])
    for finding in report.findings:
        for ev in finding.evidence:
            text = texts[ev.document]
            assert 0 <= ev.start <= ev.end <= len(text)
            if ev.snippet.startswith("<a href="):
                continue  # a link, described rather than quoted
            quoted = ev.snippet.removesuffix("…")
            assert text[ev.start : ev.end].startswith(quoted)


@PROPERTY
@given(pairs())
def test_the_same_input_gives_the_same_report(pair: tuple[list[str], list[str]]) -> None:
    original, copy = pair
    first, second = to_dict(check(copy, original)), to_dict(check(copy, original))
    first.pop("checked_at"), second.pop("checked_at")
    assert first == second


@PROPERTY
@given(article)
def test_a_document_against_itself_is_one_full_verbatim_passage(paragraphs: list[str]) -> None:
    report = check(paragraphs, paragraphs)
    text = report.copy.text
    words = [m.span() for m in re.finditer(r"\w+", text)]
    [passage] = report.comparison.passages
    assert passage.kind == "verbatim"
    assert passage.original == passage.copy
    assert passage.copy.start <= words[0][0] and passage.copy.end >= words[-1][1]


@PROPERTY
@given(pairs())
def test_adding_the_required_credit_never_adds_a_violation(
    pair: tuple[list[str], list[str]],
) -> None:
    original, copy = pair
    errors = {f.rule_id for f in check(copy, original).findings if f.severity == "error"}
    credited = check([*copy, CREDIT], original)
    assert {f.rule_id for f in credited.findings if f.severity == "error"} <= errors
