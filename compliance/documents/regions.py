"""Work, notice and furniture: which paragraphs of a document are the article itself.

A page prints more than the work: its licence and credit lines, byline and date, tags, the
headline again, donation appeals, citation boxes, photo captions. Compared as if they were the
work, they turn a verbatim, fully credited copy into an "edited" one (the copy's own credit
line, aligned with the original's licence line, reads as a changed passage). So every paragraph
of original and copy alike is sorted by the same rules: HTML structure (a caption, a box whose
class says "tags"), position (the headline repeated among the first paragraphs) and wording
(``regions.yaml``, data a lawyer can read). Only the work is compared.

Example:
    >>> text = "Harbour talks resume\\n\\nBy Ana Costa\\n\\nThe port reopened on Monday."
    >>> [(r.role, r.reason) for r in classify(text, "Harbour talks resume")]
    [('furniture', 'headline'), ('furniture', 'byline')]
    >>> mask(text, classify(text, "Harbour talks resume")).split()
    ['The', 'port', 'reopened', 'on', 'Monday.']
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..model import Document, Region, Role

__all__ = [
    "CAPTION",
    "Hint",
    "class_role",
    "classify",
    "mask",
    "notice_text",
    "paragraph_spans",
    "work_text",
]

Hint = tuple[Role, str]  # (role, reason) decided from HTML structure
CAPTION = "photo credit or caption"  # the reason regions.yaml gives captions and photo credits

_HEADLINE_TOP = 3  # the headline repeated as a paragraph sits among the first few
_NON_WORD = re.compile(r"\W+")
_NOT_SPACE = re.compile(r"[^\n]")


@dataclass(frozen=True)
class Entry:
    """One kind of non-work paragraph, as ``regions.yaml`` describes it."""

    role: Role
    reason: str
    max_words: int
    patterns: tuple[re.Pattern[str], ...]
    classes: frozenset[str] = frozenset()
    top: int | None = None


@cache
def entries() -> tuple[Entry, ...]:
    """The entries of ``regions.yaml``, patterns compiled, in the file's order (the shipped file
    is trusted and well formed: libyaml's safe loader reads it, no line numbers needed)."""
    import yaml

    text = Path(__file__).with_name("regions.yaml").read_text("utf-8")
    data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return tuple(
        Entry(
            role=item["role"],
            reason=item["reason"],
            max_words=int(item["max_words"]),
            patterns=tuple(re.compile(p, re.IGNORECASE) for p in item.get("patterns", ())),
            classes=frozenset(item.get("classes", ())),
            top=item.get("top"),
        )
        for item in data["entries"]
    )


def paragraph_spans(text: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each paragraph of a Document text (separated by blank lines)."""
    start = 0
    for match in re.finditer(r"\n\s*\n", text):
        if text[start : match.start()].strip():
            yield start, match.start()
        start = match.end()
    if text[start:].strip():
        yield start, len(text)


def _words(text: str) -> int:
    return len(text.split())


def _folded(text: str) -> str:
    return _NON_WORD.sub(" ", text).strip().casefold()


def class_role(tokens: Iterable[str], words: int) -> Hint | None:
    """The role a box's class words give a paragraph of ``words`` words in it, if any."""
    found = set(tokens)
    for entry in entries():
        if entry.classes & found and words <= entry.max_words:
            return entry.role, entry.reason
    return None


def _by_wording(index: int, paragraph: str) -> Hint | None:
    words = _words(paragraph)
    for entry in entries():
        if words > entry.max_words or (entry.top is not None and index >= entry.top):
            continue
        if any(p.search(paragraph) for p in entry.patterns):
            return entry.role, entry.reason
    return None


def _is_headline(index: int, paragraph: str, title: str | None) -> bool:
    if index >= _HEADLINE_TOP or not title:
        return False
    para, head = _folded(paragraph), _folded(title)
    # "Headline | Site" titles: the paragraph may be the headline without the site's name.
    return bool(para) and (para == head or (head.startswith(para) and len(para) >= 20))


def classify(
    text: str, title: str | None = None, hints: Mapping[int, Hint] | None = None
) -> tuple[Region, ...]:
    """The paragraphs of ``text`` that are notice or furniture; every other paragraph is work.

    ``hints`` maps a paragraph's index to the role its HTML structure gives it; structure wins
    over wording, wording over nothing.
    """
    regions = []
    for index, (start, end) in enumerate(paragraph_spans(text)):
        paragraph = text[start:end]
        role = (hints or {}).get(index)
        if role is None and _is_headline(index, paragraph, title):
            role = ("furniture", "headline")
        if role is None:
            role = _by_wording(index, paragraph)
        if role is not None:
            regions.append(Region(start, end, role[0], role[1]))
    return tuple(regions)


def mask(text: str, regions: Iterable[Region]) -> str:
    """``text`` with every region blanked to spaces (newlines kept), so offsets stay valid."""
    out = list(text)
    for region in regions:
        out[region.start : region.end] = _NOT_SPACE.sub(" ", text[region.start : region.end])
    return "".join(out)


def notice_text(text: str, regions: Iterable[Region]) -> str:
    """Only the lines attribution facts may come from: notice and furniture, captions excepted.

    The work is prose ("the festival first appeared in West Michigan") and a caption's credit
    is a photographer's, so both are blanked; offsets stay valid.
    """
    kept = [r for r in regions if r.reason != CAPTION]
    out = list(_NOT_SPACE.sub(" ", text))
    for region in kept:
        out[region.start : region.end] = text[region.start : region.end]
    return "".join(out)


def without_captions(doc: Document) -> str:
    """The document's text with captions and photo credits blanked: they speak for a picture,
    never for the article (a CC link under a photo is not the story's licence)."""
    return mask(doc.text, (r for r in doc.regions if r.reason == CAPTION))


def work_text(doc: Document) -> str:
    """The document's text with notice and furniture blanked: what comparison should see."""
    return mask(doc.text, doc.regions) if doc.regions else doc.text
