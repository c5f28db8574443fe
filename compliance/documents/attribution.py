"""What a copy must credit, read from the original: source, copyright, author, URL, title.

Facts come from three places, and ``Attribution.found`` records which: page metadata ("meta"),
lines of the text such as "The original source of this article is X" or "Copyright © X, 2017"
("footer"), a byline or author note ("byline"); flags given by the user ("flag") win over all.
The line finders are pure functions over text (the notice lines ``regions.notice_text`` keeps),
called here alone: a document carries its text and regions, not a second copy of the lines.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from ..model import Attribution, Document
from .regions import notice_text

OVERRIDE_KEYS = (
    "source",
    "copyright",
    "url",
    "author",
    "institution",
    "title",
    "publisher",
    "published",
)

_ARTICLE = r"(?:article|story|post|piece|report|essay|column|commentary|op-ed|text)"
# Source phrases, strongest first. Each ends where the source's name begins.
_SOURCE_LEADS = (
    re.compile(
        rf"\b(?:the\s+)?original\s+source\s+(?:of\s+this\s+{_ARTICLE}\s+)?is\s*:?\s*", re.IGNORECASE
    ),
    re.compile(
        rf"\b(?:this\s+{_ARTICLE}\s+(?:was|is|has\s+been)\s+|it\s+was\s+)?"
        r"(?:originally|first)\s+(?:published|appeared|posted|ran|printed)\s+"
        r"(?:by|at|on|in|with)\s+",
        re.IGNORECASE,
    ),
    re.compile(
        rf"\b(?:this\s+{_ARTICLE}\s+(?:is|was|has\s+been)\s+)?(?:re-?published|reprinted|"
        r"cross-?posted)\s+(?:here\s+)?(?:with\s+(?:kind\s+)?permission\s+)?from\s+",
        re.IGNORECASE,
    ),
    re.compile(r"^\s*(?:original\s+)?source\s*:\s*", re.IGNORECASE),
)
_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
# Where a source name ends: a licence clause, a date, a copyright notice, a separator.
_SOURCE_END = re.compile(
    r"\s+(?:under\s+(?:a|an|the)\b|with\s+(?:kind\s+)?permission\b|and\s+(?:is|was|has)\b|"
    rf"(?:on|in)\s+(?:{_MONTHS}\s|\d)|on\s+(?:mon|tue|wed|thu|fri|sat|sun)\w*\b)"
    r"|\s*(?:©|\(c\)\s|copyright\b)|\s+[|•·–—]\s+|\s+-\s+|\s*\(\s*(?:link|opens)"
    r"|[,:;]?\s*<?https?://",
    re.IGNORECASE,
)
_ABBREVIATIONS = {
    "prof",
    "inc",
    "ltd",
    "co",
    "corp",
    "dr",
    "mr",
    "mrs",
    "ms",
    "jr",
    "sr",
    "st",
    "no",
    "vs",
    "etc",
    "llc",
    "plc",
    "gmbh",
    "bros",
}
_SENTENCE_END = re.compile(r"([A-Za-z0-9)\]]+)[.!?](?=\s|$)")

_COPYRIGHT_MARK = re.compile(
    r"(?:\bcopyright\b\s*(?:©|\(c\)|&copy;)?|©|\(c\)(?=\s*[A-Z0-9]))\s*", re.IGNORECASE
)
_NOT_A_NOTICE = re.compile(
    r"^(?:owner|holder|law|laws|material|notice|infringement|protection|act|issues?|policy|"
    r"and|or|of|to|is|are|was|were|in|on|for|by\s+the\s+author\b|permissions?|claims?|"
    r"information|agent|statement|status)\b",
    re.IGNORECASE,
)
_RIGHTS_TAIL = re.compile(
    r"[.,;]?\s*(?:(?:all|some)\s+rights\s+reserved|(?:used|reprinted|republished)\s+with\s+"
    r"permission|licensed\s+under|distributed\s+under|published\s+under|\|).*$",
    re.IGNORECASE,
)
_YEAR_RANGE = re.compile(r"\b((?:19|20)\d\d)(?:\s*[-–—/]\s*((?:19|20)?\d\d))?\b")
# "By X" and its German, French, Spanish, Italian and Dutch forms ("Von X", "Par X", ...).
_BYLINE = re.compile(
    r"^\s*(?:by|written\s+by|words\s+by|author|authors?|von|par|por|di|door|autor|auteur)"
    r"\s*[:\s]\s*(\S.*)$",
    re.IGNORECASE,
)
_INSTITUTION_WORDS = re.compile(
    r"\b(?:universit\w*|college|institut\w*|school|centre|center|academy|laborator\w*|"
    r"foundation|hospital|polytechnic|faculty|department|observatory|museum|society|"
    r"ecole|école|hochschule)\b",
    re.IGNORECASE,
)
_ROLE_AT = re.compile(
    r"\b(?:is|was|works\s+as)\s+(?:an?\s+|the\s+)?(?:[\w'-]+\s+){0,5}?"
    r"(?:professor|lecturer|researcher|fellow|director|scientist|scholar|student|candidate|"
    r"reader|chair|dean|economist|historian|associate|postdoc\w*|instructor|head|analyst|"
    r"teacher|expert)\b[^.;]*?\s+(?:at|with)\s+(?:the\s+)?([A-Z][^.;()]*)"
)
_DATE_TAIL = re.compile(
    rf"[,\s]+(?:{_MONTHS}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTHS}\s+"
    r"\d{4}|\d{4}-\d\d-\d\d).*$",
    re.IGNORECASE,
)


_DATE_IN_LINE = re.compile(
    rf"\b(?:(?P<m1>{_MONTHS})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{{4}})|"
    rf"(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{_MONTHS}),?\s+(?P<y2>\d{{4}})|"
    r"(?P<y3>\d{4})-(?P<m3>\d\d)-(?P<d3>\d\d))\b",
    re.IGNORECASE,
)
_NOT_PUBLISHED = re.compile(
    r"^\W*(?:(?:last\s+)?(?:updated|modified|edited|revised))\b", re.IGNORECASE
)
_DATELINE_TOP = 8  # a dateline sits under the headline, among the first few paragraphs
_DATELINE_MAX = 100  # a line that is no more than a dateline (with a name or "Published")
_DATELINE_LEAD = 80  # "PLACE, date — story...": the date opens the paragraph


@dataclass(frozen=True)
class SourceLine:
    """A line naming the original source, and the name it gives."""

    line: str
    name: str


@dataclass(frozen=True)
class CopyrightLine:
    """A copyright notice, and the holder and year read from it."""

    line: str
    holder: str | None
    year: int | None


@dataclass(frozen=True)
class Byline:
    """A byline or author note: who wrote the piece, and where they work if it says."""

    line: str
    author: str | None
    institution: str | None


def _lines(text: str) -> Iterator[str]:
    for line in text.split("\n"):
        line = line.strip()
        if line:
            yield line


def _cut_sentence(value: str) -> str:
    """Stop a name at the end of its sentence, but not at 'Prof.' or 'U.S.'."""
    for match in _SENTENCE_END.finditer(value):
        word = match.group(1)
        if word.lower() in _ABBREVIATIONS or (len(word) == 1 and word.isupper()):
            continue
        return value[: match.end(1)]
    return value


def _sentence(value: str) -> str:
    """The first sentence of a notice, keeping a following 'All rights reserved.'"""
    cut = _cut_sentence(value)
    if len(cut) < len(value):
        rest = value[len(cut) + 1 :]
        reserved = re.match(r"\s*(?:all|some)\s+rights\s+reserved\.?", rest, re.IGNORECASE)
        return cut + "." + (reserved.group(0) if reserved else "")
    return value


def _clean_name(value: str) -> str | None:
    value = _SOURCE_END.split(value, maxsplit=1)[0]
    value = _cut_sentence(value)
    # A date is when, never who: "First published on 3 March 2024", "Source: AP, March 3, 2024".
    value = _DATE_IN_LINE.split(value, maxsplit=1)[0]
    value = value.strip(" \t\"'“”‘’«».,;:!-–—")
    value = re.sub(r"^the\s+(?=[A-Z])", "", value)
    if not value or len(value) > 100 or not re.search(r"\w", value):
        return None
    return value


def parse_source(line: str) -> SourceLine | None:
    """The source named by one line, e.g. 'Originally published by X on 3 May 2017' -> X."""
    for lead in _SOURCE_LEADS:
        match = lead.search(line)
        if match:
            name = _clean_name(line[match.end() :])
            if name:
                begin = max(line.rfind(". ", 0, match.start()) + 2, 0) if match.start() else 0
                end = line.find(name, match.end()) + len(name)
                end += 1 if line[end : end + 1] in (".", "!") else 0
                return SourceLine(line[begin:end].strip(), name)
    return None


def find_source_line(text: str) -> SourceLine | None:
    """The strongest source line of ``text``; among equals, the last (footers come last)."""
    best: tuple[int, int, SourceLine] | None = None
    for position, line in enumerate(_lines(text)):
        for strength, lead in enumerate(_SOURCE_LEADS):
            if lead.search(line):
                found = parse_source(line)
                if found and (best is None or (-strength, position) >= best[:2]):
                    best = (-strength, position, found)
                break
    return best[2] if best else None


def parse_copyright(notice: str) -> tuple[str | None, int | None]:
    """Holder and year of a notice: 'Copyright © X, 2017', '© 2017 X', '(c) X 2017', 'X'.

    A range of years gives the latest; a holder named twice ('X, X, 2017') is named once.
    """
    body = _COPYRIGHT_MARK.sub(" ", notice, count=1) if _COPYRIGHT_MARK.match(notice) else notice
    body = _RIGHTS_TAIL.sub("", _sentence(body)).strip()
    year: int | None = None
    for match in _YEAR_RANGE.finditer(body):
        first = int(match.group(1))
        last = match.group(2)
        candidate = first
        if last:
            candidate = int(last) if len(last) == 4 else int(str(first)[:2] + last)
        year = max(year or 0, candidate, first)
    body = _YEAR_RANGE.sub(" ", body)
    body = re.sub(r"^\s*(?:by|the\s+copyright\s+holder\s+is)\s+", "", body, flags=re.IGNORECASE)
    parts: list[str] = []
    for part in re.split(r"\s*,\s*", body):
        part = part.strip().strip(" .;:-–—()[]").strip()
        if part and part.lower() not in (p.lower() for p in parts) and re.search(r"\w", part):
            parts.append(part)
    holder = ", ".join(parts) or None
    return holder, year


def find_copyright_line(text: str) -> CopyrightLine | None:
    """The copyright notice of ``text``: one opening its line and naming a holder wins, then
    one beside the source line, then the last."""
    best: tuple[int, int, int, CopyrightLine] | None = None
    lines = list(_lines(text))
    sources = {i for i, line in enumerate(lines) if parse_source(line)}
    for position, line in enumerate(lines):
        match = _COPYRIGHT_MARK.search(line)
        if not match:
            continue
        notice = _sentence(line[match.start() :])
        rest = line[match.end() :]
        at_start = (
            match.start() == 0
            or not re.search(r"\w", line[: match.start()])
            or bool(parse_source(line))
        )
        if len(notice) > 160 or (len(line) > 240 and not at_start):
            continue  # prose that mentions copyright, not a notice
        if not rest or _NOT_A_NOTICE.match(rest) or not re.match(r"[\w“\"'(]", rest):
            continue
        holder, year = parse_copyright(notice)
        if holder is None and year is None:
            continue
        found = CopyrightLine(notice.strip(), holder, year)
        # A notice beside the source line is the article's; a later one may be a site's.
        near_source = int(bool(sources & {position, position - 1, position - 2}))
        rank = (int(at_start) * 2 + int(holder is not None), near_source, position)
        if best is None or rank >= best[:3]:
            best = (*rank, found)
    return best[3] if best else None


def find_dateline(text: str) -> str | None:
    """The publication date of a dateline near the top, as ISO 8601, e.g. '2024-03-12'.

    'Meridian Observer, March 12, 2024', 'Published 12 March 2024' or 'LONDON, March 12, 2024 —
    The story...'. A date in the prose, or an 'Updated ...' line, is not a dateline.
    """
    for line in list(_lines(text))[:_DATELINE_TOP]:
        if _NOT_PUBLISHED.match(line):
            continue
        match = _DATE_IN_LINE.search(line)
        if not match:
            continue
        rest = line[match.end() :]
        opens = match.start() <= _DATELINE_LEAD and re.match(r"\s*(?:[—–|]|-\s)", rest)
        if len(line) <= _DATELINE_MAX or opens:
            found = _iso(match)
            if found:
                return found
    return None


def _iso(match: re.Match[str]) -> str | None:
    from datetime import date

    g = match.groupdict()
    try:
        if g["y3"]:
            return date(int(g["y3"]), int(g["m3"]), int(g["d3"])).isoformat()
        month_name = (g["m1"] or g["m2"]).lower()[:3]
        month = [
            "jan",
            "feb",
            "mar",
            "apr",
            "may",
            "jun",
            "jul",
            "aug",
            "sep",
            "oct",
            "nov",
            "dec",
        ].index(month_name) + 1
        return date(int(g["y1"] or g["y2"]), month, int(g["d1"] or g["d2"])).isoformat()
    except ValueError:
        return None


def _split_byline(value: str) -> tuple[str | None, str | None]:
    value = _DATE_TAIL.sub("", value)
    value = re.split(r"\s+[|•·]\s+|\s+[–—-]\s+", value)[0]
    parts = [p.strip(" .;:") for p in value.split(",") if p.strip(" .;:")]
    if not parts:
        return None, None
    # "By X of The Texan", "By X for Y": the outlet is not part of the name.
    author = re.split(r"\s+(?:of|for|at|from)\s+(?=(?:the\s+)?[A-Z])", parts[0], maxsplit=1)[0]
    institution = next((p for p in reversed(parts[1:]) if _INSTITUTION_WORDS.search(p)), None)
    if len(author) > 80 or not re.match(r"[A-Z\u00c0-\u024f]", author):
        return None, institution
    return author, institution


def find_byline(text: str, author: str | None = None) -> Byline | None:
    """A 'By X' line near the top, or a line opening with the known author's name."""
    lines = list(_lines(text))
    for line in lines[:12]:
        match = _BYLINE.match(line)
        if match and len(line) <= 160:
            name, institution = _split_byline(match.group(1))
            if name:
                return Byline(line, name, institution or find_institution(text, name))
    if author:
        for line in lines:
            if line.startswith(author) and len(line) <= 200 and "," in line[len(author) :][:3]:
                _name, institution = _split_byline(line)
                if institution:
                    return Byline(line, author, institution)
    return None


