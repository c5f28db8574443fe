"""Which terms govern an original, and why.

Order (first that answers wins): an explicit flag; the project's domain mapping; a catalogued
publisher's rule, by its own ``detect.domains`` or by a *strong* phrase match (a rule phrase found
in the original's text, fuzzy via rapidfuzz, whose matched words include that publisher's name or
domain: a weak resemblance never imports another publisher's terms); the terms the original's own
notice states (`notice.py`); the original's licence link; else ``all-rights-reserved``, under
which only a grant or fair use can cover a copy. Ties are broken by score, then by how many
phrases matched, then by id, so the same original always gets the same answer. When a catalogued
rule is chosen and the original's own notice says something else, the choice's detail says so.

Example:
    >>> choice = choose_terms(doc, attribution, load_library())
    >>> choice.terms_id, choice.reason, round(choice.score or 0)
    ('globalresearch', 'phrase', 98)
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache

from rapidfuzz import fuzz

from ..checks._text import paragraph_of
from ..documents.urls import host_matches, host_of, licence_key
from ..errors import ComplianceError, ConfigError
from ..model import Attribution, Document, Terms, TermsChoice
from .notice import Notice
from .notice_rule import NOTICE_TERMS_ID, find_notice, notice_terms
from .summary import notice_summary, terms_summary

__all__ = [
    "DEFAULT_TERMS",
    "NOTICE_TERMS_ID",
    "PHRASE_THRESHOLD",
    "PhraseMatch",
    "best_phrase",
    "choose_terms",
    "contact_for",
    "find_phrase",
    "furniture_text",
    "licence_key",
    "publisher_names",
    "resolve_terms",
]

DEFAULT_TERMS = "all-rights-reserved"
_GRANTS = ("allowed", "allowed-with-conditions")
PHRASE_THRESHOLD = 85.0  # rapidfuzz partial_ratio on normalised text, 0..100
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")


@dataclass(frozen=True)
class PhraseMatch:
    """Where a rule phrase was found in a text: score 0..100 and ``[start, end)`` in that text."""

    phrase: str
    score: float
    start: int
    end: int


@lru_cache(maxsize=16)
def _normalised(text: str) -> tuple[str, tuple[int, ...]]:
    """Lowercase alphanumerics with every other run of characters folded to one space.

    Returns the folded text and, for each of its characters, the index in ``text`` it came from,
    so a match can be reported in the original's own offsets.
    """
    chars: list[str] = []
    where: list[int] = []
    for index, char in enumerate(text):
        if char.isalnum():
            for low in char.lower():
                chars.append(low)
                where.append(index)
        elif chars and chars[-1] != " ":
            chars.append(" ")
            where.append(index)
    return "".join(chars), tuple(where)


def find_phrase(text: str, phrase: str, threshold: float = PHRASE_THRESHOLD) -> PhraseMatch | None:
    """Best fuzzy occurrence of ``phrase`` in ``text`` at or above ``threshold``, else None.

    Tolerates line breaks, punctuation, case and small wording changes (a publisher's own name
    in place of another's) because both sides are folded before rapidfuzz compares them.
    """
    needle, _ = _normalised(phrase)
    needle = needle.strip()
    hay, where = _normalised(text)
    if not needle or not hay:
        return None
    found = fuzz.partial_ratio_alignment(needle, hay, score_cutoff=threshold)
    if found is None or found.score < threshold:
        return None
    start = where[min(found.dest_start, len(where) - 1)]
    end = where[max(found.dest_end - 1, 0)] + 1
    return PhraseMatch(phrase=phrase, score=round(found.score, 1), start=start, end=end)


def _host(url: str | None) -> str:
    if not url:
        return ""
    text = url.strip()
    if "//" not in text:
        text = "https://" + text
    return host_of(text).removeprefix("www.")


def _original_url(original: Document, attribution: Attribution) -> str | None:
    if original.meta.canonical_url:
        return original.meta.canonical_url
    if attribution.url:
        return attribution.url
    return original.origin if "://" in original.origin else None


def _licence_candidates(original: Document) -> Iterator[str]:
    if original.meta.license_url:
        yield original.meta.license_url
    about_article = [link for link in original.links if link.role == "article"]
    for link in about_article:
        if "license" in (r.lower() for r in link.rel):
            yield link.href
    for link in about_article:
        if "creativecommons.org/licenses/" in link.href.lower():
            yield link.href


def _require(terms_id: str, library: Mapping[str, Terms], what: str) -> None:
    if terms_id not in library and terms_id != DEFAULT_TERMS:
        known = ", ".join(sorted(library))
        raise ComplianceError(f"{what}: unknown terms {terms_id!r} (expected one of {known})")


def _by_config(host: str, domain_map: Mapping[str, str]) -> tuple[str, str] | None:
    hits = [(d, t) for d, t in domain_map.items() if host_matches(host, d)]
    if not hits:
        return None
    domain, terms_id = max(hits, key=lambda hit: (len(hit[0]), hit[0]))
    return domain, terms_id


def _by_domain(host: str, library: Mapping[str, Terms]) -> tuple[str, str] | None:
    hits = [(d, t.id) for t in library.values() for d in t.detect.domains if host_matches(host, d)]
    if not hits:
        return None
    domain, terms_id = min(hits, key=lambda hit: (-len(hit[0]), hit[1]))
    return domain, terms_id


def publisher_names(terms: Terms) -> tuple[str, ...]:
    """Names a rule's publisher goes by: its publisher field's parts and its domains' names.

    "Centre for Research on Globalization (Global Research)" gives both names; the domain
    ``globalresearch.ca`` gives "globalresearch" (how the name is written in a URL).
    """
    parts = re.split(r"[();,]", terms.publisher)
    names = [p.strip() for p in parts if len(p.strip()) >= 3]
    for host in terms.detect.domains:
        names.append(host)
        names.append(host.split(".")[0])
    return tuple(dict.fromkeys(names))


def _names_publisher(text: str, match: PhraseMatch, terms: Terms) -> bool:
    """True when the matched paragraph names the rule's publisher (or the rule is a formula).

    Rules marked ``detect.any_publisher`` (a wire formula any agency prints) need no name.
    """
    if terms.detect.any_publisher:
        return True
    para = paragraph_of(text, match.start)
    window, _ = _normalised(text[para.start : max(para.end, match.end)])
    squeezed = window.replace(" ", "")
    for name in publisher_names(terms):
        folded = _normalised(name)[0].strip()
        if folded and (folded in window or folded.replace(" ", "") in squeezed):
            return True
    return False


def best_phrase(text: str, terms: Terms) -> tuple[PhraseMatch | None, int]:
    """The best-scoring *strong* phrase of ``terms`` in ``text``, and how many matched.

    A match is strong when its paragraph names the rule's publisher (`publisher_names`); a
    phrase that fits another publisher's sentence except for the name is no evidence for it.
    """
    matches = [
        m
        for p in terms.detect.phrases
        if (m := find_phrase(text, p)) is not None and _names_publisher(text, m, terms)
    ]
    if not matches:
        return None, 0
    return max(matches, key=lambda m: (m.score, -m.start)), len(matches)


def furniture_text(original: Document) -> str:
    """Text of the original's page furniture (site footer, header), where terms often sit."""
    return original.furniture


def _by_phrase_in(text: str, library: Mapping[str, Terms]) -> TermsChoice | None:
    ranked: list[tuple[float, int, str, PhraseMatch]] = []
    for terms in library.values():
        match, count = best_phrase(text, terms)
        if match is not None:
            ranked.append((-match.score, -count, terms.id, match))
    if not ranked:
        return None
    _, _, terms_id, match = min(ranked, key=lambda r: r[:3])
    return TermsChoice(terms_id, "phrase", detail=match.phrase, score=match.score)


def _by_phrase(original: Document, library: Mapping[str, Terms]) -> TermsChoice | None:
    """Phrases in the main text first, then in the page furniture."""
    choice = _by_phrase_in(original.text, library)
    if choice is None:
        furniture = furniture_text(original)
        choice = _by_phrase_in(furniture, library) if furniture else None
    return choice


def _by_licence(original: Document, library: Mapping[str, Terms]) -> TermsChoice | None:
    keys: dict[str, str] = {}
    for terms in sorted(library.values(), key=lambda t: t.id):
        for url in terms.detect.license_urls:
            keys.setdefault(licence_key(url), terms.id)  # the lowest id wins a shared URL
    for url in _licence_candidates(original):
        terms_id = keys.get(licence_key(url))
        if terms_id is not None:
            return TermsChoice(terms_id, "license", detail=url)
    return None


def _disagreement(terms: Terms, notice: Notice) -> str:
    """Where the original's own notice says something other than the catalogued rule, or ''."""
    if notice.republishing is None:
        return ""
    own, rule = notice_summary(notice), terms_summary(terms, notice)
    fields = ["republishing"] if own["republishing"] != rule["republishing"] else []
    fields += [
        name
        for name, value in own["requires"].items()
        if bool(value) != bool(rule["requires"][name])
    ]
    if not fields:
        return ""
    return f"; the original's own notice differs from this rule on {', '.join(fields)}"


def _named_licence(notice: Notice, library: Mapping[str, Terms]) -> Terms | None:
    """The catalogued licence a notice names (``cc-by-nc-nd-4.0``) when it asks nothing more.

    A notice that only names a licence is that licence, and its rule file says in full what the
    licence demands; a notice that adds its own demands (a tracking pixel, a link to the home
    page) is read as its own terms.
    """
    licence = notice.requires.license_notice
    terms = library.get(licence) if licence else None
    if terms is None or not terms.licensed:
        return None
    rule = terms_summary(terms)["requires"]
    own = notice_summary(notice)["requires"]
    beyond = [k for k, v in own.items() if v not in (False, None) and rule[k] in (False, None)]
    return None if beyond else terms


def _notice_detail(notice: Notice) -> str:
    main = next((c for c in notice.clauses if c.field == "republishing"), None)
    sentence = " ".join(main.sentence.split()) if main else ""
    return sentence if len(sentence) <= 160 else sentence[:157].rstrip() + "..."


def resolve_terms(
    original: Document,
    attribution: Attribution,
    library: Mapping[str, Terms],
    *,
    flag: str | None = None,
    domain_map: Mapping[str, str] | None = None,
    own_notice: bool = True,
) -> tuple[TermsChoice, Terms]:
    """The terms that govern ``original`` and why (see the module docstring for the order).

    Terms read from the original's own notice are not in ``library``: they are returned here
    under the id ``own-notice``, with the publisher and contact of the original. With
    ``own_notice=False`` the notice is not read: the catalogue alone decides (a baseline).

    Raises:
        ComplianceError: ``flag`` or a configured mapping names terms not in ``library``.
    """
    choice = _choose_catalogued(original, attribution, library, flag=flag, domain_map=domain_map)
    if choice is not None and choice.reason in ("flag", "config"):
        return choice, library[choice.terms_id]
    notice = find_notice(original)[0] if own_notice else Notice()
    if choice is not None:
        terms = library[choice.terms_id]
        detail = choice.detail + _disagreement(terms, notice)
        return replace(choice, detail=detail), terms
    named = _named_licence(notice, library)
    if named is not None:
        detail = f"{named.name}, named in the original's notice: {_notice_detail(notice)}"
        return TermsChoice(named.id, "license", detail=detail), named
    licence = _by_licence(original, library)
    if notice.republishing is not None and (licence is None or notice.republishing in _GRANTS):
        # A notice that only reserves rights yields to the article's own licence link (a site
        # footer's "All rights reserved" under a Creative Commons article).
        terms = notice_terms(notice, attribution, original.origin)
        return TermsChoice(NOTICE_TERMS_ID, "notice", detail=_notice_detail(notice)), terms
    choice = licence or TermsChoice(
        DEFAULT_TERMS, "default", detail="no terms recognised in the original"
    )
    return choice, library[choice.terms_id]


def choose_terms(
    original: Document,
    attribution: Attribution,
    library: Mapping[str, Terms],
    *,
    flag: str | None = None,
    domain_map: Mapping[str, str] | None = None,
) -> TermsChoice:
    """Decide which terms govern ``original`` and record why; `resolve_terms` without the terms.

    Raises:
        ComplianceError: ``flag`` or a configured mapping names terms not in ``library``.
    """
    return resolve_terms(original, attribution, library, flag=flag, domain_map=domain_map)[0]


def _choose_catalogued(
    original: Document,
    attribution: Attribution,
    library: Mapping[str, Terms],
    *,
    flag: str | None,
    domain_map: Mapping[str, str] | None,
) -> TermsChoice | None:
    """The flag, the config mapping, or a catalogued publisher's domain or strong phrase."""
    if flag:
        _require(flag, library, "--terms")
        return TermsChoice(flag, "flag", detail=flag)
    host = _host(_original_url(original, attribution))
    if domain_map:
        hit = _by_config(host, domain_map)
        if hit is not None:
            domain, terms_id = hit
            if terms_id not in library and terms_id != DEFAULT_TERMS:
                known = ", ".join(sorted(library))
                raise ConfigError(
                    f"domain_map maps {domain!r} to unknown terms {terms_id!r} "
                    f"(expected one of {known})"
                )
            return TermsChoice(terms_id, "config", detail=domain)
    hit = _by_domain(host, library)
    if hit is not None:
        return TermsChoice(hit[1], "domain", detail=hit[0])
    return _by_phrase(original, library)


def contact_for(original: Document, terms: Terms) -> str | None:
    """Whom to ask for permission: the original's own notice first, else the rule's.

    The original's notice is read by `notice.py`; failing that, an email in the paragraph where
    the terms' best phrase was found, or the next one (footers often put "contact: ..." on its
    own line). Only then the rule file's contact, which a rule chosen for its publisher has.
    """
    own = find_notice(original)[0].contact
    if own:
        return own
    text = original.text
    match, _ = best_phrase(text, terms)
    if match is None:
        text = furniture_text(original)
        match = best_phrase(text, terms)[0] if text else None
    if match is not None:
        para = paragraph_of(text, match.start)
        following = text.find("\n\n", para.end + 2)
        window = text[para.start : len(text) if following < 0 else following]
        email = _EMAIL.search(window)
        if email:
            return email.group(0).rstrip(".")
    return terms.contact
