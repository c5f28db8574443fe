"""The data that flows: load -> terms -> compare -> check -> fair use -> report.

Plain frozen dataclasses and nothing else. Offsets always index ``Document.text`` (Unicode code
points, half-open ``[start, end)``), so every renderer can quote the same evidence.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, get_args

from .params import KindParams

SCHEMA_VERSION = "1.1"  # 1.1: Report.notes

Severity = Literal["error", "warning", "advisory"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "advisory")
SEVERITY_RANK: dict[str, int] = {"error": 3, "warning": 2, "advisory": 1}

Verdict = Literal["compliant", "violations", "needs-permission", "likely-fair-use", "not-a-copy"]
VERDICTS: tuple[Verdict, ...] = get_args(Verdict)

Venue = Literal["community", "nonprofit", "commercial", "print"]
VENUES: tuple[Venue, ...] = get_args(Venue)
VenuePolicy = Literal["allowed", "permission", "forbidden"]

# What a link is about: the article, or a picture (inside a caption, figure or photo credit:
# a licence link there licenses the picture, never the article).
LinkRole = Literal["article", "caption"]

# Where a link was seen: in the main text, in page furniture removed by extraction (navigation,
# header, sidebar, footer menus), or inside an HTML comment (invisible to readers).
LinkPlace = Literal["text", "boilerplate", "comment"]


@dataclass(frozen=True)
class Span:
    """A half-open character range ``[start, end)`` of one document's text."""

    start: int
    end: int

    @property
    def length(self) -> int:
        return self.end - self.start


# What a paragraph of a page is: the article's work, a notice about it (licence, credit,
# copyright), or page furniture (byline, date, tags, repeated headline, appeals, captions).
Role = Literal["work", "notice", "furniture"]


@dataclass(frozen=True)
class Region:
    """A paragraph of ``Document.text`` that is not the work, and why (e.g. "tags")."""

    start: int
    end: int
    role: Role
    reason: str = ""


@dataclass(frozen=True)
class Link:
    """A hyperlink as a reader would meet it. Offsets are -1 when ``place`` is not ``text``."""

    href: str
    text: str
    start: int = -1
    end: int = -1
    rel: tuple[str, ...] = ()
    place: LinkPlace = "text"
    role: LinkRole = "article"


@dataclass(frozen=True)
class Media:
    """An embedded resource: image, tracking pixel, iframe, video, audio or script."""

    kind: Literal["image", "pixel", "iframe", "video", "audio", "script"]
    src: str
    alt: str = ""
    width: int | None = None
    height: int | None = None


@dataclass(frozen=True)
class Meta:
    """Metadata of a document, from HTML head tags, front matter or the text itself."""

    title: str | None = None
    author: str | None = None
    site_name: str | None = None
    canonical_url: str | None = None
    published: str | None = None  # ISO 8601 date
    license_url: str | None = None  # rel=license or a Creative Commons deed link
    language: str | None = None
    # What the document declares about itself: a Markdown file's front matter, an HTML page's
    # <meta name|property=... content=...> pairs (keys lowercased).
    front_matter: dict[str, Any] = field(default_factory=dict)
    # The page's own rights statement (<meta name="copyright">, dc.rights): the copyright holder
    # when no notice is printed in the text.
    rights: str | None = None


@dataclass(frozen=True)
class Document:
    """A loaded article. ``text`` is NFC main text, paragraphs separated by one blank line."""

    id: str  # sha256 hex of the raw bytes
    origin: str  # path or URL it came from
    format: Literal["text", "markdown", "html"]
    title: str
    text: str
    links: tuple[Link, ...] = ()
    media: tuple[Media, ...] = ()
    meta: Meta = field(default_factory=Meta)
    size: int = 0  # bytes of the raw input
    encoding: str = "utf-8"
    # Text of page furniture left out of ``text`` (site header/footer, asides), where publishers
    # often print their republishing terms; searched by terms detection, never indexed by offsets.
    furniture: str = ""
    # Paragraphs of ``text`` that are notice or furniture, not the work; only the rest is compared.
    regions: tuple[Region, ...] = ()
    # What loading had to work around (e.g. a fallback text extraction); reports show it.
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Attribution:
    """What a copy must credit, taken from the original (metadata, footer lines) or flags."""

    source: str | None = None  # e.g. "South Front"
    copyright_holder: str | None = None
    copyright_year: int | None = None
    author: str | None = None
    author_institution: str | None = None
    url: str | None = None  # canonical URL of the original article
    title: str | None = None
    published: str | None = None
    publisher: str | None = None  # the site that published the original, e.g. "Global Research"
    found: dict[str, str] = field(default_factory=dict)  # fact -> how it was found


@dataclass(frozen=True)
class Passage:
    """A stretch of the original and the stretch of the copy it aligns to."""

    original: Span
    copy: Span
    score: float  # 0..100, rapidfuzz similarity of the two stretches after normalisation
    kind: Literal["verbatim", "modified"]
    words: int = 0  # words in the original stretch


@dataclass(frozen=True)
class Comparison:
    """How much of the original the copy reuses, and where."""

    jaccard: float  # exact Jaccard similarity of the two word-shingle sets
    containment: float  # share of the original's shingles found in the copy
    coverage: float  # share of the original's characters inside aligned passages
    longest_run: int  # longest verbatim run, in words
    new_text_share: float  # share of the copy's characters outside aligned passages
    passages: tuple[Passage, ...] = ()


