"""Read web-crawl archives (WARC, optionally gzipped): one Document per successful HTML or text
response record.

A crawl is messy, so nothing here stops at the first bad record: a record that cannot be loaded
(empty, undecodable, too big) is yielded as an InputError naming the record, and a truncated or
corrupt archive yields one InputError for the rest of the file after the records read so far.
Records that are not pages to check (requests, metadata, redirects, 404s, images, scripts) are
yielded as SkippedRecord, so callers can count them. A file that is not a WARC at all, or ends
inside its first header, is one InputError for the file.

A record's identity in every output is its target URI (``WARC-Target-URI``): the Document's
origin and URL, and the origin of its errors and skips.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import ComplianceError, InputError
from ..limits import DEFAULT_LIMITS, Limits
from ..model import Document

__all__ = ["HTML_TYPES", "TEXT_TYPES", "SkippedRecord", "is_warc", "iter_warc"]

HTML_TYPES = ("text/html", "application/xhtml+xml")
TEXT_TYPES = (*HTML_TYPES, "text/plain", "text/markdown")
"""Content types of the responses that are read as documents; a missing type is tried too."""
_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
_MAGIC = (b"WARC/", b"filedesc://")  # a WARC record, or an ARC file's first record


@dataclass(frozen=True)
class SkippedRecord:
    """A record that is not a page to check, and why (counted, not an error)."""

    origin: str
    reason: str


def is_warc(path: str | Path) -> bool:
    """True for names ending in .warc, .warc.gz (and the older .arc forms)."""
    return str(path).lower().endswith(_SUFFIXES)


def iter_warc(
    path: str | Path, *, max_bytes: int | None = None, limits: Limits = DEFAULT_LIMITS
) -> Iterator[Document | InputError | SkippedRecord]:
    """Yield a Document, the InputError that stopped it, or a SkippedRecord for each record.

    No record is inflated beyond ``max_bytes``: a larger one ends the reading of the archive.

    Raises:
        InputError: if ``path`` cannot be opened, is not a WARC, or ends inside its first header.
    """
    from warcio.archiveiterator import ArchiveIterator

    from . import DEFAULT_MAX_BYTES

    limit = max_bytes or DEFAULT_MAX_BYTES
    name = str(path)
    try:
        stream = open(path, "rb")  # noqa: SIM115 - closed in finally, generator-friendly
    except OSError as exc:
        raise InputError(f"cannot open WARC file ({exc.strerror or exc})", name) from exc
    try:
        _check_magic(stream, name)
        records = iter(ArchiveIterator(stream, arc2warc=True))
        read = 0
        while True:
            try:
                record = next(records)
            except StopIteration:
                return
            except Exception as exc:  # warcio raises several types for damaged archives
                if not read:
                    raise InputError(
                        f"not a readable WARC: it ends or breaks inside its first record"
                        f" header ({_reason(exc)})",
                        name,
                    ) from None
                yield InputError(
                    f"WARC is truncated or corrupt after {read} records ({_reason(exc)})", name
                )
                return
            read += 1
            item, stop = _read_record(record, name, read, limit, limits)
            yield item
            if stop:
                return
    finally:
        stream.close()


def _check_magic(stream: Any, name: str) -> None:
    """Refuse a file whose first record does not start as a WARC (or ARC) record does."""
    head = stream.read(512)
    stream.seek(0)
    if head[:2] == b"\x1f\x8b":
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 64)
        except zlib.error:
            head = b""
        what = "a gzip member that is not a WARC record"
    else:
        what = "not a WARC file"
    if not head.lstrip(b"\r\n").startswith(_MAGIC):
        raise InputError(f"{what} (it does not start with a WARC/ header)", name)


def _read_record(
    record: Any, name: str, read: int, limit: int, limits: Limits
) -> tuple[Document | InputError | SkippedRecord, bool]:
    """(what this record yields, whether reading the archive must stop after it)."""
    from . import load_bytes

    uri = record.rec_headers.get_header("WARC-Target-URI") or ""
    record_id = (record.rec_headers.get_header("WARC-Record-ID") or "").strip("<>")
    origin = uri or f"{name}#{record_id or read}"
    skip = _skip_reason(record)
    if skip:
        ended = _drain(record, limit)
        if ended:
            return InputError(ended, origin), True
        return SkippedRecord(origin, skip), False
    try:
        data = record.content_stream().read(limit + 1)
    except Exception as exc:  # warcio raises several types for a damaged record
        return InputError(f"record is truncated or unreadable ({_reason(exc)})", origin), True
    if len(data) > limit:
        message = f"record is larger than --max-bytes ({limit}); the rest of {name} is skipped"
        return InputError(message, origin), True
    if getattr(record.raw_stream, "limit", 0) > 0:
        return InputError("record is truncated (the archive ends inside it)", origin), True
    content_type = record.http_headers.get_header("Content-Type") or ""
    try:
        doc = load_bytes(
            data,
            origin=origin,
            content_type=content_type or None,
            url=uri or None,
            max_bytes=limit,
            limits=limits,
        )
    except ComplianceError as exc:
        return (exc if isinstance(exc, InputError) else InputError(exc.message, origin)), False
    except Exception as exc:  # a hostile record must cost only itself, never the whole scan
        return InputError(f"record could not be read ({_reason(exc)})", origin), False
    return doc, False


def _skip_reason(record: Any) -> str:
    """Why a record is not a page to check, or "" when it is one."""
    if record.rec_type != "response" or record.http_headers is None:
        return f"a {record.rec_type} record, not a response"
    status = record.http_headers.get_statuscode() or ""
    if not status.startswith("2"):
        return f"HTTP status {status or 'missing'}, not a successful response"
    content_type = record.http_headers.get_header("Content-Type") or ""
    kind = content_type.split(";")[0].strip().lower()
    if kind and kind not in TEXT_TYPES:
        return f"content type {kind}, not HTML or text"
    return ""


def _drain(record: Any, limit: int) -> str:
    """Read a skipped record to its end; why reading must stop, or "" when it may go on."""
    stream = record.raw_stream
    seen = 0
    while chunk := stream.read(1 << 16):
        seen += len(chunk)
        if seen > limit:
            return "record is larger than --max-bytes; the rest of the archive is skipped"
    if getattr(stream, "limit", 0) > 0:
        return "WARC is truncated inside this record"
    return ""


def _reason(exc: BaseException) -> str:
    """The exception's first line: warcio's messages run to many lines."""
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    return f"{type(exc).__name__}: {lines[0]}" if lines else type(exc).__name__
