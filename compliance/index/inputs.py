"""Turn command-line inputs (files, folders, globs, WARC files, URLs) into documents to process.

An input written as a URL (``https://...``) is kept as a string and downloaded by
``iter_documents`` (``documents.fetch``); a URL with another scheme is refused there, one line
naming it, like any other unreadable input.

Folders are walked for article files (HTML, Markdown, text) and WARC archives; hidden files and
other suffixes are skipped there, but a file named explicitly is always tried. A document that
cannot be loaded is yielded as its InputError so batch callers can report it and go on.
"""

from __future__ import annotations

import glob
from collections.abc import Iterator, Sequence
from pathlib import Path

from ..documents.warc import SkippedRecord, is_warc, iter_warc
from ..errors import ComplianceError, InputError
from ..model import Document

__all__ = ["DOCUMENT_SUFFIXES", "expand_inputs", "iter_documents", "iter_inputs"]

DOCUMENT_SUFFIXES = (".html", ".htm", ".xhtml", ".md", ".markdown", ".txt", ".text")


def _wanted(path: Path) -> bool:
    if any(part.startswith(".") for part in path.parts if part not in (".", "..")):
        return False
    return is_warc(path) or path.suffix.lower() in DOCUMENT_SUFFIXES


def expand_inputs(inputs: Sequence[str | Path]) -> list[Path | str]:
    """Files (and URLs, as given) to read, in a stable order, without duplicates.

    Raises:
        InputError: if an input names nothing (a missing path or a glob matching no file).
    """
    from ..documents.fetch import is_url

    seen: set[Path | str] = set()
    out: list[Path | str] = []

    def keep(path: Path | str) -> None:
        if path not in seen:
            seen.add(path)
            out.append(path)

    for raw in inputs:
        text = str(raw)
        path = Path(text)
        if isinstance(raw, str) and is_url(text):  # before globbing: '?' starts a query here
            keep(text)
        elif path.is_dir():
            for found in sorted(p for p in path.rglob("*") if p.is_file()):
                if _wanted(found.relative_to(path)):
                    keep(found)
        elif path.exists():
            keep(path)
        elif glob.has_magic(text):
            matches = sorted(Path(m) for m in glob.glob(text, recursive=True))
            files = [m for m in matches if m.is_file()]
            for folder in (m for m in matches if m.is_dir()):
                files.extend(p for p in sorted(folder.rglob("*")) if p.is_file() and _wanted(p))
            if not files:
                raise InputError("no files match this pattern", text)
            for found in files:
                keep(found)
        else:
            raise InputError("no such file or folder", text)
    return out


def iter_documents(
    path: Path | str, *, max_bytes: int | None = None
) -> Iterator[Document | InputError]:
    """The documents in one input: one for an article or a URL, one per HTML record for a WARC."""
    for item in iter_inputs(path, max_bytes=max_bytes):
        if not isinstance(item, SkippedRecord):
            yield item


def iter_inputs(
    path: Path | str, *, max_bytes: int | None = None
) -> Iterator[Document | InputError | SkippedRecord]:
    """``iter_documents``, with the WARC records that are not pages to check (for counting)."""
    from ..documents import DEFAULT_MAX_BYTES, load_path
    from ..documents.fetch import fetch, is_url

    limit = max_bytes or DEFAULT_MAX_BYTES
    if isinstance(path, str) and is_url(path):
        try:
            yield fetch(path, max_bytes=limit)
        except ComplianceError as exc:
            yield exc if isinstance(exc, InputError) else InputError(exc.message, path)
        return
    if is_warc(path):
        try:
            yield from iter_warc(path, max_bytes=limit)
        except InputError as exc:
            yield exc
        return
    try:
        yield load_path(path, max_bytes=limit)
    except InputError as exc:
        yield exc
    except ComplianceError as exc:
        yield InputError(exc.message, exc.source or str(path))
