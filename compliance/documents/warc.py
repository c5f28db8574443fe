"""Read web-crawl archives (WARC, optionally gzipped): one Document per HTML response record.

A crawl is messy, so nothing here stops at the first bad record: a record that cannot be loaded
(empty, undecodable, too big) is yielded as an InputError naming the record, and a truncated or
corrupt archive yields one InputError for the rest of the file after the records read so far.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import ComplianceError, InputError
from ..limits import DEFAULT_LIMITS, Limits
from ..model import Document

__all__ = ["HTML_TYPES", "is_warc", "iter_warc"]

HTML_TYPES = ("text/html", "application/xhtml+xml")
_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")


def is_warc(path: str | Path) -> bool:
    """True for names ending in .warc, .warc.gz (and the older .arc forms)."""
    return str(path).lower().endswith(_SUFFIXES)


def iter_warc(
    path: str | Path, *, max_bytes: int | None = None, limits: Limits = DEFAULT_LIMITS
) -> Iterator[Document | InputError]:
    """Yield a Document (or the InputError that stopped it) for each HTML response record.

    Raises:
        InputError: if ``path`` cannot be opened at all.
    """
    from warcio.archiveiterator import ArchiveIterator

    from . import DEFAULT_MAX_BYTES, load_bytes

    limit = max_bytes or DEFAULT_MAX_BYTES
    name = str(path)
    try:
        stream = open(path, "rb")  # noqa: SIM115 - closed in finally, generator-friendly
    except OSError as exc:
        raise InputError(f"cannot open WARC file ({exc.strerror or exc})", name) from exc
    read = 0
    try:
        records = iter(ArchiveIterator(stream, arc2warc=True))
        while True:
            try:
                record = next(records)
            except StopIteration:
                break
            except Exception as exc:  # warcio raises several types for damaged archives
                yield InputError(
                    f"WARC is truncated or corrupt after {read} records ({_reason(exc)})", name
                )
                return
            read += 1
            content_type = ""
            if record.http_headers is not None:
                content_type = record.http_headers.get_header("Content-Type") or ""
            skip = record.rec_type != "response" or record.http_headers is None
            if skip or content_type.split(";")[0].strip().lower() not in ("", *HTML_TYPES):
                if _drain(record):
                    yield InputError(f"WARC is truncated inside record {read}", name)
                    return
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI") or ""
            record_id = (record.rec_headers.get_header("WARC-Record-ID") or "").strip("<>")
            origin = f"{name}#{record_id or uri}"
            try:
                data = record.content_stream().read(limit + 1)
            except Exception as exc:
                yield InputError(f"record is truncated or unreadable ({_reason(exc)})", origin)
                yield InputError(f"WARC is truncated or corrupt after {read} records", name)
                return
            if len(data) <= limit and getattr(record.raw_stream, "limit", 0) > 0:
                yield InputError("record is truncated (the archive ends inside it)", origin)
                continue
            try:
                yield load_bytes(
                    data,
                    origin=origin,
                    content_type=content_type or None,
                    url=uri or None,
                    max_bytes=limit,
                    limits=limits,
                )
            except ComplianceError as exc:
                yield exc if isinstance(exc, InputError) else InputError(exc.message, origin)
    finally:
        stream.close()


def _drain(record: Any) -> bool:
    """Read a skipped record to its end; True when the archive ended inside it."""
    stream = record.raw_stream
    while stream.read(1 << 16):
        pass
    return getattr(stream, "limit", 0) > 0


def _reason(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
