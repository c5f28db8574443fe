"""Shared, pure helpers for the checks: locating names, credits, links and edits in a copy.

Everything here reads a ``CheckContext`` and returns plain values with offsets into
``Document.text``; nothing here decides pass or fail.
"""

from __future__ import annotations

import difflib
import itertools
import re
import string
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz

from ..documents.urls import is_web_url, resolve, same_article
from ..linear import compile_linear, spaced
from ..model import (
    SEVERITY_RANK,
    CheckContext,
    Document,
    Evidence,
    Finding,
    Link,
    Passage,
    Requirement,
    Severity,
    Span,
)

SNIPPET_CHARS = 160

# Words and phrases that, just before a name, make its mention a credit rather than a quotation.
CREDIT_CUE = re.compile(
    r"(?:original(?:ly)?\s+(?:source|published|appeared|posted|ran)|first\s+(?:published|appeared"
    r"|ran)|source\s*:|sources?\s+of\s+this|via|courtesy\s+of|credits?\s*:|republished\s+(?:from"
    r"|with)|reprinted\s+(?:from|with)|cross-?posted\s+from|copyright|©|\(c\)|published\s+(?:by"
    r"|at|on|in)|appeared\s+(?:in|on|at)|from|by|for)\W*(?:the\s+)?(?:\w+\W+){0,3}$",
    re.IGNORECASE,
)
_CUE_WINDOW = 80
_WORD = re.compile(r"\w+", re.UNICODE)
_ACRONYM_MAX = 5
_SQUEEZED_MIN = 6
_ALNUM = re.compile(r"[^\W_]+")
_GAPS = re.compile(r"[\W_]+")
_QUOTES = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
        "\u00ab": '"', "\u00bb": '"', "\u2013": "-", "\u2014": "-", "\u2212": "-",
    }
)  # fmt: skip
# str.translate looks every character up in the table; a character class finds the few to fold
_QUOTE_CHARS = re.compile("[" + "".join(chr(code) for code in _QUOTES) + "]")


def fold_quotes(text: str) -> str:
    """``text`` with typographic quotes, dashes and guillemets as their ASCII forms."""
    return _QUOTE_CHARS.sub(lambda m: str(_QUOTES[ord(m.group())]), text)


_PUNCT = re.compile(
    rf"[{re.escape(string.punctuation)}\u2010-\u2015\u2018-\u201f\u2026\u00ab\u00bb]"
)
# ``\w++\s++`` is possessive: giving back a letter or a space could never let the next part match,
# so the matches are those of ``\w+\s+`` without the backtracking at every word of the text.
_RELATIVE_TIME = re.compile(
    r"\b(?:today|yesterday|tomorrow|tonight|this\s+(?:week|month|year|morning|afternoon|evening)"
    r"|last\s+(?:week|month|year|night)|next\s+(?:week|month|year)|(?:on\s+)?(?:monday|tuesday"
    r"|wednesday|thursday|friday|saturday|sunday)|earlier\s+this\s+\w+|(?:\w++\s++)?(?:days?"
    r"|weeks?|months?|years?)\s+ago)\b",
    re.IGNORECASE,
)
_STYLE = (
    (re.compile(r"\bper\s*cent\b|\bpercent\b", re.IGNORECASE), "%"),
    (re.compile(r"\s*%"), "%"),
    (re.compile(r"\s*&\s*"), " and "),
    (re.compile(r"\b(mr|mrs|ms|dr|st)\.", re.IGNORECASE), r"\1"),
    (re.compile(r"(?<=\d),(?=\d{3}\b)"), ""),
)


# -- findings -------------------------------------------------------------------------------


def casefold_offsets(text: str) -> tuple[str, list[int]]:
    """``text.casefold()`` and, for each folded character, the index of its source character.

    Casefolding can lengthen the text ("ß" -> "ss"), so offsets in the folded text must be
    mapped back before they are used on ``text``. The list has one extra entry, ``len(text)``.
    """
    folded = text.casefold()
    if len(folded) == len(text):  # nothing expanded: every character folds to exactly one
        return folded, list(range(len(text) + 1))
    # Only the few characters that expand need a walk; the stretches between map one to one.
    expanding = "".join(ch for ch in set(text) if len(ch.casefold()) != 1)
    origin: list[int] = []
    done = 0
    for m in re.finditer(f"[{re.escape(expanding)}]", text):
        origin.extend(range(done, m.start()))
        origin.extend([m.start()] * len(m.group().casefold()))
        done = m.end()
    origin.extend(range(done, len(text) + 1))
    return folded, origin