@dataclass(frozen=True)
class Requirement:
    """One demand of a set of terms, e.g. 'credit the source'.

    ``params`` is the ``Params`` of the kind's check module (``compliance/checks/<kind>.py``);
    None means the kind's defaults.
    """

    id: str
    kind: str
    severity: Severity = "error"
    params: KindParams | None = field(default=None, metadata={"type_from": "kind"})
    message: str | None = None
    clause: str | None = None  # key into Terms.clauses; None means the terms' main clause


@dataclass(frozen=True)
class Detect:
    """How an original is recognised as being under a set of terms."""

    domains: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()
    license_urls: tuple[str, ...] = ()
    # True when the phrases identify a kind of terms any publisher prints (a wire formula), so a
    # match need not name the rule's publisher.
    any_publisher: bool = False


@dataclass(frozen=True)
class Terms:
    """A publisher's or licence's republishing terms, loaded from rules/<id>.yaml."""

    id: str
    name: str
    publisher: str = ""
    url: str | None = None  # where the terms are published
    nature: Literal["factual", "creative"] = "factual"
    licensed: bool = True  # False for all-rights-reserved: only a grant or fair use covers a copy
    detect: Detect = field(default_factory=Detect)
    clauses: dict[str, str] = field(default_factory=dict)  # "main" is the default clause
    venues: dict[str, str] = field(default_factory=dict)  # venue -> allowed|permission|forbidden
    contact: str | None = None
    requirements: tuple[Requirement, ...] = ()
    source: str = ""  # the rule file it came from


@dataclass(frozen=True)
class TermsChoice:
    """Which terms were applied to the original, and why."""

    terms_id: str
    reason: Literal["flag", "config", "domain", "phrase", "notice", "license", "default"]
    detail: str = ""  # matched phrase, domain, licence URL, or the notice's sentence
    score: float | None = None  # fuzzy match score for phrases, 0..100


@dataclass(frozen=True)
class Grant:
    """Permission given to one republishing site for one publisher's work."""

    site: str  # domain of the republisher
    terms: str  # terms id (publisher) the grant covers
    reference: str = ""
    expires: str | None = None  # ISO date


@dataclass(frozen=True)
class Evidence:
    """What a finding points at: a span of one document, a link seen, or a note."""

    document: Literal["original", "copy"]
    start: int = -1
    end: int = -1
    snippet: str = ""
    note: str = ""


@dataclass(frozen=True)
class Finding:
    """One requirement that a copy fails (or, for advisories, one request to pass on)."""

    rule_id: str  # "<terms id>/<requirement id>"
    kind: str  # requirement kind
    severity: Severity
    message: str
    clause: str = ""  # the words of the terms that demand it
    evidence: tuple[Evidence, ...] = ()
    fix: str = ""
    outcome: str = ""  # short machine-readable name, e.g. "home-page-only", "bare-url"

    def sort_key(self) -> tuple[int, str, int]:
        first = self.evidence[0].start if self.evidence else -1
        return (-SEVERITY_RANK.get(self.severity, 0), self.rule_id, first)


@dataclass(frozen=True)
class Factor:
    """One statutory fair-use factor, read from measurable facts."""

    name: Literal["purpose", "nature", "amount", "transformation"]
    reading: Literal["favours-fair-use", "neutral", "against-fair-use"]
    explanation: str
    figures: dict[str, float | str | bool] = field(default_factory=dict)


@dataclass(frozen=True)
class FairUse:
    """A four-factor reading. An aid for a reviewer, not legal advice."""

    overall: Literal["likely-fair-use", "needs-review", "unlikely"]
    factors: tuple[Factor, ...] = ()
    note: str = "An aid to a reviewer, not legal advice."


@dataclass(frozen=True)
class DocumentInfo:
    """Chain of custody for one document in a report: where it came from and what it held."""

    id: str
    origin: str
    format: str
    title: str
    size: int
    sha256: str
    text: str  # so a saved report can be re-rendered with passages highlighted
    url: str | None = None
    regions: tuple[Region, ...] = ()  # notice and furniture paragraphs, set aside from the work


@dataclass(frozen=True)
class Report:
    """Everything known about one (copy, original) pair; every renderer draws from it."""

    original: DocumentInfo
    copy: DocumentInfo
    verdict: Verdict
    terms: TermsChoice
    terms_name: str
    clause: str  # the terms' main clause, quoted
    attribution: Attribution
    comparison: Comparison
    findings: tuple[Finding, ...] = ()
    fair_use: FairUse | None = None
    venue: str | None = None
    contact: str | None = None
    checked_at: str = ""  # ISO 8601 UTC
    tool_version: str = ""
    schema_version: str = SCHEMA_VERSION
    # What loading or checking had to work around ("copy: ..."), so a reader can weigh it.
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class CheckContext:
    """Everything a pure check may look at. Checks do no I/O."""

    original: Document
    copy: Document
    attribution: Attribution
    comparison: Comparison
    terms: Terms
    venue: str | None = None  # kind of the republishing site, from the project config
    copy_site: str | None = None  # domain of the republishing site, when known
    grants: tuple[Grant, ...] = ()
    today: str = ""  # ISO date the check runs, so timing checks stay pure
