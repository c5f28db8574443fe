"""The one pipeline every front end uses: terms -> compare -> check -> fair use -> verdict.

Loading happens before (documents/), rendering after (reports/); this module only wires the
pure stages together over plain data, so `check`, `scan`, the hook and the service agree.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import __version__
from .model import (
    CheckContext,
    Document,
    DocumentInfo,
    Grant,
    Report,
    Terms,
)

if TYPE_CHECKING:
    from .config import ProjectConfig
    from .similarity.align import AlignParams


@dataclass(frozen=True)
class CheckOptions:
    """What a front end may decide for a check; every field has a sensible default."""

    terms_id: str | None = None  # --terms: force these terms
    rules_dirs: tuple[Path, ...] = ()  # extra or overriding rule files
    overrides: Mapping[str, str | None] = field(default_factory=dict)  # source/copyright/url/author
    min_containment: float | None = None  # None: passages alone decide (similarity.is_copy)
    venue: str | None = None  # kind of the republishing site
    copy_site: str | None = None  # domain of the republishing site
    grants: tuple[Grant, ...] = ()
    domain_map: Mapping[str, str] = field(default_factory=dict)  # domain -> terms id
    today: str | None = None  # ISO date; None means today (UTC)
    align: AlignParams | None = None
    fair_use: Mapping[str, Any] = field(default_factory=dict)  # threshold overrides
    library: Mapping[str, Terms] | None = None  # preloaded terms, for batch callers

    @classmethod
    def from_config(
        cls, config: ProjectConfig, *, rules_dirs: Sequence[Path] = (), **fields: Any
    ) -> CheckOptions:
        """Options with the project config's rule folders, grants, domain map and fair use.

        One place, so check, scan and the hook pass the same settings on. ``rules_dirs`` (from
        the command line) come before the config's folders; ``fields`` set everything else.
        """
        return cls(
            rules_dirs=tuple(rules_dirs) + tuple(config.rules_dirs),
            grants=tuple(config.grants),
            domain_map=dict(config.domain_map),
            fair_use=dict(config.fair_use),
            **fields,
        )


def document_info(doc: Document) -> DocumentInfo:
    """Chain-of-custody record of a document: identity, origin, size and its text."""
    return DocumentInfo(
        id=doc.id,
        origin=doc.origin,
        format=doc.format,
        title=doc.title,
        size=doc.size,
        sha256=doc.id,
        text=doc.text,
        url=doc.meta.canonical_url,
        regions=doc.regions,
    )


def load_library(options: CheckOptions) -> Mapping[str, Terms]:
    """The terms library for these options (built-ins plus --rules folders)."""
    if options.library is not None:
        return options.library
    from .terms import load_library as _load

    return _load(options.rules_dirs)


def check_pair(copy: Document, original: Document, options: CheckOptions | None = None) -> Report:
    """Compare ``copy`` with ``original`` and check it against the original's terms."""
    from . import checks, fairuse, similarity, verdict
    from .documents.attribution import extract_attribution
    from .documents.regions import work_text
    from .documents.urls import domain
    from .terms import contact_for, resolve_terms

    opts = options or CheckOptions()
    library = load_library(opts)
    attribution = extract_attribution(original, opts.overrides)
    choice, terms = resolve_terms(
        original, attribution, library, flag=opts.terms_id, domain_map=opts.domain_map
    )
    # Only the work is compared: notice and furniture lines are blanked, offsets unchanged.
    comparison = similarity.compare(work_text(original), work_text(copy), opts.align)
    copy_site = opts.copy_site
    if copy_site is None and copy.meta.canonical_url:
        copy_site = domain(copy.meta.canonical_url)
    ctx = CheckContext(
        original=original,
        copy=copy,
        attribution=attribution,
        comparison=comparison,
        terms=terms,
        venue=opts.venue,
        copy_site=copy_site,
        grants=tuple(opts.grants),
        today=opts.today or date.today().isoformat(),
    )
    copied = similarity.is_copy(comparison, opts.min_containment)
    checked = checks.run_checks(ctx) if copied else []
    fair_use = None
    if copied and verdict.fair_use_matters(ctx, checked):
        thresholds = fairuse.FairUseThresholds.from_dict(dict(opts.fair_use))
        fair_use = fairuse.assess(ctx, thresholds)
    outcome, findings = verdict.judge(ctx, copied, checked, fair_use)
    return Report(
        original=document_info(original),
        copy=document_info(copy),
        verdict=outcome,
        terms=choice,
        terms_name=terms.name,
        clause=terms.clauses.get("main", ""),
        attribution=attribution,
        comparison=similarity.as_judged(comparison, copied),
        findings=tuple(sorted(findings, key=lambda f: f.sort_key())),
        fair_use=fair_use,
        venue=opts.venue,
        contact=contact_for(original, terms),
        checked_at=datetime.now(UTC).isoformat(timespec="seconds"),
        tool_version=__version__,
        notes=_notes(original, copy),
    )


def _notes(original: Document, copy: Document) -> tuple[str, ...]:
    """What loading either document had to work around, each named by its document."""
    named = (("original", original), ("copy", copy))
    return tuple(f"{which}: {note}" for which, doc in named for note in doc.notes)


def with_library(options: CheckOptions) -> CheckOptions:
    """Options with the terms library loaded once, for callers that check many pairs."""
    if options.library is not None:
        return options
    return replace(options, library=load_library(options))