def align_casefolded(wanted: str, text: str) -> tuple[float, Span] | None:
    """Where ``wanted`` best matches ``text`` ignoring case, as a score and a span of ``text``."""
    folded, origin = casefold_offsets(text)
    found = fuzz.partial_ratio_alignment(wanted.casefold(), folded)
    if found is None:
        return None
    start = origin[found.dest_start]
    end = origin[found.dest_end - 1] + 1 if found.dest_end > found.dest_start else start
    return found.score, Span(start, end)


def capped(req: Requirement, severity: Severity) -> Severity:
    """``severity`` but never above what the requirement asks for."""
    return severity if SEVERITY_RANK[severity] <= SEVERITY_RANK[req.severity] else req.severity


def finding(
    req: Requirement,
    message: str,
    *,
    outcome: str,
    evidence: Iterable[Evidence] = (),
    fix: str = "",
    severity: Severity | None = None,
) -> Finding:
    """A finding for ``req``; run_checks stamps the full rule id, clause and message override."""
    return Finding(
        rule_id=req.id,
        kind=req.kind,
        severity=capped(req, severity) if severity else req.severity,
        message=message,
        evidence=tuple(evidence),
        fix=fix,
        outcome=outcome,
    )


def span_evidence(doc: Document, which: str, span: Span, note: str = "") -> Evidence:
    """Evidence quoting ``span`` of ``doc`` (original or copy)."""
    snippet = doc.text[span.start : span.end]
    if len(snippet) > SNIPPET_CHARS:
        snippet = snippet[: SNIPPET_CHARS - 1] + "…"
    return Evidence(document=which, start=span.start, end=span.end, snippet=snippet, note=note)  # type: ignore[arg-type]


def link_evidence(link: Link, note: str = "") -> Evidence:
    """Evidence naming a link seen in the copy, with its href and where it sat."""
    where = "" if link.place == "text" else f" ({link.place})"
    rel = f" rel={' '.join(link.rel)}" if link.rel else ""
    text = f'<a href="{link.href}"{rel}>{link.text}</a>{where}'
    return Evidence(
        document="copy", start=link.start, end=link.end, snippet=text, note=note or link.place
    )


def links_seen(doc: Document, limit: int = 12) -> tuple[Evidence, ...]:
    """Every link of ``doc`` (up to ``limit``) as evidence, so a reader sees what was there."""
    return tuple(link_evidence(link, "link present in the copy") for link in doc.links[:limit])


# -- text ------------------------------------------------------------------------------------


def name_pattern(name: str) -> Any | None:
    """A case- and spacing-insensitive pattern for ``name`` ("South Front" finds "SouthFront"; a
    short upper-case acronym keeps its case: "AP" is not "ap"), to search in ``_spaced(text)``.

    Names come from documents, rule files and the command line, so the pattern runs on RE2
    (``compile_linear``): linear in the text whatever the name. RE2 has no look-around, so
    ``find_name`` checks the word boundaries at both ends itself. Between words the pattern
    allows spaces, which ``_spaced`` makes of every character outside words: a Unicode class
    ("not a letter or digit") would make RE2 build a large automaton for every name.
    """
    words = _ALNUM.findall(fold_quotes(name))
    if not words:
        return None
    if len(words) == 1 and name.islower() and len(name) >= _SQUEEZED_MIN:
        # A domain's name ("thehill") is the publication's words run together: "The Hill".
        body = " ?".join(re.escape(c) for c in words[0])
    else:
        body = " *".join(re.escape(w) for w in words)
    acronym = name.isupper() and len(name) <= _ACRONYM_MAX  # "AP" is not "ap"
    return compile_linear(body, ignore_case=not acronym)


@lru_cache(maxsize=2)  # a check searches its copy and its original; more keeps whole texts alive
def _spaced(text: str) -> str:
    """``text`` with every character outside words (``[\\W_]``) as a space (`linear.spaced`)."""
    return spaced(text, _GAPS)


