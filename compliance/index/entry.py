"""What the index keeps per original, and how it is made from a loaded Document.

An entry holds everything a scan needs without the original file: the MinHash signature and
shingle count (candidate search), the attribution facts and terms choice (the checks), and the
whole Document, compressed, so the full alignment can run against the original's text.
"""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .. import serialize
from ..errors import IndexFileError
from ..model import Attribution, Document, TermsChoice

if TYPE_CHECKING:
    import numpy as np

__all__ = [
    "IndexEntry",
    "encode_signature",
    "make_entry",
]


@dataclass(frozen=True)
class IndexEntry:
    """One original in the archive. ``document`` is zlib-compressed JSON of the Document."""

    id: str
    origin: str
    url: str | None
    url_key: str | None  # normalised URL, for `index remove URL` and lookups
    title: str
    terms: TermsChoice
    attribution: Attribution
    shingle_count: int
    signature: bytes  # MinHash minima, little-endian uint32 (encode_signature)
    document: bytes
    raw_size: int
    added_at: str = ""
    anchors: bytes = b""  # sorted little-endian uint64 anchor hashes

    def anchor_hashes(self) -> np.ndarray:
        """The stored anchors (sorted uint64): the original's, as ``fingerprint`` found them at
        ``index add``, so a scan need not fingerprint the original again."""
        import numpy as np

        return np.frombuffer(self.anchors, dtype="<u8")

    def load_document(self) -> Document:
        """Rebuild the original Document (text, links, meta) from the stored copy."""
        try:
            data = json.loads(zlib.decompress(self.document).decode("utf-8"))
        except (zlib.error, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise IndexFileError(f"stored document {self.id[:12]} is corrupt ({exc})") from exc
        return serialize.from_dict(Document, data)


def encode_signature(hashvalues: np.ndarray) -> bytes:
    """The MinHash minima as stored: little-endian uint32 (the affine32 scheme's width)."""
    import numpy as np

    return np.asarray(hashvalues, dtype="<u4").tobytes()


def make_entry(
    doc: Document, attribution: Attribution, terms: TermsChoice, *, added_at: str = ""
) -> IndexEntry:
    """Fingerprint ``doc`` and package it with its attribution facts and terms.

    numpy (through ``fingerprint``) is imported here, not with the module: a lookup by URL
    reads entries and needs no array."""
    from ..documents.urls import normalise_url
    from .fingerprint import fingerprint

    fp = fingerprint(doc.text)
    url = doc.meta.canonical_url or attribution.url
    payload = json.dumps(serialize.to_dict(doc), ensure_ascii=False, separators=(",", ":"))
    return IndexEntry(
        id=doc.id,
        origin=doc.origin,
        url=url,
        url_key=normalise_url(url) if url else None,
        title=doc.title,
        terms=terms,
        attribution=attribution,
        shingle_count=fp.size,
        signature=encode_signature(fp.hashvalues),
        document=zlib.compress(payload.encode("utf-8"), 6),
        raw_size=doc.size,
        added_at=added_at,
        anchors=fp.anchors.astype("<u8").tobytes(),
    )
