"""`index add`: load originals, read their attribution and terms, and store them in batches.

Results are reported only after the batch holding them has committed, so "added" on screen
always means "on disk", whatever happens to the process next. At the end the candidate search
is built once and kept inside the index for the scans that follow.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from ..errors import InputError
from ..model import Document, Terms
from .entry import IndexEntry, make_entry
from .search import ContainmentSearch
from .storage import Storage

__all__ = ["AddOptions", "AddResult", "add_documents"]


@dataclass(frozen=True)
class AddOptions:
    """How originals are classified when added (the same choices `check` makes)."""

    terms_id: str | None = None  # force these terms for every original added
    rules_dirs: tuple[Path, ...] = ()
    domain_map: Mapping[str, str] = field(default_factory=dict)
    overrides: Mapping[str, str | None] = field(default_factory=dict)
    batch_size: int = 64
    batch_seconds: float = 1.0
    library: Mapping[str, Terms] | None = None


@dataclass(frozen=True)
class AddResult:
    """What happened to one input document."""

    origin: str
    status: Literal["added", "present", "error"]
    id: str = ""
    terms_id: str = ""
    message: str = ""


def _entry_for(doc: Document, options: AddOptions, library: Mapping[str, Terms]) -> IndexEntry:
    from ..documents.attribution import extract_attribution
    from ..terms import choose_terms

    attribution = extract_attribution(doc, options.overrides or None)
    choice = choose_terms(
        doc, attribution, library, flag=options.terms_id, domain_map=options.domain_map
    )
    return make_entry(doc, attribution, choice)


def add_documents(
    storage: Storage,
    documents: Iterable[Document | InputError],
    options: AddOptions | None = None,
) -> Iterator[AddResult]:
    """Add each document, yielding its result once it is committed (or failed to load)."""
    opts = options or AddOptions()
    library = opts.library
    if library is None:
        from ..terms import load_library

        library = load_library(opts.rules_dirs)
    if opts.terms_id is not None and opts.terms_id not in library:
        raise InputError(f"unknown terms id {opts.terms_id!r}", "--terms")
    pending: list[IndexEntry] = []
    started = time.monotonic()

    def flush() -> Sequence[AddResult]:
        nonlocal started
        flags = storage.add(pending)
        done = [
            AddResult(e.origin, "added" if new else "present", e.id, e.terms.terms_id)
            for e, new in zip(pending, flags, strict=True)
        ]
        pending.clear()
        started = time.monotonic()
        return done

    for item in documents:
        if isinstance(item, InputError):
            yield AddResult(item.source or "", "error", message=item.message)
            continue
        pending.append(_entry_for(item, opts, library))
        if len(pending) >= opts.batch_size or time.monotonic() - started >= opts.batch_seconds:
            yield from flush()
    if pending:
        yield from flush()
    ContainmentSearch.save(storage)  # once, for the scans that follow