def find_name(text: str, name: str | None) -> list[Span]:
    """Every place ``name`` occurs in ``text`` as whole words, ignoring case and spacing."""
    if not name:
        return []
    pattern = name_pattern(name)
    if pattern is None:
        return []
    folded = fold_quotes(text)
    return [
        Span(m.start(), m.end())
        for m in pattern.finditer(_spaced(folded))
        if _word_edge(folded, m.start() - 1) and _word_edge(folded, m.end())
    ]


def _word_edge(text: str, index: int) -> bool:
    """True when ``index`` is outside ``text`` or holds no word character."""
    return not 0 <= index < len(text) or _WORD.match(text[index]) is None


def paragraph_of(text: str, pos: int) -> Span:
    """The paragraph (between blank lines) that holds ``pos``."""
    start = text.rfind("\n\n", 0, pos)
    end = text.find("\n\n", pos)
    return Span(0 if start < 0 else start + 2, len(text) if end < 0 else end)


def paragraphs(text: str) -> list[Span]:
    """The paragraphs of a text, as spans (blank-line separated, empty ones skipped)."""
    spans: list[Span] = []
    for match in re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]*)*", text):
        if match.group().strip():
            spans.append(Span(match.start(), match.end()))
    return spans


def line_of(text: str, pos: int) -> Span:
    """The line that holds ``pos``."""
    start = text.rfind("\n", 0, pos)
    end = text.find("\n", pos)
    return Span(start + 1, len(text) if end < 0 else end)


def inside(span: Span, spans: Iterable[Span]) -> bool:
    """True when ``span`` lies within one of ``spans``."""
    return any(s.start <= span.start and span.end <= s.end for s in spans)


def covered_chars(span: Span, spans: Iterable[Span]) -> int:
    """How many characters of ``span`` lie in ``spans`` (counted once per span they lie in)."""
    return sum(max(0, min(span.end, s.end) - max(span.start, s.start)) for s in spans)


def copied_spans(ctx: CheckContext) -> list[Span]:
    """Spans of the copy that were aligned to the original (the copied body)."""
    return [p.copy for p in ctx.comparison.passages]


def credit_names(ctx: CheckContext) -> list[str]:
    """Names a credit may use, with their short forms, domain and initials (see `_names`)."""
    from ._names import credit_names as names

    return names(ctx)


def credit_spans(ctx: CheckContext, names: Sequence[str] | None = None) -> list[Span]:
    """Where the copy credits one of ``names``: after a credit cue, as link text, or in new text.

    A mention inside the copied body without a cue ("...the report by the agency said") is a
    quotation of the original, not a credit.
    """
    text = ctx.copy.text
    copied = copied_spans(ctx)
    anchors = [Span(lk.start, lk.end) for lk in ctx.copy.links if lk.place == "text"]
    found: list[Span] = []
    for name in names if names is not None else credit_names(ctx):
        for span in find_name(text, name):
            para = paragraph_of(text, span.start)
            before = text[max(para.start, span.start - _CUE_WINDOW) : span.start]
            cued = CREDIT_CUE.search(before) is not None
            anchored = any(a.start <= span.start < a.end for a in anchors)
            if cued or anchored or not inside(span, copied):
                found.append(span)
    return sorted(set(found), key=lambda s: (s.start, s.end))


def normalise_for(text: str, tolerance: Iterable[str]) -> str:
    """``text`` with the edits a tolerance allows folded away (whitespace, quotes, style...).

    No fold reaches across a blank line ("per\\n\\ncent" is two paragraphs, not "%"): the
    paragraphs of a text fold one by one, which lets `reads_same` fold only those that changed.
    """
    allowed = set(tolerance)
    out = text
    if "quotes" in allowed or "punctuation" in allowed:
        out = fold_quotes(out)
    if "style" in allowed or "relative_time" in allowed:  # their patterns span spaces
        out = "\n\n".join(_fold_words(para, allowed) for para in out.split("\n\n"))
    if "punctuation" in allowed:
        out = _PUNCT.sub(" ", out)
    if _folds_spacing(allowed):
        out = " ".join(out.split())
    return out


