"""What the index keeps per original, and how it is made from a loaded Document.

An entry holds everything a scan needs without the original file: the MinHash signature and
shingle count (candidate search), the attribution facts and terms choice (the checks), and the
whole Document, compressed, so the full alignment can run against the original's text.
"""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass

import numpy as np
from datasketch import LeanMinHash

from .. import serialize
from ..errors import IndexFileError
from ..model import Attribution, Document, TermsChoice

__all__ = [
    "SHINGLE_K",
    "IndexEntry",
    "decode_signature",
    "encode_signature",
    "fingerprint",
    "make_entry",
    "signature_scheme",
]

_BYTEORDER = "<"

SHINGLE_K = 5
"""Words per shingle for the index signature. Longer than the alignment's shingles on purpose:
3-word shingles such as "one of the" recur across unrelated articles and gave unrelated pairs
up to 6 shared minima out of 128 in the benchmark; with 5 words they share at most 1-2, while
an excerpt of 150 words still shares 7 or more with its source (bench/bench_scan.py)."""


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
    signature: bytes  # LeanMinHash.serialize, little-endian
    document: bytes
    raw_size: int
    added_at: str = ""

    def minhash(self) -> LeanMinHash:
        return decode_signature(self.signature)

    def hashvalues(self) -> np.ndarray:
        return hashvalues_of(self.signature)

    def load_document(self) -> Document:
        """Rebuild the original Document (text, links, meta) from the stored copy."""
        try:
            data = json.loads(zlib.decompress(self.document).decode("utf-8"))
        except (zlib.error, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise IndexFileError(f"stored document {self.id[:12]} is corrupt ({exc})") from exc
        return serialize.from_dict(Document, data)


def encode_signature(mh: LeanMinHash) -> bytes:
    buf = bytearray(mh.bytesize(byteorder=_BYTEORDER))
    mh.serialize(buf, byteorder=_BYTEORDER)
    return bytes(buf)


def decode_signature(data: bytes) -> LeanMinHash:
    return LeanMinHash.deserialize(data, byteorder=_BYTEORDER)


def hashvalues_of(data: bytes) -> np.ndarray:
    """The signature's hash values as uint64, whatever scheme produced them."""
    return np.asarray(decode_signature(data).hashvalues, dtype=np.uint64)


def fingerprint(text: str) -> tuple[LeanMinHash, int]:
    """MinHash signature and shingle count of ``text`` (the similarity module's shingles)."""
    from ..similarity.minhash import signature
    from ..similarity.shingles import shingles

    grams = shingles(text, k=SHINGLE_K)
    return signature(grams), len(grams)


def make_entry(
    doc: Document, attribution: Attribution, terms: TermsChoice, *, added_at: str = ""
) -> IndexEntry:
    """Fingerprint ``doc`` and package it with its attribution facts and terms."""
    from ..documents.urls import normalise_url

    mh, count = fingerprint(doc.text)
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
        shingle_count=count,
        signature=encode_signature(mh),
        document=zlib.compress(payload.encode("utf-8"), 6),
        raw_size=doc.size,
        added_at=added_at,
    )


def signature_scheme() -> str:
    """Names what makes signatures comparable; an index built under another one must be rebuilt."""
    from ..similarity.minhash import NUM_PERM, SCHEME, SEED

    return f"k={SHINGLE_K};perm={NUM_PERM};seed={SEED};scheme={SCHEME}"
