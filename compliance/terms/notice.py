"""Read an original's own republishing notice into the terms it states, sentence by sentence.

Thousands of sites print their own terms ("you may republish ... as long as you credit us and
link to the original"); no catalogue covers them. The reader splits the notice into sentences,
finds the phrasings listed in the clause-pattern files (`patterns.py`, data in rules/notices/),
and derives the fields a legal team would write down: whether republishing is allowed, for which
venues, what a copy must carry, what is forbidden, and whom to ask. Every derived requirement
keeps the sentence it came from and its offsets, so a report can quote it as the clause.

Example:
    >>> notice = read_notice("You may republish our stories as long as you credit us.")
    >>> notice.republishing, notice.requires.credit_source
    ('allowed-with-conditions', True)
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, fields
from functools import lru_cache
from typing import Literal

from .licences import code_elements, licence_version
from .patterns import PatternSet, load_patterns
from .venues import settle

__all__ = [
    "Clause",
    "Notice",
    "Requires",
    "read_notice",
    "sentences",
]

Status = Literal["allowed", "allowed-with-conditions", "permission-required", "forbidden"]
LinkTarget = Literal["article", "home", "any"]
_LINK_TARGETS: tuple[LinkTarget, ...] = ("article", "home", "any")  # the most specific wins
_STATUS_SIGNALS = ("grant", "permission", "prohibition", "reserved")
_ADDRESS = re.compile(r"https?://[^\s<>\"']+")
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
# Sentence ends: a line break, a list bullet, or ., !, ? followed by space; 。 in CJK text.
_BREAK = re.compile(r"\n+|[•·▪●]|(?<=[.!?])\s+|(?<=。)")
_LEAD = re.compile(r"^[\s\-–—*:>]+")
# "U.S." or "U.K." before a space and a lower-case word is no sentence end (`_after_initials`).
_INITIALS = re.compile(r"(?<![\w.])(?:[A-Z]\.){2,}$")
_NEGATION_REACH = 25  # characters before a grant in which "no part", "not" ... turn it around
_GRANT_REACH = 60  # characters after a grant that still qualify it ("... without permission")
_CONTRAST = re.compile(r"\b(?:but|however|except)\b", re.IGNORECASE)  # a new clause begins
_ELEMENT_AT_START = 3  # a licence element named at the start of a sentence ("NC: ...")
# Signals that mark a notice. Only sentences near one are read in full, so a long article costs
# one pass of these patterns, not of every pattern over every sentence.
_TRIGGERS = (*_STATUS_SIGNALS, "waiver", "public_domain", "cc")
# Words that show a notice is written in a file's language: its triggers, its reuse words and
# its names of licence elements ("Reconocimiento-NoComercial" under the "Creative Commons" every
# language shares). A notice is read with the files whose cues it holds (PatternSet.triggered).
LANGUAGE_CUES = (*_TRIGGERS, "reuse", "cc_by", "cc_nc", "cc_nd", "cc_sa", "cc_version")
_REACH = 60  # sentences at most in one notice block
_SEPARATOR = "\n.\n"  # between sentences scanned together: no pattern reads across a full stop


@dataclass(frozen=True)
class Clause:
    """The sentence of a notice a derived field rests on, with its ``[start, end)`` offsets."""

    field: str  # e.g. "republishing", "credit_source", "venue:print", "contact"
    sentence: str
    start: int
    end: int


@dataclass(frozen=True)
class Requires:
    """What a copy must carry, in the vocabulary of the labelled notices."""

    credit_source: bool = False
    copyright_notice: bool = False
    byline: bool = False
    link_to_original: LinkTarget | None = None
    license_notice: str | None = None  # e.g. "cc-by-nc-nd-4.0", "cc-unspecified"
    no_modification: bool = False
    keep_links: bool = False
    tracking_pixel: bool = False
    together: bool = False

    def any(self) -> bool:
        """True when at least one element is demanded."""
        return any(getattr(self, f.name) not in (False, None) for f in fields(self))


@dataclass(frozen=True)
class Notice:
    """The terms a notice states. ``republishing`` is None when no notice was found."""

    republishing: Status | None = None
    venues_allowed: tuple[str, ...] = ()
    venues_needing_permission: tuple[str, ...] = ()
    uses_needing_permission: tuple[str, ...] = ()
    requires: Requires = field(default_factory=Requires)
    forbids: tuple[str, ...] = ()
    contact: str | None = None
    clauses: tuple[Clause, ...] = ()


@dataclass(frozen=True)
class _Hit:
    """Where a pattern matched in a sentence, and what it captured (a contact, a version)."""

    start: int
    end: int
    value: str | None = None


Hits = dict[str, list[_Hit]]


@dataclass(frozen=True)
class _Sentence:
    start: int
    end: int
    text: str
    kind: str | None  # the status signal that governs it, if any
    hits: Hits  # signal -> matches
    sections: dict[str, Hits]  # "venues" / "uses" / "forbids" -> token -> matches


def _after_initials(text: str, brk: re.Match[str]) -> bool:
    """True for the space after "U.S." or "U.K." when the sentence goes on in lower case
    ("a work of the U.S. government"), which is no sentence end."""
    if "\n" in brk.group():
        return False
    following = text[brk.end() : brk.end() + 1]
    if not (following.islower() or following.isdigit()):
        return False
    return _INITIALS.search(text[max(0, brk.start() - 12) : brk.start()]) is not None


def sentences(text: str) -> Iterator[tuple[int, int]]:
    """``[start, end)`` of each sentence or list item of ``text``, surrounding space trimmed."""
    begin = 0
    breaks = [b for b in _BREAK.finditer(text) if not _after_initials(text, b)]
    for brk in [*breaks, None]:
        end = brk.start() if brk is not None else len(text)
        chunk = text[begin:end]
        lead = _LEAD.match(chunk)
        start = begin + (lead.end() if lead else 0)
        stop = begin + len(chunk.rstrip())
        if stop > start:
            yield start, stop
        if brk is not None:
            begin = brk.end()


def _scan(
    joined: str, bases: list[int], section: Mapping[str, tuple[re.Pattern[str], ...]]
) -> list[Hits]:
    """Every match of ``section``'s patterns, per sentence of ``joined``.

    Sentences are scanned joined (one call per pattern, not per pattern and sentence), with a
    separator no pattern crosses; ``bases`` are where each sentence starts in ``joined``.
    """
    found: list[Hits] = [{} for _ in bases]
    for name, patterns in section.items():
        for pattern in patterns:
            group = next(iter(pattern.groupindex), None)
            for m in pattern.finditer(joined):
                i = bisect_right(bases, m.start()) - 1
                base = bases[i]
                hit = _Hit(m.start() - base, m.end() - base, m.group(group) if group else None)
                found[i].setdefault(name, []).append(hit)
    return found


def _inside(hit: _Hit, spans: list[_Hit], slack: int = 0) -> bool:
    """True when ``hit`` starts within one of ``spans`` (widened by ``slack`` characters)."""
    return any(c.start - slack <= hit.start < c.end + slack for c in spans)


def _qualifies(grant: _Hit, permission: _Hit, text: str) -> bool:
    """True when the ``permission`` phrase follows ``grant`` closely, in the same clause (no
    semicolon, colon or "but" between): it qualifies that grant ("may be reprinted without
    permission"; not "... for free; commercial outlets should contact us", nor "... if you credit
    us, but do not use our photographs without permission")."""
    between = text[grant.end : permission.start] if permission.start >= grant.end else "\n"
    return len(between) <= _GRANT_REACH and _one_clause(between)


def _tied(grant: _Hit, permission: _Hit, restrictions: list[_Hit], text: str) -> bool:
    """True when a restriction word joins ``grant`` to the ``permission`` phrase after it
    ("reproduction is permitted only with our consent", "... with our permission only"):
    the grant is conditional on asking."""
    return _qualifies(grant, permission, text) and any(
        grant.end <= r.start <= permission.end for r in restrictions
    )


def _names_reuse(waiver: _Hit, reuse: _Hit, text: str) -> bool:
    """True when the reuse words come in the waiver's own clause, shortly after it ("no
    permission is needed to republish ...") or before it ("to republish, no permission ...")."""
    if reuse.start >= waiver.end:
        between = text[waiver.end : reuse.start]
    else:
        between = text[reuse.end : waiver.start]  # empty when the two overlap
    return len(between) <= _GRANT_REACH and _one_clause(between)


def _one_clause(between: str) -> bool:
    """True when nothing ``between`` two phrases starts a new clause: no semicolon, colon or
    line break, and no "but", "however" or "except"."""
    return not any(c in between for c in ";:\n") and not _CONTRAST.search(between)


def _overlap(one: _Hit, other: _Hit) -> bool:
    return one.start < other.end and other.start < one.end


def _negated(grant: _Hit, negations: list[_Hit]) -> bool:
    return any(n.start < grant.end and n.end > grant.start - _NEGATION_REACH for n in negations)


def _sentence(
    text: str, span: tuple[int, int], hits: Hits, sections: dict[str, Hits], about_reuse: bool
) -> _Sentence:
    """One read sentence. ``about_reuse``: its paragraph speaks of reusing the work, without
    which "without permission" or "is prohibited" is prose, not a notice. (Grant phrasings name
    the reuse themselves: "may be republished", "our stories are free for ... use".)"""
    if not about_reuse:
        hits.pop("permission", None)
        hits.pop("prohibition", None)
    waivers = hits.get("waiver", [])  # "no prior permission is required"
    permissions = [
        p for p in hits.get("permission", []) if not any(_overlap(p, w) for w in waivers)
    ]
    restrictions = hits.get("restriction", [])
    said = text[span[0] : span[1]]  # the sentence: hits index it

    grants = [
        g
        for g in hits.get("grant", [])
        if not _negated(g, hits.get("negation", []))
        # "reproduction is only allowed with our permission" is no grant
        and not any(
            g.start <= p.start < g.end or _tied(g, p, restrictions, said) for p in permissions
        )
    ]
    # "no prior permission is required to republish our articles" allows what it names; "no
    # permission is needed to photograph buildings, but publication ..." names no reuse of it
    waived = [w for w in waivers if any(_names_reuse(w, r, said) for r in hits.get("reuse", []))]
    hits["grant"] = [] if hits.get("private_use") else [*grants, *waived]
    # "may be reprinted without written permission": the permission words belong to the grant.
    hits["permission"] = [
        p for p in permissions if not any(_qualifies(g, p, said) for g in hits["grant"])
    ]
    kind = next((s for s in _STATUS_SIGNALS if hits.get(s)), None)
    start, end = span
    return _Sentence(start, end, text[start:end], kind, hits, sections)


def _read_sentences(
    text: str, spans: list[tuple[int, int]], patterns: PatternSet
) -> list[_Sentence]:
    """The sentences ``spans`` of ``text`` with every pattern's matches (no sentence, no pattern
    read: a text without a notice compiles only the patterns that mark one)."""
    if not spans:
        return []
    joined, bases = _joined(text, spans)
    signals = _scan(joined, bases, patterns.signals)
    sections = {
        name: _scan(joined, bases, getattr(patterns, name))
        for name in ("venues", "uses", "forbids")
    }
    reuse = patterns.signals.get("reuse", ())
    paragraphs: dict[int, bool] = {}
    for start, _ in spans:
        begin = text.rfind("\n\n", 0, start) + 1
        if begin not in paragraphs:
            body = text[begin : _paragraph_end(text, start)]
            paragraphs[begin] = any(p.search(body) for p in reuse)
    return [
        _sentence(
            text,
            span,
            signals[i],
            {name: found[i] for name, found in sections.items()},
            paragraphs[text.rfind("\n\n", 0, span[0]) + 1],
        )
        for i, span in enumerate(spans)
    ]


def _binding(sentence: _Sentence) -> bool:
    """False for a wish ("it's nice if you link"): an optional cue and no obligation cue."""
    return not (sentence.hits.get("optional") and not sentence.hits.get("obligation"))


def _clause(name: str, sentence: _Sentence) -> Clause:
    return Clause(name, sentence.text, sentence.start, sentence.end)


def _licence(read: list[_Sentence]) -> tuple[str | None, list[_Sentence]]:
    """The Creative Commons licence named, as ``cc-by-nc-nd-4.0`` (or ``cc-unspecified``)."""
    named = [s for s in read if s.hits.get("cc")]
    if not named:
        return None, []
    coded = {e for s in named for e in code_elements(s.text)}  # "cc by-nc", a deed address
    elements: list[str] = []
    for code in ("by", "nc", "nd", "sa"):
        for s in read:
            found = s.hits.get(f"cc_{code}", [])
            if code in coded or any(s in named or m.start <= _ELEMENT_AT_START for m in found):
                elements.append(code)
                break
    if not elements:
        return "cc-unspecified", named
    if "by" not in elements:
        elements.insert(0, "by")  # every Creative Commons licence since 2.0 requires attribution
    captured = (m.value or "" for s in named for m in s.hits.get("cc_version", []))
    version = next(filter(None, map(licence_version, captured)), None)
    return "-".join(["cc", *elements, *([version] if version else [])]), named


def _contact(read: list[_Sentence]) -> tuple[str | None, _Sentence | None]:
    """Whom to ask: an address in a sentence of the notice (one with a status or contact cue,
    or right after one), else a named contact ("contact: the syndication desk"), else a web
    address in a sentence that asks for permission (a request form)."""
    near = [
        s for i, s in enumerate(read) if s.kind or s.hits.get("contact") or (i and read[i - 1].kind)
    ]
    for s in sorted(near, key=lambda s: s.kind not in ("permission", "reserved", "prohibition")):
        email = _EMAIL.search(s.text)
        if email:
            return email.group(0).rstrip("."), s
    for s in read:
        for m in s.hits.get("contact", []):
            value = (m.value or "").strip(" .,;:")
            if value:
                return value, s
    for s in read:  # "ask for permission at https://..." in any language
        address = _ADDRESS.search(s.text) if s.kind == "permission" else None
        if address:
            return address.group(0).rstrip(".,;:)"), s
    return None, None


def _nearest_kind(sentence: _Sentence, position: int) -> str | None:
    """The status signal nearest to ``position`` in a sentence that has more than one, one in
    the same clause first (no semicolon, colon or "but" between: "... may republish our
    essays; commercial outlets should contact us": the commercial outlets are the contact's,
    not the grant's)."""
    best: tuple[bool, int, str] | None = None
    for kind in _STATUS_SIGNALS:
        for m in sentence.hits.get(kind, []):
            inside = m.start <= position < m.end
            lo, hi = sorted((position, m.end if m.end <= position else m.start))
            apart = not inside and not _one_clause(sentence.text[lo:hi])
            distance = 0 if inside else min(abs(m.start - position), abs(m.end - position))
            if best is None or (apart, distance) < best[:2]:
                best = (apart, distance, kind)
    return best[2] if best else sentence.kind


def _ordered(items: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def _paragraph_start(text: str, position: int) -> int:
    """Where the paragraph holding ``position`` begins: just past the blank line before it."""
    blank = text.rfind("\n\n", 0, position)
    return 0 if blank < 0 else blank + 2


def _paragraph_end(text: str, position: int) -> int:
    end = text.find("\n\n", position)
    return len(text) if end < 0 else end


def _joined(text: str, spans: list[tuple[int, int]]) -> tuple[str, list[int]]:
    """The sentences ``spans`` of ``text`` joined by `_SEPARATOR`, and where each starts in the
    joined text: every sentence starts a line, so ``^`` in a pattern is a sentence's start."""
    bases: list[int] = []
    length = 0
    for start, end in spans:
        bases.append(length)
        length += end - start + len(_SEPARATOR)
    return _SEPARATOR.join(text[start:end] for start, end in spans), bases


def _near_triggers(text: str, spans: list[tuple[int, int]], patterns: PatternSet) -> list[int]:
    """Indexes of the sentences of the notice blocks: each paragraph holding a trigger and the
    paragraph after it (a heading, then its list of conditions), at most `_REACH` sentences.

    Triggers are looked for in the sentences as the reader reads them (a pattern anchored at a
    sentence's start finds "For personal use only." after "© 2024 Example News." too)."""
    starts = [a for a, _ in spans]
    joined, bases = _joined(text, spans)
    keep: set[int] = set()
    for name in _TRIGGERS:
        for pattern in patterns.signals.get(name, ()):
            for match in pattern.finditer(joined):
                i = bisect_right(bases, match.start()) - 1
                at = spans[i][0] + match.start() - bases[i]
                begin = _paragraph_start(text, at)
                end = _paragraph_end(text, _paragraph_end(text, at) + 2)
                first = bisect_left(starts, begin)
                last = bisect_right(starts, end)
                keep.update(range(first, min(last, first + _REACH)))
    return sorted(keep)


def read_notice(text: str, patterns: PatternSet | None = None) -> Notice:
    """The terms stated by the notice ``text`` (a whole page's text works too), read with every
    language's patterns."""
    if patterns is None:
        return _read_builtin(text)
    return _read(text, patterns)


@lru_cache(maxsize=16)
def _read_builtin(text: str) -> Notice:
    """`read_notice` with the built-in patterns, kept for the few texts a check reads twice."""
    return _read(text, load_patterns())


def _read(text: str, pats: PatternSet) -> Notice:
    pats = pats.within(text)  # every text searched below is a part of ``text``
    spans = list(sentences(text))
    notice = [spans[i] for i in _near_triggers(text, spans, pats)]
    if notice:  # read in the languages the notice is written in
        pats = pats.triggered(_joined(text, notice)[0], LANGUAGE_CUES)
    read = _read_sentences(text, notice, pats)
    clauses: list[Clause] = []
    licence, licence_sentences = _licence(read)
    granted = [s for s in read if s.kind == "grant" or s.hits.get("public_domain")]
    allowed_here = bool(granted or licence_sentences)

    flags: dict[str, bool] = {}
    links: dict[LinkTarget, _Sentence] = {}
    if allowed_here:
        for s in read:
            if s.kind in ("permission", "prohibition", "reserved") or not _binding(s):
                continue
            for name in (
                "credit_source",
                "copyright_notice",
                "byline",
                "no_modification",
                "keep_links",
                "tracking_pixel",
                "together",
            ):
                if s.hits.get(name) and not flags.get(name):
                    flags[name] = True
                    clauses.append(_clause(name, s))
            for target in _LINK_TARGETS:
                if s.hits.get(f"link_{target}"):
                    links.setdefault(target, s)
    if licence is not None:
        if not flags.get("credit_source"):
            flags["credit_source"] = True
            clauses.append(_clause("credit_source", licence_sentences[0]))
        clauses.append(_clause("license_notice", licence_sentences[0]))
        if "-nd" in licence and not flags.get("no_modification"):
            flags["no_modification"] = True
            clauses.append(_clause("no_modification", licence_sentences[0]))
    link: LinkTarget | None = next((t for t in _LINK_TARGETS if t in links), None)
    if link is not None:
        clauses.append(_clause("link_to_original", links[link]))
    requires = Requires(
        link_to_original=link,
        license_notice=licence,
        **flags,
    )

    status: Status | None
    kinds = {s.kind for s in read}
    if allowed_here:
        status = "allowed-with-conditions" if requires.any() else "allowed"
        anchor = granted[0] if granted else licence_sentences[0]
    elif "prohibition" in kinds and "permission" not in kinds:
        status = "forbidden"
        anchor = next(s for s in read if s.kind == "prohibition")
    elif kinds & {"permission", "reserved", "prohibition"}:
        status = "permission-required"
        anchor = next(s for s in read if s.kind in ("permission", "reserved", "prohibition"))
    else:
        return Notice()
    clauses.insert(0, _clause("republishing", anchor))

    allowed: list[str] = []
    needing: list[str] = []
    uses: list[str] = []
    forbids: list[str] = []
    for s in read:
        for venue, found in s.sections["venues"].items():
            for m in found:
                if _inside(m, s.hits.get("conditional", [])) and not _inside(
                    m, s.hits.get("permission", [])
                ):
                    # "if you publish online, ..." states a condition, not a venue; but "if you
                    # wish to publish in print, contact us" names a venue that needs permission
                    continue
                if _inside(m, s.hits.get("private_use", [])):
                    continue  # "for your personal, non-commercial use" is no republishing venue
                kind = _nearest_kind(s, m.start)
                if venue == "non-commercial":
                    allowed.append(venue)
                    if not (s.hits.get("cc") and _inside(m, s.hits.get("cc_nc", []), 1)):
                        needing.append("commercial")  # in words, not a licence's name
                elif kind in ("permission", "prohibition", "reserved"):
                    needing.append(venue)
                elif allowed_here:
                    allowed.append(venue)
                clauses.append(_clause(f"venue:{venue}", s))
        if allowed_here:  # a use named nearest a permission phrase ("photos need our consent")
            uses.extend(
                use
                for use, found in s.sections["uses"].items()
                if any(_nearest_kind(s, m.start) == "permission" for m in found)
            )
        forbids.extend(s.sections["forbids"])
    if status == "forbidden":
        allowed, needing = [], []
    elif status == "permission-required":
        allowed, needing = [], ["any", *needing]
    else:
        allowed, needing = map(
            list, settle(allowed, needing, licence=licence, own_grant=bool(granted))
        )
        if status == "allowed" and (needing or set(allowed) - {"any", "commercial"}):
            status = "allowed-with-conditions"  # "nonprofits may republish": a venue is a condition

    contact, where = _contact(read)
    if where is not None:
        clauses.append(_clause("contact", where))
    return Notice(
        republishing=status,
        venues_allowed=_ordered(allowed),
        venues_needing_permission=_ordered(needing),
        uses_needing_permission=_ordered(uses),
        requires=requires,
        forbids=_ordered(forbids),
        contact=contact,
        clauses=tuple(clauses),
    )