def _folds_spacing(allowed: Iterable[str]) -> bool:
    """True when the tolerance makes any run of spaces, line breaks included, one space."""
    return bool({"whitespace", "punctuation"} & set(allowed))


def _fold_words(paragraph: str, allowed: set[str]) -> str:
    if "style" in allowed:
        for pattern, repl in _STYLE:
            paragraph = pattern.sub(repl, paragraph)
        paragraph = paragraph.casefold()
    if "relative_time" in allowed:
        paragraph = _RELATIVE_TIME.sub(" ", paragraph)
    return paragraph


@dataclass(frozen=True)
class Edit:
    """A copied passage whose words changed beyond what the tolerance allows."""

    passage: Passage
    original: str
    copy: str


def changed_passages(ctx: CheckContext, tolerance: Iterable[str]) -> list[Edit]:
    """Aligned passages whose story texts still differ once the tolerated edits are folded away.

    Credit, copyright and licence lines at either end of a passage are not the story: an
    alignment that runs on from the last paragraph into the original's footer and the copy's
    own credit line is not an edit of the article.
    """
    allowed = tuple(tolerance)
    edits: list[Edit] = []
    paras: dict[str, list[Span]] = {}  # each side's paragraphs, found once for all passages
    for passage in ctx.comparison.passages:
        before = ctx.original.text[passage.original.start : passage.original.end]
        after = ctx.copy.text[passage.copy.start : passage.copy.end]
        if passage.kind == "verbatim" and before == after:
            continue
        for side in ("original", "copy"):
            paras.setdefault(side, paragraphs(getattr(ctx, side).text))
        story = (
            _story(ctx, ctx.original, paras["original"], passage.original),
            _story(ctx, ctx.copy, paras["copy"], passage.copy),
        )
        if not reads_same(*story, allowed):
            edits.append(Edit(passage, before, after))
    return edits


def reads_same(before: str, after: str, tolerance: Iterable[str]) -> bool:
    """True when the two texts read the same once the tolerated edits are folded away:
    ``normalise_for(before) == normalise_for(after)``, computed without folding what is shared.

    Folds never reach across a blank line, so the paragraphs the texts share at both ends (as
    a diff matches lines) fold alike and only the stretch between them decides. When each
    changed block of paragraphs folds alike, the texts do; when one does not, the stretch is
    compared whole (a re-paragraphing can line up with a repeated paragraph), folded one
    paragraph at a time up to the first difference. Without a tolerance for spacing, a
    paragraph added or removed (even an empty one) is a change.
    """
    if before == after:
        return True
    allowed = tuple(tolerance)
    a, b = before.split("\n\n"), after.split("\n\n")
    opcodes = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    blocks = [(i1, i2, j1, j2) for op, i1, i2, j1, j2 in opcodes if op != "equal"]
    if all(_fold_alike(a[i1:i2], b[j1:j2], allowed) for i1, i2, j1, j2 in blocks):
        return True
    (first, _, start, _), (_, last, _, end) = blocks[0], blocks[-1]
    return _fold_alike(a[first:last], b[start:end], allowed)


def _fold_alike(before: list[str], after: list[str], allowed: tuple[str, ...]) -> bool:
    """Whether two runs of paragraphs fold alike, folded one paragraph at a time up to the
    first difference (a long stretch usually differs early)."""
    if not _folds_spacing(allowed):
        # The paragraph breaks are kept: the same number of paragraphs, each folding alike.
        return all(
            x is not None
            and y is not None
            and normalise_for(x, allowed) == normalise_for(y, allowed)
            for x, y in itertools.zip_longest(before, after)
        )
    words = (
        itertools.chain.from_iterable(normalise_for(p, allowed).split() for p in side)
        for side in (before, after)
    )
    return all(x == y for x, y in itertools.zip_longest(*words))


_FOOTER = re.compile(
    r"original\s+source|copyright|©|\(c\)|all\s+rights\s+reserved|disclaimer|republish"
    r"|cross-?post|this\s+article\s+(?:was|is)\s+(?:originally|first)|support\s+(?:us|our)"
    r"|donate|newsletter|subscribe|follow\s+us|creative\s+commons|licen[cs]ed?\s+under"
    r"|(?:first|originally)\s+(?:appeared|published)"
    r"|read\s+(?:the\s+)?(?:full|whole|complete|original|rest)",
    re.IGNORECASE,
)