def find_institution(text: str, author: str | None = None) -> str | None:
    """Where the author works, from a note such as 'X is a professor of Y at Z.'"""
    surname = author.split()[-1] if author and author.split() else None
    for sentence in re.split(r"(?<=[.!?])\s+|\n", text):
        if surname and surname not in sentence:
            continue
        match = _ROLE_AT.search(sentence)
        if match:
            institution = match.group(1).strip(" ,")
            institution = re.split(
                r",\s+(?:where|who|which|and)\b|\s+(?:where|since|in\s+\d)", institution
            )[0].strip(" ,")
            if institution:
                return institution
    return None


def extract_attribution(
    doc: Document, overrides: Mapping[str, str | None] | None = None
) -> Attribution:
    """Attribution facts of an original; ``overrides`` (flags) win and are marked "flag".

    ``overrides`` keys: source, copyright ("Holder, 2017" or "Holder"), url, author, and also
    institution, title, publisher, published. ``None`` or an empty value means "not given".
    """
    given = {k: v.strip() for k, v in (overrides or {}).items() if v and v.strip()}
    unknown = sorted(set(given) - set(OVERRIDE_KEYS))
    if unknown:
        raise ValueError(
            f"unknown attribution override(s) {', '.join(unknown)} "
            f"(expected one of {', '.join(OVERRIDE_KEYS)})"
        )
    meta = doc.meta
    found: dict[str, str] = {}
    facts: dict[str, str | int] = {}

    def put(fact: str, value: str | int | None, how: str) -> None:
        if value not in (None, "") and fact not in facts:
            facts[fact] = value
            found[fact] = how

    if "copyright" in given:
        holder, year = parse_copyright(given["copyright"])
        put("copyright_holder", holder, "flag")
        put("copyright_year", year, "flag")
    for key, fact in (
        ("source", "source"),
        ("url", "url"),
        ("author", "author"),
        ("institution", "author_institution"),
        ("title", "title"),
        ("publisher", "publisher"),
        ("published", "published"),
    ):
        if key in given:
            put(fact, given[key], "flag")

    # Facts come from notice lines, never from the work's prose or a photo's caption.
    lines = notice_text(doc.text, doc.regions)
    source = find_source_line(lines)
    if source:
        put("source", source.name, "footer")
    notice = find_copyright_line(lines)
    if notice:
        put("copyright_holder", notice.holder, "footer")
        put("copyright_year", notice.year, "footer")
    if meta.rights and "copyright_holder" not in facts:
        holder, year = parse_copyright(meta.rights)
        put("copyright_holder", holder, "meta")
        if holder:
            put("copyright_year", year, "meta")
    # The site's own notice in the page footer or colophon ("Copyright © 2019 BBC.").
    site_notice = find_copyright_line(doc.furniture) if doc.furniture else None
    if site_notice and "copyright_holder" not in facts:
        put("copyright_holder", site_notice.holder, "page footer")
        if site_notice.holder:
            put("copyright_year", site_notice.year, "page footer")
    # The visible byline wins over metadata that names someone else.
    byline = find_byline(doc.text, meta.author)
    if byline:
        put("author", byline.author, "byline")
        put("author_institution", byline.institution, "byline")
    put("author", meta.author, "meta")
    if "author_institution" not in facts:
        author = str(facts["author"]) if "author" in facts else None
        put("author_institution", find_institution(doc.text, author), "byline")
    put("url", meta.canonical_url, "meta")
    if re.match(r"https?://", doc.origin):
        put("url", doc.origin, "origin")
    put("title", meta.title, "meta")
    put("published", meta.published, "meta")
    put("publisher", meta.site_name, "meta")
    put("source", meta.site_name, "meta")
    if site_notice and site_notice.holder:
        put("publisher", site_notice.holder, "page footer")
        put("source", site_notice.holder, "page footer")
    return Attribution(found=found, **facts)  # type: ignore[arg-type]