_BYLINE_WORDS = 12  # a byline ("By Ana Ruiz, Staff Writer") is one short line


def is_boilerplate(ctx: CheckContext, paragraph: str) -> bool:
    """A credit, copyright, licence or disclaimer line, one holding the words by which the
    terms recognise the publisher ("X is a nonprofit newsroom..."), the headline or a byline:
    the publisher's framing, judged by its own requirements, not the story."""
    if _FOOTER.search(paragraph):
        return True
    squashed = " ".join(paragraph.split()).casefold()
    titles = (ctx.original.title, ctx.copy.title)
    if any(t and " ".join(t.split()).casefold() == squashed for t in titles):
        return True
    author = (ctx.attribution.author or "").split(",")[0]  # the name before an affiliation
    if word_count(paragraph) <= _BYLINE_WORDS and find_name(paragraph, author):
        return True
    return any(" ".join(p.split()).casefold() in squashed for p in ctx.terms.detect.phrases)


def _story(ctx: CheckContext, doc: Document, paras: list[Span], span: Span) -> str:
    """The text of ``span`` of ``doc`` (whose paragraphs are ``paras``) without the boilerplate
    paragraphs at its start and end, each judged whole (a passage may end inside one)."""
    parts = [p for p in paras if p.end > span.start and p.start < span.end]
    while parts and is_boilerplate(ctx, doc.text[parts[-1].start : parts[-1].end]):
        parts.pop()
    while parts and is_boilerplate(ctx, doc.text[parts[0].start : parts[0].end]):
        parts.pop(0)
    if not parts:
        return ""
    return doc.text[max(span.start, parts[0].start) : min(span.end, parts[-1].end)]


def omitted_paragraphs(ctx: CheckContext, min_words: int = 8) -> list[Span]:
    """Body paragraphs of the original that no aligned passage covers (boilerplate excluded).

    A paragraph counts as omitted when less than half of its characters lie in passages; the
    original's own credit, copyright and disclaimer lines, and any paragraph its loader set aside
    as notice or furniture (``Document.regions``), are not the work and never count.
    """
    text = ctx.original.text
    covered = [p.original for p in ctx.comparison.passages]
    set_aside = [Span(r.start, r.end) for r in ctx.original.regions]
    omitted: list[Span] = []
    for para in paragraphs(text):
        if covered_chars(para, covered) >= para.length / 2:
            continue  # copied: tested first, as most paragraphs are and the rest cost more
        body = text[para.start : para.end]
        if (
            word_count(body) < min_words
            or is_boilerplate(ctx, body)
            or covered_chars(para, set_aside)
        ):
            continue
        omitted.append(para)
    return omitted


def words(items: Iterable[str]) -> str:
    """``items`` as a reader lists them: "a, b and c" (underscores read as spaces)."""
    values = [str(v).replace("_", " ") for v in items]
    if len(values) <= 1:
        return "".join(values)
    return ", ".join(values[:-1]) + " and " + values[-1]


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


# -- links -----------------------------------------------------------------------------------


def base_url(ctx: CheckContext) -> str | None:
    """The address relative hrefs of the copy resolve against, when one is known."""
    if ctx.copy.meta.canonical_url and is_web_url(ctx.copy.meta.canonical_url):
        return ctx.copy.meta.canonical_url
    if is_web_url(ctx.copy.origin):
        return ctx.copy.origin
    if ctx.copy_site:
        return f"https://{ctx.copy_site}/"
    return None


def resolved_href(ctx: CheckContext, link: Link) -> str:
    """The link's href made absolute against the copy's own address."""
    return resolve(link.href, base_url(ctx))


def article_url(ctx: CheckContext) -> str | None:
    """The original article's canonical address, if known."""
    return ctx.attribution.url or ctx.original.meta.canonical_url


def links_to_article(ctx: CheckContext, place: str = "text") -> list[Link]:
    """Links of the copy at ``place`` whose resolved href is the original article."""
    url = article_url(ctx)
    if not url:
        return []
    return [
        lk
        for lk in ctx.copy.links
        if lk.place == place and same_article(resolved_href(ctx, lk), url)
    ]
